"""Workshops, study days, network meetings and the minutes of boards and steering committees.

A `WorkshopPage` holds an event as structured data (dates, venue, organisers,
participants, agenda, working groups, report, points discussed and agreed,
outcome, documents, photos, videos and recommendations); a `MeetingPage` holds
minutes (date, times, place, participants, agenda, points, decision and vote).

Participants are personal data: only those marked public are ever put in a
template context, a feed, the search index or an export. Templates receive
`public_participants` and a count of the others, never the relation itself.
"""

from __future__ import annotations

import datetime
import operator
from dataclasses import dataclass
from functools import cached_property, reduce
from itertools import groupby

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError
from wagtail.models import Orderable, Page, PageViewRestriction, TranslatableMixin
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.models import BasePage, CommunePage, Theme
from home.page_cache import cached_until_publication

from ..blocks import PointsBlock, VideoLinkBlock
from ..lookups import lookups
from .recommendations import grouped_by_axis, recommendations_with_status
from .snippets import LOGO_FILTER, Organisation, localized_in, organisations_with_logos

PHOTO_FILTER = "fill-480x320"


# --- Shared pieces --------------------------------------------------------------------------


class BaseParticipant(TranslatableMixin, Orderable):
    """Someone who took part. Shown publicly only when `is_public` is ticked (personal data)."""

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    is_public = models.BooleanField(
        _("show on the public site"),
        default=False,
        help_text=_("Tick only if this person agreed to be named publicly."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("is_public")]),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True

    def __str__(self) -> str:
        return self.name


def split_participants(participants) -> tuple[list, int]:
    """(public participants, number of the others): the only form in which participants leave a page."""
    public, private = [], 0
    for participant in participants:
        if participant.is_public:
            public.append(participant)
        else:
            private += 1
    return public, private


class BaseDocument(TranslatableMixin, Orderable):
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200, blank=True, help_text=_("Defaults to the document's title."))

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True

    @property
    def display_title(self) -> str:
        return self.title or self.document.title


