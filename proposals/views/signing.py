"""Co-signing: sign, confirm by e-mail, and withdraw through the private link."""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from municipality.client_address import client_ip
from proposals import lifecycle, ratelimit, tokens
from proposals.forms import SignForm
from proposals.models import Proposal, Signature

from . import public
from .base import bad_link, message_page, proposal_url, render


def _public_proposal(box, proposal_id):
    try:
        return box.proposals.public().get(pk=proposal_id)
    except Proposal.DoesNotExist as error:
        raise Http404 from error


def sign(request, box, proposal_id):
    proposal = lifecycle.proposal_to_sign(box, proposal_id)
    if proposal is None:
        raise Http404
    url = proposal_url(box, proposal.pk)
    if request.method != "POST":
        return redirect(url + "#skriv-under")
    form = SignForm(request.POST)
    if not form.is_valid():
        return public.detail(request, box, proposal_id, sign_form=form, status=400)
    ip = client_ip(request)
    within_limits = ratelimit.hit("sign", ip)
    try:
        lifecycle.sign(
            proposal,
            flagged=form.too_fast or not within_limits,
            ip_address=ip,
            **form.signature_data(),
        )
    except lifecycle.SigningClosed:
        form.add_error(None, _("Förslaget tar inte längre emot underskrifter."))
        return public.detail(request, box, proposal_id, sign_form=form, status=409)
    return redirect(url + "tack/")


def signed(request, box, proposal_id):
    """Where the sign form leads (as on the UK petitions site): the same page for
    everyone, with no message in the session, so the page cache can serve it."""
    _public_proposal(box, proposal_id)
    context = {
        "title": _("Kontrollera din e-post"),
        "text": _(
            "Tack! Vi har skickat ett mejl till dig. Din underskrift räknas när du "
            "klickat på länken i mejlet."
        ),
        "proposal_link": proposal_url(box, proposal_id),
    }
    return render(request, box, "proposals/message.html", context)


CONFIRM_MESSAGES = {
    lifecycle.CONFIRMED: (
        _("Tack för din underskrift!"),
        _("Din underskrift är bekräftad och räknas nu."),
        200,
    ),
    lifecycle.CONFIRMED_FLAGGED: (
        _("Tack för din underskrift!"),
        _(
            "Din underskrift är bekräftad och räknas när kommunen har kontrollerat "
            "den. Det gör vi med underskrifter som kommer mycket snabbt eller många "
            "från samma uppkoppling."
        ),
        200,
    ),
    lifecycle.ALREADY_CONFIRMED: (
        _("Redan bekräftad"),
        _("Du har redan bekräftat din underskrift. Den räknas – tack!"),
        200,
    ),
    lifecycle.DUPLICATE: (
        _("Du har redan skrivit under"),
        _(
            "Du har redan skrivit under det här förslaget med samma e-postadress. "
            "Din tidigare underskrift gäller – tack för ditt stöd!"
        ),
        200,
    ),
    lifecycle.CLOSED: (
        _("Förslaget är stängt"),
        _("Förslaget tar inte längre emot underskrifter, så den här räknas inte."),
        409,
    ),
}


def _manage_url(box, token):
    return box.subpage_url("manage_signature_view", token)


def confirm(request, box, token):
    try:
        pk = tokens.read_token(tokens.SIGNATURE_CONFIRM, token)
        result, proposal_id = lifecycle.confirm_link(pk, box=box)
    except (tokens.InvalidToken, Signature.DoesNotExist) as error:
        return bad_link(request, box, error)
    title, text, status = CONFIRM_MESSAGES[result]
    extra = {"proposal_link": proposal_url(box, proposal_id)}
    if result in (lifecycle.CONFIRMED, lifecycle.CONFIRMED_FLAGGED):
        withdraw_token = tokens.make_token(tokens.SIGNATURE_MANAGE, pk)
        extra["withdraw_link"] = _manage_url(box, withdraw_token)
        extra["receipt_signature_id"] = pk
        extra["log_url"] = reverse(
            "opendata:proposal-signature-log", args=[proposal_id]
        )
    return message_page(request, box, title, text, status=status, **extra)


def manage(request, box, token):
    try:
        pk = tokens.read_token(tokens.SIGNATURE_MANAGE, token)
        signature = Signature.objects.select_related("proposal").get(
            pk=pk, proposal__box=box
        )
    except (tokens.InvalidToken, Signature.DoesNotExist) as error:
        return bad_link(request, box, error)
    status = 200
    if request.method == "POST":
        try:
            lifecycle.withdraw_signature(pk)
        except lifecycle.SigningClosed:
            status = 409
        except Signature.DoesNotExist:
            return bad_link(request, box, tokens.InvalidToken())
        else:
            return message_page(
                request,
                box,
                _("Din underskrift är borttagen"),
                _("Vi har tagit bort din underskrift och din e-postadress."),
                proposal_link=proposal_url(box, signature.proposal_id),
            )
    lifecycle.enforce_deadline(signature.proposal)
    context = {
        "signature": signature,
        "proposal": signature.proposal,
        "private": True,
        "conflict": status == 409,
        "proposal_link": proposal_url(box, signature.proposal_id),
    }
    return render(request, box, "proposals/signature_manage.html", context, status)
