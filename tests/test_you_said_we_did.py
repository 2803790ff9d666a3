""" "Ni sa – vi gjorde": decided dialogues and answered proposals joined to their
decisions and milestones; GET filters; the open data; nothing personal; a
constant number of queries."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dialogues.choices import Status as DialogueStatus
from dialogues.models import DialogueIndexPage, DialoguePage
from municipality.models import Area, Committee
from proposals import milestones
from proposals.constants import DecisionOutcome, Status
from proposals.models import Proposal
from tests.proposals.factories import (
    PROPOSER_EMAIL,
    make_box,
    make_proposal,
    make_topic,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def box(site):
    return make_box(site)


@pytest.fixture
def committee(db):
    return Committee.objects.create(name="Parknämnden", slug="parknamnden")


def answered(box, committee, title, outcome=DecisionOutcome.APPROVED, **fields):
    proposal = make_proposal(
        box,
        make_topic(title, title.lower().replace(" ", "-")),
        Status.ANSWERED,
        title=title,
    )
    Proposal.objects.filter(pk=proposal.pk).update(
        outcome=outcome,
        committee=committee,
        decision_url="https://mittkoping.se/protokoll/1",
        **fields,
    )
    return Proposal.objects.get(pk=proposal.pk)


def dialogue(site, title, committee):
    index = DialogueIndexPage.objects.first()
    if index is None:
        index = DialogueIndexPage(title="Dialoger", slug="dialoger")
        site.root_page.add_child(instance=index)
    page = DialoguePage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        status=DialogueStatus.FEEDBACK_GIVEN,
        committee=committee,
        result="<p>Invånarna ville ha fler träd.</p>",
        feedback="<p>Tack för alla svar.</p>",
        decision="<p>Nämnden beslutade att plantera 40 träd.</p>",
        decision_date=datetime.date(2026, 5, 4),
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_page_joins_what_was_said_decided_and_done(client, site, box, committee):
    proposal = answered(box, committee, "Belysning i parken")
    milestones.record(
        proposal=proposal,
        title="Stolparna på plats",
        planned_on=datetime.date(2027, 2, 1),
    )
    page = dialogue(site, "Träd på torget", committee)
    milestones.record(
        dialogue=page,
        title="Träden planterade",
        planned_on=datetime.date(2026, 10, 1),
        done_on=datetime.date(2026, 9, 30),
    )
    html = client.get("/ni-sa-vi-gjorde/").content.decode()
    for text in (
        "Belysning i parken",
        "Bifall",
        "https://mittkoping.se/protokoll/1",
        "Stolparna på plats",
        "Träd på torget",
        "Invånarna ville ha fler träd.",
        "Nämnden beslutade att plantera 40 träd.",
        "Träden planterade",
        "Parknämnden",
    ):
        assert text in html, text
    assert PROPOSER_EMAIL not in html
    assert "203.0.113.9" not in html
    assert "Undertecknare" not in html  # signers' names stay on the proposal page


def test_filters_are_a_get_form(client, site, box, committee):
    other = Committee.objects.create(name="Vägnämnden", slug="vagnamnden")
    answered(box, committee, "Parkens förslag")
    answered(box, other, "Vägens förslag", outcome=DecisionOutcome.REJECTED)
    dialogue(site, "Dialog om parken", committee)
    html = client.get("/ni-sa-vi-gjorde/?namnd=vagnamnden").content.decode()
    assert "Vägens förslag" in html and "Parkens förslag" not in html
    assert "Dialog om parken" not in html
    html = client.get("/ni-sa-vi-gjorde/?utfall=rejected").content.decode()
    assert "Vägens förslag" in html and "Parkens förslag" not in html
    html = client.get("/ni-sa-vi-gjorde/?utfall=dialogue").content.decode()
    assert "Dialog om parken" in html and "Vägens förslag" not in html
    html = client.get("/ni-sa-vi-gjorde/?ar=2026&utfall=dialogue").content.decode()
    assert "Dialog om parken" in html
    area = Area.objects.create(name="Norra", slug="norra")
    Proposal.objects.filter(title="Parkens förslag").update(area=area)
    html = client.get("/ni-sa-vi-gjorde/?omrade=norra").content.decode()
    assert "Parkens förslag" in html and "Vägens förslag" not in html


def test_bad_filter_is_a_400_with_the_form(client, box, committee):
    response = client.get("/ni-sa-vi-gjorde/?namnd=finns-inte&ar=abc")
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_english_page(client, box, committee):
    answered(box, committee, "Belysning i parken")
    html = client.get("/en/ni-sa-vi-gjorde/").content.decode()
    assert "You said – we did" in html
    assert "Approved" in html


def test_query_count_is_constant_in_the_number_of_items(client, site, box, committee):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/ni-sa-vi-gjorde/").status_code == 200
        return len(queries)

    def add(n, start):
        for i in range(start, start + n):
            proposal = answered(box, committee, f"Förslag {i}")
            milestones.record(
                proposal=proposal,
                title=f"Delmål {i}",
                planned_on=datetime.date(2027, 1, 1),
            )
            dialogue(site, f"Dialog {i}", committee)

    add(2, 0)
    count()  # the first request reads the site's settings into the cache
    two = count()
    add(8, 2)
    assert count() == two


def test_open_data_api_and_csv(client, site, box, committee):
    proposal = answered(box, committee, "=Belysning i parken")
    milestones.record(
        proposal=proposal,
        title="Stolparna på plats",
        planned_on=datetime.date(2027, 2, 1),
    )
    dialogue(site, "Träd på torget", committee)
    data = client.get("/api/v1/you-said-we-did/").json()
    assert data["count"] == 2
    row = next(item for item in data["results"] if item["kind"] == "proposal")
    assert row["outcome"] == "approved"
    assert row["milestones"][0]["title"] == "Stolparna på plats"
    assert row["url"].startswith("http")
    body = str(data)
    assert PROPOSER_EMAIL not in body and "203.0.113.9" not in body
    filtered = client.get("/api/v1/you-said-we-did/?outcome=dialogue").json()
    assert [item["title"] for item in filtered["results"]] == ["Träd på torget"]
    assert client.get("/api/v1/you-said-we-did/?committee=nope").status_code == 400
    response = client.get("/api/v1/you-said-we-did.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    proposal_row = next(r for r in rows if r["kind"] == "proposal")
    assert proposal_row["title"] == "'=Belysning i parken"
    assert "Stolparna på plats" in proposal_row["milestones_text"]
    assert "milestones" not in proposal_row


def test_unanswered_proposals_are_not_listed(client, box, committee):
    make_proposal(box, make_topic(), Status.REFERRED, title="Väntar på svar")
    make_proposal(box, make_topic("Skola", "skola"), Status.OPEN, title="Öppet")
    html = client.get("/ni-sa-vi-gjorde/").content.decode()
    assert "Väntar på svar" not in html and "Öppet" not in html


def test_demo_shows_every_accountability_case():
    """A kept promise, a late one, a broken one with its explanation, one still
    standing; proposals answered on time and one overdue; milestones done and
    pending, on a proposal and on dialogues."""
    import io

    from django.core.management import call_command

    from dialogues import promises
    from dialogues.models import DialoguePromise, PromiseState
    from proposals import answer_clock

    call_command("load_demo", stdout=io.StringIO())
    states = {promises.state(p) for p in DialoguePromise.objects.all()}
    assert states == {
        PromiseState.KEPT,
        PromiseState.KEPT_LATE,
        PromiseState.NOT_KEPT,
        PromiseState.PENDING,
    }
    broken = next(
        p
        for p in DialoguePromise.objects.all()
        if promises.state(p) == PromiseState.NOT_KEPT
    )
    assert broken.explanation
    assert DialoguePromise.objects.filter(changes__isnull=False).exists()
    clocks = [
        answer_clock.clock(p)
        for p in Proposal.objects.filter(status__in=["referred", "answered"])
    ]
    assert any(c.answered and c.on_time for c in clocks)
    assert any(not c.answered and c.overdue for c in clocks)
    assert any(not c.answered and not c.overdue for c in clocks)
    from proposals.models import Milestone

    assert Milestone.objects.filter(
        proposal__isnull=False, done_on__isnull=False
    ).exists()
    assert Milestone.objects.filter(
        proposal__isnull=False, done_on__isnull=True
    ).exists()
    assert Milestone.objects.filter(
        dialogue__isnull=False, done_on__isnull=False
    ).exists()
