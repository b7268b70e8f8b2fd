"""The corpus file: loading, atomic writing, digests, and the shipped corpus."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from corpus import DEFAULT_CORPUS, Agreement, Article, CorpusError, load_articles
from corpus.build import build_corpus
from corpus.store import corpus_digest, dumps_articles, write_articles

RAW = Path(__file__).resolve().parents[1] / "corpus" / "raw"


def _article(id: str = "2024-01-02-x", agreement: Agreement | None = None) -> Article:
    return Article(
        id=id,
        title="China Post and X sign agreement",
        source="China Post",
        published="2024-01-02",
        lang="en",
        paragraphs=("One.", "Two."),
        origin="x.txt",
        agreement=agreement,
    )


def test_default_corpus_is_inside_the_package() -> None:
    assert Path(__file__).resolve().parents[1] / "corpus/data/articles.jsonl" == DEFAULT_CORPUS


def test_shipped_corpus_equals_a_fresh_build_from_raw() -> None:
    fresh = dumps_articles(build_corpus([RAW], progress=False).articles)
    assert DEFAULT_CORPUS.read_text(encoding="utf-8") == fresh


def test_load_articles_default_is_the_shipped_corpus() -> None:
    articles = load_articles()
    assert [a.published for a in articles] == ["2021-07-03", "2022-06-29"]
    assert all(a.agreement is not None for a in articles)


def test_write_then_load_round_trips(tmp_path: Path) -> None:
    articles = [
        _article("a", Agreement(("China Post", "X"), "agreement", None, ("mail",))),
        _article("b"),
    ]
    path = tmp_path / "sub" / "corpus.jsonl"
    write_articles(articles, path)
    assert load_articles(path) == articles
    assert [p.name for p in path.parent.iterdir()] == ["corpus.jsonl"]


def test_write_articles_keeps_chinese_readable(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    write_articles([replace(_article(), title="中国邮政", lang="zh")], path)
    assert '"title": "中国邮政"' in path.read_text(encoding="utf-8")


def test_write_articles_failure_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text("old\n", encoding="utf-8")

    def broken():
        yield _article()
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_articles(broken(), path)
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["corpus.jsonl"]


def test_load_articles_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="corpus file not found"):
        load_articles(tmp_path / "nope.jsonl")


def test_load_articles_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="folder"):
        load_articles(tmp_path)


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ("{not json", r"line 2: not valid JSON"),
        ("[1, 2]", r"line 2: not a JSON object"),
        ('{"id": "x"}', r"line 2: field 'title' is missing"),
        ('{"id": "x", "title": 7}', r"line 2: field 'title' must be text, not 7$"),
        (
            '{"id": "x", "title": "t", "published": null}',
            r"line 2: field 'published' must be text, not null$",
        ),
        (
            '{"id": "x", "title": "t", "published": "June 2022"}',
            r"line 2: field 'published' must be a date YYYY-MM-DD, not 'June 2022'$",
        ),
        (
            '{"id": "x", "title": "t", "published": "2022-06-29", "lang": "en"}',
            r"line 2: field 'paragraphs' is missing$",
        ),
        (
            '{"id": "x", "title": "t", "published": "2022-06-29", "lang": "fr", "paragraphs": []}',
            r"line 2: field 'lang' must be one of en, zh, zh-Hant, not 'fr'$",
        ),
        (
            '{"id": "x", "title": "t", "published": "2022-06-29", "lang": "en",'
            ' "paragraphs": ["p"], "agreement": {"parties": "A and B", "kind": "k"}}',
            r"line 2: field 'agreement.parties' must be a list of texts, not \"A and B\"$",
        ),
    ],
)
def test_load_articles_names_the_bad_line(tmp_path: Path, bad_line: str, message: str) -> None:
    path = tmp_path / "c.jsonl"
    good = json.dumps(_article().to_json())
    path.write_text(f"{good}\n{bad_line}\n{good}\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=message):
        load_articles(path)


def test_load_articles_skips_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text("\n" + json.dumps(_article().to_json()) + "\n\n", encoding="utf-8")
    assert load_articles(path) == [_article()]


def test_corpus_digest_is_sha256_of_the_bytes(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    write_articles([_article()], path)
    assert corpus_digest(path) == hashlib.sha256(path.read_bytes()).hexdigest()
    write_articles([_article("other")], path)
    assert corpus_digest(path) == hashlib.sha256(path.read_bytes()).hexdigest()


def test_corpus_digest_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="not found"):
        corpus_digest(tmp_path / "nope.jsonl")


def test_importing_corpus_does_not_import_tqdm() -> None:
    code = "import sys, corpus, corpus.store; print('tqdm' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_pyproject_ships_every_package_and_the_corpus() -> None:
    root = Path(__file__).resolve().parents[1]
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    for top in ("bot", "corpus", "retrieval", "answers"):
        for init in (root / top).rglob("__init__.py"):
            assert ".".join(init.parent.relative_to(root).parts) in listed
    assert "data/*.jsonl" in config["tool"]["setuptools"]["package-data"]["corpus"]
