"""`postbot agreements [--json] [--year YEAR] [--search TEXT]`: the agreements, newest first."""

from __future__ import annotations

import argparse
import json
import unicodedata

from bot.settings import Settings
from corpus.agreement_filter import AgreementFilter, AgreementSearch
from corpus.agreements import AgreementEntry, list_agreements
from corpus.errors import CorpusError
from corpus.store import DEFAULT_CORPUS, load_articles

_COLUMNS = {
    "en": ("#", "Published", "Signed on", "Kind", "Parties"),
    "zh": ("#", "发布日期", "签署日期", "类型", "签约方"),
}
_UNKNOWN = {"en": "unknown", "zh": "未注明"}
_AREAS = {"en": "areas: ", "zh": "合作领域："}
_NO_MATCH = {
    "en": "No agreement matches “{query}”: there are {count} agreements in all ({command}).",
    "zh": "没有与“{query}”相符的协议：共有 {count} 项协议（{command}）。",
}


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Print the agreements `--year` and `--search` keep as a table, or JSON with `--json`."""
    articles = load_articles(settings.corpus_path)
    if not articles:
        path = settings.corpus_path or DEFAULT_CORPUS
        raise CorpusError(f"{path} holds no articles; build it with postbot build-corpus")
    search = AgreementSearch(list_agreements(articles), articles)
    chosen = AgreementFilter.from_options(args.year, args.search)
    entries = search.select(chosen)
    if args.json:
        print(json.dumps([e.to_json() for e in entries], ensure_ascii=False, indent=2))
    elif not search.entries:
        print("No agreements in the corpus.")
    elif not entries:
        print(no_match(chosen.text, len(search.entries), "postbot agreements"))
    else:
        print(format_table(entries))
    return 0


def no_match(query: str, count: int, command: str, lang: str = "en") -> str:
    """The sentence for a filter that keeps none of `count` agreements; `command` lists all."""
    template = _NO_MATCH.get(lang, _NO_MATCH["en"])
    return template.format(query=query, count=count, command=command)


def format_table(entries: list[AgreementEntry], *, compact: bool = False, lang: str = "en") -> str:
    """A plain-text table, one row per agreement, its areas on an indented line below.

    `compact` leaves out each article's id (the terminal chat's /agreements); `lang` ("en"
    or "zh") chooses the labels.
    """
    columns = _COLUMNS.get(lang, _COLUMNS["en"])
    rows = [
        (
            str(e.number),
            e.published,
            e.signed_on or _UNKNOWN.get(lang, _UNKNOWN["en"]),
            e.kind,
            " / ".join(e.parties),
        )
        for e in entries
    ]
    widths = [max(_width(row[i]) for row in [columns, *rows]) for i in range(len(columns))]
    lines = [_line(columns, widths), _line(tuple("-" * w for w in widths), widths)]
    indent = " " * (widths[0] + 2)
    for entry, row in zip(entries, rows, strict=True):
        lines.append(_line(row, widths))
        if entry.areas:
            lines.append(f"{indent}{_AREAS.get(lang, _AREAS['en'])}{'; '.join(entry.areas)}")
        if not compact:
            ids = ", ".join(r.article_id for r in entry.reports())
            label = "article" if len(entry.reports()) == 1 else "articles"
            lines.append(f"{indent}{label}: {ids}")
    return "\n".join(lines)


def _line(cells: tuple[str, ...], widths: list[int]) -> str:
    padded = [
        cell + " " * (width - _width(cell)) for cell, width in zip(cells, widths, strict=True)
    ]
    return "  ".join(padded).rstrip()


def _width(text: str) -> int:
    """Columns the text takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
