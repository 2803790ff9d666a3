"""Signing with e-legitimation: the form sends the resident to the identity
service, whose answer comes back to one address (eid.client.redirect_uri); the
attempt kept in the session under its state says which proposal and what to do.

Whatever happens there (cancelled, failed, a second attempt, a replayed answer),
the resident comes back to the proposal with a message; nothing is stored but a
counted signature. The personal identity number never leaves eid.client."""

from django.contrib import messages
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from eid import client as eid_client
from municipality import ratelimit
from municipality.client_address import client_ip
from municipality.models import Area
from proposals import lifecycle, tokens
from proposals.forms import EidSignForm, SubmitProposalForm
from proposals.models import Signature, SuggestionBoxPage

from . import public
from .base import message_page, proposal_url
from .signing import LIMITED, link_eid_url
from .submitting import DRAFT

PENDING = "eid-pending:"  # + state: the attempt, until the resident comes back
DONE = "eid-signed"  # the signature just counted, for its receipt page
# An anonymous visitor's session lasts as long as an attempt may: an hour.
ATTEMPT_SECONDS = 3600

EID_ERRORS = {
    eid_client.EidError.CANCELLED: _(
        "Du avbröt legitimeringen. Ingen underskrift har lämnats."
    ),
    eid_client.EidError.FAILED: _(
        "Legitimeringen kunde inte slutföras. Ingen underskrift har lämnats. "
        "Försök igen."
    ),
    eid_client.EidError.NO_IDENTITY: _(
        "Identitetstjänsten lämnade inget personnummer, så vi kan inte räkna "
        "underskriften. Ingen underskrift har lämnats."
    ),
    eid_client.EidError.UNAVAILABLE: _(
        "Tjänsten för e-legitimation svarar inte just nu. Försök igen om en stund."
    ),
}
DRAFT_INVALID = _(
    "Något i förslaget behöver ändras innan det kan skickas. Det du skrev finns kvar."
)
SIGN_RESULTS = {
    lifecycle.DUPLICATE: _(
        "Du har redan skrivit under det här förslaget. Din underskrift räknas en "
        "gång – tack för ditt stöd!"
    ),
    lifecycle.CLOSED: _("Förslaget tar inte längre emot underskrifter."),
    lifecycle.NOT_OFFERED: _(
        "Det här förslaget tar inte emot underskrifter med e-legitimation."
    ),
    lifecycle.NOT_RESIDENT: _(
        "Bara den som är folkbokförd i kommunen kan skriva under det här förslaget. "
        "Ingen underskrift har lämnats."
    ),
}
LINK_RESULTS = {
    lifecycle.LINKED: _(
        "Din underskrift är nu kopplad till din e-legitimation. Du räknas en gång."
    ),
    lifecycle.MERGED: _(
        "Du hade också skrivit under med e-legitimation. Nu räknas du en gång: "
        "underskriften med e-legitimation är borttagen och den med e-post gäller."
    ),
    lifecycle.ALREADY_LINKED: _(
        "Din underskrift är redan kopplad till en e-legitimation."
    ),
    lifecycle.DUPLICATE: _(
        "En annan underskrift på förslaget är redan kopplad till din "
        "e-legitimation. Den räknas."
    ),
    lifecycle.CLOSED: SIGN_RESULTS[lifecycle.CLOSED],
    lifecycle.NOT_OFFERED: _("Underskriften kan inte kopplas till e-legitimation."),
}


def _go(request, pending):
    """Start an attempt: keep `pending` under its state and send the resident off."""
    broker_url, state = eid_client.start(request)
    request.session[PENDING + state] = {
        **pending,
        "language": translation.get_language(),
    }
    if not request.user.is_authenticated:
        request.session.set_expiry(ATTEMPT_SECONDS)
    return HttpResponseRedirect(broker_url)


def sign(request, box, proposal_id):
    """The e-legitimation sign form: checked here, then off to the identity service."""
    proposal = lifecycle.proposal_to_sign(box, proposal_id)
    if proposal is None:
        raise Http404
    url = proposal_url(box, proposal.pk)
    if request.method != "POST":
        return redirect(url + "#skriv-under")
    if not (eid_client.enabled() and proposal.takes_eid_signatures):
        messages.error(request, SIGN_RESULTS[lifecycle.NOT_OFFERED])
        return redirect(url)
    form = EidSignForm(request.POST)
    if not form.is_valid():
        return public.detail(request, box, proposal_id, eid_form=form, status=400)
    if not ratelimit.hit("sign", client_ip(request)):
        form.add_error(None, LIMITED)
        return public.detail(request, box, proposal_id, eid_form=form, status=429)
    if not proposal.signing_open:
        form.add_error(None, SIGN_RESULTS[lifecycle.CLOSED])
        return public.detail(request, box, proposal_id, eid_form=form, status=409)
    pending = {"do": "sign", "box": box.pk, "proposal": proposal.pk}
    try:
        return _go(request, {**pending, **form.pending_data()})
    except eid_client.EidError as error:
        form.add_error(None, EID_ERRORS[error.reason])
        return public.detail(request, box, proposal_id, eid_form=form, status=503)


