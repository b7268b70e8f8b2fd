"""Turn one raw China Post news page into a clean `Article`.

A raw page has site navigation, hotline lines, the title (often printed twice), a
source/date line such as ``|China Post|2022-06-29``, the body paragraphs and a footer.
Only the title, the source/date line and the body survive.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date

from corpus.errors import PageError
from corpus.extract import extract_agreement
from corpus.model import Article

# `|China Post|2022-06-29`, `| China Post News |2021-07-03`, `|中国邮政|2023年3月15日`.
# The leading bar may be missing, a label may come first and a time may follow the date:
# `Source: China Post|2022-06-29 10:30`.
_SOURCE_DATE = re.compile(
    r"^\|?\s*(?:(?:Source|来源)\s*:\s*)?(?P<source>[^|]{0,60}?)\s*\|\s*"
    r"(?P<year>\d{4})\s*[-/.年]\s*(?P<month>\d{1,2})\s*[-/.月]\s*(?P<day>\d{1,2})\s*日?"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*\|?$"
)
# Hotline lines: `Postal Business: 8610 11185`, `邮政业务:11185` (NFKC turns `：` into `:`),
# or a Chinese label with no colon: `物流与EMS 11183`.
_HOTLINE = re.compile(
    r"^(?:[^\d:]{2,40}:\s*|[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z]{1,9}\s*)\+?\d[\d\s\-()]{3,}\d$"
)
# Navigation bullets are short (`• Postman Story`); a long bulleted line is body text.
_NAV_BULLET = re.compile(r"^[•·●▪◦■□*>]\s*\S.{0,40}$")
# Lines that start the footer; nothing after them belongs to the article.
_FOOTER = re.compile(
    r"^(?:Register number\s*:|Powered by\s+(?:CHINA POST|中国邮政)|Copyright\s*(?:©|\(c\)|\d{4})|©"
    r"|All rights reserved|主办单位|技术支持|备案号)|版权所有|ICP备|公网安备",
    re.IGNORECASE,
)
# Navigation lines of the Chinese site that may appear without a bullet.
_NAV_WORDS = frozenset(
    {
        "首页",
        "新闻中心",
        "邮政业务",
        "邮政储蓄",
        "物流与EMS",
        "中邮人寿",
        "集邮",
        "邮票",
        "邮政故事",
        "邮政装备",
        "关于我们",
        "联系我们",
        "网站地图",
        "Home",
        "News",
        "About Us",
        "Contact Us",
        "Sitemap",
    }
)
# Page tools and bylines around a body: `【打印】`, `关闭窗口`, `责任编辑:李明`, `Editor: Li Ming`.
_PAGE_TOOLS = re.compile(
    r"^(?:【?(?:打印|打印本页|关闭|关闭窗口|返回顶部|字体|分享到)[^】]{0,20}】?"
    r"|(?:责任编辑|编辑|Editor|Print|Close|Share|Back to top)\s*(?::.{0,30})?)$",
    re.IGNORECASE,
)
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"\s+")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_SLUG_WORD = re.compile(r"[a-z0-9]+")
_SLUG_WORDS = 6
_DEFAULT_SOURCE = {"en": "China Post", "zh": "中国邮政"}  # for a bare `||2022-06-29`
_SLUG_STOPWORDS = frozenset(
    {"a", "an", "and", "the", "of", "for", "in", "on", "to", "with", "at", "by"}
)


def normalize(text: str) -> str:
    """Return `text` in Unicode NFKC with invisible characters dropped and whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text)
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def detect_lang(title: str, paragraphs: tuple[str, ...] | list[str]) -> str:
    """Return "zh" when the title (or, failing that, the body) is mostly CJK, else "en"."""
    for text in (title, " ".join(paragraphs[:3])):
        cjk = len(_CJK.findall(text))
        latin = len(_LATIN_LETTER.findall(text))
        if cjk or latin:
            return "zh" if cjk >= latin / 2 else "en"
    return "en"


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


def clean_page(text: str, origin: str) -> Article:
    """Clean one raw page into an `Article`, its agreement extracted by rules.

    Args:
        text: the raw page's text.
        origin: the raw page's file name, kept on the article and named in errors.

    Returns:
        The article; its `id` is the base id, which `build_corpus` may suffix on collision.

    Raises:
        PageError: the page has no title, no source/date line or no body.
    """
    lines = [normalize(line) for line in text.splitlines()]
    at = _source_date_index(lines)
    if at is None:
        raise PageError(origin, "missing source/date line (like '|China Post|2022-06-29')")
    found = _SOURCE_DATE.match(lines[at])
    assert found is not None
    published = _published(found, origin)
    title = _title(lines[:at])
    if title is None:
        raise PageError(origin, "missing title (the line before the source/date line)")
    paragraphs = _body(lines[at + 1 :], title)
    if not paragraphs:
        raise PageError(origin, "missing body (no paragraphs after the source/date line)")
    lang = detect_lang(title, paragraphs)
    source = found["source"] or _DEFAULT_SOURCE[lang]
    return Article(
        id=article_id(published, title),
        title=title,
        source=source,
        published=published,
        lang=lang,
        paragraphs=paragraphs,
        origin=origin,
        agreement=extract_agreement(title, paragraphs, published, lang),
    )


def _source_date_index(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        if "|" in line and _SOURCE_DATE.match(line):
            return index
    return None


def _published(found: re.Match[str], origin: str) -> str:
    try:
        day = date(int(found["year"]), int(found["month"]), int(found["day"]))
    except ValueError:
        raise PageError(origin, f"invalid date in source/date line {found[0]!r}") from None
    return day.isoformat()


def _is_boilerplate(line: str) -> bool:
    return bool(
        _NAV_BULLET.match(line)
        or _HOTLINE.match(line)
        or _FOOTER.search(line)
        or line in _NAV_WORDS
        or _PAGE_TOOLS.match(line)
    )


def _title(header: list[str]) -> str | None:
    """The last line above the source/date line, unless it is navigation or a hotline."""
    for line in reversed(header):
        if line:
            return None if _is_boilerplate(line) else line
    return None


def _body(lines: list[str], title: str) -> tuple[str, ...]:
    paragraphs: list[str] = []
    for line in lines:
        if _FOOTER.search(line):
            break
        if line and line != title and not _is_boilerplate(line):
            paragraphs.append(line)
    return tuple(paragraphs)
