"""Models of the suggestion box (förslagslådan)."""

from .box import SuggestionBoxPage, Topic
from .people import PoliticianProfile, StaffMailOptOut
from .proposal import Proposal, ProposalEdit
from .signature import Signature
from .trail import FeedbackEntry, FeedbackEntryVersion

__all__ = [
    "FeedbackEntry",
    "FeedbackEntryVersion",
    "PoliticianProfile",
    "Proposal",
    "ProposalEdit",
    "Signature",
    "StaffMailOptOut",
    "SuggestionBoxPage",
    "Topic",
]
