"""The bot end to end: the real PTB stack against the fake Bot API server in tests/.

Most tests use the real answerer on the shipped corpus; a stand-in answerer is used where a
test needs what the corpus lacks (many agreements, a huge answer, a failing answerer).
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator

import pytest
from bot_fixtures import (
    RecordingAnswerer,
    StandInAnswerer,
    html_problems,
    make_agreements,
    running,
)
from fakebotapi import BOT_ID, BOT_USERNAME, DROP, TOKEN, FakeBotAPI
from telegram.ext import Application

from answers import Answerer
from bot.app import build_application
from bot.handlers import MAX_QUESTION
from bot.settings import Settings

pytestmark = pytest.mark.filterwarnings("ignore:Deprecated since version v22.2:DeprecationWarning")

JILIN_QUESTION = "When did China Post sign the cooperation agreement with Jilin?"
JILIN_TITLE = "China Post and Jilin provincial government sign cooperation framework agreement"


@pytest.fixture(scope="module")
def shipped_answerer() -> Answerer:
    return Answerer.load()


@pytest.fixture
def answerer(shipped_answerer: Answerer) -> RecordingAnswerer:
    return RecordingAnswerer(shipped_answerer)


@pytest.fixture
def standin() -> StandInAnswerer:
    return StandInAnswerer(agreements=make_agreements(23))


def settings_for(api: FakeBotAPI) -> Settings:
    return Settings(telegram_token=TOKEN, api_base_url=api.base_url)


@pytest.fixture
async def bot(api: FakeBotAPI, answerer: RecordingAnswerer) -> AsyncIterator[Application]:
    async with running(build_application(settings_for(api), answerer)) as application:
        yield application


@pytest.fixture
async def standin_bot(api: FakeBotAPI, standin: StandInAnswerer) -> AsyncIterator[Application]:
    async with running(build_application(settings_for(api), standin)) as application:
        yield application


def texts_to(api: FakeBotAPI, chat_id: int) -> list[str]:
    return [p["text"] for p in api.sent(chat_id)]


async def test_private_question_gets_answer_with_bold_words_and_citation(api, bot):
    api.push_message(JILIN_QUESTION, chat_id=7)
    await api.wait_for(lambda: api.sent(7))
    sent = api.sent(7)[0]
    assert sent["parse_mode"] == "HTML"
    assert "June 28, 2022" in sent["text"]
    assert "<b>Jilin</b>" in sent["text"]
    assert sent["text"].splitlines()[-1] == (
        f"Source: <i>{JILIN_TITLE}</i> (China Post, 2022-06-29)"
    )
    assert sent["text"].count(JILIN_TITLE) == 1
    assert html_problems(sent["text"]) == []


async def test_chinese_question_gets_chinese_templates(api, bot):
    api.push_message("中国邮政和吉林省什么时候签署的合作协议？", chat_id=8)
    await api.wait_for(lambda: api.sent(8))
    text = api.sent(8)[0]["text"]
    assert "日期：2022年6月28日。" in text
    assert text.splitlines()[-1] == f"来源：《{JILIN_TITLE}》（China Post，2022-06-29）"
    assert html_problems(text) == []


async def test_unanswerable_question_gets_abstention(api, bot):
    api.push_message("What is the price of bitcoin?", chat_id=9)
    await api.wait_for(lambda: api.sent(9))
    assert texts_to(api, 9)[0].startswith("Sorry, my articles do not answer that.")


async def test_long_answer_is_split_into_valid_messages(api, standin_bot, standin):
    standin.long_answer = True
    api.push_message(JILIN_QUESTION, chat_id=10)
    await api.wait_for(lambda: any("Source:" in t for t in texts_to(api, 10)))
    sent = texts_to(api, 10)
    assert len(sent) > 1
    assert all(len(t) <= 4096 and html_problems(t) == [] for t in sent)
    assert sent[0].startswith("Paragraph 0:")


async def test_too_long_message_is_refused_without_search(api, bot, answerer):
    api.push_message("Jilin " * (MAX_QUESTION // 6 + 1), chat_id=11)
    await api.wait_for(lambda: api.sent(11))
    assert "shorter question" in texts_to(api, 11)[0]
    assert answerer.questions == []


@pytest.mark.parametrize(
    "extra",
    [
        {"sticker": {"file_id": "s", "file_unique_id": "s", "width": 1, "height": 1,
                     "is_animated": False, "is_video": False, "type": "regular"}},
        {"photo": [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]},
        {"voice": {"file_id": "v", "file_unique_id": "v", "duration": 1}},
    ],
)  # fmt: skip
async def test_non_text_gets_hint(api, bot, extra):
    api.push_message(None, chat_id=12, extra=extra)
    await api.wait_for(lambda: api.sent(12))
    assert texts_to(api, 12) == ["I can only read text. Please type your question."]


PHOTO = [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]


async def test_photo_caption_in_private_chat_is_answered(api, bot, answerer):
    api.push_message(None, chat_id=13, extra={"photo": PHOTO, "caption": JILIN_QUESTION})
    await api.wait_for(lambda: api.sent(13))
    assert "June 28, 2022" in texts_to(api, 13)[0]
    assert answerer.questions == [JILIN_QUESTION]


async def test_photo_caption_in_group_is_answered_only_when_it_mentions_the_bot(api, bot, answerer):
    mention = f"@{BOT_USERNAME}"
    caption = f"{mention} {JILIN_QUESTION}"
    entity = {"type": "mention", "offset": 0, "length": len(mention)}
    api.push_message(
        None, chat_id=-14, chat_type="group", extra={"photo": PHOTO, "caption": JILIN_QUESTION}
    )
    api.push_message(
        None,
        chat_id=-15,
        chat_type="group",
        extra={"photo": PHOTO, "caption": caption, "caption_entities": [entity]},
    )
    await api.wait_for(lambda: api.sent(-15))
    assert "June 28, 2022" in texts_to(api, -15)[0]
    assert api.sent(-14) == []
    assert answerer.questions == [JILIN_QUESTION]


async def test_own_inline_result_in_private_chat_is_not_a_question(api, bot, answerer):
    via = {"id": BOT_ID, "is_bot": True, "first_name": "Postbot", "username": BOT_USERNAME}
    api.push_message(JILIN_QUESTION, chat_id=27, extra={"via_bot": via})
    api.push_message("/help", chat_id=28)  # a marker that is answered
    await api.wait_for(lambda: api.sent(28))
    assert api.sent(27) == []
    assert answerer.questions == []


async def test_unknown_command_points_to_help(api, bot):
    api.push_message("/frobnicate now", chat_id=13)
    await api.wait_for(lambda: api.sent(13))
    assert "/help" in texts_to(api, 13)[0]


async def test_help_lists_commands(api, bot):
    api.push_message("/help", chat_id=14)
    await api.wait_for(lambda: api.sent(14))
    text = texts_to(api, 14)[0]
    assert "/agreements" in text and f"@{BOT_USERNAME}" in text
    assert html_problems(text) == []


async def test_start_offers_examples_that_ask_when_pressed(api, bot, answerer):
    api.push_message("/start", chat_id=15)
    await api.wait_for(lambda: api.sent(15))
    start = api.sent(15)[0]
    assert "I know 2 cooperation agreements of China Post" in start["text"]
    assert "2021-07-03 and 2022-06-29" in start["text"]
    button = start["reply_markup"]["inline_keyboard"][0][0]
    api.push_callback(button["callback_data"], api.bot_message(start))
    await api.wait_for(lambda: len(api.sent(15)) == 2)
    assert len(api.calls("answerCallbackQuery")) == 1
    assert answerer.questions == [button["text"]]
    assert "June 28, 2022" in api.sent(15)[1]["text"]


async def test_every_example_question_is_answered(api, bot, answerer):
    api.push_message("/start", chat_id=25)
    api.push_message("/start", chat_id=26, language_code="zh-hans")
    await api.wait_for(lambda: api.sent(25) and api.sent(26))
    starts = [api.sent(25)[0], api.sent(26)[0]]
    for start in starts:
        for row in start["reply_markup"]["inline_keyboard"]:
            api.push_callback(row[0]["callback_data"], api.bot_message(start))
    count = sum(len(s["reply_markup"]["inline_keyboard"]) for s in starts)
    await api.wait_for(lambda: len(api.sent()) == 2 + count)
    answers = [p["text"] for p in api.sent()[2:]]
    assert not [a for a in answers if "Sorry" in a or "抱歉" in a]


async def test_start_in_chinese_client_is_chinese(api, bot):
    api.push_message("/start", chat_id=16, language_code="zh-hans")
    await api.wait_for(lambda: api.sent(16))
    start = api.sent(16)[0]
    assert "我知道中国邮政的 2 项合作协议" in start["text"]
    assert "吉林" in start["reply_markup"]["inline_keyboard"][0][0]["text"]


async def test_agreements_lists_newest_first_with_buttons(api, bot):
    api.push_message("/agreements", chat_id=17)
    await api.wait_for(lambda: api.sent(17))
    sent = api.sent(17)[0]
    assert sent["text"].splitlines()[1:] == [
        "1. 2022-06-29 — China Post Group Corporation Limited, Jilin provincial government — "
        "cooperation framework agreement",
        "2. 2021-07-03 — China Post Group Corporation Limited, Ministry of Agriculture and Rural "
        "Affairs — strategic cooperation agreement",
    ]
    rows = sent["reply_markup"]["inline_keyboard"]
    assert [b["callback_data"] for row in rows for b in row] == ["agreement:1", "agreement:2"]


async def test_agreements_past_ten_are_paged(api, standin_bot):
    api.push_message("/agreements", chat_id=17)
    await api.wait_for(lambda: api.sent(17))
    sent = api.sent(17)[0]
    lines = sent["text"].splitlines()
    assert "1–10 of 23" in lines[0]
    assert [line.split(".")[0] for line in lines[1:]] == [str(n) for n in range(1, 11)]
    assert "Partner 1 &amp; Co" in lines[1]
    rows = sent["reply_markup"]["inline_keyboard"]
    numbers = [b["callback_data"] for row in rows[:-1] for b in row]
    assert numbers == [f"agreement:{n}" for n in range(1, 11)]
    assert [b["callback_data"] for b in rows[-1]] == ["agreements:1"]
    assert html_problems(sent["text"]) == []


async def test_agreements_next_page_edits_the_message(api, standin_bot):
    api.push_message("/agreements", chat_id=18)
    await api.wait_for(lambda: api.sent(18))
    first = api.sent(18)[0]
    api.push_callback("agreements:2", api.bot_message(first))
    await api.wait_for(lambda: api.calls("editMessageText"))
    edit = api.calls("editMessageText")[0]
    assert int(edit["message_id"]) == first["_message_id"]
    assert "21–23 of 23" in edit["text"]
    rows = edit["reply_markup"]["inline_keyboard"]
    assert [b["callback_data"] for b in rows[-1]] == ["agreements:1"]
    assert len(api.calls("answerCallbackQuery")) == 1


async def test_pressing_the_shown_page_again_changes_nothing_and_is_no_error(api, standin_bot):
    api.push_message("/agreements", chat_id=29)
    await api.wait_for(lambda: api.sent(29))
    first = api.sent(29)[0]
    api.push_callback("agreements:1", api.bot_message(first))
    await api.wait_for(lambda: api.calls("editMessageText"))
    api.push_callback("agreements:1", api.bot_message(first))
    await api.wait_for(lambda: len(api.calls("editMessageText")) == 2)
    api.push_message("/help", chat_id=29)  # a marker: anything after the second edit
    await api.wait_for(lambda: len(api.sent(29)) == 2)
    assert "something went wrong" not in api.sent(29)[1]["text"]
    assert "/agreements" in api.sent(29)[1]["text"]


async def test_agreement_button_opens_details(api, bot):
    api.push_message("/agreements", chat_id=19)
    await api.wait_for(lambda: api.sent(19))
    api.push_callback("agreement:1", api.bot_message(api.sent(19)[0]))
    await api.wait_for(lambda: len(api.sent(19)) == 2)
    assert len(api.calls("answerCallbackQuery")) == 1
    details = api.sent(19)[1]["text"]
    assert details.splitlines() == [
        "<b>Agreement 1</b>",
        "Parties: China Post Group Corporation Limited, Jilin provincial government",
        "Kind: cooperation framework agreement",
        "Signed: 2022-06-28",
        "Published: 2022-06-29",
        "Source: China Post",
        "Areas: financial services, e-commerce and express, accessible public services, "
        "cultural industry construction",
        f"Article: <i>{JILIN_TITLE}</i>",
    ]


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/agreement 2", "Signed: not given"),
        ("/agreement 99", "There is no agreement 99: I know agreements 1 to 2."),
        ("/agreement three", "Give the agreement's number"),
        ("/agreement", "Give the agreement's number"),
    ],
)
async def test_agreement_command(api, bot, command, expected):
    api.push_message(command, chat_id=20)
    await api.wait_for(lambda: api.sent(20))
    assert expected in texts_to(api, 20)[0]


async def test_agreement_details_are_escaped(api, standin_bot):
    api.push_message("/agreement 3", chat_id=20)
    await api.wait_for(lambda: api.sent(20))
    text = texts_to(api, 20)[0]
    assert "Parties: China Post, Partner 3 &amp; Co" in text
    assert html_problems(text) == []


async def test_group_ignores_plain_text(api, bot, answerer):
    api.push_message(JILIN_QUESTION, chat_id=-100, chat_type="group")
    api.push_message("/help", chat_id=-101, chat_type="group")  # a marker that is answered
    await api.wait_for(lambda: api.sent(-101))
    assert api.sent(-100) == []
    assert answerer.questions == []


@pytest.mark.parametrize(
    "text",
    [
        f"/ask {JILIN_QUESTION}",
        f"/ask@{BOT_USERNAME} {JILIN_QUESTION}",
        f"@{BOT_USERNAME} {JILIN_QUESTION}",
        f"{JILIN_QUESTION} @{BOT_USERNAME}",
    ],
)
async def test_group_answers_ask_and_mentions(api, bot, answerer, text):
    api.push_message(text, chat_id=-200, chat_type="supergroup")
    await api.wait_for(lambda: api.sent(-200))
    sent = api.sent(-200)[0]
    assert "June 28, 2022" in sent["text"]
    assert sent["reply_parameters"]["message_id"] > 0
    assert answerer.questions == [JILIN_QUESTION]


async def test_group_answers_reply_to_bot(api, bot, answerer):
    bot_message = {"message_id": 5, "date": 0, "chat": {"id": -300, "type": "group"}}
    bot_message["from"] = {"id": BOT_ID, "is_bot": True, "first_name": "Postbot"}
    api.push_message(JILIN_QUESTION, chat_id=-300, chat_type="group", reply_to=bot_message)
    await api.wait_for(lambda: api.sent(-300))
    assert answerer.questions == [JILIN_QUESTION]


async def test_group_ignores_commands_for_other_bots(api, bot):
    api.push_message("/frobnicate@other_bot", chat_id=-400, chat_type="group")
    api.push_message("/help", chat_id=-401, chat_type="group")
    await api.wait_for(lambda: api.sent(-401))
    assert api.sent(-400) == []


async def test_inline_query_returns_at_most_five_articles(api, bot):
    api.push_inline(JILIN_QUESTION)
    await api.wait_for(lambda: api.calls("answerInlineQuery"))
    results = api.calls("answerInlineQuery")[0]["results"]
    assert 1 <= len(results) <= 5
    content = results[0]["input_message_content"]
    assert content["parse_mode"] == "HTML"
    assert "June 28, 2022" in content["message_text"]
    assert f"<i>{JILIN_TITLE}</i>" in content["message_text"]
    assert results[0]["title"] == JILIN_TITLE


async def test_inline_empty_query_lists_agreements(api, bot):
    api.push_inline("")
    await api.wait_for(lambda: api.calls("answerInlineQuery"))
    results = api.calls("answerInlineQuery")[0]["results"]
    assert [r["title"] for r in results] == [
        "1. China Post Group Corporation Limited, Jilin provincial government",
        "2. China Post Group Corporation Limited, Ministry of Agriculture and Rural Affairs",
    ]
    assert html_problems(results[0]["input_message_content"]["message_text"]) == []


async def test_commands_registered_in_english_and_chinese(api, bot):
    calls = api.calls("setMyCommands")
    assert [c.get("language_code") for c in calls] == [None, "zh"]
    assert {c["command"] for c in calls[0]["commands"]} == {
        "start", "help", "agreements", "agreement", "timeline", "ask"
    }  # fmt: skip


async def test_missing_set_my_commands_is_a_warning_and_bot_runs(api, answerer, caplog):
    api.remove("setMyCommands")
    with caplog.at_level(logging.WARNING, logger="bot.app"):
        async with running(build_application(settings_for(api), answerer)):
            api.push_message(JILIN_QUESTION, chat_id=21)
            await api.wait_for(lambda: api.sent(21))
    assert "Could not register the en commands" in caplog.text


async def test_error_is_logged_and_reported_and_bot_goes_on(api, standin_bot, standin, caplog):
    standin.fail_on = "explode"
    api.push_message("please explode", chat_id=22)
    await api.wait_for(lambda: api.sent(22))
    assert "something went wrong" in texts_to(api, 22)[0]
    assert "RuntimeError: the answerer broke" in caplog.text
    api.push_message(JILIN_QUESTION, chat_id=22)
    await api.wait_for(lambda: len(api.sent(22)) == 2)


@pytest.mark.parametrize("status", [502, DROP])
async def test_unreachable_telegram_while_answering_is_one_line(api, bot, status, caplog):
    api.fail("sendMessage", status, times=2)  # the answer, then "something went wrong"
    api.push_message(JILIN_QUESTION, chat_id=29)
    await api.wait_for(lambda: len(api.sent(29)) == 2)
    await api.wait_for(lambda: len(caplog.records) >= 2 and "Could not tell" in caplog.text)
    problems = [r for r in caplog.records if r.name == "bot.handlers"]
    assert [r.levelname for r in problems] == ["WARNING", "WARNING"]
    assert all(r.exc_info is None for r in problems)


async def test_answer_arrives_after_429(api, bot):
    api.fail("sendMessage", 429, retry_after=1)
    api.push_message(JILIN_QUESTION, chat_id=23)
    await api.wait_for(lambda: len(api.sent(23)) == 2, timeout=10)
    first, second = api.sent(23)
    assert "_message_id" not in first  # refused
    assert "June 28, 2022" in second["text"]


@pytest.mark.parametrize("status", [502, DROP])
async def test_polling_survives_502_and_network_errors(api, answerer, status):
    api.fail("getUpdates", status)
    api.push_message(JILIN_QUESTION, chat_id=24)
    async with running(build_application(settings_for(api), answerer)):
        await api.wait_for(lambda: api.sent(24), timeout=15)
    assert len(api.calls("getUpdates")) >= 2  # the refused one, then the one that worked
    assert "June 28, 2022" in api.sent(24)[0]["text"]


async def test_sixty_chats_at_once_are_answered_within_seconds(api, bot):
    api.latency = 0.5
    started = time.monotonic()
    for chat_id in range(1000, 1060):
        api.push_message(JILIN_QUESTION, chat_id=chat_id, user_id=chat_id)
    await api.wait_for(lambda: len(api.sent()) >= 60, timeout=30)
    elapsed = time.monotonic() - started
    assert {int(p["chat_id"]) for p in api.sent()} == set(range(1000, 1060))
    assert all("June 28, 2022" in p["text"] for p in api.sent())
    assert elapsed < 6, f"60 answers took {elapsed:.1f} s"


async def test_inline_query_gives_one_result_per_answering_article(api, bot):
    api.push_inline("What did China Post sign?")
    await api.wait_for(lambda: api.calls("answerInlineQuery"))
    results = api.calls("answerInlineQuery")[0]["results"]
    titles = [r["title"] for r in results]
    assert len(titles) == 2
    assert len(set(titles)) == 2
    for result in results:
        assert html_problems(result["input_message_content"]["message_text"]) == []


async def test_inline_query_the_corpus_cannot_answer_offers_the_refusal(api, bot):
    api.push_inline("Who won the 2022 World Cup?")
    await api.wait_for(lambda: api.calls("answerInlineQuery"))
    results = api.calls("answerInlineQuery")[0]["results"]
    assert [r["id"] for r in results] == ["no-answer"]
    assert "/agreements" in results[0]["input_message_content"]["message_text"]
