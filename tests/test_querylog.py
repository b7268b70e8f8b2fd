"""The query log: what is stored, feedback, and the stats computed from it."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from bot.querylog import QueryLog, QueryLogError, format_report


def _log(log: QueryLog, question: str = "when?", *, answered: bool = True, **fields: object) -> int:
    values = {
        "chat_type": "private",
        "lang": "en",
        "question": question,
        "answered": answered,
        "article_id": "jilin" if answered else None,
        "score": 0.8 if answered else None,
        "latency_ms": 10.0,
    }
    values.update(fields)
    return log.log_question(**values)


@pytest.fixture
def log(tmp_path: Path):
    with QueryLog(tmp_path / "state" / "log.sqlite3") as log:
        yield log


def test_querylog_creates_the_file_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "log.sqlite3"
    QueryLog(path).close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_querylog_stores_no_user_or_chat_ids(log: QueryLog) -> None:
    _log(log)
    with sqlite3.connect(log.path) as db:
        columns = {row[1] for row in db.execute("PRAGMA table_info(questions)")}
    assert columns == {
        "id", "asked_at", "chat_type", "lang", "question", "answered",
        "article_id", "score", "latency_ms",
    }  # fmt: skip


def test_log_question_returns_increasing_row_ids(log: QueryLog) -> None:
    first, second = _log(log), _log(log)
    assert second == first + 1


def test_log_question_rejects_unknown_chat_type(log: QueryLog) -> None:
    with pytest.raises(ValueError, match="chat_type"):
        _log(log, chat_type="channel")


def test_stats_of_an_empty_log(log: QueryLog) -> None:
    assert log.stats().to_json() == {
        "questions": 0,
        "answered": 0,
        "unanswered": [],
        "feedback": {"up": 0, "down": 0},
        "articles": [],
        "latency_ms": {"p50": None, "p95": None},
    }


def test_stats_counts_questions_and_answers(log: QueryLog) -> None:
    _log(log)
    _log(log)
    _log(log, "who is the ceo?", answered=False)
    stats = log.stats()
    assert (stats.questions, stats.answered) == (3, 2)


def test_stats_unanswered_most_asked_first_case_insensitively(log: QueryLog) -> None:
    _log(log, "bitcoin price?", answered=False)
    for text in ("Weather?", "weather?", " weather? "):
        _log(log, text, answered=False)
    _log(log, "answered one")
    unanswered = log.stats().to_json()["unanswered"]
    assert [u["count"] for u in unanswered] == [3, 1]
    assert unanswered[0]["question"].strip().lower() == "weather?"
    assert unanswered[1] == {"question": "bitcoin price?", "count": 1}


def test_stats_articles_by_hits(log: QueryLog) -> None:
    _log(log, article_id="mara")
    _log(log, article_id="jilin")
    _log(log, article_id="jilin")
    _log(log, "nothing", answered=False)
    assert log.stats().to_json()["articles"] == [
        {"article_id": "jilin", "hits": 2},
        {"article_id": "mara", "hits": 1},
    ]


def test_stats_latency_percentiles_nearest_rank(log: QueryLog) -> None:
    for ms in range(100, 0, -1):
        _log(log, latency_ms=float(ms))
    assert log.stats().to_json()["latency_ms"] == {"p50": 50.0, "p95": 95.0}


def test_record_feedback_counts_up_and_down(log: QueryLog) -> None:
    rows = [_log(log) for _ in range(3)]
    assert log.record_feedback(rows[0], up=True)
    assert log.record_feedback(rows[1], up=True)
    assert log.record_feedback(rows[2], up=False)
    assert log.stats().to_json()["feedback"] == {"up": 2, "down": 1}


def test_record_feedback_second_press_replaces_the_first(log: QueryLog) -> None:
    row = _log(log)
    log.record_feedback(row, up=True)
    log.record_feedback(row, up=False)
    assert log.stats().to_json()["feedback"] == {"up": 0, "down": 1}


def test_record_feedback_unknown_row_is_refused(log: QueryLog) -> None:
    assert not log.record_feedback(999, up=True)
    assert log.stats().feedback_up == 0


def test_querylog_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    with QueryLog(path) as log:
        row = _log(log)
    with QueryLog(path) as log:
        assert log.record_feedback(row, up=True)
        assert log.stats().questions == 1


def test_querylog_writes_from_many_threads(log: QueryLog) -> None:
    def ask() -> None:
        for _ in range(50):
            _log(log)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert log.stats().questions == 400


def test_querylog_not_a_database_raises_querylog_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not sqlite at all, just some words " * 50)
    with pytest.raises(QueryLogError, match="cannot open"):
        QueryLog(path)


def test_format_report_names_the_numbers(log: QueryLog) -> None:
    row = _log(log, latency_ms=12.0)
    _log(log, "bitcoin price?", answered=False, latency_ms=30.0)
    log.record_feedback(row, up=True)
    report = format_report(log.stats())
    assert "Questions: 2 (1 answered, 50%; 1 unanswered)" in report
    assert "1 👍, 0 👎" in report
    assert "jilin" in report
    assert "bitcoin price?" in report


def test_format_report_of_an_empty_log(log: QueryLog) -> None:
    assert format_report(log.stats()) == "No questions logged yet."


def test_format_report_shortens_long_questions_to_one_line(log: QueryLog) -> None:
    for i in range(20):
        _log(log, f"question {i}\n" + "very long " * 100, answered=False)
    report = format_report(log.stats())
    assert all(len(line) <= 100 for line in report.splitlines())
    assert len(report) < 4096
