"""Issue 20.5: every model that can hold an e-mail or IP address is covered by a
registered purge or declared kept on purpose (background.retention), so a new
table with personal data cannot slip past `purge_personal_data`."""

import re

from django.apps import apps
from django.db import models

from background import retention

# E-mail and IP addresses, and what stands for a person's identity number (the
# keyed hash of an e-legitimation signer, issue 23).
PERSONAL_NAME = re.compile(
    r"(^|_)(e_?mail|ip|ip_address|ipaddress|identity|personal_number|pin)($|_)"
)
# Tables whose personal data is in free text or JSON, not in a named field.
PERSONAL_CONTENT = [
    "sessions.Session",
    "django_tasks_db.DBTaskResult",
    "wagtailforms.FormSubmission",
]


def _personal_field(field):
    return isinstance(field, models.EmailField | models.GenericIPAddressField) or bool(
        PERSONAL_NAME.search(field.name)
    )


def models_with_personal_fields():
    found = {}
    for model in apps.get_models():
        fields = [
            f.name
            for f in model._meta.get_fields()
            if getattr(f, "concrete", False) and _personal_field(f)
        ]
        if fields:
            found[model._meta.label] = fields
    return found


def covered():
    labels = {label for p in retention.registered() for label in p.models}
    return labels | set(retention.kept())


def test_every_model_with_an_email_or_ip_field_is_purged_or_kept_on_purpose():
    missing = {
        label: fields
        for label, fields in models_with_personal_fields().items()
        if label not in covered()
    }
    assert not missing, (
        "Personal data no purge covers; register a purger or keep() in the "
        f"app's retention.py: {missing}"
    )


def test_tables_holding_personal_data_in_their_content_are_purged():
    purged = {label for p in retention.registered() for label in p.models}
    assert set(PERSONAL_CONTENT) <= purged


def test_the_walk_finds_the_known_personal_fields():
    found = models_with_personal_fields()
    assert set(found["proposals.Signature"]) >= {"email", "ip_address", "identity_hash"}
    assert "ip_address" in found["axes.AccessAttempt"]
    assert "user_email" in found["django_comments_xtd.XtdComment"]


def test_a_new_model_with_an_address_would_be_reported():
    class Newsletter(models.Model):  # noqa: DJ008 - exists only for this test
        address = models.EmailField()

        class Meta:
            app_label = "background"
            managed = False

    try:
        assert "background.Newsletter" in models_with_personal_fields()
        assert "background.Newsletter" not in covered()
    finally:
        apps.all_models["background"].pop("newsletter", None)
        apps.clear_cache()
