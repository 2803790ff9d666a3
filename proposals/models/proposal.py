"""A resident's proposal and the communicators' recorded edits."""

import math
from datetime import timedelta

from django import forms
from django.conf import settings
from django.db import models
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from municipality.language.indexed import SEARCH_TERMS, SwedishSearchTerms
from proposals import answer_clock
from proposals.constants import (
    LISTED_STATUSES,
    DecisionOutcome,
    RejectionReason,
    SignatureMethod,
    Status,
)


def open_first():
    """0 for open proposals, 1 for the rest: the "closing soon" sort's first key.
    Shared by the listing and its index, so that PostgreSQL can match the two."""
    return models.Case(
        models.When(status=Status.OPEN, then=models.Value(0)),
        default=models.Value(1),
        output_field=models.IntegerField(),
    )


def threshold_share():
    """The share of its threshold a proposal has reached: the front page's "near
    the threshold" sort. Shared by the query and its index (as open_first)."""
    return Cast(models.F("signature_count"), models.FloatField()) / Cast(
        models.F("threshold"), models.FloatField()
    )


# Ids are 64-bit (BigAutoField).
MAX_ID = 2**63 - 1


class ProposalQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def public(self):
        """Proposals anyone may read: published once, never rejected or unconfirmed."""
        return self.filter(
            models.Q(status__in=LISTED_STATUSES)
            | models.Q(status=Status.WITHDRAWN, opened_at__isnull=False)
        )

    def listed(self):
        return self.filter(status__in=LISTED_STATUSES)

    def in_box(self, box, pk):
        """The proposal `pk` of the suggestion box, or None. The proposal page's one
        query, written out: building it with the ORM cost more CPU than the rest of
        the view, on the page residents open most."""
        meta = self.model._meta
        if not 0 < pk <= MAX_ID:  # the database would refuse the number
            return None
        # Table and column names from the model, never from input.
        sql = "SELECT * FROM {} WHERE {} = %s AND {} = %s".format(  # noqa: S608
            meta.db_table, meta.pk.column, meta.get_field("box").column
        )
        rows = self.raw(sql, [pk, box.pk])
        for proposal in rows:
            proposal.box = box
            return proposal
        return None


