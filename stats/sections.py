"""The statistics page's sections: each figure as a chart and a table holding the
same numbers, formatted once here for both."""

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.templatetags.language_tags import in_lang
from stats import figures, on_time
from stats.charts import bar_chart
from stats.forms import YearForm


@dataclass
class Table:
    caption: str
    columns: list  # header texts, the first one heads the row headers
    rows: list = field(default_factory=list)  # [(row header, [cell texts])]


@dataclass
class Section:
    id: str
    heading: str
    explanation: str
    table: Table
    chart: object = None
    empty: bool = False


def whole(number):
    return number_format(number, decimal_pos=0, force_grouping=True)


def decimal(number):
    """One decimal, or none for a whole number (median days: 12 or 12,5)."""
    if float(number).is_integer():
        return whole(number)
    return number_format(number, decimal_pos=1, force_grouping=True)


def no_data():
    return _("inga uppgifter")


def missing():
    return _("uppgift saknas")


def _chart_of_rows(section_id, title, rows):
    """A single-series chart from (label, value, text) rows."""
    return bar_chart(
        f"chart-{section_id}",
        title,
        _("Stapeldiagram. Samma siffror står i tabellen intill."),
        [(None, rows)],
    )


def _counts_columns(first):
    return [
        first,
        _("Inskickade"),
        _("Publicerade"),
        _("Till kommunen"),
        _("Besvarade"),
    ]


def _counts_section(section_id, heading, explanation, first, labelled_counts):
    """A chart with four bars per row and a table with four columns."""
    names = _counts_columns(first)[1:]
    table = Table(caption=heading, columns=_counts_columns(first))
    groups = []
    for label, counts in labelled_counts:
        values = [counts.submitted, counts.published, counts.referred, counts.answered]
        table.rows.append((label, [whole(v) for v in values]))
        groups.append(
            (label, [(n, v, whole(v)) for n, v in zip(names, values, strict=True)])
        )
    chart = bar_chart(
        f"chart-{section_id}",
        heading,
        _(
            "Stapeldiagram med fyra staplar per rad: inskickade, publicerade, "
            "lämnade till kommunen och besvarade förslag. Samma siffror står i "
            "tabellen intill."
        ),
        groups,
    )
    return Section(
        section_id,
        heading,
        explanation,
        table,
        chart,
        empty=not labelled_counts,
    )


COUNTS_EXPLANATION = gettext_lazy(
    "Inskickade: förslag som förslagsställaren har bekräftat och som har gått till "
    "granskning, även de som sedan inte publicerades. Publicerade, lämnade till "
    "kommunen och besvarade: bara förslag som har publicerats. Ett förslag räknas "
    "det år då det hände."
)


def per_year_section(per_year, year):
    rows = [
        (str(y), counts) for y, counts in per_year.items() if year is None or y == year
    ]
    return _counts_section(
        "per-year", _("Förslag per år"), str(COUNTS_EXPLANATION), _("År"), rows
    )


def per_committee_section(year):
    rows = [
        (in_lang(name) if name else _("Ingen nämnd ännu"), counts)
        for name, counts in figures.counts_per_committee(year=year)
    ]
    return _counts_section(
        "per-committee",
        _("Förslag per nämnd"),
        _(
            "Nämnden är den som förslaget lämnades till. Förslag som inte har "
            "lämnats till en nämnd räknas under ”Ingen nämnd ännu”."
        ),
        _("Nämnd"),
        rows,
    )


def median_section(year):
    medians = figures.median_days(year=year)
    labels = {
        "publication": _("Till publicering"),
        "referral": _("Till kommunen"),
        "decision": _("Till beslut"),
    }
    heading = _("Så lång tid tar det")
    table = Table(
        caption=_("Mediantid i dagar från inskickat förslag"),
        columns=[_("Steg"), _("Median, dagar"), _("Antal förslag")],
    )
    rows = []
    for name, label in labels.items():
        median = medians[name]
        text = decimal(median.days) if median.days is not None else no_data()
        table.rows.append((label, [text, whole(median.count)]))
        rows.append((label, median.days, text))
    return Section(
        "medians",
        heading,
        _(
            "Antal dagar från det att förslagsställaren bekräftade förslaget till "
            "att det publicerades, lämnades till kommunen och till beslutsdatumet. "
            "Medianen är det mittersta värdet: hälften av förslagen tog kortare tid, "
            "hälften längre."
        ),
        table,
        _chart_of_rows("medians", table.caption, rows),
        empty=not any(m.count for m in medians.values()),
    )


