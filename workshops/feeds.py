"""RSS feed of an index's workshops and minutes, in the index's language.

Items carry a title, the summary and the link: nothing about participants.
"""

from django.contrib.syndication.views import Feed
from django.utils.translation import gettext as _

FEED_LENGTH = 20


class EventFeed(Feed):
    def get_object(self, request, index_page):
        self.request = request
        return index_page

    def title(self, index_page) -> str:
        return _("%(title)s — workshops and meetings") % {"title": index_page.title}

    def link(self, index_page) -> str:
        return index_page.get_url(self.request)

    def description(self, index_page) -> str:
        return self.title(index_page)

    def items(self, index_page):
        return index_page.events()[:FEED_LENGTH]

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.summary

    def item_link(self, item) -> str:
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at
