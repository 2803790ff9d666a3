"""Smoke of bench/signing.py: residents sign and confirm at the same time through a
real HTTP server; afterwards stored count = counted rows = distinct signers.

Checks exactness only, never timing. Concurrent on PostgreSQL; one signer at a time
on SQLite (which serialises writers anyway)."""

import http.cookiejar
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.conf import settings
from django.db import connection
from django.db.models import Count, Q

from municipality import mailbox
from proposals.models import Proposal
from tests.proposals.factories import make_box, make_proposal, make_topic
from tests.proposals.helpers import CSRF_TOKEN, link_containing, sign_form_data

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SIGNERS = 4 if settings.IS_POSTGRES else 1
ROUNDS = 4


class Resident:
    """A browser without JavaScript: keeps cookies, posts the form, opens the link
    in its e-mail and presses its button."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            NoRedirect,
        )

    def get(self, path):
        try:
            with self.opener.open(self.base + path, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def post(self, path, data):
        return self.post_page(path, data)[0]

    def post_page(self, path, data):
        body = urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(self.base + path, data=body)  # noqa: S310
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def sign_and_confirm(self, box, proposal, email):
        page = box.url + box.reverse_subpage("proposal_view", args=[proposal.pk])
        status, html = self.get(page)
        assert status == 200
        sent = self.post(
            box.url + box.reverse_subpage("sign_view", args=[proposal.pk]),
            sign_form_data(html, email, name="Bänk Testare"),
        )
        assert sent == 302
        # The link from the e-mail sent to the address, as the resident reads it.
        link = link_containing("/bekrafta-underskrift/", to=mailbox.canonical(email))
        # The link opens a page; its button posts.
        status, html = self.get(link)
        assert status == 200
        csrf = CSRF_TOKEN.search(html).group(1)
        return self.post_page(link, {"csrfmiddlewaretoken": csrf})


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_concurrent_sign_and_confirm_counts_exactly(live_server, site, settings):
    settings.PROPOSALS_MIN_FILL_SECONDS = 0
    settings.RATE_LIMITS = {"sign": {"burst": (10_000, 60)}}
    # All signers come from one address and may get the same start time.
    settings.PROPOSALS_STARTED_MAX_USES = 10_000
    box = make_box(site, signature_threshold=1000)
    topic = make_topic()
    popular = make_proposal(box, topic, title="Populärt förslag")
    other = make_proposal(box, topic, title="Ett annat förslag")
    confirmed, errors = [], []

    def signer(n):
        resident = Resident(live_server.url)
        try:
            for round_ in range(ROUNDS):
                proposal = other if round_ == ROUNDS - 1 else popular
                status, html = resident.sign_and_confirm(
                    box, proposal, f"signer{n}.{round_}@example.org"
                )
                if status == 200 and "Din underskrift är bekräftad" in html:
                    confirmed.append(proposal.pk)
            # The same person again, in another spelling: must not count twice.
            status, html = resident.sign_and_confirm(
                box, popular, f"Signer{n}.0+again@EXAMPLE.org"
            )
            assert status == 200 and "redan skrivit under" in html
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(repr(error))
        finally:
            if SIGNERS > 1:  # this thread's own connection
                connection.close()

    if SIGNERS == 1:  # SQLite in memory: only this thread sees the database
        signer(0)
    threads = [threading.Thread(target=signer, args=(n,)) for n in range(SIGNERS)]
    for thread in threads if SIGNERS > 1 else ():
        thread.start()
    for thread in threads if SIGNERS > 1 else ():
        thread.join()

    assert not errors
    assert len(confirmed) == SIGNERS * ROUNDS
    counted = Q(signatures__confirmed_at__isnull=False, signatures__flagged=False)
    for proposal in Proposal.objects.filter(pk__in=[popular.pk, other.pk]).annotate(
        rows=Count("signatures", filter=counted),
        signers=Count("signatures__email_normalised", filter=counted, distinct=True),
    ):
        assert proposal.signature_count == proposal.rows == proposal.signers
        assert proposal.rows == confirmed.count(proposal.pk)
