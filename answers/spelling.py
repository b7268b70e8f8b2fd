"""Typo repair: the corpus word closest to a word the corpus does not know."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from retrieval.tokenize import words

# Longer words may be read as any corpus word; shorter ones only as question words.
SHORTEST_REPAIRED = 5


class Speller:
    """Knows the words of a corpus and suggests one for a misspelt word."""

    def __init__(self, texts: Iterable[str], question_words: Iterable[str] = ()) -> None:
        self._counts = Counter(w.lower() for text in texts for w in words(text) if w.isalpha())
        # Question words ("when", "who") are known too, so "wen" is read as "when".
        self._question_words = frozenset(w.lower() for w in question_words if w.isalpha())
        for word in self._question_words:
            self._counts[word] += 1

    def correct(self, word: str) -> str | None:
        """The most frequent known word within one edit (two for long words), or None.

        Words of up to five letters are only read as question words: too many real words
        are one edit away from a corpus word ("start" from "smart").
        """
        word = word.lower()
        if not word.isalpha() or word in self._counts or len(word) < 3:
            return None
        limit = 1 if len(word) <= 6 else 2
        best: tuple[int, int, str] | None = None
        for known, count in self._counts.items():
            if abs(len(known) - len(word)) > limit or len(known) < 3:
                continue
            if len(word) <= SHORTEST_REPAIRED and known not in self._question_words:
                continue
            distance = edit_distance(word, known, limit)
            if distance <= limit and (best is None or (distance, -count) < best[:2]):
                best = (distance, -count, known)
        return best[2] if best else None


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (adjacent swaps cost one), cut off past `limit`."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
