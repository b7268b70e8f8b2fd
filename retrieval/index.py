"""A searchable BM25 index over the passages of a set of articles."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from retrieval.engines import ENGINES, Engine, build_engine, lucene_idf, top_passages
from retrieval.passages import Passage, split_passages
from retrieval.tokenize import tokenize, words

if TYPE_CHECKING:
    from corpus.model import Article


@dataclass(frozen=True, slots=True)
class Hit:
    """A passage found by a search, its BM25 score and the query terms it contains."""

    passage: Passage
    score: float
    matched: frozenset[str]


class Index:
    """Passages, their terms and a BM25 engine that scores them."""

    def __init__(
        self,
        passages: Sequence[Passage],
        tokens: Sequence[list[str]],
        engine: Engine,
        word_counts: Mapping[str, int] | None = None,
    ):
        self.passages = list(passages)
        self.tokens = list(tokens)
        self._engine = engine
        self._word_counts = None if word_counts is None else dict(word_counts)
        self._term_sets = [frozenset(t) for t in self.tokens]
        self._rows_of: dict[str, list[int]] = {}
        for row, passage in enumerate(self.passages):
            self._rows_of.setdefault(passage.article_id, []).append(row)

    @classmethod
    def from_tokens(
        cls, passages: Sequence[Passage], tokens: Sequence[list[str]], engine: str = "auto"
    ) -> Index:
        """Index passages that are already tokenized.

        Args:
            passages: the passages, in index order.
            tokens: each passage's terms (from `tokenize`), in the same order.
            engine: one of ``retrieval.engines.ENGINES``; "auto" chooses by corpus size.

        Returns:
            The index.

        Raises:
            ValueError: for an unknown engine, no passages, or lengths that differ.
        """
        if engine not in ENGINES:
            raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
        if len(passages) != len(tokens):
            raise ValueError(f"{len(passages)} passages but {len(tokens)} token lists")
        return cls(passages, tokens, build_engine(tokens, engine))

    @classmethod
    def build(cls, articles: Sequence[Article], engine: str = "auto") -> Index:
        """Split `articles` into passages, tokenize them and index them."""
        passages = [p for article in articles for p in split_passages(article)]
        return cls.from_tokens(passages, [tokenize(p.text) for p in passages], engine)

    @property
    def size(self) -> int:
        """How many passages the index holds."""
        return len(self.passages)

    def rows(self, article_id: str) -> list[int]:
        """The index positions of the article's passages, title first; [] if unknown."""
        return self._rows_of.get(article_id, [])

    def terms(self, row: int) -> frozenset[str]:
        """The distinct terms of the passage at index position `row`."""
        return self._term_sets[row]

    def word_counts(self) -> dict[str, int]:
        """The passages' words as written, lowercased, and how often each occurs.

        Only words of letters count; the first-seen word comes first. Counted on first
        use unless the index was loaded with them (`retrieval.cache`).
        """
        if self._word_counts is None:
            self._word_counts = count_words(p.text for p in self.passages)
        return self._word_counts

    def idf(self, term: str) -> float:
        """The term's BM25 weight; 0.0 for a term no passage contains."""
        return self._engine.idf(term)

    def unseen_idf(self) -> float:
        """The weight a term would have if one passage contained it: the most a term weighs."""
        return lucene_idf(0, self.size)

    def scores(self, query_terms: Sequence[str]) -> np.ndarray:
        """Every passage's BM25 score for the query terms, in passage order."""
        return self._engine.get_scores(list(query_terms))

    def search(
        self,
        query_terms: Sequence[str],
        k: int = 10,
        article_ids: Collection[str] | None = None,
    ) -> list[Hit]:
        """The `k` best passages for the query terms.

        Args:
            query_terms: terms from `tokenize`; repeats count more.
            k: how many hits at most.
            article_ids: if given, only passages of these articles are returned.

        Returns:
            Hits with a positive score, best first (ties in passage order).
        """
        if not query_terms or k <= 0:
            return []
        scores = self.scores(query_terms)
        if article_ids is not None:
            allowed = np.zeros(len(scores), dtype=bool)
            for article_id in article_ids:
                allowed[self.rows(article_id)] = True
            scores = np.where(allowed, scores, 0.0)
        wanted = set(query_terms)
        return [
            Hit(self.passages[i], float(scores[i]), frozenset(wanted & self._term_sets[i]))
            for i in top_passages(scores, k).tolist()
        ]


def count_words(texts: Iterable[str]) -> dict[str, int]:
    """Each lowercased word of letters in `texts` and how often it occurs, first seen first."""
    counts: dict[str, int] = {}
    # One regex pass over all texts (a word never spans the joining newline), and each
    # distinct spelling lowercased once; first-seen order is kept either way.
    for word, count in Counter(words("\n".join(texts))).items():
        if word.isalpha():
            lowered = word.lower()
            counts[lowered] = counts.get(lowered, 0) + count
    return counts
