"""Stop e-mails from a signed link, without logging in."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from proposals import tokens
from proposals.models import Proposal, Signature, StaffMailOptOut

from .base import bad_link, render


def _read(token):
    """(kind, pk) for the first unsubscribe kind the token was signed for."""
    for kind in tokens.UNSUBSCRIBE_KINDS:
        try:
            return kind, tokens.read_token(kind, token)
        except tokens.InvalidToken:
            continue
    raise tokens.InvalidToken


def _stop(kind, pk):
    if kind == tokens.PROPOSER_UNSUBSCRIBE:
        return Proposal.objects.filter(pk=pk).update(notify_proposer=False)
    if kind == tokens.SIGNER_UNSUBSCRIBE:
        return Signature.objects.filter(pk=pk).update(keep_informed=False)
    user = get_user_model().objects.filter(pk=pk).first()
    if user is None:
        return 0
    StaffMailOptOut.objects.get_or_create(user=user)
    return 1


def unsubscribe(request, box, token):
    """GET asks (so link scanners change nothing); POST stops the e-mails."""
    try:
        kind, pk = _read(token)
    except tokens.InvalidToken as error:
        return bad_link(request, box, error)
    done = False
    if request.method == "POST":
        if not _stop(kind, pk):
            return bad_link(request, box, tokens.InvalidToken())
        done = True
    context = {
        "private": True,
        "done": done,
        "title": _("Du får inga fler mejl") if done else _("Sluta få mejl"),
    }
    return render(request, box, "proposals/unsubscribe.html", context)
