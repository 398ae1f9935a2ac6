"""Fixtures shared by every app's tests: a small trilingual site."""

import tempfile
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Locale, Page, Site

from home.models import NetworkSettings
from home.tests.factories import (
    CommuneIndexPageFactory,
    CommunePageFactory,
    ExperiencePageFactory,
    HomePageFactory,
    MechanismFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    SiteIdentityFactory,
    StandardPageFactory,
    ThemeFactory,
)
from home.tests.layers import shared_layer

LANGUAGES = ("ar", "fr", "en")

# Browser fixtures (`browser`, `page`, `browser_site`), real server processes (`two_servers`), a
# Redis of a test's own (`own_redis`) and
# fixture data built once per process (`shared_layer`), shared by every app.
pytest_plugins = ["home.tests.browser", "home.tests.servers", "home.tests.services", "home.tests.layers"]


@dataclass
class SiteTree:
    """One page of each type in Arabic, translated (as copies) into French and English."""

    locales: dict
    home: object
    communes: object
    commune: object
    experience: object
    news_index: object
    news: object
    about: object

    def page_in(self, page, language: str):
        return page.get_translation(self.locales[language]).specific


def publish_translations(page, locales):
    for language, locale in locales.items():
        if language != page.locale.language_code:
            page.copy_for_translation(locale, copy_parents=False).save_revision().publish()


@shared_layer()
def site_tree(_below: None) -> SiteTree:
    """The small trilingual site every page test starts from."""
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    root.refresh_from_db()
    home = HomePageFactory(parent=root, locale=locales["ar"])
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    mechanism = MechanismFactory(locale=locales["ar"], name="الميزانية التشاركية", code="participatory-budget")
    theme = ThemeFactory(locale=locales["ar"], name="الشفافية", code="transparency")
    for language in ("fr", "en"):
        SiteIdentityFactory(locale=locales[language], network_name=f"Shabaka {language}")
        mechanism.copy_for_translation(locales[language]).save()
        theme.copy_for_translation(locales[language]).save()
    SiteIdentityFactory(locale=locales["ar"])
    NetworkSettings.objects.create(contact_email="contact@shabaka.example.ma")
    communes = CommuneIndexPageFactory(parent=home)
    commune = CommunePageFactory(parent=communes, title="تطوان", slug="tetouan")
    commune.mechanisms.set([mechanism])
    commune.save_revision().publish()
    experience = ExperiencePageFactory(parent=commune, mechanism=mechanism, theme=theme)
    news_index = NewsIndexPageFactory(parent=home)
    news = NewsPageFactory(parent=news_index)
    about = StandardPageFactory(parent=home)
    for page in (home, communes, commune, experience, news_index, news, about):
        publish_translations(page, locales)
    return SiteTree(locales, home, communes, commune, experience, news_index, news, about)


@shared_layer()
def demo_site(_below: None) -> None:
    """The site `load_demo` builds from the seeds.

    Built outside any test transaction: wagtail-localize publishes translations in on-commit
    callbacks. Its files go to a folder of their own, removed when the test process ends.
    """
    global _demo_media
    _demo_media = tempfile.TemporaryDirectory(prefix="shabaka-demo-media-")
    with override_settings(MEDIA_ROOT=_demo_media.name):
        call_command("load_demo", verbosity=0)


_demo_media = None


@pytest.fixture(autouse=True)
def fresh_locale_cache():
    """Each test's database has its own locales: start from an empty in-memory cache."""
    from home.locales import forget_locales

    forget_locales()
    yield
    forget_locales()


@pytest.fixture(autouse=True)
def no_language_active():
    """Each test starts with no language active: messages read in their source (English).

    A request activates the language of its URL and it stays active in the thread after the
    response, so one test's language would otherwise leak into the next. (Django's management
    commands, `migrate` among them, leave the same state.) A test that reads a language says so.
    """
    from django.utils import translation

    translation.deactivate_all()
    yield
    translation.deactivate_all()


@pytest.fixture(autouse=True)
def own_channel_layer():
    """Each test gets a channel layer of its own, made from the settings.

    A layer holds state tied to the event loops that use it, and channels-redis lets only one loop
    receive at a time: a WebSocket consumer of a server thread that an earlier test started may still
    be waiting on that test's layer while this test's sockets receive from loops of their own. The
    layer's Redis connections close with the loops that opened them; its keys go with the cache
    clear at the start of the next test (the cache and the layer share a Redis database).
    """
    from channels import DEFAULT_CHANNEL_LAYER
    from channels.layers import channel_layers

    layer = channel_layers.make_backend(DEFAULT_CHANNEL_LAYER)
    channel_layers.set(DEFAULT_CHANNEL_LAYER, layer)
    return layer


@pytest.fixture(autouse=True)
def empty_caches():
    """Cached menus, footers and renditions belong to one test's database."""
    from django.core.cache import caches

    for alias in settings.CACHES:
        caches[alias].clear()
    yield
