"""`postbot eval FILE`: score the bot on a question set."""

from __future__ import annotations

import argparse
import json

from bot.answering import load_answerer
from bot.errors import UsageError
from bot.settings import Settings


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Print each question's pass or fail and the accuracies."""
    from answers.evaluation import EvalFileError, evaluate, read_questions

    try:
        questions = read_questions(args.file)
    except EvalFileError as exc:
        raise UsageError(str(exc)) from None
    report = evaluate(load_answerer(settings), questions)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        return 0
    for result in report.results:
        print(f"{'PASS' if result.passed else 'FAIL'}  {result.item.id}  {result.item.question}")
        if not result.passed:
            print(f"      answered={result.answer.answered}: {result.answer.text[:160]!r}")
    totals = report.totals()
    print(
        f"\n{totals['passed']}/{totals['questions']} passed; "
        f"article accuracy {report.article_accuracy:.2f}, "
        f"answer-text accuracy {report.text_accuracy:.2f}, "
        f"abstention accuracy {report.abstention_accuracy:.2f}"
    )
    return 0