class CommunesForm(WagtailAdminPageForm):
    """Offers only the member communes of the page's language in the communes field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "communes" in self.fields:
            locale = self.instance.locale if self.instance.locale_id else getattr(self.parent_page, "locale", None)
            communes = CommunePage.objects.order_by("title")
            self.fields["communes"].queryset = communes.filter(locale=locale) if locale else communes


class EventPage(BasePage):
    """What workshops and minutes have in common: a summary, a place, a theme."""

    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences for listings and feeds."))
    city = models.CharField(_("city"), max_length=120, blank=True)
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True

    @property
    def event_date(self) -> datetime.date | None:
        raise NotImplementedError

    def localized_theme(self):
        return lookups(self.locale_id).theme(self.theme_id)

    def cached_data(self, request, build) -> dict:
        """`build()`, kept until the next publication (a preview always builds afresh)."""
        if getattr(request, "is_preview", False):
            return build()
        return cached_until_publication(f"workshops:page-data:{self.pk}", build)


# --- Index ----------------------------------------------------------------------------------


class WorkshopIndexPage(RoutablePageMixin, BasePage):
    """The network's workshops, study days, meetings and minutes: upcoming first, then past ones."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["workshops.WorkshopPage", "workshops.MeetingPage", "workshops.RecommendationsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("workshop index")

    @cached_property
    def restricted(self) -> models.Q | None:
        """Pages behind a view restriction (password, login, groups), read once for every listing."""
        conditions = [
            models.Q(path__startswith=path) for path in PageViewRestriction.objects.values_list("page__path", flat=True)
        ]
        return reduce(operator.or_, conditions) if conditions else None

    def public_pages(self, queryset):
        return queryset.exclude(self.restricted) if self.restricted is not None else queryset

    def network_pages(self, model):
        """Live, public pages of `model` anywhere under this index's home page (members' pages included)."""
        home_path = self.path[: self.steplen * 2]
        return self.public_pages(model.objects.live().filter(locale_id=self.locale_id, path__startswith=home_path))

    def events(self) -> list:
        """Workshops under this index and minutes anywhere on the site of its language, newest first."""
        workshops = self.public_pages(WorkshopPage.objects.child_of(self).live().select_related("theme"))
        meetings = self.network_pages(MeetingPage).select_related("theme")
        return sorted([*workshops, *meetings], key=lambda event: (event.event_date, event.pk), reverse=True)

    def action_plans(self) -> list:
        """Members' action plans with their progress, in two queries (the plans, their originals' progress)."""
        from .plans import ActionPlanPage, with_original_commitments

        return with_original_commitments(list(self.network_pages(ActionPlanPage).order_by("title")))

    @path("")
    def index(self, request):
        return self.render(request)

    @path("feed/")
    def feed(self, request):
        from ..feeds import EventFeed

        return EventFeed()(request, index_page=self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        events = self.events()
        kinds = dict(WorkshopPage.Kind.choices)
        kind = request.GET.get("kind", "")
        if kind:
            events = [event for event in events if getattr(event, "kind", MeetingPage.KIND) == kind]
        context.update(
            upcoming=sorted((e for e in events if e.event_date >= today), key=lambda e: e.event_date),
            past=[e for e in events if e.event_date < today],
            kinds=[*kinds.items(), (MeetingPage.KIND, _("Minutes"))],
            selected_kind=kind,
            compilation=RecommendationsPageLink.for_index(self),
            plans=self.action_plans(),
        )
        return context


@dataclass
class RecommendationsPageLink:
    title: str
    url: str

    @classmethod
    def for_index(cls, index_page):
        from .recommendations import RecommendationsPage

        page = RecommendationsPage.objects.child_of(index_page).live().only("title", "url_path", "path").first()
        return cls(page.title, page.url) if page else None


# --- Workshops -------------------------------------------------------------------------------


class WorkshopPage(EventPage):
    """A workshop, study day, network meeting or steering committee, with its report and recommendations."""

    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("Workshop")
        STUDY_DAY = "study_day", _("Study day")
        NETWORK_MEETING = "network_meeting", _("Network meeting")
        STEERING_COMMITTEE = "steering_committee", _("Steering committee")

    kind = models.CharField(_("kind of event"), max_length=30, choices=Kind.choices, default=Kind.WORKSHOP)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True, help_text=_("Leave empty for a one-day event."))
    communes = ParentalManyToManyField(
        "home.CommunePage", verbose_name=_("member communes involved"), blank=True, related_name="workshops"
    )
    report = StreamField(BaseStreamBlock(), verbose_name=_("report"), blank=True)
    points_discussed = StreamField(PointsBlock(), verbose_name=_("points discussed"), blank=True)
    points_agreed = StreamField(PointsBlock(), verbose_name=_("points agreed"), blank=True)
    outcome = RichTextField(_("outcome"), blank=True, features=["bold", "italic", "link", "ul", "ol"])
    videos = StreamField([("video", VideoLinkBlock())], verbose_name=_("video links"), blank=True)

    base_form_class = CommunesForm
    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("city"), FieldPanel("venue")]),
            ],
            _("When and where"),
        ),
        FieldPanel("theme"),
        InlinePanel("organisations", label=_("Organisers and partners")),
        FieldPanel("communes", widget=forms.CheckboxSelectMultiple),
        InlinePanel("participants", label=_("Participants")),
        InlinePanel("sessions", label=_("Agenda")),
        InlinePanel("working_groups", label=_("Working groups")),
        FieldPanel("report"),
        FieldPanel("points_discussed"),
        FieldPanel("points_agreed"),
        FieldPanel("outcome"),
        InlinePanel("recommendations", label=_("Recommendations")),
        InlinePanel("documents", label=_("Documents to download")),
        InlinePanel("photos", label=_("Photos")),
        FieldPanel("videos"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("city"),
        index.SearchField("venue"),
        index.SearchField("report"),
        index.SearchField("outcome"),
        index.SearchField("public_participant_names"),
        index.FilterField("kind"),
        index.FilterField("start_date"),
    ]
    parent_page_types = ["workshops.WorkshopIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("workshop or meeting")
        verbose_name_plural = _("workshops and meetings")

    @property
    def event_date(self) -> datetime.date:
        return self.start_date

    @property
    def last_day(self) -> datetime.date:
        return self.end_date or self.start_date

    def public_participant_names(self) -> str:
        """What the search index may hold about participants: the names of public ones only."""
        return " ".join(p.name for p in self.participants.all() if p.is_public)

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.cached_data(request, self.page_data))
        return context

    def page_data(self) -> dict:
        """Everything the page shows besides its own fields, as lists (so that it can be cached)."""
        links = list(self.organisations.all())
        organisations = localized_in(
            organisations_with_logos(), [link.organisation_id for link in links], self.locale_id
        )
        roles: dict[str, list] = {role: [] for role in WorkshopOrganisation.Role.values}
        for link in links:
            if link.organisation_id in organisations:
                roles[link.role].append(organisations[link.organisation_id])
        public_participants, private_count = split_participants(self.participants.all())
        sessions = list(self.sessions.all())
        recommendations = recommendations_with_status(self.recommendations.all(), self.locale_id)
        photo_images = get_image_model().objects.prefetch_renditions(PHOTO_FILTER)
        photos = list(self.photos.prefetch_related(models.Prefetch("image", queryset=photo_images)))
        make_renditions([photo.image for photo in photos], PHOTO_FILTER)
        make_renditions([org.logo for org in organisations.values() if org.logo_id], LOGO_FILTER)
        return {
            "theme": self.localized_theme(),
            "organisers": roles[WorkshopOrganisation.Role.ORGANISER],
            "partners": roles[WorkshopOrganisation.Role.PARTNER],
            "public_participants": public_participants,
            "private_participant_count": private_count,
            "agenda_days": [(day, list(items)) for day, items in groupby(sessions, key=lambda s: s.day)],
            "agenda_has_times": any(session.start_time or session.end_time for session in sessions),
            "working_groups": list(self.working_groups.all()),
            "recommendation_groups": grouped_by_axis(recommendations),
            "documents": list(self.documents.select_related("document")),
            "photos": photos,
            "communes": communes_of(self),
        }


