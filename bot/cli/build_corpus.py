"""`postbot build-corpus PATH... [--out FILE] [--skip-invalid]`: clean raw pages into a corpus."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from bot.errors import UsageError
from bot.loader import index_corpus, use_cache_dir
from bot.settings import Settings
from corpus.agreements import list_agreements
from corpus.build import build_corpus, find_pages
from corpus.errors import CorpusError, UnreadablePages
from corpus.model import Article
from corpus.store import DEFAULT_CORPUS, write_articles


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Build the corpus; the output file is replaced only when the build succeeds."""
    out = args.out or settings.corpus_path or DEFAULT_CORPUS
    _check_folder_for(out)
    use_cache_dir(settings)
    try:
        find_pages(args.paths)
    except CorpusError as exc:
        raise UsageError(str(exc)) from None
    try:
        result = build_corpus(args.paths, skip_invalid=args.skip_invalid)
    except UnreadablePages as exc:
        for error in exc.errors:
            print(f"postbot: cannot read {error}", file=sys.stderr)
        raise UsageError(
            f"{len(exc.errors)} page(s) cannot be read, so {out} was left as it was; "
            "fix them or pass --skip-invalid"
        ) from None
    for page, reason in result.skipped:
        print(f"postbot: skipped {page}: {reason}", file=sys.stderr)
    if not result.articles:
        raise UsageError("no valid pages; the corpus was left as it was")
    write_articles(result.articles, out)
    index_corpus(out, result.articles, settings)
    print(
        f"Wrote {len(result.articles)} articles ({summary(result.articles)}) to {out}"
        f" from {result.pages} pages"
        f" ({result.duplicates} duplicates dropped, {len(result.skipped)} skipped)."
    )
    return 0


def summary(articles: Iterable[Article]) -> str:
    """How many articles per language and how many agreements: "12 en, 3 zh; 9 agreements"."""
    articles = list(articles)
    langs = Counter(a.lang for a in articles)
    agreements = len(list_agreements(articles))  # one story told twice is one agreement
    per_lang = ", ".join(f"{count} {lang}" for lang, count in sorted(langs.items()))
    noun = "agreement" if agreements == 1 else "agreements"
    return f"{per_lang}; {agreements} {noun}"


def _check_folder_for(out: Path) -> None:
    """Refuse, before building, an output whose folder cannot be made: a file is in the way."""
    for folder in out.parents:
        if folder.exists():
            if not folder.is_dir():
                raise UsageError(f"cannot write {out}: {folder} is a file, not a folder")
            return
