"""The answer layer: templated, cited answers to questions about the corpus.

`Answerer` is imported on first use, so importing `answers.model` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from answers.answerer import Answerer

__all__ = ["Answerer"]


def __getattr__(name: str) -> Any:
    if name == "Answerer":
        from answers.answerer import Answerer

        return Answerer
    raise AttributeError(f"module 'answers' has no attribute {name!r}")
