"""Horizontal bar charts as plain numbers for the inline-SVG partial (_bar_charts.html):
no script, the values are drawn as text next to their bars, and the whole chart is
described in words for screen readers."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, List, Optional, Sequence, Tuple

WIDTH = 540
LABEL_WIDTH = 210  # labels end here (right-aligned); the bars start just after
BAR_SPACE = 270  # the longest bar; the rest of the width is for its value
ROW_HEIGHT = 26
BAR_HEIGHT = 18
TOP = 6
LABEL_CHARS = 32  # longer labels are cut, the full one is the bar's tooltip


@dataclass(frozen=True)
class Bar:
    label: str
    short_label: str
    value_text: str
    y: int
    width: float


@dataclass(frozen=True)
class BarChart:
    chart_id: str
    title: str
    bars: List[Bar]
    empty_text: str
    width: int = WIDTH
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT

    @property
    def height(self) -> int:
        return TOP * 2 + ROW_HEIGHT * len(self.bars)

    @property
    def description(self) -> str:
        return "; ".join(f"{bar.label}: {bar.value_text}" for bar in self.bars) or self.empty_text


def _shorten(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS - 1] + "…"


def bar_chart(chart_id: str, title: str, rows: Sequence[Tuple[str, Optional[float]]], empty_text: str,
              value_text: Callable[[float], str] = "{:g}".format, scale_max: Optional[float] = None) -> BarChart:
    """`rows`: (label, value) in the order shown; rows without a value are left out.
    `scale_max`: the value of a full-length bar (e.g. 100 for percentages), else the largest value."""
    measured = [(label, value) for label, value in rows if value is not None]
    top = scale_max or max((value for _, value in measured), default=0) or 1
    bars = [Bar(label, _shorten(label), value_text(value), TOP + index * ROW_HEIGHT,
                round(BAR_SPACE * min(value, top) / top, 1))
            for index, (label, value) in enumerate(measured)]
    return BarChart(chart_id, title, bars, empty_text)
