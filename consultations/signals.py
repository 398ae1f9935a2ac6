"""Announce response counts live whenever a response is saved or deleted."""

from home.live import publish

from .consumers import COUNTS_GROUP


def announce_count(instance, **kwargs) -> None:
    from .models import Response

    count = Response.objects.filter(consultation_key=instance.consultation_key, is_spam=False).count()
    publish(COUNTS_GROUP, "count", {"key": str(instance.consultation_key), "count": count})


def let_moderators_moderate(**kwargs) -> None:
    """The Moderators group (created on the ground floor) moderates proposals."""
    from django.contrib.auth.models import Group, Permission

    from home.roles import MODERATORS

    moderators = Group.objects.filter(name=MODERATORS).first()
    if moderators is not None:
        moderators.permissions.add(
            *Permission.objects.filter(content_type__app_label="consultations", content_type__model="proposal").exclude(
                codename="delete_proposal"
            )
        )
