"""A small fixed-window rate limit on Django's cache, per client and per action.

With Redis as the cache every server process shares the counters; with the
in-memory cache each process counts on its own (fine for one process).
"""

from __future__ import annotations

import hashlib
import time

from django.core.cache import cache
from django.http import HttpRequest


def client_id(request: HttpRequest) -> str:
    """A stable, non-reversible identifier of the client: its address and browser.

    The address is REMOTE_ADDR only. Behind a reverse proxy, uvicorn sets it from
    `X-Forwarded-For` for the proxies it trusts (`--forwarded-allow-ips`, see
    docs/operations.md); reading the header here would let any client choose
    its address, and so escape every limit.
    """
    address = request.META.get("REMOTE_ADDR", "")
    agent = request.META.get("HTTP_USER_AGENT", "")[:200]
    return hashlib.sha256(f"{address}|{agent}".encode()).hexdigest()[:32]


def is_rate_limited(request: HttpRequest, action: str, *, limit: int, window: int) -> bool:
    """Count this request; True once the client has made more than `limit` in the current `window` seconds."""
    return is_over_limit(f"{action}:{client_id(request)}", limit=limit, window=window)


def is_over_limit(name: str, *, limit: int, window: int) -> bool:
    """Count one more event under `name`; True once more than `limit` were counted in the current `window` seconds.

    For limits that follow someone other than the HTTP client (e.g. a live session's participant,
    whichever socket or request they use).
    """
    bucket = int(time.time() // window)
    key = f"ratelimit:{name}:{bucket}"
    cache.add(key, 0, window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window + 1)
        count = 1
    return count > limit


def first_time(key: str, seconds: int) -> bool:
    """True the first time `key` is seen within `seconds` (atomic on Redis and in memory)."""
    return cache.add(f"once:{key}", 1, seconds)
