"""The timeline picture, drawn with matplotlib's Agg canvas from a `TimelinePlan`.

Importing this module imports matplotlib, so only the code that makes a picture imports it.
No pyplot: a `Figure` on its own `FigureCanvasAgg`, drawn in a worker thread. matplotlib's
settings (`rcParams`) are global, so one picture is drawn at a time (`_DRAWING`). Every text
is set in Noto Sans SC (SIL Open Font License), which has Latin, Simplified and Traditional
Chinese characters; it comes from the `pylopdf-fonts-zh-cn` package.
"""

from __future__ import annotations

import io
import threading
from datetime import date, datetime, time
from functools import cache

import matplotlib
import pylopdf_fonts_zh_cn
from matplotlib import dates as mdates
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from bot.timeline.plan import (
    BOTTOM,
    DPI,
    LABEL_GAP,
    LABEL_PX,
    LEFT,
    MARK_RADIUS,
    PLOT_WIDTH,
    ROW_NAMES,
    WIDTH,
    TimelinePlan,
    text,
    title,
)
from corpus.partners import PartnerKind

__all__ = ["font_path", "png_bytes", "timeline_figure"]

_POINTS_PER_PIXEL = 72 / DPI
_COLOURS = {
    PartnerKind.GOVERNMENT: "#1f77b4",
    PartnerKind.MINISTRY: "#9467bd",
    PartnerKind.COMPANY: "#d62728",
    PartnerKind.BANK: "#2ca02c",
    PartnerKind.POSTAL_OPERATOR: "#ff7f0e",
    PartnerKind.OTHER: "#7f7f7f",
}
_BAND = "#f3f4f6"
_TEXT = "#1f2328"
_TITLE_PX = 22.0
_DRAWING = threading.RLock()  # rc_context changes matplotlib's global settings
_AXIS_PX = 16.0


def font_path() -> str:
    """The font file every text of the picture is set in."""
    return str(pylopdf_fonts_zh_cn.sans_path())


@cache
def _font_family() -> str:
    path = font_path()
    font_manager.fontManager.addfont(path)
    return font_manager.FontProperties(fname=path).get_name()


def timeline_figure(plan: TimelinePlan) -> Figure:
    """The picture of `plan` as a figure `WIDTH` pixels wide and `plan.height` high."""
    family = _font_family()
    with _DRAWING, matplotlib.rc_context({"font.family": [family]}):
        figure = Figure(figsize=(WIDTH / DPI, plan.height / DPI), dpi=DPI, facecolor="white")
        FigureCanvasAgg(figure)
        axes = figure.add_axes(
            (
                LEFT / WIDTH,
                BOTTOM / plan.height,
                PLOT_WIDTH / WIDTH,
                plan.plot_height / plan.height,
            )
        )
        _draw_rows(axes, plan)
        _draw_marks(axes, plan)
        _draw_axis(axes, plan)
        _draw_title_and_legend(figure, plan)
    return figure


def png_bytes(plan: TimelinePlan) -> bytes:
    """The picture of `plan` as PNG."""
    buffer = io.BytesIO()
    with _DRAWING, matplotlib.rc_context({"font.family": [_font_family()]}):
        figure = timeline_figure(plan)
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _pt(pixels: float) -> float:
    return pixels * _POINTS_PER_PIXEL


def _when(day: date) -> float:
    return float(mdates.date2num(datetime.combine(day, time())))


def _draw_rows(axes: Axes, plan: TimelinePlan) -> None:
    # y runs in pixels from the plot area's top (0) down to its bottom.
    axes.set_xlim(_when(plan.start), _when(plan.end))
    axes.set_ylim(plan.plot_height, 0)
    for index, row in enumerate(plan.rows):
        if index % 2 == 0:
            axes.axhspan(row.top, row.top + row.height, color=_BAND, zorder=0, linewidth=0)
    axes.set_yticks(
        [row.top + row.height / 2 for row in plan.rows],
        [ROW_NAMES[row.kind][plan.lang] for row in plan.rows],
        fontsize=_pt(_AXIS_PX),
    )
    for label, row in zip(axes.get_yticklabels(), plan.rows, strict=True):
        label.set_color(_COLOURS[row.kind])
    axes.tick_params(axis="y", length=0, pad=10)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)


def _draw_marks(axes: Axes, plan: TimelinePlan) -> None:
    size = _pt(2 * MARK_RADIUS)
    for kind in PartnerKind:
        for signed in (True, False):
            group = [m for m in plan.marks if m.drawn and m.kind is kind and m.signed is signed]
            if not group:
                continue
            row = plan.row(kind)
            axes.plot(
                [_when(m.day) for m in group],
                [row.lane_y(m.lane) for m in group],
                marker="o",
                markersize=size,
                markeredgewidth=2.2,
                markeredgecolor=_COLOURS[kind],
                markerfacecolor=_COLOURS[kind] if signed else "white",
                linestyle="none",
                zorder=3,
            )
    offset = MARK_RADIUS + LABEL_GAP
    for mark in plan.marks:
        if not mark.labelled:
            continue
        axes.annotate(
            mark.name,
            (_when(mark.day), plan.row(mark.kind).lane_y(mark.lane)),
            xytext=(-offset if mark.label_left else offset, 0),
            textcoords="offset pixels",
            ha="right" if mark.label_left else "left",
            va="center",
            fontsize=_pt(LABEL_PX),
            color=_TEXT,
            zorder=4,
            annotation_clip=False,
        )


def _draw_axis(axes: Axes, plan: TimelinePlan) -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=12)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, show_offset=False))
    axes.tick_params(axis="x", labelsize=_pt(_AXIS_PX), colors=_TEXT)
    axes.grid(axis="x", color="#d0d7de", linewidth=0.8, zorder=1)
    axes.set_axisbelow(True)


def _draw_title_and_legend(figure: Figure, plan: TimelinePlan) -> None:
    figure.text(
        LEFT / WIDTH,
        1 - 18 / plan.height,
        title(plan),
        fontsize=_pt(_TITLE_PX),
        color=_TEXT,
        va="top",
        ha="left",
    )
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="none",
            markersize=_pt(2 * MARK_RADIUS),
            markeredgewidth=2.2,
            markeredgecolor=_TEXT,
            markerfacecolor=face,
            label=text(plan, key),
        )
        for face, key in ((_TEXT, "signed"), ("white", "published"))
    ]
    figure.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(LEFT / WIDTH - 0.01, 1 - 58 / plan.height),
        ncols=2,
        frameon=False,
        fontsize=_pt(LABEL_PX),
        handletextpad=0.4,
        columnspacing=2.0,
    )
