"""Dialogue pages, their parts, and the snippets editors pick from."""

from .dialogue import DialogueDocument, DialogueEvent, DialoguePage
from .index import DialogueIndexPage, LadderPage
from .snippets import DialogueMethod, TargetGroup
from .survey import DialogueSurveyPage, SurveyField

__all__ = [
    "DialogueDocument",
    "DialogueEvent",
    "DialogueIndexPage",
    "DialogueMethod",
    "DialoguePage",
    "DialogueSurveyPage",
    "LadderPage",
    "SurveyField",
    "TargetGroup",
]
