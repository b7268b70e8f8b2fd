"""Every fixture page layout (../shared/fixtures) reads into the right title, date and source.

The expected values come from ../shared/fixtures/agreements.jsonl, written by a careful reader.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from shared_dir import SHARED

from bot.cli import main
from corpus.agreements import list_agreements
from corpus.build import build_corpus, read_page
from corpus.clean import clean_page
from corpus.store import load_articles

FIXTURES = SHARED / "fixtures"
PAGES = FIXTURES / "pages"
TRUTH = [
    json.loads(line)
    for line in (FIXTURES / "agreements.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]
HTML_TWINS = sorted(p.name for p in PAGES.glob("*.html"))
TRADITIONAL = {"fx06_tianjin-2015-trad.txt", "fx10_geely-2025-trad.txt"}
BOILERPLATE = (
    "Postal Business:",
    "Register number",
    "Powered by",
    "ICP",
    "字号",
    "字號",
    "分享",
    "责任编辑",
    "責任編輯",
    "阅读:",
    "打印本页",
    "列印本頁",
    "Comments are closed",
    "Related posts",
    "Reporting by",
    "Our Standards",
    "Credit:",
    "By Reuters Staff",
    "Follow us on",
    "[China Post]",
    "相關新聞",
    "More from",
)


def _expected_source(truth: dict) -> str:
    # fx02 and fx03 describe their site ("… (no source line)"): the page names no source.
    source = truth["source"] or ""
    return "" if "(no source line)" in source else source


@pytest.mark.parametrize("truth", TRUTH, ids=[t["file"] for t in TRUTH])
def test_fixture_page_title_date_source_lang(truth: dict) -> None:
    article = clean_page(read_page(PAGES / truth["file"]), truth["file"])
    assert article.title == truth["title"]
    assert article.published == truth["published"]
    assert article.source == _expected_source(truth)
    expected_lang = "zh-Hant" if truth["file"] in TRADITIONAL else truth["lang"]
    assert article.lang == expected_lang
    assert article.url is None


@pytest.mark.parametrize("truth", TRUTH, ids=[t["file"] for t in TRUTH])
def test_fixture_page_body_has_no_boilerplate(truth: dict) -> None:
    article = clean_page(read_page(PAGES / truth["file"]), truth["file"])
    assert len(article.paragraphs) >= 3
    for paragraph in article.paragraphs:
        assert paragraph != article.title
        for marker in BOILERPLATE:
            assert marker not in paragraph, (marker, paragraph)


@pytest.mark.parametrize("name", HTML_TWINS)
def test_html_twin_reads_as_its_text_page(name: str) -> None:
    html = clean_page(read_page(PAGES / name), name)
    text = clean_page(read_page(PAGES / name.replace(".html", ".txt")), name)
    assert (html.title, html.published, html.source, html.lang) == (
        text.title,
        text.published,
        text.source,
        text.lang,
    )
    assert html.paragraphs == text.paragraphs


def test_photo_caption_is_not_body() -> None:
    article = clean_page(read_page(PAGES / "fx01_china-railway-2017.txt"), "fx01")
    assert article.paragraphs[0].startswith("On November 25 in Beijing")


def test_dateline_is_cut_from_the_first_paragraph() -> None:
    article = clean_page(read_page(PAGES / "fx16_kyrgyz-post-2022.txt"), "fx16")
    assert article.paragraphs[0].startswith("Kyrgyz Pochtasy, the state enterprise")


def test_traditional_article_is_quoted_as_written() -> None:
    article = clean_page(read_page(PAGES / "fx10_geely-2025-trad.txt"), "fx10")
    assert "簽署戰略合作框架協議" in article.paragraphs[0]


def test_all_fixture_pages_and_html_twins_build_into_30_articles() -> None:
    result = build_corpus([PAGES], progress=False)
    assert (result.pages, result.duplicates, len(result.articles)) == (34, 4, 30)
    assert sorted(a.origin for a in result.articles) == sorted(t["file"] for t in TRUTH)


def test_build_corpus_summary_counts_languages_and_agreements(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "articles.jsonl"
    assert main(["build-corpus", str(PAGES), "--out", str(out)]) == 0
    articles = load_articles(out)
    agreements = len(list_agreements(articles))  # fx11 and fx12 are one agreement
    assert agreements == 22
    summary = capsys.readouterr().out
    assert f"Wrote 30 articles (19 en, 9 zh, 2 zh-Hant; {agreements} agreements)" in summary
    assert "from 34 pages (4 duplicates dropped, 0 skipped)" in summary
