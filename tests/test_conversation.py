"""Conversations: follow-ups answered from the chat's last article, and every question logged."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from answers.model import Answer, Citation
from bot.conversation import Conversations
from bot.querylog import QueryLog
from corpus.model import Agreement, Article


def _article(id_: str, party: str) -> Article:
    return Article(
        id=id_,
        title=f"China Post and {party} sign agreement",
        source="China Post",
        published="2022-06-29",
        lang="en",
        paragraphs=("They signed it.",),
        origin=f"{id_}.txt",
        agreement=Agreement(("China Post", party), "cooperation", None, ()),
    )


@dataclass
class _FakeAnswerer:
    """Answers from `about`, else the article the question names; records what it was asked.

    A passage naming the article scores 2; "agree" is in every article and scores 1; an
    article that only `about` chose scores 0.5.
    """

    articles: list[Article] = field(
        default_factory=lambda: [_article("jilin", "Jilin"), _article("mara", "MARA")]
    )
    asked: list[tuple[str, str | None]] = field(default_factory=list)

    def answer(self, question: str, *, about: str | None = None) -> Answer:
        self.asked.append((question, about))
        scores = {a.id: 2.0 for a in self.articles if a.id in question.lower()}
        if "letterboxes" in question:
            scores["mara"] = 2.0  # a word only the MARA article has
        if "agree" in question:
            scores = {a.id: 1.0 for a in self.articles} | scores
        if about is not None:
            scores = {about: scores.get(about, 0.5)}
        if not scores:
            return Answer(question, False, "Not covered.", "en")
        article_id = max(scores, key=lambda a: (scores[a], a))  # ties: the later id
        citation = Citation(article_id, "t", "s", "2022-06-29", "snip", scores[article_id])
        return Answer(question, True, f"From {article_id}.", "en", (citation,))

    def answer_top(self, question: str, k: int = 5) -> list[Answer]:
        answer = self.answer(question)
        return [answer] if answer.answered else []

    def abstain(self, question: str, lang: str = "en") -> Answer:
        return Answer(question, False, f"Not covered ({lang}).", lang)


@pytest.fixture
def log(tmp_path: Path):
    with QueryLog(tmp_path / "log.sqlite3") as log:
        yield log


def test_ask_follow_up_uses_the_chats_last_article(log: QueryLog) -> None:
    answerer, talk = _FakeAnswerer(), Conversations(log)
    talk.ask(answerer, "when did mara sign?", chat=1, chat_type="private")
    asked = talk.ask(answerer, "Who witnessed it?", chat=1, chat_type="private")
    assert asked.about == "mara"
    assert answerer.asked[-1] == ("Who witnessed it?", "mara")


def test_ask_follow_up_is_per_chat(log: QueryLog) -> None:
    answerer, talk = _FakeAnswerer(), Conversations(log)
    talk.ask(answerer, "when did mara sign?", chat=1, chat_type="private")
    talk.ask(answerer, "when did jilin sign?", chat=2, chat_type="group")
    assert talk.ask(answerer, "Who witnessed it?", chat=1, chat_type="private").about == "mara"
    assert talk.ask(answerer, "Who witnessed it?", chat=2, chat_type="group").about == "jilin"
    assert talk.ask(answerer, "Who witnessed it?", chat=3, chat_type="private").about is None


def test_ask_named_party_is_not_a_follow_up(log: QueryLog) -> None:
    answerer, talk = _FakeAnswerer(), Conversations(log)
    talk.ask(answerer, "when did mara sign?", chat=1, chat_type="private")
    assert talk.ask(answerer, "When did Jilin sign it?", chat=1, chat_type="private").about is None


def test_ask_forgets_articles_a_reloaded_corpus_lacks(log: QueryLog) -> None:
    talk = Conversations(log)
    talk.ask(_FakeAnswerer(), "when did mara sign?", chat=1, chat_type="private")
    reloaded = _FakeAnswerer(articles=[_article("jilin", "Jilin")])
    assert talk.ask(reloaded, "Who witnessed it?", chat=1, chat_type="private").about is None


def test_ask_logs_each_question(log: QueryLog) -> None:
    answerer, talk = _FakeAnswerer(), Conversations(log)
    first = talk.ask(answerer, "when did jilin sign?", chat=1, chat_type="private")
    second = talk.ask(answerer, "bitcoin?", chat=1, chat_type="inline")
    assert second.row_id == (first.row_id or 0) + 1
    stats = log.stats().to_json()
    assert (stats["questions"], stats["answered"]) == (2, 1)
    assert stats["articles"] == [{"article_id": "jilin", "hits": 1}]
    assert stats["unanswered"] == [{"question": "bitcoin?", "count": 1}]


def test_ask_measures_latency_with_the_timer(log: QueryLog) -> None:
    ticks = iter([10.0, 10.25])
    talk = Conversations(log, timer=lambda: next(ticks))
    asked = talk.ask(_FakeAnswerer(), "when did jilin sign?", chat=1, chat_type="terminal")
    assert asked.latency_ms == 250.0
    assert log.stats().latency_p50_ms == 250.0


def test_ask_without_a_log_still_answers() -> None:
    asked = Conversations().ask(_FakeAnswerer(), "jilin?", chat=1, chat_type="terminal")
    assert asked.answer.answered
    assert asked.row_id is None


def test_ask_survives_a_broken_log(log: QueryLog) -> None:
    talk = Conversations(log)
    log.close()
    asked = talk.ask(_FakeAnswerer(), "jilin?", chat=1, chat_type="private")
    assert asked.answer.answered
    assert asked.row_id is None


def test_ask_outside_a_chat_has_no_follow_ups(log: QueryLog) -> None:
    answerer, talk = _FakeAnswerer(), Conversations(log)
    talk.ask(answerer, "when did mara sign?", chat=None, chat_type="inline")
    assert talk.ask(answerer, "Who witnessed it?", chat=None, chat_type="inline").about is None
    assert len(talk.memory) == 0


def test_prepare_keeps_the_current_corpus_learnt(log: QueryLog) -> None:
    old, new, talk = _FakeAnswerer(), _FakeAnswerer(), Conversations(log)
    talk.ask(old, "when did mara sign?", chat=1, chat_type="private")
    talk.prepare(new)
    assert talk.ask(old, "Who witnessed it?", chat=1, chat_type="private").about == "mara"
    assert talk.ask(new, "Who witnessed it?", chat=1, chat_type="private").about == "mara"


def test_ask_definite_question_found_alone_is_not_a_follow_up(log: QueryLog) -> None:
    answerer, talk = _FakeAnswerer(), Conversations(log)
    talk.ask(answerer, "when did jilin sign?", chat=1, chat_type="private")
    question = "What does the agreement say about letterboxes?"
    asked = talk.ask(answerer, question, chat=1, chat_type="private")
    assert asked.about is None
    assert asked.answer.citations[0].article_id == "mara"


def test_ask_definite_question_not_found_alone_follows_up(log: QueryLog) -> None:
    answerer, talk = _FakeAnswerer(), Conversations(log)
    talk.ask(answerer, "when did mara sign?", chat=1, chat_type="private")
    asked = talk.ask(answerer, "When was the agreement signed?", chat=1, chat_type="private")
    assert asked.about == "mara"
    assert answerer.asked[-2:] == [
        ("When was the agreement signed?", None),
        ("When was the agreement signed?", "mara"),
    ]
    assert log.stats().questions == 2


def test_ask_definite_question_as_good_for_the_last_article_follows_up(log: QueryLog) -> None:
    answerer, talk = _FakeAnswerer(), Conversations(log)
    talk.ask(answerer, "when did jilin sign?", chat=1, chat_type="private")
    assert answerer.answer("What did the two sides agree?").citations[0].article_id == "mara"
    asked = talk.ask(answerer, "What did the two sides agree?", chat=1, chat_type="private")
    assert asked.about == "jilin"
    assert asked.answer.citations[0].article_id == "jilin"


def test_ask_top_logs_one_inline_question(log: QueryLog) -> None:
    talk = Conversations(log)
    answers = talk.ask_top(_FakeAnswerer(), "when did jilin sign?")
    assert [a.citations[0].article_id for a in answers] == ["jilin"]
    refusal = talk.ask_top(_FakeAnswerer(), "比特币？")
    assert [(a.answered, a.text) for a in refusal] == [(False, "Not covered (zh).")]
    stats = log.stats().to_json()
    assert (stats["questions"], stats["answered"]) == (2, 1)
    assert stats["unanswered"] == [{"question": "比特币？", "count": 1}]
