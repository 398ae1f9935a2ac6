"""Uploaded images without their metadata: no EXIF, no GPS position, no camera, no XMP.

Phones write where a photo was taken into its EXIF. Every image that enters the
site (Wagtail's image library through `home.forms.StrippedImageForm`, answer files in
consultations) is decoded with Pillow's decompression-bomb guard, turned the way
its EXIF orientation says, and re-encoded from its pixels alone, so nothing
else comes along to the original or to the renditions made from it.
"""

from __future__ import annotations

import io
import threading

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

MAX_IMAGE_PIXELS = 40_000_000
# Formats re-encoded as they came; GIF carries no EXIF and is kept as it is (animations).
REENCODED_FORMATS = {"JPEG", "PNG", "WEBP", "AVIF"}


DECODE_WAIT_SECONDS = 30
# Decoding is where an image costs memory (up to 4 bytes a pixel, twice while copied): bounded per process.
_decoding = threading.BoundedSemaphore(settings.PUBLIC_IMAGE_DECODES_AT_ONCE)


def image_without_metadata(upload, image_format: str | None = None, *, max_pixels: int = MAX_IMAGE_PIXELS):
    """`upload`'s pixels, upright, re-encoded without metadata, and their format.

    The size is read from the header and checked against `max_pixels` before any decoding; at
    most `PUBLIC_IMAGE_DECODES_AT_ONCE` images are decoded at once in a process. `image_format`
    forces the output format (default: the upload's own). Raises a translated ValidationError
    for an unreadable, too large or decompression-bomb image, or when the server stays busy.
    """
    upload.seek(0)
    too_large = ValidationError(_("This image is too large (too many pixels)."), code="image_too_large")
    try:
        with Image.open(upload) as image:  # reads the header only
            if image.width * image.height > max_pixels:
                raise too_large
            image_format = image_format or image.format
            if not _decoding.acquire(timeout=DECODE_WAIT_SECONDS):
                raise ValidationError(
                    _("The server is busy with other images: send your file again in a minute."), code="busy"
                )
            try:
                return _reencoded_upright(image, image_format)
            finally:
                _decoding.release()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise too_large from error
    except OSError as error:
        raise ValidationError(_("This image cannot be read."), code="invalid_image") from error


def _reencoded_upright(image: Image.Image, image_format: str) -> tuple[bytes, str]:
    """Decode, turn upright, copy the pixels alone into a new image (no metadata comes along), encode.

    The decoded original is freed before encoding, so at most two copies of the pixels live at once.
    """
    ImageOps.exif_transpose(image, in_place=True)
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    if image.mode == "P":
        clean.putpalette(image.getpalette())
    image.close()
    if image_format == "JPEG" and clean.mode not in ("RGB", "L"):
        clean = clean.convert("RGB")
    buffer = io.BytesIO()
    clean.save(buffer, format=image_format, **({"quality": 90} if image_format in ("JPEG", "WEBP") else {}))
    return buffer.getvalue(), image_format
