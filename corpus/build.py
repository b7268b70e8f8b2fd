"""Build the corpus from raw pages: clean each, drop duplicates, give every article a unique id."""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from corpus.clean import clean_page
from corpus.errors import CorpusError, PageError
from corpus.model import Article

PAGE_SUFFIXES = (".txt",)


@dataclass(frozen=True)
class BuildResult:
    """What a build produced: the articles, sorted, and the pages it skipped with why."""

    articles: tuple[Article, ...]
    skipped: tuple[tuple[str, str], ...]  # (page path, reason)
    pages: int  # pages read
    duplicates: int  # pages dropped as copies of another page


def find_pages(paths: Iterable[Path]) -> list[Path]:
    """Return the raw pages named by `paths`: files as given, folders searched for ``*.txt``.

    Hidden files and folders are left out; a folder's pages come sorted by path.

    Raises:
        CorpusError: a path does not exist, or no pages were found.
    """
    pages: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            pages += sorted(p for p in path.rglob("*") if _is_page(p.relative_to(path), p))
        elif path.is_file():
            pages.append(path)
        else:
            raise CorpusError(f"no such file or folder: {path}")
    if not pages:
        names = ", ".join(str(p) for p in paths)
        raise CorpusError(f"no raw pages (*.txt) found in {names}")
    return pages


def _is_page(relative: Path, path: Path) -> bool:
    """A ``*.txt`` file, not hidden and not inside a hidden folder (such as ``.git``)."""
    hidden = any(part.startswith(".") for part in relative.parts)
    return not hidden and path.suffix.lower() in PAGE_SUFFIXES and path.is_file()


def build_corpus(
    paths: Sequence[Path], *, skip_invalid: bool = False, progress: bool | None = None
) -> BuildResult:
    """Clean the raw pages under `paths` into a sorted, duplicate-free list of articles.

    Args:
        paths: raw pages, or folders of them (searched for ``*.txt``).
        skip_invalid: skip pages that cannot be parsed instead of failing.
        progress: show a progress bar on stderr; None shows it only when stderr is a terminal.

    Returns:
        The articles sorted by (published, id), and the skipped pages with their reasons.

    Raises:
        CorpusError: a path does not exist or no pages were found.
        PageError: a page cannot be parsed (only without `skip_invalid`); names the page.
    """
    from tqdm import tqdm

    pages = find_pages(paths)
    if progress is None:
        progress = sys.stderr.isatty()
    articles: list[Article] = []
    skipped: list[tuple[str, str]] = []
    for page in tqdm(pages, desc="cleaning", unit="page", file=sys.stderr, disable=not progress):
        try:
            articles.append(clean_page(_read_page(page), page.name))
        except PageError as exc:
            if not skip_invalid:
                raise PageError(str(page), exc.reason) from None
            skipped.append((str(page), exc.reason))
    unique = _drop_duplicates(articles)
    return BuildResult(
        articles=tuple(sorted(_unique_ids(unique), key=lambda a: (a.published, a.id))),
        skipped=tuple(skipped),
        pages=len(pages),
        duplicates=len(articles) - len(unique),
    )


def _read_page(page: Path) -> str:
    try:
        data = page.read_bytes()
    except OSError as exc:
        raise PageError(page.name, f"cannot read: {exc.strerror}") from exc
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise PageError(page.name, "not UTF-8 or GB18030 text")


def _content_key(article: Article) -> tuple[str, str, tuple[str, ...]]:
    return (article.title, article.published, article.paragraphs)


def _drop_duplicates(articles: list[Article]) -> list[Article]:
    """Keep one article per (title, date, body): the one from the first page by name."""
    first: dict[tuple[str, str, tuple[str, ...]], Article] = {}
    for article in sorted(articles, key=lambda a: a.origin):
        first.setdefault(_content_key(article), article)
    return list(first.values())


def _unique_ids(articles: list[Article]) -> list[Article]:
    """Suffix colliding ids with -2, -3, ... in an order fixed by content, not by file name."""
    by_id: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_id[article.id].append(article)
    taken = set(by_id)
    result: list[Article] = []
    for base in sorted(by_id):
        group = by_id[base]
        group.sort(key=lambda a: (a.title, a.paragraphs, a.origin))
        result.append(group[0])
        number = 2
        for article in group[1:]:
            while f"{base}-{number}" in taken:
                number += 1
            taken.add(f"{base}-{number}")
            result.append(replace(article, id=f"{base}-{number}"))
    return result
