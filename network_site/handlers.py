"""Django's ASGI handler, made cheap for a site whose middleware and views are all synchronous.

Django's own `ASGIHandler` costs several milliseconds of CPU per request here (`/healthz`:
7 ms under uvicorn against 0.3 ms through the synchronous handler), for two reasons:

* it runs the middleware in async mode: every `MiddlewareMixin` middleware then moves
  `process_request` and `process_response` to a thread and back, WhiteNoise and the page
  cache (synchronous only) switch back again, and the view hops once more: about twenty
  switches between the event loop and a thread per request;
* it gives each request a new thread (a `ThreadSensitiveContext` without an executor), which
  dies with the request, so the thread's database connection is opened and closed every time.

`PooledThreadASGIHandler` runs the synchronous middleware chain (as the WSGI handler does) in
one switch per request, on a thread borrowed from a fixed pool: each thread keeps its database
connection from one request to the next (`CONN_MAX_AGE`), and a worker process never holds more
than `threads` connections for HTTP requests. A request that finds every thread busy waits on
the event loop for one to be free.
"""

from __future__ import annotations

import asyncio
import collections
from concurrent.futures import ThreadPoolExecutor

import django
from asgiref.sync import ThreadSensitiveContext, sync_to_async
from django.core.handlers.asgi import ASGIHandler
from django.http import HttpRequest, HttpResponseBase


class ThreadPool:
    """`size` single-thread executors lent to one request at a time, in the order they were asked for."""

    def __init__(self, size: int):
        if size < 1:
            raise ValueError("the pool needs at least one thread")
        self.idle = [ThreadPoolExecutor(max_workers=1, thread_name_prefix="request") for _ in range(size)]
        self.waiting: collections.deque[asyncio.Future[ThreadPoolExecutor]] = collections.deque()

    async def acquire(self) -> ThreadPoolExecutor:
        if self.idle and not self.waiting:
            return self.idle.pop()  # the most recently used thread: its connection is the freshest
        waiter = asyncio.get_running_loop().create_future()
        self.waiting.append(waiter)
        try:
            return await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.release(waiter.result())  # handed over just as the request was cancelled
            else:
                self.waiting.remove(waiter)
            raise

    def release(self, executor: ThreadPoolExecutor) -> None:
        while self.waiting:
            waiter = self.waiting.popleft()
            if not waiter.done():
                waiter.set_result(executor)
                return
        self.idle.append(executor)


class PooledThreadASGIHandler(ASGIHandler):
    """HTTP through the synchronous middleware chain, in one thread switch, on a pooled thread."""

    def __init__(self, threads: int):
        self.pool = ThreadPool(threads)
        super().__init__()

    def load_middleware(self, is_async: bool = False) -> None:
        # Every middleware of the site can run synchronously; the chain is then the WSGI handler's.
        super().load_middleware(is_async=False)

    async def get_response_async(self, request: HttpRequest) -> HttpResponseBase:
        return await sync_to_async(self.get_response, thread_sensitive=True)(request)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            raise ValueError(f"Django can only handle ASGI/HTTP connections, not {scope['type']}.")
        executor = await self.pool.acquire()
        try:
            # Every thread-sensitive call of the request (signals, middleware, view, closing the
            # response) runs on this thread.
            async with ThreadSensitiveContext(executor=executor):
                await self.handle(scope, receive, send)
        finally:
            self.pool.release(executor)


def get_asgi_application() -> PooledThreadASGIHandler:
    """As `django.core.asgi.get_asgi_application`, with the pooled handler of `settings.ASGI_THREADS` threads."""
    django.setup(set_prefix=False)
    from django.conf import settings

    return PooledThreadASGIHandler(settings.ASGI_THREADS)
