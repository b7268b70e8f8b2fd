"""Questions in a conversation: which article a question is about when it refers back to the
one just discussed ("Who witnessed it?", "the agreement", "它"). The follow-up rule
(answers/followup.py) and each chat's memory are consulted here, in the answer layer; a
front end only says which chat asked."""

from __future__ import annotations

import threading
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Protocol

from answers.followup import ConversationMemory, FollowUpRule, Reference
from answers.model import Answer
from corpus.model import Article

__all__ = ["AnswererLike", "FollowUps", "Followed"]

# How close the article just discussed must come to the best article overall (the score of
# its best passage, as a share of the best) for "the agreement" to mean the one just discussed.
DEFINITE_SHARE = 0.8


class AnswererLike(Protocol):
    """What a conversation needs of the answer layer."""

    @property
    def articles(self) -> Sequence[Article]: ...

    def answer(self, question: str, *, about: str | None = None) -> Answer: ...


@dataclass(frozen=True, slots=True)
class Followed:
    """A question answered in a chat, and the article it followed up (None if none)."""

    answer: Answer
    about: str | None


@dataclass(frozen=True, slots=True)
class _Corpus:
    answerer: AnswererLike
    rule: FollowUpRule
    article_ids: frozenset[str]


class FollowUps:
    """Answers each chat's questions, reading a follow-up as about the article last cited."""

    def __init__(self, memory: ConversationMemory | None = None) -> None:
        self.memory = memory or ConversationMemory()
        self._corpora: dict[int, _Corpus] = {}
        self._lock = threading.Lock()

    def prepare(self, answerer: AnswererLike) -> None:
        """Learn `answerer`'s corpus for the follow-up rule now, not on its first question."""
        self._corpus_of(answerer)

    def answer(self, answerer: AnswererLike, question: str, chat: Hashable | None) -> Followed:
        """Answer `question` asked in `chat`, from the article it last saw if it is a follow-up.

        `chat` None means a question outside any conversation (inline mode): no follow-ups.
        """
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
        return Followed(answer, about)

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


def _holds_up(followed: Answer, fresh: Answer) -> bool:
    """True when the follow-up answer is as good as the question's own, or it has none."""
    if not fresh.answered or not fresh.citations:
        return followed.answered
    if not followed.answered or not followed.citations:
        return False
    return followed.citations[0].score >= DEFINITE_SHARE * fresh.citations[0].score
