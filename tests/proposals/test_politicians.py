"""Politicians in the admin: their list, their responses, and forged requests that
must fail on the server."""

from datetime import timedelta

import pytest
from django.urls import reverse

from proposals import lifecycle
from proposals.constants import EntryKind, Status
from proposals.models import FeedbackEntry, Proposal
from tests.proposals.factories import add_signatures

pytestmark = pytest.mark.django_db

NS = "wagtailsnippets_proposals_proposal"
SIG_NS = "wagtailsnippets_proposals_signature"
ENTRY_NS = "wagtailsnippets_proposals_feedbackentry"


@pytest.fixture
def logged_in(client, politician):
    client.force_login(politician)
    return client


def forbidden(response):
    """Wagtail answers a denied admin request with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302
        and response["Location"] == reverse("wagtailadmin_home")
    )


def test_politician_sees_proposals_referred_to_their_committees(
    logged_in, registered_proposal, proposal_factory
):
    proposal_factory(Status.REFERRED, title="Ej registrerat än")
    proposal_factory(Status.OPEN, title="Fortfarande öppet")
    response = logged_in.get(reverse("proposals_responses:index"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Säkrare övergångsställe" in html
    assert "Ej registrerat än" not in html
    assert "Fortfarande öppet" not in html
    menu = logged_in.get(reverse("wagtailadmin_home")).content.decode()
    assert "Svara p\\u00e5 f\\u00f6rslag" in menu


def test_politician_responds_and_edits_within_24_hours(
    logged_in, politician, registered_proposal
):
    url = reverse("proposals_responses:respond", args=[registered_proposal.pk])
    assert logged_in.get(url).status_code == 200
    response = logged_in.post(url, {"text": ""})
    assert response.status_code == 400
    assert not registered_proposal.trail.filter(kind=EntryKind.RESPONSE).exists()
    response = logged_in.post(url, {"text": "Nämnden behandlar det i maj."})
    assert response.status_code == 302
    entry = registered_proposal.trail.get(kind=EntryKind.RESPONSE)
    assert entry.author == politician
    assert entry.signed_by.startswith("Per Holm (Mittenpartiet)")

    edit = reverse("proposals_responses:edit", args=[entry.pk])
    response = logged_in.post(edit, {"text": "Nämnden behandlar det i juni."})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.text == "Nämnden behandlar det i juni."
    assert entry.edited_at is not None


def test_forged_edit_of_someone_elses_response(
    client, logged_in, politician, registered_proposal, committee
):
    from django.contrib.auth.models import Group, User

    from proposals.models import PoliticianProfile

    other = User.objects.create_user("annan", password="x")
    other.groups.add(Group.objects.get(name="Politiker"))
    profile = PoliticianProfile.objects.create(
        user=other, name="Anna Annan", party="Andra partiet", role="ledamot"
    )
    profile.committees.add(committee)
    theirs = lifecycle.add_response(registered_proposal, user=other, text="Mitt svar")
    url = reverse("proposals_responses:edit", args=[theirs.pk])
    assert forbidden(logged_in.get(url))
    assert forbidden(logged_in.post(url, {"text": "Förfalskat"}))
    theirs.refresh_from_db()
    assert theirs.text == "Mitt svar"
    assert not theirs.versions.exists()


def test_forged_edit_of_an_expired_own_response(
    logged_in, politician, registered_proposal
):
    entry = lifecycle.add_response(registered_proposal, user=politician, text="Gammalt")
    FeedbackEntry.objects.filter(pk=entry.pk).update(
        created_at=entry.created_at - timedelta(hours=25)
    )
    url = reverse("proposals_responses:edit", args=[entry.pk])
    assert forbidden(logged_in.post(url, {"text": "Nytt"}))
    entry.refresh_from_db()
    assert entry.text == "Gammalt"


def test_forged_response_to_another_committees_proposal(logged_in, proposal_factory):
    proposal = proposal_factory(Status.REFERRED)
    url = reverse("proposals_responses:respond", args=[proposal.pk])
    assert forbidden(logged_in.get(url))
    assert forbidden(logged_in.post(url, {"text": "Förfalskat"}))
    assert not proposal.trail.filter(kind=EntryKind.RESPONSE).exists()


def test_forged_page_edit(logged_in, box):
    url = reverse("wagtailadmin_pages:edit", args=[box.pk])
    assert forbidden(logged_in.get(url))
    response = logged_in.post(url, {"title": "Kapad", "slug": box.slug})
    assert forbidden(response)
    box.refresh_from_db()
    assert box.title == "Förslagslådan"


def test_forged_moderation(logged_in, proposal_factory, registered_proposal):
    waiting = proposal_factory(Status.IN_MODERATION)
    for name in ("approve", "reject"):
        response = logged_in.post(
            reverse(f"{NS}:{name}", args=[waiting.pk]),
            {"reason": "other", "message": "Nej"},
        )
        assert forbidden(response)
    assert Proposal.objects.get(pk=waiting.pk).status == Status.IN_MODERATION
    for name, data in (
        ("answer", {"outcome": "approved", "decided_on": "2026-01-01"}),
        ("update", {"text": "Förfalskad"}),
    ):
        response = logged_in.post(
            reverse(f"{NS}:{name}", args=[registered_proposal.pk]), data
        )
        assert forbidden(response)
    entry = registered_proposal.trail.last()
    response = logged_in.post(
        reverse(f"{ENTRY_NS}:correct", args=[entry.pk]),
        {"text": "Förfalskad", "note": "x"},
    )
    assert forbidden(response)
    assert Proposal.objects.get(pk=registered_proposal.pk).status == Status.REFERRED
    assert not FeedbackEntry.objects.filter(text="Förfalskad").exists()


def test_politician_cannot_see_signers_emails(logged_in, registered_proposal):
    add_signatures(registered_proposal, 1, prefix="hemlig")
    signature = registered_proposal.signatures.filter(email__startswith="hemlig").get()
    for url in (
        reverse(f"{SIG_NS}:list"),
        reverse(f"{SIG_NS}:edit", args=[signature.pk]),
        reverse(f"{NS}:list"),
        reverse(f"{NS}:edit", args=[registered_proposal.pk]),
    ):
        response = logged_in.get(url)
        assert forbidden(response)
        assert signature.email not in response.content.decode()
    listing = logged_in.get(reverse("proposals_responses:index")).content.decode()
    assert "@example.org" not in listing


def test_non_politician_cannot_use_the_response_area(client, registered_proposal, site):
    from django.contrib.auth.models import User

    client.force_login(User.objects.get(username="kommunikator"))
    url = reverse("proposals_responses:respond", args=[registered_proposal.pk])
    assert forbidden(client.post(url, {"text": "Jag är ingen politiker"}))
    assert not registered_proposal.trail.filter(kind=EntryKind.RESPONSE).exists()
