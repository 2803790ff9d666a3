"""Settings shared by every environment; secrets come from the environment."""

import os
from pathlib import Path

import dj_database_url

from .search import search_backends

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("DELAKTIG_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


INSTALLED_APPS = [
    "background",
    "municipality",
    "eid",
    "home",
    "dialogues",
    "proposals",
    "comments",
    "search",
    "stats",
    "opendata",
    "caching",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "django_comments_xtd",
    "django_comments",
    "django_recaptcha",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.sites",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Before anything reads a body: an unreadable character set is a 400, not a 500.
    "municipality.request_charset.RequestCharsetMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "caching.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Anonymous public forms on pages the caching proxy shares are checked by
    # origin instead of by token (caching/csrf.py); everything else by Django.
    "caching.csrf.AnonymousFormsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Permissions-Policy on every response (django-permissions-policy): the site uses
# none of these browser features, so no page (nor anything injected into one) may.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Admin log-in throttling (django-axes): the backend must come first.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "delaktig_site.urls"
WSGI_APPLICATION = "delaktig_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: DATABASE_URL selects it; the embedded default is SQLite under var/.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
# DATABASE_URL points at PgBouncer in transaction pooling mode (deploy/pgbouncer.ini):
# a connection may change server between transactions, so no server-side cursors
# (they live in the server session), and no startup `options`, which PgBouncer
# refuses; its pgbouncer.ini sets the server sessions' parameters instead.
TRANSACTION_POOLING = os.environ.get("DATABASE_TRANSACTION_POOLING", "") == "1"
if IS_POSTGRES and TRANSACTION_POOLING:
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
elif IS_POSTGRES:
    # A web request's queries are short: starting PostgreSQL's parallel workers
    # took longer (~10 ms) than they saved, and took cores from other requests
    # (bench/README.md). DATABASE_PARALLEL_WORKERS sets how many one query may use.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _parallel = int(os.environ.get("DATABASE_PARALLEL_WORKERS", "0"))
    _options["options"] = (
        _options.get("options", "") + f" -c max_parallel_workers_per_gather={_parallel}"
    ).strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by all web processes), else local memory.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "delaktig_site.cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "delaktig",
            # Fail fast when Redis is away; the backend then degrades (see cache.py).
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "delaktig",
        }
    }

# Whole pages for anonymous visitors without cookies, and shared template fragments
# (the caching app): counts on them are at most this many seconds old. 0 turns the
# cache off (default here; the production settings turn it on).
PAGE_CACHE_SECONDS = int(os.environ.get("DELAKTIG_PAGE_CACHE_SECONDS", "0"))
# The caching proxy in front (deploy/varnish.vcl, `make serve-production`): its
# address, to which Wagtail's frontend cache sends PURGE requests (caching/edge.py).
# Set, anonymous pages are shared there for as long as the page cache keeps them,
# without CSRF tokens (caching/csrf.py). Unset, there is no proxy and no purge.
DELAKTIG_EDGE_URL = os.environ.get("DELAKTIG_EDGE_URL", "").strip().rstrip("/")
WAGTAILFRONTENDCACHE = (
    {
        "edge": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": DELAKTIG_EDGE_URL,
        }
    }
    if DELAKTIG_EDGE_URL
    else {}
)
# Swedish has no prefix: caching/edge.py purges both languages' addresses itself
# (and the page itself: the frontend_cache app is not installed, the caching
# layer's receivers send every purge).
WAGTAILFRONTENDCACHE_LANGUAGES = []
# Hidden inputs filled in anew for each visitor on a cached page or fragment (besides
# the CSRF token): input name -> dotted path of a function(request) -> str. The sign
# form's start time: an old one would let a robot past the minimum fill time.
PAGE_CACHE_FRESH_FIELDS = {"started": "proposals.forms.started_token_for_request"}

_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {
        "NAME": f"{_VALIDATORS}.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
]

# Language: Swedish first, English available under /en/.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Pages can be translated (Wagtail's simple_translation: a communicator copies a
# page into English and rewrites it); an untranslated page is served under /en/
# as it is, its Swedish marked lang="sv" (home/localised.py).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# E-mail: overridden per environment.
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Mittköpings kommun <noreply@mittkoping.se>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_SUBJECT_PREFIX = "[Delaktig] "
# Seconds a mail server may take to answer: a hung server must not hold a task
# (and its open transaction, background/mail.py) for longer.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))

# Tasks (e-mail, notifications, deadline sweeps) go through django-tasks.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# A task RUNNING longer than this is taken for orphaned (its worker died) and
# re-queued by `manage.py task_worker`; its mail is not sent twice.
DELAKTIG_TASK_STUCK_MINUTES = int(os.environ.get("DELAKTIG_TASK_STUCK_MINUTES", "15"))

