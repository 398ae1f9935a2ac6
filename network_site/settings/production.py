"""Production: HTTPS only, secure cookies, HSTS; every secret from the environment.

`python manage.py check --deploy --settings=network_site.settings.production`
passes with no warning when SECRET_KEY and WAGTAILADMIN_BASE_URL are set.
"""

import os

from .base import *  # noqa: F403
from .base import env_bool, require_secret_key

DEBUG = False
require_secret_key()

# No default here: every link sent out is built on it, and `check --deploy` refuses an empty
# value (home/checks.py).
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Wagtail's live preview shows the page in a same-origin iframe: DENY would break
# it. SAMEORIGIN still forbids framing by any other site, so Django's reminder
# that the value is not DENY is silenced on purpose.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
