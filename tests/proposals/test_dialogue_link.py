"""Proposals linked to dialogues: the dialogue's proposals and 'ni sa, vi gjorde'."""

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dialogues import rules
from dialogues.choices import InfluenceLevel
from dialogues.choices import Status as DialogueStatus
from dialogues.models import DialogueIndexPage, DialogueMethod, DialoguePage
from proposals import lifecycle
from proposals.constants import DecisionOutcome, Status
from proposals.models import Proposal
from tests.proposals.factories import PROPOSER_EMAIL, add_signatures
from tests.proposals.helpers import submit_data

pytestmark = pytest.mark.django_db
_numbers = itertools.count(1)


@pytest.fixture
def make_dialogue(site, committee):
    index = DialogueIndexPage(title="Dialoger", slug="dialoger")
    site.root_page.add_child(instance=index)
    index.save_revision().publish()

    def make(methods=("forslagslada",), **fields):
        number = next(_numbers)
        values = {
            "title": f"Dialog {number}",
            "slug": f"dialog-{number}",
            "question": "Hur ska torget se ut?",
            "influence_level": InfluenceLevel.CONSULTATION,
            "status": DialogueStatus.OPEN,
            "open_to_influence": "<p>Utformningen.</p>",
            "end_date": datetime.date(2026, 12, 31),
            "committee": committee,
            **fields,
        }
        page = DialoguePage(
            methods=list(DialogueMethod.objects.filter(slug__in=methods)), **values
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        return page

    return make


def test_proposal_links_to_a_dialogue(make_dialogue, proposal_factory):
    dialogue = make_dialogue()
    proposal = proposal_factory("open", dialogue=dialogue)
    assert list(dialogue.proposals.all()) == [proposal]
    dialogue.delete()
    proposal.refresh_from_db()
    assert proposal.dialogue is None


def test_proposal_page_links_back_to_its_dialogue(
    client, make_dialogue, proposal_factory
):
    dialogue = make_dialogue(title="Torgets framtid")
    proposal = proposal_factory("open", dialogue=dialogue)
    html = client.get(proposal.get_url()).content.decode()
    assert "Lämnat i dialogen" in html
    assert f'<a href="{dialogue.url}">Torgets framtid</a>' in html
    dialogue.unpublish()
    html = client.get(proposal.get_url()).content.decode()
    assert "Torgets framtid" not in html


def test_rules_show_proposals_only_with_the_method_above_information(make_dialogue):
    with_method = make_dialogue()
    without = make_dialogue(methods=("kafedialog",))
    information = make_dialogue(influence_level=InfluenceLevel.INFORMATION)
    planned = make_dialogue(status=DialogueStatus.PLANNED)
    closed = make_dialogue(status=DialogueStatus.CLOSED)
    assert rules.shows_proposals(with_method) and rules.takes_proposals(with_method)
    assert not rules.shows_proposals(without)
    assert not rules.shows_proposals(information)
    assert not rules.shows_proposal_outcomes(information)
    assert rules.shows_proposals(planned) and not rules.takes_proposals(planned)
    assert rules.shows_proposal_outcomes(closed) and not rules.takes_proposals(closed)
    assert list(rules.dialogues_taking_proposals()) == [with_method]


def test_open_dialogue_lists_its_public_proposals(
    client, make_dialogue, proposal_factory
):
    dialogue = make_dialogue()
    shown = proposal_factory("open", title="Träd runt torget", dialogue=dialogue)
    add_signatures(shown, 2)
    proposal_factory("in_moderation", title="Väntar på granskning", dialogue=dialogue)
    proposal_factory("open", title="Hör till ingen dialog")
    html = client.get(dialogue.url).content.decode()
    assert "Förslag i dialogen" in html
    assert "Träd runt torget" in html
    assert f"/forslagslada/forslag/{shown.pk}/" in html
    assert "2 underskrifter" in html
    assert "Väntar på granskning" not in html
    assert "Hör till ingen dialog" not in html
    assert f"/forslagslada/lamna-forslag/?dialog={dialogue.pk}" in html
    assert PROPOSER_EMAIL not in html
    assert "Ni sa, vi gjorde" not in html


def test_no_section_without_the_method_or_at_information_level(
    client, make_dialogue, proposal_factory
):
    for dialogue in (
        make_dialogue(methods=("kafedialog",)),
        make_dialogue(
            influence_level=InfluenceLevel.INFORMATION, status=DialogueStatus.CLOSED
        ),
    ):
        proposal_factory("open", title="Ett länkat förslag", dialogue=dialogue)
        html = client.get(dialogue.url).content.decode()
        assert "Ett länkat förslag" not in html
        assert "Förslag i dialogen" not in html
        assert "Ni sa, vi gjorde" not in html
        assert "?dialog=" not in html


def test_ni_sa_vi_gjorde_after_the_dialogue(
    client, make_dialogue, proposal_factory, box
):
    dialogue = make_dialogue(
        status=DialogueStatus.FEEDBACK_GIVEN, feedback="<p>Tack för era förslag.</p>"
    )
    approved = proposal_factory("referred", title="Fler bänkar", dialogue=dialogue)
    lifecycle.answer(
        approved,
        outcome=DecisionOutcome.APPROVED,
        text="Tekniska nämnden ställer ut tio bänkar i vår.",
    )
    proposal_factory("open", title="Lekplats vid torget", dialogue=dialogue)
    proposal_factory("rejected", title="Avvisat förslag", dialogue=dialogue)
    html = client.get(dialogue.url).content.decode()
    assert "Ni sa, vi gjorde" in html
    assert "Fler bänkar" in html and "Bifall" in html
    assert "Tekniska nämnden ställer ut tio bänkar i vår." in html
    assert "Lekplats vid torget" in html
    assert "Förslaget publicerades och är öppet för underskrifter." in html
    assert "Avvisat förslag" not in html
    assert "?dialog=" not in html
    assert PROPOSER_EMAIL not in html


def test_dialogue_page_queries_do_not_grow_with_proposals(
    client, make_dialogue, proposal_factory, django_assert_max_num_queries
):
    dialogue = make_dialogue(status=DialogueStatus.COMPILING)
    proposal_factory("answered", title="Förslag 0", dialogue=dialogue)
    client.get(dialogue.url)  # warm caches (site root paths, settings)
    with CaptureQueriesContext(connection) as one:
        assert client.get(dialogue.url).status_code == 200
    for number in range(1, 6):
        proposal_factory("answered", title=f"Förslag {number}", dialogue=dialogue)
    with django_assert_max_num_queries(len(one.captured_queries)):
        html = client.get(dialogue.url).content.decode()
    assert "Förslag 5" in html


def _submit_url(box):
    return box.url + box.reverse_subpage("submit_view")


def test_submit_form_preselects_an_open_dialogue(client, make_dialogue, box):
    dialogue = make_dialogue()
    closed = make_dialogue(status=DialogueStatus.CLOSED)
    html = client.get(_submit_url(box) + f"?dialog={dialogue.pk}").content.decode()
    assert f'<option value="{dialogue.pk}" selected>' in html
    html = client.get(_submit_url(box) + f"?dialog={closed.pk}").content.decode()
    assert f'value="{closed.pk}"' not in html
    assert '<option value="" selected>' in html
    assert client.get(_submit_url(box) + "?dialog=abc").status_code == 200


def test_submit_form_has_no_dialogue_field_without_such_dialogues(client, box):
    assert 'name="dialogue"' not in client.get(_submit_url(box)).content.decode()


def _form(topic, **extra):
    return submit_data(topic, **extra)


def test_submitted_proposal_keeps_the_dialogue(client, make_dialogue, box, topic):
    dialogue = make_dialogue()
    response = client.post(_submit_url(box), _form(topic, dialogue=dialogue.pk))
    assert response.status_code == 302
    assert Proposal.objects.get().dialogue == dialogue


def test_submitting_to_a_closed_dialogue_is_refused(client, make_dialogue, box, topic):
    make_dialogue()
    closed = make_dialogue(status=DialogueStatus.CLOSED)
    response = client.post(_submit_url(box), _form(topic, dialogue=closed.pk))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Dialogen tar inte emot förslag längre." in html
    assert "Fler cykelställ vid Resecentrum" in html
    assert not Proposal.objects.exists()


def test_communicator_links_a_proposal_in_the_admin(
    client, communicator_user, make_dialogue, proposal_factory
):
    dialogue = make_dialogue(status=DialogueStatus.CLOSED)
    proposal = proposal_factory(Status.OPEN)
    client.force_login(communicator_user)
    url = reverse("wagtailsnippets_proposals_proposal:edit", args=[proposal.pk])
    response = client.post(
        url,
        {
            "title": proposal.title,
            "text": proposal.text,
            "topic": proposal.topic_id,
            "area": proposal.area_id,
            "author_name": proposal.author_name,
            "dialogue": dialogue.pk,
            "edit_note": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    proposal.refresh_from_db()
    assert proposal.dialogue == dialogue
    assert proposal.status == Status.OPEN


def test_demo_links_proposals_to_a_dialogue_once(client):
    import io

    from django.core.management import call_command

    from proposals.demo import DIALOGUE_PROPOSALS, DIALOGUE_SLUG

    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    dialogue = DialoguePage.objects.get(slug=DIALOGUE_SLUG)
    assert rules.takes_proposals(dialogue)
    assert sorted(dialogue.proposals.values_list("title", flat=True)) == sorted(
        DIALOGUE_PROPOSALS
    )
    html = client.get(dialogue.url).content.decode()
    assert "Förslag i dialogen" in html
    assert "Utegym vid Norrskolan" in html
