"""The politicians' corner of the admin: proposals referred to their committees,
their responses, and editing their own response within 24 hours.

Every view checks on the server, through proposals.lifecycle.responses, that the
user is a politician on the right committee (or the response's author within the
window); hiding a button is never the only guard."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from proposals import lifecycle
from proposals.admin_forms import EntryTextForm
from proposals.constants import EntryKind
from proposals.models import FeedbackEntry, Proposal

INDEX_URL = "proposals_responses:index"


class PoliticianRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        self.profile = lifecycle.politician_profile(request.user)
        if self.profile is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ReferredProposalsView(
    PoliticianRequiredMixin, WagtailAdminTemplateMixin, TemplateView
):
    """Proposals referred to the politician's committees and their own responses."""

    template_name = "proposals/admin/politician_index.html"
    page_title = _("Förslag till mina nämnder")
    header_icon = "comment"

    def get_context_data(self, **kwargs):
        proposals = list(
            lifecycle.proposals_for_politician(self.request.user)
            .select_related("committee", "box")
            .order_by("-referred_at")
        )
        responses = FeedbackEntry.objects.filter(
            kind=EntryKind.RESPONSE,
            author=self.request.user,
            proposal__in=proposals,
        )
        now = timezone.now()
        by_proposal = {}
        for entry in responses:
            entry.editable = lifecycle.can_edit_response(entry, self.request.user, now)
            by_proposal.setdefault(entry.proposal_id, []).append(entry)
        for proposal in proposals:
            proposal.own_responses = by_proposal.get(proposal.pk, [])
        return super().get_context_data(proposals=proposals, **kwargs)


class ResponseFormView(PoliticianRequiredMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "proposals/admin/action.html"
    form_class = EntryTextForm
    header_icon = "comment"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            button_label=self.button_label,
            description=self.description,
            cancel_url=reverse(INDEX_URL),
            **kwargs,
        )

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def form_valid(self, form):
        try:
            self.act(form.cleaned_data["text"])
        except lifecycle.NotPermitted as error:
            raise PermissionDenied from error
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(INDEX_URL)


class RespondView(ResponseFormView):
    page_title = _("Svara på förslaget")
    button_label = _("Publicera svaret")
    description = _(
        "Svaret visas på förslagets sida med ditt namn, parti och uppdrag och "
        "skickas till förslagsställaren och dem som bett om besked. Du kan ändra "
        "det i 24 timmar."
    )
    success_message = _("Ditt svar är publicerat.")

    def dispatch(self, request, pk):
        self.proposal = get_object_or_404(Proposal, pk=pk)
        return super().dispatch(request, pk)

    def get(self, request, *args, **kwargs):
        if (
            not lifecycle.proposals_for_politician(request.user)
            .filter(pk=self.proposal.pk)
            .exists()
        ):
            raise PermissionDenied
        return super().get(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.proposal)

    def act(self, text):
        lifecycle.AddResponse(
            self.proposal, user=self.request.user, text=text
        ).execute()


class EditResponseView(ResponseFormView):
    page_title = _("Ändra ditt svar")
    button_label = _("Spara ändringen")
    description = _(
        "Svaret märks som ändrat på förslagets sida och den tidigare texten sparas."
    )
    success_message = _("Ditt svar är ändrat.")

    def dispatch(self, request, pk):
        self.entry = get_object_or_404(FeedbackEntry, pk=pk)
        return super().dispatch(request, pk)

    def get(self, request, *args, **kwargs):
        if not lifecycle.can_edit_response(self.entry, request.user):
            raise PermissionDenied
        return super().get(request, *args, **kwargs)

    def get_initial(self):
        return {"text": self.entry.text}

    def get_page_subtitle(self):
        return str(self.entry.proposal)

    def act(self, text):
        lifecycle.EditResponse(self.entry, user=self.request.user, text=text).execute()


class PoliticianMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("proposals.respond_to_proposal")


class ResponsesViewSet(ViewSet):
    name = "proposals_responses"
    url_prefix = "forslag-svar"
    icon = "comment"
    menu_label = _("Svara på förslag")
    add_to_admin_menu = True
    menu_item_class = PoliticianMenuItem

    @property
    def menu_url(self):
        return reverse(self.get_url_name("index"))

    def get_urlpatterns(self):
        return [
            path("", ReferredProposalsView.as_view(), name="index"),
            path("svara/<int:pk>/", RespondView.as_view(), name="respond"),
            path("andra/<int:pk>/", EditResponseView.as_view(), name="edit"),
        ]
