"""Dates in a sentence, resolved against the article's published date.

``On June 28``, ``15 October``, ``12月9日`` take the published year, or the year before when
that would put them after publication (a December signing reported in January). ``on
Wednesday`` is the last such day on or before publication, ``today``/``今日`` the published
date itself. A month without a day (``last December``, ``2024年12月``) is a partial date
``YYYY-MM``; a bare year (``in 2009``) only tells that a signing is old (see `is_historical`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from corpus.text import MONTH_NAMES, MONTHS

_FULL_MONTHS = frozenset(names[0] for names in MONTH_NAMES)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_EN_DAY = re.compile(
    rf"\b(?:(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH})\b\.?)"
    r"(?:,?\s+(?P<year>(?:19|20)\d{2})\b|\s+(?P<last>last\s+year)\b)?",
    re.IGNORECASE,
)
_EN_WEEKDAY = re.compile(rf"\b(?:on|last|this)\s+(?P<weekday>{'|'.join(_WEEKDAYS)})\b", re.I)
_EN_TODAY = re.compile(r"\b(?P<word>today|yesterday)\b", re.IGNORECASE)
_EN_MONTH = re.compile(
    rf"\b(?P<last>last\s+)?(?P<month>{_MONTH})\b\.?(?:,?\s+(?P<year>(?:19|20)\d{{2}})\b)?",
    re.IGNORECASE,
)
_EN_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d{2})\b(?!\s*-\s*\d)")

_ZH_DAY = re.compile(
    r"(?:(?P<year>\d{4})\s*年\s*|(?P<last>去年))?(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*[日号]"
)
_ZH_MONTH = re.compile(
    r"(?:(?P<year>\d{4})\s*年\s*|(?P<last>去年))?(?P<month>\d{1,2})\s*月(?!\s*\d)"
)
_ZH_YEAR = re.compile(r"(?P<year>\d{4})\s*年(?!\s*\d{1,2}\s*月)")
_ZH_TODAY = re.compile(r"(?P<word>今天|今日|昨天|昨日)")

UNDATED_EN = re.compile(r"\b(?:recently|lately|not long ago|later|afterwards)\b", re.IGNORECASE)
UNDATED_ZH = re.compile(r"近日|日前|近期|不久前|此前")
# A signing told as the past of the story, with no date: "last year", "five years ago".
LONG_AGO_EN = re.compile(r"\b(?:last year|years ago|a year ago|the previous year)\b", re.I)
LONG_AGO_ZH = re.compile(r"去年(?!\d{1,2}月)|多年前|年前")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found in a sentence: `value` is YYYY-MM-DD, YYYY-MM or YYYY (`precision`)."""

    start: int
    value: str
    precision: str  # "day", "month" or "year"


def find_dates(text: str, published: str, zh: bool) -> list[DateMention]:
    """Every date in `text`, in order, resolved against `published` (YYYY-MM-DD)."""
    pub = date.fromisoformat(published)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(match: re.Match[str], value: str | None, precision: str) -> None:
        span = match.span()
        if any(s < span[1] and span[0] < e for s, e in taken):
            return
        taken.append(span)  # "February 30" is no date, and no month "February" either
        if value is not None:
            found.append(DateMention(span[0], value, precision))

    if zh:
        for m in _ZH_DAY.finditer(text):
            year = str(pub.year - 1) if m["last"] else m["year"]
            add(m, _day(year, int(m["month"]), int(m["day"]), pub), "day")
        for m in _ZH_TODAY.finditer(text):
            add(m, _relative(m["word"] in ("昨天", "昨日"), pub), "day")
        for m in _ZH_MONTH.finditer(text):
            add(m, _month(m["year"], int(m["month"]), pub, bool(m["last"])), "month")
        for m in _ZH_YEAR.finditer(text):
            add(m, m["year"], "year")
    else:
        for m in _EN_DAY.finditer(text):
            month = MONTHS[(m["month"] or m["month2"]).lower()]
            year = str(pub.year - 1) if m["last"] else m["year"]
            add(m, _day(year, month, int(m["day"] or m["day2"]), pub), "day")
        for m in _EN_WEEKDAY.finditer(text):
            back = (pub.weekday() - _WEEKDAYS.index(m["weekday"].lower())) % 7
            add(m, (pub - timedelta(days=back)).isoformat(), "day")
        for m in _EN_TODAY.finditer(text):
            add(m, _relative(m["word"].lower() == "yesterday", pub), "day")
        for m in _EN_MONTH.finditer(text):
            name = m["month"].lower()
            bare = name not in _FULL_MONTHS or (name == "may" and not m["last"])
            if bare and not m["year"]:
                continue  # "Han Jun" the name, "may" the verb: not months without a year
            add(m, _month(m["year"], MONTHS[m["month"].lower()], pub, bool(m["last"])), "month")
        for m in _EN_YEAR.finditer(text):
            add(m, m["year"], "year")
    return sorted(found, key=lambda d: d.start)


def is_old_news(sentence: str, published: str, zh: bool) -> bool:
    """Whether a sentence tells of a signing long before the article ("in 2009", "去年")."""
    mentions = find_dates(sentence, published, zh)
    if any(m.precision == "day" and not is_historical(m, published) for m in mentions):
        return False  # "on December 28 last year" is this story's signing
    if (LONG_AGO_ZH if zh else LONG_AGO_EN).search(sentence):
        return True
    return any(is_historical(m, published) for m in mentions)


def is_historical(mention: DateMention, published: str) -> bool:
    """Whether a signing on `mention` is old news for an article published on `published`.

    A bare earlier year, a month more than six months back, or a day more than 183 days back.
    """
    pub = date.fromisoformat(published)
    if mention.precision == "year":
        return int(mention.value) < pub.year
    if mention.precision == "month":
        year, month = map(int, mention.value.split("-"))
        return (pub.year - year) * 12 + pub.month - month > 6
    return (pub - date.fromisoformat(mention.value)).days > 183


def _day(year: str | None, month: int, day: int, pub: date) -> str | None:
    try:
        found = date(int(year) if year else pub.year, month, day)
        if not year and found > pub:
            found = date(pub.year - 1, month, day)
    except ValueError:
        return None
    return found.isoformat()


def _month(year: str | None, month: int, pub: date, last: bool) -> str | None:
    if not 1 <= month <= 12:
        return None
    if year:
        return f"{int(year):04d}-{month:02d}"
    if last:
        return f"{pub.year - 1 if month >= pub.month else pub.year:04d}-{month:02d}"
    return f"{pub.year - 1 if month > pub.month else pub.year:04d}-{month:02d}"


def _relative(yesterday: bool, pub: date) -> str:
    return (pub - timedelta(days=1 if yesterday else 0)).isoformat()
