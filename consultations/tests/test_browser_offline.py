"""An organiser, in a real browser: downloads a consultation's XLSX questionnaire, imports a filled copy, exports."""

import re

import pytest

from home.tests.browser import chromium_path

if chromium_path() is None:
    pytest.skip("Chromium is not installed (no `chromium` on PATH)", allow_module_level=True)

import openpyxl
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from consultations.models import Response
from consultations.tests.test_offline import FILLED, fill
from home.roles import ORGANISERS

pytestmark = pytest.mark.browser

USERNAME = "organiser"
PASSWORD = "a-long-organiser-passphrase"


@pytest.fixture
def organiser(browser_site):
    user = User.objects.create_user(USERNAME, email="organiser@shabaka.example.ma", password=PASSWORD)
    user.groups.add(Group.objects.get(name=ORGANISERS))
    return user


@pytest.fixture
def admin_page(browser, live_server):
    """A browser asking for English, so that the admin speaks English."""
    context = browser.new_context(
        base_url=live_server.url, locale="en-US", viewport={"width": 1280, "height": 800}, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def log_in(page, live_server):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/admin/")


def header_action(page, name):
    """A link of the admin header's "Actions" dropdown, opened as a user would."""
    toggle = page.get_by_role("navigation", name="Actions", exact=True).get_by_role("button", name="Actions")
    expect(toggle).to_have_attribute("aria-expanded", "false")  # set once the dropdown's script is ready
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    link = page.get_by_role("link", name=name, exact=True)
    expect(link).to_be_visible()
    return link


def download(page, trigger, tmp_path):
    with page.expect_download() as info:
        trigger()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target


def test_organiser_downloads_the_questionnaire_imports_a_filled_copy_and_exports_the_responses(
    admin_page, live_server, organiser, french_consultation, tmp_path
):
    page = admin_page
    log_in(page, live_server)

    # The public French page offers the fillable questionnaire.
    page.goto(french_consultation.url)
    link = page.get_by_role("link", name=re.compile("download the questionnaire|télécharger le questionnaire", re.I))
    questionnaire = download(page, link.click, tmp_path)
    assert questionnaire.suffix == ".xlsx"
    workbook = openpyxl.load_workbook(questionnaire)
    assert workbook.sheetnames.index("Questionnaire") == 1  # the sheet that `fill` writes in
    assert workbook["Questionnaire"].protection.sheet
    assert workbook["Meta"].sheet_state == "hidden"
    meta = dict(workbook["Meta"].iter_rows(values_only=True))
    assert meta["consultation"] == str(french_consultation.translation_key) and meta["language"] == "fr"

    filled = tmp_path / "commune-reponses.xlsx"
    filled.write_bytes(fill(questionnaire.read_bytes(), FILLED))

    # In the admin, from the consultation's edit view.
    page.goto(f"/admin/pages/{french_consultation.pk}/edit/")
    header_action(page, "Import filled questionnaires").click()
    page.wait_for_url(f"{live_server.url}/admin/consultations/responses/import/{french_consultation.pk}/")
    page.get_by_label("Filled questionnaires (.xlsx), one or many").set_input_files(filled)
    page.get_by_role("button", name="Import", exact=True).click()
    results = page.get_by_role("table")
    expect(results.get_by_role("row", name=re.compile("commune-reponses.xlsx"))).to_contain_text("Saved")
    response = Response.objects.get()
    assert response.channel == "file"
    assert response.consultation_key == french_consultation.translation_key
    assert response.form_data["name"] == FILLED["name"]

    # The responses of this consultation, exported with French headers.
    page.goto(f"/admin/pages/{french_consultation.pk}/edit/")
    header_action(page, "Responses").click()
    page.wait_for_url(
        re.compile(rf"/admin/consultations/responses/\?consultation={french_consultation.translation_key}")
    )
    from_file = page.get_by_role("row").filter(has=page.get_by_role("cell", name="Filled file", exact=True))
    expect(from_file).to_have_count(1)
    export = download(page, header_action(page, "Export to Excel, headers in French").click, tmp_path)
    exported = openpyxl.load_workbook(export)
    rows = list(exported["Réponses"].iter_rows(values_only=True))
    assert len(rows) == 2, rows  # the headers and the imported answer
    headers, answer = rows
    assert answer[headers.index("name — Nom du projet")] == FILLED["name"]
    assert answer[headers.index("satisfaction — Satisfaction")] == FILLED["satisfaction"]
