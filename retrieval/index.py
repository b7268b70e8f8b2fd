"""A searchable BM25 index over the passages of a set of articles."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from retrieval.engines import (
    ENGINES,
    BM25SEngine,
    Engine,
    RankBM25Engine,
    choose_engine,
    lucene_idf,
    top_passages,
)
from retrieval.passages import Passage, split_passages
from retrieval.table import PassageTable, RowList
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
    """Passages, their terms and a BM25 engine that scores them.

    The passages live in a `PassageTable` (flat arrays, perhaps memory-mapped from the
    cache); `passages` and `tokens` read it like lists, making each item when it is read.
    """

    def __init__(
        self,
        table: PassageTable,
        engine: Engine,
        word_counts: Mapping[str, int] | None = None,
    ):
        self.table = table
        self.passages: Sequence[Passage] = RowList(len(table), table.passage)
        self.tokens: Sequence[list[str]] = RowList(len(table), table.tokens)
        self._engine = engine
        self._word_counts = None if word_counts is None else dict(word_counts)
        self._term_sets = table.term_sets

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
        if not passages:
            raise ValueError("an index needs at least one passage")
        table = PassageTable.from_passages(passages, tokens)
        return cls(table, build_table_engine(table, engine, tokens))

    @classmethod
    def build(cls, articles: Sequence[Article], engine: str = "auto") -> Index:
        """Split `articles` into passages, tokenize them and index them."""
        passages = [p for article in articles for p in split_passages(article)]
        return cls.from_tokens(passages, [tokenize(p.text) for p in passages], engine)

    @property
    def engine(self) -> Engine:
        """The engine scoring the passages."""
        return self._engine

    @property
    def size(self) -> int:
        """How many passages the index holds."""
        return len(self.table)

    def rows(self, article_id: str) -> list[int]:
        """The index positions of the article's passages, title first; [] if unknown."""
        return self.table.rows(article_id)

    def terms(self, row: int) -> frozenset[str]:
        """The distinct terms of the passage at index position `row`."""
        try:  # answering asks for the same rows' terms many times a question
            return self._term_sets[row]
        except KeyError:
            return self.table.terms(row)

    def article_terms(self, article_id: str) -> frozenset[str]:
        """Every distinct term of the article's passages: the union of their `terms`."""
        return self.table.article_terms(article_id)

    def vocabulary(self) -> Sequence[str]:
        """Every distinct term the passages have."""
        return self.table.columns.vocabulary

    def word_counts(self) -> dict[str, int]:
        """The passages' words as written, lowercased, and how often each occurs.

        Only words of letters count; the first-seen word comes first. Counted on first
        use unless the index was loaded with them (`retrieval.cache`).
        """
        if self._word_counts is None:
            self._word_counts = count_words(map(self.table.text, range(self.size)))
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
            Hit(self.table.passage(i), float(scores[i]), frozenset(wanted & self.table.terms(i)))
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


def build_table_engine(
    table: PassageTable, kind: str = "auto", tokens: Sequence[list[str]] | None = None
) -> Engine:
    """An engine over the table's passages (`tokens`: their terms, if already at hand).

    Raises:
        ValueError: `kind` is not one of `ENGINES`.
    """
    if choose_engine(len(table), kind) == "bm25s":
        return BM25SEngine.build_from_ids(table.id_lists(), table.columns.vocabulary)
    return RankBM25Engine(table.token_lists() if tokens is None else tokens)
