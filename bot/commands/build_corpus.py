"""`postbot build-corpus PATH... [--out FILE] [--skip-invalid]`: clean raw pages into a corpus."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.answering import use_cache_dir
from bot.errors import UsageError
from bot.settings import Settings
from corpus.build import build_corpus, find_pages
from corpus.errors import CorpusError
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
    result = build_corpus(args.paths, skip_invalid=args.skip_invalid)
    for page, reason in result.skipped:
        print(f"postbot: skipped {page}: {reason}", file=sys.stderr)
    if not result.articles:
        raise CorpusError("no valid pages; the corpus was left as it was")
    write_articles(result.articles, out)
    # Index it now, so the first question on the new corpus need not wait for that.
    from retrieval.cache import load_index

    load_index(out, result.articles, settings.engine, settings.cache_dir)
    agreements = sum(1 for a in result.articles if a.agreement is not None)
    print(
        f"Wrote {len(result.articles)} articles ({agreements} with an agreement) to {out}"
        f" from {result.pages} pages"
        f" ({result.duplicates} duplicates dropped, {len(result.skipped)} skipped)."
    )
    return 0


def _check_folder_for(out: Path) -> None:
    """Refuse, before building, an output whose folder cannot be made: a file is in the way."""
    for folder in out.parents:
        if folder.exists():
            if not folder.is_dir():
                raise UsageError(f"cannot write {out}: {folder} is a file, not a folder")
            return
