"""Dialogue pages, their parts, and the snippets editors pick from."""

from .dialogue import DialogueDocument, DialogueEvent, DialoguePage
from .index import DialogueIndexPage, LadderPage
from .promise import DialoguePromise, PromiseBasis, PromiseChange, PromiseState
from .snippets import DialogueMethod, TargetGroup
from .survey import DialogueSurveyPage, SurveyField

__all__ = [
    "DialogueDocument",
    "DialogueEvent",
    "DialogueIndexPage",
    "DialogueMethod",
    "DialoguePage",
    "DialoguePromise",
    "DialogueSurveyPage",
    "LadderPage",
    "PromiseBasis",
    "PromiseChange",
    "PromiseState",
    "SurveyField",
    "TargetGroup",
]
