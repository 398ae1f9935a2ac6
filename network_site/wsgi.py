"""WSGI entry point, for hosts without an ASGI server (no live features there)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network_site.settings.dev")

application = get_wsgi_application()
