"""Atom feeds: all public proposals, the answered ones, and one proposal's trail.

Only public fields go out: titles, texts, display names and the municipality's
entries – never an e-mail address."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from municipality.models import MunicipalitySettings
from proposals.constants import Status

MAX_ITEMS = 50


class AbsoluteLinksFeed(Feed):
    """Every link and id absolute on the box's site, the address e-mails use
    too, whatever host the feed was asked on."""

    feed_type = Atom1Feed

    def absolute(self, url):
        return self.box.absolute(url)

    def feed_url(self):
        return self.absolute(self.request.path)


class ProposalsFeed(AbsoluteLinksFeed):
    def get_object(self, request, box, **kwargs):
        self.request = request
        self.box = box
        return box

    def title(self, box):
        return _("%(box)s: nya förslag") % {"box": box.title}

    def subtitle(self, box):
        return box.introduction

    def link(self, box):
        return self.absolute(box.subpage_url("listing_view"))

    def items(self, box):
        return (
            box.proposals.public()
            .filter(opened_at__isnull=False)
            .select_related("box")
            .order_by("-opened_at")[:MAX_ITEMS]
        )

    def item_title(self, proposal):
        return proposal.title

    def item_description(self, proposal):
        return proposal.text

    def item_link(self, proposal):
        return self.absolute(self.box.subpage_url("proposal_view", proposal.pk))

    def item_author_name(self, proposal):
        return proposal.author_name

    def item_pubdate(self, proposal):
        return proposal.opened_at

    def item_updateddate(self, proposal):
        return proposal.last_feedback_at or proposal.opened_at


class AnsweredFeed(ProposalsFeed):
    def title(self, box):
        return _("%(box)s: besvarade förslag") % {"box": box.title}

    def items(self, box):
        return box.proposals.filter(status=Status.ANSWERED).order_by("-answered_at")[
            :MAX_ITEMS
        ]

    def item_description(self, proposal):
        return f"{proposal.get_outcome_display()}. {proposal.text}"

    def item_pubdate(self, proposal):
        return proposal.answered_at


class TrailFeed(AbsoluteLinksFeed):
    """What has happened to one proposal, oldest first like the page."""

    def get_object(self, request, box, proposal_id):
        proposal = box.proposals.public().filter(pk=proposal_id).first()
        if proposal is None:
            raise Http404
        self.request = request
        self.box = box
        self.url = self.absolute(box.subpage_url("proposal_view", proposal.pk))
        self.municipality = MunicipalitySettings.for_request(request).name
        return proposal

    def title(self, proposal):
        return _("Vad har hänt med ”%(title)s”?") % {"title": proposal.title}

    def link(self, proposal):
        return self.url

    def items(self, proposal):
        return proposal.trail.filter(public=True)

    def item_title(self, entry):
        return entry.get_kind_display()

    def item_description(self, entry):
        return entry.message

    def item_link(self, entry):
        return f"{self.url}#handelse-{entry.pk}"

    def item_author_name(self, entry):
        return entry.byline(self.municipality)

    def item_pubdate(self, entry):
        return entry.created_at

    def item_updateddate(self, entry):
        return entry.edited_at or entry.created_at
