"""Turn one raw page, text or HTML, into a clean `Article` with its agreement extracted.

Reading a page is two jobs done elsewhere: `text_page` for pages saved as text, `html`
for HTML (main-content extraction). Here the parts become an article: its language, id
and agreement.
"""

from __future__ import annotations

import hashlib
import re

from corpus.errors import PageError
from corpus.extract import extract_agreement
from corpus.model import Article
from corpus.page import PageParts
from corpus.text import detect_lang, normalize
from corpus.text_page import read_text_page

__all__ = ["article_id", "clean_page", "detect_lang", "is_html", "normalize"]

_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_SLUG_WORD = re.compile(r"[a-z0-9]+")
_SLUG_WORDS = 6
_SLUG_STOPWORDS = frozenset(
    {"a", "an", "and", "the", "of", "for", "in", "on", "to", "with", "at", "by"}
)


def is_html(text: str) -> bool:
    """Whether `text` is an HTML document rather than a page saved as text."""
    return _HTML_START.match(text[:2000]) is not None


def article_id(published: str, title: str) -> str:
    """Return a stable, readable id: the date, then a slug of the title's first words.

    A title with no Latin words (a Chinese one) gets a short hash of the title instead.
    """
    words = _SLUG_WORD.findall(title.lower())
    if words and detect_lang(title, ()) == "en":
        words = words[:_SLUG_WORDS]
        while len(words) > 1 and words[-1] in _SLUG_STOPWORDS:
            words.pop()
        return f"{published}-{'-'.join(words)}"
    digest = hashlib.sha1(title.encode("utf-8")).hexdigest()[:8]
    return f"{published}-zh-{digest}"


def clean_page(text: str, origin: str, url: str | None = None) -> Article:
    """Clean one raw page (text or HTML) into an `Article`, its agreement extracted by rules.

    Args:
        text: the raw page: text as a scraper saved it, or an HTML document.
        origin: the page's file name (or URL), kept on the article and named in errors.
        url: the address the page was fetched from, if any; kept on the article, and its
            host name is the source when the page names none.

    Returns:
        The article; its `id` is the base id, which `build_corpus` may suffix on collision.

    Raises:
        PageError: the page has no title, no date or no body.
    """
    if is_html(text):
        from corpus.html import read_html_page

        parts = read_html_page(text, origin, url)
    else:
        parts = read_text_page(text, origin)
    return article_from_parts(parts, origin, url)


def article_from_parts(parts: PageParts, origin: str, url: str | None = None) -> Article:
    """The article made of a page's parts: its language detected and its agreement extracted."""
    if not parts.paragraphs:
        raise PageError(origin, "missing body (no paragraphs after the date)")
    lang = detect_lang(parts.title, parts.paragraphs)
    source = parts.source or (_host(url) if url else "")
    # The rules read Chinese of either script; "zh-Hant" is a search concern, not theirs.
    rules_lang = "en" if lang == "en" else "zh"
    return Article(
        id=article_id(parts.published, parts.title),
        title=parts.title,
        source=source,
        published=parts.published,
        lang=lang,
        paragraphs=parts.paragraphs,
        origin=origin,
        agreement=extract_agreement(parts.title, parts.paragraphs, parts.published, rules_lang),
        url=url,
    )


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")
