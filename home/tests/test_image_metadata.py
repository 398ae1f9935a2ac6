"""Photos uploaded to the image library keep no trace of where they were taken."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image
from wagtail.images import get_image_model
from wagtail.models import Collection

GPS_IFD = ExifTags.IFD.GPSInfo


def phone_photo() -> bytes:
    """A 40×20 JPEG as a phone writes it: GPS position, camera, orientation 6 (turn 90° to view)."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Orientation] = 6
    exif[GPS_IFD] = {ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: (35.0, 34.0, 12.0)}
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "red").save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def test_a_photo_uploaded_in_the_admin_is_stored_upright_without_gps_or_exif(admin_client, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    photo = phone_photo()
    with Image.open(io.BytesIO(photo)) as original:
        assert original.getexif().get_ifd(GPS_IFD)  # the test photo does carry a position

    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "Réunion à Tétouan",
            "file": SimpleUploadedFile("meeting.jpg", photo, "image/jpeg"),
            "collection": Collection.get_first_root_node().pk,  # asked for once other collections exist
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    image = get_image_model().objects.get(title="Réunion à Tétouan")
    with image.open_file() as stored, Image.open(stored) as stored_image:
        assert not stored_image.getexif()
        assert stored_image.size == (20, 40)  # the orientation was applied, not dropped
    assert (image.width, image.height) == (20, 40)
    assert image.file_size == image.file.size
