"""Every workshops page renders in Arabic, French and English."""

import pytest
from django.utils import translation
from django.utils.html import escape
from django.utils.text import capfirst

from workshops.models import ActionPlanPage, MeetingPage

from .conftest import translate_page
from .factories import MeetingPageFactory

LANGUAGES = ("ar", "fr", "en")
PAGES = ("index", "compilation", "workshop", "meeting", "plan")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_page_renders_in_each_language(client, workshops_site, name, language):
    page = workshops_site.page_in(getattr(workshops_site, name), language)
    response = client.get(page.url)
    assert response.status_code == 200, response.content[:2000]
    assert response.headers["Content-Language"] == language
    content = response.content.decode()
    assert f'<html lang="{language}"' in content
    assert page.title in content


@pytest.mark.parametrize("language", LANGUAGES)
def test_commune_page_links_to_its_action_plans_and_minutes(client, workshops_site, language):
    tree = workshops_site.tree
    minutes = MeetingPageFactory(parent=tree.commune, title="محضر اللجنة المحلية", slug="comite-local")
    translate_page(minutes, tree.locales)
    response = client.get(workshops_site.page_in(tree.commune, language).url)
    content = response.content.decode()
    for page in (workshops_site.plan, minutes):
        assert f'href="{workshops_site.page_in(page, language).url}"' in content
    with translation.override(language):
        plans, records = (str(capfirst(model._meta.verbose_name_plural)) for model in (ActionPlanPage, MeetingPage))
    # Under their type's name, in the order of the member page's `subpage_types`.
    assert content.index(f">{escape(plans)}</h2>") < content.index(f">{escape(records)}</h2>")
