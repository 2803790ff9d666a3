"""The demo command builds Mittköping once; a second run changes nothing."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command

pytestmark = pytest.mark.django_db

COUNTED_APPS = {
    "home",
    "dialogues",
    "proposals",
    "stats",
    "wagtailcore",
    "wagtailimages",
    "auth",
}


def object_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in COUNTED_APPS
    }


def test_demo_command_is_idempotent():
    call_command("load_demo", stdout=io.StringIO())
    first = object_counts()
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert object_counts() == first
    assert first["home.HomePage"] == 2  # Swedish and its English translation
    assert first["auth.User"] == 3
    assert "kommunikator" in output.getvalue()


def test_demo_users_are_in_their_groups():
    call_command("load_demo", stdout=io.StringIO())
    User = apps.get_model("auth", "User")
    assert User.objects.get(username="admin").is_superuser
    assert (
        User.objects.get(username="kommunikator")
        .groups.filter(name="Kommunikatörer")
        .exists()
    )
    assert (
        User.objects.get(username="politiker").groups.filter(name="Politiker").exists()
    )


def test_demo_refuses_to_run_where_it_is_not_allowed(settings):
    from django.core.management.base import CommandError

    settings.DELAKTIG_DEMO_ALLOWED = False
    apps.get_model("auth", "User").objects.all().delete()  # the suite's base site's
    with pytest.raises(CommandError, match="DELAKTIG_DEMO_ALLOWED"):
        call_command("load_demo", stdout=io.StringIO())
    assert not apps.get_model("auth", "User").objects.exists()


def test_demo_site_is_at_the_configured_address(settings):
    from wagtail.models import Site

    settings.DELAKTIG_SITE_URL = "http://127.0.0.1:8000"
    call_command("load_demo", stdout=io.StringIO())
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8000"


def test_demo_prints_the_addresses_residents_use():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "under /dialoger/" in out.getvalue()
    assert "/home/" not in out.getvalue()
