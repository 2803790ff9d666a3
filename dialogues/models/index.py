"""The dialogue listing (Dialoger) and the participation ladder page."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.localised import LocalisedPageMixin, anchor
from home.models import FilterFormPageMixin
from municipality.language.indexed import SEARCH_TERMS, SwedishSearchTerms

from .. import rules
from ..choices import InfluenceLevel
from ..ladder import STEPS
from .dialogue import DialoguePage

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class DialogueIndexPage(
    SwedishSearchTerms, LocalisedPageMixin, FilterFormPageMixin, Page
):
    """The listing of every published dialogue, with filters (Dialoger)."""

    introduction = RichTextField(_("introduktion"), blank=True, features=TEXT_FEATURES)
    per_page = models.PositiveSmallIntegerField(_("dialoger per sida"), default=12)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    settings_panels = [*Page.settings_panels, FieldPanel("per_page")]

    search_fields = [
        *Page.search_fields,
        index.SearchField(SEARCH_TERMS),
        index.SearchField("introduction"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["dialogues.DialoguePage", "dialogues.LadderPage"]

    def dialogues(self):
        """Published dialogues below this page, with what a card needs."""
        return (
            DialoguePage.objects.live()
            .public()
            .descendant_of(anchor(self))
            .select_related("committee")
        )

    def ladder_page(self):
        return LadderPage.objects.child_of(self).live().public().first() or (
            LadderPage.objects.child_of(anchor(self)).live().public().first()
        )

    def get_context(self, request, *args, **kwargs):
        from ..forms import DialogueFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = DialogueFilterForm(request.GET or None)
        dialogues = form.filter(self.dialogues())
        paginator = Paginator(rules.order_for_listing(dialogues), self.per_page or 12)
        page_obj = paginator.get_page(request.GET.get("page"))
        context.update(
            filter_form=form,
            page_obj=page_obj,
            dialogues=page_obj.object_list,
            ladder=self.ladder_page(),
        )
        return context

    class Meta:
        verbose_name = _("dialoglista")
        verbose_name_plural = _("dialoglistor")


class LadderPage(SwedishSearchTerms, LocalisedPageMixin, Page):
    """Explains the participation ladder (Delaktighetstrappan) and lists the
    dialogues on each step."""

    introduction = RichTextField(_("introduktion"), blank=True, features=TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    search_fields = [
        *Page.search_fields,
        index.SearchField(SEARCH_TERMS),
        index.SearchField("introduction"),
    ]

    parent_page_types = ["dialogues.DialogueIndexPage"]
    subpage_types = []
    max_count = 1

    def steps_with_dialogues(self):
        """Each ladder step, lowest first, with its published dialogues."""
        parent = anchor(self).get_parent()
        dialogues = rules.order_for_listing(
            DialoguePage.objects.live()
            .public()
            .descendant_of(parent)
            .select_related("committee")
        )
        by_level = {level: [] for level in InfluenceLevel.values}
        for dialogue in dialogues:
            by_level.setdefault(dialogue.influence_level, []).append(dialogue)
        return [(step, by_level[step.level]) for step in STEPS]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["steps"] = self.steps_with_dialogues()
        context["index_page"] = self.get_parent()
        return context

    class Meta:
        verbose_name = _("delaktighetstrappa")
        verbose_name_plural = _("delaktighetstrappor")
