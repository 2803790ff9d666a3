"""Register the suggestion box's admin menu (viewsets live in proposals.viewsets)."""

from wagtail.snippets.models import register_snippet

from proposals.viewsets import ProposalsViewSetGroup

register_snippet(ProposalsViewSetGroup)
