"""Ranking articles for a question: each by its best window of sentences and as a whole."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from answers.abstain import Evidence, QueryCoverage
from retrieval.index import Hit, Index

# An answer may spread over neighbouring sentences: a passage is also read with this many
# sentences on each side, and what only the window matches counts this much less than a
# match in one sentence (read with the article's title, which says what it is about).
WINDOW = 1
WINDOW_PENALTY = 0.15


def passage_coverage(
    index: Index, coverage: QueryCoverage, rows: list[int], position: int
) -> float:
    """How well the passage at `position` matches: alone (with the title) or in its window."""
    title = index.terms(rows[0])
    own = coverage(index.terms(rows[position]) | title)
    low, high = max(1, position - WINDOW), min(len(rows) - 1, position + WINDOW)
    window = title.union(*(index.terms(rows[at]) for at in range(low, high + 1)))
    return max(own, coverage(window | index.terms(rows[position])) - WINDOW_PENALTY)


def article_matches(index: Index, terms: frozenset[str], article_id: str) -> frozenset[str]:
    """Which of `terms` some passage of the article has."""
    term_sets = map(index.terms, index.rows(article_id))
    return frozenset().union(*(terms & passage for passage in term_sets))


def rank_articles(
    index: Index,
    coverage: QueryCoverage,
    hits: list[Hit],
    only: str | None,
    published: Callable[[str], str],
) -> list[Evidence]:
    """The articles of `hits` (or just `only`), best first, with their coverage."""
    best_passage: dict[str, float] = {}
    top_score: dict[str, float] = {}
    for hit in hits:
        aid = hit.passage.article_id
        near = passage_coverage(index, coverage, index.rows(aid), hit.passage.position)
        best_passage[aid] = max(best_passage.get(aid, 0.0), near)
        top_score.setdefault(aid, hit.score)
    if only is not None:
        best_passage.setdefault(only, 0.0)
        top_score.setdefault(only, 0.0)
    evidence = [
        Evidence(aid, cov, coverage(article_matches(index, coverage.terms, aid)))
        for aid, cov in best_passage.items()
    ]
    return _sorted(evidence, index, coverage, published, top_score)


def _sorted(
    evidence: list[Evidence],
    index: Index,
    coverage: QueryCoverage,
    published: Callable[[str], str],
    top_score: Mapping[str, float],
) -> list[Evidence]:
    # Among equals, the article whose title fits the question, then the most recent.
    return sorted(
        evidence,
        key=lambda e: (
            round(e.strength, 2),
            coverage(index.terms(index.rows(e.article_id)[0])),
            published(e.article_id),
            top_score[e.article_id],
        ),
        reverse=True,
    )
