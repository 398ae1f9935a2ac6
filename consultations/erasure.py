"""Right to erasure (Moroccan law 09-08): a respondent's or a proposal author's personal data, erased on request.

What identifies the person goes: a response's name, e-mail and commune, its answers to e-mail
and file questions, its files (the scan of a paper questionnaire included), and the stored
exports of its consultation, which hold those values; a proposal's author name, e-mail and
attachment. What does not identify them stays, so that counts and results do not change: the
other answers, the member council (an institution), the dates. The erasure is logged (who,
when, which record, which fields) with Wagtail's log entries, never the erased values, and the
labels of earlier log entries of the record, which showed the person's name, are rewritten.
"""

from __future__ import annotations

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from .models import ExportJob, Question, Response
from .proposals import Proposal
from .questions import QuestionType
from .signals import delete_files_after_commit
from .uploads import answer_files

ERASE_ACTION = "shabaka.erase_personal_data"
ERASE_ACTION_LABELS = (_("Erase personal data"), _("Personal data erased"))
RESPONDENT_FIELDS = ("respondent_name", "respondent_email", "respondent_commune")
AUTHOR_FIELDS = ("author_name", "author_email")
PERSONAL_QUESTION_TYPES = (QuestionType.EMAIL, QuestionType.FILE)


def erase_response(response: Response, user) -> None:
    """Erase what identifies the respondent; the response keeps counting with its other answers."""
    personal_codes = set(
        Question.objects.filter(
            page__translation_key=response.consultation_key, field_type__in=PERSONAL_QUESTION_TYPES
        ).values_list("code", flat=True)
    )
    files = answer_files(response.form_data)
    erased_answers = sorted((personal_codes & response.form_data.keys()) | files.keys())
    with transaction.atomic():
        for name in RESPONDENT_FIELDS:
            setattr(response, name, "")
        response.form_data = {code: value for code, value in response.form_data.items() if code not in erased_answers}
        response.save(update_fields=[*RESPONDENT_FIELDS, "form_data", "updated_at"])  # its files go on commit
        _delete_stored_exports(response.consultation_key)
        _log_erasure(response, user, fields=[*RESPONDENT_FIELDS, *(f"answer:{code}" for code in erased_answers)])


def erase_proposal_author(proposal: Proposal, user) -> None:
    """Erase the author's name, e-mail and attachment; the proposal and its supports stay."""
    with transaction.atomic():
        if proposal.attachment:
            delete_files_after_commit([proposal.attachment["file"]])
        proposal.author_name, proposal.author_email, proposal.attachment = "", "", None
        proposal.save(update_fields=[*AUTHOR_FIELDS, "attachment"])
        _log_erasure(proposal, user, fields=[*AUTHOR_FIELDS, "attachment"])


def _delete_stored_exports(consultation_key) -> None:
    """Stored exports of the consultation hold the erased values: they go (a new export is one click away)."""
    for job in ExportJob.objects.filter(consultation_key=consultation_key).exclude(file=""):
        delete_files_after_commit([job.file.name])
        ExportJob.objects.filter(pk=job.pk).update(file="")


def _log_erasure(instance: models.Model, user, fields: list[str]) -> None:
    """Log which fields were erased, by whom; earlier entries' labels (the person's name) are rewritten."""
    ModelLogEntry.objects.for_instance(instance).update(label=str(instance))
    log(instance=instance, action=ERASE_ACTION, user=user, data={"fields": fields})
