"""Local development: debug on, a throw-away secret key, mails printed to the console."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-not-for-production-use-0123456789abcdef"  # noqa: F405
