"""Moderation in the Wagtail admin: the queue, approve, reject, edits and flags."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from proposals import lifecycle
from proposals.constants import EntryKind, RejectionReason, Status
from proposals.models import Proposal, ProposalEdit, Signature
from tests.proposals.factories import PROPOSER_EMAIL, add_signatures

pytestmark = pytest.mark.django_db

NS = "wagtailsnippets_proposals_proposal"
SIG_NS = "wagtailsnippets_proposals_signature"


@pytest.fixture
def communicator(client, site):
    from django.contrib.auth.models import User

    user = User.objects.get(username="kommunikator")
    client.force_login(user)
    return user


def test_moderation_queue_lists_waiting_proposals(
    client, communicator, proposal_factory
):
    proposal_factory(Status.IN_MODERATION, title="Väntar på granskning")
    proposal_factory(Status.OPEN, title="Redan öppet")
    response = client.get(reverse(f"{NS}:list"), {"status": Status.IN_MODERATION})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Väntar på granskning" in html
    assert "Redan öppet" not in html
    assert "Godkänn och publicera" in html
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert '"label": "Moderationsk\\u00f6"' in menu
    assert "/proposal/?status=in_moderation" in menu


def log_entries(proposal):
    return list(
        ModelLogEntry.objects.filter(object_id=str(proposal.pk))
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )


def test_approve_opens_signing(client, communicator, proposal_factory):
    proposal = proposal_factory(Status.IN_MODERATION)
    url = reverse(f"{NS}:approve", args=[proposal.pk])
    assert client.get(url).status_code == 200
    mail.outbox.clear()
    logged_before = log_entries(proposal)
    response = client.post(url)
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.OPEN
    assert proposal.signing_deadline is not None
    assert mail.outbox[0].to == [PROPOSER_EMAIL]
    # One action, one audit entry, by the communicator who approved.
    assert log_entries(proposal)[len(logged_before) :] == [
        ("delaktig.proposal.open", "kommunikator")
    ]
    # Approving again is refused with a message, not an error.
    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert "kan inte ändras så" in response.content.decode()


def test_reject_needs_reason_and_message(client, communicator, proposal_factory):
    proposal = proposal_factory(Status.IN_MODERATION)
    url = reverse(f"{NS}:reject", args=[proposal.pk])
    response = client.post(url, {"reason": "", "message": ""})
    assert response.status_code == 400
    assert Proposal.objects.get(pk=proposal.pk).status == Status.IN_MODERATION
    response = client.post(url, {"reason": "made_up", "message": "Hej"})
    assert Proposal.objects.get(pk=proposal.pk).status == Status.IN_MODERATION
    mail.outbox.clear()
    response = client.post(
        url,
        {
            "reason": RejectionReason.DUPLICATE,
            "message": "Det finns redan ett öppet förslag om cykelställ.",
        },
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.REJECTED
    assert proposal.rejection_reason == RejectionReason.DUPLICATE
    assert "redan ett öppet förslag om cykelställ" in mail.outbox[0].body


def test_reject_writes_one_audit_entry(client, communicator, proposal_factory):
    proposal = proposal_factory(Status.IN_MODERATION)
    logged_before = log_entries(proposal)
    response = client.post(
        reverse(f"{NS}:reject", args=[proposal.pk]),
        {"reason": RejectionReason.OFFENSIVE, "message": "Kränkande innehåll."},
    )
    assert response.status_code == 302
    assert log_entries(proposal)[len(logged_before) :] == [
        ("delaktig.proposal.rejected", "kommunikator")
    ]


def test_all_reason_codes_are_offered(client, communicator, proposal_factory):
    proposal = proposal_factory(Status.IN_MODERATION)
    html = client.get(reverse(f"{NS}:reject", args=[proposal.pk])).content.decode()
    for value in RejectionReason.values:
        assert f'value="{value}"' in html


def test_communicator_edit_is_recorded(client, communicator, proposal_factory):
    proposal = proposal_factory(
        Status.IN_MODERATION,
        text="Min granne Kalle Ek på Storgatan 3 parkerar fel. Fler cykelställ behövs.",
    )
    url = reverse(f"{NS}:edit", args=[proposal.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "title": proposal.title,
            "text": "Fler cykelställ behövs vid Resecentrum.",
            "topic": proposal.topic_id,
            "area": proposal.area_id,
            "author_name": proposal.author_name,
            "edit_note": "Tog bort personuppgifter om en granne.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    edit = ProposalEdit.objects.get(proposal=proposal)
    assert edit.editor == communicator
    assert edit.note == "Tog bort personuppgifter om en granne."
    assert "Kalle Ek" in edit.changes["text"]["before"]
    assert edit.changes["text"]["after"] == "Fler cykelställ behövs vid Resecentrum."
    assert Proposal.objects.get(pk=proposal.pk).status == Status.IN_MODERATION


def test_correction_never_overwrites_lifecycle_data(proposal_factory, communicator):
    """Signatures confirmed while the form was open are not rolled back on save."""
    from proposals.admin_forms import ProposalAdminForm
    from proposals.viewsets import ProposalViewSet

    proposal = proposal_factory(Status.OPEN)
    form_class = ProposalViewSet().get_edit_handler().get_form_class()
    assert issubclass(form_class, ProposalAdminForm)
    form = form_class(
        data={
            "title": "Rättad rubrik om cykelställ",
            "text": proposal.text,
            "topic": proposal.topic_id,
            "area": proposal.area_id,
            "author_name": proposal.author_name,
        },
        instance=proposal,
        for_user=communicator,
    )
    assert form.is_valid(), form.errors
    Proposal.objects.filter(pk=proposal.pk).update(signature_count=42)
    form.save()
    saved = Proposal.objects.get(pk=proposal.pk)
    assert saved.title == "Rättad rubrik om cykelställ"
    assert saved.signature_count == 42


def test_nobody_adds_proposals_in_the_admin(client, communicator, proposal_factory):
    from django.contrib.auth.models import User

    proposal_factory(Status.IN_MODERATION)
    html = client.get(reverse(f"{NS}:list")).content.decode()
    assert reverse(f"{NS}:add") not in html
    client.force_login(User.objects.get(username="admin"))
    assert client.get(reverse(f"{NS}:add")).status_code in (302, 403)


def test_politician_cannot_moderate(client, site, proposal_factory):
    from django.contrib.auth.models import User

    proposal = proposal_factory(Status.IN_MODERATION)
    client.force_login(User.objects.get(username="politiker"))
    response = client.post(reverse(f"{NS}:approve", args=[proposal.pk]))
    assert response.status_code in (302, 403)
    assert Proposal.objects.get(pk=proposal.pk).status == Status.IN_MODERATION


def test_communicator_clears_a_flagged_signature(client, communicator, open_proposal):
    signature = lifecycle.sign(
        open_proposal, name="Flaggad", email="flaggad@example.org", flagged=True
    )
    lifecycle.confirm_signature(signature.pk)
    assert Proposal.objects.get(pk=open_proposal.pk).signature_count == 0
    listing = client.get(reverse(f"{SIG_NS}:list"), {"flagged": "true"})
    assert "Flaggad" in listing.content.decode()
    assert "Godkänn flaggad underskrift" in listing.content.decode()
    response = client.post(reverse(f"{SIG_NS}:clear", args=[signature.pk]))
    assert response.status_code == 302
    assert not Signature.objects.get(pk=signature.pk).flagged
    assert Proposal.objects.get(pk=open_proposal.pk).signature_count == 1


def test_communicator_records_the_answer(client, communicator, proposal_factory):
    proposal = proposal_factory(Status.REFERRED)
    listing = client.get(reverse(f"{NS}:list"), {"status": Status.REFERRED})
    assert "Registrera beslut" in listing.content.decode()
    url = reverse(f"{NS}:answer", args=[proposal.pk])
    response = client.post(url, {"outcome": "nonsense"})
    assert response.status_code == 400
    assert Proposal.objects.get(pk=proposal.pk).status == Status.REFERRED
    response = client.post(
        url,
        {
            "outcome": "partly_approved",
            "decided_on": timezone.localdate().isoformat(),
            "case_number": "KS 2026/77",
            "decision_url": "https://www.mittkoping.se/protokoll/77",
            "text": "Kommunen bygger tio nya cykelställ i vår.",
        },
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.ANSWERED
    assert proposal.case_number == "KS 2026/77"
    html = client.get(proposal.get_url()).content.decode()
    assert "Delvis bifall" in html and "KS 2026/77" in html
    assert "tio nya cykelställ" in html


def test_signature_and_topic_admin_pages_load(client, communicator, open_proposal):
    signature = lifecycle.sign(open_proposal, name="Namn", email="n@example.org")
    edit = client.get(reverse(f"{SIG_NS}:edit", args=[signature.pk]))
    assert edit.status_code == 200
    assert client.get(reverse("wagtailsnippets_proposals_topic:add")).status_code == 200
    response = client.post(
        reverse("wagtailsnippets_proposals_topic:add"),
        {"name": "Kultur", "slug": "kultur"},
    )
    assert response.status_code == 302


def test_box_terms_default_and_are_editable_by_communicators(client, communicator, box):
    from proposals.models import SuggestionBoxPage

    fresh = SuggestionBoxPage(title="Ny låda", slug="ny")
    assert fresh.signature_threshold == 100
    assert fresh.signing_days == 90
    assert fresh.signing_continues_after_referral is True
    response = client.get(reverse("wagtailadmin_pages:edit", args=[box.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="signature_threshold"' in html
    assert 'name="signing_days"' in html
    assert 'name="signing_continues_after_referral"' in html


def test_recorded_edits_are_readable_not_editable(
    client, communicator, proposal_factory
):
    proposal = proposal_factory(Status.IN_MODERATION)
    edit = ProposalEdit.objects.create(
        proposal=proposal,
        editor=communicator,
        changes={"title": {"before": "Fler cyklestall", "after": "Fler cykelställ"}},
        note="Rättade stavning.",
    )
    ns = "wagtailsnippets_proposals_proposaledit"
    listing = client.get(reverse(f"{ns}:list")).content.decode()
    assert "Rättade stavning." in listing
    inspect = client.get(reverse(f"{ns}:inspect", args=[edit.pk]))
    assert inspect.status_code == 200
    assert "Fler cyklestall" in inspect.content.decode()
    client.post(reverse(f"{ns}:edit", args=[edit.pk]), {"note": "Ändrad"})
    client.post(reverse(f"{ns}:delete", args=[edit.pk]))
    assert ProposalEdit.objects.get(pk=edit.pk).note == "Rättade stavning."


def test_admin_lists_speak_swedish(client, communicator, proposal_factory):
    """Yes/no columns say "Ja"/"Nej", not Python's True/False."""
    import re

    proposal = proposal_factory("open")
    add_signatures(proposal, 2)
    for path in (
        "/admin/snippets/proposals/signature/",
        "/admin/snippets/proposals/feedbackentry/",
    ):
        html = client.get(path).content.decode()
        text = re.sub(
            r"<[^>]+>", " ", re.sub(r"<script.*?</script>", "", html, flags=re.S)
        )
        assert not re.search(r"\b(True|False)\b", text), path
        assert re.search(r"\b(Ja|Nej)\b", text), path


