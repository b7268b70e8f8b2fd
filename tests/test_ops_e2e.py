"""Operating the bot end to end: follow-ups, feedback, /stats, /reload, SIGHUP, the user limit.

The real PTB stack and the real answerer over a copy of the shipped corpus, against the fake
Bot API server; the query log lives in tmp_path.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import sqlite3
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from bot_fixtures import html_problems, running
from fakebotapi import TOKEN, FakeBotAPI
from telegram.ext import Application

from answers import Answerer
from bot.app import build_application
from bot.handlers import ANSWERER
from bot.querylog import QueryLog
from bot.settings import Settings

ADMIN = 901
SHIPPED_CORPUS = Path(__file__).parents[1] / "corpus" / "data" / "articles.jsonl"
JILIN = "When did China Post sign with Jilin?"
MARA = "Which areas does the agreement with the Ministry of Agriculture and Rural Affairs cover?"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    shutil.copyfile(SHIPPED_CORPUS, path)
    return path


@pytest.fixture
def settings(api: FakeBotAPI, corpus: Path, tmp_path: Path) -> Settings:
    return Settings(
        telegram_token=TOKEN,
        api_base_url=api.base_url,
        corpus_path=corpus,
        db_path=tmp_path / "state" / "postbot.sqlite3",
        admins=frozenset({ADMIN}),
        rate_per_min=5,
    )


@pytest.fixture
async def bot(settings: Settings, corpus: Path) -> AsyncIterator[Application]:
    answerer = Answerer.load(corpus)
    async with running(build_application(settings, answerer)) as application:
        yield application


def texts_to(api: FakeBotAPI, chat_id: int) -> list[str]:
    return [p["text"] for p in api.sent(chat_id)]


async def ask(api: FakeBotAPI, text: str, chat_id: int, **kwargs: object) -> str:
    """Send `text` to the bot in `chat_id` and return the bot's next reply there."""
    before = len(api.sent(chat_id))
    api.push_message(text, chat_id=chat_id, user_id=kwargs.pop("user_id", chat_id), **kwargs)
    await api.wait_for(lambda: len(api.sent(chat_id)) > before)
    return texts_to(api, chat_id)[before]


def keep_only_first_article(corpus: Path) -> None:
    first = corpus.read_text(encoding="utf-8").splitlines()[0]
    corpus.write_text(first + "\n", encoding="utf-8")


async def test_follow_up_is_answered_from_the_chats_last_article(api, bot):
    assert "2021-07-03" in await ask(api, MARA, chat_id=41)
    reply = await ask(api, "when was that signed?", chat_id=41)
    assert "it was published on 2021-07-03" in reply


async def test_follow_up_in_chinese_after_an_english_question(api, bot):
    await ask(api, JILIN, chat_id=42)
    assert "2022年6月28日" in await ask(api, "它是什么时候签的？", chat_id=42)


async def test_follow_up_without_history_is_a_plain_question(api, bot):
    await ask(api, MARA, chat_id=43)
    assert "published on 2021-07-03" in await ask(api, "when was that signed?", chat_id=43)
    assert "published on 2021-07-03" not in await ask(api, "when was that signed?", chat_id=44)


async def test_follow_up_memory_is_per_chat(api, bot):
    await ask(api, MARA, chat_id=45)
    await ask(api, JILIN, chat_id=46)
    assert "June 28" in await ask(api, "when was that signed?", chat_id=46)
    assert "2021-07-03" in await ask(api, "when was that signed?", chat_id=45)


async def test_every_question_is_logged_without_ids(api, bot, settings):
    chat_id, user_id = 987_654_321, 918_273_645
    await ask(api, JILIN, chat_id=chat_id, user_id=user_id)
    await ask(api, "What is the price of bitcoin?", chat_id=chat_id, user_id=user_id)
    with QueryLog(settings.database) as log:
        stats = log.stats()
    with sqlite3.connect(settings.database) as db:
        rows = db.execute("SELECT * FROM questions").fetchall()
    assert (stats.questions, stats.answered) == (2, 1)
    assert stats.latency_p50_ms is not None
    logged = " ".join(str(value) for row in rows for value in row)
    assert str(chat_id) not in logged
    assert str(user_id) not in logged
    assert "Person" not in logged  # the fake server's first name


