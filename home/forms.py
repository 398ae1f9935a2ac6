"""Forms of the ground floor that plug into Wagtail's admin."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images.forms import BaseImageForm

from .images import REENCODED_FORMATS, image_without_metadata


class StrippedImageForm(BaseImageForm):
    """Wagtail's image form (`WAGTAILIMAGES_IMAGE_FORM_BASE`): the uploaded file loses its metadata.

    Used by the image library's add, edit and multiple-upload views and by the
    image chooser's upload, so every original, and every rendition made from it,
    is free of EXIF.
    """

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or "file" not in self.changed_data:
            return upload
        with Image.open(upload) as image:  # WagtailImageField has already checked that it is an image
            image_format = image.format
        if image_format not in REENCODED_FORMATS:
            upload.seek(0)
            return upload
        content, _image_format = image_without_metadata(upload)
        return SimpleUploadedFile(upload.name, content, content_type=upload.content_type)
