"""English pages through Wagtail's localisation: a translated page is served in
English on /en/, any other page in Swedish under /en/ (marked lang="sv"), links
on the English site stay on it, and communicators translate pages in the admin."""

import io
import re

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page

from dialogues.models import DialoguePage
from home.models import StandardPage
from tests.crawl import crawl

pytestmark = pytest.mark.django_db

ANCHOR = re.compile(r'<a [^>]*href="(/[^"#]*)"[^>]*>')
NOT_PAGES = ("/static/", "/media/", "/documents/", "/api/", "/admin")


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())


def h1(body):
    return re.search(r"<h1([^>]*)>(.*?)</h1>", body, re.S).groups()


def test_translated_pages_are_served_in_english_and_the_originals_in_swedish(demo):
    client = Client()
    for path, english, swedish in (
        ("/", "Taking part in Mittköping", "Delaktighet i Mittköping"),
        ("/dialoger/", "Dialogues", "Dialoger"),
        ("/tillganglighetsredogorelse/", "Accessibility statement", None),
        ("/personuppgifter/", "How we handle personal data", None),
    ):
        attributes, title = h1(client.get(f"/en{path}").content.decode())
        assert title == english and "lang" not in attributes, path
        swedish_title = h1(client.get(path).content.decode())[1]
        assert swedish_title != english
        if swedish:
            assert swedish_title == swedish
    # The English lists show the same dialogues and sections as the Swedish.
    for path, marker in (
        ("/dialoger/", 'class="card dialogue-card"'),
        ("/", "home-card"),
    ):
        english = client.get(f"/en{path}").content.decode().count(marker)
        assert english and english == client.get(path).content.decode().count(marker)


def test_an_untranslated_page_is_served_in_swedish_under_en(demo):
    dialogue = DialoguePage.objects.live().first()
    assert not dialogue.get_translations().exists()
    response = Client().get(f"/en{dialogue.url}")
    assert response.status_code == 200
    attributes, title = h1(response.content.decode())
    assert title == dialogue.title and 'lang="sv"' in attributes
    assert Client().get("/en/dialoger/finns-inte/").status_code == 404


def test_every_link_on_the_english_site_stays_on_it(demo):
    pages = crawl(Client(), ["/en/"], "http://testserver", within="/en/", limit=120)
    assert len(pages) > 30
    leaving = {}
    for path, (response, body) in pages.items():
        if not response["Content-Type"].startswith("text/html"):
            continue
        for match in ANCHOR.finditer(body):
            tag, href = match.group(0), match.group(1)
            if 'hreflang="sv"' in tag or href.startswith(NOT_PAGES):
                continue
            if not href.startswith("/en/"):
                leaving.setdefault(href, path)
    assert not leaving


def test_the_route_cache_serves_translations_and_the_pages_without(demo, cache_on):
    client = Client()
    dialogue = DialoguePage.objects.live().first()
    path = dialogue.url  # in Swedish, before a request turns English on
    for _round in range(2):  # the second time from the shared route map
        assert h1(client.get("/en/dialoger/").content.decode())[1] == "Dialogues"
        assert h1(client.get(f"/en{path}").content.decode())[1] == dialogue.title
        assert h1(client.get("/dialoger/").content.decode())[1] == "Dialoger"


def test_a_communicator_translates_a_page_in_the_admin(demo, client):
    original = StandardPage.objects.filter(locale__language_code="sv").first()
    parent = original.get_parent()
    page = StandardPage(title="Om dialogerna", slug="om-dialogerna", body=[])
    parent.add_child(instance=page)
    page.save_revision().publish()
    client.force_login(User.objects.get(username="kommunikator"))
    english = Locale.objects.get(language_code="en")
    response = client.post(
        reverse("simple_translation:submit_page_translation", args=[page.pk]),
        {"locales": [english.pk]},
    )
    assert response.status_code == 302
    copy = page.get_translation(english)
    assert copy.slug == page.slug and not copy.live
    assert Page.objects.filter(translation_key=page.translation_key).count() == 2


def test_search_finds_the_pages_of_the_readers_language(demo):
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    client = Client()

    def hits(path, query):
        body = client.get(path, {"q": query}).content.decode()
        main = body.split("<main", 1)[1].split("</main>", 1)[0]
        return ANCHOR.findall(main)

    # The English translation is found by its English words, under /en/ ...
    assert hits("/en/sok/", "personal") == ["/en/personuppgifter/"]
    assert hits("/en/sok/", "accessibility") == ["/en/tillganglighetsredogorelse/"]
    # ... never on the Swedish site, which finds the original once.
    assert hits("/sok/", "personal") == []
    assert hits("/sok/", "personuppgifter") == ["/personuppgifter/"]
    # Untranslated pages and proposals are still found in English.
    assert "/en/dialoger/ny-cykelvag-storgatan/" in hits("/en/sok/", "cykel")
