"""Development: debug on, e-mail written as files under var/mail/."""

import os
from urllib.parse import urlsplit

from django.core.management.utils import get_random_secret_key

from .base import *  # noqa: F403
from .base import DELAKTIG_SITE_URL, VAR_DIR


def _dev_secret_key():
    """A random key kept under var/ so sessions survive restarts; never committed."""
    if os.environ.get("DJANGO_SECRET_KEY"):
        return os.environ["DJANGO_SECRET_KEY"]
    path = VAR_DIR / "dev-secret-key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(get_random_secret_key())
    return path.read_text().strip()


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
