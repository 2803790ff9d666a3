"""The one way residents post, answer and report comments, for every target.

Posting goes through django-comments' own `post_comment`, which builds the comment,
sends comment_will_be_posted (the moderator refuses or holds it there; xtd rejects
posts its options forbid) and comment_was_posted (xtd mails the confirmation link,
or publishes a logged-in user's comment at once). This wrapper first answers what
the library answers with a bare 400: a target that takes no comments, a reply to
a comment that cannot be answered, an expired or altered form and errors in what
was typed all come back as the target's own page, with the form as typed and a
message in the page's language."""

from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_comments import get_form
from django_comments.views.comments import post_comment as library_post_comment
from django_comments_xtd import signed
from django_comments_xtd import views as xtd_views

from comments.policy import FORM_PAGE
from comments.queries import find_comment
from comments.registry import policy_for
from comments.reports import file_report
from municipality import ratelimit, site_address
from municipality.client_address import client_ip

TYPED_FIELDS = ("name", "email", "comment", "followup")


def _typed(request):
    """The posted data, with a logged-in user's name and e-mail filled in as the
    library does before it validates."""
    data = request.POST.copy()
    user = request.user
    if user.is_authenticated:
        if not data.get("name", ""):
            data["name"] = user.get_full_name() or user.get_username()
        if not data.get("email", ""):
            data["email"] = user.email
    return data


def _posted_target(data):
    """The registered object the form names, or None."""
    try:
        model = apps.get_model(data.get("content_type") or "")
    except (LookupError, ValueError):
        return None
    if policy_for(model) is None:
        return None
    try:
        return model._default_manager.filter(pk=data.get("object_pk")).first()
    except (TypeError, ValueError, ValidationError):
        return None


def _nowhere(request):
    """The form names nothing that takes comments."""
    context = {"comment_error": _("Det går inte att kommentera här.")}
    return TemplateResponse(request, FORM_PAGE, context, status=400)


def _fresh_form(target, data, parent=None):
    """A new, valid form for the target holding what the resident typed."""
    initial = {key: data.get(key, "") for key in TYPED_FIELDS}
    return get_form()(target, comment=parent, initial=initial)


def _expired(request, policy, target, data, parent):
    return policy.form_page(
        request,
        target,
        form=_fresh_form(target, data, parent),
        parent=parent,
        error=_(
            "Formuläret hade gått ut eller var ändrat. Kontrollera texten och "
            "skicka igen."
        ),
    )


def record_client_address(sender, comment, request, **kwargs):
    """comment_will_be_posted: the library stored REMOTE_ADDR, which behind the
    site's proxies is the proxy's; keep the resident's own address instead."""
    comment.ip_address = client_ip(request)


@require_POST
def post_comment(request, target=None):
    """Post a comment on `target` (a page's own route) or on the object the form
    names (the site-wide route)."""
    data = _typed(request)
    if target is None:
        target = _posted_target(data)
    policy = policy_for(target) if target is not None else None
    if policy is None:
        return _nowhere(request)
    if not policy.comments_open(target):
        return policy.form_page(
            request, target, form=None, error=policy.closed_message, status=403
        )
    parent = None
    if data.get("reply_to", "0") not in ("", "0"):
        parent = find_comment(target, data["reply_to"], repliable=True)
        if parent is None:
            return policy.form_page(
                request,
                target,
                form=_fresh_form(target, data),
                error=_("Kommentaren du vill svara på finns inte."),
            )
    form = get_form()(target, data=data)
    names_target = (data.get("content_type"), data.get("object_pk")) == (
        target._meta.label_lower,
        str(target.pk),
    )
    if not names_target or form.security_errors():
        return _expired(request, policy, target, data, parent)
    if not form.is_valid():
        return policy.form_page(
            request,
            target,
            form=form,
            parent=parent,
            error=_("Kommentaren kunde inte skickas. Rätta felen nedan."),
        )
    if "preview" in data:
        return policy.form_page(
            request, target, form=form, parent=parent, error="", status=200
        )
    # Cache only: the client's address and the confirmation mail's recipient.
    if not ratelimit.allow(
        ("comment", client_ip(request)), ratelimit.mail_to(form.cleaned_data["email"])
    ):
        return policy.form_page(
            request,
            target,
            form=form,
            parent=parent,
            error=_(
                "Det har kommit många kommentarer från din uppkoppling eller till "
                "din e-postadress på kort tid. Vänta en stund och försök igen – det "
                "du skrivit finns kvar."
            ),
            status=429,
        )
    response = library_post_comment(request, next=policy.success_url(request, target))
    if response.status_code == 200:
        # The library found errors after all: the form expired in between.
        return _expired(request, policy, target, data, parent)
    if response.status_code >= 400:
        # A comment_will_be_posted receiver refused the comment (the library's
        # moderator when the target closed meanwhile).
        return policy.form_page(
            request,
            target,
            form=form,
            parent=parent,
            error=_("Kommentaren togs inte emot."),
            status=403,
        )
    return response


