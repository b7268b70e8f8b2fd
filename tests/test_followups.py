"""The answer layer decides follow-ups: which article a question in a chat refers back to."""

from __future__ import annotations

from answers import Answerer
from answers.conversation import FollowUps


def test_pointing_question_is_answered_from_the_article_last_cited(tiny: Answerer) -> None:
    followups = FollowUps()
    first = followups.answer(tiny, "When did China Post sign with Jilin?", chat=1)
    assert first.about is None and first.answer.citations[0].article_id == "jilin"
    followed = followups.answer(tiny, "who witnessed it?", chat=1)
    assert followed.about == "jilin"
    assert followed.answer.citations[0].article_id == "jilin"


def test_chats_do_not_share_what_they_saw(tiny: Answerer) -> None:
    followups = FollowUps()
    followups.answer(tiny, "When did China Post sign with Jilin?", chat=1)
    assert followups.answer(tiny, "who witnessed it?", chat=2).about is None


def test_no_chat_means_no_follow_up(tiny: Answerer) -> None:
    followups = FollowUps()
    followups.answer(tiny, "When did China Post sign with Jilin?", chat=None)
    assert len(followups.memory) == 0
