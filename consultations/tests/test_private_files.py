"""Answer files, proposal attachments and exports are private: out of public reach, served after a check."""

from io import StringIO
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.http import Http404
from django.test import RequestFactory
from django.views.static import serve

from consultations.models import ExportJob, Response
from consultations.proposals import Proposal
from consultations.tests.test_members_and_bad_input import pdf_bytes, post_with_file
from home.private_files import private_storage
from home.roles import MODERATORS


@pytest.fixture
def commune_editor(site_tree):
    user = User.objects.create_user("editor", password="pw")
    user.groups.add(site_tree.commune.group_for_editors())
    return user


@pytest.fixture
def answer_file_url(client, public_consultation, valid_answers):
    post_with_file(client, public_consultation, valid_answers, "rapport.pdf", pdf_bytes())
    response = Response.objects.get()
    return f"/admin/consultations/responses/file/{response.pk}/report/", response.form_data["report"]["file"]


@pytest.fixture
def attachment_url(client, proposals_page):
    data = {"title": "Éclairage", "description": "Des lampadaires.", "consent": "on"}
    upload = SimpleUploadedFile("plan.pdf", pdf_bytes(), content_type="application/pdf")
    client.post(proposals_page.url + "submit/", {**data, "attachment_file": upload})
    proposal = Proposal.objects.get()
    return f"/admin/consultations/proposals/attachment/{proposal.pk}/", proposal.attachment["file"]


@pytest.fixture
def export_url(client, public_consultation, valid_answers, organiser):
    client.post(public_consultation.url, valid_answers)
    client.force_login(organiser)
    started = client.post(
        f"/admin/consultations/responses/export/background/?consultation={public_consultation.translation_key}"
    )
    client.logout()
    job = ExportJob.objects.get()
    return started["Location"] + "download/", job.file.name


# Fetched by name (`request.getfixturevalue`): each test also asks for `site_tree`, so that its layer is ready.
PRIVATE_FILES = ["answer_file_url", "attachment_url", "export_url"]


def not_served_under_media_url(name: str, settings) -> bool:
    """What `/media/` serves (nginx's alias, Django's static view in development) cannot reach the file."""
    try:
        serve(RequestFactory().get(settings.MEDIA_URL + name), name, document_root=settings.MEDIA_ROOT)
    except Http404:
        return True
    return False


@pytest.mark.parametrize("private_file", PRIVATE_FILES)
def test_anonymous_visitors_are_sent_to_the_login_page_instead_of_the_file(client, site_tree, private_file, request):
    url, _name = request.getfixturevalue(private_file)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("private_file", PRIVATE_FILES)
def test_a_commune_editor_is_refused_the_file(client, commune_editor, private_file, request):
    url, _name = request.getfixturevalue(private_file)
    client.force_login(commune_editor)
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("private_file", PRIVATE_FILES)
def test_an_organiser_downloads_the_file_kept_out_of_public_media(client, organiser, private_file, request, settings):
    url, name = request.getfixturevalue(private_file)
    client.force_login(organiser)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    with private_storage().open(name, "rb") as stored:
        assert b"".join(response.streaming_content) == stored.read()
    assert not Path(private_storage().path(name)).is_relative_to(settings.MEDIA_ROOT)
    assert not_served_under_media_url(name, settings)


class SignedObjectStorage(Storage):
    """Object storage as django-storages' S3Storage presents it: files in a bucket, signed addresses."""

    bucket: dict[str, bytes] = {}

    def _save(self, name, content):
        self.bucket[name] = content.read()
        return name

    def _open(self, name, mode="rb"):
        return ContentFile(self.bucket[name], name=name)

    def exists(self, name):
        return name in self.bucket

    def delete(self, name):
        self.bucket.pop(name, None)

    def url(self, name, parameters=None, expire=None):
        return f"https://bucket.example/{name}?{urlencode({**parameters, 'Expires': expire})}&Signature=sig"


def test_on_object_storage_the_download_is_a_short_lived_signed_address(client, organiser, request, settings):
    settings.STORAGES = {**settings.STORAGES, "private": {"BACKEND": f"{__name__}.SignedObjectStorage"}}
    settings.PRIVATE_MEDIA_SIGNED_URL_SECONDS = 30
    url, name = request.getfixturevalue("attachment_url")
    assert name in SignedObjectStorage.bucket
    assert client.get(url)["Location"].startswith("/admin/login/")
    client.force_login(organiser)
    response = client.get(url)
    assert response.status_code == 302 and response["Cache-Control"].startswith("private, no-store")
    disposition = urlencode({"ResponseContentDisposition": 'attachment; filename="plan.pdf"', "Expires": 30})
    assert response["Location"] == f"https://bucket.example/{name}?{disposition}&Signature=sig"


@pytest.mark.parametrize("private_file", PRIVATE_FILES)
def test_stored_names_start_with_a_random_token(site_tree, private_file, request):
    _url, name = request.getfixturevalue(private_file)
    folder, token, filename = name.split("/")
    assert folder in ("responses", "exports") and len(token) >= 32
    assert str(ExportJob.objects.values_list("pk", flat=True).first()) not in filename.rsplit(".", 1)[0].split("-")


def test_nginx_sends_the_file_when_accel_redirect_is_on(client, organiser, answer_file_url, settings):
    settings.PRIVATE_MEDIA_ACCEL_REDIRECT = "/private-media/"
    url, name = answer_file_url
    client.force_login(organiser)
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/private-media/{name}"
    assert response.content == b""
    assert response["Content-Disposition"] == 'attachment; filename="rapport.pdf"'


def test_files_saved_publicly_before_are_moved_to_the_private_storage(
    public_consultation, organiser, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    default_storage.save("exports/consultation-1.xlsx", ContentFile(b"old export"))
    default_storage.save("responses/0123abcd/old.pdf", ContentFile(pdf_bytes()))
    job = ExportJob.objects.create(
        consultation_key=public_consultation.translation_key, requested_by=organiser, file="exports/consultation-1.xlsx"
    )
    response = Response.objects.create(
        consultation_key=public_consultation.translation_key,
        page=public_consultation,
        language="ar",
        form_data={"report": {"file": "responses/0123abcd/old.pdf", "name": "old.pdf", "size": 40}},
    )
    call_command("move_private_files", stdout=StringIO())
    job.refresh_from_db()
    response.refresh_from_db()
    assert not default_storage.exists("exports/consultation-1.xlsx")
    assert not default_storage.exists("responses/0123abcd/old.pdf")
    assert job.file.name.startswith("exports/") and "consultation-1" not in job.file.name.split("/")[1]
    assert private_storage().open(job.file.name).read() == b"old export"
    assert private_storage().exists(response.form_data["report"]["file"])


def test_moderators_find_the_attachment_in_the_proposals_listing(client, attachment_url):
    url, _name = attachment_url
    moderator = User.objects.create_user("moderator", password="pw")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(moderator)
    assert url in client.get("/admin/consultations/proposals/").content.decode()
    assert client.get(url).status_code == 200
