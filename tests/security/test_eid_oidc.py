"""E-legitimation against the local test identity provider: every forged,
replayed or mismatched answer is refused with a clear message on the proposal,
and nothing is stored (issue 23)."""

import base64
import json
import time

import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey

from eid.testidp import provider
from proposals.models import Signature
from tests.eid_helpers import (
    at_broker,
    eid_sign,
    query,
    to_broker,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eid_http")]

DROP = object()
FAILED = "Legitimeringen kunde inte slutföras. Ingen underskrift har lämnats."
NO_IDENTITY = "Identitetstjänsten lämnade inget personnummer"
LOST = "hör inte till något pågående försök"


@pytest.fixture
def eid_proposal(proposal_factory):
    return proposal_factory("open", title="Belysning", signature_method="eid")


def _claims(answer):
    return jwt.decode(answer["id_token"], provider.signing_key()).claims


def token_with(key=None, header=None, **changes):
    """The token endpoint's answer with its ID token's claims changed (DROP removes
    one), signed with `key` (default: the provider's own)."""

    def replace(answer):
        claims = _claims(answer)
        for name, value in changes.items():
            if value is DROP:
                claims.pop(name, None)
            else:
                claims[name] = value
        signer = key or provider.signing_key()
        answer["id_token"] = jwt.encode(
            header or {"alg": "RS256", "kid": signer.kid}, claims, signer
        )
        return json.dumps(answer).encode()

    return replace


def _refused(client, response, proposal, message):
    assert response.status_code == 302
    assert response["Location"] == proposal.get_url()
    page = client.get(response["Location"]).content.decode()
    assert message in page
    assert not Signature.objects.exists()
    proposal.refresh_from_db()
    assert proposal.signature_count == 0


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"iss": "http://testserver/another-issuer"}, id="wrong-issuer"),
        pytest.param({"aud": "another-client"}, id="wrong-audience"),
        pytest.param({"exp": int(time.time()) - 3600}, id="expired"),
        pytest.param({"nonce": "not-the-one-we-sent"}, id="nonce-mismatch"),
        pytest.param({"nonce": DROP}, id="no-nonce"),
        pytest.param({"sub": DROP}, id="no-subject"),
    ],
)
def test_a_token_that_does_not_check_out_is_refused(
    client, eid_http, eid_proposal, changes
):
    eid_http.replace = token_with(**changes)
    _refused(client, eid_sign(client, eid_proposal), eid_proposal, FAILED)


def test_a_token_signed_with_another_key_is_refused(client, eid_http, eid_proposal):
    provider.signing_key()  # the real key exists
    forger = RSAKey.generate_key(2048, parameters={"kid": "forged"}, private=True)
    eid_http.replace = token_with(key=forger)
    _refused(client, eid_sign(client, eid_proposal), eid_proposal, FAILED)


def test_a_forged_key_under_the_real_key_id_is_refused(client, eid_http, eid_proposal):
    real = provider.signing_key()
    forger = RSAKey.generate_key(2048, parameters={"kid": real.kid}, private=True)
    eid_http.replace = token_with(key=forger)
    _refused(client, eid_sign(client, eid_proposal), eid_proposal, FAILED)


def _b64(part):
    return base64.urlsafe_b64encode(json.dumps(part).encode()).rstrip(b"=").decode()


def test_an_unsigned_token_is_refused(client, eid_http, eid_proposal):
    def unsigned(answer):
        claims = _claims(answer)
        answer["id_token"] = f"{_b64({'alg': 'none'})}.{_b64(claims)}."
        return json.dumps(answer).encode()

    eid_http.replace = unsigned
    _refused(client, eid_sign(client, eid_proposal), eid_proposal, FAILED)


def test_an_answer_without_an_id_token_is_refused(client, eid_http, eid_proposal):
    def access_token_only(answer):
        answer.pop("id_token")
        return json.dumps(answer).encode()

    eid_http.replace = access_token_only
    _refused(client, eid_sign(client, eid_proposal), eid_proposal, FAILED)


@pytest.mark.parametrize(
    "pin",
    [DROP, "", "19121212-1213", "not a number", 191212121212, "1212121212"],
    ids=["missing", "empty", "bad-check-digit", "text", "a-number", "ten-digits"],
)
def test_a_missing_or_invalid_identity_number_is_refused(
    client, eid_http, eid_proposal, settings, pin
):
    eid_http.replace = token_with(**{settings.DELAKTIG_EID_PIN_CLAIM: pin})
    _refused(client, eid_sign(client, eid_proposal), eid_proposal, NO_IDENTITY)


def test_a_replayed_answer_is_refused(client, eid_proposal):
    started = to_broker(client, eid_proposal)
    back = at_broker(client, started["Location"])
    assert client.get(back)["Location"].endswith("underskriven/")
    again = client.get(back)
    assert again.status_code == 400
    assert LOST in again.content.decode()
    eid_proposal.refresh_from_db()
    assert eid_proposal.signature_count == 1


