"""Background work of the suggestion box, run through Django's tasks API."""

from django_tasks import task

from proposals import lifecycle


@task()
def close_expired_proposals():
    """Enforce passed signing deadlines and drop unconfirmed leftovers; cron runs
    it through a management command."""
    lifecycle.purge_unconfirmed()
    return lifecycle.close_expired()
