"""`postbot run` as a process: settings, signals, secrets kept out of logs, webhook mode, and
what it does when Telegram misbehaves (a revoked token, no network, conflicts, 502s)."""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from fakebotapi import DROP, TOKEN, FakeBotAPI

from bot.logs import REDACTED, setup_logging
from bot.runner import CONFLICT_REMINDER, PollingProblems

QUESTION = "When did China Post sign the cooperation agreement with Jilin?"
SECRET = "s3cret-webhook-token"
# The console script's entry point; not `-m bot.cli`, whose module would be `__main__`.
POSTBOT = [sys.executable, "-c", "import sys; from bot.cli import main; sys.exit(main())"]
POSTBOT_RUN = [*POSTBOT, "run"]


class BotProcess:
    """`postbot run` in a child process, its log in a file."""

    def __init__(self, env: dict[str, str], log: Path, argv: list[str]) -> None:
        self.log = log
        self._log_file = log.open("w")
        self.process = subprocess.Popen(
            argv,
            env={**os.environ, **env},
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
        )

    def stop(self, sig: int = signal.SIGTERM) -> int:
        self.process.send_signal(sig)
        return self.wait()

    def wait(self, timeout: float = 20) -> int:
        try:
            return self.process.wait(timeout)
        finally:
            self._log_file.close()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._log_file.close()

    def output(self) -> str:
        return self.log.read_text()


@pytest.fixture
def start_bot(tmp_path: Path, api: FakeBotAPI) -> Iterator:
    started: list[BotProcess] = []

    def start(argv: list[str] = POSTBOT_RUN, **env: str) -> BotProcess:
        env = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api.base_url, **env}
        bot = BotProcess(env, tmp_path / f"bot{len(started)}.log", argv)
        started.append(bot)
        return bot

    yield start
    for bot in started:
        bot.kill()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_run_without_token_exits_2_naming_the_variable():
    result = subprocess.run(POSTBOT_RUN, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "TELEGRAM_BOT_TOKEN" in result.stderr


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_run_answers_then_stops_cleanly_on_signal(api, start_bot, sig):
    bot = start_bot()
    api.wait_for_blocking(lambda: api.calls("getUpdates"), timeout=30)
    api.push_message(QUESTION, chat_id=31)
    api.wait_for_blocking(lambda: api.sent(31))
    assert bot.stop(sig) == 0
    assert "June 28, 2022" in api.sent(31)[0]["text"]
    wanted = ["message", "callback_query", "inline_query"]
    assert api.calls("getUpdates")[0]["allowed_updates"] == wanted


def test_postbot_without_command_runs_the_bot_when_a_token_is_set(api, start_bot):
    bot = start_bot(POSTBOT)
    api.wait_for_blocking(lambda: api.calls("getUpdates"), timeout=30)
    api.push_message(QUESTION, chat_id=33)
    api.wait_for_blocking(lambda: api.sent(33))
    assert bot.stop() == 0


def test_token_never_in_logs_at_debug(api, start_bot):
    bot = start_bot(LOG_LEVEL="DEBUG")
    api.wait_for_blocking(lambda: api.calls("getUpdates"), timeout=30)
    api.push_message(QUESTION, chat_id=32)
    api.wait_for_blocking(lambda: api.sent(32), timeout=15)
    assert bot.stop() == 0
    log = bot.output()
    assert "Set Bot API URL: http://127.0.0.1" in log  # PTB logs the URL, token included
    assert TOKEN not in log
    assert TOKEN.split(":")[1] not in log


def test_refused_token_exits_1_and_is_redacted(api, start_bot):
    wrong = "987654321:AAWrongTokenNobodyShouldSee_42"
    bot = start_bot(TELEGRAM_BOT_TOKEN=wrong, LOG_LEVEL="DEBUG")
    assert bot.wait() == 1
    log = bot.output()
    assert "[TOKEN]" in log  # PTB puts the token in this error; the filter took it out
    assert wrong.split(":")[1] not in log


def test_bad_log_level_exits_2():
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "LOG_LEVEL": "LOUD"}
    result = subprocess.run(POSTBOT_RUN, env=env, capture_output=True, text=True)
    assert result.returncode == 2
    assert "LOG_LEVEL" in result.stderr


