"""The answer layer: from a question to a templated, cited answer or a plain refusal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from answers.aggregates import (
    MAX_LISTED,
    AggregateQuestion,
    aggregate_question,
    describe,
    partner_kinds_of,
    select,
    topic_concepts,
)
from answers.compose import highlights, party_name, shorten
from answers.coverage import (
    Evidence,
    QueryCoverage,
    Weigher,
    is_answerable,
    ties,
    unknown_names,
)
from answers.expand import Query, expand
from answers.kinds import DEFAULT, Asked, QuestionKind, about_signing, kind_of
from answers.model import Answer, Citation
from answers.names import NameReader
from answers.questions import SOFT_WORDS, question_lang
from answers.ranking import WINDOW, Ranker
from answers.spelling import Speller
from answers.templates import render
from corpus.partners import is_china_post
from retrieval.index import Hit, Index
from retrieval.tokenize import tokenize

if TYPE_CHECKING:
    from corpus.agreements import AgreementEntry
    from corpus.model import Article

SEARCH_DEPTH = 50  # passages fetched per question before articles are compared
RIVALS = 8  # articles that fit a question, best first, among which an answer is chosen
# How far below the best passage's coverage a passage that fits the question type may be.
FIT_TOLERANCE = 0.2
# How far below it a passage that holds the fact asked may be: the quote is the sentence
# with the fact, not merely the one that best repeats the question.
FACT_TOLERANCE = 0.4


@dataclass(frozen=True, slots=True)
class _Found:
    """What a search found for a question: its articles ranked best first."""

    question: str
    lang: str
    query: Query
    kind: QuestionKind
    coverage: QueryCoverage
    hits: list[Hit]
    ranked: list[Evidence]

    @property
    def asked(self) -> Asked:
        return Asked(self.query.corrected, self.lang, self.query)


def _aggregate_asked(query: Query, lang: str) -> AggregateQuestion | None:
    names = [c.text for c in query.concepts if c.is_name]
    return aggregate_question(query.corrected, lang, names)


def source_line(article: Article, lang: str) -> str:
    """The citation line under an answer: the article's title, source and date."""
    name = "source" if article.source else "source_unnamed"
    return render(
        lang, name, title=article.title, source=article.source, published=article.published
    )


def cite(article: Article, sentence: str, score: float = 0.0) -> Citation:
    """The citation of `article` for an answer quoting `sentence`."""
    return Citation(
        article_id=article.id,
        title=article.title,
        source=article.source,
        published=article.published,
        snippet=shorten(sentence),
        score=score,
        url=article.url,
    )


