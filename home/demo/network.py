"""The network's demo site: home pages, members, experiences, news, identity.

Everything comes from `content.py`, itself drawn from the network's public
posts. Source pages are written in the language of their source text and
translated into the other two; titles, introductions and facts are translated,
long bodies stay in their source language.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from home.models import (
    CommuneIndexPage,
    CommunePage,
    ExperienceDocument,
    ExperiencePage,
    FeaturedExperience,
    HomePage,
    Mechanism,
    NetworkSettings,
    NewsIndexPage,
    NewsPage,
    SiteIdentity,
    StandardPage,
    Theme,
)

from . import content
from .builder import (
    DEFAULT_LANGUAGE,
    LANGUAGE_CODES,
    child_page,
    locales,
    placeholder_document,
    placeholder_image,
    publish,
    rich_text_from_blocks,
    translate,
    translations_of,
)

SECTION_TITLES = {
    "communes": {"ar": "الجماعات الأعضاء", "fr": "Communes membres", "en": "Member communes"},
    "news": {"ar": "الأخبار", "fr": "Actualités", "en": "News"},
    "about": {"ar": "عن الشبكة", "fr": "À propos du réseau", "en": "About the network"},
}
SECTION_INTROS = {
    "communes": {
        "ar": "الجماعات والمجالس الأعضاء في الشبكة وتجاربها التشاركية.",
        "fr": "Les communes et conseils membres du réseau et leurs expériences participatives.",
        "en": "The network's member communes and councils and their participatory experiences.",
    },
    "news": {
        "ar": "أنشطة الشبكة وشركائها.",
        "fr": "Les activités du réseau et de ses partenaires.",
        "en": "News of the network and its partners.",
    },
}


def build(stdout=None) -> HomePage:
    """Build (or complete) the network's site and return the Arabic home page."""
    by_code = locales()
    home = _home_pages(by_code)
    _identity(by_code)
    mechanisms = _snippets(Mechanism, content.MECHANISMS, by_code)
    themes = _snippets(Theme, content.THEMES, by_code)
    communes = _communes(home, by_code, mechanisms)
    experiences = _experiences(communes, by_code, mechanisms, themes)
    _news(home, by_code)
    _about(home, by_code)
    _feature(home, by_code, experiences)
    if stdout:
        stdout.write(f"Network: {Page.objects.live().count()} live pages in {len(by_code)} languages.")
    return home


def _home_pages(by_code) -> HomePage:
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=by_code[DEFAULT_LANGUAGE], depth=2).first()
    if home is None:
        # Wagtail's first migration leaves a "Welcome" page as the site root.
        Page.objects.filter(depth=2, content_type__model="page").delete()
        root.refresh_from_db()
        home = HomePage(
            title=content.NETWORK["name"]["ar"],
            slug="home",
            locale=by_code[DEFAULT_LANGUAGE],
            intro=RichText(f"<p>{content.NETWORK['intro']['ar']}</p>"),
            hero_image=placeholder_image("Shabaka — hero", "Shabaka", "#0b6e4f"),
        )
        root.add_child(instance=home)
        publish(home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Shabaka"},
    )
    for code in LANGUAGE_CODES:
        if code != DEFAULT_LANGUAGE:
            strings = translations_of(content.NETWORK["name"], "ar", code)
            strings[str(RichText(f"<p>{content.NETWORK['intro']['ar']}</p>"))] = (
                f"<p>{content.NETWORK['intro'][code]}</p>"
            )
            strings[content.NETWORK["intro"]["ar"]] = content.NETWORK["intro"][code]
            translate(home, by_code[code], strings)
    return home


def _identity(by_code) -> None:
    network = content.NETWORK
    source = SiteIdentity.objects.filter(locale=by_code[DEFAULT_LANGUAGE]).first()
    if source is None:
        source = SiteIdentity.objects.create(
            locale=by_code[DEFAULT_LANGUAGE],
            network_name=network["name"]["ar"],
            tagline=network["tagline"]["ar"],
            footer_text=f"<p>{network['footer']['ar']}</p>",
        )
    for code in LANGUAGE_CODES:
        if code != DEFAULT_LANGUAGE:
            strings = {}
            for key in ("name", "tagline", "footer"):
                strings.update(translations_of(network[key], "ar", code))
            translate(source, by_code[code], strings)
    settings = NetworkSettings.load()
    if not settings.contact_email:
        settings.contact_email = network["email"]
        settings.save()


def _snippets(model, items, by_code) -> dict[str, dict[str, object]]:
    """{code: {language: snippet}} for mechanisms or themes."""
    result: dict[str, dict[str, object]] = {}
    for item in items:
        source, _created = model.objects.get_or_create(
            code=item["code"], locale=by_code[DEFAULT_LANGUAGE], defaults={"name": item["name"]["ar"]}
        )
        result[item["code"]] = {DEFAULT_LANGUAGE: source}
        for code in LANGUAGE_CODES:
            if code != DEFAULT_LANGUAGE:
                result[item["code"]][code] = translate(source, by_code[code], translations_of(item["name"], "ar", code))
    return result


def _translated_fields(item: dict, keys: tuple[str, ...], source_language: str, target: str) -> dict[str, str]:
    strings: dict[str, str] = {}
    for key in keys:
        strings.update(translations_of(item[key], source_language, target))
    return strings


