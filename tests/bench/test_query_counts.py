"""Smoke of bench/queries.py: the number of queries per page type does not grow with
the number of proposals, signatures, trail entries or dialogues."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from dialogues.models import DialoguePage
from proposals.constants import Status
from proposals.models import Proposal, SuggestionBoxPage

pytestmark = pytest.mark.django_db

SORTS = ["most_signed", "newest", "closing_soon", "recently_answered"]


def generate(proposals, signatures, trail):
    call_command(
        "generate_bench_data",
        dialogues=2,
        proposals=proposals,
        signatures=signatures,
        trail=trail,
        stdout=io.StringIO(),
    )


def page_paths():
    box = SuggestionBoxPage.objects.live().first()
    busiest = (
        Proposal.objects.filter(status=Status.OPEN)
        .order_by("-signature_count", "pk")
        .first()
    )
    dialogue = DialoguePage.objects.live().order_by("-pk").first()
    paths = {f"listing {sort}": f"{box.url}?sort={sort}" for sort in SORTS}
    paths |= {
        "home": "/",
        "listing page 2": f"{box.url}?sort=newest&page=2",
        "proposal": box.url + box.reverse_subpage("proposal_view", args=[busiest.pk]),
        "dialogue": dialogue.url,
        # Only proposals hold "kusten" (in their titles): the same kinds of hits on
        # the first page at any size.
        "search": "/sok/?q=kusten",
        # Pages and proposals: how many pages are on the first page depends on the
        # data (two queries for the pages shown), so this count may only fall.
        "search (pages too)": "/sok/?q=cykelbanan",
    }
    return paths


def query_counts():
    client = Client()
    counts = {}
    for name, path in page_paths().items():
        client.get(path)  # warm-up, as a running process would be
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200, (name, path)
        counts[name] = len(captured)
    return counts


def test_query_counts_do_not_grow_with_the_data(bench_site):
    generate(proposals=30, signatures=60, trail=3)
    small = query_counts()
    generate(proposals=400, signatures=4000, trail=60)
    large = query_counts()
    assert max(small.values()) <= 30, small
    assert large.pop("search (pages too)") <= small.pop("search (pages too)")
    assert large == small
