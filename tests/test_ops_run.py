"""`postbot run` as a process: SIGHUP reloads the corpus, and questions land in POSTBOT_DB."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from fakebotapi import TOKEN, FakeBotAPI

SHIPPED_CORPUS = Path(__file__).parents[1] / "corpus" / "data" / "articles.jsonl"
POSTBOT_RUN = [
    sys.executable,
    "-c",
    "import sys; from bot.cli import main; sys.exit(main())",
    "run",
]
QUESTION = "When did China Post sign with Jilin?"


def _wait(condition: Callable[[], bool], what: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def test_sighup_reloads_the_corpus_of_a_running_bot(
    api: FakeBotAPI, tmp_path: Path, isolated_state: Path
) -> None:
    corpus = tmp_path / "articles.jsonl"
    shutil.copyfile(SHIPPED_CORPUS, corpus)
    log_path = tmp_path / "bot.log"
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "POSTBOT_CORPUS": str(corpus),
    }
    with log_path.open("w") as log_file:
        process = subprocess.Popen(POSTBOT_RUN, env=env, stdout=log_file, stderr=log_file)
        try:
            api.wait_for_blocking(lambda: bool(api.calls("getUpdates")), timeout=30)
            api.push_message(QUESTION, chat_id=61, user_id=61)
            api.wait_for_blocking(lambda: bool(api.sent(61)))
            first = corpus.read_text(encoding="utf-8").splitlines()[0]
            corpus.write_text(first + "\n", encoding="utf-8")
            process.send_signal(signal.SIGHUP)
            _wait(lambda: "Reloaded 1 articles" in log_path.read_text(), "the reload")
            api.push_message(QUESTION, chat_id=62, user_id=62)
            api.wait_for_blocking(lambda: bool(api.sent(62)))
            process.send_signal(signal.SIGTERM)
            assert process.wait(20) == 0
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    with sqlite3.connect(isolated_state / "postbot.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM questions").fetchone() == (2,)
