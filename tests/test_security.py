"""Security headers, Content-Security-Policy and admin log-in throttling."""

import os
import subprocess
import sys

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

AXES_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]


def test_public_pages_send_a_same_origin_content_security_policy(client, site):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "google" not in policy
    assert "http" not in policy


def _policy_with_env(**env):
    code = (
        "from delaktig_site.settings import base;"
        "d = base.CONTENT_SECURITY_POLICY['DIRECTIVES'];"
        "print(' '.join(d['script-src'] + d['frame-src']))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("RECAPTCHA")}
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_recaptcha_hosts_are_allowed_only_when_recaptcha_is_on():
    assert "google" not in _policy_with_env()
    on = _policy_with_env(RECAPTCHA_PUBLIC_KEY="pub", RECAPTCHA_PRIVATE_KEY="priv")
    assert "https://www.google.com/recaptcha/" in on
    assert "https://www.gstatic.com/recaptcha/" in on


def test_admin_login_is_throttled_after_repeated_failures(client, site, settings):
    login_url = f"/{settings.ADMIN_PATH}/login/"
    with override_settings(AUTHENTICATION_BACKENDS=AXES_BACKENDS):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            client.post(login_url, {"username": "kommunikator", "password": "fel"})
        # Now even the right password is refused, with a clear Swedish page.
        response = client.post(
            login_url,
            {"username": "kommunikator", "password": "Mittkoping-kommunikator-2026"},
        )
    assert response.status_code == 429
    assert "För många inloggningsförsök" in response.content.decode()
    assert client.get(f"/{settings.ADMIN_PATH}/").status_code == 302


def test_admin_login_works_with_throttling_on(client, site, settings):
    with override_settings(AUTHENTICATION_BACKENDS=AXES_BACKENDS):
        response = client.post(
            f"/{settings.ADMIN_PATH}/login/",
            {"username": "kommunikator", "password": "Mittkoping-kommunikator-2026"},
        )
    assert response.status_code == 302


@pytest.mark.parametrize("password", ["kort-lösen", "password1234", "123456789012"])
def test_weak_passwords_are_refused(password):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_uncommon_password_is_accepted():
    from django.contrib.auth.password_validation import validate_password

    validate_password("Sommar-i-Mittköping-vid-ån")


def test_admin_path_is_configurable():
    code = "from delaktig_site.settings import base; print(base.ADMIN_PATH)"
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        env={**os.environ, "DELAKTIG_ADMIN_PATH": "/forvaltning/"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip() == "forvaltning"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.5", "10.0.0.1"),  # no proxy trusted: the connecting address
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),  # a forged first entry is ignored
        (2, "6.6.6.6, 203.0.113.5, 10.0.0.9", "203.0.113.5"),
        (1, "", "10.0.0.1"),
    ],
)
def test_client_ip_behind_trusted_proxies(rf, settings, proxies, forwarded, expected):
    from municipality.client_address import client_ip

    settings.DELAKTIG_TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_comment_avatars_are_local_and_not_derived_from_email():
    from django.conf import settings
    from django.utils.module_loading import import_string

    avatar = import_string(settings.COMMENTS_XTD_API_GET_USER_AVATAR)
    url = avatar(object())
    assert url.startswith("/static/")
    assert "gravatar" not in url


@pytest.mark.parametrize(
    "path", ["/kommentarer/api/home-homepage/1/", "/kommentarer/like/1/"]
)
def test_comment_api_and_likes_are_not_mounted(client, site, path):
    assert client.get(path).status_code == 404


def test_the_admin_shows_no_gravatar(client, site):
    """A staff member's avatar must not be fetched from Gravatar with a hash of
    their e-mail address."""
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser(
        "granskare", "granskare@mittkoping.se", "Lösenord-för-test-2026"
    )
    client.force_login(admin)
    for path in ("/admin/", "/admin/account/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "gravatar" not in response.content.decode().lower(), path
