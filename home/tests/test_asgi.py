"""The ASGI handler (network_site/handlers.py): synchronous middleware chain, one pooled thread per request."""

import asyncio
import threading

import pytest
from asgiref.sync import async_to_sync, iscoroutinefunction
from channels.testing import HttpCommunicator
from django.core.signals import request_finished, request_started

from network_site.handlers import PooledThreadASGIHandler, ThreadPool


@pytest.fixture
def handler():
    handler = PooledThreadASGIHandler(threads=1)
    yield handler
    for executor in handler.pool.idle:
        executor.shutdown()


def get(application, path: str):
    communicator = HttpCommunicator(application, "GET", path, headers=[(b"host", b"localhost")])
    return async_to_sync(communicator.get_response)()


def test_a_request_runs_on_one_pooled_thread_which_the_next_request_reuses(db, handler):
    threads = []

    def record(**kwargs):
        threads.append(threading.get_ident())

    request_started.connect(record)
    request_finished.connect(record)
    try:
        responses = [get(handler, "/healthz") for _ in range(3)]
    finally:
        request_started.disconnect(record)
        request_finished.disconnect(record)
    assert [response["status"] for response in responses] == [200, 200, 200]
    assert len(threads) == 6
    # The same thread for the signals of every request (its database connection can be kept),
    # and never the event loop's.
    assert len(set(threads)) == 1
    assert threads[0] != threading.get_ident()


def test_the_middleware_chain_is_synchronous(handler):
    assert not iscoroutinefunction(handler._middleware_chain)


def test_a_pooled_thread_goes_to_one_request_at_a_time_in_order():
    pool = ThreadPool(1)

    async def scenario():
        first = await pool.acquire()
        second = asyncio.ensure_future(pool.acquire())
        third = asyncio.ensure_future(pool.acquire())
        await asyncio.sleep(0)
        assert not second.done() and not third.done()
        second.cancel()  # a request whose client left while it waited
        await asyncio.sleep(0)
        pool.release(first)
        assert await third is first
        pool.release(first)
        assert pool.idle == [first] and not pool.waiting

    try:
        async_to_sync(scenario)()
    finally:
        pool.idle[0].shutdown()
