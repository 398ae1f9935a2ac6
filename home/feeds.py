"""RSS and Atom feeds of the news, one per language."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .models import NewsPage, SiteIdentity

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    def get_object(self, request):
        return Locale.get_active()

    def title(self, locale: Locale) -> str:
        identity = SiteIdentity.objects.filter(locale=locale).first()
        name = identity.network_name if identity else "Shabaka"
        return _("%(network)s — news") % {"network": name}

    def link(self, locale: Locale) -> str:
        return f"/{locale.language_code}/"

    def description(self, locale: Locale) -> str:
        return self.title(locale)

    def items(self, locale: Locale):
        return NewsPage.objects.live().public().filter(locale=locale).order_by("-date", "-pk")[:FEED_LENGTH]

    def item_title(self, item: NewsPage) -> str:
        return item.title

    def item_description(self, item: NewsPage) -> str:
        return item.intro

    def item_link(self, item: NewsPage) -> str:
        return item.get_url()

    def item_pubdate(self, item: NewsPage):
        return item.first_published_at


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
