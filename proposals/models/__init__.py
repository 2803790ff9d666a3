"""Models of the suggestion box (förslagslådan)."""

from .box import SuggestionBoxPage, Topic
from .proposal import FeedbackEntry, Proposal, ProposalEdit
from .signature import Signature

__all__ = [
    "FeedbackEntry",
    "Proposal",
    "ProposalEdit",
    "Signature",
    "SuggestionBoxPage",
    "Topic",
]
