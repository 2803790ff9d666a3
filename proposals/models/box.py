"""The suggestion box page and the topics proposals are filed under."""

from urllib.parse import urljoin

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from eid import client as eid_client
from home.localised import LocalisedPageMixin
from municipality.language.indexed import SEARCH_TERMS, SwedishSearchTerms
from proposals.constants import SignatureMethod

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class Topic(models.Model):
    """A subject residents file proposals under, such as traffic or schools."""

    name = models.CharField(_("namn"), max_length=80, unique=True)
    slug = models.SlugField(_("kortnamn"), max_length=80, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("ämne")
        verbose_name_plural = _("ämnen")

    def __str__(self):
        return self.name


class SuggestionBoxPage(
    SwedishSearchTerms, LocalisedPageMixin, RoutablePageMixin, Page
):
    """Mittköping's digital suggestion box: its rules, proposals and signing terms."""

    introduction = models.TextField(_("ingress"), blank=True)
    rules = RichTextField(
        _("regler"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "Vad man kan lämna förslag om. Tröskel, tid, avvisningsskäl och "
            "personuppgifter visas alltid automatiskt."
        ),
    )
    signature_threshold = models.PositiveIntegerField(
        _("antal underskrifter för att lämnas till kommunen"),
        default=100,
        validators=[MinValueValidator(1), MaxValueValidator(1_000_000)],
    )
    signing_days = models.PositiveIntegerField(
        _("dagar att samla underskrifter"),
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    signing_continues_after_referral = models.BooleanField(
        _("man kan skriva under även efter att förslaget lämnats till kommunen"),
        default=True,
    )
    signature_method = models.CharField(
        _("underskrifter bekräftas med"),
        max_length=10,
        choices=SignatureMethod.choices,
        default=SignatureMethod.EMAIL,
        help_text=_(
            "Med e-legitimation räknas varje person en gång. Med ”e-post eller "
            "e-legitimation” kan den som skrivit under med båda räknas två gånger, "
            "om hen inte kopplar ihop dem. Gäller förslag som publiceras efter "
            "ändringen; ett förslag kan ha ett eget val innan det publiceras."
        ),
    )
    submit_requires_eid = models.BooleanField(
        _("den som lämnar ett förslag legitimerar sig med e-legitimation"),
        default=False,
    )
    eid_residents_only = models.BooleanField(
        _("bara folkbokförda i kommunen kan skriva under med e-legitimation"),
        default=False,
        help_text=_(
            "Kräver att identitetstjänsten lämnar folkbokföringskommun "
            "(DELAKTIG_EID_MUNICIPALITY_CLAIM och DELAKTIG_EID_MUNICIPALITY_CODE)."
        ),
    )
    answer_months = models.PositiveSmallIntegerField(
        _("svar senast (månader efter att förslaget lämnats till kommunen)"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text=_(
            "Gäller när nämnden inte har en egen handläggningstid. Förslaget visar "
            "en svarsklocka från den dag det lämnades till kommunen."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("rules"),
        MultiFieldPanel(
            [
                FieldPanel("signature_threshold"),
                FieldPanel("signing_days"),
                FieldPanel("signing_continues_after_referral"),
                FieldPanel("signature_method"),
                FieldPanel("eid_residents_only"),
                FieldPanel("submit_requires_eid"),
            ],
            heading=_("Underskrifter"),
        ),
        FieldPanel("answer_months"),
    ]

    # The admissibility assistant's word lists (proposals/admissibility/words.py).
    settings_panels = [
        *Page.settings_panels,
        InlinePanel(
            "admissibility_lists",
            heading=_("Prövning: ämnen utanför kommunens ansvar och kränkande ord"),
            label=_("Ordlista"),
        ),
    ]

    search_fields = [
        index.SearchField(SEARCH_TERMS),
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("rules"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    def clean(self):
        """A box may ask for e-legitimation only where the site can offer it, and for
        residents only where the broker says where a person is registered."""
        super().clean()
        errors = {}
        asks_eid = self.submit_requires_eid or self.signature_method in (
            SignatureMethod.EID,
            SignatureMethod.EITHER,
        )
        if asks_eid and not eid_client.enabled():
            message = _(
                "E-legitimation är inte inställd för webbplatsen "
                "(DELAKTIG_EID_ISSUER). Välj e-post."
            )
            field = (
                "submit_requires_eid"
                if self.submit_requires_eid
                else "signature_method"
            )
            errors[field] = message
        if self.eid_residents_only and not (
            settings.DELAKTIG_EID_MUNICIPALITY_CLAIM
            and settings.DELAKTIG_EID_MUNICIPALITY_CODE
        ):
            errors["eid_residents_only"] = _(
                "Identitetstjänsten är inte inställd att lämna folkbokföringskommun "
                "(DELAKTIG_EID_MUNICIPALITY_CLAIM och DELAKTIG_EID_MUNICIPALITY_CODE)."
            )
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from proposals.constants import RejectionReason

        context = super().get_context(request, *args, **kwargs)
        context["rejection_reasons"] = RejectionReason.choices
        context["listing_url"] = self.subpage_url("listing_view")
        context["submit_url"] = self.subpage_url("submit_view")
        context["similar_url"] = self.subpage_url("similar_view")
        context["feed_url"] = self.subpage_url("feed_view")
        context["answered_feed_url"] = self.subpage_url("answered_feed_view")
        return context

    def subpage_url(self, name, *args):
        """The address of one of the box's views: relative while one site is served,
        with its host otherwise. Without the request: Wagtail's site lookup for it
        costs a query on every signature and confirmation."""
        return self.own_url() + self.reverse_subpage(name, args=list(args))

    def own_url(self):
        """get_url() in the active language, worked out once per instance: Wagtail
        reads the sites' root paths from the cache each time (a round trip to
        Redis), and one referral's e-mails need the address hundreds of times."""
        language = get_language()
        if language not in self._own_urls:
            self._own_urls[language] = self.get_url() or ""
        return self._own_urls[language]

    @cached_property
    def site_root_url(self):
        """The root URL of the site the box is served on ("" if none), once per
        instance: the one base of every absolute link to the box and its
        proposals (e-mails, feeds), whatever host a request came in on."""
        parts = self.get_url_parts()
        return parts[1] if parts else ""

    def absolute(self, url):
        """`url` on the box's site: a relative address gets the site's root, one
        with its host (several sites) is kept as it is."""
        return urljoin(self.site_root_url + "/", url)

    @cached_property
    def _own_urls(self):
        return {}

    def get_sitemap_urls(self, request=None):
        """The box itself and every public proposal routed under it."""
        urls = super().get_sitemap_urls(request)
        base_url = self.get_full_url(request=request)
        for pk, changed in self.proposals.public().values_list("pk", "opened_at"):
            urls.append(
                {
                    "location": base_url + self.reverse_subpage("proposal_view", [pk]),
                    "lastmod": changed,
                }
            )
        return urls

    @path("")
    def listing_view(self, request):
        from proposals.views import public

        return public.listing(request, self)

    @path("forslag/<int:proposal_id>/")
    def proposal_view(self, request, proposal_id):
        from proposals.views import public

        return public.detail(request, self, proposal_id)

    @path("forslag/<int:proposal_id>/skriv-under/")
    def sign_view(self, request, proposal_id):
        from proposals.views import signing

        return signing.sign(request, self, proposal_id)

    @path("forslag/<int:proposal_id>/e-legitimation/")
    def eid_sign_view(self, request, proposal_id):
        from proposals.views import eid

        return eid.sign(request, self, proposal_id)

    @path("forslag/<int:proposal_id>/underskriven/")
    def eid_signed_view(self, request, proposal_id):
        from proposals.views import eid

        return eid.done(request, self, proposal_id)

    @path("forslag/<int:proposal_id>/tack/")
    def signed_view(self, request, proposal_id):
        from proposals.views import signing

        return signing.signed(request, self, proposal_id)

    @path("forslag/<int:proposal_id>/kommentarer/<int:comment_id>/svara/")
    def comment_reply_view(self, request, proposal_id, comment_id):
        from proposals.views import comments

        return comments.reply(request, self, proposal_id, comment_id)

    @path("forslag/<int:proposal_id>/kommentarer/<int:comment_id>/anmal/")
    def comment_report_view(self, request, proposal_id, comment_id):
        from proposals.views import comments

        return comments.report(request, self, proposal_id, comment_id)

    @path("lamna-forslag/")
    def submit_view(self, request):
        from proposals.views import submitting

        return submitting.submit(request, self)

    @path("lamna-forslag/tack/")
    def submitted_view(self, request):
        from proposals.views import submitting

        return submitting.submitted(request, self)

    @path("liknande/")
    def similar_view(self, request):
        from proposals.views import public

        return public.similar(request, self)

    @path("bekrafta-forslag/<str:token>/")
    def confirm_proposal_view(self, request, token):
        from proposals.views import submitting

        return submitting.confirm(request, self, token)

    @path("mitt-forslag/<str:token>/")
    def manage_proposal_view(self, request, token):
        from proposals.views import submitting

        return submitting.manage(request, self, token)

    @path("bekrafta-underskrift/<str:token>/")
    def confirm_signature_view(self, request, token):
        from proposals.views import signing

        return signing.confirm(request, self, token)

    @path("min-underskrift/<str:token>/")
    def manage_signature_view(self, request, token):
        from proposals.views import signing

        return signing.manage(request, self, token)

    @path("min-underskrift/<str:token>/e-legitimation/")
    def eid_link_view(self, request, token):
        from proposals.views import eid

        return eid.link(request, self, token)

    @path("avregistrera/<str:token>/")
    def unsubscribe_view(self, request, token):
        from proposals.views import unsubscribe

        return unsubscribe.unsubscribe(request, self, token)

    @path("flode/")
    def feed_view(self, request):
        from proposals.feeds import ProposalsFeed

        return ProposalsFeed()(request, box=self)

    @path("flode/besvarade/")
    def answered_feed_view(self, request):
        from proposals.feeds import AnsweredFeed

        return AnsweredFeed()(request, box=self)

    @path("forslag/<int:proposal_id>/flode/")
    def trail_feed_view(self, request, proposal_id):
        from proposals.feeds import TrailFeed

        return TrailFeed()(request, box=self, proposal_id=proposal_id)

    class Meta:
        verbose_name = _("förslagslåda")
        verbose_name_plural = _("förslagslådor")
