"""No public page is wider than a phone: one page of every type, in Arabic, French and English, at 320, 360 and 390 px.

The demo network holds a live page of every type the apps define; the test finds them through
Wagtail's page types, so a type an app adds later is checked without being named here.
"""

import pytest

from home.tests.browser import chromium_path
from home.tests.servers import reads_the_demo

if chromium_path() is None:
    pytest.skip("Chromium is not installed (no `chromium` on PATH)", allow_module_level=True)

# With the demo's other tests, which share one build of it, in the PostgreSQL pass.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("demo"), reads_the_demo]

WIDTHS = (320, 360, 390)
LANGUAGES = ("ar", "fr", "en")


def one_page_of_each_type(language: str) -> list[str]:
    """The address of the first live, public page of each page type in `language`, then the search page."""
    from wagtail.models import Page

    seen, pages = set(), []
    for page in Page.objects.live().public().filter(locale__language_code=language, depth__gt=1).order_by("path"):
        if page.content_type_id not in seen:
            seen.add(page.content_type_id)
            pages.append(page)
    return [page.specific.url for page in pages] + [f"/{language}/search/?q=commune", f"/{language}/live/"]


def test_no_page_of_any_type_is_wider_than_a_phone(reading_page, demo_site):
    too_wide = []
    for language in LANGUAGES:
        for url in one_page_of_each_type(language):
            reading_page.set_viewport_size({"width": WIDTHS[-1], "height": 800})
            response = reading_page.goto(url)
            assert response.status == 200, url
            assert reading_page.evaluate("document.documentElement.lang") == language, url
            for width in WIDTHS:
                reading_page.set_viewport_size({"width": width, "height": 800})
                overflow = reading_page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                if overflow > 0:
                    too_wide.append(f"{url} at {width} px: {overflow} px too wide")
    assert not too_wide, "\n".join(too_wide)
