"""Offline round trip: generate the XLSX form, fill it with openpyxl, send it back, get what online gives."""

import io
import time
import zipfile

import openpyxl
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation

from consultations.models import MemberInvitation, Response
from consultations.offline import (
    OfflineFormError,
    answers_to_cells,
    build_form_workbook,
    fill_form_workbook,
    read_form_workbook,
)

# What a council types or picks in the answer column, by row key.
FILLED = {
    "name": "Budget participatif des jeunes",
    "story": "Un récit.",
    "axis": "Ressources financières",
    "tools:budget": "Oui",
    "tools:petitions": "Non",
    "tools:youth": "Oui",
    "plan": "Oui",
    "plan-year": 2022,
    "satisfaction": 4,
    "grid:transparency": 3,
    "grid:participation": 2,
    "priorities:a": 2,
    "priorities:b": 1,
    "priorities:c": 3,
    "meeting": "2022-11-14",
    "contact": "commune@example.ma",
}


def generate(page, **kwargs) -> bytes:
    buffer = io.BytesIO()
    build_form_workbook(page, buffer, **kwargs)
    return buffer.getvalue()


def fill(data: bytes, answers: dict, *, formula_in=None) -> bytes:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    sheet = workbook.worksheets[1]
    for row in sheet.iter_rows(min_row=2):
        key = row[0].value
        if key in answers:
            row[3].value = answers[key]
        if key == formula_in:
            row[3].value = "=1+1"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(data: bytes, name="reponses.xlsx"):
    return SimpleUploadedFile(
        name, data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


def test_generated_form_has_locked_labels_lists_validations_and_hidden_metadata(french_consultation):
    workbook = openpyxl.load_workbook(io.BytesIO(generate(french_consultation)))
    assert workbook.sheetnames[2:] == ["Lists", "Meta"]
    assert workbook["Lists"].sheet_state == "hidden" and workbook["Meta"].sheet_state == "hidden"
    questionnaire = workbook.worksheets[1]
    assert questionnaire.protection.sheet
    keys = [row[0].value for row in questionnaire.iter_rows(min_row=2)]
    assert {"name", "axis", "tools:budget", "grid:transparency", "priorities:c", "axis__other"} <= set(keys)
    answer = questionnaire.cell(row=keys.index("axis") + 2, column=4)
    assert answer.protection.locked is False
    assert questionnaire.cell(row=2, column=2).protection.locked is not False
    kinds = {validation.type for validation in questionnaire.data_validations.dataValidation}
    assert {"list", "whole", "decimal", "date", "textLength"} <= kinds
    meta = dict(workbook["Meta"].iter_rows(values_only=True))
    assert meta["consultation"] == str(french_consultation.translation_key) and meta["language"] == "fr"


def test_arabic_form_is_right_to_left(public_consultation):
    workbook = openpyxl.load_workbook(io.BytesIO(generate(public_consultation)))
    assert workbook.worksheets[1].sheet_view.rightToLeft


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_round_trip_gives_the_same_answers_as_online(client, consultation_in, valid_answers, language):
    """Every question type: generate → fill as a person would → import == the same answers posted online."""
    page = consultation_in(language)
    client.post(page.url, valid_answers)
    online = Response.objects.get().form_data
    Response.objects.all().delete()

    cells = answers_to_cells(page, online)
    filled = read_form_workbook(page, upload(fill_form_workbook(generate(page), cells)))
    assert filled.language == language
    response, form = page.save_offline_answers(filled.data, member=None, channel=Response.Channel.FILE)
    assert response is not None, form.errors
    assert response.channel == "file" and response.language == language
    assert response.form_data == online


def test_answers_typed_as_labels_in_french_are_read_back(french_consultation):
    filled = read_form_workbook(french_consultation, upload(fill(generate(french_consultation), FILLED)))
    response, form = french_consultation.save_offline_answers(filled.data, member=None, channel="file")
    assert response is not None, form.errors
    assert response.form_data["tools"] == ["budget", "youth"] and response.form_data["axis"] == "finance"


def test_extra_sheets_and_rows_are_ignored(french_consultation):
    workbook = openpyxl.load_workbook(io.BytesIO(fill(generate(french_consultation), FILLED)))
    workbook.create_sheet("Mes notes")["A1"] = "brouillon"
    workbook.worksheets[1].append([None, "Ma remarque", None, "hors formulaire"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    filled = read_form_workbook(french_consultation, upload(buffer.getvalue()))
    response, _form = french_consultation.save_offline_answers(filled.data, member=None, channel="file")
    assert response is not None


def test_files_over_the_size_limit_are_refused(french_consultation):
    with pytest.raises(OfflineFormError, match="MB"):
        read_form_workbook(french_consultation, upload(b"PK\x03\x04" + b"0" * (6 * 1024 * 1024)))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"satisfaction": 9}, "Satisfaction"),
        ({"axis": "Pas dans la liste"}, "Axe prioritaire"),
        ({"priorities:a": 1}, "Classez"),
    ],
)
def test_invalid_file_answers_are_reported_per_question_and_nothing_is_saved(french_consultation, change, message):
    filled = read_form_workbook(french_consultation, upload(fill(generate(french_consultation), {**FILLED, **change})))
    response, form = french_consultation.save_offline_answers(filled.data, member=None, channel="file")
    assert response is None
    assert any(message in str(form.fields[name].label) for name in form.errors)
    assert not Response.objects.exists()


