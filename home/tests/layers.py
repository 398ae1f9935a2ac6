"""Fixture data built once per test process and shared by every test that asks for it.

Building the trilingual test site through Wagtail (pages, revisions, translations, search index,
references) costs seconds, and nearly every test asks for it. So each *layer* of fixture data (the
site, then the workshops on it…) is built once, committed, and each test that asks for it runs in
its own transaction on top of it, rolled back at its end: what Django's `setUpTestData` does for a
class, done here for the whole process.

Before a test's database fixture is set up, `pytest_fixture_setup` makes the database hold exactly
the layers the test asks for through its fixtures: missing ones are built on top; if it holds a
layer the test does not ask for, the database goes back to its state after migrations first. A test
that asks for no layer runs on whatever layers the database holds (at least what migrations made:
groups, the root page and collection…), so it must not depend on the pages there. Tests in real
transactions (`transactional_db`, `live_server`) start from the state after migrations, as Django
gives them, and build their layers inside the test, committed and flushed at its end.

Each test gets fresh model instances of the layer (one per row, shared by its layers), so changes
a test makes to them never reach the next test.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.db import models

_LAYERS: dict[str, tuple[str | None, Callable[[Any], Any]]] = {}


class _Database:
    """What the test database holds, in this test process."""

    layers: list[str] | None = []  # None: unknown (a transactional test flushed it)
    frozen: dict[str, Any] = {}
    initial_contents: str | None = None  # recorded before the first test touches it


def shared_layer(parent: str | None = None):
    """Declare a layer: `build(parent_value)` makes its data; the decorated name becomes its fixture."""

    def declare(build: Callable[[Any], Any]):
        name = build.__name__
        _LAYERS[name] = (parent, build)

        @pytest.fixture(name=name)
        def layer_fixture(request, db):
            if is_transactional(request.node):
                return build(request.getfixturevalue(parent) if parent else None)
            if name not in (_Database.layers or []):
                raise RuntimeError(f"layer {name!r} was not prepared before the test's database")
            return _thaw(_Database.frozen[name], request.node.stash.setdefault(_INSTANCES, {}))

        layer_fixture.__doc__ = build.__doc__
        return layer_fixture

    return declare


_INSTANCES = pytest.StashKey[dict]()


def is_transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


def layers_asked_for(item: pytest.Item) -> list[str]:
    """The chain of layers the test's fixtures ask for, from the bottom up."""
    asked = [name for name in _LAYERS if name in getattr(item, "fixturenames", ())]
    deepest = max(asked, key=lambda name: len(_chain(name)), default=None)
    chain = _chain(deepest) if deepest else []
    if not set(asked) <= set(chain):
        raise RuntimeError(f"{item.nodeid} asks for layers of two branches: {asked}")
    return chain


def _chain(name: str) -> list[str]:
    parent, _ = _LAYERS[name]
    return [*(_chain(parent) if parent else []), name]


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    # `_django_db_helper` opens the test's transaction (or not, for transactional tests) after the
    # test database exists: the last moment at which committed data can still be laid underneath.
    if fixturedef.argname == "_django_db_helper":
        _prepare(request.node, request.getfixturevalue("django_db_blocker"))
    return (yield)


def _prepare(item: pytest.Item, blocker) -> None:
    from django.db import connection

    with blocker.unblock():
        if _Database.initial_contents is None:
            _Database.initial_contents = _contents_types_first(connection.creation.serialize_db_to_string())
        if is_transactional(item):
            if _Database.layers != []:
                _reset()
            _Database.layers = None  # the test's own flush leaves an empty database
            return
        wanted = layers_asked_for(item)
        if not wanted:
            if _Database.layers is None:  # flushed: give back at least what migrations made
                _reset()
            return
        if _Database.layers is None or _Database.layers != wanted[: len(_Database.layers)]:
            _reset()
        for name in wanted[len(_Database.layers) :]:
            parent, build = _LAYERS[name]
            parent_value = _thaw(_Database.frozen[parent], {}) if parent else None
            _Database.frozen[name] = _freeze(build(parent_value))
            _Database.layers.append(name)


def _contents_types_first(serialized: str) -> str:
    """Content types go back first: signal handlers met while the other rows go back in look them up,
    and would otherwise create them anew under other keys."""
    rows = json.loads(serialized)
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    return json.dumps(rows)


def _reset() -> None:
    """Back to the database as migrations left it (Django's serialized rollback, by hand)."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection

    # Sequences keep their values, past the keys of the rows that come back (as in Django's own).
    call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True, reset_sequences=False)
    ContentType.objects.clear_cache()
    connection.creation.deserialize_db_from_string(_Database.initial_contents)
    _Database.layers = []
    _Database.frozen = {}


@dataclasses.dataclass(frozen=True)
class _Row:
    model: type[models.Model]
    pk: Any


def _rebuild(value: Any, leaf) -> Any:
    """`value` with each model instance or row reference replaced by `leaf(it)`, through
    dataclasses, dicts, lists and tuples."""
    if isinstance(value, models.Model | _Row):
        return leaf(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {field.name: _rebuild(getattr(value, field.name), leaf) for field in dataclasses.fields(value)}
        return dataclasses.replace(value, **fields)
    if isinstance(value, dict):
        return {key: _rebuild(item, leaf) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_rebuild(item, leaf) for item in value)
    return value


def _freeze(value: Any) -> Any:
    """The layer's value with its model instances replaced by references to their rows."""
    return _rebuild(value, lambda instance: _Row(type(instance), instance.pk))


def _thaw(value: Any, instances: dict) -> Any:
    """The layer's value with fresh model instances, one per row in `instances`."""

    def load(row: _Row) -> models.Model:
        if (row.model, row.pk) not in instances:
            instances[row.model, row.pk] = row.model._base_manager.get(pk=row.pk)
        return instances[row.model, row.pk]

    return _rebuild(value, load)
