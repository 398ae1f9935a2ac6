"""A small rate limit on Django's cache, per client and per action.

Each subject's window opens with its first request and lasts `window` seconds
(the counter's expiry is set once, by `add`; `incr` keeps it). Unlike windows
aligned on the clock, a burst cannot straddle a boundary to get twice the limit
through, and whether a burst is limited does not depend on the time of day.

Counters live in the `limits` cache: with Redis every server process shares them;
with the in-memory cache each process counts on its own (fine for one process).
When Redis cannot be reached the counting goes on in the process's own memory
(`local`), so limits still hold, per process, and no request fails for it.
"""

from __future__ import annotations

import hashlib
import logging

from django.core.cache import caches
from django.http import HttpRequest
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR only (also django-axes' `AXES_CLIENT_IP_CALLABLE`).

    Behind a reverse proxy, uvicorn sets it from `X-Forwarded-For` for the proxies
    it trusts (`--forwarded-allow-ips`, see docs/operations.md); reading the header
    here would let any client choose its address, and so escape every limit.
    """
    return request.META.get("REMOTE_ADDR", "")


def client_id(request: HttpRequest) -> str:
    """A stable, non-reversible identifier of the client: its address and browser."""
    address = client_address(request)
    agent = request.META.get("HTTP_USER_AGENT", "")[:200]
    return hashlib.sha256(f"{address}|{agent}".encode()).hexdigest()[:32]


def is_rate_limited(request: HttpRequest, action: str, *, limit: int, window: int) -> bool:
    """Count this request; True once the client has made more than `limit` in the current `window` seconds."""
    return is_over_limit(f"{action}:{client_id(request)}", limit=limit, window=window)


def is_over_limit(subject: str, *, limit: int, window: int) -> bool:
    """Count one more for `subject`; True once it has more than `limit` in the `window` seconds since its first."""
    key = f"ratelimit:{subject}:{window}"
    return _with_counters(lambda counters: _count(counters, key, window)) > limit


def _count(counters, key: str, timeout: int) -> int:
    counters.add(key, 0, timeout)
    try:
        return counters.incr(key)
    except ValueError:  # expired between add and incr
        counters.set(key, 1, timeout)
        return 1


def first_time(key: str, seconds: int) -> bool:
    """True the first time `key` is seen within `seconds` (atomic on Redis and in memory)."""
    return _with_counters(lambda counters: counters.add(f"once:{key}", 1, seconds))


def remember(key: str, value, seconds: int) -> None:
    """Keep `value` under `key` for `seconds`, where every server process can `recall` it."""
    _with_counters(lambda counters: counters.set(f"remember:{key}", value, seconds))


def recall(key: str):
    """What was last remembered under `key`, or None once it has expired."""
    return _with_counters(lambda counters: counters.get(f"remember:{key}"))


def _with_counters(operation):
    """`operation(cache)` on the shared counters, or on this process's own while Redis is unreachable."""
    try:
        return operation(caches["limits"])
    except RedisError:
        logger.warning("Redis unreachable: rate limits and double posts counted in this process only")
        return operation(caches["local"])
