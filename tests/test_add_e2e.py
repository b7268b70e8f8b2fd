"""/add from Telegram end to end: the real PTB stack, the fake Bot API, pages on a local server."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from bot_fixtures import html_problems, running
from fakebotapi import TOKEN, FakeBotAPI
from telegram.ext import Application

from answers import Answerer
from bot.app import build_application
from bot.handlers import ANSWERER
from bot.settings import Settings
from corpus.store import load_articles

ADMIN = 902
SHIPPED_CORPUS = Path(__file__).parents[1] / "corpus" / "data" / "articles.jsonl"
ZHENHAI = "fx17_zhenhai-province-2024.html"
ZHENHAI_TITLE = "镇海省人民政府与中国邮政集团签署战略合作框架协议"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    shutil.copyfile(SHIPPED_CORPUS, path)
    return path


@pytest.fixture
async def bot(api: FakeBotAPI, corpus: Path, tmp_path: Path) -> AsyncIterator[Application]:
    settings = Settings(
        telegram_token=TOKEN,
        api_base_url=api.base_url,
        corpus_path=corpus,
        db_path=tmp_path / "state" / "postbot.sqlite3",
        admins=frozenset({ADMIN}),
        allow_private_urls=True,
    )
    async with running(build_application(settings, Answerer.load(corpus))) as application:
        yield application


async def reply_to(api: FakeBotAPI, text: str, chat_id: int, user_id: int) -> str:
    before = len(api.sent(chat_id))
    api.push_message(text, chat_id=chat_id, user_id=user_id)
    await api.wait_for(lambda: len(api.sent(chat_id)) > before, timeout=30)
    return api.sent(chat_id)[before]["text"]


async def test_add_from_an_admin_adds_the_page_and_swaps_the_index_in(
    api: FakeBotAPI, bot: Application, base_url: str, corpus: Path
) -> None:
    old = bot.bot_data[ANSWERER]
    url = f"{base_url}/{ZHENHAI}"
    reply = await reply_to(api, f"/add {url}", chat_id=ADMIN, user_id=ADMIN)
    added, reloaded = reply.splitlines()
    assert added.startswith(f"Added: {ZHENHAI_TITLE} (2024-05-10), agreement with ")
    assert reloaded.startswith("Reloaded 3 articles")
    assert bot.bot_data[ANSWERER] is not old
    assert [a.url for a in load_articles(corpus) if a.url] == [url]
    answer = await reply_to(api, "中国邮政和镇海省签署了什么协议？", chat_id=77, user_id=77)
    assert f'<a href="{url}">{ZHENHAI_TITLE}</a>' in answer
    assert html_problems(answer) == []


async def test_add_reports_each_failing_page_and_adds_the_rest(
    api: FakeBotAPI, bot: Application, base_url: str
) -> None:
    bad = f"{base_url}/missing.html"
    reply = await reply_to(api, f"/add {bad} {base_url}/{ZHENHAI}", chat_id=ADMIN, user_id=ADMIN)
    lines = reply.splitlines()
    assert lines[0].startswith(f"Added: {ZHENHAI_TITLE}")
    assert lines[1] == f"Not added: {bad}: the server answered 404 Not Found"
    assert lines[2].startswith("Reloaded 3 articles")


async def test_add_without_a_url_explains_itself(api: FakeBotAPI, bot: Application) -> None:
    reply = await reply_to(api, "/add", chat_id=ADMIN, user_id=ADMIN)
    assert reply.startswith("Put one or more page addresses after /add")


async def test_add_refused_to_others_and_nothing_changes(
    api: FakeBotAPI, bot: Application, base_url: str, corpus: Path
) -> None:
    before = corpus.read_bytes()
    old = bot.bot_data[ANSWERER]
    reply = await reply_to(api, f"/add {base_url}/{ZHENHAI}", chat_id=55, user_id=55)
    assert reply == "Sorry, only admins can add articles."
    assert corpus.read_bytes() == before and bot.bot_data[ANSWERER] is old


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("published", "null", "field 'published' must be text, not null"),
        ("title", "42", "field 'title' must be text, not 42"),
    ],
)
async def test_reload_of_a_corpus_with_a_wrong_field_names_the_line_and_keeps_the_old(
    api: FakeBotAPI, bot: Application, corpus: Path, field: str, value: str, message: str
) -> None:
    import json

    old = bot.bot_data[ANSWERER]
    lines = corpus.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[1])
    lines[1] = json.dumps(record, ensure_ascii=False).replace(
        f'"{field}": {json.dumps(record[field], ensure_ascii=False)}', f'"{field}": {value}'
    )
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    reply = await reply_to(api, "/reload", chat_id=ADMIN, user_id=ADMIN)
    assert reply.startswith("Reload failed, so I'm still answering from the old corpus: ")
    assert reply.endswith(f"{corpus}, line 2: {message}")
    assert bot.bot_data[ANSWERER] is old


async def test_add_of_many_pages_replies_in_messages_telegram_accepts(
    api: FakeBotAPI, bot: Application, base_url: str
) -> None:
    long_name = "x" * 300
    pages = " ".join(f"{base_url}/{long_name}{n}.html" for n in range(20))
    before = len(api.sent(ADMIN))
    api.push_message(f"/add {pages}", chat_id=ADMIN, user_id=ADMIN)
    await api.wait_for(lambda: len(api.sent(ADMIN)) >= before + 2, timeout=30)
    replies = [p["text"] for p in api.sent(ADMIN)[before:]]
    assert all(len(reply) <= 4096 for reply in replies)
    assert sum(reply.count("Not added: ") for reply in replies) == 20