def reply(request, target, comment_id):
    """The form for answering one published comment, while the target takes
    comments."""
    policy = policy_for(target)
    parent = None
    if policy.comments_open(target):
        parent = find_comment(target, comment_id, repliable=True)
    if parent is None:
        return policy.missing(
            request, target, _("Kommentaren du vill svara på finns inte.")
        )
    return policy.reply_page(request, target, parent)


def report(request, target, comment_id):
    """A resident reports a comment for removal; moderators are notified."""
    policy = policy_for(target)
    comment = None
    if policy.comments_visible(target):
        comment = find_comment(target, comment_id)
    if comment is None:
        return policy.missing(request, target, _("Kommentaren finns inte."))
    done = limited = False
    if request.method == "POST":
        limited = not ratelimit.hit("report", client_ip(request))
        if not limited:
            file_report(comment, request)
            done = True
    context = {
        "comment": comment,
        "done": done,
        "limited": limited,
        "back_url": policy.target_url(target) + "#kommentarer",
        "back_title": str(target),
    }
    if limited:
        return policy.render(
            request, target, "comments/report.html", context, status=429
        )
    return policy.render(request, target, "comments/report.html", context)


def _signed_comment(key):
    """The comment a link from an e-mail carries, or None if it was altered."""
    try:
        return signed.loads(str(key), extra_key=settings.COMMENTS_XTD_SALT)
    except (ValueError, signed.BadSignature, ObjectDoesNotExist):
        return None


def _link_page(request, comment, title, text, button):
    """What a link from an e-mail opens: nothing changes until the button is
    pressed (POST), so a mail scanner that follows links does nothing."""
    target = comment.content_object
    policy = policy_for(target) if target is not None else None
    context = {
        "title": title,
        "text": text,
        "button": button,
        "target": target,
        "target_url": policy.target_url(target) if policy else "",
    }
    return TemplateResponse(request, "comments/link_page.html", context)


def _link(request, key, texts, action, max_age=None):
    """A link from an e-mail: an altered or cut-off link gets a page that says what
    to do (the library answers a bare 400), and so does one whose comment was
    written longer than `max_age` ago (410); GET shows the page with one button
    (`texts`: title, text, button); its POST goes to the library's `action`."""
    comment = _signed_comment(key)
    if comment is None:
        return TemplateResponse(request, "comments/bad_link.html", {}, status=400)
    if max_age is not None and comment.submit_date < timezone.now() - max_age:
        context = {"expired": True, "days": max_age.days}
        return TemplateResponse(request, "comments/bad_link.html", context, status=410)
    if request.method != "POST":
        return _link_page(request, comment, *texts)
    return action(request, key)


@never_cache
def confirm(request, key):
    """A comment's confirmation link: its button publishes the comment."""
    texts = (
        _("Bekräfta din kommentar"),
        _("Tryck på knappen för att bekräfta och publicera kommentaren."),
        _("Bekräfta kommentaren"),
    )
    max_age = timedelta(days=settings.COMMENT_CONFIRM_DAYS)
    return _link(request, key, texts, xtd_views.confirm, max_age=max_age)


@never_cache
def mute(request, key):
    """The link that stops mails about new comments on one target."""
    texts = (
        _("Sluta få mejl om nya kommentarer"),
        _("Tryck på knappen så skickar vi inga fler mejl om nya kommentarer här."),
        _("Ja, sluta skicka mejl"),
    )
    return _link(request, key, texts, xtd_views.mute)


def permalink(request, content_type_id, object_pk):
    """Where a comment's permalink (comment.get_absolute_url) leads: its target's
    public page on the site's own address. A target that is missing, takes no
    comments or is not public (an unpublished proposal) is a 404, so the link
    tells nobody that it exists."""
    try:
        model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
    except (ContentType.DoesNotExist, ValueError, OverflowError):
        raise Http404 from None
    policy = policy_for(model) if model is not None else None
    if policy is None:
        raise Http404
    try:
        target = model._default_manager.filter(pk=object_pk).first()
    except (TypeError, ValueError, ValidationError, OverflowError):
        target = None
    if target is None or not policy.target_public(target):
        raise Http404
    url = policy.target_url(target)
    return redirect(site_address.absolute(url, request) if url.startswith("/") else url)
