"""Keep response counts right when responses are deleted, one by one, in bulk or with their page."""

from .models import ResponseCount


def uncount_deleted_response(instance, **kwargs) -> None:
    """Sent inside the deletion's transaction: the count drops with the row, as it was stored."""
    ResponseCount.move(instance.counted_in(), None)


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
