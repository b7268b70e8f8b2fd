"""/agreements with a filter in Telegram: the kept agreements, paging that keeps the filter."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from bot_fixtures import StandInAnswerer, html_problems, make_agreements, running
from fakebotapi import TOKEN, FakeBotAPI
from telegram.ext import Application

from bot.app import build_application
from bot.settings import Settings
from corpus.agreement_filter import filter_agreements

pytestmark = pytest.mark.filterwarnings("ignore:Deprecated since version v22.2:DeprecationWarning")


@pytest.fixture
def standin() -> StandInAnswerer:
    return StandInAnswerer(agreements=make_agreements(23))


@pytest.fixture
async def bot(api: FakeBotAPI, standin: StandInAnswerer) -> AsyncIterator[Application]:
    settings = Settings(telegram_token=TOKEN, api_base_url=api.base_url)
    async with running(build_application(settings, standin)) as application:
        yield application


def _numbers(text: str) -> list[int]:
    return [int(line.split(".")[0]) for line in text.splitlines()[1:]]


async def test_agreements_filter_by_year_lists_only_that_year(api, bot, standin):
    api.push_message("/agreements 2023", chat_id=41)
    await api.wait_for(lambda: api.sent(41))
    sent = api.sent(41)[0]
    expected = [
        e.number
        for e in standin.agreements
        if e.published.startswith("2023") or (e.signed_on or "").startswith("2023")
    ]
    assert expected and len(expected) > 10
    assert "matching “2023”" in sent["text"]
    assert _numbers(sent["text"]) == expected[:10]
    assert html_problems(sent["text"]) == []


async def test_agreements_filter_paging_keeps_the_filter(api, bot, standin):
    api.push_message("/agreements Partner 1", chat_id=42)
    await api.wait_for(lambda: api.sent(42))
    first = api.sent(42)[0]
    kept = [e.number for e in filter_agreements(standin.agreements, [], "Partner 1")]
    assert 10 < len(kept) <= 20  # Partner 1, Partners 10 to 19 and 21 (holds "1")
    assert _numbers(first["text"]) == kept[:10]
    paging = first["reply_markup"]["inline_keyboard"][-1]
    assert [b["callback_data"] for b in paging] == ["agreements:1:=Partner 1"]
    api.push_callback(paging[0]["callback_data"], api.bot_message(first))
    await api.wait_for(lambda: api.calls("editMessageText"))
    edit = api.calls("editMessageText")[0]
    assert f"11–{len(kept)} of {len(kept)}" in edit["text"]
    assert _numbers(edit["text"]) == kept[10:]
    back = edit["reply_markup"]["inline_keyboard"][-1]
    assert [b["callback_data"] for b in back] == ["agreements:0:=Partner 1"]


async def test_agreements_long_filter_is_kept_under_a_short_key(api, bot, standin):
    query = "China Post Partner 1 sign cooperation framework agreement"
    api.push_message(f"/agreements {query}", chat_id=43)
    await api.wait_for(lambda: api.sent(43))
    first = api.sent(43)[0]
    kept = [e.number for e in filter_agreements(standin.agreements, [], query)]
    assert len(kept) > 10
    data = first["reply_markup"]["inline_keyboard"][-1][0]["callback_data"]
    assert data.startswith("agreements:1:#") and len(data.encode()) <= 64
    api.push_callback(data, api.bot_message(first))
    await api.wait_for(lambda: api.calls("editMessageText"))
    assert _numbers(api.calls("editMessageText")[0]["text"]) == kept[10:20]


async def test_agreements_button_with_a_forgotten_filter_says_it_expired(api, bot):
    api.push_message("/agreements", chat_id=44)
    await api.wait_for(lambda: api.sent(44))
    api.push_callback("agreements:1:#0123456789abcdef", api.bot_message(api.sent(44)[0]))
    await api.wait_for(lambda: api.calls("answerCallbackQuery"))
    assert "no longer works" in api.calls("answerCallbackQuery")[0]["text"]
    assert api.calls("editMessageText") == []


async def test_agreements_filter_matching_nothing_gets_a_sentence(api, bot):
    api.push_message("/agreements Hubei", chat_id=45)
    await api.wait_for(lambda: api.sent(45))
    sent = api.sent(45)[0]
    assert sent["text"].startswith("No agreement matches “Hubei”. I know 23 agreements")
    assert "reply_markup" not in sent
    assert html_problems(sent["text"]) == []


async def test_agreements_chinese_filter_gets_a_chinese_reply(api, bot):
    api.push_message("/agreements 江苏", chat_id=46)
    await api.wait_for(lambda: api.sent(46))
    assert api.sent(46)[0]["text"].startswith("没有与“江苏”相符的协议。")
