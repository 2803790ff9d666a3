"""A dialogue page: the question, its place on the ladder, how to take part and,
afterwards, the result, the feedback and the decision."""

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from comments import views as comment_views
from home.localised import LocalisedPageMixin, page_url
from municipality.language.indexed import SEARCH_TERMS, SwedishSearchTerms

from .. import rules
from ..calendar import event_response
from ..choices import DialogueKind, InfluenceLevel, Status
from ..comments import comment_context, comment_sent
from ..ladder import step_for
from ..panels import MethodFitPanel
from .survey import DialogueSurveyPage

TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class DialoguePage(SwedishSearchTerms, LocalisedPageMixin, RoutablePageMixin, Page):
    """One resident dialogue the municipality runs, from plan to feedback."""

    # Frågan
    question = models.TextField(
        _("fråga"),
        blank=True,
        help_text=_("Den fråga invånarna ska svara på eller resonera om."),
    )
    introduction = models.TextField(_("ingress"), blank=True)
    background = RichTextField(_("bakgrund"), blank=True, features=TEXT_FEATURES)
    dialogue_kind = models.CharField(
        _("typ av dialog"),
        max_length=20,
        choices=DialogueKind.choices,
        default=DialogueKind.RESIDENT,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    # Påverkan
    influence_level = models.CharField(
        _("nivå på delaktighetstrappan"),
        max_length=20,
        choices=InfluenceLevel.choices,
        default=InfluenceLevel.CONSULTATION,
    )
    open_to_influence = RichTextField(
        _("det här kan du påverka"), blank=True, features=TEXT_FEATURES
    )
    fixed_frame = RichTextField(
        _("det här går inte att påverka (ramar)"), blank=True, features=TEXT_FEATURES
    )
    committee = models.ForeignKey(
        "municipality.Committee",
        verbose_name=_("ansvarig nämnd"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dialogues",
    )
    decision_planned_date = models.DateField(
        _("beslut planeras"), null=True, blank=True
    )
    # Delta
    methods = ParentalManyToManyField(
        "dialogues.DialogueMethod", verbose_name=_("metoder"), blank=True
    )
    target_groups = ParentalManyToManyField(
        "dialogues.TargetGroup", verbose_name=_("målgrupper"), blank=True
    )
    areas = ParentalManyToManyField(
        "municipality.Area", verbose_name=_("områden"), blank=True
    )
    start_date = models.DateField(_("startdatum"), null=True, blank=True)
    end_date = models.DateField(_("slutdatum"), null=True, blank=True)
    contact_name = models.CharField(_("kontaktperson"), max_length=150, blank=True)
    contact_role = models.CharField(_("roll"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-post"), blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=40, blank=True)
    # Resultat och återkoppling
    result = RichTextField(
        _("sammanställt resultat"), blank=True, features=TEXT_FEATURES
    )
    result_date = models.DateField(_("resultatet sammanställt"), null=True, blank=True)
    feedback = RichTextField(
        _("återkoppling till deltagare och invånare"),
        blank=True,
        features=TEXT_FEATURES,
    )
    feedback_date = models.DateField(_("återkopplat"), null=True, blank=True)
    decision = RichTextField(_("beslut"), blank=True, features=TEXT_FEATURES)
    decision_date = models.DateField(_("beslutsdatum"), null=True, blank=True)
    effect_on_decision = RichTextField(
        _("styreffekt"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("Hur resultatet av dialogen påverkade beslutet."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("question"),
        FieldPanel("introduction"),
        FieldPanel("background"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("dialogue_kind")]),
    ]
    influence_panels = [
        FieldPanel("influence_level"),
        FieldPanel("open_to_influence"),
        FieldPanel("fixed_frame"),
        FieldRowPanel(
            [FieldPanel("committee"), FieldPanel("decision_planned_date")],
            heading=_("Vem beslutar"),
        ),
    ]
    participation_panels = [
        MethodFitPanel(heading=_("Passar metoderna nivån?")),
        FieldPanel("methods", widget=forms.CheckboxSelectMultiple),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel(
            [FieldPanel("start_date"), FieldPanel("end_date")],
            heading=_("Period"),
        ),
        InlinePanel("events", heading=_("Tillfällen"), label=_("Tillfälle")),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_role"),
                FieldRowPanel(
                    [FieldPanel("contact_email"), FieldPanel("contact_phone")]
                ),
            ],
            heading=_("Kontaktperson"),
        ),
    ]
    result_panels = [
        FieldRowPanel([FieldPanel("result_date")]),
        FieldPanel("result"),
        InlinePanel("documents", heading=_("Dokument"), label=_("Dokument")),
        FieldPanel("feedback_date"),
        FieldPanel("feedback"),
        FieldPanel("decision_date"),
        FieldPanel("decision"),
        FieldPanel("effect_on_decision"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Frågan")),
            ObjectList(influence_panels, heading=_("Påverkan")),
            ObjectList(participation_panels, heading=_("Delta")),
            ObjectList(result_panels, heading=_("Resultat och återkoppling")),
            ObjectList(Page.promote_panels, heading=_("Marknadsföring")),
            ObjectList(Page.settings_panels, heading=_("Inställningar")),
        ]
    )

    search_fields = [
        index.SearchField(SEARCH_TERMS),
        *Page.search_fields,
        index.SearchField("question"),
        index.SearchField("introduction"),
        index.SearchField("background"),
        index.SearchField("result"),
        index.SearchField("feedback"),
        index.FilterField("status"),
        index.FilterField("influence_level"),
    ]

    parent_page_types = ["dialogues.DialogueIndexPage"]
    subpage_types = ["dialogues.DialogueSurveyPage"]

    @property
    def step(self):
        return step_for(self.influence_level)

    @property
    def status_explanation(self):
        return rules.status_explanation(self)

    @property
    def is_information(self):
        return rules.is_information(self)

    @property
    def invites_participation(self):
        return rules.invites_participation(self)

    @property
    def comments_allowed(self):
        return rules.comments_allowed(self)

    @property
    def registration_open(self):
        return rules.registration_open(self)

    @property
    def survey_open(self):
        return rules.survey_open(self)

    @property
    def comments_visible(self):
        return rules.comments_visible(self)

    def live_survey(self):
        """The published web survey of this dialogue, when the rules allow one."""
        if not rules.survey_allowed(self):
            return None
        return DialogueSurveyPage.objects.child_of(self).live().public().first()

    def events_with_calendar(self):
        """The events in time order, each with the address of its iCalendar file."""
        events = sorted(self.events.all(), key=lambda event: event.starts_at)
        for event in events:
            event.ical_url = self.event_ical_url(event)
        return events

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The suggestion box renders the proposals: {% dialogue_proposals page %}.
        context["shows_proposals"] = rules.shows_proposals(self)
        context["ladder_url"] = self.ladder_url()
        return context

    def ladder_url(self):
        """The ladder page explaining the steps: it sits beside the dialogues,
        under their listing ("" if there is none)."""
        ladder_model = apps.get_model("dialogues", "LadderPage")
        ladder = self.get_siblings().live().public().type(ladder_model).first()
        return page_url(ladder)

    def get_absolute_url(self):
        """Where a confirmed comment redirects (django-comments' shortcut view)."""
        return self.get_full_url()

    def event_ical_url(self, event):
        return self.url + self.reverse_subpage("event_ical", args=(event.pk,))

    def clean(self):
        super().clean()
        errors = rules.dialogue_errors(self)
        if errors:
            raise ValidationError(errors)

    @path("")
    def dialogue(self, request):
        return self.render(request, context_overrides=comment_context(request, self))

    @path("kommentera/", name="comment")
    def post_comment(self, request):
        return comment_views.post_comment(request, target=self)

    @path("kommentera/svara/<int:comment_id>/", name="reply")
    def reply(self, request, comment_id):
        return comment_views.reply(request, self, comment_id)

    @path("kommentera/tack/", name="comment_sent")
    def comment_sent(self, request):
        return comment_sent(request, self)

    @path("kommentera/rapportera/<int:comment_id>/", name="report")
    def report(self, request, comment_id):
        return comment_views.report(request, self, comment_id)

    @path("tillfalle/<int:event_id>/kalender/", name="event_ical")
    def event_ical(self, request, event_id):
        return event_response(request, self, event_id)

    class Meta:
        verbose_name = _("dialog")
        verbose_name_plural = _("dialoger")


class DialogueEvent(Orderable):
    """A meeting or other occasion where residents take part in a dialogue."""

    page = ParentalKey(DialoguePage, on_delete=models.CASCADE, related_name="events")
    title = models.CharField(_("rubrik"), max_length=200)
    starts_at = models.DateTimeField(_("börjar"))
    ends_at = models.DateTimeField(_("slutar"), null=True, blank=True)
    place = models.CharField(_("plats"), max_length=200)
    address = models.CharField(_("adress"), max_length=200, blank=True)
    accessibility = models.TextField(
        _("tillgänglighet"),
        blank=True,
        help_text=_("Till exempel hiss, hörslinga, teckenspråkstolk, parkering."),
    )
    registration_url = models.URLField(_("länk till anmälan"), blank=True)

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("place"), FieldPanel("address")]),
        FieldPanel("accessibility"),
        FieldPanel("registration_url"),
    ]

    def clean(self):
        if self.ends_at and self.starts_at and self.ends_at < self.starts_at:
            raise ValidationError(
                {"ends_at": _("Tillfället kan inte sluta innan det börjar.")}
            )

    def __str__(self):
        return self.title

    class Meta(Orderable.Meta):
        verbose_name = _("tillfälle")
        verbose_name_plural = _("tillfällen")


class DialogueDocument(Orderable):
    """A document belonging to a dialogue's compiled result."""

    page = ParentalKey(DialoguePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("dokument"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("rubrik"),
        max_length=200,
        blank=True,
        help_text=_("Lämna tomt för att använda dokumentets namn."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    @property
    def display_title(self):
        return self.title or self.document.title

    class Meta(Orderable.Meta):
        verbose_name = _("dokument")
        verbose_name_plural = _("dokument")
