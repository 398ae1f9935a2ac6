"""A page cache for anonymous visitors, purged whenever content is published.

wagtail-cache, the usual choice, declares itself incompatible with Wagtail 8;
this is the small part of it the site needs, built on Django's cache.

What is cached: a 200 response to a GET or HEAD from a visitor who carries no
session and no pending messages, when the response sets no cookie and does not
vary on cookies. Django's CSRF middleware marks every response that embeds a
CSRF token with `Vary: Cookie`, so pages with forms are never shared between
visitors; logged-in editors always see fresh pages.

Query strings: a page is cached only when every parameter of its query string is one a public page
reads (`PAGE_CACHE_QUERY_PARAMETERS`), under a key of those parameters in sorted order. Any other
parameter (`?utm_source=…`, a counter added by a crawler) gets the page built afresh and not
stored, so no one can fill the cache with one entry per made-up query string.

Purging: the cache key includes a generation number kept in the cache; a
publication bumps it once its transaction commits (before, a concurrent request
could cache the old content again under the new generation), so every cached
page is dropped at once, on every server process sharing the cache (Redis),
without scanning keys.

The clock: what a page shows also changes by itself (a consultation opens or
closes, a day passes for the events and plans dated by day). Each app names
the next such moment through the `page_cache_next_change` Wagtail hook (a
function returning an aware datetime, or None); the generation includes the
earliest of them, so everything cached until then is dropped at that moment.
"""

from __future__ import annotations

import hashlib
import math
import time
import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import cc_delim_re
from wagtail import hooks

GENERATION_KEY = "page-cache:generation"
NEXT_CHANGE_KEY = "page-cache:next-change"
NEXT_CHANGE_HOOK = "page_cache_next_change"
CACHE_HEADER = "X-Page-Cache"
PAGE_CACHE_TIMEOUT = 60 * 60
# Cookies that make a response personal: a session (logged-in editors, per-visitor
# state) or messages waiting to be shown.
PERSONAL_COOKIES = ("messages",)
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/healthz", "/readyz", "/static/", "/media/")


def purge() -> None:
    """Drop every cached page (by moving to a new generation) once the current transaction commits."""
    transaction.on_commit(new_generation)


def new_generation() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def next_scheduled_change() -> float | None:
    """The earliest moment (a timestamp) at which a page changes by the clock, from every app's hook."""
    moments = [moment for moment in (function() for function in hooks.get_hooks(NEXT_CHANGE_HOOK)) if moment]
    return min(moments).timestamp() if moments else None


def cached_until_publication(key: str, build):
    """`build()`'s result, kept until the next purge: for data every page shows (menus, footer)."""
    return cache.get_or_set(key_until_publication(key), build, PAGE_CACHE_TIMEOUT)


def key_until_publication(key: str) -> str:
    """The cache key under which `key` is kept until the next purge (for values not always worth keeping)."""
    return f"page-data:{_generation()}:{key}"


def _generation() -> str:
    """The publications' generation and the next scheduled change: the part of every key that purges."""
    stored = cache.get_many([GENERATION_KEY, NEXT_CHANGE_KEY])
    generation = stored.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        cache.add(GENERATION_KEY, generation, None)
        generation = cache.get(GENERATION_KEY, generation)
    known = stored.get(NEXT_CHANGE_KEY)
    now = time.time()
    if known is not None and known[0] == generation and (known[1] is None or known[1] > now):
        moment = known[1]
    else:
        moment = next_scheduled_change()
        lasts = PAGE_CACHE_TIMEOUT if moment is None else max(1, min(PAGE_CACHE_TIMEOUT, math.ceil(moment - now)))
        cache.set(NEXT_CHANGE_KEY, (generation, moment), lasts)
    return f"{generation}:{moment}"


def _is_cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(EXCLUDED_PREFIXES):
        return False
    if not set(request.GET) <= settings.PAGE_CACHE_QUERY_PARAMETERS:
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and not any(name in cookies for name in PERSONAL_COOKIES)


def _is_cacheable_response(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    vary = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", ""))}
    cache_control = response.get("Cache-Control", "").lower()
    return "cookie" not in vary and "private" not in cache_control and "no-cache" not in cache_control


def _key(request: HttpRequest, generation: str) -> str:
    query = urlencode(sorted((name, request.GET.getlist(name)) for name in request.GET), doseq=True)
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    url = hashlib.sha256(address.encode()).hexdigest()
    return f"page-cache:{generation}:{request.method}:{url}"


class PageCacheMiddleware:
    """Answer anonymous visitors from the page cache; place it right after WhiteNoise."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not getattr(settings, "PAGE_CACHE", False) or not _is_cacheable_request(request):
            return self.get_response(request)
        key = _key(request, _generation())
        cached = cache.get(key)
        if cached is not None:
            cached[CACHE_HEADER] = "hit"
            return cached
        response = self.get_response(request)
        if _is_cacheable_response(response):
            response[CACHE_HEADER] = "miss"
            cache.set(key, response, PAGE_CACHE_TIMEOUT)
        return response
