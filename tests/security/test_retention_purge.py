"""Issue 20.5: `purge_personal_data` reaches every table and file holding personal
data. Each is seeded with an old row (past DELAKTIG_RETENTION_MONTHS) and a fresh
one; after the purge the old personal data is gone and the fresh kept."""

import io
import os
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone
from django_comments_xtd.models import XtdComment
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page

from background.models import SentMail
from eid import identity
from eid.client import Identity
from proposals import lifecycle, signature_log
from proposals.constants import Status
from proposals.models import Proposal, Signature
from tests.proposals.factories import PROPOSER_EMAIL
from tests.security.worker_helpers import DATABASE_TASKS, names_an_address

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.now() - timedelta(days=400)
OLD_IP, FRESH_IP = "198.51.100.1", "198.51.100.2"


def _comment(target, email, ip, when):
    comment = XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(target.__class__),
        object_pk=str(target.pk),
        site_id=1,
        user_name="Alex",
        user_email=email,
        ip_address=ip,
        comment="Bra idé",
        is_public=True,
    )
    XtdComment.objects.filter(pk=comment.pk).update(submit_date=when)


def _login_records(ip, when):
    seen = {"ip_address": ip, "username": "admin", "user_agent": "Firefox"}
    rows = [
        AccessAttempt.objects.create(**seen, failures_since_start=1),
        AccessLog.objects.create(**seen),
        AccessFailureLog.objects.create(**seen),
    ]
    for row in rows:
        type(row).objects.filter(pk=row.pk).update(attempt_time=when)


def _task(address, when, status=TaskResultStatus.SUCCESSFUL):
    result = names_an_address.enqueue(address)
    DBTaskResult.objects.filter(pk=result.id).update(
        status=status, enqueued_at=when, finished_at=when
    )
    return result.id


def _session(expired):
    store = SessionStore()
    store["resident"] = "kim@example.se" if expired else "lo@example.se"
    store.create()
    expiry = timezone.now() + timedelta(days=-1 if expired else 1)
    Session.objects.filter(pk=store.session_key).update(expire_date=expiry)
    return store.session_key


def _dump():
    out = io.StringIO()
    call_command("dumpdata", "--all", stdout=out)
    return out.getvalue()


@pytest.fixture
def mail_files(settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)
    old = tmp_path / "old.log"
    old.write_text("To: gammal.fil@example.se\n\nhttps://example.se/bekrafta/x")
    os.utime(old, (LONG_AGO.timestamp(), LONG_AGO.timestamp()))
    fresh = tmp_path / "fresh.log"
    fresh.write_text("To: ny.fil@example.se\n")
    named = tmp_path / "names-a-purged-signer.log"
    named.write_text(f"To: {PROPOSER_EMAIL}\n")
    return old, fresh, named


