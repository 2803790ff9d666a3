"""Co-signing: confirmation, duplicates, withdrawal, flags, counting and abuse."""

import io
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django_recaptcha.client import RecaptchaResponse

from proposals import lifecycle
from proposals.constants import Status
from proposals.models import Proposal, Signature
from proposals.models.signature import normalise_email
from tests.proposals.helpers import link_containing, sign_data, submit_data

pytestmark = pytest.mark.django_db


def sign_url(proposal):
    return proposal.get_url() + "skriv-under/"


def sign(client, proposal, **overrides):
    return client.post(sign_url(proposal), sign_data(**overrides))


def test_signature_counts_only_after_confirmation(client, open_proposal):
    response = sign(client, open_proposal)
    assert response.status_code == 302
    assert response["Location"] == open_proposal.get_url() + "tack/"
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Din underskrift räknas när du" in thanks.content.decode()
    assert f'href="{open_proposal.get_url()}"' in thanks.content.decode()
    signature = Signature.objects.get()
    assert signature.confirmed_at is None
    open_proposal.refresh_from_db()
    assert open_proposal.signature_count == 0
    page = client.get(open_proposal.get_url()).content.decode()
    assert "Bertil Bengtsson" not in page  # not public before confirmation

    confirm = link_containing("/bekrafta-underskrift/", to="bertil.privat@example.org")
    response = client.post(confirm)
    assert response.status_code == 200
    assert "Din underskrift är bekräftad och räknas nu." in response.content.decode()
    open_proposal.refresh_from_db()
    assert open_proposal.signature_count == 1
    page = client.get(open_proposal.get_url()).content.decode()
    assert "Bertil Bengtsson" in page
    assert "1 av 3 underskrifter" in page

    again = client.post(confirm)  # twice is harmless
    assert again.status_code == 200
    assert "redan bekräftat" in again.content.decode()
    open_proposal.refresh_from_db()
    assert open_proposal.signature_count == 1


def test_hidden_name_counts_but_is_not_shown(client, open_proposal):
    sign(client, open_proposal, show_name="", name="Hemlig Person")
    client.post(link_containing("/bekrafta-underskrift/"))
    open_proposal.refresh_from_db()
    assert open_proposal.signature_count == 1
    assert "Hemlig Person" not in client.get(open_proposal.get_url()).content.decode()


@pytest.mark.parametrize(
    "second_email",
    [
        "bertil.privat@example.org",
        "  Bertil.Privat@EXAMPLE.org ",
        "bertil.privat+forslag@example.org",
    ],
)
def test_second_signature_by_the_same_person_gets_a_friendly_message(
    client, open_proposal, second_email
):
    sign(client, open_proposal)
    client.post(link_containing("/bekrafta-underskrift/"))
    response = sign(client, open_proposal, email=second_email, name="Bertil igen")
    assert response.status_code == 302
    response = client.post(link_containing("/bekrafta-underskrift/"))
    assert response.status_code == 200
    assert "Du har redan skrivit under" in response.content.decode()
    open_proposal.refresh_from_db()
    assert open_proposal.signature_count == 1
    assert Signature.objects.filter(confirmed_at__isnull=False).count() == 1


def test_email_normalisation():
    assert normalise_email(" A.B+x@Example.ORG ") == "a.b@example.org"
    assert normalise_email("a.b.c+tag@googlemail.com") == "abc@gmail.com"


def test_signer_can_withdraw_while_open(client, open_proposal):
    sign(client, open_proposal)
    confirm = link_containing("/bekrafta-underskrift/")
    withdraw = link_containing("/min-underskrift/")
    client.post(confirm)
    assert client.get(withdraw).status_code == 200
    response = client.post(withdraw)
    assert response.status_code == 200
    assert "Din underskrift är borttagen" in response.content.decode()
    open_proposal.refresh_from_db()
    assert open_proposal.signature_count == 0
    assert not Signature.objects.exists()
    # The link now points at nothing: a clear page, not an error.
    assert client.post(withdraw).status_code == 404
    assert client.get(confirm).status_code == 404
    # Having withdrawn, the person may sign again.
    sign(client, open_proposal)
    client.post(link_containing("/bekrafta-underskrift/"))
    open_proposal.refresh_from_db()
    assert open_proposal.signature_count == 1


def test_withdrawing_an_unconfirmed_signature_changes_no_count(client, open_proposal):
    sign(client, open_proposal)
    client.post(link_containing("/min-underskrift/"))
    open_proposal.refresh_from_db()
    assert open_proposal.signature_count == 0
    assert not Signature.objects.exists()


def test_withdrawal_refused_once_signing_closed(client, open_proposal):
    sign(client, open_proposal)
    client.post(link_containing("/bekrafta-underskrift/"))
    withdraw = link_containing("/min-underskrift/", to="bertil.privat@example.org")
    lifecycle.withdraw_proposal(open_proposal)
    for response in (client.get(withdraw), client.post(withdraw)):
        assert response.status_code == 410
        assert "Länken har gått ut" in response.content.decode()
    assert Signature.objects.count() == 1