def test_a_replayed_code_in_a_new_attempt_is_refused(client, eid_proposal):
    """The first attempt's code, sent back under a second attempt's state: the
    provider redeems a code once, so nothing counts twice (and nobody else's code
    signs for them)."""
    first = at_broker(client, to_broker(client, eid_proposal)["Location"])
    assert client.get(first)["Location"].endswith("underskriven/")
    second = to_broker(client, eid_proposal, name="Again")["Location"]
    replayed = (
        f"http://testserver/e-legitimation/retur/?code={query(first)['code']}"
        f"&state={query(second)['state']}"
    )
    response = client.get(replayed)
    assert response.status_code == 302
    assert FAILED in client.get(response["Location"]).content.decode()
    eid_proposal.refresh_from_db()
    assert eid_proposal.signature_count == 1


def test_a_replayed_id_token_in_a_new_attempt_is_refused(
    client, eid_http, proposal_factory
):
    """An ID token captured from one attempt, given as the answer to another: its
    nonce belongs to the first attempt."""
    first, second = (
        proposal_factory("open", title=title, signature_method="eid")
        for title in ("Första förslaget", "Andra förslaget")
    )
    captured = {}

    def capture(answer):
        captured.update(answer)
        return json.dumps(answer).encode()

    eid_http.replace = capture
    assert eid_sign(client, first)["Location"].endswith("underskriven/")
    eid_http.replace = lambda answer: json.dumps(
        {**answer, "id_token": captured["id_token"]}
    ).encode()
    response = eid_sign(client, second)
    assert response["Location"] == second.get_url()
    assert FAILED in client.get(response["Location"]).content.decode()
    second.refresh_from_db()
    assert second.signature_count == 0


def test_a_state_from_another_browser_is_refused(client, eid_proposal):
    back = at_broker(client, to_broker(client, eid_proposal)["Location"])
    stranger = client.__class__()
    response = stranger.get(back)
    assert response.status_code == 400
    assert LOST in response.content.decode()
    assert not Signature.objects.exists()


@pytest.mark.parametrize(
    "answer",
    [
        "code=abc&state=forged",
        "code=abc",
        "state=",
        "",
        "error=access_denied&state=forged",
    ],
)
def test_a_made_up_answer_is_refused_without_an_error(client, box, answer):
    response = client.get(f"/e-legitimation/retur/?{answer}")
    assert response.status_code == 400
    assert LOST in response.content.decode()
    assert not Signature.objects.exists()


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("error=server_error", FAILED),
        ("error=access_denied", "Du avbröt legitimeringen"),
        ("", FAILED),  # no code
        ("code=", FAILED),
        ("code=never-issued", FAILED),
    ],
)
def test_a_bad_answer_to_a_real_attempt_comes_back_to_the_proposal(
    client, eid_proposal, answer, message
):
    state = query(to_broker(client, eid_proposal)["Location"])["state"]
    response = client.get(f"/e-legitimation/retur/?state={state}&{answer}")
    _refused(client, response, eid_proposal, message)


def test_metadata_naming_another_issuer_is_refused(
    client, eid_http, eid_proposal, monkeypatch
):
    monkeypatch.setattr(provider, "issuer", lambda: "http://testserver/another-issuer")
    response = to_broker(client, eid_proposal)
    assert response.status_code == 503
    assert "svarar inte just nu" in response.content.decode()
    assert not Signature.objects.exists()


def test_the_test_provider_refuses_an_unregistered_return_address(client, settings):
    response = client.get(
        "/test-e-legitimation/authorize/",
        {
            "client_id": settings.DELAKTIG_EID_CLIENT_ID,
            "redirect_uri": "https://evil.example/steal",
            "response_type": "code",
            "scope": "openid",
            "state": "s",
            "nonce": "n",
            "code_challenge": "c",
            "code_challenge_method": "S256",
        },
    )
    assert response.status_code == 400
    assert "TESTTJÄNST" in response.content.decode()


def test_the_test_provider_refuses_a_wrong_client_secret(client, settings):
    response = client.post(
        "/test-e-legitimation/token/",
        {
            "grant_type": "authorization_code",
            "code": "x",
            "client_id": settings.DELAKTIG_EID_CLIENT_ID,
            "client_secret": "wrong",
        },
    )
    assert response.status_code == 401


def test_the_harness_passes_an_unchanged_token(client, eid_http, eid_proposal):
    """The forged-token tests fail for their change alone: re-signed unchanged, the
    provider's answer counts."""
    eid_http.replace = token_with()
    assert eid_sign(client, eid_proposal)["Location"].endswith("underskriven/")
    assert Signature.objects.count() == 1


@pytest.mark.parametrize("secret", ["ab%41cd+ef", "plain-secret"])
def test_a_client_secret_that_looks_form_encoded_still_signs(
    client, eid_http, eid_proposal, settings, secret
):
    """Authlib sends the secret as it is; a random secret with "%41" in it (the
    test settings' random keys have such characters) once failed at random."""
    settings.DELAKTIG_EID_CLIENT_SECRET = secret
    assert eid_sign(client, eid_proposal)["Location"].endswith("underskriven/")
    assert Signature.objects.count() == 1
