"""The bar charts: horizontal bars, each with its label before it and its number
after it as text (so nothing depends on colour), laid out by CSS so the text keeps
the body size on a phone. Each bar's length is a share of the longest (0–100);
the template draws it as a tiny SVG (an attribute, not an inline style, which the
content security policy forbids)."""

from dataclasses import dataclass, field

from django.utils.safestring import SafeData

MAX_LABEL = 34


@dataclass(frozen=True)
class Row:
    """A group heading (no bar) or one bar with its label and number."""

    label: str
    heading: bool = False
    text: str = ""
    width: float = 0  # per cent of the longest bar
    series: int = 0


@dataclass
class Chart:
    id: str
    title: str
    description: str
    rows: list = field(default_factory=list)


def _short(label):
    if isinstance(label, SafeData):
        return label  # marked up already (a name in <span lang>): never cut
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
    for group_label, bars in groups:
        if group_label is not None:
            chart.rows.append(Row(label=_short(group_label), heading=True))
        for series, (label, value, text) in enumerate(bars):
            chart.rows.append(
                Row(
                    label=_short(label),
                    text=str(text),
                    width=round(100 * value / largest, 1) if value else 0,
                    series=series if group_label is not None else 0,
                )
            )
    return chart
