"""Asking the answerer as every front end does: timing and the query log; follow-ups are the
answer layer's (answers/conversation.py)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Protocol

from answers.conversation import AnswererLike, FollowUps
from answers.followup import ConversationMemory
from answers.model import Answer
from answers.questions import question_lang
from bot.querylog import QueryLog, QueryLogError

__all__ = ["AnswererLike", "Asked", "Conversations"]

log = logging.getLogger(__name__)


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


class Conversations:
    """Answers each chat's questions, follow-ups included, and logs them if given a log."""

    def __init__(
        self,
        log: QueryLog | None = None,
        memory: ConversationMemory | None = None,
        timer: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.log = log
        self.followups = FollowUps(memory)
        self._timer = timer

    @property
    def memory(self) -> ConversationMemory:
        """Each chat's last cited article."""
        return self.followups.memory

    def prepare(self, answerer: AnswererLike) -> None:
        """Learn `answerer`'s corpus for the follow-up rule now, not on its first question."""
        self.followups.prepare(answerer)

    def ask(
        self, answerer: AnswererLike, question: str, *, chat: Hashable | None, chat_type: str
    ) -> Asked:
        """Answer `question` asked in `chat` (a follow-up from the article it last saw), timed
        and logged. `chat` None means a question outside any conversation (inline mode)."""
        started = self._timer()
        followed = self.followups.answer(answerer, question, chat)
        latency_ms = (self._timer() - started) * 1000
        row_id = self._log(followed.answer, chat_type, latency_ms)
        return Asked(followed.answer, row_id, followed.about, latency_ms)

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
