"""Submitting a proposal, confirming it by e-mail, and the proposer's private page."""

from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from municipality import ratelimit
from municipality.client_address import client_ip
from proposals import lifecycle, tokens
from proposals.constants import Status
from proposals.forms import SubmitProposalForm
from proposals.models import Proposal
from proposals.similarity import similar_proposals
from proposals.trail import entries_for_display

from .base import bad_link, message_page, proposal_url, render

# The submit form as typed, kept while the proposer identifies (views/eid.py).
DRAFT = "eid-submit-draft"


def _form_page(request, box, form, status=200, preview=False, error=""):
    similar = []
    if preview:
        base_url = box.get_url(request=request)
        similar = similar_proposals(box, form.cleaned_data.get("title", ""))
        for proposal in similar:
            proposal.url = base_url + box.reverse_subpage(
                "proposal_view", args=[proposal.pk]
            )
    context = {
        "form": form,
        "preview": preview,
        "similar": similar,
        "form_error": error,
    }
    return render(request, box, "proposals/submit.html", context, status)


def submit(request, box):
    if request.method != "POST":
        form = SubmitProposalForm.for_dialogue(request.GET.get("dialog"))
        # Back from an identification that did not succeed: the form as typed.
        draft = request.session.pop(DRAFT, None)
        if draft:
            form.initial.update(draft)
        return _form_page(request, box, form)
    ip = client_ip(request)
    form = SubmitProposalForm(request.POST, client_ip=ip)
    if not form.is_valid():
        return _form_page(request, box, form, status=400)
    if request.POST.get("action") != "send":
        return _form_page(request, box, form, preview=True)
    if not ratelimit.allow(
        ("submit", ip), ratelimit.mail_to(form.cleaned_data["email"])
    ):
        error = _(
            "Det har kommit många förslag från din uppkoppling eller till din "
            "e-postadress på kort tid. Vänta en stund och försök igen – det du "
            "skrivit finns kvar."
        )
        return _form_page(request, box, form, status=429, preview=True, error=error)
    if box.submit_requires_eid:
        return _identify_first(request, box, form, ip)
    lifecycle.submit_proposal(box, ip_address=ip, **form.proposal_data())
    return redirect(
        box.get_url(request=request) + box.reverse_subpage("submitted_view")
    )


def _identify_first(request, box, form, ip):
    """The box requires the proposer to identify with e-legitimation: the proposal
    is stored only when they come back identified (views/eid.py)."""
    from proposals.views import eid

    try:
        return eid.start_submit(request, box, form.pending_data(), ip)
    except eid.EidError as error:
        message = eid.EID_ERRORS[error.reason]
        return _form_page(request, box, form, status=503, preview=True, error=message)


def submitted(request, box):
    return message_page(
        request,
        box,
        _("Kontrollera din e-post"),
        _(
            "Vi har skickat ett mejl med en länk. Klicka på länken för att bekräfta "
            "förslaget, så granskar kommunen det innan det publiceras. I mejlet "
            "finns också en länk där du kan följa och återkalla ditt förslag."
        ),
    )


def _manage_url(request, box, proposal):
    token = tokens.make_token(tokens.PROPOSAL_MANAGE, proposal.pk)
    return box.get_url(request=request) + box.reverse_subpage(
        "manage_proposal_view", args=[token]
    )


def confirm(request, box, token):
    """The confirmation link opens a page with one button (GET changes nothing);
    the button's POST sends the proposal to moderation."""
    try:
        pk = tokens.read_token(tokens.PROPOSAL_CONFIRM, token)
        if request.method != "POST":
            if not box.proposals.filter(pk=pk).exists():
                raise Proposal.DoesNotExist
            return message_page(
                request,
                box,
                _("Bekräfta ditt förslag"),
                _("Tryck på knappen så skickar vi förslaget till kommunen."),
                button=_("Bekräfta förslaget"),
            )
        proposal, moved = lifecycle.confirm_proposal(pk)
    except (tokens.InvalidToken, Proposal.DoesNotExist) as error:
        return bad_link(request, box, error)
    if moved:
        title = _("Tack! Ditt förslag granskas nu")
        text = _(
            "Kommunen granskar förslaget och publicerar det om det följer reglerna. "
            "Du får besked via e-post."
        )
    else:
        title = _("Redan bekräftat")
        text = _(
            "Du har redan bekräftat förslaget. Du kan följa det på din privata sida."
        )
    return message_page(
        request, box, title, text, link=_manage_url(request, box, proposal)
    )


def manage(request, box, token):
    try:
        pk = tokens.read_token(tokens.PROPOSAL_MANAGE, token)
        proposal = box.proposals.get(pk=pk)
    except (tokens.InvalidToken, Proposal.DoesNotExist) as error:
        return bad_link(request, box, error)
    lifecycle.enforce_deadline(proposal)
    status = 200
    if request.method == "POST":
        try:
            lifecycle.withdraw_proposal(proposal)
        except lifecycle.TransitionNotAllowed:
            status = 409
        else:
            return redirect(request.path + "?withdrawn=1")
    context = {
        "proposal": proposal,
        "private": True,
        "can_withdraw": lifecycle.can_transition(proposal, Status.WITHDRAWN),
        "conflict": status == 409,
        "just_withdrawn": request.GET.get("withdrawn") == "1",
        "trail": entries_for_display(proposal, request, include_private=True),
        "public_url": proposal_url(box, proposal.pk) if proposal.is_public else "",
    }
    return render(request, box, "proposals/manage.html", context, status)
