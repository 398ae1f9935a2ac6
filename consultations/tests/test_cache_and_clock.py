"""Cached pages follow the clock: a consultation that closes shows as closed at once, in every language."""

import datetime
import time

import pytest
from django.utils import timezone

from home.page_cache import CACHE_HEADER

LANGUAGES = ("ar", "fr", "en")


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE = True


def test_a_closing_consultation_shows_closed_right_after_its_closing_time(
    client, site_tree, consultations_index, consultation_in, page_cache_on
):
    closes_at = timezone.now() + datetime.timedelta(seconds=2)
    pages = {language: consultation_in(language) for language in LANGUAGES}
    type(pages["ar"]).objects.filter(translation_key=pages["ar"].translation_key).update(closes_at=closes_at)
    indexes = {language: page.get_parent().url for language, page in pages.items()}
    homes = {language: site_tree.home.get_translation(site_tree.locales[language]).url for language in LANGUAGES}
    for language in LANGUAGES:
        client.get(indexes[language])
        index = client.get(indexes[language])
        assert index[CACHE_HEADER] == "hit"
        assert 'class="status status--open"' in index.content.decode()
        client.get(homes[language])
        assert pages[language].title in client.get(homes[language]).content.decode()  # among the open ones

    time.sleep(max(0.0, (closes_at - timezone.now()).total_seconds()) + 0.1)
    for language in LANGUAGES:
        index = client.get(indexes[language])
        assert index[CACHE_HEADER] == "miss"
        assert 'class="status status--closed"' in index.content.decode()
        assert pages[language].title not in client.get(homes[language]).content.decode()


def test_the_next_change_is_the_earliest_opening_or_closing(site_tree, consultations_index, public_consultation):
    from home.page_cache import next_scheduled_change

    soon = timezone.now() + datetime.timedelta(minutes=5)
    type(public_consultation).objects.filter(pk=public_consultation.pk).update(
        opens_at=soon, closes_at=soon + datetime.timedelta(days=1)
    )
    assert next_scheduled_change() == pytest.approx(soon.timestamp())
