"""Read an HTML page: the article's title, date and paragraphs by main-content extraction.

trafilatura finds the article in the page (it scores text blocks by density and markup,
and reads the headline and date from `og:`/JSON-LD metadata, `<h1>` and `<time>`), so no
site gets hand-written tag rules. The page's visible text, one block per line, is also
read as a text page: that finds what the metadata may lack (`|China Post|2019-02-28`,
`来源:中国邮政报`) the same way as for a `.txt` page, so an HTML page and its text twin
give the same article.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from corpus.errors import PageError
from corpus.page import PageParts
from corpus.text import normalize
from corpus.text_page import MISSING_DATE, body, read_text_page

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Elements that start a new line in the page's visible text; others run on within a line.
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head", "title", "svg"})


def read_html_page(html: str, origin: str, url: str | None = None) -> PageParts:
    """Find the title, date, source and body paragraphs of an HTML page.

    Args:
        html: the HTML document.
        origin: the page's file name or URL, for errors.
        url: the page's address, if fetched; helps the extractor resolve dates and names.

    Returns:
        The page's parts; `source` is the site or paper the page names, else "".

    Raises:
        PageError: the page has no date, no title or no article text.
    """
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    lines = visible_lines(html)
    try:
        as_text: PageParts | None = read_text_page("\n".join(lines), origin)
    except PageError:
        as_text = None
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    found_title = normalize(getattr(document, "title", None) or "")
    title = _title(found_title, as_text, lines)
    if not title:
        raise PageError(origin, "missing title (no headline in the page)")
    published = getattr(document, "date", None) or (as_text.published if as_text else None)
    if not published:
        raise PageError(origin, MISSING_DATE)
    text = getattr(document, "text", None) or ""
    paragraphs = body([normalize(line) for line in text.splitlines()], title)
    if not paragraphs and as_text is not None:
        paragraphs = list(as_text.paragraphs)
    if not paragraphs:
        raise PageError(origin, "missing body (no article text in the page)")
    site = normalize(getattr(document, "sitename", None) or "")
    source = site if site and "." not in site else (as_text.source if as_text else "") or site
    return PageParts(title, published[:10], source, tuple(paragraphs))


def visible_lines(html: str) -> list[str]:
    """The text a browser shows, one line per block element (a `<p>`, a `<div>`, an `<li>`)."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    chunks: list[str] = []
    _walk(root, chunks)
    return [normalize(line) for line in "".join(chunks).splitlines()]


def _walk(element: HtmlElement, chunks: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _INVISIBLE:
        chunks.append(element.tail or "")
        return
    block = tag in _BLOCKS
    if block:
        chunks.append("\n")
    chunks.append((element.text or "").replace("\n", " "))
    for child in element:
        _walk(child, chunks)
    if block:
        chunks.append("\n")
    chunks.append((element.tail or "").replace("\n", " "))


def _title(found: str, as_text: PageParts | None, lines: list[str]) -> str:
    """The extractor's headline when the page shows it; else the one read as a text page."""
    if found and found in lines:
        return found
    if as_text is not None:
        return as_text.title
    return found
