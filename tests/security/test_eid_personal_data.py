"""Data minimisation (issue 23): after signing with e-legitimation, a second
attempt and a failed one, the personal identity number is in no table (every
column of every table, and the decoded sessions), no log record and no e-mail."""

import json
import logging

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.db import connection

from tests.eid_helpers import TOLVAN, eid_sign
from tests.security.test_eid_oidc import token_with

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eid_http")]

# The number as a broker or a person might write it.
FORMS = [TOLVAN, "19121212-1212", "121212-1212", "1212121212", "121212+1212"]


def _leaks(text):
    return [form for form in FORMS if form in text]


def _every_table_text():
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608 (our tables)
            for row in cursor.fetchall():
                yield table, repr(row)


def test_the_identity_number_is_kept_nowhere(
    client, box, proposal_factory, eid_http, caplog, settings
):
    caplog.set_level(logging.DEBUG)
    box.signature_threshold = 1  # the referral's mails go out too
    box.save()
    proposal = proposal_factory(
        "open", title="Belysning", signature_method="either", threshold=1
    )
    signed = eid_sign(client, proposal, name="Tolvan", show_name="on")
    assert signed["Location"].endswith("underskriven/")
    client.get(signed["Location"])
    eid_sign(client, proposal)  # a second attempt
    eid_http.replace = token_with(iss="http://testserver/wrong")
    eid_sign(client, proposal)  # a failed one
    proposal.refresh_from_db()
    assert proposal.signature_count == 1
    assert len(mail.outbox) >= 1  # the proposer heard of the referral

    found = [(table, _leaks(text)) for table, text in _every_table_text()]
    assert [hit for hit in found if hit[1]] == []
    for session in Session.objects.all():
        assert _leaks(json.dumps(session.get_decoded(), default=str)) == []
    for record in caplog.records:
        assert _leaks(record.getMessage()) == [], record.name
        assert _leaks(repr(record.args)) == [], record.name
    for message in mail.outbox:
        assert _leaks(message.subject + message.body + repr(message.to)) == []
    # Nor the key that would let someone test numbers against the stored hashes.
    assert not any(
        settings.DELAKTIG_EID_HASH_KEY in text for _table, text in _every_table_text()
    )


def test_the_table_scan_would_find_the_number(client, box, proposal_factory):
    """The scan above can see a number that was stored."""
    proposal = proposal_factory("open", title="Belysning", signature_method="eid")
    proposal.text = f"Mitt personnummer är {TOLVAN}"
    proposal.save()
    assert any(_leaks(text) for _table, text in _every_table_text())
