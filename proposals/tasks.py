"""Background work of the suggestion box, run through Django's tasks API."""

from django_tasks import task

from proposals import lifecycle


@task()
def close_expired_proposals():
    """Enforce passed signing deadlines, drop unconfirmed leftovers and tell the
    communicators of proposals whose handling time has run out; cron runs it
    through a management command."""
    lifecycle.purge_unconfirmed()
    closed = lifecycle.close_expired()
    lifecycle.flag_overdue()
    return closed
