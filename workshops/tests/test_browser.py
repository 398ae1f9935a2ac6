"""A real browser on the live site: the compilation of recommendations filtered and downloaded, axe-core checks."""

import datetime

import pytest

from home.tests.browser import accessibility_violations, chromium_path, describe_violations

if chromium_path() is None:
    pytest.skip("Chromium is not installed (no `chromium` on PATH)", allow_module_level=True)

import openpyxl
from django.utils import translation
from playwright.sync_api import expect

from workshops.models import Status

from .factories import RecommendationFactory, RecommendationUpdateFactory, WorkshopPageFactory

pytestmark = pytest.mark.browser

# The words searched for: "publish".
PUBLISH = "نشر"
# (text, axis, status) of the recommendations of a study day on local finances.
FINANCE_RECOMMENDATIONS = [
    ("نشر الميزانية المواطنة كل سنة", "transparency", Status.DONE),
    ("نشر الصفقات العمومية على موقع الجماعة", "transparency", Status.ADOPTED),
    ("تكوين المنتخبين في نشر الميزانية وإعدادها", "competences", Status.ADOPTED),
    ("نشر مداولات المجلس على موقع الجماعة", "transparency", Status.ADOPTED),
    ("إحداث صندوق للتضامن بين الجماعات", "financial-resources", Status.PROPOSED),
    ("تبسيط مساطر الحصول على المعلومات", "transparency", Status.ADOPTED),
]
# What the filters below leave: on the transparency axis, adopted, with the word searched for.
EXPECTED = [FINANCE_RECOMMENDATIONS[1][0], FINANCE_RECOMMENDATIONS[3][0]]


@pytest.fixture
def site(request, browser_site):
    """`workshops_site`, committed so that the live server sees it."""
    return request.getfixturevalue("workshops_site")


@pytest.fixture
def finance_study_day(site):
    workshop = WorkshopPageFactory(
        parent=site.index,
        title="يوم دراسي حول المالية المحلية",
        slug="journee-finances-locales-2021",
        kind="study_day",
        start_date=datetime.date(2021, 5, 10),
    )
    recommendations = [
        RecommendationFactory(page=workshop, text=text, axis=site.axes[axis], sort_order=position)
        for position, (text, axis, _status) in enumerate(FINANCE_RECOMMENDATIONS)
    ]
    workshop.save_revision().publish()
    for recommendation, (_text, _axis, status) in zip(recommendations, FINANCE_RECOMMENDATIONS, strict=True):
        if status != Status.PROPOSED:
            RecommendationUpdateFactory(recommendation=recommendation, status=status)
    return workshop


def test_visitor_filters_the_recommendations_in_arabic_and_downloads_exactly_those(
    page, live_server, site, finance_study_day, tmp_path
):
    with translation.override("ar"):
        labels = {name: str(translation.gettext(name)) for name in ("Words", "Axis", "Status", "Filter", "Adopted")}
        download_link = translation.gettext("Download these recommendations (Excel)")
    page.goto(site.compilation.url)
    assert page.evaluate("document.documentElement.dir") == "rtl"
    expect(page.locator(".recommendation")).to_have_count(2 + len(FINANCE_RECOMMENDATIONS))

    page.get_by_label(labels["Words"], exact=True).fill(PUBLISH)
    page.get_by_label(labels["Axis"], exact=True).select_option(label=site.axes["transparency"].name)
    page.get_by_label(labels["Status"], exact=True).select_option(label=labels["Adopted"])
    page.get_by_role("button", name=labels["Filter"]).click()
    page.wait_for_url("**/recommendations/?*")
    assert "axis=transparency" in page.url and "status=adopted" in page.url
    expect(page.locator(".recommendation__text")).to_have_text(EXPECTED)
    expect(page.locator(".recommendation .status")).to_contain_text([labels["Adopted"]] * len(EXPECTED))
    expect(page.get_by_label(labels["Words"], exact=True)).to_have_value(PUBLISH)  # the form keeps the filters

    with page.expect_download() as info:
        page.get_by_role("link", name=download_link).click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    assert target.name.startswith("recommendations-ar-") and target.suffix == ".xlsx"
    workbook = openpyxl.load_workbook(target)
    # Every row, then one sheet per axis the filters leave rows in: here only transparency.
    assert len(workbook.worksheets) == 2 and workbook.sheetnames[1] == site.axes["transparency"].name
    for sheet in workbook.worksheets:
        assert sheet.sheet_view.rightToLeft
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
        assert [row[0] for row in rows] == EXPECTED
        assert {(row[1], row[5], row[8]) for row in rows} == {
            (site.axes["transparency"].name, labels["Adopted"], finance_study_day.title)
        }


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize("name", ["index", "workshop", "meeting", "plan", "compilation", "by_commune", "commune"])
def test_no_accessibility_violation(reading_page, workshops_site, name, language):
    site = workshops_site
    if name == "by_commune":
        url = site.page_in(site.compilation, language).url + "communes/"
    else:
        url = site.page_in(getattr(site, name), language).url
    response = reading_page.goto(url)
    assert response.status == 200, url
    # Colour contrast is only meaningful with the site's stylesheet applied.
    expect(reading_page.locator("a.skip-link")).to_have_css("position", "absolute")
    violations = accessibility_violations(reading_page, impacts=("minor", "moderate", "serious", "critical"))
    if violations:
        pytest.fail(f"axe-core on {url}:\n{describe_violations(violations)}", pytrace=False)
