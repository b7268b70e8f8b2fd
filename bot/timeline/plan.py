"""Where each mark of the timeline goes: row by partner kind, lane, label and its side.

Pure layout, no plotting library: the picture is `WIDTH` pixels wide, a date maps to a pixel
column of the plot area, and labels are given lanes within their row so that none overlaps
another. Text widths are estimated generously from the characters (a CJK character is one
em wide, a Latin one at most 0.62 em), so the drawing never needs a renderer to lay out.
"""

from __future__ import annotations

import bisect
import contextlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from corpus.agreements import AgreementEntry
from corpus.partners import PartnerKind, describe_partner, short_name

WIDTH = 1280  # pixels
DPI = 100
LEFT = 150  # pixels for the row names
RIGHT = 40
TOP = 110  # title and legend
BOTTOM = 60  # the date axis
PLOT_WIDTH = WIDTH - LEFT - RIGHT
LANE = 32  # pixels between lanes of a row
ROW_PAD = 14  # pixels above and below a row's lanes
MAX_LANES = 8  # per row; a label that finds no free lane is left out
LABEL_PX = 16.0  # label font size in pixels (at least 14 for a phone)
MARK_RADIUS = 7.0  # pixels
LABEL_GAP = 6.0  # pixels between a mark and its label
_MIN_SPAN = timedelta(days=365)
_PAD_SHARE = 0.04  # of the span, before the first and after the last date

ROW_NAMES: dict[PartnerKind, dict[str, str]] = {
    PartnerKind.GOVERNMENT: {"en": "Governments", "zh": "地方政府"},
    PartnerKind.MINISTRY: {"en": "Ministries", "zh": "部委"},
    PartnerKind.COMPANY: {"en": "Companies", "zh": "企业"},
    PartnerKind.BANK: {"en": "Banks", "zh": "银行"},
    PartnerKind.POSTAL_OPERATOR: {"en": "Foreign posts", "zh": "境外邮政"},
    PartnerKind.OTHER: {"en": "Other", "zh": "其他"},
}


@dataclass(frozen=True, slots=True)
class Mark:
    """One agreement on the timeline."""

    day: date  # the signing date (mid-month if only the month is known), else the publication
    signed: bool  # False: only the publication date is known (a hollow mark)
    when: str  # the date as the agreement gives it: YYYY-MM-DD, or YYYY-MM
    kind: PartnerKind
    name: str  # the partner's short name
    x: float  # pixels from the plot area's left edge
    lane: int  # from 0, the top lane of its row
    labelled: bool  # False when no lane had room for the name
    label_left: bool  # the name stands left of the mark (near the right edge)
    numbers: tuple[int, ...]  # the agreements' numbers in the list (one mark may stand for two)
    drawn: bool = True  # False when the mark would cover a name wherever it went


@dataclass(frozen=True, slots=True)
class Row:
    """One partner kind's band: its lanes, from the top of the plot area down."""

    kind: PartnerKind
    top: float  # pixels from the plot area's top
    lanes: int

    @property
    def height(self) -> float:
        return self.lanes * LANE + 2 * ROW_PAD

    def lane_y(self, lane: int) -> float:
        """The pixel row (from the plot area's top) of lane `lane`'s centre."""
        return self.top + ROW_PAD + (lane + 0.5) * LANE


@dataclass(frozen=True, slots=True)
class TimelinePlan:
    """Everything the drawing needs, in pixels, and what the caption says."""

    marks: tuple[Mark, ...]
    rows: tuple[Row, ...]
    start: date  # the plot area's left edge
    end: date  # its right edge
    first: str  # the earliest agreement's date, as it gives it
    last: str  # the latest's
    count: int  # agreements shown (a mark standing for two counts two)
    query: str  # the filter that chose them, "" for none
    lang: str

    @property
    def plot_height(self) -> float:
        return sum(row.height for row in self.rows)

    @property
    def height(self) -> int:
        """The picture's height in pixels."""
        return round(TOP + self.plot_height + BOTTOM)

    @property
    def unlabelled(self) -> int:
        """Marks drawn without their name, for lack of room."""
        return sum(1 for mark in self.marks if mark.drawn and not mark.labelled)

    @property
    def hidden(self) -> int:
        """Marks not drawn at all, for lack of room."""
        return sum(1 for mark in self.marks if not mark.drawn)

    def row(self, kind: PartnerKind) -> Row:
        return next(row for row in self.rows if row.kind is kind)


