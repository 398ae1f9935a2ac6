"""Signal receivers of workshops, connected in `WorkshopsConfig.ready()`."""

from home.page_cache import purge


def purge_page_cache(**kwargs) -> None:
    """Follow-up, uptake, axes and organisations appear on cached pages and labels: drop them."""
    purge()
