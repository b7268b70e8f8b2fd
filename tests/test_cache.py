"""The index cache: reused when sound, rebuilt when stale, damaged or unwritable."""

from __future__ import annotations

import io
import json
import mmap
import os
from pathlib import Path

import numpy as np
import pytest

from corpus.model import Article
from corpus.store import load_articles, write_articles
from retrieval import cache
from retrieval import index as index_module
from retrieval.cache import cache_folders, load_index
from retrieval.checked_files import sha256_of
from retrieval.engines import BM25SEngine, RankBM25Engine
from retrieval.index import Index, count_words


def _article(number: int, place: str) -> Article:
    return Article(
        id=f"a{number}",
        title=f"China Post and {place} sign cooperation agreement",
        source="China Post",
        published=f"2022-0{number}-01",
        lang="en",
        paragraphs=(
            f"On May {number}, China Post met officials in {place}. They signed a deal.",
            f"The two sides will cooperate in logistics and e-commerce in {place}.",
        ),
        origin=f"{number}.txt",
        agreement=None,
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus" / "articles.jsonl"
    write_articles([_article(1, "Jilin"), _article(2, "Hunan"), _article(3, "Gansu")], path)
    return path


@pytest.fixture
def articles(corpus: Path) -> list[Article]:
    return load_articles(corpus)


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def tokenize_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records every text `Index.build` tokenizes: empty means the index came from the cache."""
    calls: list[str] = []
    original = index_module.tokenize

    def recording(text: str) -> list[str]:
        calls.append(text)
        return original(text)

    monkeypatch.setattr(index_module, "tokenize", recording)
    return calls


def _files(folder: Path) -> dict[str, Path]:
    manifest = json.loads((folder / "manifest.json").read_text())
    return {role: folder / entry["name"] for role, entry in manifest["files"].items()}


def _hits(found, query: list[str]) -> list[tuple[str, int, float]]:
    return [
        (h.passage.article_id, h.passage.position, round(h.score, 9))
        for h in found.search(query, 5)
    ]


def test_load_index_second_load_comes_from_cache(
    corpus, articles, cache_dir, tokenize_calls
) -> None:
    first = load_index(corpus, articles, cache_dir=cache_dir)
    assert tokenize_calls
    tokenize_calls.clear()
    second = load_index(corpus, articles, cache_dir=cache_dir)
    assert tokenize_calls == []
    assert second.passages == first.passages
    assert second.tokens == first.tokens
    assert _hits(second, ["hunan", "logist"]) == _hits(first, ["hunan", "logist"])


def test_load_index_rebuilds_when_the_corpus_changes(
    corpus, articles, cache_dir, tokenize_calls
) -> None:
    load_index(corpus, articles, cache_dir=cache_dir)
    changed = [*articles, _article(4, "Tibet")]
    write_articles(changed, corpus)
    tokenize_calls.clear()
    index = load_index(corpus, changed, cache_dir=cache_dir)
    assert tokenize_calls
    assert {p.article_id for p in index.passages} == {"a1", "a2", "a3", "a4"}


@pytest.mark.parametrize("version", ["INDEX_VERSION", "TOKENIZER_VERSION"])
def test_load_index_rebuilds_when_a_version_changes(
    version, corpus, articles, cache_dir, tokenize_calls, monkeypatch
) -> None:
    load_index(corpus, articles, cache_dir=cache_dir)
    monkeypatch.setattr(cache, version, "changed")
    tokenize_calls.clear()
    load_index(corpus, articles, cache_dir=cache_dir)
    assert tokenize_calls


def test_load_index_rebuilds_a_truncated_file(corpus, articles, cache_dir, tokenize_calls) -> None:
    load_index(corpus, articles, cache_dir=cache_dir)
    (folder,) = cache_folders(corpus, cache_dir)
    token_ids = _files(folder)["token_ids"]
    token_ids.write_bytes(token_ids.read_bytes()[:-8])
    tokenize_calls.clear()
    index = load_index(corpus, articles, cache_dir=cache_dir)
    assert tokenize_calls
    assert _hits(index, ["gansu"])[0][0] == "a3"
    tokenize_calls.clear()
    load_index(corpus, articles, cache_dir=cache_dir)  # the rebuilt cache is sound again
    assert tokenize_calls == []


def test_load_index_rebuilds_a_tampered_file(corpus, articles, cache_dir, tokenize_calls) -> None:
    load_index(corpus, articles, engine="bm25s", cache_dir=cache_dir)
    (folder,) = cache_folders(corpus, cache_dir)
    data_file = _files(folder)["bm25s_data"]
    raw = bytearray(data_file.read_bytes())
    raw[-3] ^= 0xFF  # same size, different score
    data_file.write_bytes(bytes(raw))
    tokenize_calls.clear()
    parts = load_index(corpus, articles, engine="bm25s", cache_dir=cache_dir)
    assert tokenize_calls
    reference = RankBM25Engine(parts.tokens)
    np.testing.assert_allclose(parts.engine.get_scores(["jilin"]), reference.get_scores(["jilin"]))


def test_load_index_never_unpickles_even_with_a_matching_manifest(
    corpus, articles, cache_dir, tokenize_calls
) -> None:
    load_index(corpus, articles, cache_dir=cache_dir)
    (folder,) = cache_folders(corpus, cache_dir)
    manifest_path = folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    evil = folder / manifest["files"]["token_offsets"]["name"]
    np.save(evil, np.array([{"x": 1}], dtype=object), allow_pickle=True)
    manifest["files"]["token_offsets"].update(size=evil.stat().st_size, sha256=sha256_of(evil))
    manifest_path.write_text(json.dumps(manifest))
    tokenize_calls.clear()
    load_index(corpus, articles, cache_dir=cache_dir)
    assert tokenize_calls


def test_load_index_falls_back_to_the_user_cache_when_beside_the_corpus_is_unwritable(
    corpus, articles, tmp_path, tokenize_calls, monkeypatch
) -> None:
    monkeypatch.setattr(cache, "user_cache_root", lambda: tmp_path / "user-cache")
    beside, user = cache_folders(corpus)
    beside.write_text("a file where the cache folder would go")  # mkdir fails, even as root
    load_index(corpus, articles)
    assert (user / "manifest.json").is_file()
    tokenize_calls.clear()
    load_index(corpus, articles)
    assert tokenize_calls == []


def test_load_index_caches_beside_the_corpus_by_default(
    corpus, articles, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(cache, "user_cache_root", lambda: tmp_path / "user-cache")
    load_index(corpus, articles)
    assert (corpus.parent / "articles.jsonl.postbot-index" / "manifest.json").is_file()
    assert not (tmp_path / "user-cache").exists()


def test_load_index_forced_bm25s_is_cached_and_reloaded(
    corpus, articles, cache_dir, monkeypatch
) -> None:
    first = load_index(corpus, articles, engine="bm25s", cache_dir=cache_dir)
    assert first.engine.name == "bm25s"

    def no_rebuild(_tokens):
        raise AssertionError("bm25s arrays should come from the cache")

    monkeypatch.setattr(BM25SEngine, "build", no_rebuild)
    second = load_index(corpus, articles, engine="bm25s", cache_dir=cache_dir)
    assert second.engine.name == "bm25s"
    np.testing.assert_array_equal(
        second.engine.get_scores(["sign"]), first.engine.get_scores(["sign"])
    )


def test_load_index_adds_bm25s_arrays_to_a_rank_bm25_cache(
    corpus, articles, cache_dir, tokenize_calls
) -> None:
    assert load_index(corpus, articles, cache_dir=cache_dir).engine.name == "rank-bm25"
    tokenize_calls.clear()
    assert load_index(corpus, articles, engine="bm25s", cache_dir=cache_dir).engine.name == "bm25s"
    assert tokenize_calls == []
    (folder,) = cache_folders(corpus, cache_dir)
    assert "bm25s_data" in _files(folder)


def test_load_index_unknown_engine_is_refused(corpus, articles, cache_dir) -> None:
    with pytest.raises(ValueError, match="rank-bm25"):
        load_index(corpus, articles, engine="whoosh", cache_dir=cache_dir)


def test_load_index_rebuilds_when_the_articles_do_not_match_the_cache(
    corpus, articles, cache_dir, tokenize_calls
) -> None:
    load_index(corpus, articles, cache_dir=cache_dir)
    tokenize_calls.clear()
    fewer = articles[:2]  # e.g. the corpus was replaced between reading it and hashing it
    index = load_index(corpus, fewer, cache_dir=cache_dir)
    assert tokenize_calls
    assert {p.article_id for p in index.passages} == {"a1", "a2"}


def test_write_removes_the_old_cache_files_and_stale_temporaries(
    corpus, articles, cache_dir
) -> None:
    load_index(corpus, articles, cache_dir=cache_dir)
    (folder,) = cache_folders(corpus, cache_dir)
    stale, fresh = folder / ".tmp-killed-writer", folder / ".tmp-live-writer"
    stale.write_bytes(b"half")
    os.utime(stale, (0, 0))
    fresh.write_bytes(b"half")
    write_articles([*articles, _article(4, "Tibet")], corpus)
    load_index(corpus, load_articles(corpus), cache_dir=cache_dir)
    listed = set(_files(folder).values()) | {folder / "manifest.json"}
    assert set(folder.iterdir()) == listed | {fresh}


def test_load_index_caches_the_passages_word_counts(
    corpus, articles, cache_dir, tokenize_calls
) -> None:
    first = load_index(corpus, articles, cache_dir=cache_dir)
    expected = count_words(p.text for p in first.passages)
    assert list(first.word_counts().items()) == list(expected.items())
    tokenize_calls.clear()
    second = load_index(corpus, articles, cache_dir=cache_dir)
    assert tokenize_calls == []
    assert list(second.word_counts().items()) == list(expected.items())  # order too


@pytest.mark.parametrize(
    "value",
    [
        {"words": ["post", "post"], "counts": [1, 2]},
        {"words": ["post", "china"], "counts": [1]},
        {"words": ["post"], "counts": [0]},
        {"words": ["post"], "counts": ["1"]},
        ["post"],
    ],
)
def test_load_index_rebuilds_malformed_word_counts(
    corpus, articles, cache_dir, tokenize_calls, value
) -> None:
    load_index(corpus, articles, cache_dir=cache_dir)
    (folder,) = cache_folders(corpus, cache_dir)
    manifest_path = folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    counts_file = folder / manifest["files"]["word_counts"]["name"]
    counts_file.write_text(json.dumps(value))
    entry = manifest["files"]["word_counts"]
    entry.update(size=counts_file.stat().st_size, sha256=sha256_of(counts_file))
    manifest_path.write_text(json.dumps(manifest))
    tokenize_calls.clear()
    index = load_index(corpus, articles, cache_dir=cache_dir)
    assert tokenize_calls
    assert index.word_counts()["china"] == 6  # title and one sentence in each of three


def _forge(folder: Path, role: str, payload: bytes) -> None:
    """Replace a cached file and update the manifest to match: only value checks can object."""
    manifest_path = folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    path = folder / manifest["files"][role]["name"]
    path.write_bytes(payload)
    manifest["files"][role].update(size=path.stat().st_size, sha256=sha256_of(path))
    manifest_path.write_text(json.dumps(manifest))


def _npy(values: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, values, allow_pickle=False)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "role, damage",
    [
        ("token_ids", lambda a: np.where(a == a.max(), 10_000, a)),  # outside the vocabulary
        ("token_offsets", lambda a: a[::-1].copy()),  # backwards
        ("text_offsets", lambda a: a + 1),  # does not start at 0
        ("passage_article", lambda a: a + 100),  # articles that are not there
        ("article_rows", lambda a: a * 1000),  # rows that are not there
    ],
)
def test_load_index_rebuilds_arrays_that_do_not_fit_even_with_matching_checksums(
    corpus, articles, cache_dir, tokenize_calls, role, damage
) -> None:
    first = load_index(corpus, articles, engine="bm25s", cache_dir=cache_dir)
    (folder,) = cache_folders(corpus, cache_dir)
    _forge(folder, role, _npy(damage(np.load(_files(folder)[role]))))
    tokenize_calls.clear()
    second = load_index(corpus, articles, engine="bm25s", cache_dir=cache_dir)
    assert tokenize_calls
    assert second.passages == first.passages
    assert _hits(second, ["hunan", "logist"]) == _hits(first, ["hunan", "logist"])


def test_load_index_rebuilds_a_changed_passage_text(
    corpus, articles, cache_dir, tokenize_calls
) -> None:
    load_index(corpus, articles, cache_dir=cache_dir)
    (folder,) = cache_folders(corpus, cache_dir)
    text_file = _files(folder)["passage_text"]
    text_file.write_bytes(text_file.read_bytes().replace(b"Jilin", b"Tibet"))
    tokenize_calls.clear()
    index = load_index(corpus, articles, cache_dir=cache_dir)
    assert tokenize_calls
    assert "Jilin" in index.passages[0].text


def test_load_index_from_the_cache_maps_its_arrays_instead_of_reading_them(
    corpus, articles, cache_dir
) -> None:
    load_index(corpus, articles, engine="bm25s", cache_dir=cache_dir)
    index = load_index(corpus, articles, engine="bm25s", cache_dir=cache_dir)
    columns = index.table.columns
    assert isinstance(columns.text, mmap.mmap)
    for array in (columns.token_ids, columns.text_offsets, index.engine.data):
        assert _is_mapped(array)


def _is_mapped(array: np.ndarray) -> bool:
    base = array.base
    while isinstance(base, np.ndarray):
        base = base.base
    return isinstance(base, mmap.mmap)


def test_load_index_from_the_cache_equals_a_fresh_build(corpus, articles, cache_dir) -> None:
    load_index(corpus, articles, cache_dir=cache_dir)
    cached = load_index(corpus, articles, cache_dir=cache_dir)
    built = Index.build(articles)
    assert cached.passages == built.passages and cached.tokens == built.tokens
    for row in range(built.size):
        assert cached.terms(row) == built.terms(row)
    for article in articles:
        assert cached.rows(article.id) == built.rows(article.id)
    assert cached.word_counts() == built.word_counts()
