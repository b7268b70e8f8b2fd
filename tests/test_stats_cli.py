"""`postbot stats`: the report and JSON from the query log, and a missing log."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.querylog import QueryLog


def _fill(path: Path) -> None:
    with QueryLog(path) as log:
        for question, answered, ms in [
            ("When did China Post sign with Jilin?", True, 10.0),
            ("who witnessed it?", True, 20.0),
            ("bitcoin price?", False, 5.0),
            ("Bitcoin price?", False, 6.0),
            ("weather?", False, 7.0),
        ]:
            row = log.log_question(
                chat_type="private",
                lang="en",
                question=question,
                answered=answered,
                article_id="jilin" if answered else None,
                score=0.9 if answered else None,
                latency_ms=ms,
            )
            if answered:
                log.record_feedback(row, up=question.startswith("When"))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "log.sqlite3"
    _fill(path)
    return path


def test_stats_json_with_db_flag(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--json", "--db", str(db)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["questions"] == 5
    assert data["answered"] == 2
    assert data["unanswered"][0]["count"] == 2
    assert data["unanswered"][0]["question"].lower() == "bitcoin price?"
    assert data["feedback"] == {"up": 1, "down": 1}
    assert data["articles"] == [{"article_id": "jilin", "hits": 2}]
    assert data["latency_ms"] == {"p50": 7.0, "p95": 20.0}


def test_stats_reads_postbot_db_by_default(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("POSTBOT_DB", str(db))
    assert main(["stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["questions"] == 5


def test_stats_readable_report(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Questions: 5 (2 answered" in out
    assert "Unanswered questions, most asked first:" in out
    assert out.lower().index("bitcoin price?") < out.index("weather?")


def test_stats_missing_default_log_says_so_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "never" / "postbot.sqlite3"
    monkeypatch.setenv("POSTBOT_DB", str(missing))
    assert main(["stats"]) == 1
    err = capsys.readouterr().err
    assert f"no query log at {missing}" in err
    assert "Traceback" not in err
    assert not missing.exists()


def test_stats_missing_db_flag_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", "--db", str(tmp_path / "nope.sqlite3")]) == 2
    assert "no query log at" in capsys.readouterr().err


def test_stats_not_a_database_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "junk.sqlite3"
    path.write_text("junk " * 100)
    assert main(["stats", "--db", str(path)]) == 1
    assert "cannot open the query log" in capsys.readouterr().err


def test_stats_console_script_runs(db: Path) -> None:
    env = {**os.environ, "POSTBOT_DB": str(db)}
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "stats", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["answered"] == 2


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("\x1b[2J\x1b[31mred question", "\\x1b[2J\\x1b[31mred question"),
        ("ring\x07 the bell", "ring\\x07 the bell"),
        ("left\u202eright", "left\\u202eright"),
    ],
)
def test_stats_report_shows_control_characters_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], question: str, shown: str
) -> None:
    path = tmp_path / "q.sqlite3"
    with QueryLog(path) as log:
        log.log_question(
            chat_type="private",
            lang="en",
            question=question,
            answered=False,
            article_id=None,
            score=None,
            latency_ms=1.0,
        )
    assert main(["stats", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert shown in out
    assert not any(c in out for c in "\x1b\x07\u202e")