async def test_feedback_press_is_stored_and_buttons_become_thanks(api, bot, settings):
    await ask(api, JILIN, chat_id=48)
    sent = api.sent(48)[-1]
    (up, down), *_ = sent["reply_markup"]["inline_keyboard"]
    assert (up["text"], down["text"]) == ("👍", "👎")
    api.push_callback(up["callback_data"], api.bot_message(sent), user_id=48)
    await api.wait_for(lambda: api.calls("editMessageReplyMarkup"))
    [[thanks]] = api.calls("editMessageReplyMarkup")[0]["reply_markup"]["inline_keyboard"]
    assert "Thanks" in thanks["text"]
    assert api.calls("answerCallbackQuery")
    with QueryLog(settings.database) as log:
        assert log.stats().to_json()["feedback"] == {"up": 1, "down": 0}


async def test_stats_command_shows_admins_the_report(api, bot):
    await ask(api, JILIN, chat_id=49)
    sent = api.sent(49)[-1]
    down = sent["reply_markup"]["inline_keyboard"][0][1]
    api.push_callback(down["callback_data"], api.bot_message(sent), user_id=49)
    await api.wait_for(lambda: api.calls("editMessageReplyMarkup"))
    reply = await ask(api, "/stats", chat_id=ADMIN, user_id=ADMIN)
    assert reply.startswith("<pre>")
    assert "Questions: 1 (1 answered" in reply
    assert "0 👍, 1 👎" in reply


async def test_stats_command_refused_to_others(api, bot):
    assert "only admins can see the stats" in await ask(api, "/stats", chat_id=50)


async def test_admin_reload_swaps_in_the_reread_corpus(api, bot, corpus):
    old = bot.bot_data[ANSWERER]
    keep_only_first_article(corpus)
    reply = await ask(api, "/reload", chat_id=ADMIN, user_id=ADMIN)
    assert reply == "Reloaded 1 articles (1 agreements)."
    assert bot.bot_data[ANSWERER] is not old
    assert len(bot.bot_data[ANSWERER].articles) == 1


async def test_reload_of_a_broken_corpus_keeps_the_old_one(api, bot, corpus):
    old = bot.bot_data[ANSWERER]
    corpus.write_text("{not json\n", encoding="utf-8")
    reply = await ask(api, "/reload", chat_id=ADMIN, user_id=ADMIN)
    assert reply.startswith("Reload failed, so I'm still answering from the old corpus: ")
    assert "not valid JSON" in reply
    assert bot.bot_data[ANSWERER] is old
    assert "June 28" in await ask(api, JILIN, chat_id=52)


async def test_reload_failure_reason_reaches_the_admin_escaped(api, bot, monkeypatch):
    def refuse(settings: Settings) -> Answerer:
        raise ValueError("line 3: <title> & more")

    monkeypatch.setattr("bot.admin.load_answerer", refuse)
    reply = await ask(api, "/reload", chat_id=ADMIN, user_id=ADMIN)
    assert reply.endswith("line 3: &lt;title&gt; &amp; more")
    assert html_problems(reply) == []


async def test_reload_refused_to_others_and_nothing_happens(api, bot, corpus):
    old = bot.bot_data[ANSWERER]
    keep_only_first_article(corpus)
    reply = await ask(api, "/reload", chat_id=53)
    assert reply == "Sorry, only admins can reload the corpus."
    assert bot.bot_data[ANSWERER] is old


