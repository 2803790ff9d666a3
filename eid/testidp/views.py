"""Test-e-legitimation: a small OpenID Connect provider for development and tests
(discovery, keys, authorize, token) with made-up test persons.

Mounted only while DELAKTIG_TEST_EID is on, which the production settings refuse.
Every page it shows says it is a test service. It checks what a broker checks:
the client and its exact redirect address, single-use codes, PKCE (S256) and the
client secret."""

import base64
import hashlib
import hmac
import secrets
from urllib.parse import unquote, urlencode

from django import forms
from django.conf import settings
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from eid import client, identity
from eid.testidp import provider

AUTHORIZE_PARAMS = (
    "client_id",
    "redirect_uri",
    "response_type",
    "scope",
    "state",
    "nonce",
    "code_challenge",
    "code_challenge_method",
)


class PersonForm(forms.Form):
    """The made-up person to identify as."""

    person = forms.ChoiceField(
        label=_("Testperson"),
        choices=[
            *[
                (pin, format_lazy("{}, {}-{}", name, pin[:8], pin[8:]))
                for pin, name in provider.TEST_PERSONS
            ],
            ("", _("Ett annat personnummer (skriv nedan)")),
        ],
        required=False,
        widget=forms.RadioSelect,
        initial=provider.TEST_PERSONS[0][0],
    )
    other = forms.CharField(
        label=_("Annat påhittat personnummer (ÅÅÅÅMMDD-NNNN)"),
        required=False,
        max_length=20,
    )
    municipality = forms.ChoiceField(
        label=_("Folkbokförd i"),
        choices=provider.MUNICIPALITIES,
        initial=provider.MUNICIPALITIES[0][0],
    )

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("person") or cleaned.get("other", "")
        pin = identity.personal_number(chosen)
        if pin is None:
            raise forms.ValidationError(
                _(
                    "Välj en testperson eller skriv ett personnummer med 12 siffror "
                    "och rätt kontrollsiffra."
                )
            )
        cleaned["pin"] = pin
        return cleaned


def _request_error(params):
    """Why an authorization request is refused outright (never redirected: the
    address it names may not be the client's), or None."""
    if params.get("client_id") != settings.DELAKTIG_EID_CLIENT_ID:
        return _("Okänd klient.")
    if params.get("redirect_uri") != client.redirect_uri():
        return _("Returadressen är inte registrerad för klienten.")
    if params.get("response_type") != "code":
        return _("Bara response_type=code stöds.")
    if "openid" not in params.get("scope", "").split():
        return _("Begäran saknar scope openid.")
    if not params.get("state") or not params.get("nonce"):
        return _("Begäran saknar state eller nonce.")
    if params.get("code_challenge_method") != "S256" or not params.get(
        "code_challenge"
    ):
        return _("Begäran saknar PKCE (S256).")
    return None


def _back(params, **answer):
    query = urlencode({**answer, "state": params["state"]})
    return HttpResponseRedirect(f"{params['redirect_uri']}?{query}")


@require_GET
def discovery(request):
    return JsonResponse(provider.metadata())


@require_GET
def jwks(request):
    return JsonResponse(provider.jwks())


@never_cache
def authorize(request):
    source = request.POST if request.method == "POST" else request.GET
    params = {name: source.get(name, "") for name in AUTHORIZE_PARAMS}
    problem = _request_error(params)
    if problem:
        return render(
            request, "eid/testidp/error.html", {"problem": problem}, status=400
        )
    if request.method != "POST":
        form = PersonForm()
    elif "cancel" in request.POST:
        return _back(params, error="access_denied")
    else:
        form = PersonForm(request.POST)
        if form.is_valid():
            code = provider.issue_code(
                client_id=params["client_id"],
                redirect_uri=params["redirect_uri"],
                nonce=params["nonce"],
                code_challenge=params["code_challenge"],
                pin=form.cleaned_data["pin"],
                municipality=form.cleaned_data["municipality"],
            )
            return _back(params, code=code)
    status = 400 if form.is_bound else 200
    context = {"form": form, "params": params}
    return render(request, "eid/testidp/authorize.html", context, status=status)


def _client_credentials(request):
    """client_secret_basic or client_secret_post: (client id, [secret as sent, and
    form-decoded as RFC 6749 2.3.1 asks]); Authlib, like many clients, sends the
    secret without form-encoding it."""
    header = request.headers.get("Authorization", "")
    if header.startswith("Basic "):
        try:
            decoded = base64.b64decode(header[6:], validate=True).decode()
        except (ValueError, UnicodeDecodeError):
            return None, []
        client_id, _sep, secret = decoded.partition(":")
        return unquote(client_id), [secret, unquote(secret)]
    return request.POST.get("client_id"), [request.POST.get("client_secret") or ""]


def _token_error(error, status=400):
    return JsonResponse({"error": error}, status=status)


def _pkce_ok(verifier, challenge):
    digest = hashlib.sha256(verifier.encode()).digest()
    expected = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    return hmac.compare_digest(expected, challenge)


@csrf_exempt
@require_POST
def token(request):
    client_id, secrets_sent = _client_credentials(request)
    expected = settings.DELAKTIG_EID_CLIENT_SECRET.encode()
    if client_id != settings.DELAKTIG_EID_CLIENT_ID or not any(
        hmac.compare_digest(sent.encode(), expected) for sent in secrets_sent
    ):
        return _token_error("invalid_client", status=401)
    if request.POST.get("grant_type") != "authorization_code":
        return _token_error("unsupported_grant_type")
    grant = provider.redeem_code(request.POST.get("code", ""))
    if (
        grant is None
        or grant["client_id"] != client_id
        or grant["redirect_uri"] != request.POST.get("redirect_uri")
        or not _pkce_ok(request.POST.get("code_verifier", ""), grant["code_challenge"])
    ):
        return _token_error("invalid_grant")
    response = JsonResponse(
        {
            "access_token": secrets.token_urlsafe(24),
            "token_type": "Bearer",
            "expires_in": provider.TOKEN_SECONDS,
            "id_token": provider.sign(provider.claims_for(grant)),
        }
    )
    response["Cache-Control"] = "no-store"
    return response
