"""System checks of the production configuration, run by `manage.py check --deploy`."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def check_public_address(app_configs, **kwargs) -> list[Error]:
    """WAGTAILADMIN_BASE_URL must be the site's https address: every link sent out is built on it."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL or "")
    if address.scheme == "https" and address.netloc:
        return []
    return [
        Error(
            "WAGTAILADMIN_BASE_URL must be the site's public https address, e.g. https://shabaka.example.ma.",
            hint="Member links, invitations and password reset e-mails are built on it.",
            id="home.E001",
        )
    ]