async def test_questions_are_answered_while_a_reload_runs(api, bot, monkeypatch):
    original = Answerer.load.__func__

    def slow_load(cls, *args, **kwargs):
        time.sleep(1.0)
        return original(cls, *args, **kwargs)

    monkeypatch.setattr(Answerer, "load", classmethod(slow_load))
    api.push_message("/reload", chat_id=ADMIN, user_id=ADMIN)
    await asyncio.sleep(0.2)
    assert "June 28" in await ask(api, JILIN, chat_id=54)
    assert not api.sent(ADMIN), "the question waited for the reload"
    await api.wait_for(lambda: api.sent(ADMIN), timeout=10)
    assert texts_to(api, ADMIN)[0].startswith("Reloaded 2 articles")


async def test_sighup_reloads_the_corpus(api, bot, corpus):
    old = bot.bot_data[ANSWERER]
    keep_only_first_article(corpus)
    handler = signal.getsignal(signal.SIGHUP)
    assert handler not in (signal.SIG_DFL, signal.SIG_IGN, None), "no SIGHUP handler"
    os.kill(os.getpid(), signal.SIGHUP)
    await api.wait_for(lambda: bot.bot_data[ANSWERER] is not old)
    assert len(bot.bot_data[ANSWERER].articles) == 1


async def test_flood_from_one_user_gets_one_slow_down_while_others_are_answered(api, bot):
    for i in range(9):
        api.push_message(f"{JILIN} ({i})", chat_id=55, user_id=701)
    api.push_message(JILIN, chat_id=56, user_id=702)
    await api.wait_for(lambda: api.sent(56) and len(api.sent(55)) >= 6)
    await asyncio.sleep(0.5)  # anything more would have arrived by now
    replies = texts_to(api, 55)
    slow_downs = [r for r in replies if "Please wait a minute" in r]
    assert len(slow_downs) == 1
    assert len(replies) == 6
    assert "June 28" in texts_to(api, 56)[0]


def logged_questions(settings: Settings) -> list[tuple[str, str, int]]:
    with sqlite3.connect(settings.database) as db:
        return db.execute("SELECT chat_type, question, answered FROM questions").fetchall()


async def test_inline_query_is_logged_as_inline_once_settled(api, bot, settings):
    api.push_inline(JILIN)
    await api.wait_for(lambda: api.calls("answerInlineQuery"))
    assert logged_questions(settings) == []  # the user may still be typing
    await api.wait_for(lambda: logged_questions(settings), timeout=5)
    assert logged_questions(settings) == [("inline", JILIN, 1)]


async def test_inline_keystrokes_are_answered_but_only_the_settled_query_logged(api, bot, settings):
    typed = ["When", "When did China", JILIN]
    for text in typed:
        api.push_inline(text, user_id=705)
    await api.wait_for(lambda: len(api.calls("answerInlineQuery")) == len(typed))
    await api.wait_for(lambda: logged_questions(settings), timeout=5)
    await asyncio.sleep(0.3)
    assert logged_questions(settings) == [("inline", JILIN, 1)]


async def test_inline_flood_from_one_user_is_limited_while_others_are_answered(api, bot, settings):
    flood = {api.push_inline(f"{JILIN} {i}", user_id=711)["inline_query"]["id"] for i in range(30)}
    other = api.push_inline(JILIN, user_id=712)["inline_query"]["id"]
    answered = lambda: {c["inline_query_id"] for c in api.calls("answerInlineQuery")}  # noqa: E731
    await api.wait_for(lambda: other in answered())
    await asyncio.sleep(0.5)  # anything more would have arrived by now
    assert len(flood & answered()) == settings.rate_per_min
    await api.wait_for(lambda: len(logged_questions(settings)) == 2, timeout=5)


