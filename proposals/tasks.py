"""Background work of the suggestion box, run through Django's tasks API."""

from django_tasks import task

from proposals import lifecycle


@task()
def close_expired_proposals():
    """Enforce passed signing deadlines; cron runs it through a management command."""
    return lifecycle.close_expired()