def test_formulas_in_answer_cells_are_refused(french_consultation):
    with pytest.raises(OfflineFormError):
        read_form_workbook(french_consultation, upload(fill(generate(french_consultation), FILLED, formula_in="name")))


def test_a_form_of_another_consultation_or_an_older_version_is_refused(
    french_consultation, public_consultation, consultations_index
):
    from consultations.tests.factories import ConsultationPageFactory

    other = ConsultationPageFactory(parent=consultations_index)
    with pytest.raises(OfflineFormError, match="another consultation"):
        read_form_workbook(french_consultation, upload(generate(other)))
    old = generate(french_consultation)
    question = french_consultation.questions.get(code="axis")
    question.choices += "\nland | Foncier"
    question.save()
    with pytest.raises(OfflineFormError, match="older version"):
        read_form_workbook(french_consultation, upload(old))


def test_renamed_codes_and_broken_files_are_refused(french_consultation):
    workbook = openpyxl.load_workbook(io.BytesIO(generate(french_consultation)))
    workbook.worksheets[1]["A3"] = "renamed-code"
    workbook.worksheets[1]["D3"] = "x"
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(OfflineFormError, match="unknown question code"):
        read_form_workbook(french_consultation, upload(buffer.getvalue()))
    with pytest.raises(OfflineFormError):
        read_form_workbook(french_consultation, upload(b"%PDF-1.4 not a workbook", "fake.xlsx"))
    with pytest.raises(OfflineFormError):
        read_form_workbook(french_consultation, upload(generate(french_consultation)[:500]))


def test_zip_bombs_are_refused_before_unpacking(french_consultation):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (60 * 1024 * 1024))
    with translation.override("en"), pytest.raises(OfflineFormError, match="unpacks"):
        read_form_workbook(french_consultation, upload(buffer.getvalue()))


def test_council_sends_back_its_file_through_its_link_and_confirms_replacement(client, site_tree, consultations_index):
    from consultations.tests.factories import ConsultationPageFactory
    from consultations.tests.test_members_and_bad_input import MEMBER_QUESTIONS

    page = ConsultationPageFactory(parent=consultations_index, audience="members", questions=MEMBER_QUESTIONS)
    invitation = MemberInvitation.objects.create(consultation_key=page.translation_key, member=site_tree.commune)
    base = page.url + f"answer/{invitation.token}/"
    downloaded = client.get(base + "questionnaire/")
    assert downloaded.status_code == 200
    data = b"".join(downloaded.streaming_content)
    filled = fill(data, {"axis": "الموارد المالية", "proposal": "من الملف"})
    assert client.post(base + "upload/", {"file": upload(filled)}).status_code == 200
    response = Response.objects.get()
    assert response.channel == "file" and response.member == site_tree.commune
    assert response.form_data == {"axis": "finance", "proposal": "من الملف"}

    second = fill(data, {"axis": "الاختصاصات", "proposal": "ثانية"})
    assert client.post(base + "upload/", {"file": upload(second)}).status_code == 409  # asks to confirm
    assert Response.objects.get().form_data["proposal"] == "من الملف"
    assert client.post(base + "upload/", {"file": upload(second), "confirm_replace": "1"}).status_code == 200
    assert Response.objects.get().form_data["proposal"] == "ثانية"

    closes_at = page.closes_at
    type(page).objects.filter(pk=page.pk).update(closes_at=invitation.created_at)
    late = client.post(base + "upload/", {"file": upload(second), "confirm_replace": "1"})
    assert late.status_code == 409  # closed: the file is not taken
    type(page).objects.filter(pk=page.pk).update(closes_at=closes_at)

    invitation.revoked_at = invitation.created_at
    invitation.save()
    assert client.post(base + "upload/", {"file": upload(second), "confirm_replace": "1"}).status_code == 403


