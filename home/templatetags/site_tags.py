"""Site chrome: navigation, language switcher, identity and contact details.

Each tag costs at most one query and is used once per page, so the page
chrome adds a fixed number of queries whatever the content.
"""

from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page

from home.models import NetworkSettings, SiteIdentity

register = template.Library()


def _active_locale(context) -> Locale:
    if "active_locale" not in context.render_context:
        context.render_context["active_locale"] = Locale.get_active()
    return context.render_context["active_locale"]


@register.simple_tag(takes_context=True)
def site_identity(context) -> SiteIdentity | None:
    return SiteIdentity.objects.filter(locale=_active_locale(context)).first()


@register.simple_tag(takes_context=True)
def network_settings(context) -> NetworkSettings:
    return NetworkSettings.load(request_or_site=context.get("request"))


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context, current_page=None):
    """The home page of the visitor's language and its children marked 'show in menus'."""
    locale = _active_locale(context)
    pages = list(
        Page.objects.live()
        .filter(locale=locale)
        .filter(Q(depth=2) | Q(depth=3, show_in_menus=True))
        .order_by("path")
        .only("title", "url_path", "path", "depth", "locale_id")
    )
    homes = [page for page in pages if page.depth == 2]
    home = homes[0] if homes else None
    items = [page for page in pages if home and page.depth == 3 and page.path.startswith(home.path)]
    current_path = getattr(current_page, "path", "")
    return {
        "request": context.get("request"),
        "home": home,
        "items": [(page, bool(current_path) and current_path.startswith(page.path)) for page in items],
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
        translations = (
            Page.objects.live()
            .filter(translation_key=page.translation_key)
            .select_related("locale")
            .only("url_path", "path", "depth", "locale__language_code")
        )
        urls = {p.locale.language_code: p.get_url(request) for p in translations}
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
            {"code": code, "name": name, "url": url, "current": code == current, "dir": "rtl" if info["bidi"] else "ltr"}
        )
    return {"links": links}


@register.simple_tag
def text_direction(locale: Locale | None) -> str:
    """`rtl` or `ltr` for a page's content language."""
    return "rtl" if locale is not None and locale.is_bidi else "ltr"

