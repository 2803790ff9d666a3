"""The statistics page shows, per admissibility rule, how often it fired on a
moderated proposal and how often the moderator then rejected the proposal."""

import pytest

from proposals import lifecycle
from proposals.constants import RejectionReason, Status
from stats.admissibility import rule_agreement
from tests.proposals.factories import make_proposal
from tests.stats.helpers import read_tables

pytestmark = pytest.mark.django_db

TABLE = "Prövningsstödets regler"
PHONE_TEXT = "Ring mig på 070-123 45 67."


def _moderated(box, topic, text, *, reject):
    proposal = make_proposal(box, topic, Status.IN_MODERATION, text=text)
    if reject:
        lifecycle.reject(
            proposal,
            reason=RejectionReason.PERSONAL_DATA,
            message="Personuppgifter.",
            notify=False,
        )
    else:
        lifecycle.approve(proposal, notify=False)


def test_each_rule_shows_how_often_it_fired_and_moderators_agreed(
    client, statistics_page, box, topic
):
    _moderated(box, topic, PHONE_TEXT, reject=True)
    _moderated(box, topic, PHONE_TEXT + " Mejla a@example.se.", reject=False)
    _moderated(box, topic, "Fler bänkar i parken.", reject=False)

    counted = {
        rule: (fired, rejected) for rule, _l, fired, rejected in rule_agreement()
    }
    assert counted["phone"] == (2, 1)
    assert counted["email"] == (1, 0)
    assert counted["personal_id"] == (0, 0)

    tables = read_tables(client.get("/statistik/").content.decode())
    rows = {row[0]: row[1:] for row in tables[TABLE][1:]}
    assert rows["Telefonnummer"] == ["2", "1", "50 %"]
    assert rows["E-postadress"] == ["1", "0", "0 %"]
    assert rows["Personnummer"] == ["0", "0", "inga uppgifter"]


def test_the_year_filter_applies(client, statistics_page, box, topic):
    _moderated(box, topic, PHONE_TEXT, reject=True)
    assert {r: f for r, _l, f, _x in rule_agreement(year=2001)}["phone"] == 0