def response_section(year):
    share = figures.response_share(year=year)
    percent = share.percent
    percent_text = (
        number_format(percent, decimal_pos=0) + "\u00a0%"
        if percent is not None
        else no_data()
    )
    table = Table(
        caption=_("Publicerade förslag med svar från politiker"),
        columns=[_("Förslag"), _("Antal")],
        rows=[
            (_("Publicerade förslag"), [whole(share.total)]),
            (_("Med minst ett svar från en politiker"), [whole(share.part)]),
            (_("Andel med svar"), [percent_text]),
        ],
    )
    chart = _chart_of_rows(
        "responses",
        table.caption,
        [
            (_("Med svar från politiker"), share.part, whole(share.part)),
            (_("Utan svar"), share.total - share.part, whole(share.total - share.part)),
        ],
    )
    return Section(
        "responses",
        _("Svar från politiker"),
        _(
            "Hur många av de publicerade förslagen som har fått minst ett svar från "
            "en förtroendevald."
        ),
        table,
        chart,
        empty=not share.total,
    )


def _dialogue_section(section_id, heading, first, counted):
    table = Table(caption=heading, columns=[first, _("Dialoger")])
    rows = []
    for _value, label, count in counted:
        table.rows.append((str(label), [whole(count)]))
        rows.append((str(label), count, whole(count)))
    return Section(
        section_id,
        heading,
        "",
        table,
        _chart_of_rows(section_id, heading, rows),
        empty=not any(count for _v, _l, count in counted),
    )


def dialogue_sections(year):
    return [
        _dialogue_section(
            "dialogue-levels",
            _("Dialoger per steg på delaktighetstrappan"),
            _("Steg"),
            figures.dialogues_per_level(year=year),
        ),
        _dialogue_section(
            "dialogue-status",
            _("Dialoger per status"),
            _("Status"),
            figures.dialogues_per_status(year=year),
        ),
    ]


def signature_section(year):
    rates = figures.signatures_per_thousand(year=year)
    heading = _("Underskrifter per 1 000 invånare")
    table = Table(
        caption=heading,
        columns=[
            _("Område"),
            _("Underskrifter"),
            _("Invånare"),
            _("Per 1 000 invånare"),
        ],
    )
    rows = []
    for rate in rates:
        per_thousand = rate.per_thousand
        if per_thousand is None:
            population = rate_text = missing()
        else:
            population = f"{whole(rate.population)} ({rate.population_year})"
            rate_text = number_format(per_thousand, decimal_pos=1)
        area = in_lang(str(rate.label))  # the municipality's own name for it
        table.rows.append((area, [whole(rate.signatures), population, rate_text]))
        rows.append((area, per_thousand, rate_text))
    return Section(
        "signatures",
        heading,
        _(
            "Bekräftade underskrifter som räknas, efter det område som den som "
            "skrev under uppgav. ”Hela kommunen” räknar alla underskrifter. "
            "Invånarantalet anges av kommunen."
        ),
        table,
        _chart_of_rows("signatures", heading, rows),
        empty=not any(rate.signatures for rate in rates),
    )


def on_time_section(year):
    heading = _("Besvarade i tid")
    table = Table(
        caption=_("Förslag besvarade senast det utlovade datumet, per nämnd och år"),
        columns=[_("Nämnd och år"), _("Besvarade"), _("I tid"), _("Andel i tid")],
    )
    rows = []
    for name, decision_year, share in on_time.on_time_shares(year):
        label = format_html(
            "{} {}", in_lang(name) if name else _("Ingen nämnd"), decision_year
        )
        percent = number_format(share.percent, decimal_pos=0) + "\u00a0%"
        table.rows.append((label, [whole(share.total), whole(share.part), percent]))
        rows.append((label, round(share.percent), percent))
    return Section(
        "on-time",
        heading,
        _(
            "Ett förslag som har lämnats till kommunen ska besvaras senast ett visst "
            "datum: nämndens handläggningstid, annars förslagslådans regel. Här "
            "räknas besvarade förslag efter året för beslutet."
        ),
        table,
        _chart_of_rows("on-time", table.caption, rows),
        empty=not rows,
    )


def statistics_context(data):
    """Everything the page shows, for the year chosen in ``data`` (GET)."""
    from stats.admissibility import agreement_section  # it builds on this module

    per_year = figures.counts_per_year()
    form = YearForm(data, years=figures.years(per_year))
    year = form.year
    return {
        "year_form": form,
        "year": year,
        "sections": [
            per_year_section(per_year, year),
            per_committee_section(year),
            median_section(year),
            response_section(year),
            on_time_section(year),
            *dialogue_sections(year),
            signature_section(year),
            agreement_section(year),
        ],
    }
