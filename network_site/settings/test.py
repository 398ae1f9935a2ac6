"""Test runs: fast hashing, no page cache unless a test turns it on, mails kept in memory."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key-0123456789abcdef0123456789abcdef0123456789"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PAGE_CACHE = False
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
