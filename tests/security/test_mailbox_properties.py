"""One mailbox is one person: the canonical form of an address (municipality/
mailbox.py) is the same for every spelling of it, and signing with two spellings
counts once."""

import importlib

import pytest
from django import forms
from hypothesis import given, settings
from hypothesis import strategies as st

from municipality.mailbox import MailboxField, NotAMailbox, canonical
from proposals import lifecycle
from proposals.models import Proposal, Signature
from tests.proposals.helpers import sign_data

ATOM = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~",
    min_size=1,
    max_size=12,
)
LOCAL = st.lists(ATOM, min_size=1, max_size=3).map(".".join)
LABEL = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzåäöüéø0123456789", min_size=1, max_size=12
).filter(lambda label: label[0].isalpha() and label[-1].isalnum())
DOMAIN = st.tuples(
    st.lists(LABEL, min_size=1, max_size=2), st.sampled_from(["se", "org", "nu"])
).map(lambda parts: ".".join([*parts[0], parts[1]]))


def _valid(local, domain):
    try:
        return canonical(f"{local}@{domain}")
    except NotAMailbox:
        return None


@settings(max_examples=200, deadline=None)
@given(LOCAL, DOMAIN)
def test_canonical_is_idempotent(local, domain):
    first = _valid(local, domain)
    if first is not None:
        assert canonical(first) == first
        assert first == first.lower()


@settings(max_examples=200, deadline=None)
@given(LOCAL, DOMAIN)
def test_idn_and_punycode_spellings_are_one_mailbox(local, domain):
    first = _valid(local, domain)
    if first is not None:
        punycode = domain.encode("idna").decode("ascii")
        assert canonical(f"{local}@{punycode}") == first
        assert first.rpartition("@")[2] == punycode.lower()
        assert first.isascii()


@settings(max_examples=200, deadline=None)
@given(LOCAL, DOMAIN)
def test_quoted_local_part_is_the_unquoted_one(local, domain):
    first = _valid(local, domain)
    if first is not None:
        assert canonical(f'"{local}"@{domain}') == first


@settings(max_examples=200, deadline=None)
@given(LOCAL, DOMAIN, st.randoms(use_true_random=False))
def test_case_of_domain_is_ignored(local, domain, random):
    first = _valid(local, domain)
    if first is not None:
        shouted = "".join(c.upper() if random.random() < 0.5 else c for c in domain)
        assert canonical(f"{local}@{shouted}") == first


@pytest.mark.parametrize(
    "address", ['"anna dupra"@example.se', '"anna@dupra"@example.se', "åsa@exempel.se"]
)
def test_addresses_without_an_equal_plain_form_are_refused(address):
    with pytest.raises(NotAMailbox):
        canonical(address)
    with pytest.raises(forms.ValidationError) as refused:
        MailboxField().clean(address)
    assert "namn@exempel.se" in refused.value.messages[0]


def test_the_known_spellings():
    assert canonical('"anna.dupra"@example.se') == "anna.dupra@example.se"
    assert canonical("dan@exämple.se") == "dan@xn--exmple-cua.se"
    assert canonical("Dan@EXÄMPLE.SE") == "dan@xn--exmple-cua.se"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "first, second",
    [
        ('"anna.dupra"@example.se', "anna.dupra@example.se"),
        ("dan@exämple.se", "dan@xn--exmple-cua.se"),
    ],
)
def test_two_spellings_of_one_mailbox_count_once(client, open_proposal, first, second):
    for address in (first, second):
        response = client.post(
            open_proposal.get_url() + "skriv-under/", sign_data(email=address)
        )
        assert response.status_code == 302
        signature = Signature.objects.latest("pk")
        lifecycle.confirm_signature(signature.pk)
    open_proposal.refresh_from_db()
    assert open_proposal.signature_count == 1
    assert Signature.objects.filter(confirmed_at__isnull=False).count() == 1
    assert Signature.objects.get().email == canonical(second)
    assert Proposal.objects.get(pk=open_proposal.pk).signature_count == 1


@pytest.mark.django_db
def test_a_quoted_address_that_needs_its_quotes_comes_back_with_a_message(
    client, open_proposal
):
    response = client.post(
        open_proposal.get_url() + "skriv-under/",
        sign_data(email='"anna@dupra"@example.se'),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "utan citattecken" in page
    assert not Signature.objects.exists()


@pytest.mark.django_db
def test_migration_merges_stored_spellings_and_keeps_the_count_exact(open_proposal):
    from datetime import timedelta

    from django.apps import apps
    from django.utils import timezone

    from tests.proposals.factories import SignatureFactory

    migration = importlib.import_module("proposals.migrations.0018_canonical_mailboxes")
    now = timezone.now()
    spellings = [
        ('"anna.dupra"@example.se', now - timedelta(hours=3), False, False),
        ("anna.dupra@example.se", now - timedelta(hours=2), False, True),
        ("ANNA.DUPRA@EXAMPLE.SE", now - timedelta(hours=1), True, False),
        ("dan@exämple.se", now, False, False),
    ]
    rows = []
    for address, confirmed_at, flagged, keep_informed in spellings:
        row = SignatureFactory(proposal=open_proposal)
        # As stored before the canonical form: each spelling its own person.
        Signature.objects.filter(pk=row.pk).update(
            email=address,
            email_normalised=address,
            confirmed_at=confirmed_at,
            flagged=flagged,
            keep_informed=keep_informed,
        )
        rows.append(row)
    Proposal.objects.filter(pk=open_proposal.pk).update(signature_count=3)

    migration.forward(apps, None)

    kept = Signature.objects.order_by("pk")
    assert [s.pk for s in kept] == [rows[0].pk, rows[3].pk]
    assert [s.email for s in kept] == ["anna.dupra@example.se", "dan@xn--exmple-cua.se"]
    assert kept[0].keep_informed  # one of the merged ones asked to be told
    open_proposal.refresh_from_db()
    assert open_proposal.signature_count == 2  # the flagged one never counted
