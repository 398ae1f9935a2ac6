"""Site chrome: navigation, language switcher, identity and contact details.

Each tag costs at most one query and is used once per page, so the page
chrome adds a fixed number of queries whatever the content.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page

from home.locales import active_locale
from home.models import NetworkSettings, SiteIdentity
from home.page_cache import cached_until_publication

register = template.Library()


@register.simple_tag
def site_identity() -> SiteIdentity | None:
    locale = active_locale()
    return cached_until_publication(
        f"identity:{locale.language_code}", lambda: SiteIdentity.objects.filter(locale=locale).first()
    )


@register.simple_tag
def network_settings() -> NetworkSettings:
    return cached_until_publication("network-settings", NetworkSettings.load)


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    path: str


def _menu(request, locale: Locale) -> tuple[MenuItem | None, list[MenuItem]]:
    pages = list(
        Page.objects.live()
        .filter(locale=locale)
        .filter(Q(depth=2) | Q(depth=3, show_in_menus=True))
        .order_by("path")
        .only("title", "url_path", "path", "depth", "locale_id")
    )
    homes = [page for page in pages if page.depth == 2]
    if not homes:
        return None, []
    home = homes[0]
    items = [page for page in pages if page.depth == 3 and page.path.startswith(home.path)]
    to_item = lambda page: MenuItem(page.title, page.get_url(request), page.path)  # noqa: E731
    return to_item(home), [to_item(page) for page in items]


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context, current_page=None):
    """The home page of the visitor's language and its children marked 'show in menus'."""
    locale = active_locale()
    request = context.get("request")
    home, items = cached_until_publication(f"menu:{locale.language_code}", lambda: _menu(request, locale))
    current_path = getattr(current_page, "path", "")
    return {
        "home": home,
        "items": [(item, bool(current_path) and current_path.startswith(item.path)) for item in items],
    }


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """Links to the same page in each language, or to that language's home page.

    Pages are matched by translation key (aliases included); other views keep
    their path and swap the language prefix.
    """
    request = context["request"]
    current = translation.get_language()
    urls: dict[str, str] = {}
    if page is not None and getattr(page, "translation_key", None):

        def translation_urls() -> dict[str, str]:
            translations = (
                Page.objects.live()
                .filter(translation_key=page.translation_key)
                .select_related("locale")
                .only("url_path", "path", "depth", "locale__language_code")
            )
            return {p.locale.language_code: p.get_url(request) for p in translations}

        urls = cached_until_publication(f"translations:{page.translation_key}", translation_urls)
    links = []
    for code, name in settings.LANGUAGES:
        if code in urls:
            url = urls[code]
        elif page is None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = f"/{code}/"
        info = translation.get_language_info(code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current,
                "dir": "rtl" if info["bidi"] else "ltr",
            }
        )
    return {"links": links}


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page) -> list[tuple[str, str]]:
    """(title, url) of the page's ancestors below the root, cached until the next publication."""
    request = context.get("request")
    return cached_until_publication(
        f"breadcrumbs:{page.pk}",
        lambda: [(ancestor.title, ancestor.get_url(request)) for ancestor in page.get_ancestors()[1:]],
    )


@register.simple_tag
def text_direction(locale: Locale | None) -> str:
    """`rtl` or `ltr` for a page's content language."""
    return "rtl" if locale is not None and locale.is_bidi else "ltr"
