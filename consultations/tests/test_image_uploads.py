"""Public image uploads (answer files, proposal attachments) cost bounded time and memory."""

import io
import os
import threading
import time

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from consultations.uploads import AnswerFileField

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def png(mode: str, size: tuple[int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


def send(content: bytes, name="photo.png"):
    return AnswerFileField(allowed_extensions="png, jpg", max_megabytes=5).clean(
        SimpleUploadedFile(name, content, content_type="image/png")
    )


def resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE_SIZE


def test_a_large_image_is_refused_from_its_header_before_any_decoding():
    content = png("1", (6000, 6600))  # 39.6 megapixels in a few kB, as the tester sent
    started = time.monotonic()
    with translation.override("fr"):
        with pytest.raises(ValidationError) as refused:
            send(content)
        assert refused.value.messages == ["Cette image est trop grande (trop de pixels)."]
    assert time.monotonic() - started < 0.5


def test_four_worst_case_uploads_at_once_stay_under_300_mb_of_memory():
    width = 3000
    height = settings.PUBLIC_IMAGE_MAX_PIXELS // width  # just under the cap, four bytes a pixel
    content = png("RGBA", (width, height))
    results, peak, done = [], [0], threading.Event()

    def watch(baseline: int) -> None:
        while not done.is_set():
            peak[0] = max(peak[0], resident_bytes() - baseline)
            time.sleep(0.002)

    watcher = threading.Thread(target=watch, args=(resident_bytes(),))
    watcher.start()
    uploads = [threading.Thread(target=lambda: results.append(send(content))) for _ in range(4)]
    for upload in uploads:
        upload.start()
    for upload in uploads:
        upload.join()
    done.set()
    watcher.join()
    assert len(results) == 4
    assert peak[0] < 300 * 1024 * 1024, f"grew by {peak[0] // (1024 * 1024)} MB"
