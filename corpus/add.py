"""Add pages (files or URLs) to an existing corpus file, each page succeeding or failing alone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from corpus.build import decode_page, merge_articles, read_page
from corpus.clean import clean_page
from corpus.errors import CorpusError
from corpus.fetch import fetch_page
from corpus.model import Article
from corpus.store import load_articles, write_articles

if TYPE_CHECKING:
    import httpx


@dataclass(frozen=True, slots=True)
class AddResult:
    """What adding pages did: the corpus now, the articles added, copies and failures."""

    articles: tuple[Article, ...]  # the whole corpus as written
    added: tuple[Article, ...]
    already_there: tuple[Article, ...]  # pages whose story the corpus already had
    failed: tuple[tuple[str, str], ...]  # (page or URL, reason)


def is_url(page: str) -> bool:
    """Whether `page` names a URL (anything with a scheme) rather than a file."""
    return "://" in page


def add_pages(
    corpus_path: Path,
    pages: Sequence[str],
    *,
    allow_private: bool = False,
    transport: httpx.BaseTransport | None = None,
) -> AddResult:
    """Read each page (a file, or a URL to fetch) and add its article to the corpus file.

    The file is rewritten atomically once, with every page that could be read; a page that
    cannot be read is reported and the others are still added.

    Args:
        corpus_path: the corpus file to add to.
        pages: file paths (text or HTML) and http(s) URLs.
        allow_private: fetch from private and loopback addresses too (tests only).
        transport: an httpx transport instead of the network (tests).

    Returns:
        The corpus written, the articles added and the pages that failed with why.

    Raises:
        CorpusError: the corpus file cannot be loaded or written (nothing is changed then).
    """
    existing = load_articles(corpus_path)
    read: list[Article] = []
    failed: list[tuple[str, str]] = []
    for page in pages:
        try:
            read.append(_read(page, allow_private, transport))
        except CorpusError as exc:
            failed.append((page, getattr(exc, "reason", str(exc))))
    articles, added, copies = merge_articles(existing, read)
    if added:
        write_articles(articles, corpus_path)
    return AddResult(articles, added, copies, tuple(failed))


def _read(page: str, allow_private: bool, transport: httpx.BaseTransport | None) -> Article:
    if is_url(page):
        fetched = fetch_page(page, allow_private=allow_private, transport=transport)
        text = decode_page(fetched.content, fetched.charset)
        if text is None:
            raise CorpusError("the page's text cannot be decoded")
        return clean_page(text, fetched.url, url=fetched.url)
    path = Path(page)
    if not path.is_file():
        raise CorpusError("no such file")
    return clean_page(read_page(path), path.name)
