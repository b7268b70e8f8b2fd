"""`postbot add URL|FILE... [--corpus FILE]`: add pages to the corpus and index it again."""

from __future__ import annotations

import argparse
import sys

from bot.adding import add_and_index, report_lines
from bot.errors import UsageError
from bot.settings import Settings


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Add each page; print one line per page; exit 2 when any page could not be added."""
    result = add_and_index(settings, args.pages)
    for line in report_lines(result):
        stream = sys.stderr if line.startswith("Not added") else sys.stdout
        print(line if stream is sys.stdout else f"postbot: {line}", file=stream)
    if result.failed:
        raise UsageError(
            f"{len(result.failed)} of {len(args.pages)} page(s) could not be added"
            + (f"; the other {len(result.added)} were" if result.added else "")
        )
    return 0
