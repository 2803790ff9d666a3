"""Answer clocks: the promised date from the committee's handling time or the
box's rule, days left or overdue in Stockholm dates (across summer-time
changes), the overdue page and feed, reminders and the on-time statistics."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from proposals import answer_clock
from proposals.answer_reminders import remind
from proposals.constants import Status
from proposals.models import PoliticianProfile, Proposal
from stats.on_time import on_time_shares
from tests.proposals.factories import PROPOSER_EMAIL, make_committee

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def at(*parts):
    return datetime.datetime(*parts, tzinfo=STOCKHOLM)


def referred(proposal_factory, when, days=None, committee=None, **kwargs):
    proposal = proposal_factory(Status.REFERRED, signatures=0, **kwargs)
    Proposal.objects.filter(pk=proposal.pk).update(
        referred_at=when, handling_days=days, committee=committee
    )
    return Proposal.objects.select_related("box").get(pk=proposal.pk)


def test_add_months_keeps_the_day_or_takes_the_last():
    assert answer_clock.add_months(datetime.date(2026, 8, 31), 6) == datetime.date(
        2027, 2, 28
    )
    assert answer_clock.add_months(datetime.date(2026, 12, 4), 3) == datetime.date(
        2027, 3, 4
    )


def test_box_rule_applies_without_a_handling_time(proposal_factory, box):
    box.answer_months = 6
    box.save()
    proposal = referred(proposal_factory, at(2026, 9, 12, 10))
    clock = answer_clock.clock(proposal, today=datetime.date(2027, 1, 31))
    assert clock.due == datetime.date(2027, 3, 12)
    assert clock.days_left == 40
    assert not clock.overdue


def test_committee_handling_time_wins(proposal_factory):
    proposal = referred(proposal_factory, at(2026, 10, 1, 9), days=30)
    clock = answer_clock.clock(proposal, today=datetime.date(2026, 12, 4))
    assert clock.due == datetime.date(2026, 10, 31)
    assert clock.days_overdue == 34


def test_late_evening_referral_counts_from_the_stockholm_date(proposal_factory):
    """23.30 in Stockholm on 28 March is 22.30 UTC the same day, but 00.30 on
    1 November is still 31 October in UTC: the Stockholm date is what counts."""
    proposal = referred(proposal_factory, at(2026, 11, 1, 0, 30), days=10)
    assert answer_clock.answer_due(proposal) == datetime.date(2026, 11, 11)


@pytest.mark.parametrize(
    "referred_at, today, days_left",
    [
        # Over the change to summer time (29 March 2026): 24 real hours fewer.
        (at(2026, 3, 28, 23, 30), datetime.date(2026, 3, 30), 8),
        # Over the change back (25 October 2026): 24 real hours more.
        (at(2026, 10, 24, 23, 30), datetime.date(2026, 10, 26), 8),
    ],
)
def test_days_are_dates_across_summer_time(
    proposal_factory, referred_at, today, days_left
):
    proposal = referred(proposal_factory, referred_at, days=10)
    clock = answer_clock.clock(proposal, today=today)
    assert clock.due == timezone.localdate(referred_at) + datetime.timedelta(days=10)
    assert clock.days_left == days_left


def test_answered_clock_tells_on_time_or_late(proposal_factory):
    proposal = referred(proposal_factory, at(2026, 1, 10, 12), days=30)
    proposal.status = Status.ANSWERED
    proposal.decided_on = datetime.date(2026, 2, 9)
    assert answer_clock.clock(proposal).on_time
    proposal.decided_on = datetime.date(2026, 2, 21)
    late = answer_clock.clock(proposal)
    assert not late.on_time
    assert late.days_overdue == 12


def test_no_clock_before_referral(proposal_factory):
    assert answer_clock.clock(proposal_factory(Status.OPEN)) is None


def test_proposal_page_shows_the_clock(client, proposal_factory):
    today = timezone.localdate()
    proposal = referred(
        proposal_factory,
        timezone.now() - datetime.timedelta(days=20),
        days=60,
        title="Klockan syns",
    )
    due = answer_clock.answer_due(proposal)
    html = client.get(proposal.get_url()).content.decode()
    assert "Svar senast" in html
    assert f"{(due - today).days} dagar kvar" in html


def test_the_late_badge_agrees_with_the_clock(client, proposal_factory):
    # No handling time: the box's answer time runs out, and both say so.
    proposal = referred(
        proposal_factory,
        timezone.now() - datetime.timedelta(days=400),
        title="Sent utan handläggningstid",
    )
    html = client.get(proposal.get_url()).content.decode()
    assert "dagar försenat" in html
    assert "pf-overdue" in html


def test_overdue_page_lists_only_late_items_by_committee_oldest_first(
    client, proposal_factory
):
    # Local noon: whole days back stay on the same local date across a DST change
    # (from the last hour before midnight, 200 days back is a day later in summer).
    now = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    parks = make_committee("Parknämnden", "parknamnden")
    roads = make_committee("Vägnämnden", "vagnamnden")
    referred(
        proposal_factory, now - datetime.timedelta(days=100), 30, roads, title="Väg sen"
    )
    referred(
        proposal_factory,
        now - datetime.timedelta(days=200),
        30,
        parks,
        title="Park äldst",
    )
    referred(
        proposal_factory,
        now - datetime.timedelta(days=50),
        30,
        parks,
        title="Park nyare",
    )
    referred(
        proposal_factory, now - datetime.timedelta(days=5), 30, parks, title="I tid"
    )
    proposal_factory(Status.OPEN, title="Öppet förslag")
    response = client.get("/forsenade-svar/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "I tid" not in html and "Öppet förslag" not in html
    assert html.index("Parknämnden") < html.index("Vägnämnden")
    assert html.index("Park äldst") < html.index("Park nyare") < html.index("Väg sen")
    assert "170 dagar försenat" in html
    assert PROPOSER_EMAIL not in html


def test_overdue_feed_is_atom_without_personal_data(client, proposal_factory):
    referred(
        proposal_factory,
        timezone.now() - datetime.timedelta(days=90),
        30,
        title="Sent svar i flödet",
    )
    response = client.get("/forsenade-svar/flode/")
    body = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Sent svar i flödet" in body
    assert PROPOSER_EMAIL not in body and "203.0.113.9" not in body


def test_overdue_page_in_english(client, proposal_factory):
    referred(proposal_factory, timezone.now() - datetime.timedelta(days=90), 30)
    html = client.get("/en/forsenade-svar/").content.decode()
    assert "Overdue answers" in html
    assert "days overdue" in html


def test_overdue_page_query_count_is_constant(client, proposal_factory):
    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get("/forsenade-svar/").status_code == 200
        return len(queries)

    when = timezone.now() - datetime.timedelta(days=90)
    for _ in range(2):
        referred(proposal_factory, when, 30)
    count()  # the first request reads the site's settings into the cache
    two = count()
    for _ in range(8):
        referred(proposal_factory, when, 30)
    assert count() == two


def test_reminder_goes_once_to_communicators_and_the_committee(proposal_factory, site):
    from django.contrib.auth.models import User

    committee = make_committee("Parknämnden", "parknamnden")
    politician = User.objects.get(username="politiker")
    profile = PoliticianProfile.objects.create(
        user=politician, name="Per Holm", party="Mittpartiet", role="Ordförande"
    )
    profile.committees.add(committee)
    today = timezone.localdate()
    soon = referred(
        proposal_factory,
        timezone.now() - datetime.timedelta(days=25),
        30,
        committee,
        title="Snart dags",
    )
    referred(
        proposal_factory,
        timezone.now() - datetime.timedelta(days=1),
        30,
        committee,
        title="Långt kvar",
    )
    mail.outbox.clear()
    proposals, _promises = remind(today=today, within_days=14)
    assert proposals == [soon.pk]
    recipients = {message.to[0] for message in mail.outbox}
    assert politician.email in recipients
    assert User.objects.get(username="kommunikator").email in recipients
    assert all("Snart dags" in message.subject for message in mail.outbox)
    mail.outbox.clear()
    call_command("remind_answer_dates", days=14)
    assert mail.outbox == []


def test_on_time_share_per_committee_and_year(proposal_factory):
    parks = make_committee("Parknämnden", "parknamnden")
    for decided, title in (
        (datetime.date(2026, 2, 1), "I tid"),
        (datetime.date(2026, 5, 1), "Sent"),
    ):
        proposal = referred(
            proposal_factory, at(2026, 1, 10, 12), 60, parks, title=title
        )
        Proposal.objects.filter(pk=proposal.pk).update(
            status=Status.ANSWERED, decided_on=decided, answered_at=timezone.now()
        )
    [(name, year, share)] = on_time_shares()
    assert (name, year, share.part, share.total) == ("Parknämnden", 2026, 1, 2)
