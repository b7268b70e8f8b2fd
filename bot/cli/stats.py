"""`postbot stats [--json] [--db FILE]`: what the query log says about the bot's use."""

from __future__ import annotations

import argparse
import json
import sys

from bot.errors import UsageError
from bot.querylog import QueryLog, QueryLogError, format_report
from bot.settings import Settings


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Print the stats of the query log; exit 1 when there is no log to read."""
    explicit = getattr(args, "db", None)
    path = explicit or settings.database
    if not path.is_file():
        if explicit:
            raise UsageError(f"no query log at {path}")
        print(
            f"postbot: no query log at {path} yet; the bot creates it when it answers its "
            "first question (set POSTBOT_DB or pass --db FILE to read another).",
            file=sys.stderr,
        )
        return 1
    try:
        with QueryLog(path) as log:
            stats = log.stats()
    except QueryLogError as exc:
        print(f"postbot: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(stats.to_json(), ensure_ascii=False))
    else:
        print(f"Query log: {path}")
        print(format_report(stats))
    return 0