def test_confirming_after_the_proposal_closed_does_not_count(client, open_proposal):
    sign(client, open_proposal)
    lifecycle.withdraw_proposal(open_proposal)
    response = client.post(
        link_containing("/bekrafta-underskrift/", to="bertil.privat@example.org")
    )
    assert response.status_code == 409
    assert Proposal.objects.get(pk=open_proposal.pk).signature_count == 0


def test_cannot_sign_unpublished_or_closed_proposals(client, proposal_factory):
    moderated = proposal_factory(Status.IN_MODERATION)
    url = moderated.box.url + f"forslag/{moderated.pk}/skriv-under/"
    assert client.post(url, sign_data()).status_code == 404
    closed = proposal_factory(Status.CLOSED_UNSUPPORTED, title="Stängt förslag")
    response = sign(client, closed)
    assert response.status_code == 409
    assert "tar inte längre emot underskrifter" in response.content.decode()
    assert not Signature.objects.exists()


def test_get_on_sign_url_goes_to_the_form(client, open_proposal):
    response = client.get(sign_url(open_proposal))
    assert response.status_code == 302
    assert response["Location"].endswith("#skriv-under")


SIGN_BAD_INPUTS = [
    ({"name": ""}, "name", "Skriv ditt namn."),
    ({"name": "x" * 101}, "name", "Namnet får vara högst 100 tecken."),
    ({"email": ""}, "email", "Skriv din e-postadress."),
    ({"email": "bertil@"}, "email", "Skriv en e-postadress som"),
    ({"area": "atlantis"}, "area", "Välj ett giltigt alternativ"),
    ({"consent": ""}, "consent", "Du behöver godkänna villkoren för att skriva under"),
]


@pytest.mark.parametrize(("override", "field", "message"), SIGN_BAD_INPUTS)
def test_bad_signature_input(client, open_proposal, override, field, message):
    mail.outbox.clear()
    response = sign(client, open_proposal, **override)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert f'aria-describedby="sign_{field}_error' in html
    if field != "name":
        assert 'value="Bertil Bengtsson"' in html
    assert not Signature.objects.exists()
    assert not mail.outbox


def test_honeypot_on_sign(client, open_proposal):
    response = sign(client, open_proposal, website="http://spam.example")
    assert response.status_code == 400
    assert not Signature.objects.exists()


def test_signatures_over_the_rate_limit_are_refused_and_not_mailed(
    client, open_proposal, settings
):
    settings.RATE_LIMITS = {"sign": {"burst": (2, 600), "sustained": (100, 86400)}}
    for n in range(2):
        assert sign(client, open_proposal, email=f"p{n}@example.org").status_code == 302
    refused = sign(client, open_proposal, email="p2@example.org", name="Cilla")
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "Vänta en stund och försök igen" in html
    assert 'value="Cilla"' in html and 'value="p2@example.org"' in html
    assert not Signature.objects.filter(email="p2@example.org").exists()
    assert len(mail.outbox) == 2


def test_too_fast_signatures_are_flagged_and_mailed_once_a_day(
    client, open_proposal, proposal_factory, settings
):
    settings.PROPOSALS_MIN_FILL_SECONDS = 3600
    assert sign(client, open_proposal, email="snabb@example.org").status_code == 302
    flagged = Signature.objects.get(flagged=True)
    assert [m.to for m in mail.outbox] == [["snabb@example.org"]]
    # Another flagged attempt to that address is kept but mails nothing.
    other = proposal_factory("open", title="Ett annat förslag")
    assert sign(client, other, email="snabb@example.org").status_code == 302
    assert Signature.objects.filter(flagged=True).count() == 2
    assert len(mail.outbox) == 1
    # A communicator clears the first once it is confirmed; now it counts.
    lifecycle.confirm_signature(flagged.pk)
    lifecycle.clear_signature(Signature.objects.get(pk=flagged.pk))
    open_proposal.refresh_from_db()
    assert open_proposal.signature_count == 1


def test_rate_limit_counts_per_address_in_the_shared_cache(settings):
    from municipality import ratelimit

    settings.RATE_LIMITS = {"sign": {"burst": (1, 600)}}
    assert ratelimit.hit("sign", "192.0.2.1")
    assert not ratelimit.hit("sign", "192.0.2.1")
    assert ratelimit.hit("sign", "192.0.2.2")


@pytest.fixture
def recaptcha_on(settings):
    settings.RECAPTCHA_ENABLED = True
    settings.RECAPTCHA_PUBLIC_KEY = "public-test-key"
    settings.RECAPTCHA_PRIVATE_KEY = "private-test-key"


def google_says(valid):
    return mock.patch(
        "django_recaptcha.fields.client.submit",
        return_value=RecaptchaResponse(is_valid=valid),
    )


def test_recaptcha_on_sign(client, open_proposal, recaptcha_on):
    page = client.get(open_proposal.get_url()).content.decode()
    assert "g-recaptcha" in page
    assert 'name="website"' not in page
    data = {"g-recaptcha-response": "token-from-google"}
    with google_says(False) as verify:
        response = sign(client, open_proposal, **data)
    assert response.status_code == 400
    assert verify.call_args.kwargs["private_key"] == "private-test-key"
    assert not Signature.objects.exists()
    with google_says(True):
        response = sign(client, open_proposal, **data)
    assert response.status_code == 302
    assert Signature.objects.count() == 1


