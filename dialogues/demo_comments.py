"""The demo's published comments on dialogues (residents' addresses made up)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django_comments_xtd.models import XtdComment

from .models import DialoguePage

DEMO_COMMENTS = {
    "viktigast-for-mittkoping": [
        ("Leila", "Fler bussturer till Södra landsbygden, särskilt på kvällarna.", []),
        (
            "Nils",
            "Bostäder för unga som vill flytta hemifrån men bo kvar i kommunen.",
            [("Greta", "Håller med, och hyresrätter nära stationen.")],
        ),
    ],
    "framtidsverkstad-norra-parken": [
        ("Ahmed", "Odlingslotterna blev jättefina. Tack för att vi fick vara med!", []),
    ],
}


def build(dialogue):
    """A few published comments; residents' e-mail addresses are made up."""
    content_type = ContentType.objects.get_for_model(DialoguePage)
    for name, text, replies in DEMO_COMMENTS.get(dialogue.slug, []):
        common = {
            "content_type": content_type,
            "object_pk": str(dialogue.pk),
            "site_id": settings.SITE_ID,
        }
        parent, __ = XtdComment.objects.get_or_create(
            comment=text,
            **common,
            defaults={"user_name": name, "user_email": "demo@example.org"},
        )
        for reply_name, reply_text in replies:
            XtdComment.objects.get_or_create(
                comment=reply_text,
                **common,
                defaults={
                    "user_name": reply_name,
                    "user_email": "demo@example.org",
                    "parent_id": parent.pk,
                },
            )
