"""Personal data is not kept longer than needed: expired exports are purged, files go with their record."""

import datetime
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from consultations.models import ExportJob, Response
from consultations.proposals import Proposal
from consultations.tests.test_members_and_bad_input import pdf_bytes, post_with_file
from home.private_files import private_storage


@pytest.fixture
def export_made(public_consultation, admin_user):
    """An export made `days_ago` days ago, with its stored file."""

    def made(days_ago: int) -> ExportJob:
        job = ExportJob.objects.create(consultation_key=public_consultation.translation_key, requested_by=admin_user)
        job.file.save("consultation.xlsx", ContentFile(b"answers"))
        ExportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - datetime.timedelta(days=days_ago))
        return ExportJob.objects.get(pk=job.pk)

    return made


def test_exports_are_deleted_once_they_expire(export_made, settings):
    settings.EXPORT_FILES_KEPT_DAYS = 7
    expired, recent = export_made(days_ago=8), export_made(days_ago=6)
    call_command("purge_expired_files", stdout=StringIO())
    assert not private_storage().exists(expired.file.name)
    assert ExportJob.objects.get(pk=expired.pk).file.name == ""
    assert private_storage().exists(recent.file.name)
    assert ExportJob.objects.get(pk=recent.pk).file.name == recent.file.name


def test_an_expired_exports_page_says_so_instead_of_offering_the_file(client, export_made, admin_user):
    expired = export_made(days_ago=8)
    client.force_login(admin_user)
    page = client.get(f"/admin/consultations/responses/export/job/{expired.pk}/", HTTP_ACCEPT_LANGUAGE="fr")
    assert "Cet export a expiré" in page.content.decode()
    assert f"/export/job/{expired.pk}/download/" not in page.content.decode()


def test_deleting_a_response_in_the_admin_removes_its_files(
    client, admin_client, public_consultation, valid_answers, django_capture_on_commit_callbacks
):
    post_with_file(client, public_consultation, valid_answers, "rapport.pdf", pdf_bytes())
    response = Response.objects.get()
    stored = response.form_data["report"]["file"]
    assert private_storage().exists(stored)
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/consultations/responses/delete/{response.pk}/")
    assert not Response.objects.exists()
    assert not private_storage().exists(stored)


def test_deleting_a_proposal_removes_its_attachment(client, proposals_page, django_capture_on_commit_callbacks):
    upload = SimpleUploadedFile("plan.pdf", pdf_bytes(), content_type="application/pdf")
    data = {"title": "Éclairage", "description": "Des lampadaires.", "consent": "on", "attachment_file": upload}
    client.post(proposals_page.url + "submit/", data)
    proposal = Proposal.objects.get()
    stored = proposal.attachment["file"]
    with django_capture_on_commit_callbacks(execute=True):
        proposal.delete()
    assert not private_storage().exists(stored)


def test_a_deletion_rolled_back_keeps_the_files(export_made):
    job = export_made(days_ago=0)
    with pytest.raises(RuntimeError), transaction.atomic():
        job.delete()
        raise RuntimeError
    assert private_storage().exists(job.file.name)


def test_a_file_replaced_by_an_organisers_correction_is_deleted(
    client, admin_client, public_consultation, valid_answers, django_capture_on_commit_callbacks
):
    post_with_file(client, public_consultation, valid_answers, "rapport.pdf", pdf_bytes())
    response = Response.objects.get()
    first = response.form_data["report"]["file"]
    upload = SimpleUploadedFile("corrige.pdf", pdf_bytes(), content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        saved = admin_client.post(
            f"/admin/consultations/responses/answers/{response.pk}/", {**valid_answers, "report": upload}
        )
    assert saved.status_code == 302
    second = Response.objects.get().form_data["report"]["file"]
    assert second != first and private_storage().exists(second)
    assert not private_storage().exists(first)