def test_rewording_a_signed_proposal_needs_a_reason_and_tells_its_signers(
    client, communicator, open_proposal
):
    """The signers put their names to the words as they stood: a change to a
    signed proposal's text needs a reason, shows in its trail and reaches those
    who asked to be kept informed."""
    from django.core import mail

    from proposals import lifecycle

    informed = lifecycle.sign(
        open_proposal, name="Ida", email="ida@example.org", keep_informed=True
    )
    lifecycle.confirm_signature(informed.pk)
    open_proposal.refresh_from_db()
    url = reverse(f"{NS}:edit", args=[open_proposal.pk])
    data = {
        "title": open_proposal.title,
        "text": "Fler cykelställ vid Resecentrum, med tak.",
        "topic": open_proposal.topic_id,
        "area": open_proposal.area_id,
        "author_name": open_proposal.author_name,
        "edit_note": "",
    }
    refused = client.post(url, data)
    assert refused.status_code == 200  # the form back, with its message
    assert "Skriv varför texten ändras" in refused.content.decode()
    assert Proposal.objects.get(pk=open_proposal.pk).text != data["text"]
    assert not ProposalEdit.objects.exists()
    mail.outbox.clear()
    data["edit_note"] = "Förtydligat platsen efter samtal med förslagsställaren."
    assert client.post(url, data).status_code == 302
    entry = open_proposal.trail.get(kind=EntryKind.TEXT_CHANGED)
    assert entry.public and entry.text == data["edit_note"]
    page = client.get(open_proposal.get_url()).content.decode()
    assert "Förtydligat platsen efter samtal" in page
    assert any(message.to == ["ida@example.org"] for message in mail.outbox)


