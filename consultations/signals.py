"""When records are deleted (one by one, in bulk or with their page): counts stay right, stored files go."""

from django.db import transaction

from home.private_files import delete_private_file

from .models import Response, ResponseCount
from .uploads import answer_files


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


def delete_files_after_commit(names) -> None:
    """Remove stored files once the deletion of their record is committed (a rollback keeps them)."""
    for name in names:
        transaction.on_commit(lambda name=name: delete_private_file(name))


def delete_response_files(instance, **kwargs) -> None:
    """A response's answer files (and its scan) go with it."""
    delete_files_after_commit(answer["file"] for answer in answer_files(instance.form_data or {}).values())


def delete_replaced_files(instance, raw=False, update_fields=None, **kwargs) -> None:
    """Files that a saved response no longer holds (replaced, or erased) are deleted once the save is committed."""
    if raw or instance.pk is None or (update_fields is not None and "form_data" not in update_fields):
        return
    stored = Response.objects.filter(pk=instance.pk).values_list("form_data", flat=True).first()
    kept = {answer["file"] for answer in answer_files(instance.form_data or {}).values()}
    delete_files_after_commit(
        answer["file"] for answer in answer_files(stored or {}).values() if answer["file"] not in kept
    )


def delete_proposal_attachment(instance, **kwargs) -> None:
    if instance.attachment:
        delete_files_after_commit([instance.attachment["file"]])


def delete_export_file(instance, **kwargs) -> None:
    if instance.file:
        delete_files_after_commit([instance.file.name])
