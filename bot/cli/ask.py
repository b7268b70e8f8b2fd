"""`postbot ask`: answer one question, or each line of standard input."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

from bot.errors import UsageError
from bot.loader import load_answerer
from bot.settings import Settings


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Print the answer to the question, or to each question read from stdin."""
    if args.question is not None:
        if not args.question.strip():
            raise UsageError('the question is empty; try: postbot ask "When did China Post sign?"')
        questions: Iterable[str] = [args.question]
    else:
        questions = _lines(sys.stdin)
    answerer = load_answerer(settings)
    for number, question in enumerate(questions):
        answer = answerer.answer(question)
        if args.json:
            print(json.dumps(answer.to_json(), ensure_ascii=False), flush=True)
        else:
            print(("\n" if number else "") + answer.linked_text(), flush=True)
    return 0


def _lines(stream: TextIO) -> Iterator[str]:
    """The non-blank lines of a stream, one question each, read as they come."""
    for line in stream:
        if line.strip():
            yield line.strip()
