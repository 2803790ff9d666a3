"""In a real browser: the demo politician answers in the admin and the answer
appears on the public page; axe-core on a proposal page with a long trail."""

import io

import pytest
from django.db import connections

from proposals import demo, lifecycle
from proposals.constants import DecisionOutcome, Status
from proposals.models import PoliticianProfile, Proposal
from tests.axe import assert_no_axe_violations
from tests.proposals.factories import (
    make_box,
    make_committee,
    make_proposal,
    make_topic,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LIBRARY = "Förläng bibliotekets öppettider på helgerna"


@pytest.fixture
def close_connections(browser):
    yield
    connections.close_all()


def test_demo_politician_responds_and_it_appears_publicly(
    live_server, site, page, close_connections
):
    demo.build(site, io.StringIO())
    proposal = Proposal.objects.get(title=LIBRARY)
    public_url = live_server.url + proposal.get_url()
    url = live_server.url

    page.goto(url + "/admin/login/")
    page.locator("#id_username").fill("politiker")
    page.locator("#id_password").fill("Mittkoping-politiker-2026")
    page.locator("form button[type=submit]").first.click()
    page.goto(url + "/admin/forslag-svar/")
    row = page.locator("tr", has_text=LIBRARY)
    row.get_by_role("link", name="Svara").click()
    page.locator("#id_text").fill(
        "Jag tar upp förslaget på nästa möte i kultur- och fritidsnämnden."
    )
    page.get_by_role("button", name="Publicera svaret").click()
    page.wait_for_url("**/admin/forslag-svar/")
    assert "nästa möte" in page.locator("tr", has_text=LIBRARY).inner_text()

    page.goto(public_url)
    trail = page.locator("#handelser").locator("xpath=..")
    response = trail.locator(".pf-entry--response").last
    assert "nästa möte i kultur- och fritidsnämnden" in response.inner_text()
    assert "Per Holm (Mittenpartiet), ordförande i tekniska nämnden" in (
        response.inner_text()
    )


def test_long_trail_has_no_axe_violations(live_server, site, page, close_connections):
    box = make_box(site)
    topic = make_topic()
    committee = make_committee()
    from django.contrib.auth.models import User

    user = User.objects.get(username="politiker")
    profile = PoliticianProfile.objects.create(
        user=user, name="Per Holm", party="Mittenpartiet", role="ordförande"
    )
    profile.committees.add(committee)
    proposal = make_proposal(box, topic, status=Status.REFERRED)
    lifecycle.register_referral(proposal, committee=committee, case_number="TN 2026/1")
    for i in range(8):
        lifecycle.add_status_update(proposal, text=f"Lägesrapport nummer {i + 1}.")
        lifecycle.add_response(proposal, user=user, text=f"Politikerns svar {i + 1}.")
    lifecycle.answer(
        proposal,
        outcome=DecisionOutcome.PARTLY_APPROVED,
        decision_url="https://www.mittkoping.se/protokoll/1",
        text="Nämnden biföll delvis.",
    )
    lifecycle.add_implementation_update(proposal, text="Arbetet har börjat.")
    page.goto(live_server.url + proposal.get_url())
    assert page.locator(".pf-entry").count() >= 20
    assert_no_axe_violations(page)
    page.goto(live_server.url + box.url)
    assert_no_axe_violations(page)
