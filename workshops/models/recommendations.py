"""Recommendations of workshops, their follow-up, their uptake by member communes, and their compilation.

A `Recommendation` is written on its workshop page (an inline, translated with
the page by wagtail-localize like any other text of the page): each language
version of the page has its own row, and the rows of one recommendation share a
`translation_key`. Everything that happens afterwards belongs to the
recommendation whatever the language, so it is attached to the first row (the
original) and looked up by key:

* `RecommendationUpdate` — dated follow-up notes; the latest one gives the
  recommendation's status (*proposed* until there is one).
* `CommuneUptake` — how one member commune takes a recommendation up; each
  commune's editors edit only their own commune's (see `wagtail_hooks.py`).

`RecommendationsPage` compiles the recommendations of every workshop with
filters, a recommendation × commune view, and XLSX/CSV exports.
"""

from __future__ import annotations

import datetime
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin

from home.models import BasePage, CommunePage, Theme

from .snippets import Axis

PER_PAGE = 50
EXPORT_CHUNK = 500
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class Status(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ADOPTED = "adopted", _("Adopted")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class Recommendation(TranslatableMixin, Orderable, ClusterableModel):
    """One recommendation of a workshop, addressed to someone, on an axis, with a priority."""

    class Priority(models.TextChoices):
        HIGH = "high", _("High")
        MEDIUM = "medium", _("Medium")
        LOW = "low", _("Low")

    class Addressee(models.TextChoices):
        COMMUNES = "communes", _("Member communes")
        COUNCILS = "councils", _("Prefecture and province councils")
        NETWORK = "network", _("The network")
        STATE = "state", _("The State and its ministries")
        PARTNERS = "partners", _("Partners")

    page = ParentalKey("workshops.WorkshopPage", related_name="recommendations", on_delete=models.CASCADE)
    text = models.TextField(_("recommendation"))
    axis = models.ForeignKey(
        Axis, verbose_name=_("axis"), null=True, blank=True, on_delete=models.SET_NULL, related_name="recommendations"
    )
    themes = ParentalManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="+")
    priority = models.CharField(_("priority"), max_length=10, choices=Priority.choices, default=Priority.MEDIUM)
    addressee = models.CharField(
        _("addressed to"), max_length=20, choices=Addressee.choices, default=Addressee.COMMUNES
    )

    panels = [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("axis"), FieldPanel("priority"), FieldPanel("addressee")]),
        FieldPanel("themes"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        text = self.text if len(self.text) <= 90 else self.text[:89] + "…"
        return text

    def original(self) -> Recommendation:
        """The first row of this recommendation, which follow-up and uptake are attached to."""
        return Recommendation.objects.filter(translation_key=self.translation_key).order_by("pk").first() or self


def original_recommendations():
    """One row per recommendation: the original of each."""
    firsts = Recommendation.objects.values("translation_key").annotate(first=models.Min("pk")).values("first")
    return Recommendation.objects.filter(pk__in=Subquery(firsts))


class AttachedToOriginal(models.Model):
    """Follow-up and uptake always point at the original row of a recommendation."""

    recommendation = models.ForeignKey(
        Recommendation, verbose_name=_("recommendation"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.recommendation_id:
            self.recommendation = self.recommendation.original()
        super().save(*args, **kwargs)


class RecommendationUpdate(AttachedToOriginal):
    """A dated note on what became of a recommendation; the latest one gives its status."""

    date = models.DateField(_("date"), default=timezone.localdate)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("recommendation follow-up")
        verbose_name_plural = _("recommendation follow-up")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} — {self.get_status_display()}"

    def clean(self):
        super().clean()
        if self.date and self.date > timezone.localdate():
            raise ValidationError({"date": _("A follow-up note cannot be dated in the future.")})


class CommuneUptake(AttachedToOriginal):
    """How one member commune takes up a recommendation addressed to communes."""

    class UptakeStatus(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        NOT_RETAINED = "not_retained", _("Not retained")

    commune = models.ForeignKey(
        CommunePage, verbose_name=_("member commune"), on_delete=models.CASCADE, related_name="recommendation_uptakes"
    )
    status = models.CharField(_("status"), max_length=20, choices=UptakeStatus.choices, default=UptakeStatus.PLANNED)
    note = models.TextField(_("note"), blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("uptake by a commune")
        verbose_name_plural = _("uptake by communes")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(fields=["recommendation", "commune"], name="one_uptake_per_commune"),
        ]

    def __str__(self) -> str:
        return f"{self.commune.title} — {self.get_status_display()}"

    def save(self, *args, **kwargs):
        # One row per commune whatever the language it was chosen in: the commune's first page.
        if self.commune_id:
            self.commune = (
                CommunePage.objects.filter(translation_key=self.commune.translation_key).order_by("pk").first()
                or self.commune
            )
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.recommendation_id and self.recommendation.addressee != Recommendation.Addressee.COMMUNES:
            raise ValidationError({"recommendation": _("Only recommendations addressed to communes are taken up.")})


# --- Reading recommendations -----------------------------------------------------------------------


def latest_update() -> models.QuerySet:
    return RecommendationUpdate.objects.filter(recommendation__translation_key=OuterRef("translation_key")).order_by(
        "-date", "-pk"
    )


def with_status(queryset):
    """Annotate each recommendation with `current_status` and `status_date` from its latest follow-up."""
    return queryset.annotate(
        current_status=Coalesce(Subquery(latest_update().values("status")[:1]), Value(Status.PROPOSED.value)),
        status_date=Subquery(latest_update().values("date")[:1]),
    )


def latest_statuses(keys: Iterable) -> dict:
    """{translation key: (status, date)} of the latest follow-up of each recommendation, in one query."""
    result: dict = {}
    updates = (
        RecommendationUpdate.objects.filter(recommendation__translation_key__in=list(keys))
        .order_by("-date", "-pk")
        .values_list("recommendation__translation_key", "status", "date")
    )
    for key, status, date in updates:
        result.setdefault(key, (status, date))
    return result


def label_of(choices: type[models.TextChoices], value: str) -> str:
    """The label of a stored choice, or the value itself if that choice no longer exists (as `get_FOO_display()`)."""
    try:
        return choices(value).label
    except ValueError:
        return value


@dataclass
class RecommendationRow:
    """A recommendation as the public pages and exports show it, in one language.

    `recommendation` is a `Recommendation` or, for exports, a row of its `ROW_FIELDS`
    read with `values_list(named=True)` (no model to build per row).
    """

    recommendation: Recommendation
    axis: Axis | None = None
    themes: list = field(default_factory=list)
    status: str = Status.PROPOSED
    status_date: datetime.date | None = None
    uptakes: list = field(default_factory=list)  # [(commune title, CommuneUptake.UptakeStatus)]
    workshop: object = None  # its workshop page, where shown (the compilation, exports)

    @property
    def text(self) -> str:
        return self.recommendation.text

    @property
    def status_label(self) -> str:
        return label_of(Status, self.status)

    @property
    def priority_label(self) -> str:
        return label_of(Recommendation.Priority, self.recommendation.priority)

    @property
    def addressee_label(self) -> str:
        return label_of(Recommendation.Addressee, self.recommendation.addressee)


def recommendations_with_status(recommendations, locale_id: int) -> list[RecommendationRow]:
    """Rows for one workshop page's recommendations (live or previewed): axis and status, no uptake."""
    from ..lookups import lookups

    recommendations = list(recommendations)
    labels = lookups(locale_id)
    statuses = latest_statuses({r.translation_key for r in recommendations})
    rows = []
    for recommendation in recommendations:
        status, date = statuses.get(recommendation.translation_key, (Status.PROPOSED, None))
        rows.append(RecommendationRow(recommendation, labels.axis(recommendation.axis_id), [], status, date))
    return rows


def grouped_by_axis(rows: list[RecommendationRow]) -> list[tuple[Axis | None, list[RecommendationRow]]]:
    """Rows grouped by axis, axes in their order, recommendations without an axis last."""
    groups: dict = {}
    for row in rows:
        groups.setdefault(row.axis.pk if row.axis else None, (row.axis, []))[1].append(row)
    return sorted(
        groups.values(), key=lambda group: (group[0] is None, group[0].sort_order if group[0] else 0, str(group[0]))
    )


# What a row needs of a recommendation (`RecommendationRow.recommendation`) and of its workshop.
ROW_FIELDS = ("text", "priority", "addressee", "axis_id", "translation_key", "page_id", "current_status", "status_date")
WORKSHOP_FIELDS = ("title", "start_date", "city", "url_path", "path", "depth", "locale_id")


def compiled_rows(recommendations: list, locale_id: int) -> list[RecommendationRow]:
    """Rows with axis, themes, status, uptake and workshop for recommendations of any workshops, in three queries.

    `recommendations` come from `RecommendationFilters.queryset()` (`current_status`
    and `status_date` annotated), as models or as rows of `ROW_FIELDS`.
    """
    from ..lookups import lookups
    from .events import WorkshopPage

    if not recommendations:
        return []
    labels = lookups(locale_id)
    keys = {r.translation_key for r in recommendations}
    themes_by_key: dict = defaultdict(dict)
    theme_pairs = Recommendation.themes.through.objects.filter(recommendation__translation_key__in=keys)
    for key, theme_id in theme_pairs.values_list("recommendation__translation_key", "theme_id"):
        if theme := labels.theme(theme_id):
            themes_by_key[key][theme.translation_key] = theme
    uptakes_by_key: dict = defaultdict(list)
    uptakes = (
        CommuneUptake.objects.filter(recommendation__translation_key__in=keys)
        .order_by()
        .values_list("recommendation__translation_key", "commune_id", "status")
    )
    for key, commune_id, status in uptakes:
        uptakes_by_key[key].append((labels.commune_titles.get(commune_id, ""), CommuneUptake.UptakeStatus(status)))
    workshops = WorkshopPage.objects.only(*WORKSHOP_FIELDS).in_bulk({r.page_id for r in recommendations})
    return [
        RecommendationRow(
            recommendation=r,
            axis=labels.axis(r.axis_id),
            themes=sorted(themes_by_key[r.translation_key].values(), key=lambda theme: theme.name),
            status=r.current_status,
            status_date=r.status_date,
            uptakes=sorted(uptakes_by_key[r.translation_key], key=lambda pair: pair[0]),
            workshop=workshops.get(r.page_id),
        )
        for r in recommendations
    ]


def iter_compiled_rows(queryset, locale_id: int, chunk: int = EXPORT_CHUNK) -> Iterator[RecommendationRow]:
    """Every row of `queryset` in its order, so that memory does not grow with their number.

    One query streams the recommendations (as plain rows: building a model for
    each costs more than the rest of the row); their themes, uptake and
    workshops are read a chunk at a time.
    """
    records = queryset.values_list(*ROW_FIELDS, named=True).iterator(chunk_size=chunk)
    while batch := list(islice(records, chunk)):
        yield from compiled_rows(batch, locale_id)


# --- Filters --------------------------------------------------------------------------------------


FILTER_NAMES = ("axis", "theme", "year", "commune", "status", "workshop", "q")


@dataclass
class RecommendationFilters:
    """The filters of the compilation, read from a query string or command options.

    A value that names nothing (an unknown axis, a year that is not a number…)
    selects nothing: the result is empty, never an error.
    """

    axis: str = ""
    theme: str = ""
    year: str = ""
    commune: str = ""
    status: str = ""
    workshop: str = ""
    q: str = ""

    @classmethod
    def from_mapping(cls, data: Mapping) -> RecommendationFilters:
        values = {}
        for name in FILTER_NAMES:
            value = data.get(name) or ""
            values[name] = str(value).strip()[:200]
        return cls(**values)

    def as_dict(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in FILTER_NAMES if getattr(self, name)}

    @property
    def is_active(self) -> bool:
        return bool(self.as_dict())

    def queryset(self, locale_id: int):
        """The recommendations of live, public workshops in `locale_id`, filtered, with their status."""
        queryset = with_status(Recommendation.objects.filter(page_id__in=public_workshop_ids(locale_id)))
        return self.apply(queryset).order_by("-page__start_date", "page_id", "sort_order", "pk")

    def apply(self, queryset):
        from .events import WorkshopPage

        if self.axis:
            queryset = queryset.filter(axis__code=self.axis)
        if self.theme:
            tagged = Recommendation.objects.filter(themes__code=self.theme).values("translation_key")
            queryset = queryset.filter(translation_key__in=tagged)
        if self.year:
            if not self.year.isdigit() or len(self.year) != 4:
                return queryset.none()
            queryset = queryset.filter(page__start_date__year=int(self.year))
        if self.commune:
            taken_up = CommuneUptake.objects.filter(
                commune__slug=self.commune, recommendation__translation_key=OuterRef("translation_key")
            )
            involved = WorkshopPage.objects.filter(communes__slug=self.commune).values("translation_key")
            queryset = queryset.filter(Q(Exists(taken_up)) | Q(page__translation_key__in=involved))
        if self.status:
            if self.status not in Status.values:
                return queryset.none()
            queryset = queryset.filter(current_status=self.status)
        if self.workshop:
            queryset = queryset.filter(page__slug=self.workshop)
        if self.q:
            queryset = queryset.filter(Q(text__icontains=self.q) | Q(page__title__icontains=self.q))
        return queryset


def public_workshop_ids(locale_id: int) -> list[int]:
    """Ids of the live workshop pages of a language that anyone may see, cached until the next publication."""
    from home.page_cache import cached_until_publication

    from .events import WorkshopPage

    def build():
        return list(WorkshopPage.objects.live().public().filter(locale_id=locale_id).values_list("pk", flat=True))

    return cached_until_publication(f"workshops:public-workshops:{locale_id}", build)


def filter_choices(locale_id: int) -> dict:
    """The options of the compilation's filters in one language, cached until the next publication."""
    from home.page_cache import cached_until_publication

    from ..lookups import lookups

    def build():
        from .events import WorkshopPage

        labels = lookups(locale_id)
        workshops = list(
            WorkshopPage.objects.filter(pk__in=public_workshop_ids(locale_id))
            .order_by("-start_date")
            .values_list("slug", "title", "start_date")
        )
        themes = {theme.code: theme for theme in labels.themes.values()}
        communes = CommunePage.objects.live().filter(locale_id=locale_id).order_by("title")
        return {
            "axes": labels.unique_axes(),
            "themes": sorted(themes.values(), key=lambda theme: theme.name),
            "years": sorted({start.year for _slug, _title, start in workshops}, reverse=True),
            "communes": [
                MemberLink(page.slug, page.title, page.url, page.translation_key)
                for page in communes.only("slug", "title", "translation_key", "url_path", "path", "depth", "locale_id")
            ],
            "statuses": Status.choices,
            "workshops": [(slug, title) for slug, title, _start in workshops],
        }

    return cached_until_publication(f"workshops:filter-choices:{locale_id}", build)


@dataclass(frozen=True)
class MemberLink:
    slug: str
    title: str
    url: str
    translation_key: object


# --- The compilation page ------------------------------------------------------------------------------


class RecommendationsPage(RoutablePageMixin, BasePage):
    """Every recommendation of every workshop, filterable, comparable by commune, exportable."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["workshops.WorkshopIndexPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("compilation of recommendations")

    def filters(self, request) -> RecommendationFilters:
        return RecommendationFilters.from_mapping(request.GET)

    @path("")
    def compilation(self, request):
        filters = self.filters(request)
        paginator = Paginator(filters.queryset(self.locale_id), PER_PAGE)
        page_of_results = paginator.get_page(request.GET.get("page"))
        rows = compiled_rows(list(page_of_results.object_list), self.locale_id)
        return self.render(
            request,
            context_overrides={
                "filters": filters,
                "choices": filter_choices(self.locale_id),
                "results_page": page_of_results,
                "groups": grouped_by_axis(rows),
                "query_string": _query_string(filters),
            },
        )

    @path("communes/")
    def by_commune(self, request):
        """Recommendations addressed to communes × member communes: who takes up what."""
        filters = self.filters(request)
        recommendations = list(
            filters.queryset(self.locale_id)
            .filter(addressee=Recommendation.Addressee.COMMUNES)
            .select_related("page")[: PER_PAGE * 2]
        )
        choices = filter_choices(self.locale_id)
        communes = choices["communes"]
        cells: dict = defaultdict(dict)
        uptakes = CommuneUptake.objects.filter(
            recommendation__translation_key__in={r.translation_key for r in recommendations}
        ).values_list("recommendation__translation_key", "commune__translation_key", "status")
        for key, commune_key, status in uptakes:
            cells[key][commune_key] = CommuneUptake.UptakeStatus(status)
        matrix = [
            (recommendation, [cells[recommendation.translation_key].get(c.translation_key) for c in communes])
            for recommendation in recommendations
        ]
        return self.render(
            request,
            template="workshops/recommendations_by_commune.html",
            context_overrides={
                "filters": filters,
                "choices": choices,
                "communes": communes,
                "matrix": matrix,
                "query_string": _query_string(filters),
            },
        )

    @path("export/<str:extension>/")
    def export(self, request, extension: str):
        from ..exports import recommendations_csv, recommendations_xlsx

        if extension not in ("xlsx", "csv"):
            raise Http404
        filters = self.filters(request)
        filename = f"recommendations-{self.locale.language_code}-{timezone.localdate():%Y-%m-%d}.{extension}"
        if extension == "csv":
            response = StreamingHttpResponse(
                recommendations_csv(filters, self.locale), content_type="text/csv; charset=utf-8"
            )
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            return response
        # Written to a temporary file, not to memory, then streamed from it.
        spool = tempfile.TemporaryFile()
        recommendations_xlsx(filters, self.locale, spool)
        spool.seek(0)
        return FileResponse(spool, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE)


def _query_string(filters: RecommendationFilters) -> str:
    from django.utils.http import urlencode

    return urlencode(filters.as_dict())
