"""BM25 scoring engines over tokenized passages.

Every engine scores with the same BM25 variant: Okapi term saturation (k1, b) with
Lucene's smoothed IDF, ``log(1 + (N - df + 0.5) / (df + 0.5))``. That IDF is positive for
every term, however common, so a term found in most passages ("china", "post",
"cooperation") can only add to a score, never lower it — unlike rank-bm25's plain
``BM25Okapi`` (its issues #39 and #43). bm25s's ``method="lucene"`` is the same formula.

Two engines, one interface (`Engine`):

- `RankBM25Engine`: rank-bm25 underneath, a Python loop over every passage per query term.
  Exact and cheap to build, and it needs only numpy, so a small corpus such as the shipped
  one never pays for importing scipy or bm25s.
- `BM25SEngine`: bm25s builds a sparse matrix of precomputed per-(term, passage) scores;
  a query sums a few of its columns. Its arrays are plain numpy, so a cached index loads
  without importing bm25s at all.

`build_engine(tokens, "auto")` picks rank-bm25 below `BM25S_MIN_PASSAGES` passages and
bm25s from there on (see that constant for why).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Protocol

import numpy as np
from rank_bm25 import BM25Okapi

K1 = 1.5
B = 0.75

ENGINES = ("auto", "rank-bm25", "bm25s")

# Below this many passages "auto" uses rank-bm25. Measured on this project's synthetic corpus
# (benchmarks/README.md): rank-bm25 costs about 0.1 µs per passage and query term, so at 2,000
# passages a ten-term question takes ~1 ms — not worth bm25s's ~0.3 s import of scipy and
# bm25s on an uncached build. Above it rank-bm25's cost grows linearly while bm25s's stays
# well under a millisecond. The shipped corpus (two articles, a few dozen passages) stays on
# rank-bm25.
BM25S_MIN_PASSAGES = 2_000


class Engine(Protocol):
    """Scores every passage against a tokenized query."""

    name: str

    def get_scores(self, query: Sequence[str]) -> np.ndarray:
        """One score per passage, in passage order; 0 where no query term occurs."""
        ...

    def idf(self, term: str) -> float:
        """The term's weight; 0.0 for a term no passage contains."""
        ...


def lucene_idf(doc_freq: int, n_docs: int) -> float:
    """Lucene's BM25 IDF: positive for every document frequency."""
    return math.log(1.0 + (n_docs - doc_freq + 0.5) / (doc_freq + 0.5))


def choose_engine(n_passages: int, kind: str = "auto") -> str:
    """The engine `build_engine` uses for `n_passages` passages: "rank-bm25" or "bm25s".

    Raises:
        ValueError: `kind` is not one of `ENGINES`.
    """
    if kind not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {kind!r}")
    if kind != "auto":
        return kind
    return "bm25s" if n_passages >= BM25S_MIN_PASSAGES else "rank-bm25"


def build_engine(tokens: Sequence[Sequence[str]], kind: str = "auto") -> Engine:
    """An engine over `tokens` (one token list per passage).

    Args:
        tokens: the passages' tokens, in passage order.
        kind: "rank-bm25", "bm25s", or "auto" to choose by the number of passages.

    Raises:
        ValueError: `kind` is unknown, or there are no passages.
    """
    if choose_engine(len(tokens), kind) == "bm25s":
        return BM25SEngine.build(tokens)
    return RankBM25Engine(tokens)


