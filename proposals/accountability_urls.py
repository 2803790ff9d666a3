"""Addresses of the accountability pages, inside the language prefixes."""

from django.urls import path

from proposals.views import accountability

urlpatterns = [
    path("forsenade-svar/", accountability.overdue, name="overdue"),
    path("forsenade-svar/flode/", accountability.OverdueFeed(), name="overdue_feed"),
    path("ni-sa-vi-gjorde/", accountability.you_said_we_did, name="you_said_we_did"),
]
