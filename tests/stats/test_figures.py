"""Every figure from known proposals, dialogues and signatures, worked out by hand.

The proposals are described in the `history` fixture (tests/stats/conftest.py)."""

import datetime

import pytest
from django.contrib.auth.models import User
from wagtail.models import PageViewRestriction

from dialogues.choices import InfluenceLevel
from dialogues.choices import Status as DialogueStatus
from municipality.models import Area, AreaPopulation
from proposals import lifecycle
from proposals.constants import EntryKind, Status
from proposals.models import FeedbackEntry, PoliticianProfile, Proposal
from stats import figures
from stats.figures import Counts, Median, Share
from tests.stats.helpers import (
    CENTRE,
    COAST,
    NORTH,
    RIVER,
    SOUTH,
    WHOLE,
    at,
    make_districts,
    sign,
)

pytestmark = pytest.mark.django_db


# Proposals per year and per committee ---------------------------------------------


def test_counts_per_year(history):
    assert figures.counts_per_year() == {
        2024: Counts(submitted=2, published=2, referred=0, answered=0),
        2025: Counts(submitted=6, published=3, referred=2, answered=1),
    }


def test_counts_per_committee_over_all_years(history):
    assert figures.counts_per_committee() == [
        ("Kommunstyrelsen", Counts(submitted=1, published=1, referred=1, answered=0)),
        ("Tekniska nämnden", Counts(submitted=1, published=1, referred=1, answered=1)),
        (None, Counts(submitted=6, published=3, referred=0, answered=0)),
    ]


def test_counts_per_committee_in_one_year(history):
    assert figures.counts_per_committee(year=2024) == [
        ("Tekniska nämnden", Counts(submitted=1, published=1, referred=0, answered=0)),
        (None, Counts(submitted=1, published=1, referred=0, answered=0)),
    ]
    assert figures.counts_per_committee(year=2025) == [
        ("Kommunstyrelsen", Counts(submitted=1, published=1, referred=1, answered=0)),
        ("Tekniska nämnden", Counts(submitted=0, published=0, referred=1, answered=1)),
        (None, Counts(submitted=5, published=2, referred=0, answered=0)),
    ]


def test_year_follows_the_municipalitys_clock(dated):
    """Published at 00:30 on New Year's Day in Stockholm is 23:30 UTC the day
    before: it counts in the new year, on SQLite and PostgreSQL alike."""
    new_year = datetime.datetime(2024, 12, 31, 23, 30, tzinfo=datetime.UTC)
    dated(Status.OPEN, confirmed=at(2024, 12, 30), opened=new_year)
    assert figures.counts_per_year() == {
        2024: Counts(submitted=1),
        2025: Counts(published=1),
    }


def test_rejected_and_unpublished_never_count_as_published(dated):
    """Even with a publication date on the row, a proposal that is not public
    counts only as submitted, never in a published figure."""
    for status in (Status.REJECTED, Status.IN_MODERATION):
        dated(
            status,
            confirmed=at(2025, 1, 1),
            opened=at(2025, 1, 2),
            referred=at(2025, 1, 3),
            answered=at(2025, 1, 4),
            decided=datetime.date(2025, 1, 4),
        )
    dated(Status.SUBMITTED, opened=at(2025, 1, 2))
    assert figures.counts_per_year() == {2025: Counts(submitted=2)}
    assert figures.counts_per_committee() == [(None, Counts(submitted=2))]
    assert figures.median_days() == {
        "publication": Median(None, 0),
        "referral": Median(None, 0),
        "decision": Median(None, 0),
    }
    assert figures.response_share() == Share(part=0, total=0)


# Handling times ------------------------------------------------------------------


def test_median_days_over_all_years(history):
    # Publication: A 8, B 2, C 3, G 2, I 4 days → odd count, middle value 3.
    # Referral: A 43, B 81 days → even count, mean of the two middle values.
    # Decision: A, confirmed 2024-12-20, decided 2025-03-10 → 80 days.
    assert figures.median_days() == {
        "publication": Median(3, 5),
        "referral": Median(62, 2),
        "decision": Median(80, 1),
    }


def test_median_days_in_one_year(history):
    assert figures.median_days(year=2024) == {
        "publication": Median(6, 2),  # A 8, I 4
        "referral": Median(None, 0),
        "decision": Median(None, 0),
    }
    assert figures.median_days(year=2025) == {
        "publication": Median(2, 3),  # B 2, C 3, G 2
        "referral": Median(62, 2),
        "decision": Median(80, 1),
    }


