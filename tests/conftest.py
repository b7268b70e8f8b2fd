"""Shared test setup: every test's state (query log, index cache) lives in its own tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from answers_fixtures import TINY_CORPUS
from fakebotapi import FakeBotAPI
from page_server import serving

from answers import Answerer
from retrieval.index import Index

_ENV_SET_BY_TESTS = (
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_API_BASE_URL",
    "POSTBOT_CORPUS",
    "POSTBOT_WEBHOOK_URL",
    "POSTBOT_WEBHOOK_SECRET",
    "POSTBOT_ADMINS",
    "POSTBOT_RATE_PER_MIN",
    "POSTBOT_ENGINE",
    "POSTBOT_ALLOW_PRIVATE_URLS",
    "LOG_LEVEL",
    "PORT",
)


@pytest.fixture(autouse=True)
def isolated_state(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point the query log and the index cache at a fresh folder; clear the bot's settings."""
    state = tmp_path_factory.mktemp("state")
    for name in _ENV_SET_BY_TESTS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("POSTBOT_DB", str(state / "postbot.sqlite3"))
    # Settings built in a test without from_env must not reach the real state folder either.
    monkeypatch.setattr("bot.settings._default_db_path", lambda: state / "postbot.sqlite3")
    monkeypatch.setenv("POSTBOT_CACHE_DIR", str(state / "cache"))
    return state


@pytest.fixture(scope="module")
def tiny() -> Answerer:
    """An answerer over the tiny fixture corpus, on the rank-bm25 engine."""
    return Answerer(list(TINY_CORPUS), Index.build(TINY_CORPUS, engine="rank-bm25"))


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    """An answerer over the shipped corpus, its index cached in a folder of its own."""
    return Answerer.load(cache_dir=tmp_path_factory.mktemp("cache"))


@pytest.fixture
def api() -> Iterator[FakeBotAPI]:
    """A fake Telegram Bot API server on 127.0.0.1, recording what the bot sends it."""
    with FakeBotAPI() as server:
        yield server


@pytest.fixture
def base_url() -> Iterator[str]:
    """A local web server for the fixture pages (tests/page_server.py)."""
    with serving() as url:
        yield url
