"""HTML pages: the article found by main-content extraction, whatever the site's markup."""

from __future__ import annotations

import pytest

from corpus.clean import clean_page, is_html
from corpus.errors import PageError
from corpus.html import visible_lines

BODY = (
    "<p>China Post and the fictional Lanshan city government signed a logistics agreement "
    "in Lanshan on March 5, the city said in a statement on its website.</p>"
    "<p>Under the agreement, the two sides will cooperate in cold chain delivery, parcel "
    "lockers and rural e-commerce, and set up a joint working group this spring.</p>"
    "<p>The city has some 40 post offices and wants faster delivery for its farm produce, "
    "its deputy mayor said at the signing ceremony.</p>"
)


def _page(head: str = "", header: str = "", body: str = BODY) -> str:
    return (
        f"<!doctype html><html><head><title>Lanshan signs with China Post - Lanshan Daily"
        f"</title>{head}</head><body><nav><ul><li><a href='/'>Home</a></li>"
        f"<li><a href='/biz'>Business</a></li></ul></nav><main><article>"
        f"<h1>Lanshan and China Post sign logistics agreement</h1>{header}{body}"
        f"<div class='share'>Share this</div></article></main>"
        f"<footer><p>Copyright © 2024 Lanshan Daily. All rights reserved.</p></footer>"
        f"<script>var x = 1;</script></body></html>"
    )


def test_html_page_from_another_site_reads_metadata_and_body() -> None:
    head = (
        '<meta property="og:site_name" content="Lanshan Daily">'
        '<meta property="article:published_time" content="2024-03-07T08:00:00+08:00">'
    )
    article = clean_page(_page(head=head), "lanshan.html")
    assert article.title == "Lanshan and China Post sign logistics agreement"
    assert (article.published, article.source, article.lang) == (
        "2024-03-07",
        "Lanshan Daily",
        "en",
    )
    assert len(article.paragraphs) == 3
    assert not any("Share" in p or "Copyright" in p or "var x" in p for p in article.paragraphs)


def test_html_page_date_printed_in_the_page_only() -> None:
    header = "<div class='meta'>发布时间：2024年3月7日　来源：澜山日报</div>"
    article = clean_page(_page(header=header), "lanshan.html")
    assert (article.published, article.source) == ("2024-03-07", "澜山日报")


def test_html_page_source_is_the_host_when_the_page_names_none() -> None:
    header = "<time datetime='2024-03-07'>March 7, 2024</time>"
    article = clean_page(_page(header=header), "x", url="https://www.lanshan.example/news/1.html")
    assert article.source == "lanshan.example"
    assert article.url == "https://www.lanshan.example/news/1.html"


def test_html_page_without_a_date_is_refused() -> None:
    with pytest.raises(PageError, match="missing date"):
        clean_page(_page(), "undated.html")


def test_html_page_without_article_text_is_refused() -> None:
    header = "<time datetime='2024-03-07'>March 7, 2024</time>"
    with pytest.raises(PageError, match="missing body"):
        clean_page(_page(header=header, body=""), "empty.html")


def test_visible_lines_put_blocks_on_lines_and_spans_together() -> None:
    html = "<div><span>|China Post|</span><span>2019-02-28</span></div><p>One</p><script>x</script>"
    assert [line for line in visible_lines(html) if line] == ["|China Post|2019-02-28", "One"]


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("<!DOCTYPE html><html></html>", True),
        ("  <html lang='en'><body></body></html>", True),
        ("<!-- saved --><html></html>", True),
        ("China Post signs\n|China Post|2024-01-01\n\nBody.", False),
    ],
)
def test_is_html(text: str, html: bool) -> None:
    assert is_html(text) is html
