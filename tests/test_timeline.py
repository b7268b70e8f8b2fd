"""The timeline's layout and picture: rows, marks, labels, size, fonts, and what it imports."""

from __future__ import annotations

import dataclasses
import itertools
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from agreement_records import MIXED_CORPUS
from bot_fixtures import make_agreements

from bot.timeline.plan import (
    LABEL_GAP,
    MARK_RADIUS,
    MAX_LANES,
    PLOT_WIDTH,
    ROW_NAMES,
    WIDTH,
    caption,
    label_width,
    plan_timeline,
    title,
)
from corpus.agreements import AgreementEntry, list_agreements
from corpus.partners import PartnerKind, describe_partner

ENTRIES = list_agreements(MIXED_CORPUS)


def _many(count: int) -> list[AgreementEntry]:
    """`count` agreements with companies, two years apart at most, every third undated."""
    first = date(2022, 1, 1)
    return [
        dataclasses.replace(
            entry,
            published=(first + timedelta(days=n * 730 // count)).isoformat(),
            signed_on=None
            if n % 3 == 0
            else (first + timedelta(days=n * 730 // count)).isoformat(),
        )
        for n, entry in enumerate(make_agreements(count))
    ]


ROOT = Path(__file__).resolve().parents[1]


def _png_size(png: bytes) -> tuple[int, int]:
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and png[12:16] == b"IHDR"
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def test_plan_one_row_per_partner_kind_present_in_kind_order() -> None:
    plan = plan_timeline(ENTRIES, "en")
    kinds = {describe_partner(e.parties).kind for e in ENTRIES}
    assert [row.kind for row in plan.rows] == [k for k in PartnerKind if k in kinds]
    tops = [row.top for row in plan.rows]
    assert tops == sorted(tops) and tops[0] == 0


def test_plan_marks_are_the_partners_short_names_on_their_rows() -> None:
    plan = plan_timeline(ENTRIES, "en")
    expected = {
        (describe_partner(e.parties).kind, describe_partner(e.parties).short) for e in ENTRIES
    }
    assert {(m.kind, m.name) for m in plan.marks} == expected
    assert plan.count == len(ENTRIES)


def test_plan_hollow_mark_where_only_the_published_date_is_known() -> None:
    plan = plan_timeline(ENTRIES, "en")
    for mark in plan.marks:
        (entry,) = [e for e in ENTRIES if e.number in mark.numbers]
        assert mark.signed is (entry.signed_on is not None)
        assert mark.day.isoformat() == (entry.signed_on or entry.published)


def test_plan_dates_run_left_to_right_inside_the_plot() -> None:
    plan = plan_timeline(ENTRIES, "en")
    ordered = sorted(plan.marks, key=lambda m: m.day)
    xs = [m.x for m in ordered]
    assert xs == sorted(xs)
    assert xs[0] > 0 and xs[-1] < PLOT_WIDTH


def _label_span(mark) -> tuple[float, float]:
    width = label_width(mark.name)
    if mark.label_left:
        return (mark.x - MARK_RADIUS - LABEL_GAP - width, mark.x + MARK_RADIUS)
    return (mark.x - MARK_RADIUS, mark.x + MARK_RADIUS + LABEL_GAP + width)


@pytest.mark.parametrize("count", [3, 23, 60, 400])
def test_plan_labels_in_one_lane_never_overlap(count: int) -> None:
    plan = plan_timeline(_many(count), "en")
    labelled = [m for m in plan.marks if m.labelled]
    assert labelled
    for a, b in itertools.combinations(labelled, 2):
        if a.kind is b.kind and a.lane == b.lane:
            (a0, a1), (b0, b1) = _label_span(a), _label_span(b)
            assert a1 <= b0 or b1 <= a0, (a.name, b.name)
    for mark in labelled:
        start, end = _label_span(mark)
        assert start >= -MARK_RADIUS and end <= PLOT_WIDTH + MARK_RADIUS
    assert all(row.lanes <= MAX_LANES for row in plan.rows)


def test_plan_crowded_marks_lose_names_or_go_and_the_caption_says_so() -> None:
    plan = plan_timeline(_many(100), "en")
    assert plan.unlabelled > 0 and plan.hidden > 0
    assert caption(plan).endswith(
        f". The names of {plan.unlabelled} crowded marks are left out. "
        f"{plan.hidden} more agreements are too crowded to draw."
    )
    assert plan.count == 100


@pytest.mark.parametrize("count", [60, 100, 3000])
def test_plan_no_mark_covers_a_name(count: int) -> None:
    plan = plan_timeline(_many(count), "en")
    labelled = [m for m in plan.marks if m.labelled]
    for mark in (m for m in plan.marks if m.drawn and not m.labelled):
        dot = (mark.x - MARK_RADIUS, mark.x + MARK_RADIUS)
        for other in labelled:
            if other.kind is mark.kind and other.lane == mark.lane:
                start, end = _label_span(other)
                name = (
                    (start, other.x - MARK_RADIUS)
                    if other.label_left
                    else (other.x + MARK_RADIUS, end)
                )
                assert dot[1] <= name[0] or name[1] <= dot[0], (mark.name, other.name)


def test_plan_same_agreement_told_twice_is_one_mark() -> None:
    twice = [*ENTRIES[:1], dataclasses.replace(ENTRIES[0], number=99, article_id="copy")]
    plan = plan_timeline(twice, "en")
    assert len(plan.marks) == 1
    assert plan.marks[0].numbers == (ENTRIES[0].number, 99)
    assert plan.count == 2


def test_plan_month_only_signing_date_is_a_filled_mark_mid_month() -> None:
    month_only = dataclasses.replace(ENTRIES[0], signed_on="2024-07")
    (mark,) = plan_timeline([month_only], "en").marks
    assert (mark.day, mark.signed, mark.when) == (date(2024, 7, 15), True, "2024-07")
    assert caption(plan_timeline([month_only], "en")).startswith("1 agreement, dated 2024-07.")


def test_plan_without_agreements_is_an_error() -> None:
    with pytest.raises(ValueError, match="at least one agreement"):
        plan_timeline([], "en")


def test_caption_says_how_many_from_when_and_points_to_agreements() -> None:
    plan = plan_timeline(ENTRIES, "en")
    days = sorted((e.signed_on or e.published) for e in ENTRIES)
    assert caption(plan) == (
        f"{len(ENTRIES)} agreements, from {days[0]} to {days[-1]}. Send /agreements for the list."
    )


def test_caption_with_a_filter_repeats_it_in_the_command() -> None:
    plan = plan_timeline(ENTRIES[:1], "zh", "江苏")
    assert caption(plan).startswith("与“江苏”相符的协议共 1 项")
    assert "/agreements 江苏" in caption(plan)
    assert title(plan).startswith("与“江苏”相符的中国邮政合作协议")


# The picture itself: these import matplotlib.


@pytest.fixture(scope="module")
def drawing():
    from bot.timeline import drawing

    return drawing


def _texts(figure) -> list:
    from matplotlib.text import Text

    return [t for t in figure.findobj(Text) if t.get_text().strip()]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_figure_labels_come_from_the_agreements(drawing, lang: str) -> None:
    plan = plan_timeline(ENTRIES, lang)
    shown = {t.get_text() for t in _texts(drawing.timeline_figure(plan))}
    assert {m.name for m in plan.marks} <= shown
    assert {ROW_NAMES[row.kind][lang] for row in plan.rows} <= shown
    assert title(plan) in shown


def test_figure_text_is_readable_on_a_phone(drawing) -> None:
    figure = drawing.timeline_figure(plan_timeline(ENTRIES, "en"))
    sizes = [t.get_fontsize() * figure.dpi / 72 for t in _texts(figure)]
    assert sizes and min(sizes) >= 14


def test_figure_every_character_is_in_the_font(drawing) -> None:
    from matplotlib.ft2font import FT2Font

    charmap = FT2Font(drawing.font_path()).get_charmap()
    for lang in ("en", "zh"):
        figure = drawing.timeline_figure(plan_timeline(ENTRIES, lang, "2019-2026"))
        text = "".join(t.get_text() for t in _texts(figure))
        assert any("\u4e00" <= c <= "\u9fff" for c in text)
        missing = {c for c in text if not c.isspace() and ord(c) not in charmap}
        assert missing == set()
        families = {t.get_fontfamily()[0] for t in _texts(figure)}
        assert families == {"Noto Sans SC"}


def test_figure_labels_do_not_overlap_when_drawn(drawing) -> None:
    plan = plan_timeline(_many(60) + ENTRIES, "en")
    figure = drawing.timeline_figure(plan)
    renderer = figure.canvas.get_renderer()
    names = {m.name for m in plan.marks}
    boxes = [t.get_window_extent(renderer) for t in _texts(figure) if t.get_text() in names]
    assert len(boxes) == sum(1 for m in plan.marks if m.labelled)
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b)
    assert all(box.x0 >= 0 and box.x1 <= WIDTH for box in boxes)


def test_png_is_valid_and_of_the_stated_size(drawing) -> None:
    from bot.timeline.pictures import make_picture

    picture = make_picture(ENTRIES, "en")
    assert _png_size(picture.png) == (WIDTH, picture.height) == (1280, picture.height)
    assert picture.height == plan_timeline(ENTRIES, "en").height
    assert 200 < picture.height < 2000


def test_answering_and_the_bot_do_not_import_matplotlib() -> None:
    script = (
        "import sys\n"
        "import bot.app, bot.handlers, bot.cli, bot.cli.timeline\n"
        "import bot.timeline.handlers, bot.timeline.pictures, bot.timeline.plan\n"
        "from answers import Answerer\n"
        "answer = Answerer.load().answer('When did China Post sign with Jilin?')\n"
        "assert answer.answered, answer\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_timeline_of_the_fixture_pages_names_every_partner(drawing) -> None:
    from bot.timeline.pictures import make_picture
    from corpus.build import build_corpus

    pages = ROOT.parent / "shared" / "fixtures" / "pages"
    entries = list_agreements(build_corpus([ROOT / "corpus" / "raw", pages]).articles)
    assert len(entries) >= 20
    plan = plan_timeline(entries, "en")
    assert plan.unlabelled == 0
    kinds = {row.kind for row in plan.rows}
    assert {PartnerKind.GOVERNMENT, PartnerKind.MINISTRY, PartnerKind.COMPANY} <= kinds
    assert PartnerKind.POSTAL_OPERATOR in kinds
    shown = {t.get_text() for t in _texts(drawing.timeline_figure(plan))}
    assert {describe_partner(e.parties).short for e in entries} <= shown
    assert make_picture(entries, "en").caption.startswith(f"{len(entries)} agreements, from ")


def test_pictures_drawn_in_threads_at_once_are_the_same_as_one_by_one(drawing) -> None:
    from concurrent.futures import ThreadPoolExecutor

    plans = [plan_timeline(ENTRIES, lang) for lang in ("en", "zh", "en", "zh")]
    one_by_one = [drawing.png_bytes(plan) for plan in plans]
    with ThreadPoolExecutor(max_workers=4) as pool:
        at_once = list(pool.map(drawing.png_bytes, plans))
    assert at_once == one_by_one
    assert one_by_one[0] != one_by_one[1]
