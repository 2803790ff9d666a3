"""A signature leaves only through the lifecycle, which keeps the count: the
admin's generic snippet views cannot delete one, not even for a superuser."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from proposals import lifecycle, signals
from proposals.models import Proposal, Signature

pytestmark = pytest.mark.django_db

SIG_NS = "wagtailsnippets_proposals_signature"


@pytest.fixture
def admin_client(client, site):
    user = get_user_model().objects.create_superuser(
        "hela-admin", "admin@mittkoping.se", "Lösenord-för-test-123"
    )
    client.force_login(user)
    return client


@pytest.fixture
def counted(open_proposal):
    signature = lifecycle.sign(
        open_proposal, name="Räknad", email="raknad@example.org", show_name=True
    )
    lifecycle.confirm_signature(signature.pk)
    assert Proposal.objects.get(pk=open_proposal.pk).signature_count == 1
    return Signature.objects.get(pk=signature.pk)


def _count(signature):
    return Proposal.objects.get(pk=signature.proposal_id).signature_count


def test_the_delete_view_is_closed(admin_client, counted):
    url = reverse(f"{SIG_NS}:delete", args=[counted.pk])
    for response in (admin_client.get(url), admin_client.post(url)):
        assert response.status_code == 404
    assert Signature.objects.filter(pk=counted.pk).exists()
    assert _count(counted) == 1


def test_the_listing_offers_no_delete(admin_client, counted):
    listing = admin_client.get(reverse(f"{SIG_NS}:list")).content.decode()
    assert "Räknad" in listing
    assert reverse(f"{SIG_NS}:delete", args=[counted.pk]) not in listing


def test_the_bulk_delete_is_closed(admin_client, counted):
    url = (
        reverse("wagtail_bulk_action", args=["proposals", "signature", "delete"])
        + f"?id={counted.pk}"
    )
    admin_client.get(url)
    admin_client.post(url)
    assert Signature.objects.filter(pk=counted.pk).exists()
    assert _count(counted) == 1


def test_the_add_and_copy_views_are_closed(admin_client, counted):
    before = Signature.objects.count()
    admin_client.post(reverse(f"{SIG_NS}:add"), {"name": "Påhittad", "show_name": "on"})
    admin_client.post(
        reverse(f"{SIG_NS}:copy", args=[counted.pk]),
        {"name": "Kopia", "show_name": "on"},
    )
    assert Signature.objects.count() == before
    assert _count(counted) == 1


def test_a_corrected_name_is_announced_so_cached_pages_change(
    admin_client, counted, django_capture_on_commit_callbacks
):
    heard = []

    def listener(sender, proposal_id, **kwargs):
        heard.append(proposal_id)

    signals.public_signature_removed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(
                reverse(f"{SIG_NS}:edit", args=[counted.pk]), {"name": "Rättad"}
            )
    finally:
        signals.public_signature_removed.disconnect(listener)
    assert response.status_code == 302
    signature = Signature.objects.get(pk=counted.pk)
    assert (signature.name, signature.show_name) == ("Rättad", False)
    assert heard == [counted.proposal_id]
    assert _count(counted) == 1
