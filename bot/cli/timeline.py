"""`postbot timeline [--out FILE.png] [--year YEAR] [--search TEXT] [--lang en|zh]`."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.errors import UsageError
from bot.settings import Settings
from corpus.agreement_filter import AgreementFilter, AgreementSearch
from corpus.agreements import list_agreements
from corpus.store import load_articles
from corpus.text import language_of

DEFAULT_OUT = Path("timeline.png")


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Write the timeline of the agreements `--year` and `--search` keep as a PNG file."""
    out: Path = args.out or DEFAULT_OUT
    if out.suffix.lower() != ".png":
        raise UsageError(f"--out must name a .png file, not {out}")
    articles = load_articles(settings.corpus_path)
    search = AgreementSearch(list_agreements(articles), articles)
    chosen = AgreementFilter.from_options(args.year, args.search)
    entries = search.select(chosen)
    if not search.entries:
        raise UsageError("the corpus has no agreements, so there is no timeline to draw")
    if not entries:
        raise UsageError(
            f"no agreement matches “{chosen.text}” (there are {len(search.entries)} in all); "
            "nothing written"
        )
    lang = args.lang or language_of(chosen.text)
    from bot.timeline.pictures import make_picture

    picture = make_picture(entries, lang, chosen.text)
    try:
        out.write_bytes(picture.png)
    except OSError as exc:
        raise UsageError(f"cannot write {out}: {exc.strerror or exc}") from exc
    print(f"Wrote {out} ({picture.width}×{picture.height} px). {picture.caption}")
    return 0
