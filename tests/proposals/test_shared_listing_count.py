"""With the page cache on, the listing's count and page of proposals under its
filters is a shared fragment (suggestion_box_page.html): later renders do not count
again, each filter has its own count, and a proposal published or
moved on through the lifecycle shows in the count at once."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from proposals import lifecycle
from proposals.constants import Status
from tests.proposals.factories import make_box, make_proposal, make_topic

pytestmark = pytest.mark.usefixtures("cache_on")


@pytest.fixture
def box(site):
    box = make_box(site)
    topic = make_topic()
    for number in range(3):
        make_proposal(box, topic, title=f"Förslag {number}")
    make_proposal(box, topic, Status.ANSWERED, title="Besvarat förslag")
    return box


def listing(box, **params):
    """The listing as a visitor with a session gets it (rendered, never from the
    page cache): the count it shows and whether it counted."""
    client = Client()
    client.cookies["sessionid"] = "not-a-session"
    with CaptureQueriesContext(connection) as captured:
        response = client.get(box.url, params)
    assert response.status_code == 200
    counted = any("COUNT(*)" in q["sql"] for q in captured.captured_queries)
    shown = re.search(r'<p role="status">(\d+) förslag</p>', response.content.decode())
    return int(shown[1]), counted


def test_the_count_is_counted_once_and_shared(box):
    assert listing(box) == (4, True)
    assert listing(box) == (4, False)
    # Another filter has its own count.
    assert listing(box, status="open") == (3, True)
    assert listing(box, status="open") == (3, False)
    assert listing(box, status="answered") == (1, True)


def test_a_published_or_withdrawn_proposal_shows_in_the_count_at_once(box):
    assert listing(box, status="open") == (3, True)
    proposal = make_proposal(box, make_topic(), Status.IN_MODERATION, title="Nytt")
    assert listing(box, status="open")[0] == 3  # not published yet
    lifecycle.approve(proposal)
    assert listing(box, status="open") == (4, True)
    lifecycle.withdraw_proposal(proposal)
    assert listing(box, status="open") == (3, True)
