"""`postbot agreements [--json]`: the corpus's agreements, newest first."""

from __future__ import annotations

import argparse
import json
import unicodedata

from bot.settings import Settings
from corpus.agreements import AgreementEntry, list_agreements
from corpus.store import load_articles

_COLUMNS = ("#", "Published", "Signed on", "Kind", "Parties")


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Print the agreements as a table, or as a JSON list with `--json`."""
    entries = list_agreements(load_articles(settings.corpus_path))
    if args.json:
        print(json.dumps([e.to_json() for e in entries], ensure_ascii=False, indent=2))
    elif not entries:
        print("No agreements in the corpus.")
    else:
        print(format_table(entries))
    return 0


def format_table(entries: list[AgreementEntry]) -> str:
    """A plain-text table, one row per agreement, its areas on an indented line below."""
    rows = [
        (
            str(e.number),
            e.published,
            e.signed_on or "unknown",
            e.kind,
            " / ".join(e.parties),
        )
        for e in entries
    ]
    widths = [max(_width(row[i]) for row in [_COLUMNS, *rows]) for i in range(len(_COLUMNS))]
    lines = [_line(_COLUMNS, widths), _line(tuple("-" * w for w in widths), widths)]
    indent = " " * (widths[0] + 2)
    for entry, row in zip(entries, rows, strict=True):
        lines.append(_line(row, widths))
        if entry.areas:
            lines.append(f"{indent}areas: {'; '.join(entry.areas)}")
        lines.append(f"{indent}article: {entry.article_id}")
    return "\n".join(lines)


def _line(cells: tuple[str, ...], widths: list[int]) -> str:
    padded = [
        cell + " " * (width - _width(cell)) for cell, width in zip(cells, widths, strict=True)
    ]
    return "  ".join(padded).rstrip()


def _width(text: str) -> int:
    """Columns the text takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
