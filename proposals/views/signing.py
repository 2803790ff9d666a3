"""Co-signing: sign, confirm by e-mail, and withdraw through the private link."""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from eid import client as eid_client
from municipality import mailbox, ratelimit
from municipality.client_address import client_ip
from proposals import lifecycle, tokens
from proposals.constants import ConfirmedBy
from proposals.forms import SignForm
from proposals.models import Proposal, Signature

from . import public
from .base import bad_link, message_page, proposal_url, render


def _public_proposal(box, proposal_id):
    try:
        return box.proposals.public().get(pk=proposal_id)
    except Proposal.DoesNotExist as error:
        raise Http404 from error


LIMITED = _(
    "Det har kommit många underskrifter från din uppkoppling eller till din "
    "e-postadress på kort tid. Vänta en stund och försök igen – det du skrivit "
    "finns kvar."
)


def sign(request, box, proposal_id):
    proposal = lifecycle.proposal_to_sign(box, proposal_id)
    if proposal is None:
        raise Http404
    url = proposal_url(box, proposal.pk)
    if request.method != "POST" or not proposal.takes_email_signatures:
        return redirect(url + "#skriv-under")
    ip = client_ip(request)
    form = SignForm(request.POST, client_ip=ip)
    if not form.is_valid():
        return public.detail(request, box, proposal_id, sign_form=form, status=400)
    email = form.cleaned_data["email"]
    # Cache only (no query): the address's and the recipient's limits. Over them
    # nothing is stored and nothing is mailed.
    if not ratelimit.allow(("sign", ip), ratelimit.mail_to(email)):
        form.add_error(None, LIMITED)
        return public.detail(request, box, proposal_id, sign_form=form, status=429)
    # A form sent faster than a person types is kept, flagged for a communicator,
    # and gets the confirmation mail only while that address has had no other
    # flagged attempt's mail that day: the one mail the resident needs to make the
    # signature count, with no text from the form in it (signature_confirm.txt).
    flagged = form.too_fast
    notify = not flagged or ratelimit.hit("mail-to-flagged", mailbox.reached(email))
    try:
        lifecycle.sign(
            proposal,
            flagged=flagged,
            notify=notify,
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
    """The confirmation link opens a page with one button (GET changes nothing, so
    a mail scanner that follows links confirms nothing); the button's POST counts
    the signature."""
    try:
        pk = tokens.read_token(tokens.SIGNATURE_CONFIRM, token)
        if request.method != "POST":
            if not Signature.objects.filter(pk=pk, proposal__box=box).exists():
                raise Signature.DoesNotExist
            return message_page(
                request,
                box,
                _("Bekräfta din underskrift"),
                _("Tryck på knappen så räknas din underskrift."),
                button=_("Bekräfta min underskrift"),
            )
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


def _withdrawal_expired(request, box, proposal_id=None):
    extra = {"proposal_link": proposal_url(box, proposal_id)} if proposal_id else {}
    return message_page(
        request,
        box,
        _("Länken har gått ut"),
        _(
            "Länken för att ta bort en underskrift gäller medan förslaget tar emot "
            "underskrifter, och högst ett år. Kontakta kommunen om du vill att "
            "underskriften tas bort."
        ),
        status=410,
        **extra,
    )


def manage(request, box, token):
    """The withdrawal link: a page with one button whose POST removes the
    signature, while the proposal takes signatures (410 after that)."""
    try:
        pk = tokens.read_token(tokens.SIGNATURE_MANAGE, token)
        signature = Signature.objects.select_related("proposal").get(
            pk=pk, proposal__box=box
        )
    except tokens.ExpiredToken:
        return _withdrawal_expired(request, box)
    except (tokens.InvalidToken, Signature.DoesNotExist) as error:
        return bad_link(request, box, error)
    lifecycle.enforce_deadline(signature.proposal)
    if not signature.proposal.signing_open:
        return _withdrawal_expired(request, box, signature.proposal_id)
    if request.method == "POST":
        try:
            lifecycle.withdraw_signature(pk)
        except lifecycle.SigningClosed:
            return _withdrawal_expired(request, box, signature.proposal_id)
        except Signature.DoesNotExist:
            return bad_link(request, box, tokens.InvalidToken())
        return message_page(
            request,
            box,
            _("Din underskrift är borttagen"),
            _("Vi har tagit bort din underskrift.")
            if signature.method == ConfirmedBy.EID
            else _("Vi har tagit bort din underskrift och din e-postadress."),
            proposal_link=proposal_url(box, signature.proposal_id),
        )
    context = {
        "signature": signature,
        "proposal": signature.proposal,
        "private": True,
        "proposal_link": proposal_url(box, signature.proposal_id),
        "link_eid_url": link_eid_url(box, token, signature),
    }
    return render(request, box, "proposals/signature_manage.html", context)


def link_eid_url(box, token, signature):
    """Where a counted e-mail signature's signer confirms it with e-legitimation,
    where the proposal takes both (lifecycle.eid_signing); None otherwise."""
    if (
        eid_client.enabled()
        and signature.method == ConfirmedBy.EMAIL
        and signature.counts
        and not signature.identity_hash
        and signature.proposal.takes_eid_signatures
    ):
        return box.subpage_url("eid_link_view", token)
    return None
