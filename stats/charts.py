"""Layout of the server-rendered SVG bar charts: where each bar and label goes.

Horizontal bars, each with its label written to its left and its number written
after it, so nothing depends on colour; the template only draws what is here."""

from dataclasses import dataclass, field

WIDTH = 720
BAR_X = 268  # labels to the left of this line, bars to the right
VALUE_SPACE = 124  # room after the longest bar for its number
BAR_AREA = WIDTH - BAR_X - VALUE_SPACE
ROW = 30
BAR_HEIGHT = 20
HEADING_ROW = 30
PADDING = 10
MAX_LABEL = 34


@dataclass(frozen=True)
class Row:
    """A group heading (no bar) or one bar with its label and number."""

    label: str
    y: int  # text baseline
    heading: bool = False
    text: str = ""
    width: float = 0
    series: int = 0

    @property
    def bar_y(self):
        return self.y - BAR_HEIGHT + 5

    @property
    def text_x(self):
        return BAR_X + self.width + 6


@dataclass
class Chart:
    id: str
    title: str
    description: str
    rows: list = field(default_factory=list)
    height: int = 0
    width: int = WIDTH
    bar_x: int = BAR_X
    label_x: int = BAR_X - 8
    bar_height: int = BAR_HEIGHT


def _short(label):
    label = str(label)
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


def bar_chart(chart_id, title, description, groups):
    """A chart from groups of bars: ``[(group label or None, [(label, value,
    text)])]``. A group label becomes a heading row; bars in a group take the
    series style of their position. A value of None draws no bar, only its text.
    Returns None when there is no number above zero to draw."""
    values = [value for _g, bars in groups for _l, value, _t in bars if value]
    if not values:
        return None
    largest = max(values)
    chart = Chart(id=chart_id, title=title, description=description)
    y = PADDING
    for group_label, bars in groups:
        if group_label is not None:
            y += HEADING_ROW
            chart.rows.append(Row(label=_short(group_label), y=y - 8, heading=True))
        for series, (label, value, text) in enumerate(bars):
            y += ROW
            width = round(BAR_AREA * value / largest, 1) if value else 0
            chart.rows.append(
                Row(
                    label=_short(label),
                    y=y - 10,
                    text=str(text),
                    width=width,
                    series=series if group_label is not None else 0,
                )
            )
    chart.height = y + PADDING
    return chart
