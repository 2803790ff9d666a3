"""Private links: signed, unguessable tokens for confirming and managing.

Nothing is stored: Django's signing (keyed on SECRET_KEY) proves the link came from
us, and confirmation links expire. The signed value is base64url-encoded once more
because Wagtail's page routes only accept letters, digits, "-" and "_" in a path."""

import base64
import binascii
from datetime import timedelta

from django.core import signing

CONFIRMATION_MAX_AGE = timedelta(days=7)
# A withdrawal link works while the proposal takes signatures (the view checks
# that) and for at most this long after it was made, at signing or confirming.
WITHDRAWAL_MAX_AGE = timedelta(days=366)

PROPOSAL_CONFIRM = "proposal-confirm"
PROPOSAL_MANAGE = "proposal-manage"
SIGNATURE_CONFIRM = "signature-confirm"
SIGNATURE_MANAGE = "signature-manage"
PROPOSER_UNSUBSCRIBE = "proposer-unsubscribe"
SIGNER_UNSUBSCRIBE = "signer-unsubscribe"
STAFF_UNSUBSCRIBE = "staff-unsubscribe"
UNSUBSCRIBE_KINDS = (PROPOSER_UNSUBSCRIBE, SIGNER_UNSUBSCRIBE, STAFF_UNSUBSCRIBE)
MAX_AGES = {
    PROPOSAL_CONFIRM: CONFIRMATION_MAX_AGE,
    SIGNATURE_CONFIRM: CONFIRMATION_MAX_AGE,
    SIGNATURE_MANAGE: WITHDRAWAL_MAX_AGE,
}


class InvalidToken(Exception):
    """The link was altered, truncated or made for something else."""


class ExpiredToken(InvalidToken):
    """The link was genuine but is too old."""


def make_token(kind, pk):
    signed = signing.dumps(pk, salt=f"proposals.{kind}")
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def read_token(kind, token):
    """Return the primary key a token was made for, or raise InvalidToken."""
    max_age = MAX_AGES.get(kind)
    try:
        signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        value = signing.loads(signed, salt=f"proposals.{kind}", max_age=max_age)
    except signing.SignatureExpired as error:
        raise ExpiredToken from error
    except (signing.BadSignature, binascii.Error, ValueError, UnicodeError) as error:
        raise InvalidToken from error
    if not isinstance(value, int):
        raise InvalidToken
    return value