async def test_group_follow_up_and_chat_type(api, bot, settings):
    api.push_message(f"/ask {MARA}", chat_id=-100, chat_type="supergroup", user_id=801)
    await api.wait_for(lambda: api.sent(-100))
    api.push_message(
        "/ask when was that signed?", chat_id=-100, chat_type="supergroup", user_id=802
    )
    await api.wait_for(lambda: len(api.sent(-100)) == 2)
    assert "published on 2021-07-03" in texts_to(api, -100)[1]
    with sqlite3.connect(settings.database) as db:
        types = {row[0] for row in db.execute("SELECT chat_type FROM questions")}
    assert types == {"group"}


async def test_the_agreement_means_the_one_just_discussed(api, bot):
    await ask(api, MARA, chat_id=71)
    assert "published on 2021-07-03" in await ask(api, "When was the agreement signed?", 71)


async def test_the_agreement_named_by_its_content_is_not_the_last_one(api, bot):
    await ask(api, JILIN, chat_id=72)
    reply = await ask(api, "What does the agreement say about smart letterboxes?", chat_id=72)
    assert "letterboxes" in reply
    assert "2021-07-03" in reply


async def feedback_buttons_for(api: FakeBotAPI, chat_id: int) -> tuple[dict, dict, dict]:
    """Ask in `chat_id`; the answer message and its 👍 and 👎 buttons."""
    await ask(api, JILIN, chat_id=chat_id)
    sent = api.sent(chat_id)[-1]
    (up, down), *_ = sent["reply_markup"]["inline_keyboard"]
    return sent, up, down


async def press(api: FakeBotAPI, data: str, message: dict, user_id: int) -> dict:
    """Press a button with `data` under `message`; the bot's answerCallbackQuery."""
    update = api.push_callback(data, message, user_id=user_id)
    query_id = update["callback_query"]["id"]
    await api.wait_for(
        lambda: any(c["callback_query_id"] == query_id for c in api.calls("answerCallbackQuery"))
    )
    return next(c for c in api.calls("answerCallbackQuery") if c["callback_query_id"] == query_id)


def feedback_rows(settings: Settings) -> dict[str, int]:
    with QueryLog(settings.database) as log:
        return log.stats().to_json()["feedback"]


async def test_forged_feedback_data_is_answered_and_changes_nothing(api, bot, settings):
    sent, up, _ = await feedback_buttons_for(api, 61)
    row = up["callback_data"].split(":")[2]
    for forged in [f"fb:down:{row}:en", f"fb:down:{int(row) - 1}:en:AAAAAAAAAAAAAAAA"]:
        answered = await press(api, forged, api.bot_message(sent), user_id=61)
        assert "no longer works" in answered.get("text", "")
    assert feedback_rows(settings) == {"up": 0, "down": 0}
    assert api.calls("editMessageReplyMarkup") == []


async def test_feedback_data_copied_to_another_chat_changes_nothing(api, bot, settings):
    _, up, _ = await feedback_buttons_for(api, 62)
    other, _, _ = await feedback_buttons_for(api, 63)
    await press(api, up["callback_data"], api.bot_message(other), user_id=63)
    assert feedback_rows(settings) == {"up": 0, "down": 0}
    assert api.calls("editMessageReplyMarkup") == []


async def test_feedback_press_in_its_own_chat_counts(api, bot, settings):
    sent, _, down = await feedback_buttons_for(api, 64)
    await press(api, down["callback_data"], api.bot_message(sent), user_id=64)
    await api.wait_for(lambda: api.calls("editMessageReplyMarkup"))
    assert feedback_rows(settings) == {"up": 0, "down": 1}


@pytest.mark.parametrize("data", ["", "nonsense", "fb:", "agreements:x", "ask:en:"])
async def test_any_button_press_is_answered_without_error(api, bot, data, caplog):
    sent, _, _ = await feedback_buttons_for(api, 65)
    await press(api, data, api.bot_message(sent), user_id=65)
    await asyncio.sleep(0.2)
    assert len(api.sent(65)) == 1  # no "something went wrong"
    assert "Error while handling" not in caplog.text
