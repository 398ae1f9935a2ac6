"""Tools to build demo content: locales, pages, translations, placeholder media.

Used by `load_demo` here and by the demo builders that other apps register on
the `load_demo` hook. Every function is idempotent: objects are looked up by a
stable key (slug under a parent, title, code) and reused when they exist.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata
from collections.abc import Mapping

from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail_localize.models import (
    LocaleSynchronization,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

LANGUAGE_CODES = ("ar", "fr", "en")
DEFAULT_LANGUAGE = "ar"


def locales() -> dict[str, Locale]:
    """The three content locales; French and English trees follow the Arabic one."""
    result = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGE_CODES}
    for code in LANGUAGE_CODES:
        if code != DEFAULT_LANGUAGE:
            LocaleSynchronization.objects.get_or_create(locale=result[code], sync_from=result[DEFAULT_LANGUAGE])
    return result


def publish(page: Page) -> Page:
    page.save_revision().publish()
    return page


def child_page(parent: Page, model, slug: str, **fields) -> Page:
    """The child of `parent` with this slug, created and published when missing."""
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing is not None:
        return existing
    page = model(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    return publish(page)


def translate(instance, locale: Locale, strings: Mapping[str, str]):
    """Translate a page or snippet into `locale` through wagtail-localize.

    `strings` maps source text to its translation; any text left out stays in
    the source language (the translation editor shows it as untranslated).
    Going through wagtail-localize keeps the translation editable, and synced,
    in the admin.
    """
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return existing
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        translated = strings.get(segment.string.data)
        if translated:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": translated},
            )
    translation.save_target(publish=True)
    return instance.get_translation(locale)


def translations_of(values: Mapping[str, str], source_language: str, target_language: str) -> dict[str, str]:
    """Pairs {source text: target text} from a {language: text} mapping."""
    source, target = values.get(source_language), values.get(target_language)
    return {source: target} if source and target else {}


def rich_text_from_blocks(blocks: list) -> list[tuple[str, object]]:
    """Turn the seed content's simple block tuples into StreamField data."""
    stream: list[tuple[str, object]] = []
    for block in blocks:
        kind = block[0]
        if kind == "heading":
            stream.append(("heading", {"text": block[1], "level": "h2"}))
        elif kind == "paragraph":
            stream.append(("paragraph", RichText(f"<p>{escape_html(block[1])}</p>")))
        elif kind == "list":
            items = "".join(f"<li>{escape_html(item)}</li>" for item in block[1])
            stream.append(("paragraph", RichText(f"<ul>{items}</ul>")))
        elif kind == "quote":
            stream.append(("quote", {"text": block[1], "attribution": block[2] if len(block) > 2 else ""}))
    return stream


def escape_html(text: str) -> str:
    from django.utils.html import escape

    return escape(text)


def ascii_label(text: str) -> str:
    """Pillow's built-in font has no accents: write "Tétouan" as "Tetouan"."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _colour(key: str, colour: str | None) -> str:
    if colour:
        return colour
    digest = hashlib.sha1(key.encode()).hexdigest()
    return f"#{digest[:6]}"


def placeholder_image(title: str, label: str, colour: str | None = None):
    """A generated landscape picture (no download): a coloured field, a pattern, a label."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    base = PILImage.new("RGB", (1200, 750), _colour(title, colour))
    draw = ImageDraw.Draw(base)
    for index in range(0, 1200 + 750, 60):
        draw.line([(index, 0), (index - 750, 750)], fill=(255, 255, 255), width=2)
    draw.rectangle([(0, 560), (1200, 750)], fill=(255, 255, 255))
    draw.text((40, 600), ascii_label(label), fill=(20, 30, 30), font_size=72)
    buffer = io.BytesIO()
    base.save(buffer, format="JPEG", quality=80)
    filename = f"{hashlib.sha1(title.encode()).hexdigest()[:12]}.jpg"
    image = Image(title=title, file=ImageFile(buffer, name=filename))
    image.save()
    return image


def placeholder_document(title: str, filename: str, lines: list[str]):
    """A one-page PDF with a few lines of Latin text, made with Pillow."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    page = PILImage.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    for number, line in enumerate([title, "", *lines]):
        draw.text((100, 120 + number * 60), ascii_label(line), fill="black", font_size=40 if number == 0 else 30)
    buffer = io.BytesIO()
    page.save(buffer, format="PDF")
    document = Document(title=title, file=SimpleUploadedFile(filename, buffer.getvalue(), "application/pdf"))
    document.save()
    return document
