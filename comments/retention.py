"""Commenters' e-mail and IP addresses are kept for DELAKTIG_RETENTION_MONTHS
after the comment was posted (for moderation and reply notices), then removed;
the comment and the name shown with it stay. A proposal's comments are also
cleared when the proposal's own retention ends (proposals/retention.py)."""

from django_comments.models import Comment

from background.retention import purger


@purger(
    "comments",
    models=["django_comments.Comment", "django_comments_xtd.XtdComment"],
    order=20,
)
def purge_old_comment_contacts(run):
    old = Comment.objects.filter(submit_date__lt=run.cutoff).exclude(
        user_email="", ip_address__isnull=True
    )
    run.forget(old.exclude(user_email="").values_list("user_email", flat=True))
    return {"anonymised comments": old.update(user_email="", ip_address=None)}
