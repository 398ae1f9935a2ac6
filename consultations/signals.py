"""Announce response counts live whenever a response is saved or deleted."""

from home.live import publish

from .consumers import COUNTS_GROUP


def announce_count(instance, **kwargs) -> None:
    from .models import Response

    count = Response.objects.filter(consultation_key=instance.consultation_key, is_spam=False).count()
    publish(COUNTS_GROUP, "count", {"key": str(instance.consultation_key), "count": count})
