"""The site's locales, kept in memory: they are few and change almost never.

Wagtail looks the active locale up in the database on each call; the page
chrome needs it several times per request. The cache is dropped whenever a
locale is saved or deleted (signals connected in `HomeConfig.ready()`).
"""

from __future__ import annotations

from django.utils import translation
from wagtail.models import Locale

_locales_by_id: dict[int, Locale] = {}


def forget_locales(**kwargs) -> None:
    _locales_by_id.clear()


def _locales() -> dict[int, Locale]:
    if not _locales_by_id:
        _locales_by_id.update({locale.pk: locale for locale in Locale.objects.all()})
    return _locales_by_id


def locale_by_id(pk: int) -> Locale:
    locale = _locales().get(pk)
    if locale is None:
        forget_locales()
        locale = _locales()[pk]
    return locale


def active_locale() -> Locale:
    """The locale of the active language, falling back to the default one like Wagtail."""
    code = translation.get_language()
    for locale in _locales().values():
        if locale.language_code == code:
            return locale
    return Locale.get_active()