def make_renditions(images, spec: str) -> None:
    """Make the images' missing renditions now, so that the cached page data holds them all."""
    for image in images:
        try:
            image.get_rendition(spec)
        except SourceImageIOError:
            continue  # the image tag shows a placeholder for a missing file


def communes_of(page) -> list:
    """The member communes ticked on any language version of `page`, as pages of its language."""
    keys = CommunePage.objects.filter(workshops__translation_key=page.translation_key).values("translation_key")
    return list(
        CommunePage.objects.live()
        .filter(locale_id=page.locale_id, translation_key__in=keys)
        .order_by("title")
        .only("title", "url_path", "path", "depth", "locale_id")
    )


class WorkshopOrganisation(Orderable):
    class Role(models.TextChoices):
        ORGANISER = "organiser", _("Organiser")
        PARTNER = "partner", _("Partner")

    page = ParentalKey(WorkshopPage, related_name="organisations", on_delete=models.CASCADE)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.ORGANISER)

    panels = [FieldRowPanel([FieldPanel("organisation"), FieldPanel("role")])]


class WorkshopParticipant(BaseParticipant):
    page = ParentalKey(WorkshopPage, related_name="participants", on_delete=models.CASCADE)

    class Meta(BaseParticipant.Meta):
        verbose_name = _("participant")
        verbose_name_plural = _("participants")


