"""The OpenID Connect client that asks the municipality's identity broker who a
resident is (Authlib's Django client).

Authlib keeps the state, nonce and PKCE verifier of an attempt in the visitor's
session and checks, on return, the state, and of the ID token its signature
against the broker's published keys, issuer, audience, expiry and nonce. A resident
is never a Django user: what the site keeps of the answer is an Identity, a keyed
hash of the personal identity number (identity.py) and, where the broker gives it,
the municipality of residence."""

import logging
from dataclasses import dataclass

import requests
from authlib.integrations.base_client import OAuthError
from authlib.integrations.django_client import OAuth
from django.conf import settings
from joserfc.errors import JoseError

from eid import identity

logger = logging.getLogger("delaktig.eid")

NAME = "eid"
# Seconds the broker may take to answer a back-channel request (keys, token).
TIMEOUT = 10
# Clock skew tolerated on the ID token's times.
LEEWAY = 60


class EidError(Exception):
    """Identification gave no person. `reason` is one of the codes below, never a
    value from the broker's answer (those may name the person)."""

    CANCELLED = "cancelled"  # the resident cancelled at the broker
    FAILED = "failed"  # state, token or signature did not check out
    NO_IDENTITY = "no_identity"  # no (valid) personal identity number in the token
    UNAVAILABLE = "unavailable"  # the broker could not be reached

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Identity:
    """Who signed, as far as the site keeps it."""

    key: str  # HMAC of the personal identity number
    municipality: str = ""  # municipality code of residence, "" if not given


def enabled():
    return bool(settings.DELAKTIG_EID_ISSUER and settings.DELAKTIG_EID_CLIENT_ID)


def _config():
    return (
        settings.DELAKTIG_EID_ISSUER,
        settings.DELAKTIG_EID_CLIENT_ID,
        settings.DELAKTIG_EID_CLIENT_SECRET,
        settings.DELAKTIG_EID_SCOPES,
    )


_apps = {}


def client():
    """The Authlib client for the configured broker, made once per configuration
    (it caches the broker's metadata and keys)."""
    config = _config()
    if config not in _apps:
        issuer, client_id, client_secret, scopes = config
        _apps.clear()
        _apps[config] = OAuth().register(
            NAME,
            client_id=client_id,
            client_secret=client_secret,
            server_metadata_url=f"{issuer}/.well-known/openid-configuration",
            client_kwargs={
                "scope": scopes,
                "code_challenge_method": "S256",
                "default_timeout": TIMEOUT,
            },
        )
    return _apps[config]


def forget():
    """Drop the cached client: the next attempt reads the broker's metadata anew."""
    _apps.clear()


def redirect_uri():
    """The one address to register with the broker: outside the language prefixes,
    on the site's address (DELAKTIG_SITE_URL)."""
    return f"{settings.DELAKTIG_SITE_URL}/e-legitimation/retur/"


def start(request):
    """(URL of the broker to send the resident to, the attempt's state). The state
    and nonce are kept in the session until the resident comes back."""
    app = client()
    try:
        _check_issuer(app.load_server_metadata())
        found = app.create_authorization_url(redirect_uri())
    except (requests.RequestException, ValueError, KeyError) as error:
        _log(EidError.UNAVAILABLE, error)
        raise EidError(EidError.UNAVAILABLE) from error
    app.save_authorize_data(request, redirect_uri=redirect_uri(), **found)
    return found["url"], found["state"]


def finish(request):
    """The Identity of the resident the broker sent back, or EidError."""
    error = request.GET.get("error")
    if error:
        reason = EidError.CANCELLED if error == "access_denied" else EidError.FAILED
        _log(reason, None)
        raise EidError(reason)
    if not request.GET.get("code"):
        raise EidError(EidError.FAILED)
    app = client()
    issuer = settings.DELAKTIG_EID_ISSUER
    try:
        token = app.authorize_access_token(
            request,
            claims_options={
                "iss": {"essential": True, "value": issuer},
                "sub": {"essential": True},
            },
            leeway=LEEWAY,
        )
    except requests.RequestException as error:
        _log(EidError.UNAVAILABLE, error)
        raise EidError(EidError.UNAVAILABLE) from error
    except (OAuthError, JoseError, ValueError, KeyError, TypeError) as error:
        _log(EidError.FAILED, error)
        raise EidError(EidError.FAILED) from error
    # Without an ID token nothing was checked: an access token alone proves no one.
    claims = token.get("userinfo")
    if not claims:
        _log(EidError.FAILED, None)
        raise EidError(EidError.FAILED)
    key = identity.key_for(claims.get(settings.DELAKTIG_EID_PIN_CLAIM))
    if key is None:
        _log(EidError.NO_IDENTITY, None)
        raise EidError(EidError.NO_IDENTITY)
    municipality = ""
    if settings.DELAKTIG_EID_MUNICIPALITY_CLAIM:
        municipality = str(claims.get(settings.DELAKTIG_EID_MUNICIPALITY_CLAIM) or "")
    return Identity(key=key, municipality=municipality)


def _check_issuer(metadata):
    """OpenID Connect Discovery: the metadata must name the issuer it was fetched
    for, or the ID token's issuer would be checked against the wrong one."""
    if metadata.get("issuer", "").rstrip("/") != settings.DELAKTIG_EID_ISSUER:
        raise ValueError("the broker's metadata names another issuer")


def _log(reason, error):
    # The error's class only: an exception's text may quote the token's claims.
    logger.warning(
        "E-legitimation gave no identity: %s%s",
        reason,
        f" ({type(error).__name__})" if error is not None else "",
    )
