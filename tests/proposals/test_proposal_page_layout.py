"""What a resident sees first on a proposal: the status, the count against the
threshold, the deadline and the latest answer; then the text and the trail; the
signers' names last, folded after the first twenty."""

import re

import pytest

from proposals.constants import EntryKind
from proposals.models import FeedbackEntry
from tests.proposals.factories import add_signatures

pytestmark = pytest.mark.django_db


def page(client, proposal):
    response = client.get(proposal.get_url())
    assert response.status_code == 200
    return response.content.decode()


def test_the_answer_leads_and_the_names_come_last(client, proposal_factory):
    proposal = proposal_factory("answered", title="Ny badplats vid Ådalen")
    add_signatures(proposal, 45)
    answer = FeedbackEntry.objects.create(
        proposal=proposal,
        kind=EntryKind.RESPONSE,
        text="Vi undersöker marken vid kvarnen.",
        signed_by="Per Holm (Mittenpartiet), ordförande i tekniska nämnden",
    )
    html = page(client, proposal)
    proposal.refresh_from_db()
    lead = html.index('id="senaste-svar"')
    assert html.index("<h1>") < html.index('class="pf-lead"') < lead
    assert lead < html.index('class="pf-text"') < html.index('id="handelser"')
    assert html.index('id="handelser"') < html.index('id="undertecknare"')
    answer_box = html[lead : html.index("</section>", lead)]
    assert "Vi undersöker marken vid kvarnen." in answer_box
    assert "Per Holm (Mittenpartiet)" in answer_box
    assert f'href="#handelse-{answer.pk}"' in answer_box
    reached = (
        f"{proposal.signature_count} underskrifter – målet på {proposal.threshold}"
    )
    assert f"{reached} är nått" in html
    # Twenty names in view, the rest folded away (no script needed).
    names = html[html.index('id="undertecknare"') :]
    in_view = names[: names.index("<details")]
    assert len(re.findall(r"Undertecknare \d+", in_view)) == 20
    folded = names[names.index("<details") : names.index("</details>")]
    rest = proposal.signature_count - 20
    assert f"Visa {rest} namn till" in folded
    assert len(re.findall(r"Undertecknare \d+", folded)) == rest


def test_an_open_proposal_leads_with_its_count_deadline_and_sign_button(
    client, open_proposal
):
    add_signatures(open_proposal, open_proposal.threshold - 1)
    html = page(client, open_proposal)
    lead = html[html.index('class="pf-lead"') : html.index('class="pf-text"')]
    count, threshold = open_proposal.signature_count, open_proposal.threshold
    assert f"{count} av {threshold} underskrifter" in lead
    assert "Sista dag att skriva under" in lead
    assert 'href="#skriv-under"' in lead
    assert 'id="senaste-svar"' not in html
    assert "<details" not in html  # a few names: nothing to fold


def test_feedback_given_today_says_today(client, open_proposal):
    assert "Senaste återkoppling: i dag" in page(client, open_proposal)
    assert "för 0 dagar sedan" not in page(client, open_proposal)


def test_a_changed_threshold_is_explained(client, open_proposal, box):
    """A proposal keeps the threshold it was published with; after the box's
    changes, the page and the rules say so instead of contradicting each other."""
    box.signature_threshold = open_proposal.threshold + 50
    box.save_revision().publish()
    html = page(client, open_proposal)
    assert f"Gränsen var {open_proposal.threshold} underskrifter" in html
    rules = client.get(box.url).content.decode()
    assert "behåller den gräns och den sista dag som gällde" in rules
    box.signature_threshold = open_proposal.threshold
    box.save_revision().publish()
    assert "Gränsen var" not in page(client, open_proposal)
