"""A corpus's search index, cached so that a cold start need not tokenize the corpus again.

This module decides which cache belongs to a corpus and where it lives; the files
themselves are `retrieval.index_files` (what each holds) over `retrieval.checked_files`
(checksummed, atomic, never unpickled). The cache lives next to the corpus file
(``<corpus>.postbot-index/``), or under the user's cache folder when that is not writable
(a corpus inside site-packages, say); ``Settings.cache_dir`` overrides both.

A cache is used only when its key matches: the corpus file's digest, the tokenizer's
version, this module's `INDEX_VERSION` and a fingerprint of the retrieval code and data
(so an edited sentence splitter or stopword list never meets a stale index). A file that is
missing, truncated or changed, or arrays that do not fit together, make it a miss:
`Index.build` indexes the articles again and the cache is written anew, never trusted.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from retrieval.checked_files import CacheInvalid
from retrieval.engines import choose_engine
from retrieval.index import Index
from retrieval.index_files import read_index, write_index
from retrieval.tokenize import TOKENIZER_VERSION

if TYPE_CHECKING:
    from corpus.model import Article

# Bump when the files `retrieval.index_files` writes change shape or meaning.
INDEX_VERSION = "3"

_SUFFIX = ".postbot-index"
# The retrieval code whose changes make a cached index stale, besides the data folder.
_CODE = (
    "tokenize.py",
    "passages.py",
    "engines.py",
    "table.py",
    "index.py",
    "index_files.py",
    "checked_files.py",
    "cache.py",
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CacheKey:
    """What a cached index was built from; any difference makes it stale."""

    corpus_digest: str
    tokenizer_version: str
    index_version: str
    code: str

    def to_json(self) -> dict[str, str]:
        return asdict(self)


def load_index(
    corpus_path: Path,
    articles: Sequence[Article],
    engine: str = "auto",
    cache_dir: Path | None = None,
) -> Index:
    """The index of the corpus at `corpus_path`, from its cache when the cache is sound.

    Args:
        corpus_path: the corpus file; its digest keys the cache.
        articles: the corpus's articles, indexed when the cache misses.
        engine: "auto", "rank-bm25" or "bm25s" (see `retrieval.engines.choose_engine`).
        cache_dir: where caches live (``Settings.cache_dir``); None: next to the corpus,
            else the user's cache folder.

    Returns:
        The index, the same as ``Index.build(articles, engine)`` would make; from a cache,
        its arrays are memory-mapped and each passage is read when it is asked for.

    Raises:
        ValueError: `engine` is unknown.
        CorpusError: the corpus file cannot be read.
    """
    choose_engine(1, engine)  # check the name before any work
    from corpus.store import corpus_digest

    key = CacheKey(corpus_digest(corpus_path), TOKENIZER_VERSION, INDEX_VERSION, code_fingerprint())
    folders = cache_folders(corpus_path, cache_dir)
    for number, folder in enumerate(folders):
        try:
            index, complete = read_index(folder, key.to_json(), engine, {a.id for a in articles})
        except CacheInvalid as exc:
            log.debug("index cache %s not used: %s", folder, exc)
            continue
        if not complete:
            _save(index, key, folders[number:])
        return index
    index = Index.build(articles, engine)
    if corpus_digest(corpus_path) == key.corpus_digest:  # not replaced while we indexed it
        _save(index, key, folders)
    return index


def cache_folders(corpus_path: Path, cache_dir: Path | None = None) -> list[Path]:
    """Where the corpus's index cache may live, in the order they are tried."""
    corpus_path = Path(corpus_path).resolve()
    named = f"{corpus_path.name}-{hashlib.sha256(str(corpus_path).encode()).hexdigest()[:12]}"
    if cache_dir is not None:
        return [Path(cache_dir) / named]
    return [corpus_path.with_name(corpus_path.name + _SUFFIX), user_cache_root() / named]


def user_cache_root() -> Path:
    """The user's cache folder for postbot's indexes."""
    from platformdirs import user_cache_path

    return user_cache_path("postbot") / "indexes"


@cache
def code_fingerprint() -> str:
    """A hash of the retrieval code and data that shape an index."""
    digest = hashlib.sha256()
    package = resources.files("retrieval")
    names = [*_CODE, *sorted(f"data/{p.name}" for p in package.joinpath("data").iterdir())]
    for name in names:
        try:
            content = package.joinpath(name).read_bytes()
        except OSError:  # an install without sources: the versions still key the cache
            content = b"(missing)"
        digest.update(name.encode() + b"\0" + content + b"\0")
    return digest.hexdigest()


def _save(index: Index, key: CacheKey, folders: Sequence[Path]) -> None:
    for folder in folders:
        try:
            write_index(folder, key.to_json(), index)
        except OSError as exc:
            log.info("cannot write the index cache to %s: %s", folder, exc)
            continue
        log.info("index cached in %s", folder)
        return
    log.warning("index not cached: no writable cache folder (set POSTBOT_CACHE_DIR)")
