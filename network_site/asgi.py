"""ASGI entry point: HTTP through Django, WebSockets through Channels' router.

Each app that has live features contributes its WebSocket routes; they are
gathered here so that the apps never import each other. HTTP goes through
`network_site.handlers`: Django's handler run synchronously on a pool of threads.
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network_site.settings.dev")

from network_site.handlers import get_asgi_application

# Django must be set up before anything imports models.
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import OriginValidator  # noqa: E402
from django.conf import settings  # noqa: E402

from network_site.routing import websocket_urlpatterns  # noqa: E402


def websocket_application(allowed_origins: list[str]):
    """Every app's WebSocket routes, with the visitor's session, opened from pages of `allowed_origins` only.

    Channels' `OriginValidator` compares the handshake's Origin with each allowed origin by
    scheme, host and port (a bare host matches any scheme and port); a handshake without an
    Origin, or from elsewhere, is refused before any consumer runs.
    """
    return OriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns)), allowed_origins)


application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": websocket_application(settings.WEBSOCKET_ALLOWED_ORIGINS),
    }
)
