"""`load_demo` builds the network's site from its documents, and running it again changes nothing."""

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Page

from home.demo import content
from home.models import CommunePage, ExperiencePage, NewsPage, SiteIdentity
from home.tests.servers import builds_the_demo_twice, reads_the_demo


def snapshot() -> tuple[list[tuple], dict[str, int]]:
    """Every page, and the number of rows of every model of every app (workshops, consultations…)."""
    fields = ("url_path", "title", "locale__language_code", "live", "content_type__model")
    pages = sorted(Page.objects.values_list(*fields))
    return pages, {model._meta.label: model._base_manager.count() for model in apps.get_models()}


@builds_the_demo_twice
@pytest.mark.xdist_group("demo")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_load_demo_twice_gives_the_same_site(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", verbosity=0)
    first = snapshot()
    call_command("load_demo", verbosity=0)
    assert snapshot() == first
    call_command("load_demo", "--if-empty", verbosity=0)
    assert snapshot() == first


@reads_the_demo
@pytest.mark.xdist_group("demo")
def test_demo_holds_the_members_experiences_and_news_in_three_languages(client, demo_site):
    assert CommunePage.objects.filter(locale__language_code="ar").count() == len(content.COMMUNES) == 15
    for language in ("ar", "fr", "en"):
        assert CommunePage.objects.live().filter(locale__language_code=language).count() == 15
        assert ExperiencePage.objects.live().filter(locale__language_code=language).count() == 2
        assert NewsPage.objects.live().filter(locale__language_code=language).count() == len(content.NEWS)
        assert SiteIdentity.objects.filter(locale__language_code=language).exists()
    assert CommunePage.objects.get(slug="tetouan", locale__language_code="fr").title == "Tétouan"
    assert CommunePage.objects.get(slug="tetouan", locale__language_code="ar").title == "تطوان"
    tetouan = CommunePage.objects.get(slug="tetouan", locale__language_code="en")
    assert tetouan.mechanisms.filter(code="participatory-budget", locale__language_code="en").exists()

    for url in (
        "/ar/",
        "/fr/communes/",
        "/en/communes/tetouan/",
        "/fr/news/",
        "/en/about/",
        "/ar/consultations/",
        "/fr/consultations/budget-participatif/",
        "/en/consultations/competences-des-conseils/",
    ):
        assert client.get(url).status_code == 200, url
