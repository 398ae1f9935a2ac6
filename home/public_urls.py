"""Absolute links to the public site, always on its configured address.

Links that leave the site (e-mails, QR codes, exports) are built on
`WAGTAILADMIN_BASE_URL`, never on the request's Host header or on the Site
record's host name: a request reaching the server under another name (an IP
address, an internal name, a forged Host) must not put that name in a link a
council will follow. Production refuses to pass `check --deploy` without it
(`home/checks.py`).
"""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Page


def absolute_url(path: str) -> str:
    """`path` (starting with /) on the site's public address."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def page_absolute_url(page: Page) -> str | None:
    """The public address of `page`, in its own language tree; None for a page outside every site."""
    url_parts = page.get_url_parts()
    if url_parts is None:
        return None
    _site_id, _root_url, page_path = url_parts
    return absolute_url(page_path)
