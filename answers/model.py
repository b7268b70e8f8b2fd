"""What the answer layer hands to every front end."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from corpus.records import as_json


@dataclass(frozen=True, slots=True)
class Citation:
    """The article an answer rests on."""

    article_id: str
    title: str
    source: str
    published: str  # YYYY-MM-DD
    snippet: str
    score: float
    url: str | None = None  # the article's address, when it was added from one

    def to_json(self) -> dict[str, Any]:
        return as_json(self) | {"score": round(self.score, 4)}


@dataclass(frozen=True, slots=True)
class Answer:
    """A templated answer to one question, or a plain refusal (answered=False)."""

    question: str
    answered: bool
    text: str  # the plain text a person reads
    lang: str  # "en" or "zh": the language of the question and of the templates used
    citations: tuple[Citation, ...] = ()
    highlights: tuple[str, ...] = ()  # words of `text` that matched the question, to be shown bold

    def linked_text(self) -> str:
        """The text with each cited article's URL on the line after its citation line."""
        linked = [c for c in self.citations if c.url] if self.answered else []
        if not linked:
            return self.text
        lines: list[str] = []
        for line in self.text.splitlines():
            lines.append(line)
            lines += [c.url for c in linked if c.url and c.title in line and c.published in line]
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answered": self.answered,
            "answer": self.text,
            "citations": [c.to_json() for c in self.citations],
        }
