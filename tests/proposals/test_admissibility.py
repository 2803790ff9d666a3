"""The admissibility assistant: each rule on what should and should not set it off,
the advice on the moderation screen and the resident's preview, the audit of the
moderator's decision, and precision and recall on the labelled set."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from proposals import lifecycle
from proposals.admissibility import findings as rules
from proposals.admissibility import personal, quality, words
from proposals.admissibility.defaults import MITTKOPING_LISTS
from proposals.admissibility.findings import check
from proposals.constants import RejectionReason, Status
from proposals.models import AdmissibilityWordList, Proposal, SuggestionBoxPage
from tests.proposals.helpers import submit_data

pytestmark = pytest.mark.django_db

NS = "wagtailsnippets_proposals_proposal"


def found(text, lists=MITTKOPING_LISTS):
    """{(rule, text)} the text-only rules find."""
    return {
        (finding.rule, finding.text)
        for finding in [*personal.findings(text), *words.findings(text, lists)]
    }


def rules_in(text, lists=MITTKOPING_LISTS):
    return {rule for rule, _text in found(text, lists)}


# Personal identity numbers: the checksum decides.


@pytest.mark.parametrize(
    "number",
    [
        "811228-9874",  # Skatteverket's example
        "19811228-9874",
        "198112289874",
        "8503121009",
        "701063-2391",  # a samordningsnummer: day + 60
        "121212+1212",  # a centenarian's plus sign
    ],
)
def test_a_personal_identity_number_with_its_checksum_is_found(number):
    assert found(f"Mitt nummer är {number}, tack.") == {(rules.PERSONAL_ID, number)}


@pytest.mark.parametrize(
    "text",
    [
        "Mitt nummer är 811228-9875.",  # wrong check digit
        "Beslutet KS 2023/145 togs 2023-05-12.",
        "Det kostar 1 200 000 kr och tar 2026-2028.",
        "Personnummer 811328-9874 finns inte: månad 13.",
    ],
)
def test_numbers_that_are_not_identity_numbers_are_left_alone(text):
    assert rules.PERSONAL_ID not in rules_in(text)


def test_luhn():
    assert personal.luhn_valid("8112289874")
    assert not personal.luhn_valid("8112289875")


# Phone numbers, e-mail and street addresses.


@pytest.mark.parametrize(
    "number",
    ["070-123 45 67", "0701234567", "+46 70 123 45 67", "08-123 456 78", "0142-123 45"],
)
def test_phone_numbers_are_found(number):
    assert found(f"Ring mig på {number} i kväll.") == {(rules.PHONE, number)}


@pytest.mark.parametrize(
    "text",
    [
        "Vi är 12 000 invånare i Kustbyarna.",
        "Sänk hastigheten till 30 km/h vid skolan år 2026.",
        "Öppet 08.00–20.00 alla dagar.",
    ],
)
def test_other_numbers_are_not_phone_numbers(text):
    assert rules.PHONE not in rules_in(text)


def test_email_addresses_are_found():
    assert found("Skriv till anna.k+forslag@example.se om du vill.") == {
        (rules.EMAIL, "anna.k+forslag@example.se")
    }


@pytest.mark.parametrize("address", ["Björkvägen 12", "Storgatan 3B", "Kvarngränd 7"])
def test_street_addresses_with_a_number_are_found(address):
    assert (rules.STREET_ADDRESS, address) in found(f"Det gäller {address} i stan.")


@pytest.mark.parametrize(
    "text",
    [
        "Bygg en cykelbana längs Storgatan.",
        "Sänk farten på Storgatan 30 km/h.",
        "Riksväg 55 går genom byn.",
    ],
)
def test_streets_without_a_house_number_are_not_addresses(text):
    assert rules.STREET_ADDRESS not in rules_in(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Grannen Anna Svensson eldar sopor.", "Anna Svensson"),
        ("rektorn Karin Lindqvist lyssnar inte", "Karin Lindqvist"),
        ("Han heter Johan Olsson och bygger utan lov.", "Johan Olsson"),
        ("Kalle Andersson parkerar på trottoaren.", "Kalle Andersson"),
    ],
)
def test_names_of_private_persons_are_found_where_the_wording_shows_them(text, name):
    assert (rules.PRIVATE_NAME, name) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Grannen i huset bredvid eldar sopor.",
        "Bygg en ny skola i Södra Mittköping.",
        "Rektorn på Norrskolan vill ha fler lärare.",
    ],
)
def test_ordinary_text_has_no_private_names(text):
    assert rules.PRIVATE_NAME not in rules_in(text)


# The box's word lists: the region's and the state's remit, offensive words.


def test_remit_lists_find_the_region_and_the_state():
    assert found("Korta väntetiden på vårdcentralen.") == {
        (rules.REMIT_REGION, "vårdcentralen")
    }
    assert found("Fler poliser på torget och en ny polisstation.") == {
        (rules.REMIT_STATE, "poliser"),
        (rules.REMIT_STATE, "polisstation"),
    }
    assert rules_in("Trafikverket borde bredda E22.") == {rules.REMIT_STATE}
    assert rules_in("Öka turtätheten på busslinje 4.") == {rules.REMIT_REGION}


def test_word_list_syntax_inflections_prefixes_compounds_and_phrases():
    lists = [
        words.WordList("state", "Rätt", "domstol"),
        words.WordList("state", "Polis", "*polis"),
        words.WordList("offensive", "Ord", "jävl*, fan"),
        words.WordList("region", "Väg", "statliga vägar"),
    ]
    assert found("Domstolarna dömer fel.", lists) == {
        (rules.REMIT_STATE, "Domstolarna")
    }
    assert found("Närpolisen behövs.", lists) == {(rules.REMIT_STATE, "Närpolisen")}
    assert rules_in("Jävligt dåligt, fan.", lists) == {rules.OFFENSIVE}
    assert rules_in("Det fanns en fana på fanan.", lists) == set()
    assert rules_in("De statliga  vägarna är smala.", lists) == {rules.REMIT_REGION}
    assert rules_in("Statliga bidrag till vägarna.", lists) == set()


def test_municipal_matters_are_not_outside_the_remit():
    for text in (
        "Pensionärsrabatt i simhallen.",
        "Fler parkeringar vid kommunens vårdboende.",
        "Väderskydd vid busshållplatsen vid skolan.",
        "Det fanns en lekplats här.",
    ):
        assert rules_in(text) == set(), text


def test_the_lists_come_from_the_box_settings(box, topic):
    box.admissibility_lists.add(
        AdmissibilityWordList(kind="state", name="Tull", words="Tullverket")
    )
    box.save()
    box = SuggestionBoxPage.objects.get(pk=box.pk)
    result = check("Fråga Tullverket", "Om tull på paket.", box=box)
    assert [(f.rule, f.text, f.note) for f in result] == [
        (rules.REMIT_STATE, "Tullverket", "Tull")
    ]
    assert check("Fråga Tullverket", "", box=box, duplicates=False)


# Duplicates within 12 months, through the similar-proposal matching.


def test_a_similar_proposal_of_the_last_12_months_is_a_possible_duplicate(
    proposal_factory, box
):
    existing = proposal_factory(
        Status.OPEN,
        title="Förläng bibliotekets öppettider på helgerna",
        text="Stadsbiblioteket stänger tidigt på lördagar. Håll öppet längre.",
    )
    result = check("Längre öppettider på biblioteket", "Öppet längre.", box=box)
    assert [(f.rule, f.text) for f in result] == [(rules.DUPLICATE, existing.title)]
    assert result[0].url.endswith(f"/forslag/{existing.pk}/")
    # Not itself, and not what only shares a word.
    assert check(existing.title, existing.text, box=box, exclude_pk=existing.pk) == []
    assert check("Läxhjälp på biblioteket", "Volontärer hjälper.", box=box) == []


def test_a_proposal_handled_more_than_12_months_ago_is_not_a_duplicate(
    proposal_factory, box
):
    long_ago = timezone.now() - timedelta(days=500)
    existing = proposal_factory(
        Status.ANSWERED, title="Förläng bibliotekets öppettider på helgerna"
    )
    Proposal.objects.filter(pk=existing.pk).update(
        opened_at=long_ago, referred_at=long_ago, answered_at=long_ago
    )
    assert check("Längre öppettider på biblioteket", "", box=box) == []


# Where the advice is shown, and what is kept.


@pytest.fixture
def communicator(client, site):
    from django.contrib.auth.models import User

    user = User.objects.get(username="kommunikator")
    client.force_login(user)
    return user


PERSONAL_TEXT = "Grannen Anna Svensson på Björkvägen 12 nås på 070-123 45 67."


def test_the_moderation_screen_shows_each_finding_with_its_rule(
    client, communicator, proposal_factory
):
    proposal = proposal_factory(
        Status.IN_MODERATION, title="Buller från grannen", text=PERSONAL_TEXT
    )
    for action in ("approve", "reject"):
        html = client.get(
            reverse(f"{NS}:{action}", args=[proposal.pk])
        ).content.decode()
        assert "Prövningsstöd" in html
        for label, text in (
            ("Telefonnummer", "070-123 45 67"),
            ("Gatuadress", "Björkvägen 12"),
            ("Namn på privatperson", "Anna Svensson"),
        ):
            assert f"<strong>{label}:</strong> ”{text}”" in html


def test_the_moderation_screen_says_when_there_is_nothing_to_note(
    client, communicator, proposal_factory
):
    proposal = proposal_factory(Status.IN_MODERATION, title="Fler bänkar i parken")
    html = client.get(reverse(f"{NS}:approve", args=[proposal.pk])).content.decode()
    assert "Inget att påpeka" in html


def test_the_decision_and_the_rules_are_kept_in_the_audit(
    client, communicator, proposal_factory
):
    flagged = proposal_factory(Status.IN_MODERATION, title="Buller", text=PERSONAL_TEXT)
    clean = proposal_factory(Status.IN_MODERATION, title="Fler bänkar i parken")
    client.post(
        reverse(f"{NS}:reject", args=[flagged.pk]),
        {"reason": RejectionReason.PERSONAL_DATA, "message": "Personuppgifter."},
    )
    client.post(reverse(f"{NS}:approve", args=[clean.pk]))

    def decision(proposal):
        return ModelLogEntry.objects.get(
            object_id=str(proposal.pk), action__startswith="delaktig.proposal."
        )

    rejected = decision(flagged)
    assert rejected.action == "delaktig.proposal.rejected"
    assert rejected.user == communicator
    assert rejected.data == {
        "admissibility": [rules.PHONE, rules.PRIVATE_NAME, rules.STREET_ADDRESS]
    }
    assert decision(clean).data == {"admissibility": []}


def test_the_proposal_history_shows_the_rules_with_the_decision(
    client, communicator, proposal_factory
):
    proposal = proposal_factory(
        Status.IN_MODERATION, title="Buller", text=PERSONAL_TEXT
    )
    client.post(reverse(f"{NS}:approve", args=[proposal.pk]))
    html = client.get(reverse(f"{NS}:history", args=[proposal.pk])).content.decode()
    assert (
        "Förslaget fick status: Öppet för underskrifter (prövningsstödet pekade på: "
        "Telefonnummer, Namn på privatperson, Gatuadress)" in html
    )


def test_later_steps_carry_no_admissibility_data(proposal_factory):
    proposal = proposal_factory(Status.OPEN, text=PERSONAL_TEXT)
    lifecycle.withdraw_proposal(proposal)
    entry = ModelLogEntry.objects.get(
        object_id=str(proposal.pk), action="delaktig.proposal.withdrawn"
    )
    assert entry.data == {}


def test_the_resident_sees_the_advice_on_the_preview(client, box, topic):
    box.admissibility_lists.add(
        AdmissibilityWordList(kind="region", name="Vård", words="vårdcentral*")
    )
    box.save_revision().publish()
    data = submit_data(
        topic,
        action="preview",
        title="Kortare köer på vårdcentralen",
        text="Ring mig på 070-123 45 67 så berättar jag om kön till vårdcentralen.",
    )
    response = client.post(box.url + "lamna-forslag/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Innan du skickar" in html
    assert "<strong>Telefonnummer:</strong> ”070-123 45 67”" in html
    assert "<strong>Regionens ansvar:</strong> ”vårdcentralen”" in html
    # Advice only: the proposal can still be sent as it is.
    data["action"] = "send"
    assert client.post(box.url + "lamna-forslag/", data).status_code == 302
    assert Proposal.objects.filter(title="Kortare köer på vårdcentralen").exists()


def test_an_admissible_preview_gets_no_advice(client, box, topic):
    response = client.post(
        box.url + "lamna-forslag/", submit_data(topic, action="preview")
    )
    assert "Innan du skickar" not in response.content.decode()


# Measured on the labelled set.


def test_precision_and_recall_per_rule_on_the_labelled_set():
    call_command("load_demo", stdout=io.StringIO())
    box = SuggestionBoxPage.objects.live().get()
    cases = quality.cases()
    assert len(cases) >= 60
    assert sum(1 for case in cases if not case["rules"]) >= 30
    measured, _misses = quality.measure(box)
    for rule, result in measured.items():
        labelled = result.true_positives + result.false_negatives
        assert labelled >= 2, rule
        assert result.precision >= 0.8, rule
        assert result.recall >= 0.8, rule

    out = io.StringIO()
    call_command("admissibility_quality", stdout=out)
    assert f"{len(cases)} labelled proposals" in out.getvalue()
    assert "personal_id" in out.getvalue()
    # The demo's box has the Mittköping lists in its settings.
    assert {item.kind for item in box.admissibility_lists.all()} == {
        "region",
        "state",
        "offensive",
    }