def _communes(home: HomePage, by_code, mechanisms) -> dict[str, dict[str, CommunePage]]:
    index = child_page(
        home,
        CommuneIndexPage,
        "communes",
        title=SECTION_TITLES["communes"]["ar"],
        show_in_menus=True,
        intro=RichText(f"<p>{SECTION_INTROS['communes']['ar']}</p>"),
    )
    _translate_section(index, by_code, "communes")
    result: dict[str, dict[str, CommunePage]] = {}
    for item in content.COMMUNES:
        page = child_page(
            index,
            CommunePage,
            item["slug"],
            title=item["name"]["ar"],
            kind=item["kind"],
            intro=item["intro"]["ar"],
            region=item["region"]["ar"],
            province=item["province"]["ar"],
            population=item["population"],
            date_joined=datetime.date.fromisoformat(item["joined"]),
            contact_email=item["email"],
            phone=item["phone"] or "",
            latitude=Decimal(str(round(item["latitude"], 6))),
            longitude=Decimal(str(round(item["longitude"], 6))),
            image=placeholder_image(f"{item['name']['fr']} — photo", item["name"]["fr"], item["colour"]),
        )
        result[item["slug"]] = {DEFAULT_LANGUAGE: page}
        for code in LANGUAGE_CODES:
            if code != DEFAULT_LANGUAGE:
                strings = _translated_fields(item, ("name", "intro", "region", "province"), "ar", code)
                result[item["slug"]][code] = translate(page, by_code[code], strings).specific
        for code, translation in result[item["slug"]].items():
            # wagtail-localize leaves many-to-many fields out of translations.
            if not translation.mechanisms.exists():
                translation.mechanisms.set([mechanisms[m][code] for m in item["mechanisms"]])
                publish(translation)
    return result


def _experiences(communes, by_code, mechanisms, themes) -> dict[str, dict[str, ExperiencePage]]:
    result: dict[str, dict[str, ExperiencePage]] = {}
    for item in content.EXPERIENCES:
        language = item["source_language"]
        parent = communes[item["commune"]][language]
        page = parent.get_children().filter(slug=item["slug"]).specific().first()
        if page is None:
            page = ExperiencePage(
                slug=item["slug"],
                locale=by_code[language],
                title=item["title"][language],
                summary=item["summary"][language],
                mechanism=mechanisms[item["mechanism"]][language],
                theme=themes[item["theme"]][language],
                start_date=datetime.date.fromisoformat(item["start"]),
                end_date=datetime.date.fromisoformat(item["end"]) if item["end"] else None,
                body=rich_text_from_blocks(item["body"]),
                results="<ul>" + "".join(f"<li>{result}</li>" for result in item["results"]) + "</ul>",
                image=placeholder_image(f"{item['title']['fr']} — image", item["title"]["fr"][:40], None),
            )
            for document in item["documents"]:
                page.documents.add(
                    ExperienceDocument(
                        document=placeholder_document(
                            document["title"], document["filename"], [item["title"]["fr"], item["start"]]
                        )
                    )
                )
            parent.add_child(instance=page)
            publish(page)
        result[item["slug"]] = {language: page}
        for code in LANGUAGE_CODES:
            if code != language:
                strings = _translated_fields(item, ("title", "summary"), language, code)
                result[item["slug"]][code] = translate(page, by_code[code], strings).specific
    return result


def _news(home: HomePage, by_code) -> None:
    index = child_page(
        home,
        NewsIndexPage,
        "news",
        title=SECTION_TITLES["news"]["ar"],
        show_in_menus=True,
        intro=RichText(f"<p>{SECTION_INTROS['news']['ar']}</p>"),
    )
    indexes = _translate_section(index, by_code, "news")
    for item in content.NEWS:
        language = item["source_language"]
        parent = indexes[language]
        page = parent.get_children().filter(slug=item["slug"]).specific().first()
        if page is None:
            page = NewsPage(
                slug=item["slug"],
                locale=by_code[language],
                title=item["title"][language],
                date=datetime.date.fromisoformat(item["date"]),
                intro=item["intro"][language],
                body=rich_text_from_blocks(item["body"]),
            )
            parent.add_child(instance=page)
            publish(page)
        for code in LANGUAGE_CODES:
            if code != language:
                translate(page, by_code[code], _translated_fields(item, ("title", "intro"), language, code))


def _about(home: HomePage, by_code) -> None:
    about = child_page(
        home,
        StandardPage,
        "about",
        title=SECTION_TITLES["about"]["ar"],
        show_in_menus=True,
        intro=content.NETWORK["intro"]["ar"],
        body=[
            (
                "paragraph",
                RichText("<p>" + "، ".join(item["name"]["ar"] for item in content.COMMUNES) + ".</p>"),
            )
        ],
    )
    _translate_section(about, by_code, "about", extra={code: content.NETWORK["intro"] for code in LANGUAGE_CODES})


def _translate_section(page: Page, by_code, key: str, extra=None) -> dict[str, Page]:
    pages = {DEFAULT_LANGUAGE: page}
    for code in LANGUAGE_CODES:
        if code == DEFAULT_LANGUAGE:
            continue
        strings = translations_of(SECTION_TITLES[key], "ar", code)
        if key in SECTION_INTROS:
            strings[SECTION_INTROS[key]["ar"]] = SECTION_INTROS[key][code]
        if extra:
            strings.update(translations_of(extra[code], "ar", code))
        pages[code] = translate(page, by_code[code], strings).specific
    return pages


def _feature(home: HomePage, by_code, experiences) -> None:
    """Each language's home page features that language's version of every experience."""
    for code in LANGUAGE_CODES:
        localized_home = home.get_translation(by_code[code]).specific
        if localized_home.featured_experiences.exists():
            continue
        for order, pages in enumerate(experiences.values()):
            FeaturedExperience.objects.create(home_page=localized_home, page=pages[code], sort_order=order)
        publish(localized_home)
