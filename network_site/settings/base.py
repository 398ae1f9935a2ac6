"""Settings shared by every environment, read from the environment.

Every value that differs between a laptop and a production server comes from an
environment variable (documented in the README); the defaults give an embedded
set-up: SQLite in the repository and the in-memory channel layer.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# WebSockets are opened only from pages of these origins (network_site/asgi.py), compared by
# scheme, host and port: the site over HTTPS on each allowed host (a leading dot: its
# subdomains too), and the trusted origins, which name any other port or scheme.
WEBSOCKET_ALLOWED_ORIGINS = [*(f"https://{host}" for host in ALLOWED_HOSTS), *CSRF_TRUSTED_ORIGINS]

INSTALLED_APPS = [
    "home",
    "consultations",
    "workshops",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
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
    "channels",
    "django_tasks",
    "django_tasks_db",
    "health_check",
    "axes",
    "daphne" if os.environ.get("ASGI_SERVER") == "daphne" else None,
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]
INSTALLED_APPS = [app for app in INSTALLED_APPS if app]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "home.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "home.middleware.RefuseNulCharacterMiddleware",  # after the locale: the 400 page is translated
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "network_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "network_site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "network_site.wsgi.application"
ASGI_APPLICATION = "network_site.asgi.application"

# --- Database -----------------------------------------------------------------
# SQLite by default, tuned so that concurrent writers queue instead of failing
# with "database is locked": WAL journal, a busy timeout and IMMEDIATE
# transactions (the write lock is taken at BEGIN, never upgraded mid-way).
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
# HTTP requests run on a fixed pool of ASGI_THREADS threads per worker process
# (network_site/handlers.py), each keeping its connection between requests: a worker holds at
# most ASGI_THREADS connections for pages, plus one for WebSockets (Channels' database thread).
# Health checks reopen a connection the database server dropped (PostgreSQL restarts).
ASGI_THREADS = int(os.environ.get("ASGI_THREADS", "4"))
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=None, conn_health_checks=True)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: cache and channel layer -------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")


def cache_and_channel_layers(redis_url: str) -> tuple[dict, dict]:
    """Caches and the channel layer: Redis when `redis_url` is set, else in memory.

    With Redis, the site degrades instead of going down when Redis does: the page and
    renditions caches ignore Redis errors (django-redis logs them and the page is built
    uncached); the counters of rate limits and double posts (`limits`) raise them, and
    `home.ratelimit` then counts in the process's own memory (`local`) until Redis is back.
    Every call gives up after a second instead of hanging on an unreachable host.
    """
    local = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "local"}
    if not redis_url:
        return (
            {
                "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
                "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "renditions"},
                "limits": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "limits"},
                "local": local,
            },
            {"default": {"BACKEND": "home.live.InMemoryChannelLayer"}},
        )
    from channels_redis.core import RedisChannelLayer

    def redis_cache(prefix: str, *, ignore_errors: bool, **extra) -> dict:
        options = {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1, "IGNORE_EXCEPTIONS": ignore_errors}
        return {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": prefix,
            "OPTIONS": options,
            **extra,
        }

    # A consumer waits for its messages in a BZPOPMIN that Redis holds for `brpop_timeout` (5 s)
    # when nothing comes; redis-py's default read timeout is also 5 s, so a quiet spell would
    # raise TimeoutError in that consumer and drop its WebSocket. Reads get longer than the wait.
    layer_host = {"address": redis_url, "socket_timeout": RedisChannelLayer.brpop_timeout + 10}
    return (
        {
            "default": redis_cache("shabaka", ignore_errors=True),
            # Wagtail keeps image renditions' addresses here instead of asking the database.
            "renditions": redis_cache("shabaka-renditions", ignore_errors=True, TIMEOUT=60 * 60 * 24),
            "limits": redis_cache("shabaka-limits", ignore_errors=False),
            "local": local,
        },
        {
            "default": {
                "BACKEND": "channels_redis.core.RedisChannelLayer",
                "CONFIG": {"hosts": [layer_host], "prefix": "shabaka"},
            }
        },
    )


# django-redis logs the Redis errors it ignores (the site runs degraded until Redis is back).
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
CACHES, CHANNEL_LAYERS = cache_and_channel_layers(REDIS_URL)

# The largest WebSocket frame the ASGI server reads (uvicorn `--ws-max-size`, 16 MB by default):
# a longer one closes the connection (1009) before its payload is read. Every place that starts
# a server passes this value (Makefile, docs/operations.md, home/tests/browser.py and servers.py,
# bench/benchlib.py); consumers refuse text over 2000 bytes themselves, with a translated error.
WEBSOCKET_MAX_FRAME_BYTES = 64 * 1024

# --- Background tasks (django-tasks) ------------------------------------------------
# Embedded default: tasks run at once, in the request. In production set
# TASKS_BACKEND=django_tasks_db.DatabaseBackend and run `manage.py db_worker`.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}}
EXPORT_FILES_KEPT_DAYS = 7
# A running export not heard of for this long lost its worker: its page offers to start it again.
EXPORT_STALLED_AFTER_SECONDS = int(os.environ.get("EXPORT_STALLED_AFTER_SECONDS", "300"))
# A closed consultation's public results are counted during the page view up to this many
# responses; above, in the background (consultations/results.py).
CONSULTATION_RESULTS_COUNTED_AT_ONCE = int(os.environ.get("CONSULTATION_RESULTS_COUNTED_AT_ONCE", "5000"))
# Public answers that count at once, per address and consultation, per hour: enough for a hall of
# citizens on one Wi-Fi. Past it answers are still stored, held for an organiser to release.
CONSULTATION_ANSWERS_PER_ADDRESS_PER_HOUR = int(os.environ.get("CONSULTATION_ANSWERS_PER_ADDRESS_PER_HOUR", "200"))
# Images the public uploads (answer files, proposal attachments): the most pixels one may have,
# checked from its header before decoding, and how many are decoded at once per server process.
PUBLIC_IMAGE_MAX_PIXELS = int(os.environ.get("PUBLIC_IMAGE_MAX_PIXELS", "12000000"))
PUBLIC_IMAGE_DECODES_AT_ONCE = int(os.environ.get("PUBLIC_IMAGE_DECODES_AT_ONCE", "2"))
# Filled questionnaires (XLSX) an organiser imports: per file, what it may unpack to and how many
# cells its sheets may hold (checked before parsing); per request, how many files and bytes.
OFFLINE_IMPORT_MAX_UNCOMPRESSED_BYTES = int(
    os.environ.get("OFFLINE_IMPORT_MAX_UNCOMPRESSED_BYTES", str(10 * 1024 * 1024))
)
OFFLINE_IMPORT_MAX_CELLS = int(os.environ.get("OFFLINE_IMPORT_MAX_CELLS", "100000"))
OFFLINE_IMPORT_MAX_FILES = int(os.environ.get("OFFLINE_IMPORT_MAX_FILES", "50"))
OFFLINE_IMPORT_MAX_BYTES = int(os.environ.get("OFFLINE_IMPORT_MAX_BYTES", str(25 * 1024 * 1024)))
# Live sessions: an idea is flagged for facilitators when more than this many votes came from one
# network address within this many seconds.
LIVE_VOTE_BURST_VOTES = int(os.environ.get("LIVE_VOTE_BURST_VOTES", "5"))
LIVE_VOTE_BURST_SECONDS = int(os.environ.get("LIVE_VOTE_BURST_SECONDS", "60"))
# How long the link confirming a proposal's support stays valid (seconds).
SUPPORT_CONFIRMATION_MAX_AGE = int(os.environ.get("SUPPORT_CONFIRMATION_MAX_AGE", str(3 * 24 * 3600)))

# --- Internationalisation ---------------------------------------------------------
# One tuple drives Django's languages and Wagtail's content locales. Arabic is the
# network's first language and the default locale of the page tree.
LANGUAGE_CODE = "ar"
LANGUAGES = [
    ("ar", "العربية"),
    ("fr", "Français"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Africa/Casablanca"
USE_I18N = True
USE_TZ = True

# --- Static and media files ------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Files holding personal data (answer files, attachments, exports): outside MEDIA_ROOT, so that
# no public URL maps to them; served only by views that check permissions (home/private_files.py).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
# In production, the internal nginx location that serves PRIVATE_MEDIA_ROOT, e.g. "/private-media/"
# (docs/operations.md); empty: Django streams the files itself.
PRIVATE_MEDIA_ACCEL_REDIRECT = os.environ.get("PRIVATE_MEDIA_ACCEL_REDIRECT", "")
# With the private files on object storage (S3Storage): how long a signed download address lives.
PRIVATE_MEDIA_SIGNED_URL_SECONDS = 60
STORAGES = {
    "default": {"BACKEND": os.environ.get("MEDIA_STORAGE", "django.core.files.storage.FileSystemStorage")},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- E-mail ---------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Shabaka <no-reply@shabaka.example.ma>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Wagtail ----------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Shabaka"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "csv", "txt", "zip"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Uploaded images lose their EXIF (GPS position included) before they are stored.
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.forms.StrippedImageForm"
# Anonymous visitors are served from the page cache (home/page_cache.py).
PAGE_CACHE = env_bool("PAGE_CACHE", True)
# The query parameters public pages read (filters, search, pagination): only pages whose query
# string holds nothing else are cached (home/page_cache.py).
PAGE_CACHE_QUERY_PARAMETERS = frozenset(
    {"page", "q", "kind", "mechanism", "theme", "commune", "status", "axis", "year", "workshop"}
)

# --- Security headers shared by every environment ---------------------------------------
# The public site runs no inline script or style. Wagtail's and Django's admins
# still do, so they are left out of the policy.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-src": ["https://www.youtube-nocookie.com", "https://www.youtube.com", "https://player.vimeo.com"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
    },
}
CONTENT_SECURITY_POLICY_REPORT_ONLY = None
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# --- Accounts: failed logins and password resets are throttled ---------------------------
# django-axes counts failed logins per username and per client address (REMOTE_ADDR, see
# home/ratelimit.py) and refuses the next ones, even with the right password, for a while.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "home.ratelimit.client_address"
AXES_LOCKOUT_TEMPLATE = "home/account_locked.html"
AXES_RESET_ON_SUCCESS = True
# Password reset requests accepted per hour, per client address and per e-mail address.
PASSWORD_RESETS_PER_HOUR = int(os.environ.get("PASSWORD_RESETS_PER_HOUR", "5"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}


def require_secret_key() -> None:
    """Refuse to start a production process without a real secret key."""
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(_("SECRET_KEY must be set to a random string of at least 50 characters."))
