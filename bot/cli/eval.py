"""`postbot eval FILE...`: score the bot on question sets, by kind and by language."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from bot.errors import UsageError
from bot.loader import load_answerer
from bot.settings import Settings

if TYPE_CHECKING:
    from answers.evaluation import EvalReport, Scores


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Print each question's pass or fail, the accuracies by kind and language, and totals."""
    from answers.evaluation import EvalFileError, evaluate, read_questions

    answerer = load_answerer(settings)
    origins = {article.id: article.origin for article in answerer.articles}
    reports: dict[str, EvalReport] = {}
    for path in args.files:
        try:
            questions = read_questions(path)
        except EvalFileError as exc:
            raise UsageError(str(exc)) from None
        reports[str(path)] = evaluate(answerer, questions, origins.__getitem__)
    if args.json:
        print(
            json.dumps({n: r.to_json() for n, r in reports.items()}, ensure_ascii=False, indent=2)
        )
        return 0
    for name, report in reports.items():
        _print_report(name, report)
    return 0


def _print_report(name: str, report: EvalReport) -> None:
    print(f"== {name}")
    for result in report.results:
        print(f"{'PASS' if result.passed else 'FAIL'}  {result.item.id}  {result.item.question}")
        if not result.passed:
            print(f"      answered={result.answer.answered}: {result.answer.text[:160]!r}")
    print()
    for field in ("lang", "kind"):
        groups = report.by(field)
        if len(groups) > 1:
            for value, scores in groups.items():
                print(f"  {field} {value:<12} {_line(scores)}")
    print(f"  {'all':<17} {_line(report.overall)}")
    wrong = report.wrong_citations
    print(f"  wrong citations: {len(wrong)}" + "".join(f"\n    {r.item.id}" for r in wrong))
    print()


def _line(scores: Scores) -> str:
    return (
        f"{scores.passed:>3}/{scores.questions:<3} passed; article {scores.article:.2f}, "
        f"text {scores.text:.2f}, abstention {scores.abstention:.2f}, "
        f"wrong citations {scores.wrong_citations}"
    )
