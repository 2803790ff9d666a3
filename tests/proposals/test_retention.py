"""Personal-data retention: contact data of ended proposals is anonymised on time."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from proposals.constants import Status
from proposals.models import Proposal, Signature
from proposals.retention import due_proposals, purge_personal_data
from tests.municipality.factories import make_area
from tests.proposals.factories import PROPOSER_EMAIL, add_signatures

pytestmark = pytest.mark.django_db

SIGNER_IP = "198.51.100.77"


def _age(proposal, days):
    """Pretend the proposal ended `days` ago."""
    ended = timezone.now() - timedelta(days=days)
    Proposal.objects.filter(pk=proposal.pk).update(
        answered_at=ended if proposal.answered_at else None,
        closed_at=ended if proposal.closed_at else None,
        rejected_at=ended if proposal.rejected_at else None,
        withdrawn_at=ended if proposal.withdrawn_at else None,
    )


def _with_signer_ips(proposal, count=3, prefix="privat"):
    rows = add_signatures(proposal, count, prefix=prefix)
    Signature.objects.filter(proposal=proposal).update(ip_address=SIGNER_IP)
    return [row.email for row in rows]


def _database_dump():
    out = io.StringIO()
    call_command("dumpdata", "--all", stdout=out)
    return out.getvalue()


@pytest.mark.parametrize(
    "status", [Status.ANSWERED, Status.CLOSED_UNSUPPORTED, Status.REJECTED]
)
def test_after_the_purge_no_email_or_ip_of_an_ended_proposal_remains(
    proposal_factory, status
):
    proposal = proposal_factory(status)
    emails = _with_signer_ips(proposal) if status != Status.REJECTED else []
    _age(Proposal.objects.get(pk=proposal.pk), days=200)
    dump_before = _database_dump()
    assert PROPOSER_EMAIL in dump_before

    purge_personal_data()

    dump = _database_dump()
    for secret in [PROPOSER_EMAIL, "203.0.113.9", SIGNER_IP, *emails]:
        assert secret not in dump


def test_counts_and_public_names_are_kept(proposal_factory):
    proposal = proposal_factory(Status.ANSWERED)
    _with_signer_ips(proposal)
    _age(Proposal.objects.get(pk=proposal.pk), days=200)
    before = Proposal.objects.get(pk=proposal.pk)
    names = sorted(
        Signature.objects.filter(proposal=proposal).values_list("name", flat=True)
    )

    purge_personal_data()

    after = Proposal.objects.get(pk=proposal.pk)
    assert after.signature_count == before.signature_count
    assert (
        after.signatures.filter(confirmed_at__isnull=False).count()
        == before.signature_count
    )
    assert sorted(after.signatures.values_list("name", flat=True)) == names
    assert after.author_name == before.author_name
    assert after.title == before.title


def test_open_and_recently_ended_proposals_are_left_alone(proposal_factory):
    open_one = proposal_factory(Status.OPEN, title="Öppet förslag")
    _with_signer_ips(open_one, prefix="oppen")
    recent = proposal_factory(Status.ANSWERED, title="Nyss besvarat")
    _with_signer_ips(recent, prefix="nyss")
    _age(Proposal.objects.get(pk=recent.pk), days=30)
    signers = Signature.objects.filter(proposal=recent).count()

    report = purge_personal_data()

    assert report.proposals == 0
    assert Proposal.objects.get(pk=open_one.pk).author_email == PROPOSER_EMAIL
    assert (
        Signature.objects.filter(proposal=recent, ip_address=SIGNER_IP).count()
        == signers
    )


def test_retention_period_is_configurable(proposal_factory, settings):
    proposal = proposal_factory(Status.ANSWERED)
    _age(Proposal.objects.get(pk=proposal.pk), days=45)
    assert not due_proposals().exists()
    settings.DELAKTIG_RETENTION_MONTHS = 1
    assert list(due_proposals()) == [Proposal.objects.get(pk=proposal.pk)]


def test_purge_is_idempotent_and_logged(proposal_factory):
    proposal = proposal_factory(Status.ANSWERED)
    _with_signer_ips(proposal)
    _age(Proposal.objects.get(pk=proposal.pk), days=200)
    signers = Signature.objects.filter(proposal=proposal).count()

    first = purge_personal_data()
    second = purge_personal_data()

    assert (first.proposals, first.signatures) == (1, signers)
    assert (second.proposals, second.signatures) == (0, 0)
    entries = ModelLogEntry.objects.filter(action="delaktig.purge_personal_data")
    assert entries.count() == 1
    assert entries.get().object_id == str(proposal.pk)


def test_command_reports_what_it_did(proposal_factory):
    proposal = proposal_factory(Status.CLOSED_UNSUPPORTED)
    _with_signer_ips(proposal, count=2)
    _age(Proposal.objects.get(pk=proposal.pk), days=400)
    out = io.StringIO()
    call_command("purge_personal_data", stdout=out)
    assert "1 anonymised proposals, 2 anonymised signatures" in out.getvalue()
    out = io.StringIO()
    call_command("purge_personal_data", stdout=out)
    assert "0 anonymised proposals, 0 anonymised signatures" in out.getvalue()


def test_hidden_names_and_corrected_personal_data_are_removed(proposal_factory):
    from proposals.models import ProposalEdit

    proposal = proposal_factory(Status.ANSWERED)
    hidden = proposal.signatures.first()
    Signature.objects.filter(pk=hidden.pk).update(
        show_name=False, name="Hemlig Person", area=make_area()
    )
    ProposalEdit.objects.create(
        proposal=proposal,
        changes={"text": {"before": "Grannen Kalle Ek", "after": "Grannen"}},
    )
    _age(Proposal.objects.get(pk=proposal.pk), days=200)

    purge_personal_data()

    hidden = Signature.objects.get(pk=hidden.pk)
    assert (hidden.name, hidden.area) == ("", None)
    edit = ProposalEdit.objects.get(proposal=proposal)
    assert edit.changes["text"] == {"before": "[gallrat]", "after": "Grannen"}
    assert "Kalle Ek" not in _database_dump()
    assert "Hemlig Person" not in _database_dump()
