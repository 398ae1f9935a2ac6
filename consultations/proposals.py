"""Citizen proposals: submitted by anyone, moderated, published, supported, merged, exported.

A proposal waits in the moderation queue (Moderators group) until it is
published, rejected (with a reason sent to the author when they left an
e-mail address) or merged into another one. Published proposals are listed
with filters and can be supported once per person: a support counts only once
its supporter proved an identity, a signed-in account or an e-mail address
confirmed through a signed, expiring link (see `supporter_identity`).
"""

from __future__ import annotations

from urllib.parse import urljoin

from django import forms
from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.core.paginator import Paginator
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.models import BasePage, CommunePage, Theme, localized_snippets
from home.ratelimit import first_time, is_rate_limited

from .moderation import Held, held_field
from .uploads import AnswerFileField, store_answer_file

PROPOSALS_PER_HOUR = 5
SUPPORTS_PER_HOUR = 60
PER_PAGE = 20
SUPPORTER_HASH_SALT = "consultations.proposals.supporter"
SUPPORT_TOKEN_SALT = "consultations.proposals.confirm-support"


class Proposal(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")
        MERGED = "merged", _("Merged into another proposal")

    page = models.ForeignKey("consultations.ProposalsPage", on_delete=models.CASCADE, related_name="proposals")
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), max_length=3000)
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    commune = models.ForeignKey(
        CommunePage,
        verbose_name=_("commune concerned"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    attachment = models.JSONField(_("attachment"), null=True, blank=True)
    author_name = models.CharField(_("name"), max_length=150, blank=True)
    author_email = models.EmailField(_("e-mail"), blank=True)
    language = models.CharField(_("language"), max_length=8, default="ar")
    consent_given_at = models.DateTimeField(_("consent given at"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    held = held_field(
        _("Why moderators should look twice: it came past the limit of one address, or filled a hidden field.")
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    merged_into = models.ForeignKey(
        "self", verbose_name=_("merged into"), null=True, blank=True, on_delete=models.SET_NULL, related_name="merged"
    )
    supports = models.PositiveIntegerField(_("supports"), default=0)
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    panels = [
        FieldPanel("status"),
        FieldPanel("rejection_reason"),
        FieldPanel("merged_into"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("theme"),
        FieldPanel("commune"),
    ]

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def attachment_link(self) -> str:
        """A link to the attached file, served by a view that checks the moderator's right."""
        if not self.attachment:
            return "—"
        url = reverse("consultation_proposals:attachment", args=[self.pk])
        return format_html('<a href="{}" dir="auto">{}</a>', url, self.attachment["name"])

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.status == self.Status.REJECTED and not self.rejection_reason.strip():
            raise ValidationError({"rejection_reason": _("Give the reason the author will read.")})
        if self.status == self.Status.MERGED and not self.merged_into_id:
            raise ValidationError({"merged_into": _("Choose the proposal this one is merged into.")})
        if self.merged_into_id and self.merged_into_id == self.pk:
            raise ValidationError({"merged_into": _("A proposal cannot be merged into itself.")})

    def notify_author(self) -> None:
        """Tell the author (if they left an address) that their proposal was rejected or merged, and why."""
        if not self.author_email or self.status not in (self.Status.REJECTED, self.Status.MERGED):
            return
        if self.status == self.Status.REJECTED:
            body = gettext("Your proposal “%(title)s” was not published, for this reason:\n\n%(reason)s") % {
                "title": self.title,
                "reason": self.rejection_reason,
            }
        else:
            body = gettext("Your proposal “%(title)s” was merged into “%(other)s”, which gathers similar ideas.") % {
                "title": self.title,
                "other": self.merged_into.title if self.merged_into else "",
            }
        send_mail(gettext("Your proposal"), body, None, [self.author_email])

    def merge_supports(self) -> None:
        if self.status == self.Status.MERGED and self.merged_into_id:
            Proposal.objects.filter(pk=self.merged_into_id).update(supports=F("supports") + self.supports)


PUBLIC_STATUSES = [Proposal.Status.PUBLISHED, Proposal.Status.MERGED]


class Support(models.Model):
    """One person's support of a proposal.

    `supporter` is a keyed hash of who they proved to be (see `supporter_identity`), never an
    address in clear; the constraint makes a second support of one person impossible whatever
    the concurrency. Supports given before identities were required have no `confirmed_at`:
    they are kept but counted nowhere.
    """

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="support_records")
    supporter = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["proposal", "supporter"], name="one_support_per_identity")]

    def __str__(self) -> str:
        return f"{self.proposal_id} — {self.created_at:%Y-%m-%d}" if self.created_at else str(self.proposal_id)


def supporter_identity(*, email: str = "", user=None) -> str:
    """A keyed hash (HMAC, key derived from SECRET_KEY) of the identity a supporter proved.

    A signed-in user with an e-mail address is the same person as that address confirmed by
    link, so both give the same hash; the address is compared case-insensitively.
    """
    if user is not None and user.is_authenticated:
        basis = f"email:{user.email.strip().lower()}" if user.email else f"user:{user.pk}"
    else:
        basis = f"email:{email.strip().lower()}"
    return salted_hmac(SUPPORTER_HASH_SALT, basis, algorithm="sha256").hexdigest()


def support_token(proposal: Proposal, supporter: str) -> str:
    """The signed confirmation link's token: good only for confirming this support, until it expires."""
    return signing.dumps({"proposal": proposal.pk, "supporter": supporter}, salt=SUPPORT_TOKEN_SALT)


def read_support_token(token: str) -> dict:
    """The support a token confirms; raises `signing.BadSignature` (or its subclass for expiry)."""
    data = signing.loads(token, salt=SUPPORT_TOKEN_SALT, max_age=settings.SUPPORT_CONFIRMATION_MAX_AGE)
    if not isinstance(data, dict) or not isinstance(data.get("proposal"), int) or not data.get("supporter"):
        raise signing.BadSignature("malformed support token")
    return data


def record_support(proposal: Proposal, supporter: str) -> bool:
    """Count one confirmed support; False (nothing changes) when this person already supports it."""
    try:
        with transaction.atomic():
            Support.objects.create(proposal=proposal, supporter=supporter, confirmed_at=timezone.now())
            Proposal.objects.filter(pk=proposal.pk).update(supports=F("supports") + 1)
    except IntegrityError:
        return False
    return True


class SupportForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send you a link: your support counts once you confirm it. Your address is not kept."),
    )


class ProposalForm(forms.ModelForm):
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    attachment_file = AnswerFileField(
        label=_("Attachment (optional)"), allowed_extensions="pdf, jpg, png", max_megabytes=5, required=False
    )
    consent = forms.BooleanField(
        label=_("I agree that my proposal and what I enter here are processed to publish it, as described above."),
        error_messages={"required": _("Your consent is needed to take part.")},
    )

    class Meta:
        model = Proposal
        fields = ["title", "description", "theme", "commune", "author_name", "author_email"]
        labels = {"author_name": _("Your name (optional)"), "author_email": _("Your e-mail address (optional)")}
        help_texts = {"author_email": _("Only to tell you what becomes of your proposal.")}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
            "title": forms.TextInput(attrs={"dir": "auto"}),
        }

    def __init__(self, *args, locale_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Theme.objects.filter(locale_id=locale_id).order_by("name")
        self.fields["commune"].queryset = CommunePage.objects.live().filter(locale_id=locale_id).order_by("title")


class ProposalsPage(RoutablePageMixin, BasePage):
    """Where citizens submit proposals and support the published ones."""

    intro = RichTextField(_("introduction"), blank=True)
    privacy_notice = RichTextField(_("personal data notice"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("privacy_notice")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("proposals page")

    def listed(self, request) -> tuple:
        """The public proposals (published, and merged ones pointing at where they went), filtered, one page."""
        filters = {name: request.GET.get(name, "") for name in ("theme", "commune", "status")}
        statuses = PUBLIC_STATUSES if filters["status"] not in PUBLIC_STATUSES else [filters["status"]]
        proposals = (
            Proposal.objects.filter(page__translation_key=self.translation_key, status__in=statuses)
            .select_related("theme", "commune", "merged_into")
            .order_by("-supports", "-created_at")
        )
        if filters["theme"]:
            proposals = proposals.filter(theme__code=filters["theme"])
        if filters["commune"]:
            proposals = proposals.filter(commune__slug=filters["commune"])
        return Paginator(proposals, PER_PAGE).get_page(request.GET.get("page")), filters

    @path("")
    def index(self, request, form=None, status=200, support_form=None, support_proposal=None):
        proposals_page, filters = self.listed(request)
        session = getattr(request, "session", {})  # previews may come without one
        context = self.get_context(request)
        context.update(
            proposals_page=proposals_page,
            filters=filters,
            statuses=[(value, label) for value, label in Proposal.Status.choices if value in PUBLIC_STATUSES],
            themes=localized_snippets(Theme.objects.filter(locale_id=self.locale_id).order_by("name"), self.locale_id),
            communes=CommunePage.objects.live()
            .filter(locale_id=self.locale_id)
            .order_by("title")
            .only("title", "slug"),
            form=form or ProposalForm(locale_id=self.locale_id),
            supported=set(session.get("supported_proposals", [])),
            pending=set(session.get("pending_supports", [])),
            signed_in=request.user.is_authenticated,
            support_form=support_form or SupportForm(),
            support_proposal=support_proposal,
        )
        return TemplateResponse(request, "consultations/proposals_page.html", context, status=status)

    @path("submit/")
    def submit(self, request):
        if request.method != "POST":
            return redirect(self.url)
        form = ProposalForm(request.POST, request.FILES, locale_id=self.locale_id)
        if not form.is_valid():
            return self.index(request, form=form, status=400)
        proposal = form.save(commit=False)
        # Every valid proposal is kept for moderation; those from a flood or with the hidden field
        # filled in are marked, so that moderators look twice.
        if form.data.get("website"):
            proposal.held = Held.HIDDEN_FIELD
        elif is_rate_limited(request, "proposal", limit=PROPOSALS_PER_HOUR, window=3600):
            proposal.held = Held.MANY_FROM_ONE_ADDRESS
        proposal.page = self
        proposal.language = self.locale.language_code
        proposal.consent_given_at = timezone.now()
        if form.cleaned_data.get("attachment_file"):
            proposal.attachment = store_answer_file(form.cleaned_data["attachment_file"])
        proposal.save()
        return self._thank(request)

    def _thank(self, request):
        context = self.get_context(request)
        return TemplateResponse(request, "consultations/proposal_thanks.html", context)

    @path("<int:proposal_id>/support/")
    def support(self, request, proposal_id: int):
        """Support a published proposal: at once when signed in, otherwise once the e-mail address is confirmed.

        The same answer comes back whether or not the address already supports the proposal,
        so this page cannot be used to learn who supports what.
        """
        proposal = get_object_or_404(
            Proposal, pk=proposal_id, page__translation_key=self.translation_key, status=Proposal.Status.PUBLISHED
        )
        if request.method != "POST" or is_rate_limited(request, "support", limit=SUPPORTS_PER_HOUR, window=3600):
            return redirect(f"{self.url}#proposal-{proposal.pk}")
        if request.user.is_authenticated:
            record_support(proposal, supporter_identity(user=request.user))
            self._remember(request, "supported_proposals", proposal.pk)
            return redirect(f"{self.url}#proposal-{proposal.pk}")
        form = SupportForm(request.POST)
        if not form.is_valid():
            return self.index(request, support_form=form, support_proposal=proposal.pk, status=400)
        supporter = supporter_identity(email=form.cleaned_data["email"])
        if first_time(f"support-mail:{proposal.pk}:{supporter}", 3600):  # one link an hour per address
            self._send_confirmation(request, proposal, supporter, form.cleaned_data["email"])
        self._remember(request, "pending_supports", proposal.pk)
        return redirect(f"{self.url}#proposal-{proposal.pk}")

    def _send_confirmation(self, request, proposal: Proposal, supporter: str, email: str) -> None:
        """The one-click link, in the page's language, on the site's public address (`WAGTAILADMIN_BASE_URL`)."""
        path = self.get_url(request) + self.reverse_subpage("confirm_support")
        link = (
            urljoin(settings.WAGTAILADMIN_BASE_URL, path)
            + "?"
            + urlencode({"token": support_token(proposal, supporter)})
        )
        with translation.override(self.locale.language_code):
            body = gettext(
                "To support the proposal “%(title)s”, open this link within %(days)d days:\n\n%(link)s\n\n"
                "If you did not ask to support it, ignore this message: nothing will be counted."
            ) % {"title": proposal.title, "link": link, "days": settings.SUPPORT_CONFIRMATION_MAX_AGE // 86400}
            send_mail(gettext("Confirm your support"), body, None, [email])

    @path("support/confirm/", name="confirm_support")
    def confirm_support(self, request):
        """Count the support a confirmation link stands for, once, or say why the link is refused."""
        try:
            data = read_support_token(request.GET.get("token", ""))
        except signing.SignatureExpired:
            return self._confirmation(request, _("This link has expired: support the proposal again to get a new one."))
        except signing.BadSignature:
            return self._confirmation(request, _("This link is not valid: it may have been mistyped or altered."))
        proposal = Proposal.objects.filter(
            pk=data["proposal"], page__translation_key=self.translation_key, status=Proposal.Status.PUBLISHED
        ).first()
        if proposal is None:
            return self._confirmation(request, _("This proposal can no longer be supported."))
        counted = record_support(proposal, data["supporter"])
        self._remember(request, "supported_proposals", proposal.pk)
        if counted:
            return self._confirmation(request, _("Thank you: your support is counted."), proposal=proposal, status=200)
        return self._confirmation(
            request, _("You already support this proposal: it is counted once."), proposal=proposal, status=200
        )

    def _confirmation(self, request, message, *, proposal: Proposal | None = None, status: int = 400):
        context = self.get_context(request)
        context.update(message=message, proposal=proposal, refused=status != 200)
        return TemplateResponse(request, "consultations/support_confirmation.html", context, status=status)

    @staticmethod
    def _remember(request, key: str, proposal_pk: int) -> None:
        """Keep in the visitor's session which proposals they support or wait to confirm (for the page only)."""
        remembered = set(request.session.get(key, []))
        remembered.add(proposal_pk)
        request.session[key] = sorted(remembered)
