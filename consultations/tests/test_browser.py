"""A member council answers a members' consultation in Arabic in a real browser, then edits its answer."""

import pytest

from home.tests.browser import assert_fits_a_phone, chromium_path

if chromium_path() is None:
    pytest.skip("Chromium is not installed (no `chromium` on PATH)", allow_module_level=True)

from playwright.sync_api import expect

from consultations.models import ConsultationPage, MemberInvitation, Response
from consultations.tests.factories import ConsultationPageFactory

pytestmark = pytest.mark.browser

FINANCE = "هل الموارد المالية للجماعة كافية؟"
GAPS = "ما الذي ينقص لتمويل الديمقراطية التشاركية؟"
AXIS = "المحور ذو الأولوية"
SATISFACTION = "مدى الرضا عن الشبكة"
GAPS_HELP = "اذكروا الموارد الناقصة."

QUESTIONS = [
    {"code": "finance-sufficient", "field_type": "yes_no", "label": FINANCE},
    {
        "code": "finance-gaps",
        "field_type": "long_text",
        "label": GAPS,
        "help_text": GAPS_HELP,
        "show_if_code": "finance-sufficient",
        "show_if_value": "no",
    },
    {
        "code": "axis",
        "field_type": "single_choice",
        "label": AXIS,
        "choices": "competences | الاختصاصات\nstaff | الموارد البشرية\ntraining | التكوين",
    },
    {
        "code": "satisfaction",
        "field_type": "rating",
        "label": SATISFACTION,
        "min_value": 1,
        "max_value": 5,
        "min_label": "ضعيف",
        "max_label": "قوي",
    },
]
CONDITION_NOTE = f"أجيبوا فقط إذا كان جوابكم عن «{FINANCE}» هو «لا»."


@pytest.fixture
def member_link(browser_site, consultations_index):
    """The private link of the Arabic commune to an open members' consultation written in Arabic."""
    consultation = ConsultationPageFactory(
        parent=consultations_index,
        title="استشارة الأعضاء حول التمويل",
        audience=ConsultationPage.Audience.MEMBERS,
        questions=QUESTIONS,
    )
    invitation = MemberInvitation.objects.create(
        consultation_key=consultation.translation_key, member=browser_site.commune
    )
    return consultation.url + consultation.reverse_subpage("member_form", args=[invitation.token])


def question(page, label):
    """A question asked with several inputs: its fieldset, named by its legend."""
    return page.get_by_role("group", name=label)


def test_member_council_answers_in_arabic_then_edits_its_answer(page, live_server, browser_site, member_link):
    page.goto(member_link)
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"
    expect(page.get_by_text("تطوان", exact=True)).to_be_visible()  # on behalf of which council

    gaps = page.get_by_label(GAPS)
    expect(gaps).to_be_hidden()
    question(page, FINANCE).get_by_label("لا", exact=True).check()
    expect(gaps).to_be_visible()
    expect(gaps).to_be_enabled()
    expect(gaps).to_have_accessible_description(GAPS_HELP)  # the "answer only if" note is for pages without script
    gaps.fill("نحتاج إلى ميزانية خاصة بالمشاركة")
    question(page, AXIS).get_by_label("الموارد البشرية").check()
    question(page, SATISFACTION).get_by_label("2", exact=True).check()
    page.get_by_role("button", name="إرسال أجوبتي").click()

    expect(page.get_by_text("شكرًا لكم: تم تسجيل أجوبتكم.")).to_be_visible()
    response = Response.objects.get()
    assert response.member_id == browser_site.commune.pk
    assert response.language == "ar"
    assert response.form_data == {
        "finance-sufficient": "no",
        "finance-gaps": "نحتاج إلى ميزانية خاصة بالمشاركة",
        "axis": "staff",
        "satisfaction": 2,
    }

    # Back through the same private link: the answers are there, ready to change.
    page.get_by_role("link", name="الاطلاع على أجوبة مجلسكم أو تعديلها").click()
    page.wait_for_url(f"{live_server.url}{member_link}")
    expect(question(page, FINANCE).get_by_label("لا", exact=True)).to_be_checked()
    expect(gaps).to_be_visible()
    expect(gaps).to_have_value("نحتاج إلى ميزانية خاصة بالمشاركة")
    expect(question(page, AXIS).get_by_label("الموارد البشرية")).to_be_checked()
    expect(question(page, SATISFACTION).get_by_label("2", exact=True)).to_be_checked()

    question(page, FINANCE).get_by_label("نعم", exact=True).check()
    expect(gaps).to_be_hidden()
    question(page, SATISFACTION).get_by_label("4", exact=True).check()
    # Keyboard: the focused button sends the form with Enter.
    save = page.get_by_role("button", name="حفظ التعديلات")
    save.focus()
    expect(save).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.get_by_text("شكرًا لكم: تم تسجيل أجوبتكم.")).to_be_visible()
    response = Response.objects.get()  # the same single response, replaced
    assert response.member_id == browser_site.commune.pk
    assert response.form_data == {"finance-sufficient": "yes", "axis": "staff", "satisfaction": 4}


def test_without_javascript_the_conditional_question_shows_with_its_note(browser, live_server, member_link):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(member_link)
        gaps = page.get_by_label(GAPS)
        expect(gaps).to_be_visible()
        expect(gaps).to_be_enabled()
        expect(page.get_by_text(CONDITION_NOTE)).to_be_visible()
        expect(gaps).to_have_accessible_description(f"{CONDITION_NOTE} {GAPS_HELP}")
    finally:
        context.close()


def test_a_citizen_on_a_phone_past_the_hall_limit_is_told_their_answer_waits(
    phone, browser_site, consultations_index, settings
):
    """A hall on one Wi-Fi: the answer is kept, held for checking, and the phone says so in Arabic."""
    settings.CONSULTATION_ANSWERS_PER_ADDRESS_PER_HOUR = 0
    consultation = ConsultationPageFactory(
        parent=consultations_index, title="استشارة عمومية حول التمويل", questions=QUESTIONS[2:]
    )
    phone.goto(consultation.url)
    assert phone.evaluate("document.documentElement.dir") == "rtl"
    assert_fits_a_phone(phone)
    question(phone, AXIS).get_by_label("التكوين").check()
    question(phone, SATISFACTION).get_by_label("5", exact=True).check()
    phone.get_by_role("checkbox").last.check()  # the consent, last of the form
    phone.get_by_role("button", name="إرسال أجوبتي").click()

    expect(phone.get_by_text("شكراً لكم: تم استلام إجاباتكم.", exact=False)).to_be_visible()
    assert_fits_a_phone(phone)
    response = Response.objects.get()
    assert response.held and response.form_data["axis"] == "training"


def test_a_members_consultation_tells_a_citizen_on_a_phone_who_may_answer(phone, browser_site, member_link):
    """Without a council's private link the questions stay private: a 403 page in the visitor's language."""
    public_path = member_link.split("answer/")[0]
    response = phone.goto(public_path + "print/")
    assert response.status == 403
    assert phone.evaluate("document.documentElement.lang") == "ar"
    expect(phone.get_by_role("heading", level=1)).to_be_visible()
    assert_fits_a_phone(phone)
