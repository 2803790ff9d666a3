"""E-legitimation's production settings: never the test provider, and with a
broker every secret, the hash key its own (issue 23)."""

import pytest

from eid import identity
from tests.test_settings import import_production_settings

BASE = {"DJANGO_SECRET_KEY": "s" * 60, "DJANGO_ALLOWED_HOSTS": "delaktig.example"}
BROKER = {
    "DELAKTIG_EID_ISSUER": "https://broker.example.se/oidc",
    "DELAKTIG_EID_CLIENT_ID": "delaktig",
    "DELAKTIG_EID_CLIENT_SECRET": "c" * 40,
}


def test_production_refuses_the_test_provider():
    result = import_production_settings(**BASE, DELAKTIG_TEST_EID="1")
    assert result.returncode != 0
    assert "DELAKTIG_TEST_EID" in result.stderr


def test_production_with_a_broker_needs_its_own_hash_key():
    missing = import_production_settings(**BASE, **BROKER)
    assert missing.returncode != 0
    assert "DELAKTIG_EID_HASH_KEY" in missing.stderr
    reused = import_production_settings(
        **BASE, **BROKER, DELAKTIG_EID_HASH_KEY=BASE["DJANGO_SECRET_KEY"]
    )
    assert reused.returncode != 0
    assert "not the secret key" in reused.stderr
    ok = import_production_settings(**BASE, **BROKER, DELAKTIG_EID_HASH_KEY="k" * 48)
    assert ok.returncode == 0, ok.stderr


def test_production_without_a_broker_starts_with_e_legitimation_off():
    assert import_production_settings(**BASE).returncode == 0


@pytest.mark.parametrize(
    ("value", "digits"),
    [
        ("191212121212", "191212121212"),
        ("19121212-1212", "191212121212"),
        ("191212721219", "191212721219"),  # day 72: a coordination number
        ("191212721218", None),  # the same with a wrong check digit
        ("1912121212", None),  # ten digits: the century is unknown
        ("191313121212", None),  # month 13
        ("１９１２１２１２１２１２", None),  # full-width digits
        (None, None),
        (191212121212, None),
    ],
)
def test_personal_numbers_are_read_strictly(value, digits):
    assert identity.personal_number(value) == digits


def test_the_key_is_keyed(settings):
    first = identity.key_for("191212121212")
    settings.DELAKTIG_EID_HASH_KEY = "another key entirely"
    assert identity.key_for("191212121212") != first
    assert "191212121212" not in first
