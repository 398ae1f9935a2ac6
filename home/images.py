"""Uploaded images without their metadata: no EXIF, no GPS position, no camera, no XMP.

Phones write where a photo was taken into its EXIF. Every image that enters the
site (Wagtail's image library through `home.forms.StrippedImageForm`, answer files in
consultations) is decoded with Pillow's decompression-bomb guard, turned the way
its EXIF orientation says, and re-encoded from its pixels alone, so nothing
else comes along to the original or to the renditions made from it.
"""

from __future__ import annotations

import io

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

MAX_IMAGE_PIXELS = 40_000_000
# Formats re-encoded as they came; GIF carries no EXIF and is kept as it is (animations).
REENCODED_FORMATS = {"JPEG", "PNG", "WEBP", "AVIF"}


def image_without_metadata(upload, image_format: str | None = None) -> tuple[bytes, str]:
    """`upload`'s pixels, upright, re-encoded without metadata, and their format.

    `image_format` forces the output format (default: the upload's own). Raises a
    translated ValidationError for an unreadable image or a decompression bomb.
    """
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise ValidationError(_("This image is too large (too many pixels)."), code="image_too_large")
            image_format = image_format or image.format
            upright = ImageOps.exif_transpose(image)
            # Only the pixels are copied: EXIF, GPS, XMP and every other metadata stay behind.
            clean = Image.frombytes(upright.mode, upright.size, upright.tobytes())
            if upright.mode == "P":
                clean.putpalette(upright.getpalette())
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(_("This image is too large (too many pixels)."), code="image_too_large") from error
    except OSError as error:
        raise ValidationError(_("This image cannot be read."), code="invalid_image") from error
    if image_format == "JPEG" and clean.mode not in ("RGB", "L"):
        clean = clean.convert("RGB")
    buffer = io.BytesIO()
    clean.save(buffer, format=image_format, **({"quality": 90} if image_format in ("JPEG", "WEBP") else {}))
    return buffer.getvalue(), image_format
