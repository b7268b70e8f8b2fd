"""Read and write the corpus file: one article as a JSON object per line.

Kept import-light (json, hashlib, pathlib) because every `postbot ask` loads the corpus.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from corpus.errors import CorpusError
from corpus.model import Article

DEFAULT_CORPUS = Path(__file__).resolve().parent / "data" / "articles.jsonl"


def load_articles(path: Path | None = None) -> list[Article]:
    """Load the articles of a corpus file.

    Args:
        path: the corpus file; None for the corpus shipped with the package.

    Returns:
        The articles in file order.

    Raises:
        CorpusError: the file is missing or unreadable, or a line is not a valid article
            (the message names the line number).
    """
    path = DEFAULT_CORPUS if path is None else Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CorpusError(f"corpus file not found: {path}") from None
    except IsADirectoryError:
        raise CorpusError(f"corpus path is a folder, not a file: {path}") from None
    except UnicodeDecodeError:
        raise CorpusError(f"corpus file is not UTF-8 text: {path}") from None
    except OSError as exc:
        raise CorpusError(f"cannot read corpus file {path}: {exc.strerror}") from exc
    articles = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            articles.append(_article_from_line(line, path, number))
    return articles


def _article_from_line(line: str, path: Path, number: int) -> Article:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise CorpusError(f"{path}, line {number}: not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict):
        raise CorpusError(f"{path}, line {number}: not a JSON object")
    try:
        return Article.from_json(data)
    except ValueError as exc:
        raise CorpusError(f"{path}, line {number}: {exc}") from None


def dumps_articles(articles: Iterable[Article]) -> str:
    """Return the corpus file's text for `articles`: one JSON object per line."""
    return "".join(json.dumps(article.to_json(), ensure_ascii=False) + "\n" for article in articles)


def write_articles(articles: Iterable[Article], path: Path) -> None:
    """Write `articles` to `path` atomically: a temporary file in the same folder, then a rename.

    Raises:
        CorpusError: the file cannot be written; `path` is then left as it was.
    """
    path = Path(path)
    text = dumps_articles(articles)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise CorpusError(f"cannot write corpus file {path}: {exc.strerror}") from exc


def corpus_digest(path: Path | None = None) -> str:
    """Return the sha256 hex digest of a corpus file's bytes (None: the shipped corpus).

    Raises:
        CorpusError: the file is missing or unreadable.
    """
    path = DEFAULT_CORPUS if path is None else Path(path)
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        raise CorpusError(f"corpus file not found: {path}") from None
    except OSError as exc:
        raise CorpusError(f"cannot read corpus file {path}: {exc.strerror}") from exc
