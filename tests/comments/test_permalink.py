"""A comment's permalink (/kommentarer/cr/<content type>/<id>/, where
comment.get_absolute_url points) leads to the commented page on the site itself,
and only for a target whose comments are shown: an unpublished proposal, a draft
dialogue or an object that takes no comments answers 404, like a missing one, so
the route tells nobody what exists."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from proposals.constants import Status
from tests.comment_helpers import existing_comment
from tests.proposals.factories import make_proposal, make_topic

pytestmark = pytest.mark.django_db


def permalink(target, pk=None):
    content_type = ContentType.objects.get_for_model(target)
    return reverse("comments-url-redirect", args=[content_type.pk, pk or target.pk])


def test_a_comment_links_to_its_public_proposal_on_this_site(client, proposal):
    comment = existing_comment(proposal)
    response = client.get(comment.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == proposal.get_url()


def test_a_comment_links_to_its_dialogue(client, dialogue):
    response = client.get(permalink(dialogue))
    assert response.status_code == 302
    assert response["Location"] == dialogue.get_url()


@pytest.mark.parametrize(
    "status", [Status.SUBMITTED, Status.IN_MODERATION, Status.REJECTED]
)
def test_an_unpublished_proposal_is_a_404_like_a_missing_one(client, proposal, status):
    hidden = make_proposal(proposal.box, make_topic(), status=status)
    assert client.get(permalink(hidden)).status_code == 404
    assert client.get(permalink(proposal, pk=hidden.pk + 1000)).status_code == 404
    assert client.get(permalink(proposal, pk="inte-ett-tal")).status_code == 404


def test_a_draft_dialogue_is_a_404(client, dialogue):
    dialogue.unpublish()
    assert client.get(permalink(dialogue)).status_code == 404


def test_an_object_that_takes_no_comments_is_a_404(client, dialogue):
    index = dialogue.get_parent().specific
    assert client.get(permalink(index)).status_code == 404
    assert client.get("/kommentarer/cr/999999/1/").status_code == 404
