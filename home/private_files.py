"""Files that hold personal data: stored where no public URL reaches, served only after a permission check.

Answer files, proposal attachments, scans of paper questionnaires and export spreadsheets go to
the "private" storage of `STORAGES` (by default a folder outside `MEDIA_ROOT`, see
`PRIVATE_MEDIA_ROOT`), under names that start with a random token, so that neither nginx's
`/media/` nor a guessed address ever reaches them. Views check the user's permission, then call
`private_file_response`: in production nginx sends the bytes (`X-Accel-Redirect` to an
`internal` location, `PRIVATE_MEDIA_ACCEL_REDIRECT`); on object storage (django-storages'
`S3Storage`) the browser is sent to a signed address that expires within
`PRIVATE_MEDIA_SIGNED_URL_SECONDS`; otherwise Django streams them.
Public Wagtail images and documents stay in the default storage.
"""

from __future__ import annotations

import mimetypes
import secrets
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.http import content_disposition_header

PRIVATE_STORAGE_ALIAS = "private"


def private_storage() -> Storage:
    """The storage of personal-data files (also the `storage` callable of their model fields)."""
    return storages[PRIVATE_STORAGE_ALIAS]


def unguessable_name(folder: str, filename: str) -> str:
    """`folder/<random token>/filename`: the token (192 random bits) keeps the address out of reach."""
    return f"{folder}/{secrets.token_urlsafe(24)}/{filename}"


def private_file_response(name: str, filename: str) -> HttpResponse:
    """The stored file `name` as a download called `filename`; call it only after checking the user's right."""
    storage = private_storage()
    if not name or not storage.exists(name):
        raise Http404
    disposition = content_disposition_header(as_attachment=True, filename=filename)
    accel_prefix = settings.PRIVATE_MEDIA_ACCEL_REDIRECT
    if accel_prefix:
        response = HttpResponse(content_type=mimetypes.guess_type(filename)[0] or "application/octet-stream")
        response["X-Accel-Redirect"] = accel_prefix.rstrip("/") + "/" + quote(name)
        response["Content-Disposition"] = disposition
    elif isinstance(storage, FileSystemStorage):
        response = FileResponse(storage.open(name, "rb"), as_attachment=True, filename=filename)
    else:  # object storage: S3Storage.url signs the address, the download's name and its expiry
        parameters = {"ResponseContentDisposition": disposition}
        expire = settings.PRIVATE_MEDIA_SIGNED_URL_SECONDS
        response = HttpResponseRedirect(storage.url(name, parameters=parameters, expire=expire))
    response["Cache-Control"] = "private, no-store"
    return response


def delete_private_file(name: str) -> None:
    """Remove a stored file (no error when it is already gone)."""
    if name:
        private_storage().delete(name)
