"""Admin listings over tables that grow without bound: pages counted up to a cap.

Django's paginator counts every matching row on each page view: over a million responses that
is a scan of the table per click (60 ms and growing), and a deep page reads every row before
it. `CappedPaginator` counts at most `cap` rows (a bounded index read), offers the pages within
them, and says "more than" beyond; filters, search and exports reach the rest.
"""

from __future__ import annotations

from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from wagtail.admin.paginator import WagtailPaginator

LISTING_COUNT_CAP = 10_000


class CappedPaginator(WagtailPaginator):
    cap = LISTING_COUNT_CAP

    @cached_property
    def counted(self) -> int:
        """The matching rows, counted no further than one past the cap."""
        return self.object_list[: self.cap + 1].count()

    @property
    def is_capped(self) -> bool:
        return self.counted > self.cap

    @cached_property
    def count(self) -> int:
        return min(self.counted, self.cap)

    @cached_property
    def items_count_label(self) -> str:
        if self.is_capped:
            return _("More than %(count)s %(items)s") % {"count": f"{self.cap:,}", "items": self.verbose_name_plural}
        return super().items_count_label
