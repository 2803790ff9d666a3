"""A resident asks, by an e-mail link, for all their signatures to be removed.

The link carries only the signature ids (signed, expiring), never the address, so
nothing personal ends up in a URL, a log or a Referer header. The answer to the
request is the same whether or not the address has signed anything, so the form
cannot be used to find out who signed what."""

from django import forms
from django.core import signing
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from wagtail.log_actions import log

from municipality import ratelimit
from municipality.client_address import client_ip
from municipality.mailbox import MailboxField
from proposals import lifecycle, mails, notifications
from proposals.models import Signature
from proposals.models.signature import normalise_email

SALT = mails.REMOVAL_SALT
MAX_AGE = 7 * 24 * 3600
REMOVED_ACTION = "delaktig.signatures_removed_by_resident"


class RemovalRequestForm(forms.Form):
    email = MailboxField(
        label=gettext_lazy("Din e-postadress"),
        max_length=254,
        help_text=gettext_lazy("Samma adress som du skrev under med."),
    )


def _removable(signature_ids):
    """Confirmed or pending signatures on proposals where signing is still open."""
    signatures = Signature.objects.filter(pk__in=signature_ids).select_related(
        "proposal__box"
    )
    return [s for s in signatures if s.proposal.signing_open]


def request_removal(request):
    form = RemovalRequestForm(request.POST or None)
    if request.method == "POST":
        limited = form.is_valid() and not ratelimit.allow(
            ("remove", client_ip(request)),
            ratelimit.mail_to(form.cleaned_data["email"]),
        )
        if limited:
            return render(
                request,
                "proposals/remove_signatures_request.html",
                {"form": form, "limited": True},
                status=429,
            )
        if form.is_valid():
            address = normalise_email(form.cleaned_data["email"])
            removable = _removable(
                Signature.objects.filter(email_normalised=address).values_list(
                    "pk", flat=True
                )
            )
            if removable:
                # Sent to the address stored with the signatures, not the one typed:
                # one e-mail per stored address.
                by_address = {signature.email: signature.pk for signature in removable}
                notifications.removal_link(
                    [signature.pk for signature in removable],
                    sorted(by_address.values()),
                )
            return render(request, "proposals/remove_signatures_sent.html")
        return render(
            request,
            "proposals/remove_signatures_request.html",
            {"form": form},
            status=400,
        )
    return render(request, "proposals/remove_signatures_request.html", {"form": form})


@never_cache  # private: a shared cache must never keep the page of one link
def confirm_removal(request, token):
    try:
        ids = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired:
        return _link_problem(request, _("Länken har gått ut"), 410)
    except signing.BadSignature:
        return _link_problem(request, _("Länken fungerar inte"), 404)
    if not isinstance(ids, list) or not all(isinstance(pk, int) for pk in ids):
        return _link_problem(request, _("Länken fungerar inte"), 404)
    signatures = _removable(ids)
    if request.method == "POST":
        removed = []
        for signature in signatures:
            try:
                proposal = lifecycle.withdraw_signature(signature.pk)
            except (lifecycle.SigningClosed, Signature.DoesNotExist):
                continue
            removed.append(proposal)
            log(proposal, REMOVED_ACTION, data={"signatures": 1})
        return render(
            request, "proposals/remove_signatures_done.html", {"removed": removed}
        )
    return render(
        request,
        "proposals/remove_signatures_confirm.html",
        {"signatures": signatures},
    )


def _link_problem(request, title, status):
    return render(
        request,
        "proposals/remove_signatures_sent.html",
        {"problem": title},
        status=status,
    )