class Proposal(SwedishSearchTerms, index.Indexed, models.Model):
    """A resident's e-proposal (e-förslag) to the municipality, co-signed by others.

    Lifecycle data (status, counts, dates) lives on this plain model, outside page
    revisions, and only proposals.lifecycle changes it."""

    box = models.ForeignKey(
        "proposals.SuggestionBoxPage",
        verbose_name=_("förslagslåda"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    title = models.CharField(_("rubrik"), max_length=120)
    text = models.TextField(_("förslaget"))
    topic = models.ForeignKey(
        "proposals.Topic",
        verbose_name=_("ämne"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    # Null only for rows older than the area table; the forms require an area. An
    # area that proposals name cannot be deleted: it is part of their public record.
    area = models.ForeignKey(
        "municipality.Area",
        verbose_name=_("område"),
        on_delete=models.PROTECT,
        null=True,
        related_name="proposals",
    )
    author_name = models.CharField(_("namn som visas"), max_length=100)
    # Private: never rendered on the public site.
    author_email = models.EmailField(_("e-post (visas aldrig)"))
    ip_address = models.GenericIPAddressField(_("IP-adress"), null=True, blank=True)

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.SUBMITTED,
        db_index=True,
    )
    signature_count = models.PositiveIntegerField(_("underskrifter"), default=0)
    threshold = models.PositiveIntegerField(
        _("tröskel"), null=True, blank=True, editable=False
    )
    signing_continues_after_referral = models.BooleanField(default=True)
    # Blank until publication, when the box's choice is copied unless a
    # communicator chose for this proposal (ApproveProposal).
    signature_method = models.CharField(
        _("underskrifter bekräftas med"),
        max_length=10,
        choices=SignatureMethod.choices,
        blank=True,
        help_text=_("Tomt: förslagslådans val. Kan ändras tills förslaget publiceras."),
    )
    # The proposer identified with e-legitimation (the box required it).
    proposer_identified = models.BooleanField(
        _("förslagsställaren legitimerad"), default=False, editable=False
    )
    created_at = models.DateTimeField(_("inskickat"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("bekräftat"), null=True, blank=True)
    opened_at = models.DateTimeField(_("publicerat"), null=True, blank=True)
    signing_deadline = models.DateTimeField(_("sista dag"), null=True, blank=True)
    referred_at = models.DateTimeField(_("lämnat till kommunen"), null=True, blank=True)
    answered_at = models.DateTimeField(_("besvarat"), null=True, blank=True)
    closed_at = models.DateTimeField(_("avslutat"), null=True, blank=True)
    rejected_at = models.DateTimeField(_("avvisat"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("återkallat"), null=True, blank=True)

    rejection_reason = models.CharField(
        _("skäl för avvisning"),
        max_length=30,
        choices=RejectionReason.choices,
        blank=True,
    )
    rejection_message = models.TextField(
        _("meddelande till förslagsställaren"), blank=True
    )
    case_number = models.CharField(_("diarienummer"), max_length=40, blank=True)
    outcome = models.CharField(
        _("beslut"), max_length=20, choices=DecisionOutcome.choices, blank=True
    )
    decision_url = models.URLField(_("länk till beslutet"), blank=True)
    decided_on = models.DateField(_("beslutsdatum"), null=True, blank=True)
    committee = models.ForeignKey(
        "municipality.Committee",
        verbose_name=_("nämnd"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    handling_days = models.PositiveIntegerField(
        _("förväntad handläggningstid (dagar)"), null=True, blank=True
    )
    dialogue = models.ForeignKey(
        "dialogues.DialoguePage",
        verbose_name=_("dialog"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
        help_text=_("Dialogen som förslaget lämnades i, om någon."),
    )
    last_feedback_at = models.DateTimeField(
        _("senaste återkoppling"), null=True, blank=True
    )
    overdue_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    # When the committee and communicators were reminded of the answer date.
    answer_reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The proposer's language (from the request) and whether they still want mail.
    language = models.CharField(max_length=10, default="sv", editable=False)
    notify_proposer = models.BooleanField(
        _("förslagsställaren vill ha e-post"), default=True
    )

    objects = ProposalQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("topic"),
        FieldPanel("area", widget=forms.Select),
        FieldPanel("author_name"),
        FieldPanel("dialogue"),
    ]

    # The text is searched through its keys only (municipality/language/): indexed
    # as well, it made every index entry's vector twice as large (bench/README.md).
    key_source_fields = ("text",)
    search_fields = [
        index.SearchField(SEARCH_TERMS),
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.FilterField("status"),
        # public() filters on it: a withdrawn proposal is public if it was opened.
        index.FilterField("opened_at"),
        index.FilterField("box_id"),
        # search/results.py ranks a bounded set of candidates, chosen by id.
        index.FilterField("id"),
        index.RelatedFields("topic", [index.SearchField("name")]),
    ]

    class Meta:
        ordering = ["-opened_at", "-created_at"]
        verbose_name = _("förslag")
        verbose_name_plural = _("förslag")
        indexes = [
            models.Index(fields=["status", "signing_deadline"]),
            # The listing's sorts (proposals/views/public.py ORDERINGS), proven by
            # EXPLAIN in bench/queries.py: the first page is read in index order.
            models.Index(
                fields=["box", "-signature_count", "-opened_at"],
                name="proposal_most_signed",
            ),
            models.Index(fields=["box", "-opened_at"], name="proposal_newest"),
            # The listing's "newest" reads only listed proposals: in the index above
            # the unpublished ones (no opened_at) come first, and a first page read
            # 7,000 of them at 100,000 proposals before the twelve it shows.
            models.Index(
                fields=["box", "-opened_at"],
                condition=models.Q(status__in=LISTED_STATUSES),
                name="proposal_listed_newest",
            ),
            models.Index(
                models.F("box"),
                open_first(),
                models.F("signing_deadline"),
                models.F("opened_at").desc(),
                name="proposal_closing_soon",
            ),
            # The front page's open proposals nearest their threshold
            # (proposals/home.py): read in index order, not sorted from all open.
            models.Index(
                models.F("box"),
                threshold_share().desc(),
                models.F("signing_deadline"),
                models.F("id"),
                condition=models.Q(status=Status.OPEN, threshold__gt=0),
                name="proposal_near_threshold",
            ),
            # Counting the listed proposals (the paginator) from the index alone.
            models.Index(fields=["box", "status"], name="proposal_box_status"),
            # "recently answered" (NULLS LAST) has a PostgreSQL-only index in
            # migration 0010: SQLite cannot index NULLS LAST.
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        """Where django-comments sends readers of a comment."""
        return self.get_url()

    @classmethod
    def get_indexed_objects(cls):
        return super().get_indexed_objects().public()

    @property
    def is_public(self):
        return self.status in LISTED_STATUSES or (
            self.status == Status.WITHDRAWN and self.opened_at is not None
        )

    @property
    def signing_open(self):
        """Whether a new signature may be given now (deadlines checked lazily too)."""
        if self.signing_deadline is None or timezone.now() >= self.signing_deadline:
            return False
        if self.status == Status.OPEN:
            return True
        return self.status == Status.REFERRED and self.signing_continues_after_referral

    @property
    def signing_method(self):
        """How signatures are confirmed: fixed at publication, the box's before."""
        return self.signature_method or self.box.signature_method

    @property
    def takes_email_signatures(self):
        return self.signing_method in (SignatureMethod.EMAIL, SignatureMethod.EITHER)

    @property
    def takes_eid_signatures(self):
        return self.signing_method in (SignatureMethod.EID, SignatureMethod.EITHER)

    @property
    def days_left(self):
        """Whole days left to sign, counting a started day as a day; 0 when closed."""
        if not self.signing_open:
            return 0
        seconds = (self.signing_deadline - timezone.now()).total_seconds()
        return max(0, math.ceil(seconds / 86400))

    @property
    def progress_percent(self):
        if not self.threshold:
            return 0
        return min(100, round(100 * self.signature_count / self.threshold))

    @property
    def signatures_missing(self):
        if not self.threshold:
            return 0
        return max(0, self.threshold - self.signature_count)

    @property
    def awaiting_registration(self):
        """Referred when the threshold was reached, but no case number yet."""
        return self.status == Status.REFERRED and not self.case_number

    @property
    def handling_deadline(self):
        """When the committee's expected handling time runs out."""
        if self.referred_at is None or not self.handling_days:
            return None
        return self.referred_at + timedelta(days=self.handling_days)

    def is_overdue(self, now=None):
        """Referred, not answered, and past its answer clock's date (the one the
        page shows: the committee's handling time, else the box's answer time)."""
        if self.status != Status.REFERRED:
            return False
        today = timezone.localdate(now) if now else None
        running = answer_clock.clock(self, today=today)
        return running is not None and running.overdue

    def days_since_feedback(self, now=None):
        """Whole days since the latest public trail entry (None before the first)."""
        if self.last_feedback_at is None:
            return None
        return max(0, ((now or timezone.now()) - self.last_feedback_at).days)

    @property
    def comments_open(self):
        """Residents may comment while the proposal is public and being handled."""
        return self.status in (Status.OPEN, Status.REFERRED)

    def get_url(self, request=None):
        if request is None:
            return self.box.subpage_url("proposal_view", self.pk)
        return self.box.get_url(request=request) + self.box.reverse_subpage(
            "proposal_view", args=[self.pk]
        )


class ProposalEdit(models.Model):
    """A communicator's correction of a proposal's text, kept for the record."""

    # A record of what happened, not content: Wagtail's reference index (the
    # admin's "usage") has nothing to gain from it, and each save would cost a task.
    wagtail_reference_index_ignore = True

    proposal = models.ForeignKey(
        Proposal,
        verbose_name=_("förslag"),
        on_delete=models.CASCADE,
        related_name="edits",
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("redigerat av"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    edited_at = models.DateTimeField(_("redigerat"), default=timezone.now)
    changes = models.JSONField(_("ändringar"), default=dict)
    note = models.CharField(_("anledning"), max_length=200, blank=True)

    class Meta:
        ordering = ["-edited_at"]
        verbose_name = _("redigering")
        verbose_name_plural = _("redigeringar")

    def __str__(self):
        return f"{self.proposal} ({self.edited_at:%Y-%m-%d})"
