"""Every public page type renders in the three languages, with the right lang and dir."""

import datetime
import re

import pytest

from conftest import LANGUAGES
from home.tests.factories import NewsPageFactory

PAGE_NAMES = ["home", "communes", "commune", "experience", "news_index", "news", "about"]
DIRECTIONS = {"ar": "rtl", "fr": "ltr", "en": "ltr"}


def html_tag(content: str) -> str:
    return re.search(r"<html[^>]*>", content).group(0)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_each_page_type_renders_in_each_language_with_lang_and_dir(client, site_tree, name, language):
    page = site_tree.page_in(getattr(site_tree, name), language)
    response = client.get(page.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert f'lang="{language}"' in html_tag(content)
    assert f'dir="{DIRECTIONS[language]}"' in html_tag(content)
    assert f'<main id="main" tabindex="-1" class="site-main" lang="{language}" dir="{DIRECTIONS[language]}">' in content
    assert page.title in content


def test_root_redirects_to_the_browsers_language(client, site_tree):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")["Location"] == "/fr/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE")["Location"] == "/ar/"


def test_language_switcher_keeps_the_visitor_on_the_same_page(client, site_tree):
    content = client.get(site_tree.page_in(site_tree.commune, "fr").url).content.decode()
    for language in LANGUAGES:
        assert f'href="/{language}/communes/tetouan/" lang="{language}"' in content


def test_page_only_in_one_language_is_reachable_from_the_others_and_marked(client, site_tree):
    """An alias (what wagtail-localize makes for untranslated pages) keeps its source language."""
    from home.tests.factories import StandardPageFactory

    arabic_only = StandardPageFactory(parent=site_tree.home, slug="charter", title="ميثاق الشبكة")
    french_home = site_tree.page_in(site_tree.home, "fr")
    arabic_only.copy_for_translation(site_tree.locales["fr"], alias=True)
    response = client.get("/fr/charter/")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'lang="fr"' in html_tag(content)
    assert 'class="site-main" lang="ar" dir="rtl"' in content
    assert "ميثاق الشبكة" in content
    assert french_home.title in content or "Shabaka fr" in content


def test_commune_index_filters_by_kind_and_mechanism(client, site_tree):
    from home.tests.factories import CommunePageFactory

    CommunePageFactory(parent=site_tree.communes, title="مجلس عمالة الاختبار", kind="prefecture")
    url = site_tree.communes.url
    assert "مجلس عمالة الاختبار" in client.get(url, {"kind": "prefecture"}).content.decode()
    assert "تطوان" not in client.get(url, {"kind": "prefecture"}).content.decode()
    content = client.get(url, {"mechanism": "participatory-budget"}).content.decode()
    assert "تطوان" in content and "مجلس عمالة الاختبار" not in content
    assert client.get(url, {"mechanism": "unknown", "kind": "nonsense"}).status_code == 200


def test_commune_page_shows_its_mechanisms_in_the_visitors_language(client, site_tree):
    french = site_tree.page_in(site_tree.commune, "fr")
    french.mechanisms.set(site_tree.commune.mechanisms.all())
    french.save_revision().publish()
    content = client.get(french.url).content.decode()
    # The French mechanism is a copy named like the Arabic one in these fixtures;
    # what matters is that the translation of the snippet is the one shown.
    assert "الميزانية التشاركية" in content


def test_a_renamed_or_deleted_mechanism_shows_at_once_on_member_pages(
    client, site_tree, django_capture_on_commit_callbacks
):
    from home.models import Mechanism

    french_page = site_tree.page_in(site_tree.commune, "fr")
    french_mechanism = Mechanism.objects.get(code="participatory-budget", locale=site_tree.locales["fr"])
    assert "الميزانية التشاركية" in client.get(french_page.url).content.decode()  # kept from here on

    french_mechanism.name = "Budget participatif"
    with django_capture_on_commit_callbacks(execute=True):
        french_mechanism.save()
    content = client.get(french_page.url).content.decode()
    assert "Budget participatif" in content and "الميزانية التشاركية" not in content

    with django_capture_on_commit_callbacks(execute=True):
        french_mechanism.delete()  # the Arabic one, which the page points at, is shown again
    assert "الميزانية التشاركية" in client.get(french_page.url).content.decode()


def test_search_finds_pages_of_the_visitors_language(client, site_tree):
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    response = client.get("/ar/search/", {"q": "تطوان"})
    assert response.status_code == 200
    assert "/ar/communes/tetouan/" in response.content.decode()
    assert client.get("/ar/search/", {"q": ""}).status_code == 200


def test_sitemap_lists_pages_and_feeds_list_news(client, site_tree):
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert b"/ar/communes/tetouan/" in sitemap.content
    rss = client.get("/fr/news/feed/rss/")
    assert rss.status_code == 200
    assert site_tree.page_in(site_tree.news, "fr").title.encode() in rss.content
    atom = client.get("/en/news/feed/atom/")
    assert atom.status_code == 200 and b"<feed" in atom.content


def test_healthz_says_the_process_is_alive_and_readyz_that_its_services_answer(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    ready = client.get("/readyz", HTTP_ACCEPT="application/json")
    assert ready.status_code == 200 and set(ready.json().values()) == {"OK"} and len(ready.json()) == 4


def test_unknown_page_gives_a_translated_404(client, site_tree):
    response = client.get("/fr/nowhere/")
    assert response.status_code == 404


def test_commune_page_links_to_its_other_public_pages_grouped_by_type(client, site_tree):
    """Pages the apps above add under a member (action plans, minutes…) are listed under their type's name."""
    from wagtail.models import PageViewRestriction

    from home.models import StandardPage
    from home.tests.factories import StandardPageFactory

    french = site_tree.page_in(site_tree.commune, "fr")
    charter = StandardPageFactory(parent=french, slug="charte", title="Charte de la commune")
    hidden = StandardPageFactory(parent=french, slug="interne", title="Page interne")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(french.url)
    assert response.context["other_pages"] == [(StandardPage._meta.verbose_name_plural, [charter.page_ptr])]
    content = response.content.decode()
    assert f'href="{charter.url}">Charte de la commune</a>' in content
    assert "Page interne" not in content
    assert site_tree.page_in(site_tree.experience, "fr").title in content  # experiences keep their own section


def test_home_page_listings_follow_publications_and_languages(client, site_tree, django_capture_on_commit_callbacks):
    """The home page keeps its listings' HTML until the next publication, one copy per language."""
    url = site_tree.home.url
    first = client.get(url).content.decode()
    assert site_tree.commune.title in first
    with django_capture_on_commit_callbacks(execute=True):
        news = NewsPageFactory(parent=site_tree.news_index, title="خبر جديد", date=datetime.date.today())
        news.save_revision().publish()
    assert "خبر جديد" in client.get(url).content.decode()
    french = client.get(site_tree.page_in(site_tree.home, "fr").url).content.decode()
    assert 'lang="fr"' in french and "خبر جديد" not in french
