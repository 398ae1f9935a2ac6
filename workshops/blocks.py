"""StreamField blocks of workshops, minutes and action plans.

* `PointsBlock`: a list of points (discussed, agreed, agenda items), each in one
  language or given in Arabic and French side by side, as bilingual minutes are
  written.
* `CommitmentBlock`: one commitment of an action plan with its activities and
  indicators. Dates and numbers are validated here, so that the admin refuses an
  activity due before it starts or a target that is not a number.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class BilingualTextBlock(blocks.StructBlock):
    """The same text in Arabic and in French, shown in two columns, each with its own direction."""

    ar = blocks.TextBlock(label=_("Arabic"))
    fr = blocks.TextBlock(label=_("French"))

    class Meta:
        icon = "doc-full"
        label = _("Text in Arabic and French")
        template = "workshops/blocks/bilingual_text_block.html"
        preview_value = {"ar": "التصديق على الخطة.", "fr": "Approbation du plan d'action."}


class PointsBlock(blocks.StreamBlock):
    """An ordered list of points; each is plain text or an Arabic/French pair."""

    point = blocks.TextBlock(label=_("Point"), template="workshops/blocks/point_block.html")
    bilingual_point = BilingualTextBlock(label=_("Point in Arabic and French"))

    class Meta:
        icon = "list-ol"
        label = _("Points")
        template = "workshops/blocks/points_block.html"


class VideoLinkBlock(blocks.StructBlock):
    """A link to a recording (YouTube, Vimeo, a ministry's site…), shown as a link, not embedded."""

    url = blocks.URLBlock(label=_("Address"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)

    class Meta:
        icon = "media"
        label = _("Video link")


class ActivityStatus:
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"

    choices = [
        (NOT_STARTED, _("Not started")),
        (IN_PROGRESS, _("In progress")),
        (DONE, _("Done")),
        (DROPPED, _("Dropped")),
    ]
    labels = dict(choices)


class ActivityBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Activity"), max_length=300)
    responsible = blocks.CharBlock(label=_("Responsible party"), max_length=200, required=False)
    start_date = blocks.DateBlock(label=_("Start date"), required=False)
    due_date = blocks.DateBlock(label=_("Due date"), required=False)
    status = blocks.ChoiceBlock(label=_("Status"), choices=ActivityStatus.choices, default=ActivityStatus.NOT_STARTED)
    percent_complete = blocks.IntegerBlock(
        label=_("Percentage done"),
        required=False,
        min_value=0,
        max_value=100,
        help_text=_("For an activity in progress; a done activity counts as 100 %, one not started as 0 %."),
    )

    class Meta:
        icon = "date"
        label = _("Activity")

    def clean(self, value):
        value = super().clean(value)
        start, due = value.get("start_date"), value.get("due_date")
        if start and due and due < start:
            raise StructBlockValidationError(
                block_errors={"due_date": ValidationError(_("The due date cannot be before the start date."))}
            )
        return value


class IndicatorKind:
    RESULT = "result"
    IMPACT = "impact"
    choices = [(RESULT, _("Result indicator")), (IMPACT, _("Impact indicator"))]
    labels = dict(choices)


class NumberBlock(blocks.DecimalBlock):
    """A decimal number. The form refuses anything else; a stored value that is not a number reads as empty."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except (ArithmeticError, TypeError, ValueError):
            return None


class IndicatorBlock(blocks.StructBlock):
    """A measured indicator: numbers only, so that progress towards the target can be computed."""

    kind = blocks.ChoiceBlock(label=_("Kind"), choices=IndicatorKind.choices, default=IndicatorKind.RESULT)
    name = blocks.CharBlock(label=_("Indicator"), max_length=300)
    unit = blocks.CharBlock(label=_("Unit"), max_length=60, required=False, help_text=_("e.g. %, documents, visits"))
    baseline = NumberBlock(label=_("Baseline"), required=False, decimal_places=2, max_digits=14)
    target = NumberBlock(label=_("Target"), decimal_places=2, max_digits=14)
    current = NumberBlock(label=_("Current value"), required=False, decimal_places=2, max_digits=14)

    class Meta:
        icon = "order"
        label = _("Indicator")


def axis_choices() -> list[tuple[str, str]]:
    """The axes organisers manage, by their stable code (the same in every language)."""
    from home.locales import active_locale

    from .models import Axis

    locale_id = active_locale().pk
    names: dict[str, str] = {}
    for code, name, axis_locale_id in Axis.objects.order_by("sort_order", "pk").values_list(
        "code", "name", "locale_id"
    ):
        if code not in names or axis_locale_id == locale_id:
            names[code] = name
    return list(names.items())


class AxisChoiceBlock(blocks.ChoiceBlock):
    """An axis, stored by its code; the list of axes is read only when the editing form is built."""

    def to_python(self, value):
        # ChoiceBlock would look the value up in the choices (a query per block).
        return value or ""


class CommitmentBlock(blocks.StructBlock):
    """One commitment of an action plan: problem, solution, expected results, activities, indicators."""

    title = blocks.CharBlock(label=_("Commitment"), max_length=300)
    axis = AxisChoiceBlock(label=_("Axis"), choices=axis_choices, required=False)
    problem = blocks.TextBlock(label=_("Problem addressed"), required=False)
    solution = blocks.TextBlock(label=_("Proposed solution"), required=False)
    expected_results = blocks.TextBlock(label=_("Expected results"), required=False)
    activities = blocks.ListBlock(ActivityBlock(), label=_("Activities"), default=[])
    indicators = blocks.ListBlock(IndicatorBlock(), label=_("Indicators"), default=[])

    class Meta:
        icon = "tick-inverse"
        label = _("Commitment")


class CommitmentsBlock(blocks.StreamBlock):
    commitment = CommitmentBlock()


# --- Progress ------------------------------------------------------------------------------


def activity_percent(activity) -> int | None:
    """How far an activity is, 0–100; None for a dropped one (left out of every average)."""
    status = activity.get("status")
    if status == ActivityStatus.DROPPED:
        return None
    if status == ActivityStatus.DONE:
        return 100
    if status == ActivityStatus.IN_PROGRESS:
        percent = activity.get("percent_complete")
        return max(0, min(100, percent)) if percent is not None else 50
    return 0


def average_percent(activities) -> int | None:
    """The mean progress of the activities that count, rounded; None when none counts."""
    values = [percent for activity in activities if (percent := activity_percent(activity)) is not None]
    if not values:
        return None
    return round(sum(values) / len(values))


def is_late(activity, today: datetime.date | None = None) -> bool:
    """An activity is late when its due date has passed and it is neither done nor dropped."""
    today = today or timezone.localdate()
    due = activity.get("due_date")
    return bool(due) and due < today and activity.get("status") not in (ActivityStatus.DONE, ActivityStatus.DROPPED)


def indicator_percent(indicator) -> int | None:
    """How far an indicator has moved from its baseline towards its target, 0–100; None if unknown."""
    target, current = indicator.get("target"), indicator.get("current")
    baseline = indicator.get("baseline") or Decimal(0)
    if target is None or current is None or target == baseline:
        return None
    share = (Decimal(current) - Decimal(baseline)) / (Decimal(target) - Decimal(baseline))
    return int(max(Decimal(0), min(Decimal(1), share)) * 100)
