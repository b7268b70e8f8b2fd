"""Asking the answerer as every front end does: follow-ups, timing, and the query log."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Protocol

from answers.followup import ConversationMemory, FollowUpRule, Reference
from answers.model import Answer
from answers.questions import question_lang
from bot.querylog import QueryLog, QueryLogError
from corpus.model import Article

__all__ = ["Asked", "Conversations"]

# How close the article just discussed must come to the best article overall (the score of
# its best passage, as a share of the best) for "the agreement" to mean the one just discussed.
DEFINITE_SHARE = 0.8

log = logging.getLogger(__name__)


class AnswererLike(Protocol):
    """What a conversation needs of the answer layer."""

    @property
    def articles(self) -> Sequence[Article]: ...

    def answer(self, question: str, *, about: str | None = None) -> Answer: ...


class RankingAnswerer(Protocol):
    """An answer layer that can give several answers to one question."""

    def answer_top(self, question: str, k: int = 5) -> list[Answer]: ...

    def abstain(self, question: str, lang: str = "en") -> Answer: ...


@dataclass(frozen=True, slots=True)
class Asked:
    """One question answered: the answer, its row in the query log, what it followed up."""

    answer: Answer
    row_id: int | None  # None when the question was not logged
    about: str | None  # the article a follow-up was answered from, else None
    latency_ms: float


@dataclass(frozen=True, slots=True)
class _Corpus:
    answerer: AnswererLike
    rule: FollowUpRule
    article_ids: frozenset[str]


class Conversations:
    """Answers each chat's questions, follow-ups included, and logs them if given a log."""

    def __init__(
        self,
        log: QueryLog | None = None,
        memory: ConversationMemory | None = None,
        timer: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.log = log
        self.memory = memory or ConversationMemory()
        self._timer = timer
        self._corpora: dict[int, _Corpus] = {}
        self._lock = threading.Lock()

    def prepare(self, answerer: AnswererLike) -> None:
        """Learn `answerer`'s corpus for the follow-up rule now, not on its first question."""
        self._corpus_of(answerer)

    def ask(
        self, answerer: AnswererLike, question: str, *, chat: Hashable | None, chat_type: str
    ) -> Asked:
        """Answer `question` asked in `chat`, from the article it last saw if it is a follow-up.

        `chat` None means a question outside any conversation (inline mode): no follow-ups.
        """
        started = self._timer()
        reference, remembered = Reference.NONE, None
        if chat is not None:
            corpus = self._corpus_of(answerer)
            reference = corpus.rule.reference(question)
            remembered = self.memory.recall(chat) if reference is not Reference.NONE else None
            if remembered not in corpus.article_ids:
                remembered = None  # from a corpus since reloaded without it
        about = remembered if reference is Reference.POINTING else None
        answer = answerer.answer(question, about=about)
        if remembered and reference is Reference.DEFINITE:
            followed = answerer.answer(question, about=remembered)
            if _holds_up(followed, answer):
                answer, about = followed, remembered
        if chat is not None:
            self.memory.note(chat, answer)
        latency_ms = (self._timer() - started) * 1000
        row_id = self._log(answer, chat_type, latency_ms)
        return Asked(answer=answer, row_id=row_id, about=about, latency_ms=latency_ms)

    def ask_top(
        self, answerer: RankingAnswerer, question: str, k: int = 5, *, logged: bool = True
    ) -> list[Answer]:
        """Up to `k` answers from different articles (inline mode), logged as one question
        unless `logged` is False (see `record`).

        When no article answers, the list holds just the refusal.
        """
        started = self._timer()
        answers = answerer.answer_top(question, k) or [
            answerer.abstain(question.strip(), question_lang(question))
        ]
        latency_ms = (self._timer() - started) * 1000
        if logged:
            self._log(answers[0], "inline", latency_ms)
        return answers

    def record(self, answer: Answer, chat_type: str, latency_ms: float) -> int | None:
        """Log an answer given earlier; its row id, or None when there is no log."""
        return self._log(answer, chat_type, latency_ms)

    def _corpus_of(self, answerer: AnswererLike) -> _Corpus:
        # Two are kept, so that while a reload prepares the new corpus in another thread, the
        # old one's questions do not learn the old corpus again.
        with self._lock:
            corpus = self._corpora.get(id(answerer))
        if corpus is not None and corpus.answerer is answerer:
            return corpus
        articles = list(answerer.articles)
        corpus = _Corpus(
            answerer=answerer,
            rule=FollowUpRule.from_articles(articles),
            article_ids=frozenset(a.id for a in articles),
        )
        with self._lock:
            self._corpora[id(answerer)] = corpus
            while len(self._corpora) > 2:
                del self._corpora[next(iter(self._corpora))]
        return corpus

    def _log(self, answer: Answer, chat_type: str, latency_ms: float) -> int | None:
        if self.log is None:
            return None
        top = answer.citations[0] if answer.answered and answer.citations else None
        try:
            return self.log.log_question(
                chat_type=chat_type,
                lang=answer.lang,
                question=answer.question,
                answered=answer.answered,
                article_id=top.article_id if top else None,
                score=top.score if top else None,
                latency_ms=latency_ms,
            )
        except QueryLogError as exc:
            log.warning("Could not log a question: %s", exc)
            return None


def _holds_up(followed: Answer, fresh: Answer) -> bool:
    """True when the follow-up answer is as good as the question's own, or it has none."""
    if not fresh.answered or not fresh.citations:
        return followed.answered
    if not followed.answered or not followed.citations:
        return False
    return followed.citations[0].score >= DEFINITE_SHARE * fresh.citations[0].score