def test_every_personal_data_table_and_file_is_purged(
    proposal_factory, site, settings, mail_files
):
    settings.TASKS = DATABASE_TASKS
    ended = proposal_factory(Status.ANSWERED)
    Proposal.objects.filter(pk=ended.pk).update(answered_at=LONG_AGO)
    running = proposal_factory(Status.OPEN, author_email="pagaende@example.se")
    page = Page.objects.get(pk=site.root_page_id)
    _comment(page, "gammal.kommentar@example.se", OLD_IP, LONG_AGO)
    _comment(page, "ny.kommentar@example.se", FRESH_IP, timezone.now())
    _login_records(OLD_IP, LONG_AGO)
    _login_records(FRESH_IP, timezone.now())
    old_task = _task("gammal.uppgift@example.se", LONG_AGO)
    purged_task = _task(PROPOSER_EMAIL, timezone.now(), TaskResultStatus.READY)
    fresh_task = _task("ny.uppgift@example.se", timezone.now())
    expired, live = _session(expired=True), _session(expired=False)
    for when, address in [(LONG_AGO, "gammal.enkat"), (timezone.now(), "ny.enkat")]:
        row = FormSubmission.objects.create(
            page=page, form_data={"e_post": f"{address}@example.se", "svar": "Ja"}
        )
        FormSubmission.objects.filter(pk=row.pk).update(submit_time=when)
    SentMail.objects.create(key="old:0")
    SentMail.objects.filter(key="old:0").update(sent_at=LONG_AGO)
    SentMail.objects.create(key="fresh:0")
    old_file, fresh_file, named_file = mail_files

    call_command("purge_personal_data", stdout=io.StringIO())

    dump = _dump()
    for gone in [
        PROPOSER_EMAIL,
        "gammal.kommentar@example.se",
        OLD_IP,
        "gammal.uppgift@example.se",
        "kim@example.se",
        "gammal.enkat@example.se",
    ]:
        assert gone not in dump, gone
    assert not DBTaskResult.objects.filter(pk__in=[old_task, purged_task]).exists()
    assert not Session.objects.filter(pk=expired).exists()
    assert not SentMail.objects.filter(key="old:0").exists()
    assert not old_file.exists() and not named_file.exists()

    kept = Proposal.objects.get(pk=running.pk)
    assert kept.author_email == "pagaende@example.se"
    assert XtdComment.objects.filter(user_email="ny.kommentar@example.se").exists()
    assert XtdComment.objects.filter(ip_address=FRESH_IP).count() == 1
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        assert list(model.objects.values_list("ip_address", flat=True)) == [FRESH_IP]
    assert DBTaskResult.objects.filter(pk=fresh_task).exists()
    assert Session.objects.filter(pk=live).exists()
    assert "ny.enkat@example.se" in dump
    assert SentMail.objects.filter(key="fresh:0").exists()
    assert fresh_file.exists()


def test_the_purge_keeps_the_comment_and_its_public_name(site):
    page = Page.objects.get(pk=site.root_page_id)
    _comment(page, "gammal.kommentar@example.se", OLD_IP, LONG_AGO)

    call_command("purge_personal_data", stdout=io.StringIO())

    comment = XtdComment.objects.get()
    assert (comment.user_name, comment.comment) == ("Alex", "Bra idé")
    assert (comment.user_email, comment.ip_address) == ("", None)


def test_addresses_are_found_in_a_task_s_json_arguments():
    from background.retention import addresses_in

    args = {"kwargs": {"body": "Hej\nAnna@Example.se,", "recipients": ["b@c.se"]}}
    assert addresses_in(args, None, "") == {"anna@example.se", "b@c.se"}


def test_e_legitimation_keys_are_purged_with_their_proposal(proposal_factory, site):
    """Issue 23: the keyed hash that stands for an e-legitimation signer goes with
    the proposal's other personal data; the count and the log stay and verify."""
    ended = proposal_factory(Status.OPEN, signature_method="eid")
    running = proposal_factory(Status.OPEN, signature_method="eid")
    keys = {}
    for proposal, pin in [(ended, "191212121212"), (running, "190001011006")]:
        person = Identity(key=identity.key_for(pin))
        result, _signature = lifecycle.sign_with_eid(proposal.pk, person, name="T")
        assert result == lifecycle.SIGNED
        keys[proposal.pk] = person.key
    Proposal.objects.filter(pk=ended.pk).update(
        status=Status.ANSWERED, answered_at=LONG_AGO
    )

    call_command("purge_personal_data", stdout=io.StringIO())

    dump = _dump()
    assert keys[ended.pk] not in dump
    assert keys[running.pk] in dump
    signature = Signature.objects.get(proposal=ended)
    assert signature.identity_hash == ""
    assert signature.email_normalised == f"anonymised-{signature.pk}"
    assert Proposal.objects.get(pk=ended.pk).signature_count == 1
    log = signature_log.verify(signature_log.csv_text(ended.pk))
    assert (log.count, log.by_eid, log.entries) == (1, 1, 2)
