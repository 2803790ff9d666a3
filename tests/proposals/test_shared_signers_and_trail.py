"""With the page cache on, a rendered proposal page takes its signers' names and its
trail from a shared fragment (proposal.html, {% shared_fragment %}): later
requests do not query them, each language has its own copy, and what must show at
once (a new trail entry, a withdrawn name) does."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from proposals import lifecycle
from tests.comment_helpers import existing_comment
from tests.proposals.factories import (
    add_signatures,
    make_box,
    make_proposal,
    make_topic,
)

pytestmark = pytest.mark.usefixtures("cache_on")

SIGNATURES = "proposals_signature"
TRAIL = "proposals_feedbackentry"


@pytest.fixture
def proposal(site):
    box = make_box(site, signature_threshold=1000)
    proposal = make_proposal(box, make_topic(), title="Fler bänkar i Stadsparken")
    add_signatures(proposal, 3)
    lifecycle.add_status_update(proposal, text="Vi tittar på platsen i maj.")
    return proposal


def rendered(proposal, prefix=""):
    """The page as a visitor with a session gets it: rendered, never from the page
    cache; with the SQL it ran."""
    client = Client()
    client.cookies["sessionid"] = "not-a-session"
    path = prefix + proposal.box.url + f"forslag/{proposal.pk}/"
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in captured.captured_queries]


def section(page):
    return page[
        page.index('aria-labelledby="undertecknare"') : page.index("kommentarer")
    ]


def test_second_render_takes_names_and_trail_without_queries(proposal):
    first, first_sql = rendered(proposal)
    second, second_sql = rendered(proposal)
    assert any(SIGNATURES in sql for sql in first_sql)
    assert any(TRAIL in sql for sql in first_sql)
    assert not any(SIGNATURES in sql or TRAIL in sql for sql in second_sql)
    assert section(second) == section(first)
    assert "Undertecknare 2" in second
    assert "Vi tittar på platsen i maj." in second


def test_off_with_the_page_cache(proposal, settings):
    settings.PAGE_CACHE_SECONDS = 0
    rendered(proposal)
    _page, sql = rendered(proposal)
    assert any(TRAIL in q for q in sql)


def test_each_language_has_its_own_copy(proposal):
    swedish, _sql = rendered(proposal)
    english, _sql = rendered(proposal, prefix="/en")
    assert "Vad har hänt?" in swedish
    assert "Vad har hänt?" not in english
    assert "What has happened?" in english


def test_a_new_trail_entry_shows_at_once(proposal):
    rendered(proposal)
    lifecycle.add_status_update(proposal, text="Nämnden tar upp förslaget i juni.")
    page, _sql = rendered(proposal)
    assert "Nämnden tar upp förslaget i juni." in page


def test_a_withdrawn_name_leaves_the_page_at_once(proposal):
    signature = lifecycle.sign(proposal, name="Eva Ek", email="eva@example.org")
    assert lifecycle.confirm_signature(signature.pk) == lifecycle.CONFIRMED
    assert "Eva Ek" in rendered(proposal)[0]
    lifecycle.withdraw_signature(signature.pk)
    assert "Eva Ek" not in rendered(proposal)[0]
    anonymous = Client().get(proposal.box.url + f"forslag/{proposal.pk}/")
    assert "Eva Ek" not in anonymous.content.decode()


COMMENTS = "django_comments"


def test_second_render_takes_the_comments_without_a_query(proposal):
    existing_comment(proposal, text="Gärna vid lekplatsen.")
    first, first_sql = rendered(proposal)
    second, second_sql = rendered(proposal)
    assert any(COMMENTS in sql for sql in first_sql)
    assert not any(COMMENTS in sql for sql in second_sql)
    assert "Gärna vid lekplatsen." in second


def test_a_comment_published_or_removed_shows_at_once(proposal):
    rendered(proposal)
    comment = existing_comment(proposal, text="Gärna vid lekplatsen.")
    assert "Gärna vid lekplatsen." in rendered(proposal)[0]
    comment.is_removed = True  # a moderator removes it
    comment.save()
    assert "Gärna vid lekplatsen." not in rendered(proposal)[0]
    anonymous = Client().get(proposal.box.url + f"forslag/{proposal.pk}/")
    assert "Gärna vid lekplatsen." not in anonymous.content.decode()
