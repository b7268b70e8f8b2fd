"""`postbot build-corpus` and `postbot agreements`, run for real."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from corpus.store import DEFAULT_CORPUS
from retrieval.cache import cache_folders

HERE = Path(__file__).resolve().parent
RAW = HERE.parent / "corpus" / "raw"
ZH_RAW = HERE / "data" / "raw_zh"
JILIN = RAW / "000_807b3b7716974255.txt"
MARA = RAW / "004_3ea0df55ee686d76.txt"
OLD = "old corpus, must survive\n"


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An existing output file, so a failed build can be seen to leave it alone."""
    path = tmp_path / "out" / "articles.jsonl"
    path.parent.mkdir()
    path.write_text(OLD, encoding="utf-8")
    return path


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    """A folder holding copies of the two seed pages."""
    folder = tmp_path / "raw"
    folder.mkdir()
    for page in (JILIN, MARA):
        (folder / page.name).write_bytes(page.read_bytes())
    return folder


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_build_corpus_from_raw_equals_the_shipped_corpus(out: Path, capsys) -> None:
    assert main(["build-corpus", str(RAW), "--out", str(out)]) == 0
    assert out.read_bytes() == DEFAULT_CORPUS.read_bytes()
    assert "Wrote 2 articles" in capsys.readouterr().out


def test_build_corpus_caches_the_new_corpus_index(out: Path, isolated_state: Path) -> None:
    assert main(["build-corpus", str(RAW), "--out", str(out)]) == 0
    [folder] = cache_folders(out, isolated_state / "cache")
    assert (folder / "manifest.json").is_file()


def test_build_corpus_output_fields(out: Path) -> None:
    main(["build-corpus", str(RAW), "--out", str(out)])
    for record in _records(out):
        assert list(record) == [
            "id",
            "title",
            "source",
            "published",
            "lang",
            "paragraphs",
            "origin",
            "agreement",
            "url",
        ]
        assert record["url"] is None  # read from a file, not fetched
        assert list(record["agreement"]) == ["parties", "kind", "signed_on", "areas"]


def test_build_corpus_missing_path_is_a_usage_error(tmp_path: Path, out: Path, capsys) -> None:
    assert main(["build-corpus", str(tmp_path / "nope"), "--out", str(out)]) == 2
    assert f"no such file or folder: {tmp_path / 'nope'}" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == OLD


def test_build_corpus_folder_without_pages_is_a_usage_error(
    tmp_path: Path, out: Path, capsys
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["build-corpus", str(empty), "--out", str(out)]) == 2
    assert "no raw pages" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == OLD


@pytest.mark.parametrize(
    ("breakage", "missing"),
    [
        (lambda text: text.replace("|China Post|2022-06-29", ""), "missing date"),
        (
            lambda text: text.replace(
                "China Post and Jilin provincial government sign cooperation framework agreement\n",
                "",
            ),
            "missing title",
        ),
        (lambda text: text.split("|China Post|2022-06-29")[0] + "|China Post|2022-06-29\n", "body"),
    ],
)
def test_build_corpus_invalid_page_fails_and_leaves_output(
    raw: Path, out: Path, capsys, breakage, missing: str
) -> None:
    page = raw / JILIN.name
    page.write_text(breakage(JILIN.read_text(encoding="utf-8")), encoding="utf-8")
    assert main(["build-corpus", str(raw), "--out", str(out)]) == 2
    first, last = capsys.readouterr().err.splitlines()
    assert str(page) in first and missing in first
    assert "1 page(s) cannot be read" in last
    assert out.read_text(encoding="utf-8") == OLD
    assert [p.name for p in out.parent.iterdir()] == ["articles.jsonl"]


def test_build_corpus_skip_invalid_names_skipped_page(raw: Path, out: Path, capsys) -> None:
    bad = raw / "bad.txt"
    bad.write_text("• Postman Story\nNo date here\n\nBody.\n", encoding="utf-8")
    assert main(["build-corpus", str(raw), "--out", str(out), "--skip-invalid"]) == 0
    err = capsys.readouterr().err
    assert f"skipped {bad}: missing date" in err
    assert [r["origin"] for r in _records(out)] == [MARA.name, JILIN.name]


def test_build_corpus_only_invalid_pages_fails_even_when_skipping(
    tmp_path: Path, out: Path, capsys
) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "bad.txt").write_text("nothing\n", encoding="utf-8")
    assert main(["build-corpus", str(folder), "--out", str(out), "--skip-invalid"]) == 2
    assert "no valid pages" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == OLD


