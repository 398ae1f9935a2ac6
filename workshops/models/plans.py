"""A member commune's action plan and its public tracking.

The plan lives under its `CommunePage`, so the commune's editors (and only
they, with organisers) may update it: Wagtail's page permissions do the
enforcing. Commitments, with their activities and indicators, are StreamField
blocks (`workshops.blocks.CommitmentBlock`): a plan is read and written as a
whole, and rendering it costs the same number of queries whatever its size.
Progress is computed from the activities, never typed in.

Progress belongs to the plan, not to one language: every language shows the
commitments, activities and indicators of the original plan (the first page of
its translations), with their dates, statuses and figures as last published
there, and takes from its own page only the words of the items it has
translated (matched by block id, which translations keep). A French page thus
shows an activity marked done on the Arabic plan at once, without waiting for
the translation to be synchronised again; an item the translation does not have
yet shows in the original's words.
"""

from __future__ import annotations

import datetime
import tempfile
from dataclasses import dataclass, field
from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Min
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from home.models import BasePage

from ..blocks import (
    ActivityStatus,
    CommitmentsBlock,
    IndicatorKind,
    activity_percent,
    average_percent,
    indicator_percent,
    is_late,
)
from .snippets import Axis

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class ActivityView:
    number: str
    title: str
    responsible: str
    start_date: datetime.date | None
    due_date: datetime.date | None
    status: str
    percent: int | None
    late: bool

    @property
    def status_label(self) -> str:
        return str(ActivityStatus.labels.get(self.status, self.status))


@dataclass
class IndicatorView:
    kind: str
    name: str
    unit: str
    baseline: object
    target: object
    current: object
    percent: int | None

    @property
    def kind_label(self) -> str:
        return str(IndicatorKind.labels.get(self.kind, self.kind))


@dataclass
class CommitmentView:
    number: int
    title: str
    axis: Axis | None
    problem: str
    solution: str
    expected_results: str
    activities: list[ActivityView] = field(default_factory=list)
    indicators: list[IndicatorView] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"commitment-{self.number}"

    @property
    def title_id(self) -> str:
        return f"commitment-{self.number}-title"

    @property
    def progress_id(self) -> str:
        return f"commitment-{self.number}-progress"

    @property
    def progress(self) -> int | None:
        return average_percent({"status": a.status, "percent_complete": a.percent} for a in self.activities)

    @property
    def late_activities(self) -> list[ActivityView]:
        return [activity for activity in self.activities if activity.late]

    @property
    def done_count(self) -> int:
        return sum(1 for activity in self.activities if activity.status == ActivityStatus.DONE)


