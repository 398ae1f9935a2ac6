"""A member commune's action plan and its public tracking.

The plan lives under its `CommunePage`, so the commune's editors (and only
they, with organisers) may update it: Wagtail's page permissions do the
enforcing. Commitments, with their activities and indicators, are StreamField
blocks (`workshops.blocks.CommitmentBlock`): a plan is read and written as a
whole, and rendering it costs the same number of queries whatever its size.
Progress is computed from the activities, never typed in.
"""

from __future__ import annotations

import datetime
import tempfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models
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

    def commitment_views(self, today: datetime.date | None = None) -> list[CommitmentView]:
        """The commitments with their activities, indicators and progress, axes in the page's language."""
        today = today or timezone.localdate()
        blocks = [block.value for block in self.commitments if block.block_type == "commitment"]
        axes = axes_by_code({value.get("axis") for value in blocks if value.get("axis")}, self.locale_id)
        views = []
        for number, value in enumerate(blocks, start=1):
            activities = [
                ActivityView(
                    number=f"{number}.{position}",
                    title=activity.get("title", ""),
                    responsible=activity.get("responsible") or "",
                    start_date=activity.get("start_date"),
                    due_date=activity.get("due_date"),
                    status=activity.get("status") or ActivityStatus.NOT_STARTED,
                    percent=activity_percent(activity),
                    late=is_late(activity, today),
                )
                for position, activity in enumerate(value.get("activities") or [], start=1)
            ]
            indicators = [
                IndicatorView(
                    kind=indicator.get("kind") or IndicatorKind.RESULT,
                    name=indicator.get("name", ""),
                    unit=indicator.get("unit") or "",
                    baseline=indicator.get("baseline"),
                    target=indicator.get("target"),
                    current=indicator.get("current"),
                    percent=indicator_percent(indicator),
                )
                for indicator in value.get("indicators") or []
            ]
            views.append(
                CommitmentView(
                    number=number,
                    title=value.get("title", ""),
                    axis=axes.get(value.get("axis")),
                    problem=value.get("problem") or "",
                    solution=value.get("solution") or "",
                    expected_results=value.get("expected_results") or "",
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
