"""Ranking articles for a question: each by its best window of sentences and as a whole."""

from __future__ import annotations

from collections.abc import Sequence

from answers.coverage import Evidence, QueryCoverage
from answers.lexicon import segment
from corpus.model import Article
from corpus.text import to_simplified
from retrieval.index import Hit, Index
from retrieval.tokenize import has_han, tokenize

# An answer may spread over neighbouring sentences: a passage is also read with this many
# sentences on each side, and what only the window matches counts this much less than a
# match in one sentence (read with the article's title, which says what it is about).
WINDOW = 1
WINDOW_PENALTY = 0.15


class Ranker:
    """Reads the articles of an index as a question's evidence."""

    def __init__(self, index: Index, articles: Sequence[Article]) -> None:
        self.index = index
        self._published = {a.id: a.published for a in articles}
        # What an article is about includes its years: "the 2014 deal" is one from 2014.
        self._years = {a.id: _years(a) for a in articles}
        self._by_id = {a.id: a for a in articles}
        self._agreement_terms: dict[str, frozenset[str]] = {}
        self._headings: dict[str, frozenset[str]] = {}

    def agreement_terms(self, article_id: str) -> frozenset[str]:
        """The terms of the article's title (as indexed) and of its agreement's parties:
        English ones tokenized, Chinese ones in the dictionary's words and their first two
        characters (天津市 is also 天津), so no question waits for jieba here."""
        terms = self._agreement_terms.get(article_id)
        if terms is None:
            article = self._by_id[article_id]
            parties = article.agreement.parties if article.agreement else ()
            found = set(self.index.terms(self.index.rows(article_id)[0]))
            for party in parties:
                if has_han(party):
                    words = segment(to_simplified(party))
                    found.update(words)
                    found.update(w[:2] for w in words if len(w) > 2)
                else:
                    found.update(tokenize(party))
            terms = self._agreement_terms[article_id] = frozenset(found)
        return terms

    def heading(self, article_id: str) -> frozenset[str]:
        """The terms of the article's title and of its years."""
        terms = self._headings.get(article_id)
        if terms is None:
            rows = self.index.rows(article_id)
            terms = self.index.terms(rows[0]) | self._years.get(article_id, frozenset())
            self._headings[article_id] = terms
        return terms

    def passage_coverage(self, coverage: QueryCoverage, article_id: str, position: int) -> float:
        """How well the passage at `position` matches: alone or in its window, with the
        article's heading."""
        index, rows = self.index, self.index.rows(article_id)
        heading = self.heading(article_id)
        own = coverage(index.terms(rows[position]) | heading)
        low, high = max(1, position - WINDOW), min(len(rows) - 1, position + WINDOW)
        window = heading.union(*(index.terms(rows[at]) for at in range(low, high + 1)))
        return max(own, coverage(window | index.terms(rows[position])) - WINDOW_PENALTY)

    def article_matches(self, terms: frozenset[str], article_id: str) -> frozenset[str]:
        """Which of `terms` the article has: in some passage or its heading."""
        return terms & (self.index.article_terms(article_id) | self.heading(article_id))

    def rank(self, coverage: QueryCoverage, hits: list[Hit], only: str | None) -> list[Evidence]:
        """The articles of `hits` (or just `only`), best first, with their coverage."""
        best_passage: dict[str, float] = {}
        top_score: dict[str, float] = {}
        for hit in hits:
            aid = hit.passage.article_id
            near = self.passage_coverage(coverage, aid, hit.passage.position)
            best_passage[aid] = max(best_passage.get(aid, 0.0), near)
            top_score.setdefault(aid, hit.score)
        if only is not None:
            best_passage.setdefault(only, 0.0)
            top_score.setdefault(only, 0.0)
        evidence = [
            Evidence(aid, cov, coverage(self.article_matches(coverage.terms, aid)))
            for aid, cov in best_passage.items()
        ]
        # Among equals, the article whose title fits the question, then the most recent.
        return sorted(
            evidence,
            key=lambda e: (
                round(e.strength, 2),
                coverage(self.heading(e.article_id)),
                self._published[e.article_id],
                top_score[e.article_id],
            ),
            reverse=True,
        )


def _years(article: Article) -> frozenset[str]:
    dates = [article.published]
    if article.agreement and article.agreement.signed_on:
        dates.append(article.agreement.signed_on)
    return frozenset(day[:4] for day in dates)