def plan_timeline(entries: Sequence[AgreementEntry], lang: str, query: str = "") -> TimelinePlan:
    """Lay out `entries` (at least one) as marks in rows, lanes and labels.

    Args:
        entries: the agreements to show, in any order.
        lang: "en" or "zh", for the row names, title and caption.
        query: the filter that chose them, named in the title and caption.

    Returns:
        The plan; agreements with the same partner, kind and date share one mark.
    """
    if not entries:
        raise ValueError("a timeline needs at least one agreement")
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh', not {lang!r}")
    points = _merged(entries)
    earliest, latest = min(points), max(points)
    first, last = earliest[0], latest[0]
    span = max(last - first, _MIN_SPAN)
    pad = span * _PAD_SHARE
    start, end = first - pad, last + pad
    if last - first < _MIN_SPAN:
        middle = first + (last - first) / 2
        start, end = middle - span / 2 - pad, middle + span / 2 + pad
    marks: list[Mark] = []
    rows: list[Row] = []
    top = 0.0
    for kind in PartnerKind:
        kind_points = sorted((p for p in points if p[3] is kind), key=lambda p: (p[0], p[4]))
        if not kind_points:
            continue
        placed = _place(kind_points, start, end)
        used = (
            max(mark.lane for mark in placed if mark.drawn) + 1
            if any(m.drawn for m in placed)
            else 1
        )
        rows.append(Row(kind=kind, top=top, lanes=used))
        top += rows[-1].height
        marks.extend(placed)
    return TimelinePlan(
        marks=tuple(marks),
        rows=tuple(rows),
        start=start,
        end=end,
        first=earliest[2],
        last=latest[2],
        count=len(entries),
        query=query,
        lang=lang,
    )


def label_width(text: str) -> float:
    """A generous estimate of `text`'s width in pixels at the label size."""
    ems = 0.0
    for char in text:
        if unicodedata.east_asian_width(char) in "WF":
            ems += 1.0
        elif char.isspace():
            ems += 0.3
        elif char.isupper() or char in "mwMW@%&":
            ems += 0.72
        else:
            ems += 0.62
    return ems * LABEL_PX


def x_of(day: date, start: date, end: date) -> float:
    """The pixel column of `day` in a plot area from `start` to `end`."""
    return (day - start) / (end - start) * PLOT_WIDTH


# (day, signed, when, kind, name, numbers)
_Point = tuple[date, bool, str, PartnerKind, str, tuple[int, ...]]


def _merged(entries: Sequence[AgreementEntry]) -> list[_Point]:
    """One point per partner, kind and date: the same agreement told twice is one mark."""
    points: dict[tuple[date, bool, str, PartnerKind, str], list[int]] = {}
    for entry in entries:
        partner = describe_partner(entry.parties)
        if partner is None:  # every party is China Post's: show the last one
            kind, name = PartnerKind.OTHER, short_name(entry.parties[-1])
        else:
            kind, name = partner.kind, partner.short
        points.setdefault((*_dated(entry), kind, name), []).append(entry.number)
    return [(*key, tuple(numbers)) for key, numbers in points.items()]


def _dated(entry: AgreementEntry) -> tuple[date, bool, str]:
    """Where the entry goes on the time axis, whether it was signed then, and that date's text."""
    signed = entry.signed_on or ""
    # A malformed signing date counts as none: the publication date is drawn instead.
    with contextlib.suppress(ValueError):
        if len(signed) == len("YYYY-MM-DD"):
            return date.fromisoformat(signed), True, signed
        if len(signed) == len("YYYY-MM"):
            year, month = (int(part) for part in signed.split("-"))
            return date(year, month, 15), True, signed
    return date.fromisoformat(entry.published), False, entry.published


def _place(points: list[_Point], start: date, end: date) -> list[Mark]:
    """Give each point the first lane where its mark and label overlap nothing.

    Failing that, the first lane with room for the mark alone (its name left out); failing
    that, a lane where it covers only other marks, never a name; failing that, it is not
    drawn.
    """
    lanes = [_Lane() for _ in range(MAX_LANES)]
    marks = []
    for day, signed, when, kind, name, numbers in points:
        x = x_of(day, start, end)
        dot = (x - MARK_RADIUS, x + MARK_RADIUS)
        width = label_width(name)
        label_left = x + MARK_RADIUS + LABEL_GAP + width > PLOT_WIDTH
        if label_left:
            text = (x - MARK_RADIUS - LABEL_GAP - width, x - MARK_RADIUS - LABEL_GAP)
        else:
            text = (x + MARK_RADIUS + LABEL_GAP, x + MARK_RADIUS + LABEL_GAP + width)
        whole = (min(dot[0], text[0]), max(dot[1], text[1]))
        lane = _free_lane(lanes, whole)
        labelled, drawn = lane is not None, True
        if lane is not None:
            lanes[lane].solid.take(whole)
            lanes[lane].names.take(text)
        else:
            lane = _free_lane(lanes, dot)
            if lane is not None:
                lanes[lane].solid.take(dot)
            else:
                lane = _free_lane(lanes, dot, names_only=True)
                drawn = lane is not None
        marks.append(
            Mark(
                day,
                signed,
                when,
                kind,
                name,
                x,
                lane or 0,
                labelled,
                label_left and labelled,
                numbers,
                drawn,
            )
        )
    return marks


