"""Communicators refer, decide, report and correct in the admin; bad input gives a
4xx with the form back and nothing saved."""

import pytest
from django.urls import reverse
from django.utils import timezone

from proposals import lifecycle
from proposals.constants import EntryKind, Status
from proposals.models import FeedbackEntryVersion, Proposal

pytestmark = pytest.mark.django_db

NS = "wagtailsnippets_proposals_proposal"
ENTRY_NS = "wagtailsnippets_proposals_feedbackentry"
VERSION_NS = "wagtailsnippets_proposals_feedbackentryversion"


@pytest.fixture
def communicator(client, communicator_user):
    client.force_login(communicator_user)
    return communicator_user


def test_referral_screen_fills_in_the_auto_referral(
    client, communicator, proposal_factory, committee
):
    proposal = proposal_factory(Status.REFERRED)
    listing = client.get(reverse(f"{NS}:list"), {"status": Status.REFERRED})
    assert "Registrera remiss" in listing.content.decode()
    url = reverse(f"{NS}:refer", args=[proposal.pk])
    response = client.post(url, {"committee": committee.pk, "case_number": ""})
    assert response.status_code == 400
    assert "Tekniska nämnden" in response.content.decode()
    assert Proposal.objects.get(pk=proposal.pk).case_number == ""
    response = client.post(
        url,
        {"committee": committee.pk, "case_number": "TN 2026/7", "handling_days": "30"},
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.committee, proposal.case_number, proposal.handling_days) == (
        committee,
        "TN 2026/7",
        30,
    )
    entry = proposal.trail.last()
    assert (entry.kind, entry.author) == (EntryKind.REFERRED, communicator)
    # Registering twice is refused with a message, not an error.
    response = client.post(
        url, {"committee": committee.pk, "case_number": "TN 2026/8"}, follow=True
    )
    assert response.status_code == 200
    assert Proposal.objects.get(pk=proposal.pk).case_number == "TN 2026/7"


def test_decision_form_validates_dates(client, communicator, registered_proposal):
    url = reverse(f"{NS}:answer", args=[registered_proposal.pk])
    future = (timezone.localdate() + timezone.timedelta(days=3)).isoformat()
    response = client.post(url, {"outcome": "approved", "decided_on": future})
    assert response.status_code == 400
    assert "framtiden" in response.content.decode()
    assert Proposal.objects.get(pk=registered_proposal.pk).status == Status.REFERRED
    response = client.post(
        url,
        {
            "outcome": "approved",
            "decided_on": timezone.localdate().isoformat(),
            "decision_url": "https://www.mittkoping.se/protokoll/9",
            "text": "Nämnden biföll förslaget.",
        },
    )
    assert response.status_code == 302
    decision = registered_proposal.trail.last()
    assert decision.kind == EntryKind.DECISION
    assert decision.text == "Nämnden biföll förslaget."


def test_decision_before_referral_is_refused(client, communicator, proposal_factory):
    proposal = proposal_factory(Status.OPEN)
    url = reverse(f"{NS}:answer", args=[proposal.pk])
    response = client.post(
        url,
        {"outcome": "approved", "decided_on": timezone.localdate().isoformat()},
        follow=True,
    )
    assert response.status_code == 200
    assert Proposal.objects.get(pk=proposal.pk).status == Status.OPEN


def test_status_and_implementation_updates(client, communicator, registered_proposal):
    url = reverse(f"{NS}:update", args=[registered_proposal.pk])
    assert client.post(url, {"text": ""}).status_code == 400
    assert client.post(url, {"text": "Ärendet bereds."}).status_code == 302
    assert registered_proposal.trail.last().kind == EntryKind.STATUS_UPDATE
    lifecycle.answer(registered_proposal, outcome="partly_approved")
    url = reverse(f"{NS}:implement", args=[registered_proposal.pk])
    assert client.post(url, {"text": "Bygget har börjat."}).status_code == 302
    assert registered_proposal.trail.last().kind == EntryKind.IMPLEMENTATION


def test_correction_in_the_admin_keeps_history_for_staff(
    client, communicator, registered_proposal
):
    entry = lifecycle.add_status_update(registered_proposal, text="Fel datum: 3 maj")
    url = reverse(f"{ENTRY_NS}:correct", args=[entry.pk])
    response = client.post(url, {"text": "Rätt datum: 4 maj", "note": ""})
    assert response.status_code == 400
    response = client.post(url, {"text": "Rätt datum: 4 maj", "note": "Datum"})
    assert response.status_code == 302
    version = FeedbackEntryVersion.objects.get(entry=entry)
    history = client.get(reverse(f"{VERSION_NS}:inspect", args=[version.pk]))
    assert history.status_code == 200
    assert "Fel datum: 3 maj" in history.content.decode()
    # The generic editor is not a way around the record.
    edit = client.post(
        reverse(f"{ENTRY_NS}:edit", args=[entry.pk]), {"text": "Tyst ändring"}
    )
    assert edit.status_code in (302, 403)
    entry.refresh_from_db()
    assert entry.text == "Rätt datum: 4 maj"
