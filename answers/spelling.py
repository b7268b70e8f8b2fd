"""Typo repair: the corpus word closest to a word the corpus does not know."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from functools import cached_property

import numpy as np

from retrieval.index import count_words

# Longer words may be read as any corpus word; shorter ones only as question words.
SHORTEST_REPAIRED = 5
# A clipped word ("pharma", "govt" aside) keeps at least this many letters of the whole.
SHORTEST_CLIPPED = 5
# Letters a-z count apart; every other character falls in one of a few shared bins.
_OTHER_BINS = 6
_BINS = 26 + _OTHER_BINS


class Speller:
    """Knows the words of a corpus and suggests one for a misspelt word."""

    def __init__(self, counts: Mapping[str, int], question_words: Iterable[str] = ()) -> None:
        """Know the words of `counts` (lowercased words and how often the corpus has them).

        Their order breaks ties: the word seen first wins (`retrieval.index.count_words`).
        """
        self._counts = dict(counts)
        # Question words ("when", "who") are known too, so "wen" is read as "when".
        self._question_words = frozenset(w.lower() for w in question_words if w.isalpha())
        for word in self._question_words:
            self._counts[word] = self._counts.get(word, 0) + 1
        # The known words in first-seen order (which breaks ties), with what filters them.
        self._known = list(self._counts)
        self._frequency = [self._counts[w] for w in self._known]
        self._lengths = np.fromiter(map(len, self._known), dtype=np.int32, count=len(self._known))
        self._is_question = np.fromiter(
            (w in self._question_words for w in self._known), dtype=bool, count=len(self._known)
        )
        self._letters = np.zeros((len(self._known), _BINS), dtype=np.int16)
        for row, known in enumerate(self._known):
            self._letters[row] = _letter_counts(known)

    @classmethod
    def from_texts(cls, texts: Iterable[str], question_words: Iterable[str] = ()) -> Speller:
        """A speller knowing every word of `texts`."""
        return cls(count_words(texts), question_words)

    def correct(self, word: str) -> str | None:
        """The most frequent known word within one edit (two for long words), or None.

        Words of up to five letters are only read as question words: too many real words
        are one edit away from a corpus word ("start" from "smart"). A lowercase word none is
        close to may be clipped: the known word it starts.
        """
        written, word = word, word.lower()
        if not word.isalpha() or word in self._counts or len(word) < 3:
            return None
        limit = 1 if len(word) <= 6 else 2
        best: tuple[int, int, str] | None = None
        for row in self._candidates(word, limit):
            known = self._known[row]
            distance = edit_distance(word, known, limit)
            if distance <= limit and (best is None or (distance, -self._frequency[row]) < best[:2]):
                best = (distance, -self._frequency[row], known)
        if best is not None:
            return best[2]
        # A capitalised word is a name: "Guang" is no clipped "Guangdong".
        return self._unclipped(word) if written.islower() else None

    def _unclipped(self, word: str) -> str | None:
        """The most frequent known word a clipped one starts ("pharma" for
        "pharmaceutical"), for words of SHORTEST_CLIPPED letters or more."""
        if len(word) < SHORTEST_CLIPPED:
            return None
        ordered = self._in_order
        longer = []
        at = bisect_left(ordered, (word,))
        while at < len(ordered) and ordered[at][0].startswith(word):
            known, row = ordered[at]
            if len(known) >= len(word) + 2 and not self._is_question[row]:
                longer.append((-self._frequency[row], row))
            at += 1
        return self._known[min(longer)[1]] if longer else None

    @cached_property
    def _in_order(self) -> list[tuple[str, int]]:
        """The known words sorted, each with its row: the words a prefix starts are together."""
        return sorted((known, row) for row, known in enumerate(self._known))

    def _candidates(self, word: str, limit: int) -> list[int]:
        """Rows of the known words that may be within `limit` edits, in first-seen order.

        An edit changes the length by at most one and the letter counts by at most two
        (a swap by none), so the words these bounds rule out are never close enough.
        """
        lengths = self._lengths
        mask = (np.abs(lengths - len(word)) <= limit) & (lengths >= 3)
        if len(word) <= SHORTEST_REPAIRED:
            mask &= self._is_question
        rows = np.flatnonzero(mask)
        apart = np.abs(self._letters[rows] - _letter_counts(word)).sum(axis=1)
        return rows[apart <= 2 * limit].tolist()


def _letter_counts(word: str) -> np.ndarray:
    counts = np.zeros(_BINS, dtype=np.int16)
    for char in word:
        code = ord(char) - 97
        counts[code if 0 <= code < 26 else 26 + ord(char) % _OTHER_BINS] += 1
    return counts


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