class Answerer:
    """Answers questions from a set of articles and their passage index."""

    def __init__(self, articles: Sequence[Article], index: Index) -> None:
        self.articles = list(articles)
        self.index = index
        self._by_id = {a.id: a for a in self.articles}
        self._weigher = Weigher(index.idf, index.unseen_idf())
        self._ranker = Ranker(index, self.articles)
        # English questions are read in Chinese too only when some article is Chinese.
        chinese = [a for a in self.articles if a.lang.startswith("zh")]
        self._bilingual = bool(chinese)
        self._names = NameReader(self.articles, index, self._weigher, bilingual=self._bilingual)

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
        query = self._expand(question)
        if not followup:
            asked = _aggregate_asked(query, lang)
            if asked is not None:
                return self._aggregate(question, lang, query, asked)
        found = self._find(question, lang, about if followup else None, query)
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
        if not question:
            return []
        lang = question_lang(question)
        query = self._expand(question)
        asked = _aggregate_asked(query, lang)
        if asked is not None:
            aggregate = self._aggregate(question, lang, query, asked)
            return [aggregate] if aggregate.answered else []
        found = self._find(question, lang, None, query)
        if found is None:
            return []
        answers: list[Answer] = []
        for position in range(len(found.ranked)):
            answer = self._cite(found, position, followup=False)
            if (answer is None or not answer.answered) and position == 0:
                return []  # as `answer` declines, or says what the article lacks
            if answer is not None and answer.answered:
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

    def _expand(self, question: str) -> Query:
        """The question's concepts, its names read against the articles (answers.names)."""
        query = expand(
            question,
            correct=self._correct,
            bilingual=self._bilingual,
            full_names=self._names.short_forms.reading,
        )
        return replace(query, concepts=tuple(self._names.read(query.concepts)))

    def _find(
        self, question: str, lang: str, about: str | None, query: Query | None = None
    ) -> _Found | None:
        """The question's concepts and its articles ranked best first; None if none fit."""
        query = query or self._expand(question)
        kind = kind_of(query.corrected, lang)
        query = kind.soften(query)
        if unknown_names(query, self._weigher) or not (query.hard or about is not None):
            return None
        coverage = QueryCoverage(self._weigher, query)
        article_ids = None if about is None else {about}
        hits = self.index.search(query.terms, k=SEARCH_DEPTH, article_ids=article_ids)
        ranked = self._ranker.rank(coverage, hits, about)
        if about is None:
            # An article that cannot be what the question is about is no rival either; the
            # best few that can are all an answer is weighed against.
            fitting = (e for e in ranked if self._fits(query, kind, coverage, e.article_id))
            ranked = list(islice(fitting, RIVALS))
        if not ranked:
            return None
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
        relaxed = followup and kind is not DEFAULT
        if not relaxed and not is_answerable(evidence, runner_up, followup=followup):
            return None
        article = self._by_id[evidence.article_id]
        answer = self._compose(found, article)
        if not answer.answered:
            return answer
        tied = ties(ranked) if position == 0 else 1
        if tied > 1 and not followup and not any(c.is_name for c in found.query.hard):
            # Articles that fit equally and a question that names nothing: nothing says
            # which one it asks about ("我的快递到哪里了？").
            return None
        if tied > 1:
            note = render(found.lang, "ties", count=tied)
            answer = replace(answer, text=f"{answer.text}\n{note}")
        return answer

    def _aggregate(
        self, question: str, lang: str, query: Query, asked: AggregateQuestion
    ) -> Answer:
        """The answer to a question over all agreements, from the agreements table.

        A name the question gives must be a party's (or in the title); any other word of
        its topic must be in the agreement's article.
        """
        topic = topic_concepts(query, asked.partner_kinds, lang)
        if any(c.is_name and not self._weigher.known(c) for c in topic):
            return self.abstain(question, lang)
        wanted = frozenset(query.terms)

        def mentions(entry: AgreementEntry) -> bool:
            named = frozenset(tokenize(" ".join((entry.title, *entry.parties))))
            text = self._ranker.article_matches(wanted, entry.article_id)
            found = [self._weigher.match(c, named if c.is_name else text) >= 0.5 for c in topic]
            if asked.either:  # "A or B": one of the names, the rest may be B's words
                return any(f for c, f in zip(topic, found, strict=True) if c.is_name)
            return all(found)

        selection = select(asked, self.agreements, mentions, partner_kinds_of)
        if not selection.entries:
            summary = self.summary(lang)
            return Answer(question, False, render(lang, "aggregate_none", summary=summary), lang)
        listed = selection.entries[:MAX_LISTED]

        def articles_of(entries: Sequence[AgreementEntry]) -> list[Article]:
            reports = {r.article_id for entry in entries for r in entry.reports()}
            found = (self._by_id[aid] for aid in reports)
            return sorted(found, key=lambda a: (a.published, a.id), reverse=True)

        # Every article the answer used is cited (a count uses them all); the text names
        # the sources of the agreements it lists.
        citations = tuple(cite(a, a.title) for a in articles_of(selection.entries))
        text = describe(selection, lang, lambda name: party_name(name, lang))
        sources = [source_line(a, lang) for a in articles_of(listed)]
        return Answer(question, True, "\n".join([text, *sources]), lang, citations)

    @cached_property
    def agreements(self) -> list[AgreementEntry]:
        """The corpus's agreements, newest first (made on first use: most answers need none)."""
        from corpus.agreements import list_agreements

        return list_agreements(self.articles)

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

    def _fits(
        self, query: Query, kind: QuestionKind, coverage: QueryCoverage, article_id: str
    ) -> bool:
        """Whether the article can be what the question asks about: every place or
        organisation the question names is in it.

        A question about the signing itself ("when was it signed", "what agreement", "did
        they sign") asks about an agreement with the named party: the name must be among the
        parties of the agreement the article announces, or in its title, not just mentioned;
        an article that announces none answers only a kind that can say so ("did they sign").
        Any other question about a deal with someone ("what does the deal with Hubei say
        about …") needs one of the partners it names (names that are a party to some
        agreement, China Post's aside) among the parties.
        """
        names = [c for c in query.concepts if c.is_name and not c.soft]
        article = self._by_id[article_id]
        signing = about_signing(query.corrected)
        if kind.about_agreement and signing and article.agreement:
            terms = self._ranker.agreement_terms(article_id)
        elif kind.about_agreement and signing and not kind.answers_without_agreement:
            return False
        else:
            terms = self._ranker.article_matches(coverage.terms, article_id)
        if not all(self._weigher.match(c, terms) >= 0.5 for c in names):
            return False
        partners = [c for c in names if not is_china_post(c.text) and self._names.a_party(c)]
        if signing and article.agreement and partners:
            parties = self._ranker.agreement_terms(article_id)
            return any(self._weigher.match(c, parties) >= 0.5 for c in partners)
        return True

    def _compose(self, found: _Found, article: Article) -> Answer:
        """The answer from `article`: the kind's lead, the quote holding the fact, the source.

        The quote is the sentence that holds the fact asked among those that match the
        question about as well as the best; an article that holds no such fact where the
        question matches it, for a kind that needs one, gives the plain "it does not say".
        """
        question, lang, query, kind, asked = (
            found.question,
            found.lang,
            found.query,
            found.kind,
            found.asked,
        )
        scores = {
            h.passage.position: h.score for h in found.hits if h.passage.article_id == article.id
        }
        rows = self.index.rows(article.id)
        passages = [self.index.passages[i] for i in rows]
        near = [
            self._ranker.passage_coverage(found.coverage, article.id, p.position) for p in passages
        ]
        # A sentence's own match, read with the title: the names that picked the article
        # are in it, so what the sentence adds is the question's topic.
        heading = self._ranker.heading(article.id) & found.coverage.terms
        own = [found.coverage(self.index.terms(i) | heading) for i in rows]
        top = max(near)
        candidates = [p for p, c in zip(passages, near, strict=True) if c >= top - FIT_TOLERANCE]
        topic = [c for c in query.hard if not c.is_name]

        def on_topic(position: int) -> bool:
            # The sentence or a neighbour says what it is about: "在南京与…会面。同日，…签署".
            low, high = max(0, position - WINDOW), min(len(rows) - 1, position + WINDOW)
            terms = frozenset().union(*(self.index.terms(rows[at]) for at in range(low, high + 1)))
            return any(self._weigher.match(c, terms) >= 0.5 for c in topic)

        holding = [
            p
            for p, c in zip(passages, near, strict=True)
            if (c >= top - FIT_TOLERANCE or (c >= top - FACT_TOLERANCE and on_topic(p.position)))
            and kind.holds(p.text, asked)
        ]
        if kind.needs_fact(asked) and not holding:
            fact = kind.fact.get(lang, kind.fact.get("en", ""))
            text = render(
                lang, "lacks", title=article.title, published=article.published, fact=fact
            )
            return Answer(question, False, text, lang)
        leads = {p.position: kind.lead(asked, article, p.text) for p in holding or candidates}
        chosen = max(
            holding or candidates,
            key=lambda p: (
                leads[p.position] is not None,  # the template can say the fact from it
                near[p.position] >= top - FIT_TOLERANCE,  # among the best matches
                # What the sentence matches, alone and with its neighbours.
                round(own[p.position] + near[p.position], 3),
                round(own[p.position], 3),
                not p.is_title,
                scores.get(p.position, 0.0),
            ),
        )
        sentence = chosen.text
        lines = [line for line in [leads[chosen.position]] if line]
        lines.append(render(lang, "quote", sentence=sentence))
        lines.append(source_line(article, lang))
        text = "\n".join(lines)
        citation = cite(article, sentence, scores.get(chosen.position, 0.0))
        return Answer(question, True, text, lang, (citation,), highlights(text, query))