class AgendaSession(TranslatableMixin, Orderable):
    """One session of the agenda: a day, a time slot, a title and its speakers."""

    page = ParentalKey(WorkshopPage, related_name="sessions", on_delete=models.CASCADE)
    day = models.DateField(_("day"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=300)
    speakers = models.CharField(_("speakers"), max_length=400, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("day"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("title"),
        FieldPanel("speakers"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("agenda session")
        verbose_name_plural = _("agenda")

    def clean(self):
        super().clean()
        if self.start_time and self.end_time and self.end_time < self.start_time:
            raise ValidationError({"end_time": _("The session cannot end before it starts.")})


class WorkingGroup(TranslatableMixin, Orderable):
    page = ParentalKey(WorkshopPage, related_name="working_groups", on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=200)
    topic = models.TextField(_("topic"), blank=True)
    rapporteur = models.CharField(_("rapporteur"), max_length=200, blank=True)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("rapporteur")]), FieldPanel("topic")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")


class WorkshopDocument(BaseDocument):
    page = ParentalKey(WorkshopPage, related_name="documents", on_delete=models.CASCADE)


class WorkshopPhoto(TranslatableMixin, Orderable):
    page = ParentalKey(WorkshopPage, related_name="photos", on_delete=models.CASCADE)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("photo"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the photo for people who cannot see it; leave empty if the caption does."),
    )

    panels = [FieldPanel("image"), FieldRowPanel([FieldPanel("caption"), FieldPanel("alt_text")])]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


# --- Minutes --------------------------------------------------------------------------------------


class MeetingPage(EventPage):
    """The minutes of a board or steering committee: who, what was discussed, what was agreed, the vote."""

    KIND = "minutes"

    class Body(models.TextChoices):
        STEERING_COMMITTEE = "steering_committee", _("Steering committee")
        BOARD = "board", _("Executive board")
        GENERAL_ASSEMBLY = "general_assembly", _("General assembly")
        COUNCIL = "council", _("Council session")

    class Vote(models.TextChoices):
        UNANIMOUS = "unanimous", _("Approved unanimously")
        MAJORITY = "majority", _("Approved by majority")
        REJECTED = "rejected", _("Rejected")
        POSTPONED = "postponed", _("Postponed")
        NO_VOTE = "none", _("No vote")

    body = models.CharField(_("meeting of"), max_length=30, choices=Body.choices, default=Body.STEERING_COMMITTEE)
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    closing_time = models.TimeField(_("closing time"), null=True, blank=True)
    agenda = StreamField(PointsBlock(), verbose_name=_("agenda"), blank=True)
    points_discussed = StreamField(PointsBlock(), verbose_name=_("points discussed"), blank=True)
    points_agreed = StreamField(PointsBlock(), verbose_name=_("points agreed"), blank=True)
    decision = StreamField(PointsBlock(), verbose_name=_("decision"), blank=True)
    vote = models.CharField(_("vote result"), max_length=20, choices=Vote.choices, default=Vote.NO_VOTE)
    vote_details = models.CharField(
        _("vote details"), max_length=250, blank=True, help_text=_("e.g. 12 for, 2 against, 1 abstention")
    )
    related_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("document approved or discussed"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For example the action plan the committee approved."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("body"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("closing_time")]),
                FieldRowPanel([FieldPanel("city"), FieldPanel("venue")]),
            ],
            _("When and where"),
        ),
        FieldPanel("theme"),
        InlinePanel("participants", label=_("Participants and others present")),
        FieldPanel("agenda"),
        FieldPanel("points_discussed"),
        FieldPanel("points_agreed"),
        MultiFieldPanel(
            [FieldPanel("decision"), FieldRowPanel([FieldPanel("vote"), FieldPanel("vote_details")])], _("Decision")
        ),
        FieldPanel("related_page"),
        InlinePanel("documents", label=_("Documents to download")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("venue"),
        index.SearchField("agenda"),
        index.SearchField("points_discussed"),
        index.SearchField("points_agreed"),
        index.SearchField("decision"),
        index.SearchField("public_participant_names"),
        index.FilterField("date"),
    ]
    parent_page_types = ["workshops.WorkshopIndexPage", "home.CommunePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("minutes")
        # The same word in English, not in Arabic or French (listings of several, e.g. on a member's page).
        verbose_name_plural = pgettext_lazy("records of several meetings", "minutes")

    @property
    def event_date(self) -> datetime.date:
        return self.date

    def public_participant_names(self) -> str:
        return " ".join(p.name for p in self.participants.all() if p.is_public)

    def clean(self):
        super().clean()
        if self.start_time and self.closing_time and self.closing_time < self.start_time:
            raise ValidationError({"closing_time": _("The meeting cannot close before it starts.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.cached_data(request, self.page_data))
        return context

    def page_data(self) -> dict:
        members: list = []
        others: list = []
        public, private_count = split_participants(self.participants.all())
        for participant in public:
            also_present = participant.attendance == MeetingParticipant.Attendance.ALSO_PRESENT
            (others if also_present else members).append(participant)
        related = None
        if self.related_page_id:
            related = (
                Page.objects.live()
                .filter(translation_key=self.related_page.translation_key, locale_id=self.locale_id)
                .first()
                or self.related_page
            )
        return {
            "theme": self.localized_theme(),
            "members": members,
            "also_present": others,
            "private_participant_count": private_count,
            "related": related,
            "documents": list(self.documents.select_related("document")),
        }


class MeetingParticipant(BaseParticipant):
    class Attendance(models.TextChoices):
        MEMBER = "member", _("Participant")
        ALSO_PRESENT = "also_present", _("Also present")

    page = ParentalKey(MeetingPage, related_name="participants", on_delete=models.CASCADE)
    attendance = models.CharField(_("attendance"), max_length=20, choices=Attendance.choices, default=Attendance.MEMBER)

    panels = BaseParticipant.panels + [FieldPanel("attendance")]

    class Meta(BaseParticipant.Meta):
        verbose_name = _("participant")
        verbose_name_plural = _("participants")


class MeetingDocument(BaseDocument):
    page = ParentalKey(MeetingPage, related_name="documents", on_delete=models.CASCADE)
