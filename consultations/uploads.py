"""Files attached to answers: checked for what they really are, cleaned, stored privately.

A file is refused when it is too large, of a type the question does not accept,
or not what its name says (a `.pdf` that does not start like a PDF). Names are
reduced to safe characters (no path, no NUL, no bidirectional controls). Images
are measured from their header before anything is decoded (at most
`PUBLIC_IMAGE_MAX_PIXELS`), decoded a few at a time per process
(`PUBLIC_IMAGE_DECODES_AT_ONCE`) so that parallel uploads cannot exhaust the
memory, and lose their metadata, GPS position included (`home.images`). Stored files live under
`responses/<random token>/` of the private storage (home/private_files.py), out of reach
of any public URL, and are served only to organisers.
"""

from __future__ import annotations

import os
import re
import unicodedata
import zipfile

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from home.images import image_without_metadata
from home.private_files import private_storage, unguessable_name

DEFAULT_EXTENSIONS = ("pdf", "docx", "xlsx", "odt", "ods", "jpg", "jpeg", "png")
IMAGE_EXTENSIONS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG"}
ZIP_CONTAINERS = {"docx": "word/", "xlsx": "xl/", "odt": "content.xml", "ods": "content.xml"}
BIDI_AND_CONTROL = re.compile(r"[\x00-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe_filename(name: str) -> str:
    """The last path component, without control or bidirectional characters, at most 100 characters."""
    name = BIDI_AND_CONTROL.sub("", unicodedata.normalize("NFC", name))
    name = os.path.basename(name.replace("\\", "/")).strip(" .")
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    stem = re.sub(r"[^\w\- ]+", "_", stem).strip("_ ")[:90] or "file"
    extension = re.sub(r"[^a-z0-9]", "", extension.lower())[:8]
    return f"{stem}.{extension}" if extension else stem


def _looks_like(extension: str, head: bytes, upload: UploadedFile) -> bool:
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension in IMAGE_EXTENSIONS:
        return head.startswith(b"\x89PNG\r\n\x1a\n") or head.startswith(b"\xff\xd8\xff")
    if extension in ZIP_CONTAINERS:
        if not head.startswith(b"PK\x03\x04"):
            return False
        upload.seek(0)
        try:
            with zipfile.ZipFile(upload) as archive:
                return any(name.startswith(ZIP_CONTAINERS[extension]) for name in archive.namelist())
        except zipfile.BadZipFile:
            return False
    return False


class AnswerFileField(forms.FileField):
    """A file answer, validated by size, extension and content."""

    default_error_messages = {
        "too_big": _("The file is larger than %(limit)s MB."),
        "extension": _("Files of this type are not accepted. Accepted: %(allowed)s."),
        "disguised": _("The file's content does not match its name (.%(extension)s)."),
    }

    def __init__(self, *, allowed_extensions: str = "", max_megabytes: int | None = None, **kwargs):
        allowed = [ext.strip(" .").lower() for ext in allowed_extensions.split(",") if ext.strip(" .")]
        self.allowed_extensions = [ext for ext in allowed if ext in DEFAULT_EXTENSIONS] or list(DEFAULT_EXTENSIONS)
        self.max_bytes = (max_megabytes or 5) * 1024 * 1024
        kwargs.setdefault(
            "widget", forms.ClearableFileInput(attrs={"accept": ",".join(f".{e}" for e in self.allowed_extensions)})
        )
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not isinstance(upload, UploadedFile):
            return upload
        if upload.size > self.max_bytes:
            raise ValidationError(self.error_messages["too_big"], params={"limit": self.max_bytes // (1024 * 1024)})
        name = safe_filename(upload.name)
        extension = name.rpartition(".")[2] if "." in name else ""
        if extension not in self.allowed_extensions:
            raise ValidationError(
                self.error_messages["extension"], params={"allowed": ", ".join(self.allowed_extensions)}
            )
        upload.seek(0)
        head = upload.read(8)
        if not _looks_like(extension, head, upload):
            raise ValidationError(self.error_messages["disguised"], params={"extension": extension})
        if extension in IMAGE_EXTENSIONS:
            content = ContentFile(
                image_without_metadata(
                    upload, IMAGE_EXTENSIONS[extension], max_pixels=settings.PUBLIC_IMAGE_MAX_PIXELS
                )[0]
            )
        else:
            upload.seek(0)
            content = ContentFile(upload.read())
        content.name = name
        return content


def store_answer_file(content: ContentFile) -> dict:
    """Save a cleaned answer file privately under a random name; the answer keeps where and what it is."""
    path = private_storage().save(unguessable_name("responses", content.name), content)
    return {"file": path, "name": content.name, "size": content.size}


def answer_files(form_data: dict) -> dict[str, dict]:
    """The stored files among a response's answers (the `_scan` of a paper questionnaire included), by code."""
    return {code: value for code, value in form_data.items() if isinstance(value, dict) and "file" in value}
