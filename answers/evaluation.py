"""Scoring the answer layer on a question set (the format of ../shared/eval/README.md).

An answerable question passes when the bot answers, its first citation is the article that
answers it (same published date) and, where listed, the text holds one of the expected
strings; a question over several agreements (kind "aggregate") must also cite every page
listed in `articles`. An unanswerable one passes when the bot declines. A wrong citation is
an answer whose first citation is not an article that holds the answer: counted on its own.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any, Protocol

from answers.model import Answer

AGGREGATE = "aggregate"


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
    articles: tuple[str, ...] = ()  # page files that hold the answer (fixture set)
    kind: str = ""  # what sort of question it is, for reports by kind

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EvalQuestion:
        return cls(
            id=str(data["id"]),
            question=str(data["question"]),
            lang=str(data.get("lang", "en")),
            answerable=bool(data["answerable"]),
            article_date=data.get("article_date") or None,
            answer_contains_any=tuple(data.get("answer_contains_any") or ()),
            articles=tuple(str(a) for a in data.get("articles") or ()),
            kind=str(data.get("kind") or ""),
        )


@dataclass(frozen=True, slots=True)
class EvalResult:
    """How the bot did on one question; a check that does not apply is None."""

    item: EvalQuestion
    answer: Answer
    article_ok: bool | None  # answerable: answered, first citation from the right article
    text_ok: bool | None  # answerable with expected strings: the answer holds one
    abstained_ok: bool | None  # unanswerable: the bot declined

    @property
    def passed(self) -> bool:
        return all(
            check is not False for check in (self.article_ok, self.text_ok, self.abstained_ok)
        )

    origin_of: Callable[[str], str] | None = None

    @property
    def wrong_citation(self) -> bool:
        """It cites first an article that does not hold the answer.

        For a question over several agreements, any of the pages it lists holds part of
        the answer; missing some of them is a wrong answer, not a wrong citation.
        """
        if not (self.answer.answered and self.answer.citations):
            return False
        if not self.item.answerable:
            return True
        first = self.answer.citations[0]
        if self.item.kind == AGGREGATE and self.item.articles and self.origin_of is not None:
            return _page(self.origin_of(first.article_id)) not in map(_page, self.item.articles)
        return first.published != self.item.article_date

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.item.id,
            "question": self.item.question,
            "lang": self.item.lang,
            "kind": self.item.kind,
            "passed": self.passed,
            "answered": self.answer.answered,
            "article_ok": self.article_ok,
            "text_ok": self.text_ok,
            "abstained_ok": self.abstained_ok,
            "wrong_citation": self.wrong_citation,
            "answer": self.answer.text,
        }


@dataclass(frozen=True, slots=True)
class Scores:
    """The accuracies of a group of results."""

    questions: int
    passed: int
    article: float
    text: float
    abstention: float
    wrong_citations: int

    @classmethod
    def of(cls, results: Sequence[EvalResult]) -> Scores:
        return cls(
            questions=len(results),
            passed=sum(r.passed for r in results),
            article=_share(r.article_ok for r in results),
            text=_share(r.text_ok for r in results),
            abstention=_share(r.abstained_ok for r in results),
            wrong_citations=sum(r.wrong_citation for r in results),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "questions": self.questions,
            "passed": self.passed,
            "article_accuracy": round(self.article, 4),
            "text_accuracy": round(self.text, 4),
            "abstention_accuracy": round(self.abstention, 4),
            "wrong_citations": self.wrong_citations,
        }


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Every result, the accuracies overall and by kind and language."""

    results: tuple[EvalResult, ...]

    @property
    def overall(self) -> Scores:
        return Scores.of(self.results)

    @property
    def article_accuracy(self) -> float:
        return self.overall.article

    @property
    def text_accuracy(self) -> float:
        return self.overall.text

    @property
    def abstention_accuracy(self) -> float:
        return self.overall.abstention

    @property
    def wrong_citations(self) -> list[EvalResult]:
        return [r for r in self.results if r.wrong_citation]

    def by(self, field: str) -> dict[str, Scores]:
        """Scores per value of `field` ("lang" or "kind"), in name order."""
        groups: dict[str, list[EvalResult]] = defaultdict(list)
        for result in self.results:
            groups[getattr(result.item, field) or "-"].append(result)
        return {name: Scores.of(groups[name]) for name in sorted(groups)}

    def totals(self) -> dict[str, Any]:
        return self.overall.to_json()

    def to_json(self) -> dict[str, Any]:
        return {
            "results": [r.to_json() for r in self.results],
            "totals": self.totals(),
            "by_lang": {k: v.to_json() for k, v in self.by("lang").items()},
            "by_kind": {k: v.to_json() for k, v in self.by("kind").items()},
        }


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


def evaluate(
    answerer: _Answers,
    questions: Sequence[EvalQuestion],
    origin_of: Callable[[str], str] | None = None,
) -> EvalReport:
    """Ask every question and check each answer.

    `origin_of` gives the page file an article id came from; it lets an aggregate
    question's citations be checked against the pages it lists.
    """
    return EvalReport(tuple(check(q, answerer.answer(q.question), origin_of) for q in questions))


def check(
    item: EvalQuestion, answer: Answer, origin_of: Callable[[str], str] | None = None
) -> EvalResult:
    """Check one answer against what the question set expects."""
    if not item.answerable:
        return EvalResult(item, answer, None, None, not answer.answered)
    top = answer.citations[0] if answer.answered and answer.citations else None
    article_ok = top is not None and top.published == item.article_date
    if article_ok and item.kind == AGGREGATE and item.articles and origin_of is not None:
        cited = {_page(origin_of(c.article_id)) for c in answer.citations}
        article_ok = {_page(a) for a in item.articles} <= cited
    text_ok = None
    if item.answer_contains_any:
        text = answer.text.lower()
        text_ok = answer.answered and any(s.lower() in text for s in item.answer_contains_any)
    return EvalResult(item, answer, article_ok, text_ok, None, origin_of)


def _page(origin: str) -> str:
    """A page's name without folder or suffix: a .txt and its .html twin are one page."""
    return PurePath(origin).stem


def _share(checks: Iterable[bool | None]) -> float:
    counted = [c for c in checks if c is not None]
    return sum(counted) / len(counted) if counted else 1.0
