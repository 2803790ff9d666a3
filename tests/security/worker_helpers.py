"""Running the task worker in-process against the database queue."""

from django.db import OperationalError
from django_tasks import task

from background.worker import ResilientWorker
from proposals.mails import send_mail
from proposals.models import Signature
from tests.proposals.factories import make_box, make_proposal, make_topic

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def make_worker(worker_id="test-worker", **options):
    """A worker on the default queue that stops once it is empty (--batch)."""
    return ResilientWorker(
        queue_names=["default"],
        excluded_queue_names=[],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        **options,
    )


def run_worker_until_idle(**options):
    """One worker that runs every ready task, then stops."""
    make_worker(**options).run()


@task()
def meets_a_database_outage():
    """A task whose own query fails because the database went away."""
    raise OperationalError("server closed the connection unexpectedly")


@task()
def names_an_address(address):
    """A task whose arguments name an address (as a mail server's error quoting
    its recipient does): the purge removes every copy of a purged address."""
    return address


def queue_confirmation_mail(site, email):
    """A signature on a new proposal and its confirmation e-mail in the queue."""
    proposal = make_proposal(make_box(site), make_topic())
    signature = Signature.objects.create(proposal=proposal, name="Ida", email=email)
    return send_mail.enqueue("signature_confirm", "sv", signature=signature.pk)