def test_recaptcha_on_submit(client, box, topic, recaptcha_on):
    url = box.url + "lamna-forslag/"
    assert "g-recaptcha" in client.get(url).content.decode()
    with google_says(False):
        missing = client.post(url, submit_data(topic))
    assert missing.status_code == 400
    assert "Bekräfta att du inte är en robot." in missing.content.decode()
    with google_says(True):
        response = client.post(
            url, submit_data(topic, **{"g-recaptcha-response": "token-from-google"})
        )
    assert response.status_code == 302
    assert Proposal.objects.count() == 1


def test_recaptcha_off_loads_nothing_from_google(client, open_proposal, box):
    for url in (open_proposal.get_url(), box.url, box.url + "lamna-forslag/"):
        html = client.get(url).content.decode()
        assert "google.com" not in html
        assert "recaptcha" not in html.lower()


def test_reconcile_command_reports_and_fixes_drift(proposal_factory):
    proposal = proposal_factory(Status.OPEN, signatures=2)
    Proposal.objects.filter(pk=proposal.pk).update(signature_count=7)
    out = io.StringIO()
    call_command("reconcile_signature_counts", "--dry-run", stdout=out)
    assert "stored 7, counted 2" in out.getvalue()
    assert Proposal.objects.get(pk=proposal.pk).signature_count == 7
    out = io.StringIO()
    call_command("reconcile_signature_counts", stdout=out)
    assert "Drift fixed in 1 proposal(s)." in out.getvalue()
    assert Proposal.objects.get(pk=proposal.pk).signature_count == 2
    out = io.StringIO()
    call_command("reconcile_signature_counts", stdout=out)
    assert "Drift fixed in 0 proposal(s)." in out.getvalue()


def test_signing_writes_nothing_to_wagtails_reference_index(client, open_proposal):
    """One write less per signer: nothing links to a signature."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ReferenceIndex

    assert sign(client, open_proposal).status_code == 302
    signature = Signature.objects.get()
    lifecycle.confirm_signature(signature.pk)
    signature_type = ContentType.objects.get_for_model(Signature)
    assert not ReferenceIndex.objects.filter(content_type=signature_type).exists()


def test_thanks_page_of_a_proposal_that_is_not_public_is_404(client, open_proposal):
    Proposal.objects.filter(pk=open_proposal.pk).update(status=Status.IN_MODERATION)
    assert client.get(open_proposal.get_url() + "tack/").status_code == 404


def _as_the_link_read_it(signature):
    """The signature as the confirmation view read it, before anything below ran."""
    return Signature.objects.select_related("proposal").get(pk=signature.pk)


def test_a_second_click_read_before_the_first_counted_counts_once(open_proposal):
    signature = lifecycle.sign(open_proposal, name="Eva", email="eva@example.org")
    first, second = _as_the_link_read_it(signature), _as_the_link_read_it(signature)
    assert lifecycle.confirm_signature(first) == lifecycle.CONFIRMED
    assert lifecycle.confirm_signature(second) == lifecycle.ALREADY_CONFIRMED
    assert Proposal.objects.get(pk=open_proposal.pk).signature_count == 1


def test_a_flag_cleared_after_the_link_was_read_is_counted(open_proposal):
    signature = lifecycle.sign(
        open_proposal, flagged=True, name="Eva", email="eva@example.org"
    )
    read = _as_the_link_read_it(signature)
    lifecycle.clear_signature(signature)  # a communicator, meanwhile
    assert lifecycle.confirm_signature(read) == lifecycle.CONFIRMED
    assert Proposal.objects.get(pk=open_proposal.pk).signature_count == 1
    assert lifecycle.reconcile_counts(fix=False) == []


def test_a_signature_withdrawn_after_the_link_was_read_is_not_confirmed(
    client, open_proposal
):
    signature = lifecycle.sign(open_proposal, name="Eva", email="eva@example.org")
    read = _as_the_link_read_it(signature)
    Signature.objects.filter(pk=signature.pk).delete()  # purged, meanwhile
    with pytest.raises(Signature.DoesNotExist):
        lifecycle.confirm_signature(read)
    assert Proposal.objects.get(pk=open_proposal.pk).signature_count == 0


def test_a_second_signature_by_the_same_person_is_removed_on_confirming(
    open_proposal,
):
    first = lifecycle.sign(open_proposal, name="Eva", email="eva@example.org")
    again = lifecycle.sign(open_proposal, name="Eva", email="Eva+igen@EXAMPLE.org")
    assert lifecycle.confirm_signature(first.pk) == lifecycle.CONFIRMED
    assert lifecycle.confirm_signature(again.pk) == lifecycle.DUPLICATE
    assert not Signature.objects.filter(pk=again.pk).exists()
    assert Proposal.objects.get(pk=open_proposal.pk).signature_count == 1
