"""Implementation milestones: recorded through the lifecycle on answered
proposals (one audit entry, a trail entry, e-mail to the proposer and informed
signers) and on decided dialogues; shown on the pages."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry, PageLogEntry

from dialogues.choices import Status as DialogueStatus
from dialogues.models import DialogueIndexPage, DialoguePage
from proposals import lifecycle, milestones
from proposals.constants import EntryKind, Status
from proposals.models import Milestone
from tests.proposals.factories import PROPOSER_EMAIL

PLANNED = datetime.date(2027, 5, 1)


@pytest.fixture
def answered(proposal_factory):
    return proposal_factory(Status.ANSWERED, title="Belysning i Lillskogen")


def test_milestone_on_answered_proposal_writes_trail_entry_and_one_audit_entry(
    answered, communicator_user
):
    before = ModelLogEntry.objects.count()
    milestone = milestones.record(
        proposal=answered,
        title="Upphandling av armaturer",
        planned_on=PLANNED,
        note="Anbud tas in under våren.",
        user=communicator_user,
    )
    assert milestone.proposal == answered
    entry = answered.trail.get(kind=EntryKind.PLAN_MILESTONE)
    assert entry.public
    assert "Upphandling av armaturer" in entry.text
    assert ModelLogEntry.objects.count() == before + 1


def test_done_milestone_notifies_proposer_and_informed_signers(
    answered, communicator_user
):
    signer = answered.signatures.first()
    signer.keep_informed = True
    signer.save()
    milestone = milestones.record(
        proposal=answered, title="Lamporna monteras", planned_on=PLANNED
    )
    mail.outbox.clear()
    milestones.record(
        proposal=answered,
        milestone=milestone,
        title="Lamporna monteras",
        planned_on=PLANNED,
        done_on=datetime.date(2026, 11, 20),
        user=communicator_user,
    )
    assert answered.trail.filter(kind=EntryKind.MILESTONE_DONE).count() == 1
    recipients = {message.to[0] for message in mail.outbox}
    assert PROPOSER_EMAIL in recipients
    assert signer.email in recipients


def test_no_milestone_before_a_decision(proposal_factory):
    referred = proposal_factory(Status.REFERRED)
    with pytest.raises(lifecycle.TransitionNotAllowed):
        milestones.record(proposal=referred, title="För tidigt", planned_on=PLANNED)
    assert not Milestone.objects.exists()


def test_done_date_cannot_be_in_the_future(answered):
    with pytest.raises(ValidationError):
        milestones.record(
            proposal=answered,
            title="Klart i framtiden",
            planned_on=PLANNED,
            done_on=datetime.date(2999, 1, 1),
        )


def test_politician_may_not_record_milestones(answered, site):
    from django.contrib.auth.models import User

    with pytest.raises(PermissionDenied):
        milestones.record(
            proposal=answered,
            title="Inte min sak",
            planned_on=PLANNED,
            user=User.objects.get(username="politiker"),
        )


def test_milestone_shows_in_the_trail(client, answered):
    milestones.record(proposal=answered, title="Grävning klar", planned_on=PLANNED)
    html = client.get(answered.get_url()).content.decode()
    assert "Grävning klar" in html
    assert "Delmål i genomförandet" in html


def _decided_dialogue(site):
    index = DialogueIndexPage(title="Dialoger", slug="dialoger")
    site.root_page.add_child(instance=index)
    dialogue = DialoguePage(
        title="Torget",
        slug="torget",
        status=DialogueStatus.FEEDBACK_GIVEN,
        feedback="<p>Så blev det.</p>",
        decision="<p>Torget byggs om.</p>",
        decision_date=datetime.date(2026, 6, 1),
    )
    index.add_child(instance=dialogue)
    dialogue.save_revision().publish()
    return dialogue


def test_dialogue_milestone_is_logged_on_the_page_and_shown(
    client, site, communicator_user
):
    dialogue = _decided_dialogue(site)
    milestones.record(
        dialogue=dialogue,
        title="Nya bänkar på torget",
        planned_on=datetime.date(2026, 9, 1),
        done_on=datetime.date(2026, 8, 28),
        user=communicator_user,
    )
    assert (
        PageLogEntry.objects.filter(
            page=dialogue, action=milestones.DIALOGUE_MILESTONE
        ).count()
        == 1
    )
    html = client.get(dialogue.url).content.decode()
    assert "Nya bänkar på torget" in html
    assert "Efter beslutet: genomförandet" in html


def test_admin_adds_a_milestone_and_rejects_two_subjects(
    client, answered, site, communicator_user
):
    client.force_login(communicator_user)
    dialogue = _decided_dialogue(site)
    url = "/admin/snippets/proposals/milestone/add/"
    both = {
        "proposal": answered.pk,
        "dialogue": dialogue.pk,
        "title": "Båda",
        "planned_on": "2027-01-01",
    }
    response = client.post(url, both)
    assert response.status_code == 200
    assert "Båda" in response.content.decode()
    assert not Milestone.objects.exists()
    response = client.post(url, {**both, "dialogue": ""})
    assert response.status_code == 302
    assert Milestone.objects.get().proposal == answered


def test_admin_lists_render(client, answered, communicator_user):
    milestones.record(proposal=answered, title="Listad", planned_on=PLANNED)
    client.force_login(communicator_user)
    for url in (
        "/admin/snippets/proposals/milestone/",
        "/admin/snippets/proposals/milestone/add/",
        "/admin/snippets/dialogues/dialoguepromise/",
        "/admin/snippets/dialogues/dialoguepromise/add/",
        "/admin/snippets/dialogues/promisechange/",
    ):
        assert client.get(url).status_code == 200, url
    edit = f"/admin/snippets/proposals/milestone/edit/{Milestone.objects.get().pk}/"
    assert client.get(edit).status_code == 200
