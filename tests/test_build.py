"""Building a corpus from many raw pages: duplicates, id collisions, order, skipping."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.build import build_corpus, find_pages
from corpus.errors import CorpusError, UnreadablePages

PAGE = """\
• Postman Story
Postal Business: 8610 11185
{title}
{title}
|China Post|{published}

{body}

Register number: 京ICP备15035540号
Powered by CHINA POST | About Us |"""


def _page(folder: Path, name: str, title: str, published: str, body: str) -> Path:
    path = folder / name
    path.write_text(PAGE.format(title=title, published=published, body=body), encoding="utf-8")
    return path


def test_build_corpus_drops_a_duplicate_page(tmp_path: Path) -> None:
    _page(tmp_path, "b.txt", "China Post opens depot", "2024-01-02", "A depot opened.")
    _page(tmp_path, "a.txt", "China Post opens depot", "2024-01-02", "A depot opened.")
    result = build_corpus([tmp_path], progress=False)
    assert [a.origin for a in result.articles] == ["a.txt"]
    assert (result.pages, result.duplicates) == (2, 1)


def test_build_corpus_same_title_and_date_different_body_get_distinct_ids(tmp_path: Path) -> None:
    _page(tmp_path, "a.txt", "China Post opens depot", "2024-01-02", "Depot in Xining.")
    _page(tmp_path, "b.txt", "China Post opens depot", "2024-01-02", "Depot in Lhasa.")
    ids = [a.id for a in build_corpus([tmp_path], progress=False).articles]
    assert ids == ["2024-01-02-china-post-opens-depot", "2024-01-02-china-post-opens-depot-2"]


def test_build_corpus_ids_do_not_depend_on_file_names(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    _page(first, "a.txt", "China Post opens depot", "2024-01-02", "Depot in Xining.")
    _page(first, "b.txt", "China Post opens depot", "2024-01-02", "Depot in Lhasa.")
    _page(second, "b.txt", "China Post opens depot", "2024-01-02", "Depot in Xining.")
    _page(second, "a.txt", "China Post opens depot", "2024-01-02", "Depot in Lhasa.")
    one = {a.id: a.paragraphs for a in build_corpus([first], progress=False).articles}
    two = {a.id: a.paragraphs for a in build_corpus([second], progress=False).articles}
    assert one == two


def test_build_corpus_sorts_by_published_then_id(tmp_path: Path) -> None:
    _page(tmp_path, "1.txt", "Zebra stamps issued", "2023-05-01", "Stamps.")
    _page(tmp_path, "2.txt", "Apple stamps issued", "2023-05-01", "Stamps.")
    _page(tmp_path, "3.txt", "Old stamps issued", "2020-01-01", "Stamps.")
    result = build_corpus([tmp_path], progress=False)
    assert [a.title for a in result.articles] == [
        "Old stamps issued",
        "Apple stamps issued",
        "Zebra stamps issued",
    ]


def test_build_corpus_fails_naming_every_invalid_page(tmp_path: Path) -> None:
    _page(tmp_path, "good.txt", "China Post opens depot", "2024-01-02", "Body.")
    (tmp_path / "bad.txt").write_text("just some text\n", encoding="utf-8")
    (tmp_path / "worse.txt").write_text("China Post opens depot\n2024-01-02\n", encoding="utf-8")
    with pytest.raises(UnreadablePages) as raised:
        build_corpus([tmp_path], progress=False)
    lines = str(raised.value).splitlines()
    assert [Path(e.origin).name for e in raised.value.errors] == ["bad.txt", "worse.txt"]
    assert lines[0].endswith(
        "bad.txt: missing date (no publication date such as "
        "'|China Post|2022-06-29', '发布时间:2023-06-08' or 'Nov 27, 2019')"
    )
    assert lines[1].endswith("worse.txt: missing body (no paragraphs after the date)")


def test_build_corpus_skip_invalid_reports_each_skipped_page(tmp_path: Path) -> None:
    _page(tmp_path, "good.txt", "China Post opens depot", "2024-01-02", "Body.")
    (tmp_path / "bad.txt").write_text("just some text\n", encoding="utf-8")
    result = build_corpus([tmp_path], skip_invalid=True, progress=False)
    assert [a.origin for a in result.articles] == ["good.txt"]
    ((page, reason),) = result.skipped
    assert Path(page).name == "bad.txt"
    assert reason.startswith("missing date")


def test_build_corpus_reads_gb18030_pages(tmp_path: Path) -> None:
    text = PAGE.format(title="中国邮政发行邮票", published="2023-03-15", body="新邮票发售。")
    (tmp_path / "zh.txt").write_bytes(text.encode("gb18030"))
    (article,) = build_corpus([tmp_path], progress=False).articles
    assert (article.title, article.lang) == ("中国邮政发行邮票", "zh")


def test_find_pages_searches_folders_skipping_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b.txt", "sub/a.TXT", ".hidden.txt", ".git/x.txt", "notes.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in find_pages([tmp_path])]
    assert found == ["b.txt", "sub/a.TXT"]


def test_find_pages_missing_path(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no such file or folder"):
        find_pages([tmp_path / "nope"])


def test_find_pages_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"no raw pages \(\*\.txt, \*\.html, \*\.htm\)"):
        find_pages([tmp_path])


def test_build_corpus_many_distinct_pages(tmp_path: Path) -> None:
    body = "On May 3, China Post and Lanshan government signed an agreement. " * 20
    for n in range(300):
        _page(tmp_path, f"{n:04}.txt", f"China Post news item {n}", "2024-01-02", body)
    result = build_corpus([tmp_path], progress=False)
    assert len(result.articles) == 300