class ActionPlanPage(RoutablePageMixin, BasePage):
    """A commune's action plan (e.g. an open-government local plan), followed in public."""

    summary = models.TextField(_("summary"), blank=True)
    framework = models.CharField(
        _("framework"), max_length=200, blank=True, help_text=_("e.g. Open Government Partnership — OGP Local")
    )
    period_start = models.DateField(_("start of the period"))
    period_end = models.DateField(_("end of the period"))
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    commitments = StreamField(CommitmentsBlock(), verbose_name=_("commitments"), blank=True)
    data_note = models.TextField(
        _("note on the data"),
        blank=True,
        help_text=_("Shown above the tracking, e.g. where the figures come from or that they are illustrative."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("framework"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end"), FieldPanel("approved_on")])],
            _("Period"),
        ),
        FieldPanel("data_note"),
        FieldPanel("commitments"),
        InlinePanel("updates", label=_("Progress notes")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("framework"),
        index.SearchField("commitments"),
    ]
    parent_page_types = ["home.CommunePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The end date cannot be before the start date.")})

    # --- tracking -----------------------------------------------------------------------

    @cached_property
    def original_commitments(self):
        """The commitments of the original plan, as published (see the module's docstring); one query.

        A listing of plans sets this on all of them at once with `with_original_commitments()`.
        """
        (commitments,) = _original_commitments([self])
        return commitments

    def commitment_views(self, today: datetime.date | None = None) -> list[CommitmentView]:
        """The original plan's commitments with their activities, indicators and progress, in this page's
        words where it has them, axes in its language."""
        today = today or timezone.localdate()
        translated = {} if self.original_commitments is self.commitments else words_by_block_id(self.commitments)

        def words(child) -> dict:
            return translated.get(child.id) or child.value

        blocks = [child for child in self.original_commitments if child.block_type == "commitment"]
        axes = axes_by_code({child.value.get("axis") for child in blocks if child.value.get("axis")}, self.locale_id)
        views = []
        for number, child in enumerate(blocks, start=1):
            value = child.value
            activities = [
                ActivityView(
                    number=f"{number}.{position}",
                    title=words(item).get("title", ""),
                    responsible=words(item).get("responsible") or "",
                    start_date=item.value.get("start_date"),
                    due_date=item.value.get("due_date"),
                    status=item.value.get("status") or ActivityStatus.NOT_STARTED,
                    percent=activity_percent(item.value),
                    late=is_late(item.value, today),
                )
                for position, item in enumerate(list_items(value, "activities"), start=1)
            ]
            indicators = [
                IndicatorView(
                    kind=item.value.get("kind") or IndicatorKind.RESULT,
                    name=words(item).get("name", ""),
                    unit=words(item).get("unit") or "",
                    baseline=item.value.get("baseline"),
                    target=item.value.get("target"),
                    current=item.value.get("current"),
                    percent=indicator_percent(item.value),
                )
                for item in list_items(value, "indicators")
            ]
            text = words(child)
            views.append(
                CommitmentView(
                    number=number,
                    title=text.get("title", ""),
                    axis=axes.get(value.get("axis")),
                    problem=text.get("problem") or "",
                    solution=text.get("solution") or "",
                    expected_results=text.get("expected_results") or "",
                    activities=activities,
                    indicators=indicators,
                )
            )
        return views

    @staticmethod
    def overall_progress(commitments: list[CommitmentView]) -> int | None:
        """The mean progress of every activity of the plan (dropped ones left out)."""
        return average_percent(
            {"status": activity.status, "percent_complete": activity.percent}
            for commitment in commitments
            for activity in commitment.activities
        )

    @property
    def progress(self) -> int | None:
        return self.overall_progress(self.commitment_views())

    @property
    def card_title_id(self) -> str:
        return f"plan-{self.pk}"

    @property
    def card_progress_id(self) -> str:
        return f"plan-{self.pk}-progress"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        commitments = self.commitment_views()
        axes: dict = {}
        for commitment in commitments:
            key = commitment.axis.code if commitment.axis else ""
            axes.setdefault(key, {"axis": commitment.axis, "commitments": []})["commitments"].append(commitment)
        context.update(
            commune=self.get_parent(),
            commitments=commitments,
            axes=[
                {
                    **group,
                    "progress": self.overall_progress(group["commitments"]),
                    "row_id": f"axis-{number}",
                    "progress_id": f"axis-{number}-progress",
                }
                for number, group in enumerate(
                    sorted(axes.values(), key=lambda g: (g["axis"] is None, getattr(g["axis"], "sort_order", 0))),
                    start=1,
                )
            ],
            progress=self.overall_progress(commitments),
            late=[(commitment, activity) for commitment in commitments for activity in commitment.late_activities],
            activity_count=sum(len(commitment.activities) for commitment in commitments),
            updates=sorted(self.updates.all(), key=lambda update: update.date, reverse=True),
            today=timezone.localdate(),
        )
        return context

    @path("")
    def tracking(self, request):
        return self.render(request)

    @path("export/")
    def export(self, request):
        from ..exports import action_plan_xlsx

        spool = tempfile.TemporaryFile()
        action_plan_xlsx(self, spool)
        spool.seek(0)
        filename = f"{self.slug}-{self.locale.language_code}-{timezone.localdate():%Y-%m-%d}.xlsx"
        return FileResponse(spool, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE)


def with_original_commitments(plans: list[ActionPlanPage]) -> list[ActionPlanPage]:
    """Set `original_commitments` on each plan, in one query for them all."""
    for plan, commitments in zip(plans, _original_commitments(plans), strict=True):
        plan.original_commitments = commitments
    return plans


def _original_commitments(plans: list[ActionPlanPage]) -> list:
    """The commitments of each plan's original, in one query.

    The original is the first page (lowest id) of the plan's translations that
    is not an alias. A plan that is its own original, or whose original is not
    live, keeps its own commitments (in a preview, those being previewed).
    """
    firsts = (
        ActionPlanPage.objects.filter(
            translation_key__in={plan.translation_key for plan in plans}, alias_of__isnull=True
        )
        .values("translation_key")
        .annotate(first=Min("pk"))
        .values("first")
    )
    originals = {
        original.translation_key: original
        for original in ActionPlanPage.objects.live().filter(pk__in=firsts).only("translation_key", "commitments")
    }
    commitments = []
    for plan in plans:
        original = originals.get(plan.translation_key)
        commitments.append(plan.commitments if original is None or original.pk == plan.pk else original.commitments)
    return commitments


def list_items(value, name: str) -> list:
    """The items of a list inside a block (activities, indicators), each with its `id` and `value`."""
    items = value.get(name)
    return list(items.bound_blocks) if items else []


def words_by_block_id(commitments) -> dict:
    """{block id: value} of every commitment, activity and indicator of a plan: where its words are found."""
    found = {}
    for child in commitments:
        if child.block_type == "commitment":
            found[child.id] = child.value
            for item in (*list_items(child.value, "activities"), *list_items(child.value, "indicators")):
                found[item.id] = item.value
    return found


def axes_by_code(codes, locale_id: int) -> dict[str, Axis]:
    """{code: axis in `locale_id`, or in another language where untranslated}."""
    from ..lookups import lookups

    labels = lookups(locale_id)
    return {code: axis for code in codes if (axis := labels.axis_by_code(code))}


class PlanUpdate(TranslatableMixin, Orderable):
    """A dated note on the plan's progress, shown in its public history."""

    page = ParentalKey(ActionPlanPage, related_name="updates", on_delete=models.CASCADE)
    date = models.DateField(_("date"), default=timezone.localdate)
    text = models.TextField(_("what changed"))

    panels = [FieldPanel("date"), FieldPanel("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")
