"""Admin steps on proposals and signatures; each one runs a proposals.lifecycle
action as the logged-in user, which records it (one audit entry per action)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from proposals import lifecycle
from proposals.admin_forms import (
    AnswerForm,
    ConfirmForm,
    CorrectionForm,
    EntryTextForm,
    ReferralForm,
    RejectForm,
)
from proposals.admissibility.findings import for_proposal
from proposals.models import FeedbackEntry, Proposal, Signature


class AdminActionView(WagtailAdminTemplateMixin, FormView):
    """A confirm-or-fill-in step before a lifecycle action, for users who may change
    the object."""

    model = Proposal
    permission_policy = None
    index_url_name = None
    index_query = ""
    template_name = "proposals/admin/action.html"
    form_class = ConfirmForm
    header_icon = "doc-full"
    button_label = ""
    description = ""
    success_message = ""

    def has_permission(self, user):
        return self.permission_policy.user_has_permission(user, "change")

    def dispatch(self, request, pk):
        if not self.has_permission(request.user):
            raise PermissionDenied
        self.object = get_object_or_404(self.model, pk=pk)
        return super().dispatch(request, pk)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_page_subtitle(self):
        return str(self.object)

    def get_success_url(self):
        return reverse(self.index_url_name) + self.index_query

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object,
            button_label=self.button_label,
            description=self.description,
            cancel_url=self.get_success_url(),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            self.act(form)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        except lifecycle.NotPermitted as error:
            raise PermissionDenied from error
        except lifecycle.TransitionNotAllowed:
            messages.error(
                self.request,
                _("”%(title)s” kan inte ändras så i sitt nuvarande läge.")
                % {"title": self.object},
            )
        else:
            messages.success(
                self.request, self.success_message % {"title": self.object}
            )
        return redirect(self.get_success_url())


class ModerationMixin:
    """The admissibility assistant's advice beside a moderation decision."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            admissibility_findings=for_proposal(self.object), **kwargs
        )


class ApproveView(ModerationMixin, AdminActionView):
    page_title = _("Godkänn förslag")
    button_label = _("Godkänn och öppna för underskrifter")
    description = _(
        "Förslaget publiceras och går att skriva under under den tid som gäller för "
        "förslagslådan. Förslagsställaren får besked."
    )
    success_message = _("”%(title)s” är publicerat och öppet för underskrifter.")
    index_query = "?status=in_moderation"

    def act(self, form):
        lifecycle.ApproveProposal(self.object, user=self.request.user).execute()


class RejectView(ModerationMixin, AdminActionView):
    page_title = _("Avvisa förslag")
    form_class = RejectForm
    button_label = _("Avvisa och skicka besked")
    description = _(
        "Förslaget publiceras inte. Skälet och meddelandet skickas till "
        "förslagsställaren och visas inte för någon annan."
    )
    success_message = _("”%(title)s” är avvisat och förslagsställaren har fått besked.")
    index_query = "?status=in_moderation"

    def act(self, form):
        lifecycle.RejectProposal(
            self.object,
            reason=form.cleaned_data["reason"],
            message=form.cleaned_data["message"],
            user=self.request.user,
        ).execute()


class ReferralView(AdminActionView):
    page_title = _("Registrera remiss")
    form_class = ReferralForm
    button_label = _("Registrera")
    description = _(
        "Ange vilken nämnd som behandlar förslaget, diarienumret och hur lång tid "
        "handläggningen väntas ta. Det visas i förslagets historik."
    )
    success_message = _("”%(title)s” är registrerat hos nämnden.")
    index_query = "?status=referred"

    def act(self, form):
        data = form.cleaned_data
        lifecycle.RegisterReferral(
            self.object,
            committee=data["committee"],
            case_number=data["case_number"],
            handling_days=data["handling_days"],
            user=self.request.user,
        ).execute()


class AnswerView(AdminActionView):
    page_title = _("Registrera beslut")
    form_class = AnswerForm
    button_label = _("Spara beslutet")
    description = _(
        "Förslaget får status besvarat. Beslutet visas på förslagets sida och skickas "
        "till förslagsställaren och till dem som bett om besked."
    )
    success_message = _("Beslutet om ”%(title)s” är registrerat.")
    index_query = "?status=referred"

    def act(self, form):
        data = form.cleaned_data
        lifecycle.AnswerProposal(
            self.object,
            outcome=data["outcome"],
            decided_on=data["decided_on"],
            decision_url=data["decision_url"],
            text=data["text"],
            case_number=data["case_number"],
            user=self.request.user,
        ).execute()


class StatusUpdateView(AdminActionView):
    page_title = _("Skriv en lägesrapport")
    form_class = EntryTextForm
    button_label = _("Publicera lägesrapporten")
    description = _("Berätta för invånarna var förslaget befinner sig.")
    success_message = _("Lägesrapporten om ”%(title)s” är publicerad.")

    def act(self, form):
        lifecycle.AddStatusUpdate(
            self.object, text=form.cleaned_data["text"], user=self.request.user
        ).execute()


class ImplementationView(StatusUpdateView):
    page_title = _("Rapportera genomförandet")
    button_label = _("Publicera rapporten")
    description = _("Berätta hur arbetet med det beslutade går.")
    success_message = _("Rapporten om ”%(title)s” är publicerad.")

    def act(self, form):
        lifecycle.AddImplementationUpdate(
            self.object, text=form.cleaned_data["text"], user=self.request.user
        ).execute()


class CorrectEntryView(AdminActionView):
    """A communicator corrects an entry; the earlier wording is kept."""

    model = FeedbackEntry
    page_title = _("Rätta händelse")
    form_class = CorrectionForm
    header_icon = "history"
    button_label = _("Spara rättelsen")
    description = _(
        "Händelsen märks som ändrad på förslagets sida och den tidigare texten "
        "sparas. Politikers svar kan bara ändras av den som skrev dem."
    )
    success_message = _("Händelsen ”%(title)s” är rättad.")

    def has_permission(self, user):
        return user.has_perm("proposals.change_feedbackentry")

    def get_initial(self):
        return {"text": self.object.text or self.object.message}

    def act(self, form):
        lifecycle.CorrectEntry(
            self.object,
            user=self.request.user,
            text=form.cleaned_data["text"],
            note=form.cleaned_data["note"],
        ).execute()


class ClearSignatureView(AdminActionView):
    model = Signature
    page_title = _("Godkänn flaggad underskrift")
    header_icon = "user"
    button_label = _("Godkänn underskriften")
    description = _(
        "Underskriften kom när gränsen för underskrifter från samma uppkoppling var "
        "nådd. Godkänner du den räknas den, om den är bekräftad."
    )
    success_message = _("Underskriften ”%(title)s” är godkänd.")
    index_query = "?flagged=true"

    def act(self, form):
        lifecycle.ClearSignature(self.object, user=self.request.user).execute()
