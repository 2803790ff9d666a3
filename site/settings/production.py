"""Production: everything from the environment; refuses to start without secrets."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DELAKTIG_EID_ISSUER, env_bool, env_list


def _required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"Set the environment variable {name} to run in production."
        )
    return value


DEBUG = False
SECRET_KEY = _required("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "Set DJANGO_ALLOWED_HOSTS (comma-separated host names) to run in production."
    )
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
DELAKTIG_DEMO_ALLOWED = env_bool("DELAKTIG_DEMO_ALLOWED", False)

# E-legitimation: never the test identity provider; with a broker, every secret.
if env_bool("DELAKTIG_TEST_EID", False):
    raise ImproperlyConfigured("DELAKTIG_TEST_EID is for development and tests only.")
DELAKTIG_TEST_EID = False
if DELAKTIG_EID_ISSUER:
    DELAKTIG_EID_CLIENT_ID = _required("DELAKTIG_EID_CLIENT_ID")
    DELAKTIG_EID_CLIENT_SECRET = _required("DELAKTIG_EID_CLIENT_SECRET")
    DELAKTIG_EID_HASH_KEY = _required("DELAKTIG_EID_HASH_KEY")
    if DELAKTIG_EID_HASH_KEY == SECRET_KEY or len(DELAKTIG_EID_HASH_KEY) < 32:
        raise ImproperlyConfigured(
            "DELAKTIG_EID_HASH_KEY must be a random value of at least 32 characters, "
            "not the secret key."
        )

# HTTPS and cookies (Django's deployment checklist).
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
_proxy_header = os.environ.get(
    "DJANGO_SECURE_PROXY_SSL_HEADER", "HTTP_X_FORWARDED_PROTO"
)
SECURE_PROXY_SSL_HEADER = (_proxy_header, "https") if _proxy_header else None
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", 31_536_000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_NAME = "__Host-csrftoken"
LANGUAGE_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Anonymous page cache (the caching app), on by default only with Redis: with a
# per-process cache, publishing would empty the cache of one process only.
PAGE_CACHE_SECONDS = int(
    os.environ.get(
        "DELAKTIG_PAGE_CACHE_SECONDS", "30" if os.environ.get("REDIS_URL") else "0"
    )
)

# E-mail over SMTP.
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)

# A persistent task queue: run `manage.py task_worker` beside the web processes
# (deploy/delaktig-worker.service).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "delaktig": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
