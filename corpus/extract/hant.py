"""Read Traditional Chinese through a Simplified copy, and quote back what the page wrote."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from corpus.model import Agreement
from corpus.text import to_simplified


class Simplified:
    """A page's title and paragraphs in Simplified characters, able to map findings back."""

    def __init__(self, title: str, paragraphs: Sequence[str]) -> None:
        self.original = [title, *paragraphs]
        converted = [to_simplified(t) for t in self.original]
        self.title, self.paragraphs = converted[0], converted[1:]
        self._converted = converted

    def quote(self, found: str) -> str:
        """`found` (Simplified, taken from the copy) as the page writes it."""
        for original, simplified in zip(self.original, self._converted, strict=True):
            start = simplified.find(found)
            if start >= 0 and len(original) == len(simplified):
                return original[start : start + len(found)]
        return found

    def restore(self, agreement: Agreement) -> Agreement:
        return replace(
            agreement,
            parties=tuple(map(self.quote, agreement.parties)),
            kind=self.quote(agreement.kind),
            areas=tuple(map(self.quote, agreement.areas)),
        )
