"""Every workshops page renders in Arabic, French and English."""

import pytest

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
