"""The query log: one SQLite row per question asked, the feedback on it, and the stats.

Privacy: no Telegram user ids, chat ids or names are stored, only what kind of chat a
question came from.
"""

from __future__ import annotations

import math
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from corpus.records import as_json

__all__ = ["CHAT_TYPES", "QueryLog", "QueryLogError", "Stats", "format_report"]

CHAT_TYPES = ("private", "group", "inline", "terminal")
# A question in the readable report is cut to this many characters, so that the report of
# the top 20 fits one Telegram message.
REPORT_QUESTION_CHARS = 80

_SCHEMA = """
CREATE TABLE IF NOT EXISTS questions (
    id INTEGER PRIMARY KEY,
    asked_at TEXT NOT NULL,
    chat_type TEXT NOT NULL,
    lang TEXT NOT NULL,
    question TEXT NOT NULL,
    answered INTEGER NOT NULL,
    article_id TEXT,
    score REAL,
    latency_ms REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS questions_article ON questions (article_id);
CREATE TABLE IF NOT EXISTS feedback (
    question_id INTEGER PRIMARY KEY REFERENCES questions (id),
    up INTEGER NOT NULL,
    given_at TEXT NOT NULL
);
"""


class QueryLogError(Exception):
    """The query log file cannot be opened or read."""


@dataclass(frozen=True, slots=True)
class QuestionCount:
    """A question and how many times it was asked."""

    question: str
    count: int


@dataclass(frozen=True, slots=True)
class ArticleHits:
    """An article and how many answers cited it first."""

    article_id: str
    hits: int


@dataclass(frozen=True, slots=True)
class Stats:
    """What the query log says about the bot's use."""

    questions: int
    answered: int
    unanswered: tuple[QuestionCount, ...]  # most asked first
    feedback_up: int
    feedback_down: int
    articles: tuple[ArticleHits, ...]  # most cited first
    latency_p50_ms: float | None
    latency_p95_ms: float | None

    def to_json(self) -> dict[str, Any]:
        return {
            "questions": self.questions,
            "answered": self.answered,
            "unanswered": [as_json(q) for q in self.unanswered],
            "feedback": {"up": self.feedback_up, "down": self.feedback_down},
            "articles": [as_json(a) for a in self.articles],
            "latency_ms": {"p50": self.latency_p50_ms, "p95": self.latency_p95_ms},
        }


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class QueryLog:
    """The query log in one SQLite file (WAL mode); safe to share between threads."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA busy_timeout=5000")
            self._db.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise QueryLogError(f"cannot open the query log {self.path}: {exc}") from exc
        self._lock = threading.Lock()

    def __enter__(self) -> QueryLog:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection."""
        with self._lock:
            self._db.close()

    def log_question(
        self,
        *,
        chat_type: str,
        lang: str,
        question: str,
        answered: bool,
        article_id: str | None,
        score: float | None,
        latency_ms: float,
    ) -> int:
        """Store one question and how it was answered; returns its row id."""
        if chat_type not in CHAT_TYPES:
            raise ValueError(f"chat_type must be one of {', '.join(CHAT_TYPES)}, not {chat_type!r}")
        row = (_now(), chat_type, lang, question, int(answered), article_id, score, latency_ms)
        with self._lock, self._failing_as("write to"):
            cursor = self._db.execute(
                "INSERT INTO questions (asked_at, chat_type, lang, question, answered,"
                " article_id, score, latency_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
        return int(cursor.lastrowid or 0)

    def record_feedback(self, row_id: int, up: bool) -> bool:
        """Store a 👍 (up) or 👎 on a logged question; a later press replaces an earlier one.

        Returns False when no question has that row id.
        """
        with self._lock, self._failing_as("write to"):
            known = self._db.execute("SELECT 1 FROM questions WHERE id = ?", (row_id,)).fetchone()
            if known is None:
                return False
            self._db.execute(
                "INSERT OR REPLACE INTO feedback (question_id, up, given_at) VALUES (?, ?, ?)",
                (row_id, int(up), _now()),
            )
        return True

    def stats(self, top: int = 20) -> Stats:
        """Counts, the `top` most asked unanswered questions and most cited articles, latency."""
        with self._lock, self._failing_as("read"):
            return self._stats(top)

    @contextmanager
    def _failing_as(self, doing: str) -> Iterator[None]:
        """Turn SQLite's errors into a QueryLogError naming the file."""
        try:
            yield
        except sqlite3.Error as exc:
            raise QueryLogError(f"cannot {doing} the query log {self.path}: {exc}") from exc

    def _stats(self, top: int) -> Stats:
        db = self._db
        total, answered = db.execute(
            "SELECT COUNT(*), COALESCE(SUM(answered), 0) FROM questions"
        ).fetchone()
        unanswered = db.execute(
            "SELECT MIN(question), COUNT(*) AS n FROM questions WHERE answered = 0"
            " GROUP BY lower(trim(question)) ORDER BY n DESC, MAX(id) DESC LIMIT ?",
            (top,),
        ).fetchall()
        up, down = db.execute(
            "SELECT COALESCE(SUM(up), 0), COALESCE(SUM(1 - up), 0) FROM feedback"
        ).fetchone()
        articles = db.execute(
            "SELECT article_id, COUNT(*) AS n FROM questions"
            " WHERE answered = 1 AND article_id IS NOT NULL"
            " GROUP BY article_id ORDER BY n DESC, article_id LIMIT ?",
            (top,),
        ).fetchall()
        return Stats(
            questions=total,
            answered=answered,
            unanswered=tuple(QuestionCount(q, n) for q, n in unanswered),
            feedback_up=up,
            feedback_down=down,
            articles=tuple(ArticleHits(a, n) for a, n in articles),
            latency_p50_ms=self._latency_percentile(0.50, total),
            latency_p95_ms=self._latency_percentile(0.95, total),
        )

    def _latency_percentile(self, share: float, count: int) -> float | None:
        """The nearest-rank percentile of the latencies, or None for an empty log."""
        if count == 0:
            return None
        rank = max(1, math.ceil(share * count))
        (value,) = self._db.execute(
            "SELECT latency_ms FROM questions ORDER BY latency_ms LIMIT 1 OFFSET ?", (rank - 1,)
        ).fetchone()
        return round(float(value), 1)


def _shorten(text: str, limit: int = REPORT_QUESTION_CHARS) -> str:
    text = visible(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def visible(text: str) -> str:
    """`text` with control and format characters (ESC, BEL, bidi overrides) shown escaped.

    Questions come from anyone; printed raw, an ESC sequence would drive the terminal.
    """
    return "".join(
        c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text
    )


def format_report(stats: Stats) -> str:
    """The stats as a short plain-text report for a person."""
    if stats.questions == 0:
        return "No questions logged yet."
    share = 100 * stats.answered / stats.questions
    lines = [
        f"Questions: {stats.questions} ({stats.answered} answered, {share:.0f}%; "
        f"{stats.questions - stats.answered} unanswered)",
        f"Feedback: {stats.feedback_up} 👍, {stats.feedback_down} 👎",
        f"Latency: p50 {stats.latency_p50_ms:g} ms, p95 {stats.latency_p95_ms:g} ms",
    ]
    if stats.articles:
        lines += ["", "Most cited articles:"]
        lines += [f"{a.hits:>5}  {visible(a.article_id)}" for a in stats.articles]
    if stats.unanswered:
        lines += ["", "Unanswered questions, most asked first:"]
        lines += [f"{q.count:>5}  {_shorten(q.question)}" for q in stats.unanswered]
    return "\n".join(lines)