def top_passages(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the `k` best positive scores, best first; equal scores keep passage order."""
    candidates = np.flatnonzero(scores > 0)
    if k <= 0 or candidates.size == 0:
        return candidates[:0]
    if candidates.size > k:
        kth_best = np.partition(scores[candidates], -k)[-k]
        candidates = candidates[scores[candidates] >= kth_best]
    order = np.lexsort((candidates, -scores[candidates]))
    return candidates[order][:k]


class _SmoothedOkapi(BM25Okapi):
    """rank-bm25's Okapi scoring with the Lucene IDF in place of its epsilon floor."""

    def _calc_idf(self, nd: dict[str, int]) -> None:
        self.idf = {word: lucene_idf(freq, self.corpus_size) for word, freq in nd.items()}


class RankBM25Engine:
    """rank-bm25 underneath: simple and exact, fine for small corpora."""

    name = "rank-bm25"

    def __init__(self, passages: Sequence[Sequence[str]]) -> None:
        if not passages:
            raise ValueError("an index needs at least one passage")
        self._bm25 = _SmoothedOkapi([list(p) for p in passages], k1=K1, b=B)

    def get_scores(self, query: Sequence[str]) -> np.ndarray:
        return np.asarray(self._bm25.get_scores(list(query)), dtype=np.float64)

    def idf(self, term: str) -> float:
        return float(self._bm25.idf.get(term, 0.0))


class BM25SEngine:
    """bm25s's sparse index of precomputed scores: fast at any corpus size.

    The index is a compressed-sparse-column matrix (passages x vocabulary): column `t` holds
    term `t`'s BM25 score in every passage containing it, as the arrays `data` (scores),
    `indices` (passage numbers) and `indptr` (where each column starts). bm25s's "lucene"
    term score lacks Okapi's constant ``(k1 + 1)`` factor, which rank-bm25 keeps; it is
    folded into `data` so both engines return the same scores.
    """

    name = "bm25s"

    def __init__(
        self,
        vocabulary: Sequence[str],
        data: np.ndarray,
        indices: np.ndarray,
        indptr: np.ndarray,
        n_passages: int,
    ) -> None:
        """Wrap arrays made by `build` (or loaded from a cache); checks their shapes agree."""
        if n_passages <= 0:
            raise ValueError("an index needs at least one passage")
        if indptr.shape != (len(vocabulary) + 1,) or data.shape != indices.shape:
            raise ValueError("BM25 index arrays do not fit together")
        if int(indptr[0]) != 0 or int(indptr[-1]) != data.shape[0]:
            raise ValueError("BM25 index column pointers do not fit the data")
        self.vocabulary = list(vocabulary)
        self._term_ids: Mapping[str, int] = {term: i for i, term in enumerate(self.vocabulary)}
        # asarray: a plain view of a memory map, without np.memmap's slow Python indexing.
        self.data = np.asarray(data)
        self.indices = np.asarray(indices)
        self.indptr = np.asarray(indptr)
        self.n_passages = n_passages
        self._idf: dict[str, float] = {}  # answering asks for the same few terms' weights often

    @classmethod
    def build(cls, passages: Sequence[Sequence[str]]) -> BM25SEngine:
        """Index the passages' tokens with bm25s (imported here, only when needed)."""
        if not passages:
            raise ValueError("an index needs at least one passage")
        term_ids: dict[str, int] = {}
        ids = [[term_ids.setdefault(t, len(term_ids)) for t in p] for p in passages]
        return cls.build_from_ids(ids, list(term_ids))

    @classmethod
    def build_from_ids(
        cls, passages: Sequence[Sequence[int]], vocabulary: Sequence[str]
    ) -> BM25SEngine:
        """Index passages given as term numbers into `vocabulary` (each term used somewhere)."""
        if not passages:
            raise ValueError("an index needs at least one passage")
        import bm25s

        term_ids = {term: i for i, term in enumerate(vocabulary)}
        model = bm25s.BM25(k1=K1, b=B, method="lucene", dtype="float64", int_dtype="int32")
        model.index((list(passages), term_ids), create_empty_token=False, show_progress=False)
        matrix = model.scores
        return cls(
            vocabulary=list(vocabulary),
            data=np.asarray(matrix["data"], dtype=np.float64) * (K1 + 1),
            indices=np.asarray(matrix["indices"], dtype=np.int32),
            indptr=np.asarray(matrix["indptr"], dtype=np.int64),
            n_passages=len(passages),
        )

    def get_scores(self, query: Sequence[str]) -> np.ndarray:
        # A repeated query term counts again, as in rank-bm25; bincount adds the columns in
        # query order, so each sum is formed in the same order as rank-bm25's.
        columns = [self._term_ids[t] for t in query if t in self._term_ids]
        if not columns:
            return np.zeros(self.n_passages, dtype=np.float64)
        spans = [(int(self.indptr[c]), int(self.indptr[c + 1])) for c in columns]
        rows = np.concatenate([self.indices[start:end] for start, end in spans])
        weights = np.concatenate([self.data[start:end] for start, end in spans])
        return np.bincount(rows, weights=weights, minlength=self.n_passages)

    def idf(self, term: str) -> float:
        weight = self._idf.get(term)
        if weight is None:
            column = self._term_ids.get(term)
            if column is None:
                return 0.0
            doc_freq = int(self.indptr[column + 1] - self.indptr[column])
            weight = self._idf[term] = lucene_idf(doc_freq, self.n_passages)
        return weight
