"""The moderation policy every commented object shares (django-comments-xtd).

A target takes comments only while its app says so; a comment confirmed after that
is held for a moderator; moderators are e-mailed about every new comment, every
held one and a reported comment's reports (at most once an hour per comment; every
report is still filed). The mails never carry what a resident typed. Subclasses,
one per commented model, say when the target takes comments and how its pages
look."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_comments import get_form
from django_comments_xtd.moderation import XtdCommentModerator

from comments.tasks import notify_comment_moderators
from municipality import ratelimit

FORM_PAGE = "comments/form_page.html"


class CommentPolicy(XtdCommentModerator):
    """Subclasses implement `comments_open` and the page hooks they need, and name
    their admin list (`admin_name`, `admin_url_prefix`, `admin_menu_label`)."""

    email_notification = True
    removal_suggestion_notification = True
    admin_name = ""
    admin_url_prefix = ""
    admin_menu_label = ""
    closed_message = _("Det går inte att kommentera här längre.")
    form_template = FORM_PAGE

    # What the target allows.

    def comments_open(self, target):
        """Whether residents may post (and reply) on the target now."""
        raise NotImplementedError

    def comments_visible(self, target):
        """Whether the target's published comments are shown (and reportable)."""
        return True

    def needs_moderation(self, target):
        """Whether a comment arriving or confirmed now waits for a moderator."""
        return not self.comments_open(target)

    # django-comments' moderation hooks, answered from the rules above.

    def allow(self, comment, content_object, request):
        return self.comments_open(content_object)

    def moderate(self, comment, content_object, request):
        return self.needs_moderation(content_object)

    def email(self, comment, content_object, request):
        held = not comment.is_public or self.moderate(comment, content_object, request)
        self._notify(comment, content_object, held=held, reported=False)

    def notify_removal_suggestion(self, comment, content_object, request):
        # Many reports of one comment: one mail per comment and window (the
        # "report-mail" limit); the reports themselves are all filed.
        if ratelimit.hit("report-mail", f"{comment._meta.label_lower}:{comment.pk}"):
            self._notify(comment, content_object, held=False, reported=True)

    def _notify(self, comment, content_object, *, held, reported):
        notify_comment_moderators.enqueue(
            content_type_id=ContentType.objects.get_for_model(content_object).pk,
            object_pk=content_object.pk,
            held=held,
            reported=reported,
            admin_view=f"{self.admin_name}:index",
        )

    # The target's pages: where it lives and how a comments page is laid out.

    def target_url(self, target):
        return target.get_url()

    def post_url(self, target):
        """Where the target's comment form posts: the site-wide comment route."""
        return reverse("comments-post-comment")

    def success_url(self, request, target):
        """Where a resident lands after posting (unless the form names a page)."""
        return self.target_url(target) + "#kommentarer"

    def render(self, request, target, template, context, status=200):
        """A comments page (form, reply, report) in the target's layout."""
        return TemplateResponse(request, template, context, status=status)

    def form_page(self, request, target, *, form, error, parent=None, status=400):
        """The form again, with what the resident typed and what went wrong."""
        context = {
            "target": target,
            "target_url": self.target_url(target),
            "action": self.post_url(target),
            "form": form,
            "parent": parent,
            "comment_error": error,
        }
        return self.render(request, target, self.form_template, context, status)

    def reply_page(self, request, target, parent):
        """The form for answering `parent`."""
        form = get_form()(target, comment=parent)
        return self.form_page(
            request, target, form=form, error="", parent=parent, status=200
        )

    def missing(self, request, target, message):
        """A comment that cannot be answered or reported here."""
        raise Http404(message)