def test_printable_questionnaire_has_an_answer_box_per_question(client, public_consultation):
    page = client.get(public_consultation.url + "print/").content.decode()
    assert page.count('class="answer-box"') >= 8
    assert "Axe prioritaire" in page


def with_hidden_sheet(data: bytes, fill_sheet) -> bytes:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    hidden = workbook.create_sheet("Remplissage")
    hidden.sheet_state = "hidden"
    fill_sheet(hidden)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_genuine_filled_form_is_far_within_the_limits(french_consultation):
    data = fill(generate(french_consultation), FILLED)
    unpacked = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(data)).infolist())
    assert unpacked * 20 < settings.OFFLINE_IMPORT_MAX_UNCOMPRESSED_BYTES
    assert read_form_workbook(french_consultation, upload(data)).data


def test_megabytes_of_filler_in_a_hidden_part_are_refused_quickly(french_consultation):
    buffer = io.BytesIO(fill(generate(french_consultation), FILLED))
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet9.xml", b"<c><v>0</v></c>" * (1024 * 1024))  # 15 MB, ~30 KB zipped
    started = time.monotonic()
    with translation.override("en"), pytest.raises(OfflineFormError, match="unpacks to far more data"):
        read_form_workbook(french_consultation, upload(buffer.getvalue()))
    assert time.monotonic() - started < 1


def test_a_hidden_sheet_spanning_too_many_cells_is_refused_before_parsing(french_consultation):
    def spread(sheet):
        sheet["A1"] = "début"
        sheet.cell(row=5000, column=30, value="fin")  # 150,000 cells declared, two written

    data = with_hidden_sheet(fill(generate(french_consultation), FILLED), spread)
    with translation.override("fr"), pytest.raises(OfflineFormError) as refused:
        read_form_workbook(french_consultation, upload(data))
    assert refused.value.messages == [
        "Ce fichier contient beaucoup plus de cellules qu’un questionnaire (100000 au plus, toutes feuilles comprises)."
    ]


@pytest.fixture
def organiser_client(client, site_tree):
    from django.contrib.auth.models import Group, User

    from home.roles import ORGANISERS

    user = User.objects.create_user("organiser", password="pw")
    user.groups.add(Group.objects.get(name=ORGANISERS))
    client.force_login(user)
    return client


def test_organiser_imports_many_files_and_a_bad_one_saves_nothing(organiser_client, french_consultation):
    good = fill(generate(french_consultation), FILLED)
    bad = fill(generate(french_consultation), {**FILLED, "satisfaction": 9})
    response = organiser_client.post(
        f"/admin/consultations/responses/import/{french_consultation.pk}/",
        {"files": [upload(good, "a.xlsx"), upload(bad, "b.xlsx"), upload(b"not a zip", "c.xlsx")]},
    )
    assert response.status_code == 200
    assert Response.objects.filter(channel="file").count() == 1
    assert Response.objects.get().language == "fr"  # the file's language, not the organiser's
    content = response.content.decode()
    assert "b.xlsx" in content and "c.xlsx" in content


