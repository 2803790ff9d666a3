"""Development: debug on, e-mail written as files under var/mail/."""

import os
from urllib.parse import urlsplit

from django.core.management.utils import get_random_secret_key

from .base import *  # noqa: F403
from .base import (
    CONTENT_SECURITY_POLICY,
    DELAKTIG_EID_HASH_KEY,
    DELAKTIG_EID_ISSUER,
    DELAKTIG_SITE_URL,
    VAR_DIR,
    env_bool,
)


def _kept_secret(name, variable=None):
    """A random key kept under var/ so it survives restarts; never committed."""
    if variable and os.environ.get(variable):
        return os.environ[variable]
    path = VAR_DIR / name
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(get_random_secret_key())
    return path.read_text().strip()


def _dev_secret_key():
    return _kept_secret("dev-secret-key", "DJANGO_SECRET_KEY")


DEBUG = True
SECRET_KEY = _dev_secret_key()
ALLOWED_HOSTS = [
    "127.0.0.1",
    "localhost",
    "[::1]",
    urlsplit(DELAKTIG_SITE_URL).hostname,
]

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))

# Mail and other slow work go through the database queue, as in production;
# `make run` starts `manage.py task_worker` beside the server.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# "Test-e-legitimation": the local test identity provider (eid/testidp/) stands in
# for a broker unless one is configured, so `make run` offers the whole flow with
# made-up test persons. DELAKTIG_TEST_EID=0 turns it off.
DELAKTIG_TEST_EID = env_bool("DELAKTIG_TEST_EID", not DELAKTIG_EID_ISSUER)
if DELAKTIG_TEST_EID and not DELAKTIG_EID_ISSUER:
    DELAKTIG_EID_ISSUER = f"{DELAKTIG_SITE_URL}/test-e-legitimation"
    DELAKTIG_EID_CLIENT_ID = "delaktig-dev"
    DELAKTIG_EID_CLIENT_SECRET = _kept_secret("dev-eid-client-secret")
    DELAKTIG_EID_MUNICIPALITY_CLAIM = "municipality_code"
    DELAKTIG_EID_MUNICIPALITY_CODE = "9999"  # the demo's made-up Mittköping
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"] = ["'self'"]
if not DELAKTIG_EID_HASH_KEY:
    DELAKTIG_EID_HASH_KEY = _kept_secret("dev-eid-hash-key")
