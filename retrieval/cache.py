"""A corpus's search index, persisted so that a cold start does not re-tokenize the corpus.

The cache is a folder of plain files — JSON and ``.npy`` arrays, never pickles — and a
``manifest.json`` listing each file's size and SHA-256. It lives next to the corpus file
(``<corpus>.postbot-index/``), or under the user's cache folder when that is not writable
(a corpus inside site-packages, say); ``Settings.cache_dir`` overrides both.

A cache is used only when its key matches: the corpus file's digest, the tokenizer's
version, this module's `INDEX_VERSION` and a fingerprint of the retrieval code and data
(so an edited sentence splitter or stopword list never meets a stale index). A file that is
missing, truncated or changed, or arrays that do not fit together, make it a miss: the
index is rebuilt from the articles and written again, never trusted. Every file is written
under a temporary name and moved into place, the manifest last, so a reader sees either
the old cache or the new one.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import os
import time
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import numpy as np

from retrieval.engines import BM25SEngine, Engine, RankBM25Engine, build_engine, choose_engine
from retrieval.index import Index, count_words
from retrieval.passages import Passage, split_passages
from retrieval.tokenize import TOKENIZER_VERSION, tokenize

if TYPE_CHECKING:
    from corpus.model import Article

# Bump when the files written here change shape or meaning.
INDEX_VERSION = "2"

_MANIFEST = "manifest.json"
_SUFFIX = ".postbot-index"
# The retrieval code whose changes make a cached index stale, besides the data folder.
_CODE = ("tokenize.py", "passages.py", "engines.py", "index.py", "cache.py")

log = logging.getLogger(__name__)


class CacheInvalid(Exception):
    """A cached index cannot be used: missing, stale, truncated or tampered with."""


@dataclass(frozen=True, slots=True)
class CacheKey:
    """What a cached index was built from; any difference makes it stale."""

    corpus_digest: str
    tokenizer_version: str
    index_version: str
    code: str

    def to_json(self) -> dict[str, str]:
        return {
            "corpus_digest": self.corpus_digest,
            "tokenizer_version": self.tokenizer_version,
            "index_version": self.index_version,
            "code": self.code,
        }


@dataclass(frozen=True, slots=True)
class IndexParts:
    """What a cache holds: the passages, their tokens, the engine scoring them, their words."""

    passages: list[Passage]
    tokens: list[list[str]]
    engine: Engine
    word_counts: dict[str, int]  # `retrieval.index.count_words` of the passages' texts

    def to_index(self) -> Index:
        return Index(self.passages, self.tokens, self.engine, self.word_counts)


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
        The index, the same as ``Index.build(articles, engine)`` would make.

    Raises:
        ValueError: `engine` is unknown.
        CorpusError: the corpus file cannot be read.
    """
    return load_index_parts(corpus_path, articles, engine, cache_dir).to_index()


def load_index_parts(
    corpus_path: Path,
    articles: Sequence[Article],
    engine: str = "auto",
    cache_dir: Path | None = None,
) -> IndexParts:
    """Like `load_index`, but the parts: passages, tokens and the engine itself."""
    choose_engine(1, engine)  # check the name before any work
    from corpus.store import corpus_digest

    key = CacheKey(corpus_digest(corpus_path), TOKENIZER_VERSION, INDEX_VERSION, code_fingerprint())
    folders = cache_folders(corpus_path, cache_dir)
    for number, folder in enumerate(folders):
        try:
            parts, complete = read_index(folder, key, engine, {a.id for a in articles})
        except CacheInvalid as exc:
            log.debug("index cache %s not used: %s", folder, exc)
            continue
        if not complete:
            _save(parts, key, folders[number:])
        return parts
    passages = [p for article in articles for p in split_passages(article)]
    tokens = [tokenize(p.text) for p in passages]
    word_counts = count_words(p.text for p in passages)
    parts = IndexParts(passages, tokens, build_engine(tokens, engine), word_counts)
    if corpus_digest(corpus_path) == key.corpus_digest:  # not replaced while we indexed it
        _save(parts, key, folders)
    return parts


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


def read_index(
    folder: Path, key: CacheKey, engine: str = "auto", article_ids: Set[str] | None = None
) -> tuple[IndexParts, bool]:
    """The index cached in `folder` and whether the cache held everything it needed.

    The second value is False when the engine asked for is bm25s and the cache holds only
    passages and tokens: its arrays were rebuilt, and the caller should save them. With
    `article_ids`, the cache must index exactly those articles.

    Raises:
        CacheInvalid: the cache is missing, stale, or fails a check.
    """
    manifest = _read_manifest(folder)
    if manifest.get("key") != key.to_json():
        raise CacheInvalid("built from another corpus or code version")
    files = manifest.get("files")
    if not isinstance(files, dict):
        raise CacheInvalid("manifest lists no files")
    passages = _read_passages(folder, files, article_ids)
    tokens = _read_tokens(folder, files, len(passages))
    word_counts = _read_word_counts(folder, files)
    kind = choose_engine(len(passages), engine)
    complete = True
    built: Engine
    if kind == "rank-bm25":
        built = RankBM25Engine(tokens)
    elif "bm25s_data" in files:
        built = _read_bm25s(folder, files, len(passages))
    else:
        built, complete = BM25SEngine.build(tokens), False
    return IndexParts(passages, tokens, built, word_counts), complete


