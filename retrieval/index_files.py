"""An `Index` as a folder of files: what each file holds, and how it is checked when read.

One file per column of the index's `PassageTable` (the passage texts are one UTF-8 file cut
by an offsets array), the words typo repair knows, and bm25s's three sparse arrays when the
engine is bm25s. `retrieval.checked_files` writes and checks them; this module knows what
they mean and that they fit together.
"""

from __future__ import annotations

from collections.abc import Set
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.checked_files import (
    CacheInvalid,
    put_array,
    put_bytes,
    put_json,
    read_array,
    read_json,
    read_manifest,
    read_mapped_bytes,
    write_manifest,
)
from retrieval.engines import BM25SEngine, Engine, RankBM25Engine, choose_engine
from retrieval.index import Index, build_table_engine
from retrieval.table import PassageColumns, PassageTable


def read_index(
    folder: Path, key: dict[str, str], engine: str = "auto", article_ids: Set[str] | None = None
) -> tuple[Index, bool]:
    """The index cached in `folder` and whether the cache held everything it needed.

    The arrays are memory-mapped, not read: the index costs about the same to open at any
    size. The second value is False when the engine asked for is bm25s and the cache holds
    only the passages: its arrays were built now, and the caller should save them. With
    `article_ids`, the cache must index exactly those articles.

    Raises:
        CacheInvalid: the cache is missing, stale, or fails a check.
        ValueError: `engine` is unknown.
    """
    manifest = read_manifest(folder)
    if manifest.get("key") != key:
        raise CacheInvalid("built from another corpus or code version")
    files = manifest.get("files")
    n = manifest.get("passages")
    if not isinstance(files, dict) or type(n) is not int or n <= 0:
        raise CacheInvalid("manifest lists no files or passages")
    table = PassageTable(_read_columns(folder, files, n, article_ids))
    word_counts = _read_word_counts(folder, files)
    complete = True
    built: Engine
    if choose_engine(n, engine) == "rank-bm25":
        built = RankBM25Engine(table.token_lists())
    elif "bm25s_data" in files:
        built = _read_bm25s(folder, files, table)
    else:
        built, complete = build_table_engine(table, "bm25s"), False
    return Index(table, built, word_counts), complete


def write_index(folder: Path, key: dict[str, str], index: Index) -> None:
    """Write `index` into `folder` atomically, replacing whatever cache was there.

    Raises:
        OSError: the folder cannot be created or written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    c = index.table.columns
    files: dict[str, dict[str, Any]] = {
        "article_ids": put_json(folder, "article_ids", c.article_ids),
        "passage_article": put_array(folder, "passage_article", c.passage_article, np.int32),
        "passage_position": put_array(folder, "passage_position", c.passage_position, np.int32),
        "passage_is_title": put_array(folder, "passage_is_title", c.passage_is_title, np.bool_),
        "passage_text": put_bytes(folder, "passage_text", bytes(c.text), ".txt"),
        "text_offsets": put_array(folder, "text_offsets", c.text_offsets, np.int64),
        "vocabulary": put_json(folder, "vocabulary", c.vocabulary),
        "token_ids": put_array(folder, "token_ids", c.token_ids, np.int32),
        "token_offsets": put_array(folder, "token_offsets", c.token_offsets, np.int64),
        "article_rows": put_array(folder, "article_rows", c.article_rows, np.int32),
        "article_row_offsets": put_array(
            folder, "article_row_offsets", c.article_row_offsets, np.int64
        ),
    }
    counts = index.word_counts()
    files["word_counts"] = put_json(
        folder, "word_counts", {"words": list(counts), "counts": list(counts.values())}
    )
    engine = index.engine
    if isinstance(engine, BM25SEngine) and engine.vocabulary == c.vocabulary:
        files["bm25s_data"] = put_array(folder, "bm25s_data", engine.data, np.float64)
        files["bm25s_indices"] = put_array(folder, "bm25s_indices", engine.indices, np.int32)
        files["bm25s_indptr"] = put_array(folder, "bm25s_indptr", engine.indptr, np.int64)
    manifest = {"key": key, "passages": len(index.table), "files": files}
    write_manifest(folder, manifest, files)


def _read_columns(
    folder: Path, files: dict[str, Any], n: int, expected_ids: Set[str] | None
) -> PassageColumns:
    article_ids = read_json(folder, files, "article_ids")
    vocabulary = read_json(folder, files, "vocabulary")
    if not _strings(article_ids) or not article_ids or not _strings(vocabulary):
        raise CacheInvalid("article ids or vocabulary are malformed")
    if len(set(article_ids)) != len(article_ids):
        raise CacheInvalid("an article id is listed twice")
    if expected_ids is not None and set(article_ids) != expected_ids:
        raise CacheInvalid("indexes other articles than the corpus holds")
    text = read_mapped_bytes(folder, files, "passage_text")
    token_ids = read_array(folder, files, "token_ids", np.int32, below=len(vocabulary))
    columns = PassageColumns(
        article_ids=article_ids,
        passage_article=read_array(
            folder, files, "passage_article", np.int32, length=n, below=len(article_ids)
        ),
        passage_position=read_array(folder, files, "passage_position", np.int32, length=n),
        passage_is_title=read_array(folder, files, "passage_is_title", np.bool_, length=n),
        text=text,
        text_offsets=_offsets(folder, files, "text_offsets", n, len(text)),
        vocabulary=vocabulary,
        token_ids=token_ids,
        token_offsets=_offsets(folder, files, "token_offsets", n, token_ids.shape[0]),
        article_rows=read_array(folder, files, "article_rows", np.int32, length=n, below=n),
        article_row_offsets=_offsets(folder, files, "article_row_offsets", len(article_ids), n),
    )
    return columns


def _offsets(folder: Path, files: dict[str, Any], role: str, count: int, end: int) -> np.ndarray:
    """Offsets cutting `end` items into `count` spans: from 0 to `end`, never backwards."""
    offsets = read_array(folder, files, role, np.int64, length=count + 1, increasing=True)
    if offsets[0] != 0 or offsets[-1] != end:
        raise CacheInvalid(f"{role} do not fit what they cut")
    return offsets


def _read_word_counts(folder: Path, files: dict[str, Any]) -> dict[str, int]:
    value = read_json(folder, files, "word_counts")
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


def _read_bm25s(folder: Path, files: dict[str, Any], table: PassageTable) -> BM25SEngine:
    vocabulary = table.columns.vocabulary
    data = read_array(folder, files, "bm25s_data", np.float64)
    indices = read_array(
        folder, files, "bm25s_indices", np.int32, length=data.shape[0], below=len(table)
    )
    indptr = read_array(
        folder, files, "bm25s_indptr", np.int64, length=len(vocabulary) + 1, increasing=True
    )
    try:
        return BM25SEngine(vocabulary, data, indices, indptr, len(table))
    except ValueError as exc:
        raise CacheInvalid(str(exc)) from exc


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)
