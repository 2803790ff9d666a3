"""The bar charts' layout: bars in proportion, numbers as text, nothing to draw."""

from stats.charts import bar_chart


def test_bars_are_in_proportion_and_carry_their_numbers():
    chart = bar_chart(
        "c", "Titel", "Beskrivning", [(None, [("A", 4, "4"), ("B", 1, "1")])]
    )
    first, second = chart.rows
    assert first.width == 100
    assert second.width == 25
    assert (first.label, first.text) == ("A", "4")


def test_groups_have_headings_and_series():
    chart = bar_chart(
        "c",
        "Titel",
        "Beskrivning",
        [("2025", [("Inskickade", 2, "2"), ("Publicerade", 1, "1")])],
    )
    heading, first, second = chart.rows
    assert heading.heading and heading.label == "2025"
    assert (first.series, second.series) == (0, 1)


def test_missing_value_has_text_but_no_bar():
    chart = bar_chart(
        "c", "T", "D", [(None, [("A", 2.5, "2,5"), ("B", None, "uppgift saknas")])]
    )
    assert chart.rows[1].width == 0
    assert chart.rows[1].text == "uppgift saknas"


def test_nothing_to_draw():
    assert bar_chart("c", "T", "D", [(None, [("A", 0, "0"), ("B", None, "–")])]) is None
    assert bar_chart("c", "T", "D", []) is None


def test_long_labels_are_shortened_in_the_chart_only():
    name = "Miljö-, hälsoskydds- och byggnadsnämnden i Mittköping"
    chart = bar_chart("c", "T", "D", [(None, [(name, 1, "1")])])
    assert chart.rows[0].label.endswith("…")
    assert len(chart.rows[0].label) == 34
