"""Admin actions on proposals and signatures; each one calls proposals.lifecycle."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from proposals import lifecycle
from proposals.admin_forms import AnswerForm, ConfirmForm, RejectForm
from proposals.models import Proposal, Signature


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

    def dispatch(self, request, pk):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        self.object = get_object_or_404(self.model, pk=pk)
        return super().dispatch(request, pk)

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


class ApproveView(AdminActionView):
    page_title = _("Godkänn förslag")
    button_label = _("Godkänn och öppna för underskrifter")
    description = _(
        "Förslaget publiceras och går att skriva under under den tid som gäller för "
        "förslagslådan. Förslagsställaren får besked."
    )
    success_message = _("”%(title)s” är publicerat och öppet för underskrifter.")
    index_query = "?status=in_moderation"

    def act(self, form):
        lifecycle.approve(self.object)
        log(self.object, "wagtail.moderation.approve", user=self.request.user)


class RejectView(AdminActionView):
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
        lifecycle.reject(
            self.object,
            reason=form.cleaned_data["reason"],
            message=form.cleaned_data["message"],
        )
        log(self.object, "wagtail.moderation.reject", user=self.request.user)


class AnswerView(AdminActionView):
    page_title = _("Registrera kommunens svar")
    form_class = AnswerForm
    button_label = _("Spara svaret")
    description = _(
        "Förslaget får status besvarat. Svaret visas på förslagets sida och skickas "
        "till förslagsställaren och till dem som bett om besked."
    )
    success_message = _("Svaret på ”%(title)s” är registrerat.")
    index_query = "?status=referred"

    def act(self, form):
        data = form.cleaned_data
        lifecycle.answer(
            self.object,
            outcome=data["outcome"],
            decision_url=data["decision_url"],
            text=data["text"],
            case_number=data["case_number"],
        )
        log(self.object, "wagtail.edit", user=self.request.user)


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
        lifecycle.clear_signature(self.object)
        log(self.object, "wagtail.edit", user=self.request.user)
