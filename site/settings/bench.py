"""Benchmarks: the production settings over plain HTTP on 127.0.0.1, with the
per-IP rate limits and the form's minimum fill time relaxed (every load-test client
comes from one address and submits at machine speed), and e-mail delivered to a
file per recipient in BENCH_MAIL_DIR.

Needs the same environment as production (DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS,
DATABASE_URL; REDIS_URL optional); bench/run.sh sets it. Never use in production."""

import os

from .production import *  # noqa: F403

# Plain HTTP on the loopback: no HTTPS redirect, no HSTS, cookies without Secure
# (the __Host- prefix needs Secure).
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SECURE_PROXY_SSL_HEADER = None
SESSION_COOKIE_SECURE = False
SESSION_COOKIE_NAME = "sessionid"
CSRF_COOKIE_SECURE = False
CSRF_COOKIE_NAME = "csrftoken"
LANGUAGE_COOKIE_SECURE = False

# All load comes from 127.0.0.1 at machine speed.
PROPOSALS_MIN_FILL_SECONDS = 0
RATE_LIMITS = {
    action: {"burst": (10**9, 60)}
    for action in ("submit", "sign", "remove", "comment", "report", "mail-to")
}
PROPOSALS_STARTED_MAX_USES = 10**9

# E-mails are queued, rendered by the task worker and sent as in production, into
# one file per recipient, where the bench client finds its confirmation link.
EMAIL_BACKEND = "delaktig_site.bench_mail.MailboxBackend"
EMAIL_FILE_PATH = os.environ.get(
    "BENCH_MAIL_DIR",
    str(VAR_DIR / "bench-mail"),  # noqa: F405
)