SITE_ID = 1

# The demo (manage.py load_demo) creates users with published passwords.
DELAKTIG_DEMO_ALLOWED = True

# Admin under a configurable path (never guessable by default in production).
ADMIN_PATH = os.environ.get("DELAKTIG_ADMIN_PATH", "admin").strip("/")

# Wagtail
WAGTAIL_SITE_NAME = "Delaktig"
# The site's public address, the one source of every absolute link: manage.py
# set_site_url writes it to the Wagtail and Django site records (load_demo too).
DELAKTIG_SITE_URL = (
    os.environ.get("DELAKTIG_SITE_URL")
    or os.environ.get("WAGTAILADMIN_BASE_URL")
    or "http://127.0.0.1:8000"
).rstrip("/")
WAGTAILADMIN_BASE_URL = DELAKTIG_SITE_URL
# The Swedish Hunspell dictionary for search (path without .dic/.aff); by default the
# hunspell-sv package's, else Debian's (municipality/language/hunspell.py).
HUNSPELL_SV_PATH = os.environ.get("DELAKTIG_HUNSPELL_SV", "")
# The database's full text search, or an OpenSearch cluster for scale-out (search.py).
WAGTAILSEARCH_BACKENDS = search_backends(
    IS_POSTGRES,
    os.environ.get("DELAKTIG_OPENSEARCH_URL", ""),
    os.environ.get("DELAKTIG_OPENSEARCH_WORD_LIST", ""),
)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Text documents are stored and served as UTF-8 (municipality/document_forms.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "municipality.document_forms.DocumentForm"
WAGTAILDOCS_CONTENT_TYPES = {
    "txt": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_COMMENTS_ENABLED = True

# Comments on dialogue and proposal pages (django-comments-xtd).
COMMENTS_APP = "django_comments_xtd"
# One form for every commented object, in Swedish and without a homepage link.
COMMENTS_XTD_FORM_CLASS = "comments.forms.CommentForm"
COMMENTS_XTD_MAX_THREAD_LEVEL = 1  # two levels: a comment and its replies
COMMENTS_XTD_CONFIRM_EMAIL = True
# A comment's confirmation link works this many days after it was written (the
# library's signed link itself never expires).
COMMENT_CONFIRM_DAYS = int(os.environ.get("DELAKTIG_COMMENT_CONFIRM_DAYS", "7"))
# Send in the request (or a task), not in a thread that dies with the process.
COMMENTS_XTD_THREADED_EMAILS = False
COMMENTS_XTD_SALT = os.environ.get("COMMENTS_XTD_SALT", "delaktig-comments").encode()
COMMENTS_XTD_FROM_EMAIL = DEFAULT_FROM_EMAIL
COMMENTS_XTD_CONTACT_EMAIL = DEFAULT_FROM_EMAIL
# Never a Gravatar URL: it would leak a hash of the commenter's e-mail and load
# from a third party.
COMMENTS_XTD_API_GET_USER_AVATAR = "home.avatars.local_avatar"
# The same in the admin: staff avatars are Wagtail's default image, not a
# Gravatar request carrying a hash of the staff member's e-mail.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
COMMENTS_XTD_APP_MODEL_OPTIONS = {
    "default": {
        "allow_flagging": True,
        "allow_feedback": False,
        "show_feedback": False,
        "who_can_post": "all",
    }
}

# reCAPTCHA is off unless the municipality provides both keys.
RECAPTCHA_PUBLIC_KEY = os.environ.get("RECAPTCHA_PUBLIC_KEY", "")
RECAPTCHA_PRIVATE_KEY = os.environ.get("RECAPTCHA_PRIVATE_KEY", "")
RECAPTCHA_ENABLED = bool(RECAPTCHA_PUBLIC_KEY and RECAPTCHA_PRIVATE_KEY)
SILENCED_SYSTEM_CHECKS = (
    [] if RECAPTCHA_ENABLED else ["django_recaptcha.recaptcha_test_key_error"]
)

# Content-Security-Policy (django-csp): only the site's own scripts and styles, plus
# Google's reCAPTCHA hosts when the municipality has switched reCAPTCHA on.
RECAPTCHA_HOSTS = [
    "https://www.google.com/recaptcha/",
    "https://www.gstatic.com/recaptcha/",
]
_third_party = RECAPTCHA_HOSTS if RECAPTCHA_ENABLED else []
CONTENT_SECURITY_POLICY = {
    # The Wagtail admin uses inline scripts and styles; it is for staff only.
    "EXCLUDE_URL_PREFIXES": [f"/{ADMIN_PATH}/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", *_third_party],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": _third_party or ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

AXES_FAILURE_LIMIT = int(os.environ.get("DELAKTIG_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = int(os.environ.get("DELAKTIG_LOGIN_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "lockout.html"
AXES_RESET_ON_SUCCESS = True

# Behind a reverse proxy, REMOTE_ADDR is the proxy. Set how many proxies in front
# append to X-Forwarded-For, so rate limits and log-in throttling see residents.
DELAKTIG_TRUSTED_PROXY_COUNT = int(os.environ.get("DELAKTIG_TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "municipality.client_address.client_ip"


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "delaktig": {
            "handlers": ["console"],
            "level": os.environ.get("DELAKTIG_LOG_LEVEL", "INFO"),
        },
    },
}

LOGIN_URL = "wagtailadmin_login"

# Open data (opendata/): a read-only JSON and CSV API under /api/v1/, no log-in, no
# browsable HTML, described by an OpenAPI 3 document from drf-spectacular.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "opendata.pagination.OpenDataPagination",
    # One way to ask for CSV: the .csv addresses (a ?format= parameter is ignored).
    "URL_FORMAT_OVERRIDE": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Delaktig – öppna data",
    "DESCRIPTION": (
        "Dialoger och förslag från Delaktig som öppna data. Endast läsning. "
        "Inga personuppgifter utöver namn som redan visas offentligt."
    ),
    "VERSION": "1.0.0",
    "LICENSE": {
        "name": "CC0 1.0",
        "url": "https://creativecommons.org/publicdomain/zero/1.0/deed.sv",
    },
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "PREPROCESSING_HOOKS": ["opendata.schema.only_open_data"],
    "ENUM_NAME_OVERRIDES": {
        "DialogueStatusEnum": "dialogues.choices.Status",
        "ProposalStatusEnum": "opendata.serializers.PUBLIC_PROPOSAL_STATUSES",
        "TrailStatusEnum": "proposals.constants.Status",
    },
}

# CORS: anyone may read the open data from a browser; only GET (and HEAD, OPTIONS)
# and only under /api/. No cookies are sent or honoured.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False

# Personal-data retention (GDPR). Signers' and the proposer's e-mail and IP addresses
# are anonymised this many months after the proposal closed or was answered;
# commenters', log-in records' and the task queue's this many months after they were
# recorded. Counts and the names that were shown publicly are kept (a proposal is a
# public document). Carried out by `manage.py purge_personal_data` (daily from cron);
# every table and file is listed in the README's privacy section.
DELAKTIG_RETENTION_MONTHS = int(os.environ.get("DELAKTIG_RETENTION_MONTHS", "6"))

# Signing (and submitting) with Swedish e-legitimation through an identity broker
# that speaks OpenID Connect (eid/, README "E-legitimation"). Off while no issuer is
# set. The personal identity number is never stored: only an HMAC of it keyed with
# DELAKTIG_EID_HASH_KEY (not SECRET_KEY), one per person, to count a person once.
DELAKTIG_EID_ISSUER = os.environ.get("DELAKTIG_EID_ISSUER", "").rstrip("/")
DELAKTIG_EID_CLIENT_ID = os.environ.get("DELAKTIG_EID_CLIENT_ID", "")
DELAKTIG_EID_CLIENT_SECRET = os.environ.get("DELAKTIG_EID_CLIENT_SECRET", "")
DELAKTIG_EID_SCOPES = os.environ.get("DELAKTIG_EID_SCOPES", "openid")
# The claim carrying the personal identity number (the Swedish OIDC profile's name).
DELAKTIG_EID_PIN_CLAIM = os.environ.get(
    "DELAKTIG_EID_PIN_CLAIM", "https://id.oidc.se/claim/personalIdentityNumber"
)
# Where the broker gives it: the claim with the municipality code of residence, and
# this municipality's code, for boxes that take only residents' signatures.
DELAKTIG_EID_MUNICIPALITY_CLAIM = os.environ.get("DELAKTIG_EID_MUNICIPALITY_CLAIM", "")
DELAKTIG_EID_MUNICIPALITY_CODE = os.environ.get("DELAKTIG_EID_MUNICIPALITY_CODE", "")
DELAKTIG_EID_HASH_KEY = os.environ.get("DELAKTIG_EID_HASH_KEY", "")
# The local test identity provider (eid/testidp/): development and tests only, never
# in production (the production settings refuse it).
DELAKTIG_TEST_EID = False
if DELAKTIG_EID_ISSUER:
    # The sign form posts to the site, which redirects to the broker: browsers apply
    # form-action to that redirect.
    from urllib.parse import urlsplit as _urlsplit

    _issuer = _urlsplit(DELAKTIG_EID_ISSUER)
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"].append(
        f"{_issuer.scheme}://{_issuer.netloc}"
    )