def test_a_proposal_nobody_signed_is_corrected_without_a_reason(
    client, communicator, proposal_factory
):
    proposal = proposal_factory(Status.IN_MODERATION)
    response = client.post(
        reverse(f"{NS}:edit", args=[proposal.pk]),
        {
            "title": proposal.title,
            "text": "Rättad stavning i texten om cykelställen.",
            "topic": proposal.topic_id,
            "area": proposal.area_id,
            "author_name": proposal.author_name,
            "edit_note": "",
        },
    )
    assert response.status_code == 302
    assert not proposal.trail.filter(kind=EntryKind.TEXT_CHANGED).exists()


def _status_panel(html):
    """The text of the edit screen's status panel, tags stripped."""
    import re

    start = html.index('data-side-panel="status"')
    panel = html[start : start + 6000]
    return " ".join(re.sub(r"<[^>]+>", " ", panel).split())


@pytest.mark.parametrize(
    ("status", "label", "visibility"),
    [
        (Status.IN_MODERATION, "Granskas", "Syns inte för invånare"),
        (Status.REJECTED, "Avvisat", "Syns inte för invånare"),
        (Status.OPEN, "Öppet för underskrifter", "Syns för invånare"),
    ],
)
def test_the_edit_screen_states_the_proposals_own_status(
    client, communicator, proposal_factory, status, label, visibility
):
    """Not Wagtail's "Status: Publicerad", which it says of every model
    without drafts, for a proposal still in moderation."""
    proposal = proposal_factory(status)
    html = client.get(reverse(f"{NS}:edit", args=[proposal.pk])).content.decode()
    panel = _status_panel(html)
    assert f"Status: {label}" in panel, panel
    assert visibility in panel
    assert "Publicerad" not in panel
    assert ("Visa den publika sidan" in panel) == (status == Status.OPEN)
