"""BM25 scoring engines over tokenized passages.

Every engine scores with the same BM25 variant: Okapi term saturation (k1, b) with
Lucene's smoothed IDF, ``log(1 + (N - df + 0.5) / (df + 0.5))``. That IDF is positive for
every term, however common, so a term found in most passages ("china", "post",
"cooperation") can only add to a score, never lower it — unlike rank-bm25's plain
``BM25Okapi`` (its issues #39 and #43). bm25s's ``method="lucene"`` is the same formula.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

import numpy as np
from rank_bm25 import BM25Okapi

K1 = 1.5
B = 0.75


class Engine(Protocol):
    """Scores every passage against a tokenized query."""

    def get_scores(self, query: Sequence[str]) -> np.ndarray:
        """One score per passage, in passage order; 0 where no query term occurs."""
        ...

    def idf(self, term: str) -> float:
        """The term's weight; 0.0 for a term no passage contains."""
        ...


def lucene_idf(doc_freq: int, n_docs: int) -> float:
    """Lucene's BM25 IDF: positive for every document frequency."""
    return math.log(1.0 + (n_docs - doc_freq + 0.5) / (doc_freq + 0.5))


class _SmoothedOkapi(BM25Okapi):
    """rank-bm25's Okapi scoring with the Lucene IDF in place of its epsilon floor."""

    def _calc_idf(self, nd: dict[str, int]) -> None:
        self.idf = {word: lucene_idf(freq, self.corpus_size) for word, freq in nd.items()}


class RankBM25Engine:
    """rank-bm25 underneath: simple and exact, fine for small corpora."""

    def __init__(self, passages: Sequence[Sequence[str]]) -> None:
        if not passages:
            raise ValueError("an index needs at least one passage")
        self._bm25 = _SmoothedOkapi([list(p) for p in passages], k1=K1, b=B)

    def get_scores(self, query: Sequence[str]) -> np.ndarray:
        return np.asarray(self._bm25.get_scores(list(query)), dtype=np.float64)

    def idf(self, term: str) -> float:
        return float(self._bm25.idf.get(term, 0.0))
