"""Find a page's publication date in the many ways news sites print one.

`|China Post|2022-06-29`, `…Agreement2017-03-14`, `记者 张宁2024-05-10来源:中国邮政报`,
`發佈時間:2025-03-31 11:20`, `2024年3月7日`, `Wed, Nov 27, 2019 - 4:05 PM`,
`November 27, 2019 / 1:39 PM`, `19 October 2020 | Staff Reporter`, `Posted on March 3, 2021`,
`Bishkek, 28.04.22.` and `BEIJING, Nov 27 (Reuters) -` (a dateline, which also names the source).
Text is expected in NFKC (`normalize`), so full-width digits and colons are plain ASCII.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from corpus.text import MONTHS

_MONTH = r"(?P<month_name>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_TIME = r"(?:\s*[,/-]?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?"
# Each pattern names year, month (or month_name) and day; the first match in a line wins.
_PATTERNS = tuple(
    re.compile(pattern + _TIME, re.IGNORECASE)
    for pattern in (
        # 2022-06-29, 2021/7/3, 2023年3月15日, glued to a word: Agreement2017-03-14
        r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*[-/.年]\s*(?P<month>\d{1,2})\s*[-/.月]\s*"
        r"(?P<day>\d{1,2})(?!\d)\s*日?",
        # Wed, Nov 27, 2019 / November 27, 2019
        rf"\b{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{{2}})\b",
        # 19 October 2020
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>(?:19|20)\d{{2}})\b",
        # 28.04.22 / 28.04.2022
        r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)?\d{2})(?![\d])",
    )
)
# `BEIJING, Nov 27 (Reuters) - `, `Bishkek, 28.04.22. /KG News/. `: a place, a date (perhaps
# with no year), a source in brackets or slashes, at the start of the first paragraph.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'-]{1,30}),\s*"
    r"(?P<date>(?:[A-Za-z]{3,9}\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\.\d{1,2}\.\d{2,4}|"
    r"\d{1,2}\s+[A-Za-z]{3,9}(?:\s+\d{4})?))\.?\s*"
    r"(?:/(?P<slashed>[^/]{2,40})/\.?|\((?P<bracketed>[^)]{2,40})\))?\s*(?:[-–—]+\s*)?"
)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in a line: `iso` is YYYY-MM-DD, or None when no such day exists."""

    iso: str | None
    start: int
    end: int  # after the date and any time that follows it
    text: str  # the date as written


@dataclass(frozen=True, slots=True)
class Dateline:
    """A news dateline opening a paragraph: the date (None without a year) and the source."""

    date: FoundDate | None
    source: str
    end: int  # where the paragraph's own text starts


def find_date(line: str) -> FoundDate | None:
    """Return the first full date (day, month and year) in `line`, or None.

    Args:
        line: one normalised line of a page.

    Returns:
        The date with its place in the line; its `iso` is None when the date is impossible
        (2024-02-30), so the caller can say so.
    """
    found: list[FoundDate] = []
    for number, pattern in enumerate(_PATTERNS):
        match = pattern.search(line)
        if match is None:
            continue
        iso = _iso(match)
        # Only a written-out year-month-day is surely a date when impossible (2024-02-30);
        # "0.2.10" is a version number, not a bad date.
        if iso is not None or number == 0:
            found.append(FoundDate(iso, match.start(), match.end(), match.group(0).strip()))
    return min(found, key=lambda f: f.start, default=None)


def find_dateline(paragraph: str) -> Dateline | None:
    """Return the dateline that opens `paragraph` (`BEIJING, Nov 27 (Reuters) -`), or None."""
    match = _DATELINE.match(paragraph)
    if match is None:
        return None
    source = (match["slashed"] or match["bracketed"] or "").strip()
    if not source and not re.search(r"[-–—]\s*$", match.group(0)):
        return None  # "Beijing, March 3" in a sentence, not a dateline
    return Dateline(find_date(match["date"]), source, match.end())


def _iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if year < 100:
        year += 2000
    month = (
        MONTHS[groups["month_name"].lower()] if groups.get("month_name") else int(groups["month"])
    )
    try:
        return date(year, month, int(groups["day"])).isoformat()
    except ValueError:
        return None
