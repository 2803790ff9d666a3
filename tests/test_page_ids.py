"""No public page has two elements with one id: a label must name its own field
(WCAG 1.3.1, 4.1.2), and the error summary's links must reach theirs."""

import io
from collections import Counter
from html.parser import HTMLParser

import pytest
from django.core.management import call_command

from dialogues.models import DialoguePage, LadderPage
from proposals.models import Proposal, SuggestionBoxPage

pytestmark = pytest.mark.django_db


class Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = Counter()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id":
                self.ids[value] += 1


def duplicates(html):
    parser = Ids()
    parser.feed(html)
    return [name for name, count in parser.ids.items() if count > 1]


def public_pages():
    box = SuggestionBoxPage.objects.live().get()
    open_proposal = Proposal.objects.filter(status="open").first()
    answered = Proposal.objects.filter(status="answered").first()
    dialogues = DialoguePage.objects.live()
    return [
        "/",
        "/en/",
        dialogues.first().get_parent().url,
        LadderPage.objects.live().get(locale__language_code="sv").url,
        *[dialogue.url for dialogue in dialogues],
        box.url,
        box.url + "lamna-forslag/",
        open_proposal.get_url(),
        "/en" + open_proposal.get_url(),
        answered.get_url(),
        "/sok/?q=park",
        "/statistik/",
        "/forsenade-svar/",
        "/ni-sa-vi-gjorde/",
        "/en/ni-sa-vi-gjorde/",
    ]


def test_no_public_page_repeats_an_id(client):
    call_command("load_demo", stdout=io.StringIO())
    for path in public_pages():
        response = client.get(path)
        assert response.status_code == 200, path
        assert duplicates(response.content.decode()) == [], path


def test_a_failed_signature_keeps_its_ids_apart_from_the_comment_form(client):
    call_command("load_demo", stdout=io.StringIO())
    proposal = Proposal.objects.filter(status="open").first()
    response = client.post(proposal.get_url() + "skriv-under/", {"name": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert duplicates(html) == []
    assert '<label for="sign_name">' in html and '<label for="comment_name">' in html
    assert "<title>Fel: " in html
