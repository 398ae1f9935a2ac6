"""Admin views of consultations beyond Wagtail's generic ones.

* Responses: the listing, detail, edit and delete come from `ResponseViewSet`
  (wagtail_hooks.py), which also keeps every change in the audit history.
  Answers are edited here, with the consultation's own form, so an organiser's
  edit goes through exactly the validation a council's answer does.
* Member links: create one for every member council, send them by e-mail.
"""

from __future__ import annotations

import tempfile
import uuid

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.http import FileResponse, Http404, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.defaults import permission_denied
from wagtail.log_actions import log

from home.models import CommunePage
from home.private_files import private_file_response

from .models import ConsultationPage, MemberInvitation, Response
from .uploads import store_answer_file

EDIT_PERMISSION = "consultations.change_response"
INVITE_PERMISSION = "consultations.add_memberinvitation"


def _require(request, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def _forbidden(request):
    """A plain 403 for personal data (files, erasure), where the admin would otherwise redirect to its dashboard."""
    return permission_denied(request, PermissionDenied())


def edit_answers(request, pk: int):
    """Correct a response's answers with the consultation's form; the change is logged."""
    _require(request, EDIT_PERMISSION)
    response = get_object_or_404(Response, pk=pk)
    consultation = response.consultation
    if consultation is None:
        raise Http404
    # The questions as the respondent saw them, in the language they answered in.
    page = (
        ConsultationPage.objects.filter(
            translation_key=response.consultation_key, locale__language_code=response.language
        ).first()
        or consultation
    )
    if request.method == "POST":
        form = _answers_form(page, request, request.POST, request.FILES)
        if form.is_valid():
            response.form_data = form.stored_answers(previous=response.form_data)
            response.save(update_fields=["form_data", "updated_at"])
            log(instance=response, action="wagtail.edit", user=request.user)
            messages.success(request, _("The answers have been saved."))
            return redirect("consultation_responses:inspect", response.pk)
    else:
        form = _answers_form(page, request, initial=response.form_data)
    return TemplateResponse(
        request,
        "consultations/admin/edit_answers.html",
        {
            "response": response,
            "consultation": page,
            "form": form,
            "questions": {question.code: question for question in page.questions.all()},
        },
    )


def _answers_form(page: ConsultationPage, request, *args, **kwargs):
    """The consultation's questions only: no consent or respondent fields, no honeypot."""
    form = page.get_form(*args, page=page, user=request.user, **kwargs)
    for name in (*getattr(form, "respondent_fields", ()), form.honeypot_name):
        form.fields.pop(name, None)
    return form


def answer_file(request, pk: int, code: str):
    """An uploaded answer file (or a paper questionnaire's scan), to those who may see responses."""
    if not request.user.has_perm("consultations.view_response"):
        return _forbidden(request)
    response = get_object_or_404(Response, pk=pk)
    answer = response.form_data.get(code)
    if not isinstance(answer, dict) or "file" not in answer:
        raise Http404
    return private_file_response(answer["file"], answer["name"])


def _confirm(request, consultation, question: str):
    return TemplateResponse(
        request, "consultations/admin/confirm.html", {"consultation": consultation, "question": question}
    )


def create_member_links(request, page_id: int):
    """One private link per member council that has none yet (after confirmation)."""
    _require(request, INVITE_PERMISSION)
    consultation = get_object_or_404(ConsultationPage, pk=page_id)
    if request.method != "POST":
        return _confirm(request, consultation, _("Create a private answer link for every member council?"))
    members = CommunePage.objects.filter(locale_id=consultation.locale_id).live()
    existing = set(
        MemberInvitation.objects.filter(consultation_key=consultation.translation_key).values_list(
            "member_id", flat=True
        )
    )
    created = [
        MemberInvitation(consultation_key=consultation.translation_key, member=member)
        for member in members
        if member.pk not in existing
    ]
    MemberInvitation.objects.bulk_create(created)
    messages.success(request, _("%(count)d links created.") % {"count": len(created)})
    return redirect(f"{_links_url()}?consultation={consultation.translation_key}")


def send_member_links(request, page_id: int):
    """E-mail each member council (that has an address) its private link (after confirmation)."""
    _require(request, INVITE_PERMISSION)
    consultation = get_object_or_404(ConsultationPage, pk=page_id)
    if request.method != "POST":
        return _confirm(request, consultation, _("Send every member council its private link by e-mail?"))
    invitations = MemberInvitation.objects.filter(
        consultation_key=consultation.translation_key, revoked_at__isnull=True
    ).select_related("member")
    mails = []
    for invitation in invitations:
        if not invitation.member.contact_email:
            continue
        subject = _("Consultation: %(title)s") % {"title": consultation.title}
        body = _(
            "Dear members of %(member)s,\n\nThe network invites your council to answer the consultation "
            "“%(title)s” before %(closes)s.\n\nYour council's private link (do not share it):\n%(url)s\n\n"
            "Through this link you can come back and change your answers until the consultation closes."
        ) % {
            "member": invitation.member.title,
            "title": consultation.title,
            "closes": timezone.localtime(consultation.closes_at).strftime("%Y-%m-%d %H:%M"),
            "url": invitation.url_for(consultation),
        }
        mails.append((subject, body, None, [invitation.member.contact_email]))
    sent = send_mass_mail(mails, fail_silently=False)
    invitations.filter(member__contact_email__gt="").update(sent_at=timezone.now())
    messages.success(request, _("%(count)d e-mails sent.") % {"count": sent})
    return redirect(f"{_links_url()}?consultation={consultation.translation_key}")


def export_responses(request):
    """The listing's filtered responses (spam left out) as XLSX or CSV, in constant memory."""
    from .exports import COLUMNS, JOINED, ConsultationExport, ExportOptions
    from .wagtail_hooks import ResponseFilterSet

    _require(request, "consultations.view_response")
    filters = ResponseFilterSet(request.GET, queryset=Response.objects.all(), request=request)
    key = request.GET.get("consultation")
    consultation = ConsultationPage.objects.filter(translation_key=key).order_by("pk").first() if key else None
    if consultation is None or not filters.is_valid():
        messages.error(request, _("Choose a consultation in the filters before exporting."))
        return redirect("consultation_responses:index")
    language = request.GET.get("header_language", "ar")
    options = ExportOptions(
        language=language if language in ("ar", "fr", "en") else "ar",
        multiple_choice=JOINED if request.GET.get("multiple_choice") == JOINED else COLUMNS,
    )
    export = ConsultationExport(consultation, filters.qs, options)
    filename = f"{consultation.slug}-{timezone.localdate():%Y%m%d}"
    if request.GET.get("export_format") == "csv":
        response = StreamingHttpResponse(export.iter_csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return response
    target = tempfile.TemporaryFile()
    export.write_xlsx(target)
    target.seek(0)
    return FileResponse(
        target,
        as_attachment=True,
        filename=f"{filename}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def _links_url() -> str:
    from django.urls import reverse

    return reverse("consultation_member_links:index")


def import_files(request, page_id: int):
    """Organisers upload one or many filled questionnaires; each file is checked on its own."""
    from .offline import OfflineFormError, read_form_workbook

    _require(request, "consultations.add_response")
    consultation = get_object_or_404(ConsultationPage, pk=page_id)
    results = []
    if request.method == "POST":
        replace = bool(request.POST.get("confirm_replace"))
        bytes_read = 0
        for number, upload in enumerate(request.FILES.getlist("files"), start=1):
            bytes_read += upload.size
            refusal = _over_import_budget(number, bytes_read)
            if refusal:  # each file left unread is listed with the reason, never dropped silently
                results.append({"name": upload.name, "saved": False, "errors": [refusal]})
                continue
            results.append(_import_one(consultation, upload, replace, read_form_workbook, OfflineFormError))
        saved = sum(1 for result in results if result["saved"])
        messages.info(request, _("%(saved)d of %(total)d files saved.") % {"saved": saved, "total": len(results)})
    return TemplateResponse(
        request, "consultations/admin/import.html", {"consultation": consultation, "results": results}
    )


def _over_import_budget(number: int, bytes_read: int) -> str:
    """Why the `number`-th file of an import is not read (the request's files and bytes are bounded), or ""."""
    if number > settings.OFFLINE_IMPORT_MAX_FILES:
        return _("Not read: at most %(limit)d files per import; send this one in another import.") % {
            "limit": settings.OFFLINE_IMPORT_MAX_FILES
        }
    if bytes_read > settings.OFFLINE_IMPORT_MAX_BYTES:
        return _("Not read: at most %(limit)d MB per import; send this one in another import.") % {
            "limit": settings.OFFLINE_IMPORT_MAX_BYTES // (1024 * 1024)
        }
    return ""


def _import_one(consultation, upload, replace: bool, read_form_workbook, offline_error) -> dict:
    result = {"name": upload.name, "saved": False, "errors": []}
    try:
        filled = read_form_workbook(consultation, upload)
    except offline_error as error:
        result["errors"] = error.messages
        return result
    if (filled.member_key or consultation.audience == ConsultationPage.Audience.MEMBERS) and not filled.signed:
        # The council named in the hidden Meta sheet was changed, or the file was not made here:
        # trusting it could overwrite another council's answers.
        result["errors"] = [
            _(
                "This file's hidden details were changed or it was not downloaded from this site, so it cannot "
                "say which council it comes from: ask the council to send it through its own link, or type it "
                "in as a paper questionnaire, choosing the council."
            )
        ]
        return result
    member = None
    if filled.member_key:
        member = CommunePage.objects.filter(translation_key=filled.member_key).order_by("pk").first()
    if consultation.audience == ConsultationPage.Audience.MEMBERS and member is None:
        result["errors"] = [_("The file does not say which member council it comes from: use the council's own link.")]
        return result
    if (
        member
        and not replace
        and Response.objects.filter(consultation_key=consultation.translation_key, member=member).exists()
    ):
        result["errors"] = [
            _("%(member)s has already answered: tick “replace” to overwrite.") % {"member": member.title}
        ]
        return result
    page = consultation.get_translation_or_none(_locale(filled.language)) or consultation
    response, form = page.specific.save_offline_answers(filled.data, member=member, channel=Response.Channel.FILE)
    if response is None:
        result["errors"] = [f"{form.fields[name].label}: {' '.join(errors)}" for name, errors in form.errors.items()]
        return result
    result.update(saved=True, response=response)
    return result


def _locale(language: str):
    from wagtail.models import Locale

    return Locale.objects.filter(language_code=language).first()


def enter_paper_response(request, page_id: int):
    """Type in a paper questionnaire (with its scan); it is validated like an online answer."""
    from .uploads import AnswerFileField

    _require(request, "consultations.add_response")
    consultation = get_object_or_404(ConsultationPage, pk=page_id)
    members = CommunePage.objects.filter(locale=consultation.locale).order_by("title")
    scan_field = AnswerFileField(allowed_extensions="pdf, jpg, png", max_megabytes=10, required=False)
    errors = []
    if request.method == "POST":
        form = _answers_form(consultation, request, request.POST, request.FILES)
        member = members.filter(pk=request.POST.get("member") or 0).first()
        try:
            scan = scan_field.clean(request.FILES.get("scan"))
        except ValidationError as error:
            errors, scan = error.messages, None
        if member is None and consultation.audience == ConsultationPage.Audience.MEMBERS:
            errors.append(_("Choose the member council that answered."))
        if not errors and form.is_valid():
            form.member, form.channel = member, Response.Channel.ENTERED
            response = consultation.process_form_submission(form)
            if scan:
                response.form_data["_scan"] = store_answer_file(scan)
                response.save(update_fields=["form_data"])
            log(instance=response, action="wagtail.create", user=request.user)
            messages.success(request, _("The paper questionnaire has been saved."))
            return redirect("consultation_responses:inspect", response.pk)
    else:
        form = _answers_form(consultation, request)
    return TemplateResponse(
        request,
        "consultations/admin/enter.html",
        {
            "consultation": consultation,
            "form": form,
            "members": members,
            "errors": errors,
            "questions": {question.code: question for question in consultation.questions.all()},
        },
    )


EXPORT_PARAMETERS = ("export_format", "header_language", "multiple_choice")


def start_background_export(request):
    """Queue an export of the listing's filtered responses; its page shows the progress."""
    from .models import ExportJob
    from .tasks import run_export

    _require(request, "consultations.view_response")
    key = request.GET.get("consultation")
    consultation = ConsultationPage.objects.filter(translation_key=key).order_by("pk").first() if key else None
    if consultation is None:
        messages.error(request, _("Choose a consultation in the filters before exporting."))
        return redirect("consultation_responses:index")
    if request.method != "POST":
        return _confirm(
            request, consultation, _("Prepare the export in the background? You can leave the page meanwhile.")
        )
    filters = {name: value for name, value in request.GET.items() if name not in EXPORT_PARAMETERS}
    options = {
        "language": request.GET.get("header_language", "ar"),
        "multiple_choice": request.GET.get("multiple_choice", "columns"),
    }
    job = ExportJob.objects.create(
        consultation_key=consultation.translation_key, requested_by=request.user, filters=filters, options=options
    )
    run_export.enqueue(job.pk)
    return redirect("consultation_responses:export_job", job.pk)


def export_job(request, pk: int):
    from .models import ExportJob

    job = get_object_or_404(ExportJob, pk=pk)
    if not job.can_download(request.user):
        raise PermissionDenied
    if request.GET.get("format") == "json":  # the polling fallback of live.js
        return JsonResponse({"events": [job.progress_event()], **job.progress_event()})
    return TemplateResponse(request, "consultations/admin/export_job.html", {"job": job})


def start_export_again(request, pk: int):
    """Queue a failed or stalled export again (POST from its page)."""
    from .models import ExportJob
    from .tasks import run_export

    job = get_object_or_404(ExportJob, pk=pk)
    if not job.can_download(request.user):
        return _forbidden(request)
    if request.method == "POST":
        if job.start_again():
            run_export.enqueue(job.pk)
        else:
            messages.warning(request, _("This export is running again already."))
    return redirect("consultation_responses:export_job", job.pk)


def download_export(request, pk: int):
    from .models import ExportJob

    job = get_object_or_404(ExportJob, pk=pk)
    if not job.can_download(request.user):
        return _forbidden(request)
    if job.status != ExportJob.Status.DONE or job.is_expired or not job.file:
        raise Http404
    return private_file_response(job.file.name, job.file.name.rsplit("/", 1)[-1])


def proposal_attachment(request, pk: int):
    """A proposal's attached file, to moderators and organisers only."""
    from .models import Proposal

    if not request.user.has_perm("consultations.view_proposal"):
        return _forbidden(request)
    proposal = get_object_or_404(Proposal, pk=pk)
    if not proposal.attachment:
        raise Http404
    return private_file_response(proposal.attachment["file"], proposal.attachment["name"])


def erase_response(request, pk: int):
    """Erase a respondent's personal data, after a confirmation that says what goes and what stays."""
    from .erasure import erase_response as erase

    if not request.user.has_perm("consultations.delete_response"):
        return _forbidden(request)
    response = get_object_or_404(Response, pk=pk)
    return _erasure(
        request,
        response,
        erase,
        erased=[
            _("the respondent's name, e-mail and commune"),
            _("the answers to e-mail and file questions, and the uploaded files"),
            _("the stored exports of this consultation (prepare a new one afterwards)"),
        ],
        kept=_("the other answers, the member council, the dates, the counts."),
        done_url=reverse("consultation_responses:inspect", args=[response.pk]),
    )


def erase_proposal_author(request, pk: int):
    """Erase a proposal author's personal data, after a confirmation."""
    from .erasure import erase_proposal_author as erase
    from .models import Proposal

    if not request.user.has_perm("consultations.delete_proposal"):
        return _forbidden(request)
    proposal = get_object_or_404(Proposal, pk=pk)
    return _erasure(
        request,
        proposal,
        erase,
        erased=[_("the author's name and e-mail"), _("the attached file")],
        kept=_("the proposal's title, description, status and supports."),
        done_url=reverse("consultation_proposals:edit", args=[proposal.pk]),
    )


RELEASE_ACTION = "shabaka.release_held_answer"
# At most this many held answers are listed and released by one confirmation.
RELEASE_BATCH = 500


def release_held_answers(request, pk: int | None = None):
    """Let held answers count: one (`pk`), or those of the consultation in `?consultation=`, after a confirmation."""
    _require(request, "consultations.change_response")
    held = Response.objects.exclude(held="").select_related("member").order_by("pk")
    listing = reverse("consultation_responses:index")
    if pk is not None:
        held = held.filter(pk=pk)
    else:
        try:
            key = uuid.UUID(request.GET.get("consultation", ""))
        except ValueError:
            raise Http404 from None
        held = held.filter(consultation_key=key)
        listing += f"?consultation={key}&held="
    held = list(held[:RELEASE_BATCH])
    if request.method != "POST":
        subtitle = held[0].consultation_title if held else ""
        context = {"held": held, "subtitle": subtitle, "cancel_url": listing}
        return TemplateResponse(request, "consultations/admin/confirm_release.html", context)
    with transaction.atomic():
        for response in held:
            response.held = ""
            response.save(update_fields=["held", "updated_at"])
            log(response, RELEASE_ACTION, user=request.user)
    message = ngettext(
        "%(count)d held answer released: it counts now.", "%(count)d held answers released: they count now.", len(held)
    )
    messages.success(request, message % {"count": len(held)})
    return redirect(listing)


def _erasure(request, record, erase, *, erased: list, kept: str, done_url: str):
    if request.method != "POST":
        context = {"record": str(record), "erased": erased, "kept": kept, "cancel_url": done_url}
        return TemplateResponse(request, "consultations/admin/confirm_erasure.html", context)
    erase(record, request.user)
    messages.success(request, _("The personal data has been erased."))
    return redirect(done_url)


def export_proposals(request):
    """Proposals with their support counts, one spreadsheet for moderators and organisers."""
    from home.spreadsheets import Column, Sheet, write_xlsx

    from .models import Proposal

    _require(request, "consultations.view_proposal")
    proposals = Proposal.objects.select_related("theme", "commune", "merged_into").order_by("-supports", "pk")
    rows = (
        [
            proposal.pk,
            proposal.created_at,
            proposal.get_status_display(),
            proposal.title,
            proposal.description,
            proposal.theme.name if proposal.theme else "",
            proposal.commune.title if proposal.commune else "",
            proposal.supports,
            proposal.merged_into.title if proposal.merged_into else "",
            proposal.language,
        ]
        for proposal in proposals.iterator(chunk_size=2000)
    )
    headers = [
        _("Number"),
        _("Submitted"),
        _("Status"),
        _("Title"),
        _("Description"),
        _("Theme"),
        _("Commune"),
        _("Supports"),
        _("Merged into"),
        _("Language"),
    ]
    target = tempfile.TemporaryFile()
    right_to_left = (request.LANGUAGE_CODE or "").startswith("ar")
    write_xlsx(
        [Sheet(_("Proposals"), [Column(header, 20) for header in headers], rows, right_to_left=right_to_left)], target
    )
    target.seek(0)
    return FileResponse(target, as_attachment=True, filename=f"proposals-{timezone.localdate():%Y%m%d}.xlsx")
