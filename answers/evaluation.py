"""Scoring the answer layer on a question set (the format of tests/data/questions.jsonl)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from answers.model import Answer


class EvalFileError(ValueError):
    """A question set cannot be read; the message names the file and line."""


class _Answers(Protocol):
    def answer(self, question: str, *, about: str | None = None) -> Answer: ...


@dataclass(frozen=True, slots=True)
class EvalQuestion:
    """One question of a set and what a right answer looks like."""

    id: str
    question: str
    lang: str
    answerable: bool
    article_date: str | None
    answer_contains_any: tuple[str, ...]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EvalQuestion:
        return cls(
            id=str(data["id"]),
            question=str(data["question"]),
            lang=str(data.get("lang", "en")),
            answerable=bool(data["answerable"]),
            article_date=data.get("article_date"),
            answer_contains_any=tuple(data.get("answer_contains_any") or ()),
        )


@dataclass(frozen=True, slots=True)
class EvalResult:
    """How the bot did on one question; a check that does not apply is None."""

    item: EvalQuestion
    answer: Answer
    article_ok: bool | None  # answerable: answered, first citation from the right date
    text_ok: bool | None  # answerable with expected strings: the answer holds one
    abstained_ok: bool | None  # unanswerable: the bot declined

    @property
    def passed(self) -> bool:
        return all(
            check is not False for check in (self.article_ok, self.text_ok, self.abstained_ok)
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.item.id,
            "question": self.item.question,
            "passed": self.passed,
            "answered": self.answer.answered,
            "article_ok": self.article_ok,
            "text_ok": self.text_ok,
            "abstained_ok": self.abstained_ok,
            "answer": self.answer.text,
        }


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Every result and the three accuracies."""

    results: tuple[EvalResult, ...]

    @property
    def article_accuracy(self) -> float:
        return _share(r.article_ok for r in self.results)

    @property
    def text_accuracy(self) -> float:
        return _share(r.text_ok for r in self.results)

    @property
    def abstention_accuracy(self) -> float:
        return _share(r.abstained_ok for r in self.results)

    def totals(self) -> dict[str, Any]:
        return {
            "questions": len(self.results),
            "passed": sum(r.passed for r in self.results),
            "article_accuracy": round(self.article_accuracy, 4),
            "text_accuracy": round(self.text_accuracy, 4),
            "abstention_accuracy": round(self.abstention_accuracy, 4),
        }

    def to_json(self) -> dict[str, Any]:
        return {"results": [r.to_json() for r in self.results], "totals": self.totals()}


def read_questions(path: Path) -> list[EvalQuestion]:
    """The questions of a JSON-lines file.

    Raises:
        EvalFileError: the file cannot be read or a line is not a question.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalFileError(f"cannot read {path}: {exc}") from None
    questions = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            questions.append(EvalQuestion.from_json(json.loads(line)))
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            raise EvalFileError(f"{path}, line {number}: not a question ({exc})") from None
    return questions


def evaluate(answerer: _Answers, questions: Sequence[EvalQuestion]) -> EvalReport:
    """Ask every question and check each answer."""
    return EvalReport(tuple(check(q, answerer.answer(q.question)) for q in questions))


def check(item: EvalQuestion, answer: Answer) -> EvalResult:
    """Check one answer against what the question set expects."""
    if not item.answerable:
        return EvalResult(item, answer, None, None, not answer.answered)
    top = answer.citations[0] if answer.answered and answer.citations else None
    article_ok = top is not None and top.published == item.article_date
    text_ok = None
    if item.answer_contains_any:
        text = answer.text.lower()
        text_ok = answer.answered and any(s.lower() in text for s in item.answer_contains_any)
    return EvalResult(item, answer, article_ok, text_ok, None)


def _share(checks: Iterable[bool | None]) -> float:
    counted = [c for c in checks if c is not None]
    return sum(counted) / len(counted) if counted else 1.0
