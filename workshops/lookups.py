"""Small tables every workshops page translates labels with, cached until the next publication.

Axes, themes and member communes are a few dozen rows that change only when an
organiser saves one (snippets) or publishes a page; pages and exports show them
in the visitor's language. Reading them once per language and keeping them
under the page-cache generation (`home.page_cache.cached_until_publication`)
saves a query per kind of label on every page. Saving an axis, an organisation
or a theme, or publishing a page, moves to a new generation (`apps.py`,
`home.apps`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from home.models import CommunePage, Theme
from home.page_cache import cached_until_publication

from .models.snippets import Axis


@dataclass
class Lookups:
    """Labels of one language: each object is the translation in that language where there is one."""

    axes: dict = field(default_factory=dict)  # pk of an axis in any language -> axis in this language
    themes: dict = field(default_factory=dict)  # same for themes
    commune_titles: dict = field(default_factory=dict)  # pk of a member page in any language -> title

    def axis(self, pk):
        return self.axes.get(pk) if pk else None

    def theme(self, pk):
        return self.themes.get(pk) if pk else None

    def axis_by_code(self, code: str):
        return next((axis for axis in self.axes.values() if axis.code == code), None) if code else None

    def unique_axes(self) -> list:
        """One axis per code, in their order."""
        seen = {axis.code: axis for axis in self.axes.values()}
        return sorted(seen.values(), key=lambda axis: (axis.sort_order, axis.name))


def _localized(objects, locale_id: int) -> dict:
    translated = {obj.translation_key: obj for obj in objects if obj.locale_id == locale_id}
    return {obj.pk: translated.get(obj.translation_key, obj) for obj in objects}


def _build(locale_id: int) -> Lookups:
    communes = list(CommunePage.objects.values_list("pk", "translation_key", "locale_id", "title"))
    translated = {key: title for _pk, key, page_locale, title in communes if page_locale == locale_id}
    return Lookups(
        axes=_localized(list(Axis.objects.all()), locale_id),
        themes=_localized(list(Theme.objects.all()), locale_id),
        commune_titles={pk: translated.get(key, title) for pk, key, _locale, title in communes},
    )


def lookups(locale_id: int) -> Lookups:
    return cached_until_publication(f"workshops:lookups:{locale_id}", lambda: _build(locale_id))
