"""Tests: fast hashing, local-memory cache and mail, immediate tasks."""

from django.core.management.utils import get_random_secret_key

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = get_random_secret_key()
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "delaktig-test",
    }
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DELAKTIG_SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"

# django-axes needs a request in authenticate(); the test client's login() passes none.
# tests/test_security.py turns the axes backend back on to test the throttling itself.
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]

# The anonymous page cache is off; tests/test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = 0

# E-legitimation against the local test identity provider (eid/testidp/), reached
# through the test client (tests/eid/), never an outside service.
DELAKTIG_TEST_EID = True
DELAKTIG_EID_ISSUER = "http://testserver/test-e-legitimation"
DELAKTIG_EID_CLIENT_ID = "delaktig-test"
DELAKTIG_EID_CLIENT_SECRET = get_random_secret_key()
DELAKTIG_EID_HASH_KEY = get_random_secret_key()
DELAKTIG_EID_MUNICIPALITY_CLAIM = "municipality_code"
DELAKTIG_EID_MUNICIPALITY_CODE = "9999"
