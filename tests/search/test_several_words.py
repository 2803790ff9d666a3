"""A query of several words lists what holds all of them first, then what holds
some of them; the lower tier is not searched when the first fills the list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from municipality import swedish
from search import results
from tests.search.helpers import results as shown
from tests.search.helpers import titles

pytestmark = pytest.mark.django_db


def test_pages_with_every_word_come_first(client, proposal_factory):
    proposal_factory(title="Belysning i parken", text="Mörkt på kvällarna.")
    proposal_factory(title="Cykelväg till skolan", text="Säkrare väg.")
    proposal_factory(title="Belysning på cykelvägen", text="Mörkt på vintern.")
    proposal_factory(title="Fler bänkar", text="Att vila på.")
    response = client.get("/sok/", {"q": "belysning cykelvägar", "typ": "forslag"})
    found = [title for _kind, title in shown(response)]
    assert found[0] == "Belysning på cykelvägen"
    assert set(found[1:]) == {"Belysning i parken", "Cykelväg till skolan"}
    assert "Fler bänkar" not in titles(response)


def test_the_lower_tier_is_skipped_when_the_first_has_more(
    site, proposal_factory, monkeypatch
):
    monkeypatch.setattr(results, "MAX_RANKED_PER_SOURCE", 2)
    for number in range(4):
        proposal_factory(title=f"Boulebana med grus {number}", text="Boule.")
    proposal_factory(title="Boulebana", text="Boule.")
    expanded = swedish.expand("boulebana grus")
    with CaptureQueriesContext(connection) as captured:
        outcome = results.find(
            expanded, kind="forslag", site=Site.objects.get(pk=site.pk)
        )
    assert outcome.truncated
    assert {hit.tier for hit in outcome.hits} == {1}
    searches = [q["sql"] for q in captured.captured_queries if "LIMIT 3" in q["sql"]]
    assert len(searches) == 1
