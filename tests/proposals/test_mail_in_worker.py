"""Issue 22: the sign and submit posts queue only ids and a language, in the same
transaction as the row; the task worker renders in the recipient's language and
sends once. Run on SQLite and, with DATABASE_URL, on PostgreSQL."""

import json

import pytest
from django.core import mail
from django.db import transaction
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from proposals import lifecycle
from proposals.models import Proposal, Signature
from tests.proposals.helpers import sign_data, submit_data
from tests.security.worker_helpers import DATABASE_TASKS, run_worker_until_idle

# Committed for real: the worker runs as in production, after the request's
# transaction (and on PostgreSQL it cannot run inside a test's transaction).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SIGNER = "sigrid.signer@example.org"
PROPOSER = "alva.privat@example.org"
MAIL_TASK = "proposals.mails.send_mail"


@pytest.fixture
def database_queue(settings):
    """The production queue, from here on (the fixtures' own mail is sent)."""
    settings.TASKS = DATABASE_TASKS
    mail.outbox.clear()


def queued(kind=None):
    """The queued tasks, or those of one kind of e-mail (a new proposal also
    tells communicators, on commit)."""
    rows = DBTaskResult.objects.filter(task_path=MAIL_TASK).order_by("enqueued_at")
    return [row for row in rows if kind in (None, row.args_kwargs["args"][0])]


def assert_only_ids(row, kind, language, **ids):
    """The task's arguments: the e-mail's kind, the language and ids, nothing a
    person typed and no text of the e-mail."""
    assert row.args_kwargs == {"args": [kind, language], "kwargs": ids}
    stored = json.dumps(row.args_kwargs)
    assert "@" not in stored
    assert "http" not in stored


def sent_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_sign_post_queues_ids_and_the_worker_renders_in_swedish(
    client, open_proposal, database_queue
):
    response = client.post(
        open_proposal.get_url() + "skriv-under/", sign_data(email=SIGNER)
    )
    assert response.status_code == 302
    signature = Signature.objects.get(email=SIGNER)
    [row] = queued()
    assert_only_ids(row, "signature_confirm", "sv", signature=signature.pk)
    assert mail.outbox == []  # nothing rendered or sent in the request

    run_worker_until_idle()

    [message] = sent_to(SIGNER)
    assert message.subject.startswith("Bekräfta din underskrift")
    assert "Hej!" in message.body
    assert "/bekrafta-underskrift/" in message.body
    assert "/en/" not in message.body
    assert DBTaskResult.objects.get(pk=row.pk).status == TaskResultStatus.SUCCESSFUL


def test_sign_post_in_english_gets_its_mail_in_english(
    client, open_proposal, database_queue
):
    url = f"/en{open_proposal.get_url()}skriv-under/"
    assert client.post(url, sign_data(email=SIGNER)).status_code == 302
    signature = Signature.objects.get(email=SIGNER)
    [row] = queued()
    assert_only_ids(row, "signature_confirm", "en", signature=signature.pk)

    run_worker_until_idle()

    [message] = sent_to(SIGNER)
    assert message.subject.startswith("Confirm your signature")
    assert "Hello!" in message.body
    assert "/en/" in message.body


def test_submit_post_queues_ids_and_the_worker_renders(
    client, box, topic, database_queue
):
    url = box.get_url() + box.reverse_subpage("submit_view")
    assert client.post(url, submit_data(topic)).status_code == 302
    proposal = Proposal.objects.get(author_email=PROPOSER)
    [row] = queued("proposal_confirm")
    assert_only_ids(row, "proposal_confirm", "sv", proposal=proposal.pk)
    assert mail.outbox == []

    run_worker_until_idle()

    [message] = sent_to(PROPOSER)
    assert message.subject == "Bekräfta ditt förslag"
    assert "/bekrafta-forslag/" in message.body


def test_submit_post_in_english(client, box, topic, database_queue):
    url = "/en" + box.get_url() + box.reverse_subpage("submit_view")
    assert client.post(url, submit_data(topic)).status_code == 302
    proposal = Proposal.objects.get(author_email=PROPOSER)
    [row] = queued("proposal_confirm")
    assert_only_ids(row, "proposal_confirm", "en", proposal=proposal.pk)

    run_worker_until_idle()

    [message] = sent_to(PROPOSER)
    assert message.subject == "Confirm your proposal"
    assert "/en/" in message.body


def test_the_mail_is_sent_once(client, open_proposal, database_queue):
    client.post(open_proposal.get_url() + "skriv-under/", sign_data(email=SIGNER))
    run_worker_until_idle()
    # The same task run again (a worker died before recording it) sends nothing.
    DBTaskResult.objects.update(status=TaskResultStatus.READY)
    run_worker_until_idle()
    assert len(sent_to(SIGNER)) == 1


def test_a_row_gone_before_the_task_runs_gets_no_mail(
    client, open_proposal, box, topic, database_queue
):
    client.post(open_proposal.get_url() + "skriv-under/", sign_data(email=SIGNER))
    lifecycle.withdraw_signature(Signature.objects.get(email=SIGNER).pk)
    url = box.get_url() + box.reverse_subpage("submit_view")
    client.post(url, submit_data(topic))
    Proposal.objects.filter(author_email=PROPOSER).delete()  # purged
    assert len(queued("signature_confirm")) == len(queued("proposal_confirm")) == 1

    run_worker_until_idle()

    assert mail.outbox == []
    assert {row.status for row in queued()} == {TaskResultStatus.SUCCESSFUL}


def test_a_rolled_back_transaction_queues_nothing(open_proposal, database_queue):
    with pytest.raises(RuntimeError), transaction.atomic():
        lifecycle.sign(open_proposal, name="Eva", email=SIGNER)
        assert len(queued()) == 1  # queued inside the transaction ...
        raise RuntimeError("the request failed after the row was written")
    assert not Signature.objects.filter(email=SIGNER).exists()
    assert queued() == []  # ... and gone with it

    run_worker_until_idle()
    assert mail.outbox == []


def test_a_mail_queued_before_the_change_is_still_sent(database_queue):
    from proposals.notifications import send_email

    result = send_email.enqueue(subject="Hej", body="Text", recipients=[SIGNER])
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.task_path == "proposals.notifications.send_email"  # as queued then
    run_worker_until_idle()
    assert [message.subject for message in sent_to(SIGNER)] == ["Hej"]
