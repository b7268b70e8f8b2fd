"""Read a page saved as text: find its date line, then the title above it and the body below.

No layout is named here. The date line is the first short line holding a full date (or a
dateline opening the first paragraph); the title is the first headline-like line above it
(a line printed twice wins, and so does a title glued to its date); the source is what the
page names (`|China Post|`, `来源:…`, `(Reuters)`, a site name on the first line, a credit
line); the body is every line below that is not boilerplate, up to the footer.
"""

from __future__ import annotations

import re
from collections import Counter

from corpus import boilerplate
from corpus.dates import FoundDate, find_date, find_dateline
from corpus.errors import PageError
from corpus.page import PageParts
from corpus.text import normalize

# A date line is short; a longer line holding a date is body text.
_MAX_DATE_LINE = 100
# `Source: China Post`: the label before a name in a `|`-separated date line.
_SOURCE_LABEL = re.compile(r"^\s*(?:Source|来源|來源)\s*:\s*", re.IGNORECASE)
_MAX_SOURCE = 60
# `来源:中国邮政报`, `來源:港財網`, `Source: Xinhua`.
_LABELLED_SOURCE = re.compile(r"(?:来源|來源|Source)\s*:\s*(?P<source>[^\s|:]+(?: [^\s|:]+){0,4})")
# What may stand before a date on its line without being a source name.
_DATE_LABEL = re.compile(
    r"\b(?:posted|published|updated|date|dated|time|on|by)\b"
    r"|发布|發佈|發布|时间|時間|日期|记者|記者|作者|编辑|編輯|:",
    re.IGNORECASE,
)
# A site name on the page's first line is short and one name, not a row of links.
_MAX_SITE_NAME = 40
_SEPARATORS = re.compile(r"[|>»·•]|\s/\s")
# A caption under the date line is one short sentence.
_MAX_CAPTION = 200
MISSING_DATE = (
    "missing date (no publication date such as '|China Post|2022-06-29', "
    "'发布时间:2023-06-08' or 'Nov 27, 2019')"
)


def read_text_page(text: str, origin: str) -> PageParts:
    """Find the title, date, source and body of a page saved as text.

    Args:
        text: the page's text, as a scraper saved it.
        origin: the page's name, for errors.

    Returns:
        The page's parts; `source` is "" when the page names none.

    Raises:
        PageError: the page has no date, no title or no body; the reason says which.
    """
    lines = [normalize(line) for line in text.splitlines()]
    at, found = _date_line(lines, origin)
    line = lines[at]
    dateline = find_dateline(line) if len(line) > _MAX_DATE_LINE else None
    glued = _glued_title(line, found) if dateline is None else None
    title = _title(lines[:at], glued)
    if title is None:
        raise PageError(origin, "missing title (no headline above the date)")
    below = [line[dateline.end :]] if dateline else []
    below += lines[at + 1 :]
    paragraphs = body(below, title, caption_first=dateline is None)
    if not paragraphs:
        raise PageError(origin, "missing body (no paragraphs after the date)")
    opening = dateline or next(filter(None, map(find_dateline, below[:8])), None)
    named = opening.source if opening else ""
    source = _source(lines, at, found, glued, title, named, below)
    assert found.iso is not None
    return PageParts(title, found.iso, source, tuple(paragraphs))


def body(lines: list[str], title: str, *, caption_first: bool = False) -> list[str]:
    """The article's paragraphs among `lines` (normalised): boilerplate, labels and repeats of
    the title dropped, up to the footer. With `caption_first`, a short line directly under the
    date (no blank line between) followed by a blank line is a photo caption and dropped too.
    """
    captioned = (
        caption_first
        and len(lines) > 2
        and bool(lines[0])
        and not lines[1]
        and len(lines[0]) <= _MAX_CAPTION
        and not boilerplate.is_boilerplate(lines[0])
        and any(lines[2:])
    )
    start = 1 if captioned else 0
    paragraphs: list[str] = []
    for line in lines[start:]:
        if boilerplate.ends_article(line):
            break
        if not line or line == title or boilerplate.is_boilerplate(line):
            continue
        if boilerplate.is_label(line) or boilerplate.agency(line):
            continue
        paragraphs.append(line if paragraphs else _strip_dateline(line))
    return paragraphs


def _date_line(lines: list[str], origin: str) -> tuple[int, FoundDate]:
    for index, line in enumerate(lines):
        found = find_date(line)
        dateline = find_dateline(line)
        if found is None and dateline is not None and dateline.date is not None:
            found = dateline.date
        if found is None:
            continue
        if len(line) > _MAX_DATE_LINE and (dateline is None or dateline.date is None):
            continue
        if found.iso is None:
            raise PageError(origin, f"invalid date {found.text!r} in line {line!r}")
        return index, found
    raise PageError(origin, MISSING_DATE)


def _glued_title(line: str, found: FoundDate) -> str | None:
    """`…Agreement2017-03-14`: a headline with the date at its end and no label before it."""
    before = line[: found.start].strip()
    if line[found.end :].strip() or _DATE_LABEL.search(before):
        return None
    return before if boilerplate.is_title_like(before) else None


def _title(header: list[str], glued: str | None) -> str | None:
    """A headline printed twice, one glued to the date, the first headline-like line, or else
    the line nearest the date; navigation and site names are short, so they lose to a headline."""
    lines = [line for line in header if line and not boilerplate.is_boilerplate(line)]
    headlines = [line for line in lines if boilerplate.is_title_like(line)]
    if glued:
        headlines.append(glued)
    for choice in (_repeated(headlines), headlines[0] if headlines else None, _repeated(lines)):
        if choice:
            return choice
    return lines[-1] if lines else None


def _repeated(lines: list[str]) -> str | None:
    return next((line for line, count in Counter(lines).items() if count > 1), None)


def _source(
    lines: list[str],
    at: int,
    found: FoundDate,
    glued: str | None,
    title: str,
    dateline_source: str,
    below: list[str],
) -> str:
    """The source the page names, from the most to the least explicit signal; else ""."""
    line = lines[at]
    before, after = line[: found.start], line[found.end :]
    named = _pipe_source(before) if "|" in before else ""
    if named:
        return named
    labelled = _LABELLED_SOURCE.search(line)
    if labelled:
        return labelled["source"].strip()
    if dateline_source:
        return dateline_source
    for text in ("" if glued else before, after):
        name = text.strip(" |-/,")
        if name and len(name) <= 30 and _is_name(name):
            return name
    site = next((line for line in lines[:at] if line), None)
    if (
        site
        and len(site) <= _MAX_SITE_NAME
        and not _SEPARATORS.search(site)
        and site != title
        and not boilerplate.is_boilerplate(site)
        and not boilerplate.is_title_like(site)
    ):
        return site
    for line in below:
        name = boilerplate.agency(line)
        if name:
            return name
    return ""


def _pipe_source(before: str) -> str:
    """`|China Post|`, `By Wang Lei | chinadaily.com.cn | Updated:`: the part that is a name."""
    for part in reversed(before.split("|")):
        name = _SOURCE_LABEL.sub("", part).strip()
        if name and len(name) <= _MAX_SOURCE and _is_name(name):
            return name
    return ""


def _is_name(text: str) -> bool:
    """Not a label (`Updated:`, `发布时间:`), a byline (`By …`, `Staff Reporter`) or a widget."""
    return not _DATE_LABEL.search(text) and not boilerplate.is_boilerplate(text)


def _strip_dateline(paragraph: str) -> str:
    dateline = find_dateline(paragraph)
    if dateline is None:
        return paragraph
    rest = paragraph[dateline.end :].strip()
    return rest or paragraph
