"""Every export sheet read back: values, types, right-to-left, charts, inert formulas, filters, rights."""

import csv
import datetime
import io
import zipfile

import openpyxl
import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import timezone

from consultations.exports import ConsultationExport, ExportOptions
from consultations.models import Response
from home.roles import ORGANISERS


@pytest.fixture
def answered(client, public_consultation, french_consultation, valid_answers):
    client.post(public_consultation.url, valid_answers)
    client.post(
        french_consultation.url,
        {**valid_answers, "name": '=HYPERLINK("http://x","y")', "axis": "other", "axis__other": "Foncier"},
    )
    Response.objects.create(
        consultation_key=public_consultation.translation_key,
        page=public_consultation,
        language="ar",
        form_data={"name": "spam"},
        is_spam=True,
    )
    return public_consultation


def export_workbook(consultation, **options):
    buffer = io.BytesIO()
    ConsultationExport(consultation, Response.objects.all(), ExportOptions(**options)).write_xlsx(buffer)
    return openpyxl.load_workbook(io.BytesIO(buffer.getvalue())), buffer.getvalue()


def rows_by_header(sheet):
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_responses_sheet_has_one_row_per_response_and_typed_columns(answered):
    workbook, _data = export_workbook(answered, language="fr")
    assert len(workbook.sheetnames) == 3 and workbook.sheetnames[0] == "Réponses"
    rows = rows_by_header(workbook["Réponses"])
    assert len(rows) == 2  # spam left out
    first = rows[0]
    assert first["name — Nom du projet"] == "Budget participatif des jeunes"
    assert first["axis — Axe prioritaire"] == "Ressources financières"
    assert first["tools:budget — Outils utilisés: Budget participatif"] == 1
    assert first["tools:petitions — Outils utilisés: Pétitions"] == 0
    assert first["plan-year — Année d'adoption du plan"] == 2022
    assert first["grid:transparency — Évaluez: Transparence"] == 3
    assert first["priorities:b — Classez: Routes"] == 1
    assert first["meeting — Date de la réunion"] == datetime.datetime(2022, 11, 14)
    second = rows[1]
    assert second["axis:other — Axe prioritaire: Autre"] == "Foncier"
    assert not workbook["Réponses"].sheet_view.rightToLeft


def test_formula_answers_are_inert_in_the_export(answered):
    workbook, data = export_workbook(answered, language="fr")
    cell = next(c for row in workbook["Réponses"].iter_rows() for c in row if c.value == '=HYPERLINK("http://x","y")')
    assert cell.data_type == "s" and cell.quotePrefix
    assert b"<f>" not in zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    assert Response.objects.get(language="fr").form_data["name"] == '=HYPERLINK("http://x","y")'  # stored as given


def test_arabic_headers_make_right_to_left_sheets(answered):
    workbook, _data = export_workbook(answered, language="ar")
    assert all(workbook[name].sheet_view.rightToLeft for name in workbook.sheetnames)


def test_joined_multiple_choice_is_one_column(answered):
    workbook, _data = export_workbook(answered, language="fr", multiple_choice="joined")
    rows = rows_by_header(workbook.worksheets[0])
    assert rows[0]["tools — Outils utilisés"] == "Budget participatif; Conseil des jeunes"


def test_summary_counts_percentages_means_and_charts(answered):
    workbook, data = export_workbook(answered, language="fr")
    summary = list(workbook.worksheets[1].iter_rows(values_only=True))
    assert ("Ressources financières", 1, 50.0, None) in summary
    assert ("Oui", 2, 100.0, None) in summary
    assert any(row[3] == 4 for row in summary)  # mean of the rating scale (4 and 4)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert len([name for name in names if name.startswith("xl/charts/chart")]) >= 5


def test_codebook_lists_codes_types_and_labels_in_each_language(answered):
    workbook, _data = export_workbook(answered, language="fr")
    codebook = list(workbook.worksheets[2].iter_rows(values_only=True))
    header = codebook[0]
    assert any("(ar)" in str(value) for value in header) and any("(fr)" in str(value) for value in header)
    axis = next(row for row in codebook if row[0] == "axis")
    assert "finance = Ressources financières" in " ".join(str(value) for value in axis)


def test_export_command_writes_xlsx_and_csv(answered, tmp_path):
    call_command(
        "export_responses", str(answered.pk), "-o", str(tmp_path / "out.xlsx"), "--language", "fr", verbosity=0
    )
    assert openpyxl.load_workbook(tmp_path / "out.xlsx")["Réponses"].max_row == 3
    call_command("export_responses", answered.slug, "-o", str(tmp_path / "out.csv"), verbosity=0)
    text = (tmp_path / "out.csv").read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert len(rows) == 3
    assert '\'=HYPERLINK("http://x","y")' in [value for row in rows for value in row]