def test_organiser_types_in_a_paper_questionnaire_with_its_scan(
    organiser_client, public_consultation, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    url = f"/admin/consultations/responses/enter/{public_consultation.pk}/"
    assert organiser_client.get(url).status_code == 200
    data = {
        "name": "Sur papier",
        "axis": "staff",
        "tools": ["petitions"],
        "plan": "no",
        "satisfaction": "3",
        "grid_0": "1",
        "grid_1": "2",
        "scan": upload(b"%PDF-1.4\n%%EOF\n", "scan.pdf"),
    }
    response = organiser_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:500]
    stored = Response.objects.get()
    assert stored.channel == "entered" and stored.form_data["name"] == "Sur papier"
    assert stored.form_data["_scan"]["name"] == "scan.pdf"


def set_meta(data: bytes, name: str, value: str) -> bytes:
    """Change one value of the hidden Meta sheet, as someone editing the file could."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    for row in workbook["Meta"].iter_rows():
        if row[0].value == name:
            row[1].value = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def members_consultation(consultations_index):
    from consultations.tests.factories import ConsultationPageFactory
    from consultations.tests.test_members_and_bad_input import MEMBER_QUESTIONS

    return ConsultationPageFactory(parent=consultations_index, audience="members", questions=MEMBER_QUESTIONS)


def import_as_organiser(organiser_client, consultation, data: bytes, **extra):
    return organiser_client.post(
        f"/admin/consultations/responses/import/{consultation.pk}/",
        {"files": [upload(data, "tetouan.xlsx")], **extra},
        HTTP_ACCEPT_LANGUAGE="en",
    )


def test_a_file_whose_council_was_edited_does_not_overwrite_the_other_councils_answers(
    organiser_client, site_tree, members_consultation
):
    from home.tests.factories import CommunePageFactory

    sefrou = CommunePageFactory(parent=site_tree.communes, title="صفرو", slug="sefrou")
    sefrou_answer, _form = members_consultation.save_offline_answers(
        {"axis": "competences", "proposal": "جواب صفرو"}, member=sefrou, channel=Response.Channel.ONLINE
    )
    tetouan_file = generate(members_consultation, member_key=str(site_tree.commune.translation_key))
    forged = set_meta(
        fill(tetouan_file, {"axis": "الموارد المالية", "proposal": "hacked"}), "member", str(sefrou.translation_key)
    )

    response = import_as_organiser(organiser_client, members_consultation, forged, confirm_replace="1")

    assert "hidden details were changed" in response.content.decode()
    sefrou_answer.refresh_from_db()
    assert sefrou_answer.form_data["proposal"] == "جواب صفرو"
    assert Response.objects.count() == 1


def test_a_genuine_council_file_imports_as_before(organiser_client, site_tree, members_consultation):
    tetouan_file = generate(members_consultation, member_key=str(site_tree.commune.translation_key))
    filled = fill(tetouan_file, {"axis": "الموارد المالية", "proposal": "من الملف"})

    import_as_organiser(organiser_client, members_consultation, filled)

    response = Response.objects.get()
    assert response.member == site_tree.commune
    assert response.form_data == {"axis": "finance", "proposal": "من الملف"}


def test_an_import_reads_a_bounded_number_of_files_and_lists_the_others(organiser_client, french_consultation):
    good = fill(generate(french_consultation), FILLED)
    with override_settings(OFFLINE_IMPORT_MAX_FILES=2, OFFLINE_IMPORT_MAX_BYTES=10 * 1024 * 1024):
        response = organiser_client.post(
            f"/admin/consultations/responses/import/{french_consultation.pk}/",
            {"files": [upload(good, f"{name}.xlsx") for name in ("a", "b", "c")]},
        )
    assert Response.objects.filter(channel="file").count() == 2
    assert (
        "c.xlsx" in response.content.decode()
        and "لم تتم قراءته: 2 ملفات على الأكثر في كل استيراد" in response.content.decode()
    )
    with override_settings(OFFLINE_IMPORT_MAX_BYTES=len(good) + 10):
        response = organiser_client.post(
            f"/admin/consultations/responses/import/{french_consultation.pk}/",
            {"files": [upload(good, "d.xlsx"), upload(good, "e.xlsx")], "confirm_replace": "1"},
        )
    assert Response.objects.filter(channel="file").count() == 3
    assert "لم تتم قراءته: 0 ميغابايت على الأكثر في كل استيراد" in response.content.decode()
