"""Build the corpus from raw pages: clean each, drop duplicates, give every article a unique id."""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from corpus.clean import clean_page
from corpus.errors import CorpusError, PageError, UnreadablePages
from corpus.model import Article
from corpus.text import HAN, normalize, to_simplified

PAGE_SUFFIXES = (".txt", ".html", ".htm")
# Two pages with the same title and date are one article when their bodies share this much
# of their words: a .txt and an .html of one story, not two stories under one headline.
_SAME_BODY = 0.8
_BODY_TOKEN = re.compile(rf"[{HAN}]|[^\W_]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class BuildResult:
    """What a build produced: the articles, sorted, and the pages it skipped with why."""

    articles: tuple[Article, ...]
    skipped: tuple[tuple[str, str], ...]  # (page path, reason)
    pages: int  # pages read
    duplicates: int  # pages dropped as copies of another page


def find_pages(paths: Iterable[Path]) -> list[Path]:
    """Return the raw pages named by `paths`: files as given, folders searched for pages.

    A folder's pages are its ``*.txt``, ``*.html`` and ``*.htm`` files, hidden ones left out,
    sorted by path (a ``.txt`` before the ``.html`` of the same name).

    Raises:
        CorpusError: a path does not exist, or no pages were found.
    """
    pages: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = [p for p in path.rglob("*") if _is_page(p.relative_to(path), p)]
            pages += sorted(found, key=_page_order)
        elif path.is_file():
            pages.append(path)
        else:
            raise CorpusError(f"no such file or folder: {path}")
    if not pages:
        names = ", ".join(str(p) for p in paths)
        raise CorpusError(f"no raw pages (*.txt, *.html, *.htm) found in {names}")
    return pages


def _page_order(path: Path) -> tuple[str, int, str]:
    suffix = path.suffix.lower()
    rank = PAGE_SUFFIXES.index(suffix) if suffix in PAGE_SUFFIXES else len(PAGE_SUFFIXES)
    return (path.with_suffix("").as_posix(), rank, path.as_posix())


def _is_page(relative: Path, path: Path) -> bool:
    """A page file, not hidden and not inside a hidden folder (such as ``.git``)."""
    hidden = any(part.startswith(".") for part in relative.parts)
    return not hidden and path.suffix.lower() in PAGE_SUFFIXES and path.is_file()


def build_corpus(
    paths: Sequence[Path], *, skip_invalid: bool = False, progress: bool | None = None
) -> BuildResult:
    """Clean the raw pages under `paths` into a sorted, duplicate-free list of articles.

    Args:
        paths: raw pages (text or HTML), or folders of them.
        skip_invalid: skip pages that cannot be read instead of failing.
        progress: show a progress bar on stderr; None shows it only when stderr is a terminal.

    Returns:
        The articles sorted by (published, id), and the skipped pages with their reasons.

    Raises:
        CorpusError: a path does not exist or no pages were found.
        UnreadablePages: some pages cannot be read (only without `skip_invalid`); it names
            every one of them, not just the first.
    """
    from tqdm import tqdm

    pages = find_pages(paths)
    if progress is None:
        progress = sys.stderr.isatty()
    articles: list[Article] = []
    failed: list[PageError] = []
    for page in tqdm(pages, desc="cleaning", unit="page", file=sys.stderr, disable=not progress):
        try:
            articles.append(clean_page(read_page(page), page.name))
        except PageError as exc:
            failed.append(PageError(str(page), exc.reason))
    if failed and not skip_invalid:
        raise UnreadablePages(tuple(failed))
    unique = assemble(articles)
    return BuildResult(
        articles=unique,
        skipped=tuple((e.origin, e.reason) for e in failed),
        pages=len(pages),
        duplicates=len(articles) - len(unique),
    )


def assemble(articles: Iterable[Article]) -> tuple[Article, ...]:
    """The articles with duplicates dropped, ids made unique, sorted by (published, id).

    Articles come in order of preference: of two copies, the first is kept unless a later
    one is richer (it names a source, has a URL or an agreement the first lacks).
    """
    return _sorted(_unique_ids(_drop_duplicates(articles)))


def merge_articles(
    existing: Sequence[Article], new: Iterable[Article]
) -> tuple[tuple[Article, ...], tuple[Article, ...], tuple[Article, ...]]:
    """Add `new` articles to a corpus's `existing` ones, whose ids stay as they are.

    Returns:
        All the articles sorted by (published, id), the new ones added (with their final
        ids), and the new ones dropped as copies of a story already there.
    """
    stories = {_story_key(a): [_body_words(a)] for a in existing}
    fresh: list[Article] = []
    copies: list[Article] = []
    for article in _drop_duplicates(new):
        words = _body_words(article)
        known = stories.setdefault(_story_key(article), [])
        if any(_same_body(words, other) for other in known):
            copies.append(article)
            continue
        known.append(words)
        fresh.append(article)
    added = _unique_ids(fresh, taken=[a.id for a in existing])
    return _sorted([*existing, *added]), tuple(added), tuple(copies)


def _sorted(articles: Iterable[Article]) -> tuple[Article, ...]:
    return tuple(sorted(articles, key=lambda a: (a.published, a.id)))


def read_page(page: Path) -> str:
    """The text of a raw page file: UTF-8, the charset an HTML page declares, or GB18030.

    Raises:
        PageError: the file cannot be read or decoded.
    """
    try:
        data = page.read_bytes()
    except OSError as exc:
        raise PageError(page.name, f"cannot read: {exc.strerror}") from exc
    text = decode_page(data)
    if text is None:
        raise PageError(page.name, "not UTF-8 or GB18030 text")
    return text


def decode_page(data: bytes, declared: str | None = None) -> str | None:
    """`data` decoded with the declared charset, a `<meta charset>`, UTF-8 or GB18030; else None."""
    meta = _CHARSET.search(data[:4096])
    candidates = [declared, meta.group(1).decode("ascii") if meta else None, "utf-8-sig"]
    for encoding in [*candidates, "gb18030"]:
        if not encoding:
            continue
        try:
            return data.decode("utf-8-sig" if encoding.lower() in ("utf-8", "utf8") else encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _story_key(article: Article) -> tuple[str, str]:
    title = to_simplified(normalize(article.title)).casefold()
    return (re.sub(r"\W+", "", title), article.published)


def _body_words(article: Article) -> frozenset[str]:
    return frozenset(_BODY_TOKEN.findall(" ".join(article.paragraphs).casefold()))


def _same_body(one: frozenset[str], other: frozenset[str]) -> bool:
    if not one or not other:
        return one == other
    return len(one & other) / len(one | other) >= _SAME_BODY


def _richness(article: Article) -> tuple[bool, bool, bool]:
    return (bool(article.source), article.url is not None, article.agreement is not None)


def _drop_duplicates(articles: Iterable[Article]) -> list[Article]:
    """One article per story: same title and date (in any script or case) and the same body."""
    kept: dict[tuple[str, str], list[tuple[frozenset[str], Article]]] = defaultdict(list)
    for article in articles:
        words = _body_words(article)
        group = kept[_story_key(article)]
        for index, (other_words, other) in enumerate(group):
            if _same_body(words, other_words):
                if _richness(article) > _richness(other):
                    group[index] = (words, article)
                break
        else:
            group.append((words, article))
    return [article for group in kept.values() for _, article in group]


def _unique_ids(articles: list[Article], taken: Iterable[str] = ()) -> list[Article]:
    """Suffix colliding ids with -2, -3, ... in an order fixed by content, not by file name.

    Ids in `taken` (those of articles already in a corpus) are never given out again.
    """
    by_id: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_id[article.id].append(article)
    used = set(taken)
    result: list[Article] = []
    for base in sorted(by_id):
        group = by_id[base]
        group.sort(key=lambda a: (a.title, a.paragraphs, a.origin))
        number = 2
        for position, article in enumerate(group):
            if position == 0 and base not in used:
                used.add(base)
                result.append(article)
                continue
            while f"{base}-{number}" in used or f"{base}-{number}" in by_id:
                number += 1
            used.add(f"{base}-{number}")
            result.append(replace(article, id=f"{base}-{number}"))
    return result