def test_admin_export_follows_the_listing_filters_and_needs_the_right(client, site_tree, answered):
    url = (
        f"/admin/consultations/responses/export/?consultation={answered.translation_key}"
        "&language=fr&export_format=xlsx&header_language=fr"
    )
    organiser = User.objects.create_user("organiser", password="pw")
    organiser.groups.add(Group.objects.get(name=ORGANISERS))
    client.force_login(organiser)
    response = client.get(url)
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert workbook["Réponses"].max_row == 2  # the French response only
    csv_response = client.get(url.replace("export_format=xlsx", "export_format=csv"))
    assert b"".join(csv_response.streaming_content).decode().startswith("\ufeff")

    editor = User.objects.create_user("editor", password="pw")
    editor.groups.add(site_tree.commune.group_for_editors())
    client.force_login(editor)
    assert client.get(url).status_code == 302


def test_closed_consultation_publishes_its_results_when_organisers_choose(client, answered):
    from django.utils import timezone

    url = answered.url + "results/"
    assert client.get(url).status_code == 404  # still open
    type(answered).objects.filter(pk=answered.pk).update(
        closes_at=timezone.now() - datetime.timedelta(hours=1), opens_at=timezone.now() - datetime.timedelta(days=3)
    )
    assert client.get(url).status_code == 404  # not published
    type(answered).objects.filter(pk=answered.pk).update(publish_results=True)
    content = client.get(url).content.decode()
    assert "Ressources financières" in content and ("50,0%" in content or "50.0%" in content)
    assert "<table" in content and "commune@example.ma" not in content


def test_large_export_runs_in_the_background_and_only_its_requester_and_organisers_fetch_it(
    client, site_tree, answered, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    organiser = User.objects.create_user("organiser", password="pw")
    organiser.groups.add(Group.objects.get(name=ORGANISERS))
    client.force_login(organiser)
    url = (
        f"/admin/consultations/responses/export/background/?consultation={answered.translation_key}&header_language=fr"
    )
    assert client.get(url).status_code == 200  # asks to confirm
    response = client.post(url)
    assert response.status_code == 302
    job_url = response["Location"]
    status = client.get(job_url + "?format=json").json()
    assert status["status"] == "done" and status["percent"] == 100 and status["rows"] == 2
    download = client.get(job_url + "download/")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    assert workbook["Réponses"].max_row == 3

    other = User.objects.create_user("someone", password="pw")
    other.groups.add(site_tree.commune.group_for_editors())
    client.force_login(other)
    assert client.get(job_url + "download/").status_code == 403


def test_summary_counts_come_from_the_responses_pass(answered, django_assert_num_queries):
    export = ConsultationExport(answered, Response.objects.all(), ExportOptions(language="fr"))
    progress = []
    export.on_row = progress.append
    rows = list(export.responses_sheet().rows)
    with django_assert_num_queries(0):
        tallies = export.tallies()
    assert tallies.answered["plan"] == len(rows) == 2 and progress == [1, 2]


def test_an_export_whose_worker_died_is_shown_stalled_and_started_again(client, answered, organiser, settings):
    from consultations.models import ExportJob, ExportLost
    from consultations.tasks import run_export

    settings.EXPORT_STALLED_AFTER_SECONDS = 60
    job = ExportJob.objects.create(
        consultation_key=answered.translation_key, requested_by=organiser, options={"language": "fr"}
    )
    assert job.claim()  # a worker took it…
    zombie = ExportJob.objects.get(pk=job.pk)
    job.save_progress(1)  # …wrote a row, then was killed
    ExportJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - datetime.timedelta(minutes=2))
    client.force_login(organiser)
    job_url = f"/admin/consultations/responses/export/job/{job.pk}/"
    assert f'action="{job_url}again/"' in client.get(job_url).content.decode()  # "stopped…", and the button

    assert client.post(job_url + "again/").status_code == 302  # the immediate backend runs it at once
    job.refresh_from_db()
    assert job.status == ExportJob.Status.DONE and job.rows_done == 2 and job.attempt == 2 and job.file
    assert f'action="{job_url}again/"' not in client.get(job_url).content.decode()
    with pytest.raises(ExportLost):
        zombie.save_progress(2)  # the killed run, were it to come back, stops: another attempt owns the job
    assert ExportJob.objects.get(pk=job.pk).rows_done == 2
    run_export.enqueue(job.pk)  # and a second delivery of the task finds nothing to do
    assert ExportJob.objects.get(pk=job.pk).attempt == 2


def test_a_failed_export_can_be_started_again_by_its_requester_only(client, site_tree, answered, organiser):
    from consultations.models import ExportJob

    job = ExportJob.objects.create(consultation_key=answered.translation_key, requested_by=organiser)
    job.claim()
    job.mark_failed(RuntimeError("disk full"))
    other = User.objects.create_user("someone", password="pw")
    other.groups.add(site_tree.commune.group_for_editors())
    client.force_login(other)
    client.post(f"/admin/consultations/responses/export/job/{job.pk}/again/")
    assert ExportJob.objects.get(pk=job.pk).status == ExportJob.Status.FAILED
    client.force_login(organiser)
    page = client.get(f"/admin/consultations/responses/export/job/{job.pk}/").content.decode()
    assert "disk full" in page and f"/export/job/{job.pk}/again/" in page
    client.post(f"/admin/consultations/responses/export/job/{job.pk}/again/")
    assert ExportJob.objects.get(pk=job.pk).status == ExportJob.Status.DONE