def test_even_median_can_be_half_a_day(dated):
    dated(Status.OPEN, confirmed=at(2025, 3, 1), opened=at(2025, 3, 2))
    dated(Status.OPEN, confirmed=at(2025, 3, 1), opened=at(2025, 3, 3))
    assert figures.median_days()["publication"] == Median(1.5, 2)


def test_days_are_calendar_days_not_hours(dated):
    """Confirmed late in the evening, published early the next morning: one day."""
    dated(Status.OPEN, confirmed=at(2025, 3, 1, 23), opened=at(2025, 3, 2, 7))
    assert figures.median_days()["publication"] == Median(1, 1)


def test_decision_without_decision_date_uses_the_answer(dated):
    dated(
        Status.ANSWERED,
        confirmed=at(2025, 3, 1),
        opened=at(2025, 3, 2),
        referred=at(2025, 4, 1),
        answered=at(2025, 4, 11),
    )
    assert figures.median_days()["decision"] == Median(41, 1)


# Politicians' responses -----------------------------------------------------------


@pytest.fixture
def politician(site, committee, board):
    user = User.objects.get(username="politiker")
    profile = PoliticianProfile.objects.create(
        user=user, name="Per Holm", party="Mittenpartiet", role="ordförande"
    )
    profile.committees.add(committee, board)
    return user


def test_response_share(history, politician):
    lifecycle.add_response(history["A"], user=politician, text="Vi har beslutat.")
    lifecycle.add_response(history["A"], user=politician, text="Ett svar till.")
    lifecycle.add_response(history["B"], user=politician, text="Vi tittar på det.")
    lifecycle.add_status_update(history["C"], text="Förvaltningen utreder.")
    # Not counted: a hidden response, and one on a rejected proposal.
    FeedbackEntry.objects.create(
        proposal=history["C"], kind=EntryKind.RESPONSE, public=False, text="Utkast"
    )
    FeedbackEntry.objects.create(
        proposal=history["D"], kind=EntryKind.RESPONSE, text="Avvisat"
    )
    # Published: A, B, C, G, I; with a response: A, B.
    share = figures.response_share()
    assert share == Share(part=2, total=5)
    assert share.percent == 40
    # Published in 2025: B, C, G; with a response: B.
    assert figures.response_share(year=2025) == Share(part=1, total=3)
    assert figures.response_share(year=2024) == Share(part=1, total=2)


def test_response_share_of_nothing_is_no_figure(db):
    share = figures.response_share()
    assert share == Share(part=0, total=0)
    assert share.percent is None


# Dialogues -----------------------------------------------------------------------


def test_dialogues_per_level_and_status(make_dialogue):
    make_dialogue(start_date=datetime.date(2025, 3, 1))
    make_dialogue(start_date=datetime.date(2026, 3, 1))
    make_dialogue(
        influence_level=InfluenceLevel.CO_DECISION,
        status=DialogueStatus.PLANNED,
        start_date=datetime.date(2025, 9, 1),
    )
    draft = make_dialogue(influence_level=InfluenceLevel.INFORMATION)
    draft.unpublish()
    private = make_dialogue(influence_level=InfluenceLevel.INFORMATION)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )

    def numbers(rows):
        return {value: count for value, _label, count in rows}

    assert numbers(figures.dialogues_per_level()) == {
        "information": 0,
        "consultation": 2,
        "dialogue": 0,
        "influence": 0,
        "co_decision": 1,
    }
    assert numbers(figures.dialogues_per_status()) == {
        "planned": 1,
        "open": 2,
        "compiling": 0,
        "feedback_given": 0,
        "closed": 0,
    }
    assert numbers(figures.dialogues_per_level(year=2025)) == {
        "information": 0,
        "consultation": 1,
        "dialogue": 0,
        "influence": 0,
        "co_decision": 1,
    }
    labels = [str(label) for _value, label, _count in figures.dialogues_per_level()]
    assert labels == [
        "Information",
        "Konsultation",
        "Dialog",
        "Inflytande",
        "Medbestämmande",
    ]


# Signatures per 1,000 residents ----------------------------------------------------


