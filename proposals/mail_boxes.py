"""The suggestion boxes the task worker builds e-mail links on, kept in its memory.

Confirmations come by the hundred a minute for the same few boxes, and loading a
box page and working out its addresses cost more than the rest of the mail. A box
is kept at most BOX_SECONDS, so an edit made in a web process reaches the worker's
links within that; a page or site saved or deleted in this process drops them all."""

import time

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site

BOX_SECONDS = 60
_boxes = {}


def box(pk):
    """The live or draft SuggestionBoxPage `pk`, or None if it is gone."""
    from proposals.models import SuggestionBoxPage

    now = time.monotonic()
    kept = _boxes.get(pk)
    if kept is None or kept[0] <= now:
        kept = (now + BOX_SECONDS, SuggestionBoxPage.objects.filter(pk=pk).first())
        _boxes[pk] = kept
    return kept[1]


def forget(sender=None, instance=None, **kwargs):
    if isinstance(instance, (Page, Site)):
        _boxes.clear()


def connect():
    post_save.connect(forget, dispatch_uid="proposals-mail-boxes-saved")
    post_delete.connect(forget, dispatch_uid="proposals-mail-boxes-deleted")
