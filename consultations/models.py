"""Consultations: questionnaires built on Wagtail's form builder, and their responses.

A `ConsultationPage` is a Wagtail form page (`AbstractForm`) whose fields are
`Question`s. Its Arabic, French and English pages share one `translation_key`;
responses are attached to that key, so the three pages collect one set of
responses. Member councils answer through a private link (`MemberInvitation`)
and can come back to edit their response until the consultation closes.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import secrets
import tempfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models import F
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField, AbstractFormSubmission
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.live import publish
from home.models import BasePage, CommunePage, IndexPage
from home.private_files import private_storage, unguessable_name
from home.public_urls import page_absolute_url
from home.ratelimit import client_address, client_id, first_time, is_over_limit, recall, remember

from .consumers import COUNTS_GROUP
from .moderation import Held, held_field
from .questions import CHOICE_TYPES, ConsultationFormBuilder, QuestionType, parse_choices

INVITATION_SALT = "consultations.invitation"
DOUBLE_POST_SECONDS = 10


class ConsultationIndexPage(IndexPage):
    """All consultations, open ones first."""

    subpage_types = ["consultations.ConsultationPage"]

    class Meta:
        verbose_name = _("consultation index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        consultations = list(ConsultationPage.objects.child_of(self).live().order_by("-opens_at"))
        context["consultations"] = sorted(consultations, key=lambda page: page.status_order)
        return context


class Question(TranslatableMixin, AbstractFormField):
    """One question of a consultation; `code` names its answer in every language and export."""

    page = ParentalKey("ConsultationPage", on_delete=models.CASCADE, related_name="questions")
    field_type = models.CharField(_("type"), max_length=20, choices=QuestionType.choices)
    code = models.SlugField(
        _("code"),
        max_length=40,
        help_text=_("A short stable name (letters, digits, hyphens): the spreadsheet column and import key."),
    )
    widget = models.CharField(
        _("display"),
        max_length=10,
        choices=[("radio", _("Radio buttons")), ("dropdown", _("Drop-down list"))],
        default="radio",
        help_text=_("For single-choice questions."),
    )
    allow_other = models.BooleanField(_("offer “Other” with a text answer"), default=False)
    other_label = models.CharField(_("label of “Other”"), max_length=100, blank=True)
    min_choices = models.PositiveSmallIntegerField(_("minimum selections"), null=True, blank=True)
    max_choices = models.PositiveSmallIntegerField(_("maximum selections"), null=True, blank=True)
    min_value = models.IntegerField(_("minimum"), null=True, blank=True, help_text=_("Numbers and rating scales."))
    max_value = models.IntegerField(_("maximum"), null=True, blank=True, help_text=_("Numbers and rating scales."))
    min_label = models.CharField(_("label of the lowest rating"), max_length=60, blank=True)
    max_label = models.CharField(_("label of the highest rating"), max_length=60, blank=True)
    matrix_items = models.TextField(
        _("matrix items"), blank=True, help_text=_("One item per line, written “code | label”.")
    )
    min_date = models.DateField(_("earliest date"), null=True, blank=True)
    max_date = models.DateField(_("latest date"), null=True, blank=True)
    max_length = models.PositiveIntegerField(_("maximum length (characters)"), null=True, blank=True)
    allowed_extensions = models.CharField(
        _("accepted file types"), max_length=100, blank=True, help_text=_("e.g. pdf, docx, jpg")
    )
    max_file_megabytes = models.PositiveSmallIntegerField(_("maximum file size (MB)"), null=True, blank=True)
    show_if_code = models.SlugField(
        _("show only if the question"), max_length=40, blank=True, help_text=_("Code of an earlier question.")
    )
    show_if_value = models.CharField(_("has the answer"), max_length=40, blank=True, help_text=_("A choice code."))

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("code")]),
        FieldPanel("help_text"),
        FieldRowPanel([FieldPanel("field_type"), FieldPanel("required")]),
        FieldPanel("choices", help_text=_("One choice per line, written “code | label”.")),
        FieldRowPanel([FieldPanel("widget"), FieldPanel("allow_other"), FieldPanel("other_label")]),
        FieldRowPanel([FieldPanel("min_choices"), FieldPanel("max_choices")]),
        FieldRowPanel([FieldPanel("min_value"), FieldPanel("max_value")]),
        FieldRowPanel([FieldPanel("min_label"), FieldPanel("max_label")]),
        FieldPanel("matrix_items"),
        FieldRowPanel([FieldPanel("min_date"), FieldPanel("max_date"), FieldPanel("max_length")]),
        FieldRowPanel([FieldPanel("allowed_extensions"), FieldPanel("max_file_megabytes")]),
        FieldRowPanel([FieldPanel("show_if_code"), FieldPanel("show_if_value")], heading=_("Condition")),
    ]

    # Codes name answers in every language: translators change labels, never codes.
    override_translatable_fields = [
        SynchronizedField(name)
        for name in ("code", "clean_name", "field_type", "show_if_code", "show_if_value", "allowed_extensions")
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def save(self, *args, **kwargs):
        self.clean_name = self.code
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.field_type in CHOICE_TYPES and not parse_choices(self.choices):
            errors["choices"] = _("This type of question needs choices.")
        if self.field_type == QuestionType.MATRIX and not parse_choices(self.matrix_items):
            errors["matrix_items"] = _("A matrix needs items.")
        if self.min_value is not None and self.max_value is not None and self.min_value >= self.max_value:
            errors["max_value"] = _("The maximum must be greater than the minimum.")
        if self.min_choices and self.max_choices and self.min_choices > self.max_choices:
            errors["max_choices"] = _("The maximum must not be smaller than the minimum.")
        if bool(self.show_if_code) != bool(self.show_if_value):
            errors["show_if_value"] = _("Give both the question and the answer, or neither.")
        if errors:
            raise ValidationError(errors)

    @property
    def scale_bounds(self) -> tuple[int, int]:
        low = self.min_value if self.min_value is not None else 1
        high = self.max_value if self.max_value is not None and self.max_value > low else max(low + 4, 5)
        return low, high

    @property
    def is_answerable(self) -> bool:
        return self.field_type != QuestionType.SECTION


class ConsultationPage(RoutablePageMixin, AbstractForm, BasePage):
    """A questionnaire, public or addressed to the network's member councils."""

    class Audience(models.TextChoices):
        PUBLIC = "public", _("Everyone (public consultation)")
        MEMBERS = "members", _("Member councils, through their private link")

    class Status(models.TextChoices):
        UPCOMING = "upcoming", _("Upcoming")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    intro = RichTextField(_("introduction"), blank=True)
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices, default=Audience.PUBLIC)
    opens_at = models.DateTimeField(_("opens at"), default=timezone.now)
    closes_at = models.DateTimeField(_("closes at"))
    thank_you_text = RichTextField(_("thank-you text"), blank=True)
    privacy_notice = RichTextField(
        _("personal data notice"),
        blank=True,
        help_text=_("Shown above the consent box of public consultations (law 09-08)."),
    )
    questions_public = models.BooleanField(
        _("questions public"),
        default=False,
        help_text=_(
            "Members-only consultations: anyone may download the questionnaire (Excel) and its printable "
            "version. Otherwise only member councils can, through their private link."
        ),
    )
    publish_results = models.BooleanField(
        _("publish the results once closed"),
        default=False,
        help_text=_("Visitors then see the summary of the answers (counts and charts, never who answered)."),
    )
    official_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("official document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    form_builder = ConsultationFormBuilder
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("questions_public"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            ],
            _("Who and when"),
        ),
        FieldPanel("official_document"),
        FieldPanel("publish_results"),
        InlinePanel("questions", label=_("Questions")),
        FieldPanel("thank_you_text"),
        FieldPanel("privacy_notice"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types: list[str] = []
    template = "consultations/consultation_page.html"
    landing_page_template = "consultations/consultation_page_landing.html"

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The consultation must close after it opens.")})
        codes = [question.code for question in self.questions.all()]
        duplicates = {code for code in codes if codes.count(code) > 1}
        if duplicates:
            raise ValidationError(_("Question codes must be unique: %(codes)s.") % {"codes": ", ".join(duplicates)})

    # --- state --------------------------------------------------------------------

    @property
    def status(self) -> str:
        now = timezone.now()
        if now < self.opens_at:
            return self.Status.UPCOMING
        if now >= self.closes_at:
            return self.Status.CLOSED
        return self.Status.OPEN

    @property
    def status_order(self) -> int:
        return [self.Status.OPEN, self.Status.UPCOMING, self.Status.CLOSED].index(self.status)

    def get_status_display(self) -> str:
        return self.Status(self.status).label

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def questions_are_public(self) -> bool:
        """Whether anyone may read the questions (XLSX, print version) without a member link."""
        return self.audience == self.Audience.PUBLIC or self.questions_public

    # --- Wagtail form builder hooks ----------------------------------------------------

    def get_form_fields(self):
        return self.questions.all()

    def get_data_fields(self):
        return [("submit_time", _("Submission date"))] + [
            (question.code, question.label) for question in self.get_form_fields() if question.is_answerable
        ]

    def get_submission_class(self):
        return Response

    def get_submissions(self):
        """Responses of every language version of this consultation that count (not spam, not held)."""
        return Response.objects.counted().filter(consultation_key=self.translation_key)

    def serve_submissions_list_view(self, request, *args, **kwargs):
        return redirect(f"{reverse('consultation_responses:index')}?consultation={self.translation_key}")

    def process_form_submission(self, form):
        """Store (or, for a member, replace) the response; files are cleaned and stored privately."""
        answers = form.stored_answers()
        member = getattr(form, "member", None)
        fields = {
            "form_data": answers,
            "page": self,
            "language": self.locale.language_code,  # the language of the page answered
            "channel": getattr(form, "channel", Response.Channel.ONLINE),
        }
        if member is None:
            return Response.objects.create(
                consultation_key=self.translation_key,
                held=getattr(form, "held", ""),
                respondent_name=form.cleaned_data.get("respondent_name", ""),
                respondent_email=form.cleaned_data.get("respondent_email", ""),
                respondent_commune=form.cleaned_data.get("respondent_commune", ""),
                consent_given_at=timezone.now(),
                **fields,
            )
        with transaction.atomic():
            response, _created = Response.objects.select_for_update().update_or_create(
                consultation_key=self.translation_key, member=member, defaults=fields
            )
        return response

    def get_form_class(self):
        from .forms import with_respondent_fields

        form_class = super().get_form_class()
        return form_class if self.audience == self.Audience.MEMBERS else with_respondent_fields(form_class)

    # --- routes ---------------------------------------------------------------------

    @path("")
    def public_form(self, request):
        if self.audience == self.Audience.MEMBERS:
            return self.render_form(request, form=None)
        return self.serve_form(request)

    @path("answer/<str:token>/")
    def member_form(self, request, token: str):
        invitation = MemberInvitation.from_token(token, self)
        if invitation is None:
            return self.render_invalid_link(request)
        return self.serve_form(request, invitation=invitation)

    @path("questionnaire/")
    def questionnaire_file(self, request):
        """The fillable XLSX questionnaire, in this page's language."""
        if not self.questions_are_public:
            return self.render_members_only(request)
        return self._questionnaire_response(member_key="")

    @path("answer/<str:token>/questionnaire/")
    def member_questionnaire_file(self, request, token: str):
        invitation = MemberInvitation.from_token(token, self)
        if invitation is None:
            return self.render_invalid_link(request)
        return self._questionnaire_response(member_key=str(invitation.member.translation_key))

    def render_invalid_link(self, request):
        return TemplateResponse(request, "consultations/invalid_link.html", self.get_context(request), status=403)

    def render_members_only(self, request):
        """The questions of a members-only consultation are for members: say so, and how to reach them."""
        context = self.get_context(request)
        return TemplateResponse(request, "consultations/members_only.html", context, status=403)

    def _questionnaire_response(self, member_key: str):
        from .offline import build_form_workbook

        target = tempfile.TemporaryFile()
        build_form_workbook(self, target, member_key=member_key)
        target.seek(0)
        return FileResponse(
            target,
            as_attachment=True,
            filename=f"{self.slug}-{self.locale.language_code}.xlsx",
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )

    @path("results/")
    def results(self, request):
        """The summary of a closed consultation, when organisers chose to publish it."""
        from .results import published_results

        if not (self.publish_results and self.status == self.Status.CLOSED):
            raise Http404
        context = self.get_context(request)
        context["published"] = published = published_results(self)
        response = TemplateResponse(request, "consultations/consultation_results.html", context)
        if not published.up_to_date:
            patch_cache_control(response, no_cache=True)  # the page changes when the compilation ends
            response["Retry-After"] = "60"
        return response

    @path("print/")
    def printable(self, request):
        """The questionnaire as a page to print or save as PDF from the browser."""
        if not self.questions_are_public:
            return self.render_members_only(request)
        return self._printable_response(request)

    @path("answer/<str:token>/print/")
    def member_printable(self, request, token: str):
        if MemberInvitation.from_token(token, self) is None:
            return self.render_invalid_link(request)
        return self._printable_response(request)

    def _printable_response(self, request):
        from .offline import form_rows

        context = self.get_context(request)
        context["rows"] = form_rows(self)
        return TemplateResponse(request, "consultations/consultation_print.html", context)

    @path("answer/<str:token>/upload/")
    def member_upload(self, request, token: str):
        """A council sends back its filled questionnaire; replacing an answer needs confirmation."""
        from .offline import OfflineFormError, read_form_workbook

        invitation = MemberInvitation.from_token(token, self)
        if invitation is None:
            return self.render_invalid_link(request)
        if request.method != "POST" or "file" not in request.FILES:
            return redirect(self.url + self.reverse_subpage("member_form", args=[token]))
        if not self.is_open:
            return self.render_form(request, form=None, invitation=invitation, refused=True, status=409)
        existing = invitation.response
        try:
            filled = read_form_workbook(self, request.FILES["file"])
        except OfflineFormError as error:
            return self.render_form(request, form=None, invitation=invitation, upload_errors=error.messages, status=400)
        if existing and not request.POST.get("confirm_replace"):
            return self.render_form(
                request, form=None, invitation=invitation, existing=existing, upload_needs_confirmation=True, status=409
            )
        response, form = self.save_offline_answers(filled.data, member=invitation.member, channel=Response.Channel.FILE)
        if response is None:
            return self.render_form(request, form=form, invitation=invitation, upload_errors=[], status=400)
        return self.render_landing_page(request, response, invitation=invitation)

    def save_offline_answers(self, data: dict, *, member, channel: str):
        """Validate answers that came as a file or were typed in, exactly as online; save them if valid."""
        form = self.get_form(data, {}, page=self, user=None)
        for name in getattr(form, "respondent_fields", ()):
            form.fields.pop(name, None)
        form.member, form.channel = member, channel
        if not form.is_valid():
            return None, form
        return self.process_form_submission(form), form

    def serve_form(self, request, invitation: MemberInvitation | None = None):
        existing = invitation.response if invitation else None
        if request.method == "POST":
            if not self.is_open:
                return self.render_form(request, form=None, invitation=invitation, refused=True, status=409)
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            form.member = invitation.member if invitation else None
            if not form.is_valid():
                return self.render_form(request, form=form, invitation=invitation, status=400)
            if invitation is not None:
                return self.render_landing_page(request, self.process_form_submission(form), invitation=invitation)
            return self.serve_public_answer(request, form)
        initial = existing.form_data if existing else {}
        form = self.get_form(page=self, user=request.user, initial=initial) if self.is_open else None
        return self.render_form(request, form=form, invitation=invitation, existing=existing)

    def serve_public_answer(self, request, form):
        """Store a valid public answer, and tell the visitor the truth about it.

        Nothing valid is thrown away: an answer from an address that already sent many this hour
        (a hall on one Wi-Fi, or a script), or one with the hidden field filled in, is stored as
        *held* until an organiser releases or discards it, and the visitor is told so. The same
        answer sent again within seconds (a double click, a resent form) is stored once and both
        posts get the first one's receipt.
        """
        digest = self._post_digest(request, form)
        if not first_time(digest, DOUBLE_POST_SECONDS):
            earlier = Response.objects.filter(pk=recall(digest)).first()
            return self.render_landing_page(request, earlier, received_twice=True)
        if form.data.get(form.honeypot_name):
            form.held = Held.HIDDEN_FIELD
        elif self._many_from_address(request):
            form.held = Held.MANY_FROM_ONE_ADDRESS
        response = self.process_form_submission(form)
        remember(digest, response.pk, DOUBLE_POST_SECONDS)
        return self.render_landing_page(request, response, status=202 if response.held else 200)

    def render_form(self, request, *, form, status: int = 200, **extra):
        context = self.get_context(request)
        context.update(form=form, **extra)
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def render_landing_page(
        self, request, form_submission=None, *args, invitation=None, received_twice=False, status=200, **kwargs
    ):
        context = self.get_context(request)
        context.update(form_submission=form_submission, invitation=invitation, received_twice=received_twice)
        return TemplateResponse(request, self.get_landing_page_template(request), context, status=status)

    def _many_from_address(self, request) -> bool:
        """Count this answer against its address; True past `CONSULTATION_ANSWERS_PER_ADDRESS_PER_HOUR`."""
        subject = f"consultation:{self.translation_key}:{client_address(request)}"
        return is_over_limit(subject, limit=settings.CONSULTATION_ANSWERS_PER_ADDRESS_PER_HOUR, window=3600)

    def _post_digest(self, request, form) -> str:
        payload = json.dumps(form.answers(), sort_keys=True, cls=DjangoJSONEncoder, default=str)
        return hashlib.sha256(f"{self.translation_key}|{client_id(request)}|{payload}".encode()).hexdigest()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["questions"] = {question.code: question for question in self.questions.all()}
        return context

    # --- what the rest of the site shows -------------------------------------------

    @classmethod
    def open_in(cls, locale_id: int):
        now = timezone.now()
        return (
            cls.objects.live().filter(locale_id=locale_id, opens_at__lte=now, closes_at__gt=now).order_by("closes_at")
        )


def consultation_for_key(translation_key) -> ConsultationPage | None:
    """The consultation with this translation key, in the language it was first written in."""
    return ConsultationPage.objects.filter(translation_key=translation_key).order_by("pk").first()


class ResponseQuerySet(models.QuerySet):
    def counted(self):
        """The responses that count: neither spam nor held for checking."""
        return self.filter(is_spam=False, held="")


class Response(AbstractFormSubmission):
    """One response to a consultation, whichever language page and channel it came through."""

    class Channel(models.TextChoices):
        ONLINE = "online", _("Online")
        FILE = "file", _("Filled file")
        ENTERED = "entered", _("Entered by an organiser")

    consultation_key = models.UUIDField(_("consultation"), db_index=True)
    language = models.CharField(_("language"), max_length=8)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    member = models.ForeignKey(
        CommunePage,
        verbose_name=_("member council"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consultation_responses",
    )
    respondent_name = models.CharField(_("name"), max_length=200, blank=True)
    respondent_email = models.EmailField(_("e-mail"), blank=True)
    respondent_commune = models.CharField(_("commune"), max_length=200, blank=True)
    consent_given_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    is_spam = models.BooleanField(
        _("spam"), default=False, help_text=_("Spam is kept but left out of counts and exports.")
    )
    held = held_field(_("A held answer is kept out of counts and exports until an organiser releases it."))
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["-submit_time"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation_key", "member"],
                condition=models.Q(member__isnull=False),
                name="one_response_per_member",
            )
        ]
        indexes = [
            # The admin's listing, newest first, of all responses or of one consultation's.
            models.Index(fields=["-submit_time"], name="response_newest"),
            models.Index(fields=["consultation_key", "-submit_time"], name="response_consultation_newest"),
            # The latest change of a consultation's responses: whether its compiled results are current.
            models.Index(fields=["consultation_key", "updated_at"], name="response_consultation_changed"),
        ]

    def __str__(self) -> str:
        who = self.member.title if self.member_id else (self.respondent_name or _("anonymous"))
        return f"{who} — {self.submit_time:%Y-%m-%d}" if self.submit_time else str(who)

    def save(self, *args, **kwargs):
        """Save, and move the consultation's `ResponseCount` in the same transaction.

        A new response counts unless it is spam or held. A changed one is compared as stored before and
        after the save (its row locked), not as this instance remembers it: another organiser may
        have marked it spam in the meantime, and `update_fields` may leave `is_spam` unsaved.
        """
        with transaction.atomic():
            if self._state.adding:
                super().save(*args, **kwargs)
                before, after = None, (None if self.is_spam or self.held else self.consultation_key)
            else:
                before = self.counted_in()
                super().save(*args, **kwargs)
                after = self.counted_in()
            ResponseCount.move(before, after)

    @property
    def reference(self) -> str:
        """A short reference for the respondent's receipt, that does not give away how many answered."""
        return salted_hmac("consultations.receipt", str(self.pk)).hexdigest()[:8].upper()

    def counted_in(self):
        """The key of the consultation whose count the stored row is part of; None when spam, held or no row.

        The row is locked whatever it holds, until the transaction ends (PostgreSQL; SQLite's
        IMMEDIATE transactions already let one writer at a time): what is read is what gets changed.
        """
        stored = (
            Response.objects.select_for_update().filter(pk=self.pk).values_list("consultation_key", "is_spam", "held")
        )
        key, is_spam, held = stored.first() or (None, True, "")
        return None if is_spam or held else key

    @cached_property
    def consultation(self) -> ConsultationPage | None:
        return consultation_for_key(self.consultation_key)

    @property
    def consultation_title(self) -> str:
        return self.consultation.title if self.consultation else "—"

    @property
    def answers_table(self) -> str:
        """The answers as the respondent saw the questions (admin detail view)."""
        page = (
            ConsultationPage.objects.filter(
                translation_key=self.consultation_key, locale__language_code=self.language
            ).first()
            or self.consultation
        )
        questions = {question.code: question for question in page.questions.all()} if page else {}
        return render_to_string("consultations/admin/answers_table.html", {"response": self, "questions": questions})


class ResponseCount(models.Model):
    """How many responses a consultation has, spam left out: what organisers see grow live.

    Reading a count costs one row, whatever the number of responses (counting the rows would grow
    with the consultation). The counter moves with F() in the transaction that writes
    the response (`Response.save()`, and deletions through `signals.uncount_deleted_response`):
    concurrent answers add up in the database, and a rolled-back one changes nothing. `version`
    grows with every change, so that a browser given two counts out of order keeps the later one.
    """

    consultation_key = models.UUIDField(_("consultation"), primary_key=True)
    count = models.PositiveIntegerField(_("responses"), default=0)
    version = models.PositiveBigIntegerField(_("version"), default=0)

    class Meta:
        verbose_name = _("response count")
        verbose_name_plural = _("response counts")

    def __str__(self) -> str:
        return f"{self.consultation_key}: {self.count}"

    @classmethod
    def of(cls, keys) -> dict:
        """{key: counter} for these consultations, in one query; unsaved zeros for those without responses."""
        found = cls.objects.in_bulk(keys)
        return {key: found.get(key) or cls(consultation_key=key) for key in keys}

    @classmethod
    def move(cls, before, after) -> None:
        """A response left the count of consultation `before` for that of `after` (None: counted nowhere)."""
        if before != after:
            if before is not None:
                cls.add(before, -1)
            if after is not None:
                cls.add(after, 1)

    @classmethod
    def add(cls, key, delta: int) -> None:
        """Move one consultation's count within the current transaction; announce it once committed."""
        change = {"count": F("count") + delta, "version": F("version") + 1}
        if not cls.objects.filter(consultation_key=key).update(**change):
            # The consultation's first response. When a concurrent first response creates the row
            # too, one insert waits for the other's transaction and does nothing; both updates count.
            cls.objects.bulk_create([cls(consultation_key=key)], ignore_conflicts=True)
            cls.objects.filter(consultation_key=key).update(**change)
        counter = cls.objects.get(consultation_key=key)
        publish(COUNTS_GROUP, "count", {name: value for name, value in counter.event().items() if name != "type"})

    def event(self) -> dict:
        """The `count` event of the live counters (`static/consultations/live_counts.js`)."""
        return {"type": "count", "key": str(self.consultation_key), "count": self.count, "version": self.version}


class ResultsSummary(models.Model):
    """A consultation's answers counted once, for its public results page.

    Counting a large consultation's answers takes seconds (a minute at a million responses), too
    long for a page view: `consultations.results` compiles them in the background and the page
    shows the latest compilation. `fingerprint` tells which state of the responses it counted.
    """

    consultation_key = models.UUIDField(_("consultation"), primary_key=True)
    fingerprint = models.CharField(max_length=80, blank=True)
    tallies = models.JSONField(null=True, blank=True)
    compiled_at = models.DateTimeField(_("compiled at"), null=True, blank=True)
    requested_at = models.DateTimeField(_("compilation requested at"), null=True, blank=True)

    class Meta:
        verbose_name = _("results summary")
        verbose_name_plural = _("results summaries")

    def __str__(self) -> str:
        return f"{self.consultation_key}: {self.compiled_at or '-'}"


def new_secret() -> str:
    return secrets.token_hex(24)


def _signature(secret: str) -> str:
    return salted_hmac(INVITATION_SALT, secret).hexdigest()[:32]


class MemberInvitation(models.Model):
    """A member council's private, revocable link to answer one consultation."""

    consultation_key = models.UUIDField(_("consultation"), db_index=True)
    member = models.ForeignKey(
        CommunePage, verbose_name=_("member council"), on_delete=models.CASCADE, related_name="+"
    )
    secret = models.CharField(max_length=64, unique=True, editable=False, default=new_secret)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("last sent at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("member link")
        verbose_name_plural = _("member links")
        constraints = [models.UniqueConstraint(fields=["consultation_key", "member"], name="one_link_per_member")]

    def __str__(self) -> str:
        return f"{self.member.title}"

    @cached_property
    def consultation(self) -> ConsultationPage | None:
        return consultation_for_key(self.consultation_key)

    @property
    def consultation_title(self) -> str:
        return self.consultation.title if self.consultation else "—"

    @property
    def answer_link(self) -> str:
        """The link to copy, as a read-only field (admin listing)."""
        if self.revoked_at:
            return _("revoked")
        if self.consultation is None:
            return "—"
        return format_html(
            '<input type="text" readonly value="{}" aria-label="{}" size="40">',
            self.url_for(self.consultation),
            _("Private link"),
        )

    @property
    def token(self) -> str:
        """`<secret>-<signature>`, hexadecimal only so that it fits in a page URL."""
        return f"{self.secret}-{_signature(self.secret)}"

    @classmethod
    def from_token(cls, token: str, page: ConsultationPage) -> MemberInvitation | None:
        """The live invitation behind a token, for this consultation; None when forged, revoked or foreign."""
        secret, _separator, signature = token.partition("-")
        if not constant_time_compare(signature, _signature(secret)):
            return None
        return (
            cls.objects.select_related("member")
            .filter(secret=secret, consultation_key=page.translation_key, revoked_at__isnull=True)
            .first()
        )

    @property
    def response(self) -> Response | None:
        return Response.objects.filter(consultation_key=self.consultation_key, member=self.member).first()

    def url_for(self, page: ConsultationPage) -> str:
        """The council's private link, on the site's public address (`home.public_urls`)."""
        return page_absolute_url(page) + page.reverse_subpage("member_form", args=[self.token])


def export_file_name(job: ExportJob, filename: str) -> str:
    """Exports are stored privately under `exports/<random token>/`: no address can be guessed from a job's id."""
    return unguessable_name("exports", filename)


class ExportLost(Exception):
    """This run of an export no longer owns its job: it was started again after it seemed stalled."""


class ExportJob(models.Model):
    """A large export written in the background; its file is kept a few days for its requester and organisers.

    Each run claims the job (`claim`) under a new `attempt` number and beats (`heartbeat_at`) as it
    saves its progress. A running job whose heartbeat is older than `EXPORT_STALLED_AFTER_SECONDS`
    lost its worker (killed, or stopped by a database outage): its page says so and offers to
    start it again. A run that comes back after that finds another attempt owns the job and stops.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Running")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    consultation_key = models.UUIDField(_("consultation"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.CASCADE, related_name="+"
    )
    filters = models.JSONField(_("filters"), default=dict)
    options = models.JSONField(_("options"), default=dict)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    rows_done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    file = models.FileField(upload_to=export_file_name, storage=private_storage, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    attempt = models.PositiveIntegerField(default=0)
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")

    def __str__(self) -> str:
        return f"{self.consultation_key} — {self.created_at:%Y-%m-%d %H:%M}" if self.created_at else str(self.pk)

    @cached_property
    def consultation(self) -> ConsultationPage | None:
        return consultation_for_key(self.consultation_key)

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return min(99, round(100 * self.rows_done / self.total)) if self.total else 0

    @property
    def expires_at(self):
        return self.created_at + datetime.timedelta(days=settings.EXPORT_FILES_KEPT_DAYS)

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    def can_download(self, user) -> bool:
        from home.roles import ORGANISERS

        return user.pk == self.requested_by_id or user.is_superuser or user.groups.filter(name=ORGANISERS).exists()

    @staticmethod
    def stalled_before():
        """A running job whose last heartbeat is older than this lost its worker."""
        return timezone.now() - datetime.timedelta(seconds=settings.EXPORT_STALLED_AFTER_SECONDS)

    @property
    def is_stalled(self) -> bool:
        """Running, but its worker has not been heard of for too long: it died."""
        return self.status == self.Status.RUNNING and (self.heartbeat_at or self.created_at) < self.stalled_before()

    @property
    def can_start_again(self) -> bool:
        return self.status == self.Status.FAILED or self.is_stalled

    def start_again(self) -> bool:
        """Put a failed or stalled job back in the queue's hands; False when another run got there first."""
        stalled = models.Q(status=self.Status.RUNNING, heartbeat_at__lt=self.stalled_before())
        restartable = models.Q(status=self.Status.FAILED) | stalled
        reset = {"status": self.Status.PENDING, "rows_done": 0, "error": "", "finished_at": None}
        return bool(ExportJob.objects.filter(restartable, pk=self.pk).update(**reset))

    def claim(self) -> bool:
        """Start a run of this pending job under a new attempt number; False when it is not pending."""
        now = timezone.now()
        claimed = ExportJob.objects.filter(pk=self.pk, status=self.Status.PENDING).update(
            status=self.Status.RUNNING, attempt=F("attempt") + 1, heartbeat_at=now
        )
        if claimed:
            self.refresh_from_db(fields=["status", "attempt", "heartbeat_at"])
        return bool(claimed)

    def _own_row(self):
        """This job's row while this run still owns it (the same attempt)."""
        return ExportJob.objects.filter(pk=self.pk, attempt=self.attempt)

    def progress_event(self) -> dict:
        return {
            "type": "progress",
            "status": self.status,
            "percent": self.percent,
            "rows": self.rows_done,
            "total": self.total,
        }

    def _announce(self) -> None:
        from .consumers import export_group

        publish(export_group(self.pk), "progress", {k: v for k, v in self.progress_event().items() if k != "type"})

    def save_total(self, total: int) -> None:
        """Record how many rows the export will write; raise `ExportLost` if this run lost the job."""
        self.total = total
        if not self._own_row().update(total=total):
            raise ExportLost(self.pk)

    def save_progress(self, rows: int) -> None:
        """Record the rows written so far, and that this run is alive; raise `ExportLost` if it lost the job."""
        self.rows_done = rows
        if not self._own_row().update(rows_done=rows, heartbeat_at=timezone.now()):
            raise ExportLost(self.pk)
        self._announce()

    def mark_done(self, rows: int) -> None:
        self.status, self.rows_done, self.finished_at = self.Status.DONE, rows, timezone.now()
        if not self._own_row().update(status=self.status, rows_done=rows, finished_at=self.finished_at, file=self.file):
            raise ExportLost(self.pk)
        self._announce()

    def mark_failed(self, error: Exception) -> None:
        self.status, self.error, self.finished_at = self.Status.FAILED, str(error)[:2000], timezone.now()
        self._own_row().update(status=self.status, error=self.error, finished_at=self.finished_at)
        self._announce()


# Proposals live in their own module; importing them here registers their models with Django.
from .proposals import Proposal, ProposalsPage, Support  # noqa: E402, F401
