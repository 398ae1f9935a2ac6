"""Input that careless code breaks on, shared by every app's tests of odd input."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from urllib.parse import quote

from django.test import Client
from django.urls import URLResolver, get_resolver
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

# WebSocket frames under the consumers' size limit (2000 bytes) nested as deep as it allows, and a
# valid message nested less deep: a bare array, then arrays and objects as a message's value.
DEEPLY_NESTED_FRAMES = [
    "[" * 990 + "]" * 990,
    '{"type": "vote", "idea": ' + "[" * 980 + "]" * 980 + "}",
    '{"type": "vote", "idea": ' + '{"":' * 390 + "1" + "}" * 390 + "}",
    '{"type": "vote", "idea": [[[[[1]]]]]}',
]

NASTY_TEXT = [
    "\x00",
    "a\x00b",
    '"',
    'un "guillemet',
    "l'apostrophe",
    "x" * 10_000,
    "\u202eتطوان",  # right-to-left override
]
# As they travel in a URL: the texts above percent-encoded, then escapes that are not UTF-8.
NASTY_ESCAPES = [quote(text, safe="") for text in NASTY_TEXT] + ["%C3%28", "%FF"]

# Every query parameter a public view or page reads (`request.GET`): add the one a new view reads.
QUERY_PARAMETERS = (
    "q",
    "page",
    "since",
    "code",
    "lang",
    "format",
    "kind",
    "mechanism",
    "theme",
    "axis",
    "year",
    "commune",
    "status",
    "workshop",
    "consultation",
    "header_language",
    "multiple_choice",
    "export_format",
    "next",
)
ADMIN_PREFIXES = ("admin/", "django-admin/")
PARAMETER_RE = re.compile(r"<[^>]+>|\((?:[^()]|\([^()]*\))*\)")


def route_templates(patterns, prefix: str = "") -> Iterator[str]:
    """Each URL pattern below `prefix` outside the admin, with `{}` where each of its parameters goes."""
    for entry in patterns:
        route = prefix + str(entry.pattern).replace("^", "").replace("$", "")
        if route.startswith(ADMIN_PREFIXES):
            continue
        if isinstance(entry, URLResolver):
            yield from route_templates(entry.url_patterns, route)
        else:
            yield PARAMETER_RE.sub("{}", route)


def public_route_templates() -> list[str]:
    """Every URL pattern of the site outside the admin (`django.urls.get_resolver()`), as a path."""
    return ["/" + route for route in route_templates(get_resolver().url_patterns)]


def page_route_templates(pages: Iterable[Page]) -> list[str]:
    """Each live page's path and, for a page with routes of its own (exports, results...), each route's."""
    templates = []
    for page in pages:
        templates.append(page.url)
        if isinstance(page, RoutablePageMixin):
            templates += [page.url + route for route in route_templates(page.get_resolver().url_patterns)]
    return templates


def odd_urls(path: str) -> Iterator[str]:
    """`path` (its `{}` filled) with each nasty value in every query parameter, and as a last path segment."""
    for escaped in NASTY_ESCAPES:
        filled = path.replace("{}", escaped)
        yield filled + "?" + "&".join(f"{name}={escaped}" for name in QUERY_PARAMETERS)
        if "{}" not in path:
            yield f"{filled.rstrip('/')}/{escaped}/"


def live_pages(app_label: str | None = None, language: str = "fr") -> list[Page]:
    """The live pages of one language (the others run the same code), of one app's types if given."""
    pages = Page.objects.live().filter(depth__gt=1, locale__language_code=language)
    if app_label is not None:
        pages = pages.filter(content_type__app_label=app_label)
    return list(pages.specific())


def server_errors(paths: Iterable[str]) -> list[tuple[str, int]]:
    """The odd URLs of `paths` answered with a 5xx, as (the URL's start, status): none is the goal."""
    client = Client(raise_request_exception=False)
    answers = ((url, client.get(url).status_code) for path in dict.fromkeys(paths) for url in odd_urls(path))
    return [(url[:100], status) for url, status in answers if status >= 500]
