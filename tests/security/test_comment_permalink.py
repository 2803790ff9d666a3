"""A comment's permalink (/kommentarer/cr/<ct>/<id>/) leads only to public
targets, on the site's own address: never to Django's placeholder example.com,
and a 404 alike for unpublished and missing targets."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site as DjangoSite

from municipality import site_address
from proposals.constants import Status
from tests.comment_helpers import existing_comment

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def placeholder_sites_record(site):
    # Django's Sites record as a fresh database has it: what the library's
    # shortcut view built its redirects from.
    DjangoSite.objects.filter(pk=1).update(domain="example.com")


def permalink(target):
    return existing_comment(target).get_absolute_url().split("#")[0]


def test_a_public_proposal_s_comment_leads_to_its_page_on_the_site(
    client, open_proposal
):
    response = client.get(permalink(open_proposal))
    assert response.status_code == 302
    assert response["Location"] == site_address.absolute(open_proposal.get_url())
    assert "example.com" not in response["Location"]


@pytest.mark.parametrize(
    "status", [Status.SUBMITTED, Status.IN_MODERATION, Status.REJECTED]
)
def test_a_non_public_proposal_is_a_404_like_a_missing_one(
    client, proposal_factory, status
):
    proposal = proposal_factory(status)
    assert client.get(permalink(proposal)).status_code == 404


def test_missing_and_unknown_targets_are_404(client, open_proposal):
    content_type = ContentType.objects.get_for_model(open_proposal)
    for path in (
        f"/kommentarer/cr/{content_type.pk}/999999/",
        f"/kommentarer/cr/{content_type.pk}/not-a-number/",
        f"/kommentarer/cr/{ContentType.objects.get_for_model(DjangoSite).pk}/1/",
        "/kommentarer/cr/999999/1/",
        "/kommentarer/cr/99999999999999999999999/1/",
    ):
        assert client.get(path).status_code == 404, path
