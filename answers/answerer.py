"""The answer layer: from a question to a templated, cited answer or a plain refusal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from answers.abstain import (
    Evidence,
    QueryCoverage,
    Weigher,
    is_answerable,
    ties,
    unknown_names,
)
from answers.compose import fits, highlights, lead, shorten
from answers.expand import Query, expand
from answers.model import Answer, Citation
from answers.questions import SOFT_WORDS, Kind, question_kind, question_lang
from answers.spelling import Speller
from answers.templates import render
from retrieval.index import Hit, Index
from retrieval.tokenize import tokenize

if TYPE_CHECKING:
    from corpus.agreements import AgreementEntry
    from corpus.model import Article

SEARCH_DEPTH = 50  # passages fetched per question before articles are compared
# How far below the best passage's coverage a passage that fits the question type may be.
FIT_TOLERANCE = 0.2


@dataclass(frozen=True, slots=True)
class _Found:
    """What a search found for a question: its articles ranked best first."""

    question: str
    lang: str
    query: Query
    kind: Kind
    coverage: QueryCoverage
    hits: list[Hit]
    ranked: list[Evidence]


class Answerer:
    """Answers questions from a set of articles and their passage index."""

    def __init__(self, articles: Sequence[Article], index: Index) -> None:
        from corpus.agreements import list_agreements

        self.articles = list(articles)
        self.index = index
        self.agreements: list[AgreementEntry] = list_agreements(self.articles)
        self._by_id = {a.id: a for a in self.articles}
        self._weigher = Weigher(index.idf, index.unseen_idf())

    @classmethod
    def load(
        cls, corpus_path: Path | None = None, engine: str = "auto", cache_dir: Path | None = None
    ) -> Answerer:
        """Read the corpus (default: the shipped one) and its index, cached by retrieval.cache.

        Raises:
            CorpusError: the corpus cannot be read or holds no articles.
        """
        from corpus.errors import CorpusError
        from corpus.store import DEFAULT_CORPUS, load_articles
        from retrieval.cache import load_index

        articles = load_articles(corpus_path)
        path = DEFAULT_CORPUS if corpus_path is None else corpus_path
        if not articles:
            raise CorpusError(f"{path} holds no articles; build it with postbot build-corpus")
        return cls(articles, load_index(path, articles, engine, cache_dir))

    def answer(self, question: str, *, about: str | None = None) -> Answer:
        """Answer `question`; with `about` (an article id) search only that article.

        A follow-up question about a known article needs less evidence to be answered.
        """
        question = question.strip()
        lang = question_lang(question)
        if not question:
            return Answer(question, False, render(lang, "empty"), lang)
        followup = about is not None and about in self._by_id
        found = self._find(question, lang, about if followup else None)
        answer = None if found is None else self._cite(found, 0, followup=followup)
        return self.abstain(question, lang) if answer is None else answer

    def answer_top(self, question: str, k: int = 5) -> list[Answer]:
        """Up to `k` answers, best first, each citing a different article.

        Each article must pass the rule `answer` applies to the best one, weighed against
        the next article below it; the first answer is `answer(question)`. An empty list
        when the corpus does not answer the question.

        Raises:
            ValueError: `k` is below 1.
        """
        if k < 1:
            raise ValueError(f"k must be 1 or more, not {k}")
        question = question.strip()
        found = self._find(question, question_lang(question), None) if question else None
        if found is None:
            return []
        answers: list[Answer] = []
        for position in range(len(found.ranked)):
            answer = self._cite(found, position, followup=False)
            if answer is None and position == 0:
                return []
            if answer is not None:
                answers.append(answer)
                if len(answers) == k:
                    break
        return answers

    def warm_up(self) -> None:
        """Load now what the first questions would wait for: jieba's dictionary, the speller."""
        tokenize("中国邮政")
        self._speller  # noqa: B018 (a cached property: reading it builds it)

    def abstain(self, question: str, lang: str = "en") -> Answer:
        """The refusal: what the bot knows and where to look instead."""
        return Answer(question, False, render(lang, "abstain", summary=self.summary(lang)), lang)

    def summary(self, lang: str = "en") -> str:
        """What the bot knows, in one sentence: how many agreements, and from when."""
        dates = self._agreement_dates
        if not dates:
            return render(lang, "summary_none")
        if len(dates) == 1:
            return render(lang, "summary_one", first=dates[0])
        return render(lang, "summary", count=len(dates), first=dates[0], last=dates[-1])

    def _find(self, question: str, lang: str, about: str | None) -> _Found | None:
        """The question's concepts and its articles ranked best first; None if none fit."""
        query = expand(question, correct=self._correct)
        if unknown_names(query, self._weigher) or not (query.hard or about is not None):
            return None
        coverage = QueryCoverage(self._weigher, query)
        article_ids = None if about is None else {about}
        hits = self.index.search(query.terms, k=SEARCH_DEPTH, article_ids=article_ids)
        ranked = self._rank_articles(coverage, hits, only=about)
        if not ranked:
            return None
        kind = question_kind(query.corrected, lang)
        return _Found(question, lang, query, kind, coverage, hits, ranked)

    def _cite(self, found: _Found, position: int, *, followup: bool) -> Answer | None:
        """The answer from the article ranked at `position`, or None if it does not answer.

        It is weighed against the article ranked next below it, as the best one is
        against the runner-up.
        """
        ranked, kind = found.ranked, found.kind
        evidence = ranked[position]
        runner_up = ranked[position + 1] if position + 1 < len(ranked) else None
        # A follow-up of a known type is answered from the article's facts whatever matched.
        relaxed = followup and kind is not Kind.DEFAULT
        if not relaxed and not is_answerable(evidence, runner_up, followup=followup):
            return None
        article = self._by_id[evidence.article_id]
        if not followup and not self._names_fit(found.coverage, article, kind):
            return None
        answer = self._compose(found, article)
        tied = ties(ranked) if position == 0 else 1
        if tied > 1:
            note = render(found.lang, "ties", count=tied)
            answer = replace(answer, text=f"{answer.text}\n{note}")
        return answer

    @cached_property
    def _agreement_dates(self) -> list[str]:
        # Every refusal states them; sorting thousands per question would cost more than it.
        return sorted(entry.published for entry in self.agreements)

    def _correct(self, word: str) -> str | None:
        if all(self.index.idf(t) > 0 for t in tokenize(word)):
            return None
        return self._speller.correct(word)

    @cached_property
    def _speller(self) -> Speller:
        return Speller(self.index.word_counts(), question_words=SOFT_WORDS)

    def _article_matches(self, terms: frozenset[str], article_id: str) -> frozenset[str]:
        """Which of `terms` some passage of the article has."""
        term_sets = map(self.index.terms, self.index.rows(article_id))
        return frozenset().union(*(terms & passage for passage in term_sets))

    def _rank_articles(
        self, coverage: QueryCoverage, hits: list[Hit], only: str | None
    ) -> list[Evidence]:
        best_passage: dict[str, float] = {}
        top_score: dict[str, float] = {}
        for hit in hits:
            aid = hit.passage.article_id
            # A sentence is read with its article's title, which says what it is about.
            rows = self.index.rows(aid)
            terms = self.index.terms(rows[hit.passage.position]) | self.index.terms(rows[0])
            best_passage[aid] = max(best_passage.get(aid, 0.0), coverage(terms))
            top_score.setdefault(aid, hit.score)
        if only is not None:
            best_passage.setdefault(only, 0.0)
            top_score.setdefault(only, 0.0)
        evidence = [
            Evidence(aid, cov, coverage(self._article_matches(coverage.terms, aid)))
            for aid, cov in best_passage.items()
        ]
        # Among equals, the article whose title fits the question, then the most recent.
        return sorted(
            evidence,
            key=lambda e: (
                round(e.strength, 2),
                coverage(self.index.terms(self.index.rows(e.article_id)[0])),
                self._by_id[e.article_id].published,
                top_score[e.article_id],
            ),
            reverse=True,
        )

    def _names_fit(self, coverage: QueryCoverage, article: Article, kind: Kind) -> bool:
        """Every place or organisation the question names is in the article.

        A "when" or "what agreement" question asks about the agreement with the named
        party, so the name must be in the title or among its parties, not just mentioned.
        """
        names = [c for c in coverage.query.concepts if c.is_name and not c.soft]
        if kind in (Kind.WHEN, Kind.AGREEMENT):
            parties = " ".join(article.agreement.parties) if article.agreement else ""
            terms = frozenset(tokenize(f"{article.title} {parties}"))
        else:
            terms = self._article_matches(coverage.terms, article.id)
        return all(self._weigher.match(c, terms) >= 0.5 for c in names)

    def _compose(self, found: _Found, article: Article) -> Answer:
        question, lang, query, kind = found.question, found.lang, found.query, found.kind
        scores = {
            h.passage.position: h.score for h in found.hits if h.passage.article_id == article.id
        }
        indices = self.index.rows(article.id)
        passages = [self.index.passages[i] for i in indices]
        coverage = [found.coverage(self.index.terms(i)) for i in indices]
        top = max(coverage)
        chosen = max(
            (p for p, c in zip(passages, coverage, strict=True) if c >= top - FIT_TOLERANCE),
            key=lambda p: (
                fits(kind, p.text, query.corrected, lang),
                round(coverage[p.position], 3),
                not p.is_title,
                scores.get(p.position, 0.0),
            ),
        )
        sentence = chosen.text
        lines = [
            line for line in [lead(kind, lang, query.corrected, article, sentence, query)] if line
        ]
        lines.append(render(lang, "quote", sentence=sentence))
        lines.append(
            render(
                lang,
                "source" if article.source else "source_unnamed",
                title=article.title,
                source=article.source,
                published=article.published,
            )
        )
        text = "\n".join(lines)
        citation = Citation(
            article_id=article.id,
            title=article.title,
            source=article.source,
            published=article.published,
            snippet=shorten(sentence),
            score=scores.get(chosen.position, 0.0),
            url=article.url,
        )
        return Answer(question, True, text, lang, (citation,), highlights(text, query))
