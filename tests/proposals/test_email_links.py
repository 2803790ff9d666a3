"""The suggestion box's addresses: absolute links in e-mails right with one site
or several, and in the language they are asked for."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import translation
from wagtail.models import Site

from proposals import lifecycle

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+")


def links(message):
    return LINK.findall(message.body)


def test_links_keep_one_host_when_several_sites_are_served(open_proposal, site):
    # With a second site, Wagtail gives the box's address with its host.
    Site.objects.create(hostname="annan.example", port=80, root_page=site.root_page)
    hosts = {f"{s.hostname}" for s in Site.objects.all()}
    box = open_proposal.box
    assert box.get_url().startswith("http")
    lifecycle.sign(open_proposal, name="Ada", email="ada@example.org")
    found = links(mail.outbox[-1])
    assert found
    for url in found:
        parts = urlsplit(url)
        assert parts.netloc in hosts, url
        assert "http" not in parts.path, url
        assert parts.path.startswith(urlsplit(box.get_url()).path), url


def test_the_boxs_address_follows_the_language_it_is_asked_in(box):
    swedish = box.subpage_url("listing_view")
    with translation.override("en"):
        english = box.subpage_url("listing_view")
    assert english == "/en" + swedish
    assert box.subpage_url("listing_view") == swedish
