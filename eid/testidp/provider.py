"""What the test identity provider knows: its signing key, its test persons, the
codes it has handed out, and how it writes an ID token."""

import hashlib
import secrets
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from joserfc import jwt
from joserfc.jwk import RSAKey

KEY_CACHE = "eid-test-idp:key"
CODE_CACHE = "eid-test-idp:code:"
CODE_SECONDS = 60
TOKEN_SECONDS = 300

# Made-up people: Tolvan Tolvansson is the well-known Swedish test person, the
# others are born in 1900. Any valid number can be typed instead.
TEST_PERSONS = [
    ("191212121212", "Tolvan Tolvansson"),
    ("190001011006", _("Testperson Ett")),
    ("190002021004", _("Testperson Två")),
]
# Municipality codes the test persons can be registered in: the demo's made-up
# Mittköping, and another.
MUNICIPALITIES = [
    ("9999", _("Mittköping (kommunkod 9999)")),
    ("0180", _("Stockholm (kommunkod 0180)")),
]


def issuer():
    return settings.DELAKTIG_EID_ISSUER


def signing_key():
    """The provider's RSA key, shared through the cache by the processes that share
    it (one runserver, or all of them with Redis)."""
    stored = cache.get(KEY_CACHE)
    if stored is None:
        key = RSAKey.generate_key(
            2048, parameters={"kid": secrets.token_hex(8), "use": "sig"}, private=True
        )
        cache.add(KEY_CACHE, key.as_dict(private=True), timeout=None)
        stored = cache.get(KEY_CACHE)
    return RSAKey.import_key(stored)


def jwks():
    return {"keys": [signing_key().as_dict(private=False)]}


def metadata():
    base = issuer()
    return {
        "issuer": base,
        "authorization_endpoint": f"{base}/authorize/",
        "token_endpoint": f"{base}/token/",
        "jwks_uri": f"{base}/jwks/",
        "response_types_supported": ["code"],
        "grant_types_supported": ["authorization_code"],
        "subject_types_supported": ["pairwise"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "scopes_supported": ["openid"],
        "token_endpoint_auth_methods_supported": [
            "client_secret_basic",
            "client_secret_post",
        ],
        "code_challenge_methods_supported": ["S256"],
        "claims_supported": [
            "sub",
            settings.DELAKTIG_EID_PIN_CLAIM,
            settings.DELAKTIG_EID_MUNICIPALITY_CLAIM or "municipality_code",
        ],
    }


def issue_code(**grant):
    """A single-use authorization code for `grant` (client, redirect, nonce, PKCE
    challenge, the person)."""
    code = secrets.token_urlsafe(24)
    cache.set(CODE_CACHE + code, grant, CODE_SECONDS)
    return code


def redeem_code(code):
    """The grant behind `code`, once: a second redemption finds nothing."""
    key = CODE_CACHE + code
    grant = cache.get(key)
    if grant is None or not cache.delete(key):
        return None
    return grant


def claims_for(grant, now=None):
    """The ID token's claims: no name, only what the site asks for."""
    now = int(now or time.time())
    pin = grant["pin"]
    claims = {
        "iss": issuer(),
        # Pairwise: the same person gets another sub at another client.
        "sub": hashlib.sha256(f"{grant['client_id']}:{pin}".encode()).hexdigest(),
        "aud": grant["client_id"],
        "iat": now,
        "auth_time": now,
        "exp": now + TOKEN_SECONDS,
        "nonce": grant["nonce"],
        settings.DELAKTIG_EID_PIN_CLAIM: pin,
    }
    if settings.DELAKTIG_EID_MUNICIPALITY_CLAIM and grant.get("municipality"):
        claims[settings.DELAKTIG_EID_MUNICIPALITY_CLAIM] = grant["municipality"]
    return claims


def sign(claims, key=None):
    """An ID token: `claims` signed with the provider's key (or `key`)."""
    key = key or signing_key()
    return jwt.encode({"alg": "RS256", "kid": key.kid}, claims, key)
