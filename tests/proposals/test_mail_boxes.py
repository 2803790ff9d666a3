"""The task worker keeps the boxes it builds confirmation links on
(proposals/mail_boxes.py): a box moved in this process shows in the next mail; one
changed elsewhere (another process, seen here as an update without signals) shows
once BOX_SECONDS have passed."""

import pytest
from django.utils import translation
from wagtail.models import Page

from proposals import lifecycle, mail_boxes, mails


@pytest.fixture
def signature(open_proposal):
    mail_boxes.forget(instance=open_proposal.box)
    return lifecycle.sign(open_proposal, name="Eva", email="eva@example.org")


def confirm_url(signature):
    with translation.override("sv"):
        return mails.signature_confirm(signature.pk).context["confirm_url"]


def test_the_mail_names_the_proposal_and_links_under_its_box(signature):
    with translation.override("sv"):
        mail = mails.signature_confirm(signature.pk)
    box = signature.proposal.box
    assert mail.recipient == "eva@example.org"
    assert mail.context["proposal"]["title"] == signature.proposal.title
    assert mail.context["confirm_url"].startswith(box.full_url)
    assert signature.proposal.title in mails.render(mail).subject


def test_a_box_moved_in_this_process_shows_in_the_next_mail(signature):
    box = signature.proposal.box
    assert f"/{box.slug}/" in confirm_url(signature)
    box.slug = "flyttad-lada"
    box.save()
    assert "/flyttad-lada/" in confirm_url(signature)


def test_a_box_changed_elsewhere_shows_after_box_seconds(signature, monkeypatch):
    box = signature.proposal.box
    before = confirm_url(signature)
    Page.objects.filter(pk=box.pk).update(
        slug="flyttad-lada", url_path=box.url_path.replace(box.slug, "flyttad-lada")
    )
    assert confirm_url(signature) == before
    now = mail_boxes.time.monotonic()
    monkeypatch.setattr(
        mail_boxes.time, "monotonic", lambda: now + mail_boxes.BOX_SECONDS + 1
    )
    assert "/flyttad-lada/" in confirm_url(signature)


def test_a_signature_gone_before_its_mail_gets_none(signature):
    pk = signature.pk
    signature.delete()
    assert mails.signature_confirm(pk) is None
