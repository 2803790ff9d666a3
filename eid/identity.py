"""A person as the site keeps them: a keyed hash of the personal identity number,
never the number itself.

The hash is an HMAC-SHA256 with DELAKTIG_EID_HASH_KEY, a key of its own (not
SECRET_KEY, which rotates for other reasons and signs links): without the key,
nobody can test a number against a stored hash, and there are few enough numbers
that a plain hash could be reversed by trying them all."""

import hashlib
import hmac
import re

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

NON_DIGITS = re.compile(r"[\s+-]")


def luhn_ok(digits):
    """The check digit of a Swedish personal identity number (its last ten digits)."""
    total = 0
    for position, digit in enumerate(int(d) for d in digits):
        product = digit * (2 if position % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return total % 10 == 0


def personal_number(value):
    """The twelve digits of a personal (or coordination) number as brokers send it
    (YYYYMMDDNNNN, a hyphen or plus tolerated), or None if it is not one."""
    if not isinstance(value, str):
        return None
    digits = NON_DIGITS.sub("", value)
    if len(digits) != 12 or not digits.isascii() or not digits.isdigit():
        return None
    month, day = int(digits[4:6]), int(digits[6:8])
    day = day - 60 if day > 60 else day  # a coordination number adds 60 to the day
    if not (1 <= month <= 12 and 1 <= day <= 31) or not luhn_ok(digits[2:]):
        return None
    return digits


def key_for(value):
    """The person's key: HMAC-SHA256 of the number, or None if `value` is not a
    personal identity number. The number itself goes no further than this."""
    digits = personal_number(value)
    if digits is None:
        return None
    secret = settings.DELAKTIG_EID_HASH_KEY
    if not secret:
        raise ImproperlyConfigured("Set DELAKTIG_EID_HASH_KEY to use e-legitimation.")
    return hmac.new(
        secret.encode(), f"se-pin:{digits}".encode(), hashlib.sha256
    ).hexdigest()