def test_build_corpus_crlf_and_single_title_pages_build_the_same(raw: Path, out: Path) -> None:
    main(["build-corpus", str(raw), "--out", str(out)])
    expected = _records(out)
    jilin = JILIN.read_text(encoding="utf-8")
    title = "China Post and Jilin provincial government sign cooperation framework agreement\n"
    (raw / JILIN.name).write_text(jilin.replace(title * 2, title), encoding="utf-8")
    (raw / MARA.name).write_bytes(MARA.read_bytes().replace(b"\n", b"\r\n"))
    assert main(["build-corpus", str(raw), "--out", str(out)]) == 0
    assert _records(out) == expected


def test_build_corpus_duplicate_page_gives_one_article(raw: Path, out: Path, capsys) -> None:
    (raw / "copy_of_jilin.txt").write_bytes(JILIN.read_bytes())
    assert main(["build-corpus", str(raw), "--out", str(out)]) == 0
    assert len(_records(out)) == 2
    assert "1 duplicates dropped" in capsys.readouterr().out


def test_build_corpus_accepts_files_and_folders_together(out: Path) -> None:
    assert main(["build-corpus", str(JILIN), str(ZH_RAW), "--out", str(out)]) == 0
    records = _records(out)
    assert [r["lang"] for r in records] == ["en", "zh"]
    assert records[1]["id"].startswith("2023-03-15-zh-")


def test_build_corpus_writes_to_corpus_option_without_out(tmp_path: Path) -> None:
    target = tmp_path / "mine.jsonl"
    assert main(["build-corpus", str(RAW), "--corpus", str(target)]) == 0
    assert target.read_bytes() == DEFAULT_CORPUS.read_bytes()


def test_build_corpus_no_progress_bar_when_stderr_is_not_a_terminal(out: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "build-corpus", str(RAW), "--out", str(out)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    assert result.stderr == ""


def test_agreements_table_newest_first(capsys) -> None:
    assert main(["agreements"]) == 0
    text = capsys.readouterr().out
    assert text.index("Jilin provincial government") < text.index("Ministry of Agriculture")
    assert "2022-06-28" in text and "cultural industry construction" in text


def test_agreements_json_has_the_issue_keys_and_the_reporting_articles(capsys) -> None:
    assert main(["agreements", "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert [e["number"] for e in entries] == [1, 2]
    assert [e["published"] for e in entries] == ["2022-06-29", "2021-07-03"]
    assert set(entries[0]) == {
        "number",
        "article_id",
        "title",
        "source",
        "published",
        "parties",
        "kind",
        "signed_on",
        "areas",
        "articles",
    }
    assert entries[1]["signed_on"] is None
    assert entries[0]["articles"] == [
        {k: entries[0][k] for k in ("article_id", "title", "source", "published")}
    ]


def test_agreements_uses_corpus_from_environment(
    out: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    main(["build-corpus", str(ZH_RAW), "--out", str(out)])
    capsys.readouterr()
    monkeypatch.setenv("POSTBOT_CORPUS", str(out))
    assert main(["agreements", "--json"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert entry["parties"] == ["中国邮政", "青岚市人民政府"]


def test_agreements_none_in_corpus(tmp_path: Path, capsys) -> None:
    page = tmp_path / "p.txt"
    page.write_text("Stamps issued\n|China Post|2024-01-02\nNew stamps.\n", encoding="utf-8")
    corpus = tmp_path / "c.jsonl"
    main(["build-corpus", str(page), "--out", str(corpus)])
    capsys.readouterr()
    assert main(["agreements", "--corpus", str(corpus)]) == 0
    assert capsys.readouterr().out == "No agreements in the corpus.\n"


def test_agreements_missing_corpus_file(tmp_path: Path, capsys) -> None:
    assert main(["agreements", "--corpus", str(tmp_path / "nope.jsonl")]) == 2
    assert capsys.readouterr().err == f"postbot: corpus file not found: {tmp_path / 'nope.jsonl'}\n"


def test_agreements_bad_corpus_line_names_it(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(DEFAULT_CORPUS.read_text(encoding="utf-8") + "{oops\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "agreements", "--corpus", str(corpus)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "line 3: not valid JSON" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            '"published": "2021-07-03"',
            '"published": null',
            "field 'published' must be text, not null",
        ),
        ('"lang": "en"', '"lang": 3', "field 'lang' must be text, not 3"),
    ],
)
def test_agreements_wrong_field_names_file_and_line(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    corpus = tmp_path / "c.jsonl"
    text = DEFAULT_CORPUS.read_text(encoding="utf-8")
    assert old in text.splitlines()[0]
    corpus.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "agreements", "--corpus", str(corpus)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert result.stderr == f"postbot: {corpus}, line 1: {message}\n"
