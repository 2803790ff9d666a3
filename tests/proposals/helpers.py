"""Helpers for view tests: form data and links read from sent e-mails."""

import re
import time
from urllib.parse import urlsplit

from django.core import mail, signing

from proposals.forms import STARTED_SALT
from tests.municipality.factories import make_area

LINK = re.compile(r"https?://\S+")
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')
STARTED = re.compile(r'name="started" value="([^"]*)"')


def links_in_last_mail(to=None):
    messages = [m for m in mail.outbox if to is None or to in m.to]
    assert messages, "no e-mail was sent"
    return [urlsplit(url).path for url in LINK.findall(messages[-1].body)]


def link_containing(fragment, to=None):
    return next(path for path in links_in_last_mail(to) if fragment in path)


def started(seconds_ago=60):
    """The form's signed start time, as if the page was opened a while ago."""
    return signing.dumps(time.time() - seconds_ago, salt=STARTED_SALT)


def sign_form_data(html, email, name="Eva"):
    """What a resident posts from the sign form of a page: the CSRF token and the
    start time the page gave, and their name and address."""
    return {
        "csrfmiddlewaretoken": CSRF_TOKEN.search(html).group(1),
        "started": STARTED.search(html).group(1),
        "name": name,
        "email": email,
        "consent": "on",
    }


def submit_data(topic_obj, **overrides):
    return {
        "title": "Fler cykelställ vid Resecentrum",
        "text": (
            "Cykelställen vid Resecentrum är alltid fulla. Bygg fler, gärna med tak."
        ),
        "topic": str(topic_obj.pk),
        "area": make_area().slug,
        "author_name": "Alva",
        "email": "alva.privat@example.org",
        "consent": "on",
        "website": "",
        "started": started(),
        "action": "send",
        **overrides,
    }


def sign_data(**overrides):
    return {
        "name": "Bertil Bengtsson",
        "show_name": "on",
        "email": "bertil.privat@example.org",
        "area": "",
        "consent": "on",
        "website": "",
        "started": started(),
        **overrides,
    }