def write_index(folder: Path, key: CacheKey, index: IndexParts) -> None:
    """Write `index` into `folder` atomically, replacing whatever cache was there.

    Raises:
        OSError: the folder cannot be created or written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, dict[str, Any]] = {}

    def array(role: str, values: Any, dtype: type) -> None:
        values = np.asarray(values, dtype=dtype)
        files[role] = _put(folder, role, ".npy", lambda h: np.save(h, values, allow_pickle=False))

    def document(role: str, value: Any) -> None:
        payload = json.dumps(value, ensure_ascii=False).encode()
        files[role] = _put(folder, role, ".json", lambda h: h.write(payload))

    passages = index.passages
    article_ids = list(dict.fromkeys(p.article_id for p in passages))
    article_number = {article_id: i for i, article_id in enumerate(article_ids)}
    document("passage_text", {"article_ids": article_ids, "texts": [p.text for p in passages]})
    array("passage_article", [article_number[p.article_id] for p in passages], np.int32)
    array("passage_position", [p.position for p in passages], np.int32)
    array("passage_is_title", [p.is_title for p in passages], np.bool_)
    vocabulary: dict[str, int] = {}
    ids = [vocabulary.setdefault(t, len(vocabulary)) for tokens in index.tokens for t in tokens]
    document("token_vocabulary", list(vocabulary))
    array("token_ids", ids, np.int32)
    array("token_offsets", [0, *itertools.accumulate(map(len, index.tokens))], np.int64)
    document(
        "word_counts",
        {"words": list(index.word_counts), "counts": list(index.word_counts.values())},
    )
    if isinstance(index.engine, BM25SEngine):
        document("bm25s_vocabulary", index.engine.vocabulary)
        array("bm25s_data", index.engine.data, np.float64)
        array("bm25s_indices", index.engine.indices, np.int32)
        array("bm25s_indptr", index.engine.indptr, np.int64)
    manifest = {"key": key.to_json(), "passages": len(passages), "files": files}
    _write_atomically(folder / _MANIFEST, json.dumps(manifest, indent=1).encode())
    _remove_unlisted(folder, files)


def _save(index: IndexParts, key: CacheKey, folders: Sequence[Path]) -> None:
    for folder in folders:
        try:
            write_index(folder, key, index)
        except OSError as exc:
            log.info("cannot write the index cache to %s: %s", folder, exc)
            continue
        log.info("index cached in %s", folder)
        return
    log.warning("index not cached: no writable cache folder (set POSTBOT_CACHE_DIR)")


# Reading: every file is checked against the manifest before it is parsed.


def _read_manifest(folder: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((folder / _MANIFEST).read_bytes())
    except FileNotFoundError:
        raise CacheInvalid("no cache yet") from None
    except (OSError, ValueError) as exc:
        raise CacheInvalid(f"unreadable manifest: {exc}") from exc
    if not isinstance(manifest, dict):
        raise CacheInvalid("manifest is not an object")
    return manifest


def _checked_path(folder: Path, files: dict[str, Any], role: str) -> Path:
    entry = files.get(role)
    if not isinstance(entry, dict):
        raise CacheInvalid(f"manifest lacks {role}")
    name, size, sha256 = entry.get("name"), entry.get("size"), entry.get("sha256")
    if not isinstance(name, str) or Path(name).name != name or name.startswith("."):
        raise CacheInvalid(f"bad file name for {role}")
    path = folder / name
    try:
        if path.stat().st_size != size:
            raise CacheInvalid(f"{name} has the wrong size (truncated?)")
        if _sha256(path) != sha256:
            raise CacheInvalid(f"{name} does not match its checksum")
    except OSError as exc:
        raise CacheInvalid(f"cannot read {name}: {exc}") from exc
    return path


def _load_array(
    folder: Path, files: dict[str, Any], role: str, dtype: type, length: int | None = None
) -> np.ndarray:
    path = _checked_path(folder, files, role)
    try:
        array = np.load(path, mmap_mode="r", allow_pickle=False)
    except (OSError, ValueError) as exc:
        raise CacheInvalid(f"{path.name} is not an array: {exc}") from exc
    if array.dtype != np.dtype(dtype) or array.ndim != 1:
        raise CacheInvalid(f"{path.name} holds {array.dtype}[{array.ndim}d], not {np.dtype(dtype)}")
    if length is not None and array.shape[0] != length:
        raise CacheInvalid(f"{path.name} has {array.shape[0]} entries, not {length}")
    return array


def _load_json(folder: Path, files: dict[str, Any], role: str) -> Any:
    path = _checked_path(folder, files, role)
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise CacheInvalid(f"{path.name} is not JSON: {exc}") from exc


def _read_passages(
    folder: Path, files: dict[str, Any], expected_ids: Set[str] | None
) -> list[Passage]:
    text = _load_json(folder, files, "passage_text")
    if (
        not isinstance(text, dict)
        or not _strings(text.get("article_ids"))
        or not _strings(text.get("texts"))
    ):
        raise CacheInvalid("passage texts are malformed")
    article_ids, texts = text["article_ids"], text["texts"]
    if expected_ids is not None and set(article_ids) != expected_ids:
        raise CacheInvalid("indexes other articles than the corpus holds")
    article = _load_array(folder, files, "passage_article", np.int32, len(texts))
    position = _load_array(folder, files, "passage_position", np.int32, len(texts))
    is_title = _load_array(folder, files, "passage_is_title", np.bool_, len(texts))
    if not texts or (article.size and (article.min() < 0 or article.max() >= len(article_ids))):
        raise CacheInvalid("passages point at articles that are not there")
    return [
        Passage(article_ids[a], p, t, bool(title))
        for a, p, t, title in zip(
            article.tolist(), position.tolist(), texts, is_title.tolist(), strict=True
        )
    ]


def _read_tokens(folder: Path, files: dict[str, Any], n_passages: int) -> list[list[str]]:
    vocabulary = _load_json(folder, files, "token_vocabulary")
    if not _strings(vocabulary):
        raise CacheInvalid("token vocabulary is malformed")
    ids = _load_array(folder, files, "token_ids", np.int32)
    offsets = _load_array(folder, files, "token_offsets", np.int64, n_passages + 1)
    if offsets[0] != 0 or offsets[-1] != ids.size or np.any(np.diff(offsets) < 0):
        raise CacheInvalid("token offsets do not fit the tokens")
    if ids.size and (ids.min() < 0 or ids.max() >= len(vocabulary)):
        raise CacheInvalid("tokens point outside the vocabulary")
    words = np.array(vocabulary, dtype=object)[ids].tolist()
    bounds = offsets.tolist()
    return [words[start:end] for start, end in itertools.pairwise(bounds)]


def _read_word_counts(folder: Path, files: dict[str, Any]) -> dict[str, int]:
    value = _load_json(folder, files, "word_counts")
    if not isinstance(value, dict) or not _strings(value.get("words")):
        raise CacheInvalid("word counts are malformed")
    words, counts = value["words"], value.get("counts")
    if len(set(words)) != len(words):
        raise CacheInvalid("word counts repeat a word")
    if (
        not isinstance(counts, list)
        or len(counts) != len(words)
        or not all(type(c) is int and c > 0 for c in counts)
    ):
        raise CacheInvalid("word counts do not fit the words")
    return dict(zip(words, counts, strict=True))


def _read_bm25s(folder: Path, files: dict[str, Any], n_passages: int) -> BM25SEngine:
    vocabulary = _load_json(folder, files, "bm25s_vocabulary")
    if not _strings(vocabulary):
        raise CacheInvalid("bm25s vocabulary is malformed")
    data = _load_array(folder, files, "bm25s_data", np.float64)
    indices = _load_array(folder, files, "bm25s_indices", np.int32, data.size)
    indptr = _load_array(folder, files, "bm25s_indptr", np.int64, len(vocabulary) + 1)
    if indices.size and (indices.min() < 0 or indices.max() >= n_passages):
        raise CacheInvalid("bm25s index points at passages that are not there")
    if np.any(np.diff(indptr) < 0):
        raise CacheInvalid("bm25s column pointers go backwards")
    try:
        return BM25SEngine(vocabulary, data, indices, indptr, n_passages)
    except ValueError as exc:
        raise CacheInvalid(str(exc)) from exc


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


# Writing: content-named files, each moved into place whole; the manifest goes last.


def _put(folder: Path, role: str, suffix: str, write: Callable[[BinaryIO], object]) -> dict:
    temporary = _write_temporary(folder, write)
    try:
        sha256 = _sha256(temporary)
        entry = {"name": f"{role}-{sha256[:16]}{suffix}", "size": temporary.stat().st_size}
        os.replace(temporary, folder / entry["name"])
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return {**entry, "sha256": sha256}


def _write_atomically(path: Path, payload: bytes) -> None:
    temporary = _write_temporary(path.parent, lambda handle: handle.write(payload))
    try:
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _write_temporary(folder: Path, write: Callable[[BinaryIO], object]) -> Path:
    """A new hidden file in `folder`, written and flushed to disk, to be moved into place."""
    import tempfile  # only writers pay for it (it imports shutil, bz2, lzma)

    descriptor, name = tempfile.mkstemp(dir=folder, prefix=".tmp-")
    path = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        path.chmod(0o644)  # mkstemp's 0600 would hide the cache from other users of the corpus
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def _remove_unlisted(folder: Path, files: dict[str, Any]) -> None:
    """Delete older caches' files, and temporary files a killed writer left an hour ago."""
    keep = {entry["name"] for entry in files.values()} | {_MANIFEST}
    an_hour_ago = time.time() - 3600
    for path in folder.iterdir():
        if path.name in keep:
            continue
        try:
            if path.name.startswith(".tmp-") and path.stat().st_mtime > an_hour_ago:
                continue  # another process may be writing it right now
            path.unlink()
        except (FileNotFoundError, IsADirectoryError):
            continue  # gone already (another writer's rename), or not ours


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