def post_update(url: str, update: dict, secret: str | None) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(url, json.dumps(update).encode(), headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def wait_for_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def test_webhook_refuses_updates_without_the_secret(api, start_bot):
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    bot = start_bot(POSTBOT_WEBHOOK_URL=url, POSTBOT_WEBHOOK_SECRET=SECRET, PORT=str(port))
    api.wait_for_blocking(lambda: api.calls("setWebhook"), timeout=30)
    wait_for_port(port)
    webhook = api.calls("setWebhook")[0]
    assert webhook["url"] == url
    assert webhook["secret_token"] == SECRET

    assert post_update(url, api.new_message(QUESTION, chat_id=41), secret=None) == 403
    assert post_update(url, api.new_message(QUESTION, chat_id=42), secret="wrong") == 403
    assert post_update(url, api.new_message(QUESTION, chat_id=43), secret=SECRET) == 200
    api.wait_for_blocking(lambda: api.sent(43))
    assert bot.stop() == 0
    assert api.sent(41) == [] and api.sent(42) == []
    assert "June 28, 2022" in api.sent(43)[0]["text"]
    assert api.calls("getUpdates") == []


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    httpx_level = logging.getLogger("httpx").level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    logging.getLogger("httpx").setLevel(httpx_level)


def test_logging_redacts_token_in_arguments_and_tracebacks(restore_logging, capsys):
    setup_logging("DEBUG", secrets=[TOKEN])
    log = logging.getLogger("telegram.test")
    log.debug("url %s", f"http://x/bot{TOKEN}/getMe")
    try:
        raise RuntimeError(f"token {TOKEN} rejected")
    except RuntimeError:
        log.exception("failed")
    err = capsys.readouterr().err
    assert TOKEN not in err
    assert f"url http://x/bot{REDACTED}/getMe" in err
    assert f"RuntimeError: token {REDACTED} rejected" in err


def test_logging_keeps_httpx_at_warning_even_at_debug(restore_logging, capsys):
    setup_logging("DEBUG", secrets=[TOKEN])
    logging.getLogger("httpx").info("HTTP Request: POST http://x/bot%s/getMe", TOKEN)
    logging.getLogger("httpx").warning("something odd")
    err = capsys.readouterr().err
    assert "HTTP Request" not in err
    assert "something odd" in err


def wait_for_log(bot, condition, timeout: float = 30) -> str:
    """Wait until `condition(log text)` holds; returns the log."""
    deadline = time.monotonic() + timeout
    while True:
        text = bot.output()
        if condition(text):
            return text
        if time.monotonic() > deadline or bot.process.poll() is not None:
            raise AssertionError(f"log condition not met; log:\n{text}")
        time.sleep(0.1)


def lines_with(text: str, needle: str) -> list[str]:
    return [line for line in text.splitlines() if needle in line]


def test_token_revoked_while_polling_exits_1_with_one_error_line(api, start_bot):
    bot = start_bot()
    api.wait_for_blocking(lambda: api.calls("getUpdates"), timeout=30)
    api.fail("getUpdates", 401, times=1000)
    api.push_message(QUESTION, chat_id=51)  # ends the poll in progress; the next one gets 401
    api.wait_for_blocking(lambda: api.sent(51))
    started = time.monotonic()
    assert bot.wait(timeout=15) == 1
    assert time.monotonic() - started < 10
    log = bot.output()
    errors = lines_with(log, " ERROR ")
    assert len(errors) == 1 and "Telegram refused the bot token" in errors[0]
    assert "Traceback" not in log
    assert "Event loop is closed" not in log


def test_refused_token_at_start_is_one_error_line_without_traceback(api, start_bot):
    bot = start_bot(TELEGRAM_BOT_TOKEN="987654321:AAWrongTokenNobodyShouldSee_42")
    assert bot.wait() == 1
    log = bot.output()
    assert len(lines_with(log, " ERROR ")) == 1
    assert "Traceback" not in log


def test_unreachable_telegram_warns_at_every_backoff_step_then_connects(start_bot):
    port = free_port()  # nothing listens there yet
    bot = start_bot(TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{port}/bot")
    needle = f"WARNING bot.runner: Telegram API unreachable at 127.0.0.1:{port}, retrying in"
    log = wait_for_log(bot, lambda text: len(lines_with(text, needle)) >= 2)
    first, second = lines_with(log, needle)[:2]
    assert "retrying in 1 s" in first and "retrying in 2 s" in second
    with FakeBotAPI(port=port) as late:
        late.wait_for_blocking(lambda: late.calls("getUpdates"), timeout=30)
        late.push_message(QUESTION, chat_id=52)
        late.wait_for_blocking(lambda: late.sent(52))
        assert bot.stop() == 0
    assert "June 28, 2022" in late.sent(52)[0]["text"]


def test_sighup_during_start_up_is_logged_and_ignored(start_bot):
    port = free_port()  # Telegram unreachable: the bot stays in start-up
    bot = start_bot(TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{port}/bot")
    wait_for_log(bot, lambda text: "Telegram API unreachable" in text)
    bot.process.send_signal(signal.SIGHUP)
    wait_for_log(bot, lambda text: "SIGHUP during start-up: ignored" in text)
    assert bot.process.poll() is None
    assert bot.stop() == 0


def test_sighup_while_loading_the_corpus_does_not_kill_the_bot(api, start_bot):
    bot = start_bot()
    wait_for_log(bot, lambda text: "Starting: loading the corpus" in text)
    while not api.calls("getUpdates") and bot.process.poll() is None:
        bot.process.send_signal(signal.SIGHUP)
        time.sleep(0.05)
    api.wait_for_blocking(lambda: api.calls("getUpdates"), timeout=30)
    assert bot.process.poll() is None
    assert bot.stop() == 0


def test_conflict_is_one_warning_without_traceback(api, start_bot):
    bot = start_bot()
    api.wait_for_blocking(lambda: api.calls("getUpdates"), timeout=30)
    api.fail("getUpdates", 409, times=3)
    api.push_message(QUESTION, chat_id=53)
    api.wait_for_blocking(lambda: api.sent(53))
    api.push_message(QUESTION, chat_id=54)  # answered once the conflicts are over
    api.wait_for_blocking(lambda: api.sent(54), timeout=20)
    assert bot.stop() == 0
    log = bot.output()
    conflict = lines_with(log, "409 Conflict")
    assert len(conflict) == 1 and " WARNING " in conflict[0]
    assert "another process is polling" in conflict[0]
    assert "Traceback" not in log
    assert "Error while handling an update" not in log


def test_bad_gateway_and_dropped_connection_are_one_line_each(api, start_bot):
    bot = start_bot()
    api.wait_for_blocking(lambda: api.calls("getUpdates"), timeout=30)
    for n, failure in enumerate([502, DROP]):
        api.fail("getUpdates", failure)
        api.push_message(QUESTION, chat_id=60 + n)
        api.wait_for_blocking(lambda n=n: api.sent(60 + n))
        wait_for_log(bot, lambda text, n=n: len(lines_with(text, "Polling Telegram failed")) > n)
    assert bot.stop() == 0
    log = bot.output()
    failed = lines_with(log, "Polling Telegram failed")
    assert len(failed) == 2, log
    assert all(" WARNING " in line for line in failed)
    assert "Bad Gateway" in failed[0]
    assert "Traceback" not in log


def test_webhook_secret_made_at_start_is_redacted_at_debug(api, start_bot):
    port = free_port()
    bot = start_bot(
        POSTBOT_WEBHOOK_URL=f"http://127.0.0.1:{port}/hook", PORT=str(port), LOG_LEVEL="DEBUG"
    )
    api.wait_for_blocking(lambda: api.calls("setWebhook"), timeout=30)
    secret = api.calls("setWebhook")[0]["secret_token"]
    assert len(secret) >= 32
    assert bot.stop() == 0
    log = bot.output()
    assert "setWebhook" in log  # PTB logs the call's parameters at DEBUG
    assert secret not in log


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_polling_problems_repeat_a_conflict_only_after_the_reminder_time(caplog):
    from telegram.error import Conflict

    clock = Clock()
    report = PollingProblems(clock)
    for _ in range(5):
        report(Conflict("terminated by other getUpdates request"))
        clock.now += 10
    assert len(lines_with(caplog.text, "409 Conflict")) == 1
    clock.now += CONFLICT_REMINDER
    report(Conflict("terminated by other getUpdates request"))
    assert len(lines_with(caplog.text, "409 Conflict")) == 2


def test_inline_query_not_yet_settled_is_logged_at_stop(api, start_bot):
    bot = start_bot()
    api.wait_for_blocking(lambda: api.calls("getUpdates"), timeout=30)
    api.push_inline(QUESTION)
    api.wait_for_blocking(lambda: api.calls("answerInlineQuery"))
    assert bot.stop() == 0
    with sqlite3.connect(os.environ["POSTBOT_DB"]) as db:
        rows = db.execute("SELECT chat_type, question FROM questions").fetchall()
    assert rows == [("inline", QUESTION)]
