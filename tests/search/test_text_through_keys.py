"""A proposal's text is searched through its keys only (`key_source_fields`): the
index entry holds the keys, not the text a second time, and the text is still found
and shown in the excerpt."""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Site
from wagtail.search.models import IndexEntry

from municipality import swedish
from proposals.models import Proposal
from search import results
from search.excerpts import excerpt, indexed_text
from tests.proposals.factories import make_box, make_proposal, make_topic

pytestmark = pytest.mark.django_db


def test_the_text_is_indexed_as_keys_and_found_with_its_excerpt(site):
    proposal = make_proposal(
        make_box(site),
        make_topic(),
        "open",
        title="Bättre skyltning",
        text="Jag föreslår fler hundrastgårdar längs ån.",
    )
    entry = IndexEntry.objects.get(
        content_type=ContentType.objects.get_for_model(Proposal),
        object_id=str(proposal.pk),
    )
    body = str(entry.body)
    # The keys: folded stems and compound parts; not the words as written, which
    # keep their å, ä and ö.
    assert "hundrastgard" in body and "rast" in body
    assert not set("åäö") & set(body)

    hits = results.find(swedish.expand("hund"), site=Site.objects.get(pk=site.pk)).hits
    assert [hit.pk for hit in hits] == [proposal.pk]
    text = indexed_text(Proposal.objects.get(pk=proposal.pk))
    shown = excerpt(text, swedish.expand("hund"))
    assert "<mark>hundrastgårdar</mark>" in shown
