"""Models of the suggestion box (förslagslådan)."""

from .admissibility import AdmissibilityWordList
from .box import SuggestionBoxPage, Topic
from .milestone import Milestone
from .people import PoliticianComment, PoliticianProfile, StaffMailOptOut
from .proposal import Proposal, ProposalEdit
from .signature import Signature
from .signature_log import SignatureLogEntry
from .trail import FeedbackEntry, FeedbackEntryVersion

__all__ = [
    "AdmissibilityWordList",
    "FeedbackEntry",
    "FeedbackEntryVersion",
    "Milestone",
    "PoliticianComment",
    "PoliticianProfile",
    "Proposal",
    "ProposalEdit",
    "Signature",
    "SignatureLogEntry",
    "StaffMailOptOut",
    "SuggestionBoxPage",
    "Topic",
]
