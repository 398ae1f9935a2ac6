"""Test runs: fast hashing, no page cache unless a test turns it on, mails kept in memory.

WebSockets are also accepted from pages of the allowed hosts over plain HTTP on any port
(the test servers on random ports of 127.0.0.1): the bare host names join
`WEBSOCKET_ALLOWED_ORIGINS`, and Channels' `OriginValidator` matches a bare host whatever the
scheme and port. Production keeps scheme, host and port.
"""

import atexit
import os
import re
import shutil
import tempfile

from .base import *  # noqa: F403
from .base import cache_and_channel_layers

SECRET_KEY = "test-only-key-0123456789abcdef0123456789abcdef0123456789"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PAGE_CACHE = False
# The ASGI server some tests run in a thread (home/tests/browser.py) keeps its request threads
# for the whole session: kept connections would stop PostgreSQL from dropping the test database.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
# Private files of a test run go to a folder of their own, removed when the process ends.
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="shabaka-private-")
atexit.register(shutil.rmtree, PRIVATE_MEDIA_ROOT, ignore_errors=True)
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {**STORAGES["private"], "OPTIONS": {"location": PRIVATE_MEDIA_ROOT}},  # noqa: F405
}

WEBSOCKET_ALLOWED_ORIGINS = [*WEBSOCKET_ALLOWED_ORIGINS, *ALLOWED_HOSTS]  # noqa: F405

# Parallel test processes (pytest-xdist) each get their own Redis database: clearing the
# cache between tests flushes a whole database, which must not be another process's.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _worker:  # noqa: F405
    _database = int(_worker.removeprefix("gw") or 0) + 1
    CACHES, CHANNEL_LAYERS = cache_and_channel_layers(re.sub(r"/\d*$", "", REDIS_URL) + f"/{_database}")  # noqa: F405