def link(request, box, token):
    """From an e-mail signature's private page: identify, so the signer counts once
    across both methods (lifecycle.eid_signing)."""
    try:
        pk = tokens.read_token(tokens.SIGNATURE_MANAGE, token)
        signature = Signature.objects.select_related("proposal").get(
            pk=pk, proposal__box=box
        )
    except (tokens.InvalidToken, Signature.DoesNotExist) as error:
        raise Http404 from error
    manage_url = box.subpage_url("manage_signature_view", token)
    if request.method != "POST" or not link_eid_url(box, token, signature):
        return redirect(manage_url)
    pending = {"do": "link", "box": box.pk, "proposal": signature.proposal_id}
    try:
        return _go(request, {**pending, "signature": pk, "token": token})
    except eid_client.EidError as error:
        messages.error(request, EID_ERRORS[error.reason])
        return redirect(manage_url)


EidError = eid_client.EidError


def start_submit(request, box, answers, ip):
    """Send a proposer to identify before their proposal is stored (the box
    requires it); `answers` is the submit form's pending_data()."""
    if not eid_client.enabled():
        raise EidError(EidError.UNAVAILABLE)
    pending = {"do": "submit", "box": box.pk, "answers": answers, "ip": ip}
    return _go(request, pending)


def callback(request):
    """Where the identity service sends the resident back (the one redirect URI)."""
    state = request.GET.get("state", "")
    pending = request.session.pop(PENDING + state, None) if state else None
    box = None
    if pending is not None:
        box = SuggestionBoxPage.objects.filter(pk=pending.get("box")).first()
    if box is None:
        return _lost(request)
    with translation.override(pending.get("language")):
        if pending["do"] == "submit":
            back = box.subpage_url("submit_view")
        else:
            back = proposal_url(box, pending["proposal"])
        try:
            person = eid_client.finish(request)
        except eid_client.EidError as error:
            messages.error(request, str(EID_ERRORS[error.reason]))
            if pending["do"] == "submit":
                request.session[DRAFT] = pending["answers"]
            return redirect(back)
        if pending["do"] == "submit":
            return _submitted(request, box, pending, back)
        if pending["do"] == "link":
            return _linked(request, box, pending, person)
        return _signed(request, box, pending, person, back)


def _submitted(request, box, pending, back):
    """The proposer identified: the proposal is stored as any other, marked as
    identified, and waits for its e-mail confirmation."""
    data, form = SubmitProposalForm.proposal_data_from(pending["answers"])
    if data is None:
        request.session[DRAFT] = pending["answers"]
        messages.error(request, str(DRAFT_INVALID))
        return redirect(back)
    lifecycle.submit_proposal(
        box, ip_address=pending.get("ip"), proposer_identified=True, **data
    )
    return redirect(box.subpage_url("submitted_view"))


def _lost(request):
    """No attempt in this session under that state: used already, expired, or a
    different browser. Nothing was stored."""
    box = SuggestionBoxPage.objects.live().first()
    if box is None:
        return HttpResponseBadRequest(_("Legitimeringen kunde inte slutföras."))
    return message_page(
        request,
        box,
        _("Legitimeringen kunde inte slutföras"),
        _(
            "Svaret från e-legitimationen hör inte till något pågående försök i den "
            "här webbläsaren – det kan redan ha använts eller ha gått ut. Ingen "
            "underskrift har lämnats. Gå tillbaka till förslaget och försök igen."
        ),
        status=400,
    )


def _signed(request, box, pending, person, back):
    area = None
    if pending.get("area"):
        area = Area.objects.filter(slug=pending["area"]).first()
    result, signature = lifecycle.sign_with_eid(
        pending["proposal"],
        person,
        name=pending["name"],
        show_name=pending["show_name"],
        area=area,
    )
    if result == lifecycle.SIGNED:
        request.session[DONE] = signature.pk
        return redirect(back + "underskriven/")
    level = messages.INFO if result == lifecycle.DUPLICATE else messages.ERROR
    messages.add_message(request, level, str(SIGN_RESULTS[result]))
    return redirect(back)


def _linked(request, box, pending, person):
    try:
        result = lifecycle.link_with_eid(pending["signature"], person)
    except Signature.DoesNotExist:
        result = lifecycle.NOT_OFFERED
    ok = result in (lifecycle.LINKED, lifecycle.MERGED, lifecycle.ALREADY_LINKED)
    messages.add_message(
        request, messages.SUCCESS if ok else messages.ERROR, str(LINK_RESULTS[result])
    )
    return redirect(box.subpage_url("manage_signature_view", pending["token"]))


def done(request, box, proposal_id):
    """The page after a counted e-legitimation signature: its receipt and how to
    take it back, shown once to the browser that signed."""
    signature_id = request.session.pop(DONE, None)
    signature = Signature.objects.filter(
        pk=signature_id or 0, proposal_id=proposal_id, proposal__box=box
    ).first()
    if signature is None:
        return redirect(proposal_url(box, proposal_id))
    withdraw_token = tokens.make_token(tokens.SIGNATURE_MANAGE, signature.pk)
    return message_page(
        request,
        box,
        _("Tack för din underskrift!"),
        _(
            "Du har skrivit under med e-legitimation och din underskrift räknas nu. "
            "Ditt personnummer har inte sparats."
        ),
        proposal_link=proposal_url(box, proposal_id),
        withdraw_link=box.subpage_url("manage_signature_view", withdraw_token),
        receipt_signature_id=signature.pk,
        log_url=reverse("opendata:proposal-signature-log", args=[proposal_id]),
    )
