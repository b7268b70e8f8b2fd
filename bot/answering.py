"""The answer layer as the settings configure it: one place that loads it for every front end."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.settings import Settings

if TYPE_CHECKING:
    from answers import Answerer


def load_answerer(settings: Settings) -> Answerer:
    """The answer layer over the corpus file, engine and index cache that `settings` name."""
    # Imported here: `postbot ask` counts every import before it answers.
    from answers import Answerer

    return Answerer.load(settings.corpus_path, settings.engine, settings.cache_dir)
