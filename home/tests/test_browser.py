"""A real browser on the live site: right-to-left reading, language switch, keyboard use, axe-core checks."""

import pytest

from home.tests.browser import accessibility_violations, chromium_path, describe_violations

if chromium_path() is None:
    pytest.skip("Chromium is not installed (no `chromium` on PATH)", allow_module_level=True)

from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PAGE_NAMES = ["home", "communes", "commune", "experience", "news_index", "news", "about"]


def test_arabic_visitor_reads_right_to_left_switches_to_french_and_reaches_a_commune(page, live_server, browser_site):
    page.goto("/ar/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    brand = page.locator(".site-header .brand").bounding_box()
    switcher = page.locator(".language-switcher").bounding_box()
    assert brand["x"] > switcher["x"], "in Arabic the brand should sit at the right of the language switcher"

    # Keyboard: the first Tab reaches the skip link, which shows itself and leads to the content.
    skip_link = page.locator("a.skip-link")
    expect(skip_link).not_to_be_in_viewport()
    page.keyboard.press("Tab")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()

    french = page.locator(".language-switcher").get_by_role("link", name="Français")
    expect(french).to_have_attribute("lang", "fr")
    french.click()
    page.wait_for_url("**/fr/")
    assert page.url == f"{live_server.url}/fr/"
    assert page.evaluate("document.documentElement.dir") == "ltr"
    assert page.evaluate("document.documentElement.lang") == "fr"
    brand = page.locator(".site-header .brand").bounding_box()
    switcher = page.locator(".language-switcher").bounding_box()
    assert brand["x"] < switcher["x"], "in French the brand should sit at the left of the language switcher"

    members_title = browser_site.page_in(browser_site.communes, "fr").title
    page.locator(".main-menu").get_by_role("link", name=members_title).click()
    page.wait_for_url("**/fr/communes/")
    expect(page.get_by_role("heading", level=1, name=members_title)).to_be_visible()

    page.locator(".card").get_by_role("link", name="تطوان").click()
    page.wait_for_url("**/fr/communes/tetouan/")
    expect(page.get_by_role("heading", level=1, name="تطوان")).to_be_visible()


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize("name", [*PAGE_NAMES, "search"])
def test_no_serious_accessibility_violation(reading_page, site_tree, name, language):
    if name == "search":
        url = f"/{language}/search/?q=x"
    else:
        url = site_tree.page_in(getattr(site_tree, name), language).url
    response = reading_page.goto(url)
    assert response.status == 200, url
    # Colour contrast is only meaningful with the site's stylesheet applied.
    expect(reading_page.locator("a.skip-link")).to_have_css("position", "absolute")
    violations = accessibility_violations(reading_page)
    if violations:
        pytest.fail(f"axe-core on {url}:\n{describe_violations(violations)}", pytrace=False)
