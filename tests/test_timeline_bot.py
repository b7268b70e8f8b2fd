"""/timeline and /时间线 end to end: the real PTB stack sends a PNG to the fake Bot API."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest
from bot_fixtures import StandInAnswerer, html_problems, running
from fakebotapi import BOT_USERNAME, TOKEN, FakeBotAPI
from telegram.ext import Application

from answers import Answerer
from bot.app import build_application
from bot.settings import Settings
from bot.timeline import pictures

pytestmark = pytest.mark.filterwarnings("ignore:Deprecated since version v22.2:DeprecationWarning")


@pytest.fixture(scope="module")
def shipped_answerer() -> Answerer:
    return Answerer.load()


def _settings(api: FakeBotAPI) -> Settings:
    return Settings(telegram_token=TOKEN, api_base_url=api.base_url)


@pytest.fixture
async def bot(api: FakeBotAPI, shipped_answerer: Answerer) -> AsyncIterator[Application]:
    async with running(build_application(_settings(api), shipped_answerer)) as application:
        yield application


@dataclass
class Drawn:
    """The pictures drawn (not taken from the cache), and the threads they were drawn in."""

    calls: list[tuple[str, str]] = field(default_factory=list)
    threads: list[threading.Thread] = field(default_factory=list)


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> Drawn:
    record = Drawn()
    real = pictures.make_picture

    def counting(entries, lang, query=""):
        record.calls.append((lang, query))
        record.threads.append(threading.current_thread())
        return real(entries, lang, query)

    monkeypatch.setattr(pictures, "make_picture", counting)
    return record


def _png_size(png: bytes) -> tuple[int, int]:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


async def test_timeline_sends_a_png_with_a_caption(api, bot, shipped_answerer):
    api.push_message("/timeline", chat_id=51)
    await api.wait_for(lambda: api.photos(51))
    sent = api.photos(51)[0]
    width, height = _png_size(sent["photo"])
    assert width == 1280 and 200 < height < 2000
    dates = sorted(e.signed_on or e.published for e in shipped_answerer.agreements)
    count = len(shipped_answerer.agreements)
    assert sent["caption"] == (
        f"{count} agreements, from {dates[0]} to {dates[-1]}. Send /agreements for the list."
    )
    assert api.sent(51) == []


async def test_timeline_with_a_filter_draws_only_what_it_keeps(api, bot, drawn):
    api.push_message("/timeline Jilin", chat_id=52)
    await api.wait_for(lambda: api.photos(52))
    caption = api.photos(52)[0]["caption"]
    assert caption.startswith("1 agreement matching “Jilin”, dated 2022-06-28.")
    assert "/agreements Jilin" in caption
    assert drawn.calls == [("en", "Jilin")]


async def test_chinese_timeline_command_as_text(api, bot):
    api.push_message("/时间线", chat_id=53)
    await api.wait_for(lambda: api.photos(53))
    assert api.photos(53)[0]["caption"].startswith("共 2 项协议，时间从 2021-07-03 到 2022-06-28。")
    assert api.sent(53) == []  # not answered as a question as well


async def test_chinese_timeline_command_takes_a_filter(api, bot):
    api.push_message("/时间线 2022", chat_id=54)
    await api.wait_for(lambda: api.photos(54))
    assert api.photos(54)[0]["caption"].startswith("与“2022”相符的协议共 1 项")


async def test_chinese_timeline_command_for_another_bot_is_left_alone(api, bot):
    api.push_message("/时间线@another_bot", chat_id=-60, chat_type="group")
    api.push_message(f"/时间线@{BOT_USERNAME} 2022", chat_id=-61, chat_type="group")
    await api.wait_for(lambda: api.photos(-61))
    await asyncio.sleep(0.5)  # updates are handled concurrently: give -60 time to go wrong
    assert api.photos(-60) == [] and api.sent(-60) == []


async def test_timeline_filter_matching_nothing_gets_a_sentence(api, bot):
    api.push_message("/timeline Hubei", chat_id=55)
    await api.wait_for(lambda: api.sent(55))
    text = api.sent(55)[0]["text"]
    assert text.startswith("No agreement matches “Hubei”. I know 2 agreements: /timeline shows")
    assert html_problems(text) == []
    assert api.photos(55) == []


async def test_timeline_of_a_corpus_without_agreements_gets_a_sentence(api):
    empty = StandInAnswerer(agreements=[])
    async with running(build_application(_settings(api), empty)):
        api.push_message("/timeline", chat_id=56)
        await api.wait_for(lambda: api.sent(56))
    assert api.sent(56)[0]["text"] == "I don't know of any agreements yet."
    assert api.photos(56) == []


async def test_timeline_second_time_comes_from_the_cache(api, bot, drawn):
    for chat_id in (57, 58):
        api.push_message("/timeline 2021", chat_id=chat_id)
        await api.wait_for(lambda chat_id=chat_id: api.photos(chat_id))
    assert drawn.calls == [("en", "2021")]
    assert api.photos(57)[0]["photo"] == api.photos(58)[0]["photo"]


async def test_timeline_is_drawn_off_the_event_loop(api, bot, drawn):
    api.push_message("/timeline 2022", chat_id=62)
    await api.wait_for(lambda: api.photos(62))
    assert drawn.calls == [("en", "2022")]
    assert drawn.threads[0] is not threading.current_thread()  # the event loop's thread


async def test_timeline_in_a_group_replies_to_the_command(api, bot):
    api.push_message("/timeline", chat_id=-59, chat_type="group")
    await api.wait_for(lambda: api.photos(-59))
    assert api.photos(-59)[0]["reply_parameters"]["allow_sending_without_reply"] is True


async def test_timeline_is_among_the_registered_commands(api, bot):
    commands = api.calls("setMyCommands")
    assert commands
    assert all(any(c["command"] == "timeline" for c in call["commands"]) for call in commands)
