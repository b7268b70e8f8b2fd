"""The command line's own behaviour: dispatch, help and a reader that goes away."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from corpus.store import load_articles, write_articles


def _big_corpus(tmp_path: Path) -> Path:
    article = load_articles()[0]
    assert article.agreement is not None
    articles = [
        replace(
            article,
            id=f"a-{i}",
            agreement=replace(article.agreement, parties=("China Post", f"Party {i}")),
        )
        for i in range(3000)
    ]
    path = tmp_path / "big.jsonl"
    write_articles(articles, path)
    return path


def test_cli_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    corpus = _big_corpus(tmp_path)
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "--corpus", str(corpus), "agreements", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in stderr
    assert proc.returncode != 0


def test_cli_without_command_or_token_chats(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "bot.cli"],
        input="/agreements\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0
    assert "TELEGRAM_BOT_TOKEN" in proc.stderr
    assert "Jilin" in proc.stdout


def test_cli_bad_setting_exits_2() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "bot.cli", "agreements", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "POSTBOT_RATE_PER_MIN": "lots"},
    )
    assert proc.returncode == 2
    assert "POSTBOT_RATE_PER_MIN" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert json.loads(proc.stdout or "null") is None


@pytest.mark.parametrize("before_command", [True, False])
def test_cli_corpus_option_either_side_of_command(tmp_path: Path, before_command: bool) -> None:
    corpus = _big_corpus(tmp_path)
    args = ["agreements", "--json"]
    args = ["--corpus", str(corpus), *args] if before_command else [*args, "--corpus", str(corpus)]
    proc = subprocess.run(
        [sys.executable, "-m", "bot.cli", *args], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)) == 3000


@pytest.mark.parametrize("module", ["bot", "bot.cli"])
def test_cli_usage_error_exits_2_when_run_as_module(module: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", module, "ask", ""], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2
    assert "empty" in proc.stderr
    assert "Traceback" not in proc.stderr