@pytest.fixture
def signed(dated):
    """Counted: Centrum 3, Norra 2, Södra 2, no area 1; not counted: a flagged
    and an unconfirmed one, and two on a rejected proposal."""
    open_ = dated(Status.OPEN, confirmed=at(2025, 1, 1), opened=at(2025, 1, 2))
    withdrawn = dated(Status.WITHDRAWN, confirmed=at(2024, 1, 1), opened=at(2024, 1, 2))
    rejected = dated(Status.REJECTED, confirmed=at(2025, 1, 1))
    for _ in range(3):
        sign(open_, CENTRE, confirmed_at=at(2025, 2, 1))
    sign(open_, CENTRE, confirmed_at=at(2025, 2, 1), flagged=True)
    sign(open_, CENTRE)
    sign(open_, NORTH, confirmed_at=at(2025, 2, 1))
    sign(open_, SOUTH, confirmed_at=at(2025, 2, 1))
    sign(open_, SOUTH, confirmed_at=at(2025, 2, 1))
    sign(open_, "", confirmed_at=at(2025, 2, 1))
    sign(withdrawn, NORTH, confirmed_at=at(2024, 1, 5))
    sign(rejected, CENTRE, confirmed_at=at(2025, 2, 1))
    sign(rejected, CENTRE, confirmed_at=at(2025, 2, 1))
    AreaPopulation.objects.create(
        area=make_districts()[WHOLE], population=10_000, year=2025
    )
    AreaPopulation.objects.create(
        area=make_districts()[CENTRE], population=2_000, year=2025
    )
    AreaPopulation.objects.create(
        area=make_districts()[NORTH], population=500, year=2024
    )


def test_signatures_per_thousand(signed):
    rates = {rate.area: rate for rate in figures.signatures_per_thousand()}
    assert list(rates) == list(Area.objects.values_list("slug", flat=True))
    assert list(rates)[0] == WHOLE
    assert (rates[WHOLE].signatures, rates[WHOLE].per_thousand) == (8, 0.8)
    assert (rates[CENTRE].signatures, rates[CENTRE].per_thousand) == (3, 1.5)
    assert (rates[NORTH].signatures, rates[NORTH].per_thousand) == (2, 4.0)
    assert rates[NORTH].population_year == 2024
    # Signatures but no population: no rate ("uppgift saknas").
    assert rates[SOUTH].signatures == 2
    assert rates[SOUTH].population is None
    assert rates[SOUTH].per_thousand is None
    assert (rates[RIVER].signatures, rates[RIVER].per_thousand) == (0, None)


def test_signatures_per_thousand_in_one_year(signed):
    rates = {rate.area: rate for rate in figures.signatures_per_thousand(year=2024)}
    assert rates[WHOLE].signatures == 1
    assert rates[NORTH].signatures == 1
    assert rates[CENTRE].signatures == 0
    assert rates[CENTRE].per_thousand == 0


def test_a_population_of_zero_is_no_division(db):
    AreaPopulation.objects.create(area=make_districts()[COAST], population=0, year=2025)
    (rate,) = [r for r in figures.signatures_per_thousand() if r.area == COAST]
    assert rate.per_thousand is None


def test_signatures_of_a_proposal_that_is_not_public_never_count(dated):
    proposal = dated(Status.IN_MODERATION, confirmed=at(2025, 1, 1))
    sign(proposal, CENTRE, confirmed_at=at(2025, 1, 2))
    assert figures.counted_signatures().count() == 0
    Proposal.objects.filter(pk=proposal.pk).update(status=Status.OPEN)
    assert figures.counted_signatures().count() == 1


# Years and empty data --------------------------------------------------------------


def test_years_of_the_filter(history, make_dialogue):
    make_dialogue(start_date=datetime.date(2023, 5, 1))
    make_dialogue(start_date=None)
    assert figures.years(figures.counts_per_year()) == [2025, 2024, 2023]


def test_every_figure_of_an_empty_database(db):
    assert figures.counts_per_year() == {}
    assert figures.counts_per_committee() == []
    assert figures.median_days() == {
        "publication": Median(None, 0),
        "referral": Median(None, 0),
        "decision": Median(None, 0),
    }
    assert figures.response_share() == Share(0, 0)
    assert all(count == 0 for *_, count in figures.dialogues_per_level())
    assert all(count == 0 for *_, count in figures.dialogues_per_status())
    assert all(
        rate.signatures == 0 and rate.per_thousand is None
        for rate in figures.signatures_per_thousand()
    )
    assert figures.years({}) == []
