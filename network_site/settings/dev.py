"""Local development: debug on, a throw-away secret key, mails printed to the console.

WebSockets are also accepted from pages of the allowed hosts over plain HTTP on any port
(`make run` on any `PORT`, or a phone on the local network): the bare host names join
`WEBSOCKET_ALLOWED_ORIGINS`, and Channels' `OriginValidator` matches a bare host whatever the
scheme and port. Production keeps scheme, host and port.
"""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-not-for-production-use-0123456789abcdef"  # noqa: F405
WEBSOCKET_ALLOWED_ORIGINS = [*WEBSOCKET_ALLOWED_ORIGINS, *ALLOWED_HOSTS]  # noqa: F405
