"""Addresses of the open data, version 1: /api/v1/…"""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularJSONAPIView

from . import signature_log, views, you_said_we_did

LIST = {"get": "list"}
DETAIL = {"get": "retrieve"}

app_name = "opendata"

urlpatterns = [
    path("dialogues/", views.DialogueViewSet.as_view(LIST), name="dialogue-list"),
    re_path(
        rf"^dialogues/(?P<pk>{views.ID_PATTERN})/$",
        views.DialogueViewSet.as_view(DETAIL),
        name="dialogue-detail",
    ),
    path("dialogues.csv", views.DialogueCSVViewSet.as_view(LIST), name="dialogue-csv"),
    path("proposals/", views.ProposalViewSet.as_view(LIST), name="proposal-list"),
    re_path(
        rf"^proposals/(?P<pk>{views.ID_PATTERN})/$",
        views.ProposalViewSet.as_view(DETAIL),
        name="proposal-detail",
    ),
    path("proposals.csv", views.ProposalCSVViewSet.as_view(LIST), name="proposal-csv"),
    re_path(
        rf"^proposals/(?P<pk>{views.ID_PATTERN})/signature-log\.csv$",
        signature_log.download,
        name="proposal-signature-log",
    ),
    path(
        "you-said-we-did/",
        you_said_we_did.OutcomeViewSet.as_view(LIST),
        name="outcome-list",
    ),
    path(
        "you-said-we-did.csv",
        you_said_we_did.OutcomeCSVViewSet.as_view(LIST),
        name="outcome-csv",
    ),
    path("schema/", SpectacularJSONAPIView.as_view(), name="schema"),
]
