"""Models of the suggestion box (förslagslådan)."""

from .box import SuggestionBoxPage, Topic
from .milestone import Milestone
from .people import PoliticianComment, PoliticianProfile, StaffMailOptOut
from .proposal import Proposal, ProposalEdit
from .signature import Signature
from .trail import FeedbackEntry, FeedbackEntryVersion

__all__ = [
    "FeedbackEntry",
    "FeedbackEntryVersion",
    "Milestone",
    "PoliticianComment",
    "PoliticianProfile",
    "Proposal",
    "ProposalEdit",
    "Signature",
    "StaffMailOptOut",
    "SuggestionBoxPage",
    "Topic",
]
