"""The command line's own behaviour: dispatch, help and a reader that goes away."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from bot.cli import main
from corpus.store import DEFAULT_CORPUS, load_articles, write_articles


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


@pytest.mark.parametrize(
    ("name", "value"),
    [("POSTBOT_RATE_PER_MIN", "-5"), ("PORT", "0"), ("PORT", "70000")],
)
def test_cli_out_of_range_setting_exits_2_with_one_line(name: str, value: str) -> None:
    env = {**os.environ, name: value, "TELEGRAM_BOT_TOKEN": "1:fake"}
    env["TELEGRAM_API_BASE_URL"] = "http://127.0.0.1:9/bot"  # never reached
    argv = [sys.executable, "-m", "bot.cli", "run"]
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1
    assert f"{name} must be" in proc.stderr and value in proc.stderr


def _corpus_line(**changes: object) -> str:
    record = json.loads(DEFAULT_CORPUS.read_text(encoding="utf-8").splitlines()[0])
    return json.dumps({**record, **changes}) + "\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "not found"),
        ("", "no articles"),
        ("\n  \n", "no articles"),
        ("this is not json\n", "not valid JSON"),
        ("[1, 2]\n", "not a JSON object"),
        (_corpus_line(paragraphs=42), "line 1: field 'paragraphs'"),
        (_corpus_line(agreement={"parties": 7, "kind": "x"}), "line 1: field 'agreement"),
    ],
    ids=["missing", "empty", "blank", "not-json", "not-object", "paragraphs-int", "parties-int"],
)
@pytest.mark.parametrize("command", [["ask", "When did China Post sign?"], ["agreements"]])
def test_cli_unusable_corpus_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content, message, command
) -> None:
    corpus = tmp_path / "articles.jsonl"
    if content is not None:
        corpus.write_text(content, encoding="utf-8")
    assert main([*command, "--corpus", str(corpus)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("postbot: ")
    assert message in err


def test_build_corpus_out_under_a_file_exits_2_before_building(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    afile = tmp_path / "afile"
    afile.write_text("not a folder", encoding="utf-8")
    raw = Path(__file__).parents[1] / "corpus" / "raw"
    assert main(["build-corpus", str(raw), "--out", str(afile / "x.jsonl")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is a file, not a folder" in err
    assert afile.read_text(encoding="utf-8") == "not a folder"


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