class _Spans:
    """Pixel spans in use: disjoint, kept sorted by where they start."""

    _MARGIN = 8.0  # pixels kept free between neighbours

    def __init__(self) -> None:
        self.starts: list[float] = []
        self.ends: list[float] = []

    def is_free(self, span: tuple[float, float]) -> bool:
        # Disjoint spans sorted by start have sorted ends too: only the last span starting
        # before this one ends can reach into it.
        before = bisect.bisect_left(self.starts, span[1] + self._MARGIN) - 1
        return before < 0 or self.ends[before] + self._MARGIN <= span[0]

    def take(self, span: tuple[float, float]) -> None:
        at = bisect.bisect_left(self.starts, span[0])
        self.starts.insert(at, span[0])
        self.ends.insert(at, span[1])


class _Lane:
    """One lane of a row: what its marks and names cover, and what its names alone cover."""

    def __init__(self) -> None:
        self.solid = _Spans()
        self.names = _Spans()


def _free_lane(
    lanes: list[_Lane], span: tuple[float, float], *, names_only: bool = False
) -> int | None:
    """The first lane where `span` covers nothing (with `names_only`, no name)."""
    for index, lane in enumerate(lanes):
        if (lane.names if names_only else lane.solid).is_free(span):
            return index
    return None


# Plain text: the filter is the only thing filled in from a person.
TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "China Post's cooperation agreements, {first}–{last}",
        "title_filtered": "China Post's cooperation agreements matching “{query}”, {first}–{last}",
        "signed": "signing date",
        "published": "publication date only",
        "caption": "{count} agreements, from {first} to {last}. Send /agreements for the list.",
        "caption_one": "1 agreement, dated {first}. Send /agreements for the list.",
        "caption_filtered": (
            "{count} agreements matching “{query}”, from {first} to {last}. "
            "Send /agreements {query} for the list."
        ),
        "caption_one_filtered": (
            "1 agreement matching “{query}”, dated {first}. Send /agreements {query} for the list."
        ),
        "unlabelled": " The names of {count} crowded marks are left out.",
        "hidden": " {count} more agreements are too crowded to draw.",
    },
    "zh": {
        "title": "中国邮政合作协议（{first}–{last}）",
        "title_filtered": "与“{query}”相符的中国邮政合作协议（{first}–{last}）",
        "signed": "签署日期",
        "published": "仅知发布日期",
        "caption": "共 {count} 项协议，时间从 {first} 到 {last}。发送 /agreements 查看列表。",
        "caption_one": "共 1 项协议，日期为 {first}。发送 /agreements 查看列表。",
        "caption_filtered": (
            "与“{query}”相符的协议共 {count} 项，时间从 {first} 到 {last}。"
            "发送 /agreements {query} 查看列表。"
        ),
        "caption_one_filtered": (
            "与“{query}”相符的协议共 1 项，日期为 {first}。发送 /agreements {query} 查看列表。"
        ),
        "unlabelled": "有 {count} 个标记过于拥挤，未标名称。",
        "hidden": "另有 {count} 项协议过于拥挤，未画出。",
    },
}


def text(plan: TimelinePlan, key: str, **values: object) -> str:
    """One of the texts above in the plan's language, filled with the plan's dates and filter."""
    template = TEXTS[plan.lang][key]
    return template.format(query=plan.query, first=plan.first, last=plan.last, **values)


def title(plan: TimelinePlan) -> str:
    """The picture's title: what it shows and the years it spans."""
    key = "title_filtered" if plan.query else "title"
    return TEXTS[plan.lang][key].format(query=plan.query, first=plan.first[:4], last=plan.last[:4])


def caption(plan: TimelinePlan) -> str:
    """The photo's caption: how many agreements, from when to when, and /agreements for the list."""
    one = plan.count == 1
    key = ("caption_one" if one else "caption") + ("_filtered" if plan.query else "")
    words = text(plan, key, count=plan.count)
    if plan.unlabelled:
        words += text(plan, "unlabelled", count=plan.unlabelled)
    if plan.hidden:
        words += text(plan, "hidden", count=plan.hidden)
    return words
