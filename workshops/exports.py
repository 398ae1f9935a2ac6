"""Spreadsheets of recommendations and action plans, written by the site's one writer (`home.spreadsheets`).

* Recommendations: an *All* sheet, then one sheet per axis, each row with its
  source workshop and date; the same filters as the compilation page. Rows are
  read once, as a stream, each written to *All* and to its axis's sheet, so
  memory does not grow with their number.
* An action plan: its commitments, activities, indicators and progress notes.
* A live session: its ideas with their votes, axis, tags and what became of them.

Sheets are right to left for Arabic. Participants never appear in an export.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home.locales import active_locale
from home.public_urls import page_absolute_url
from home.spreadsheets import Column, Sheet, WriteReport, iter_csv, write_xlsx, write_xlsx_in_one_pass

from .models import ActionPlanPage, Axis, LiveSession
from .models.recommendations import (
    CommuneUptake,
    Recommendation,
    RecommendationFilters,
    RecommendationRow,
    Status,
    filter_choices,
    iter_compiled_rows,
)
from .models.snippets import localized_in


def recommendation_columns() -> list[Column]:
    return [
        Column(_("Recommendation"), 80),
        Column(_("Axis"), 28),
        Column(_("Themes"), 28),
        Column(_("Priority"), 12),
        Column(_("Addressed to"), 24),
        Column(_("Status"), 14),
        Column(_("Status date"), 14),
        Column(_("Taken up by"), 36),
        Column(_("Workshop"), 50),
        Column(_("Workshop date"), 14),
        Column(_("City"), 18),
        Column(_("Address"), 50),
    ]


class RecommendationCells:
    """Turns rows into the cells of a sheet in one language.

    Labels are translated once, here, not row by row: rows are read lazily,
    possibly after the caller's language has changed (a streamed response),
    and looking a label up in the catalogue for each of thousands of rows costs
    more than writing them. A workshop's cells (and its address) are worked out
    once too.
    """

    def __init__(self, language: str):
        with translation.override(language):
            self.labels = {
                choices: {value: str(label) for value, label in choices.choices}
                for choices in (Recommendation.Priority, Recommendation.Addressee, Status, CommuneUptake.UptakeStatus)
            }
        self.workshops: dict = {}

    def label(self, choices, value) -> str:
        return self.labels[choices].get(value, value)

    def workshop(self, workshop) -> list:
        if workshop.pk not in self.workshops:
            address = page_absolute_url(workshop) or ""
            self.workshops[workshop.pk] = [workshop.title, workshop.start_date, workshop.city, address]
        return self.workshops[workshop.pk]

    def __call__(self, row: RecommendationRow) -> list:
        recommendation = row.recommendation
        uptake = CommuneUptake.UptakeStatus
        return [
            row.text,
            row.axis.name if row.axis else "",
            ", ".join(theme.name for theme in row.themes),
            self.label(Recommendation.Priority, recommendation.priority),
            self.label(Recommendation.Addressee, recommendation.addressee),
            self.label(Status, row.status),
            row.status_date,
            "; ".join(f"{title} ({self.label(uptake, status)})" for title, status in row.uptakes),
            *self.workshop(row.workshop),
        ]


def recommendation_rows(filters: RecommendationFilters, locale: Locale) -> Iterator[tuple[list, str]]:
    """The cells of each filtered recommendation, with its axis's code ("" for none)."""
    cells = RecommendationCells(locale.language_code)
    for row in iter_compiled_rows(filters.queryset(locale.pk), locale.pk):
        yield cells(row), row.axis.code if row.axis else ""


def recommendation_sheets(filters: RecommendationFilters, locale: Locale) -> tuple[list[Sheet], Iterator]:
    """*All*, then one sheet per axis the filters leave rows in (their `rows` empty), and every row
    with the positions of the sheets it goes to, for `write_xlsx_in_one_pass`: rows are read once."""
    right_to_left = bool(locale.is_bidi)
    columns = recommendation_columns()
    codes = set(filters.queryset(locale.pk).order_by().values_list("axis__code", flat=True).distinct())
    axes = [axis for axis in filter_choices(locale.pk)["axes"] if axis.code in codes]
    sheets = [Sheet(_("All"), columns, (), right_to_left=right_to_left)]
    sheets += [Sheet(axis.name, columns, (), right_to_left=right_to_left) for axis in axes]
    positions = {axis.code: (0, number) for number, axis in enumerate(axes, start=1)}
    rows = ((values, positions.get(code, (0,))) for values, code in recommendation_rows(filters, locale))
    return sheets, rows


def recommendations_xlsx(filters: RecommendationFilters, locale: Locale, target) -> WriteReport:
    """Write the filtered recommendations as a workbook to a path or binary file."""
    with translation.override(locale.language_code):
        return write_xlsx_in_one_pass(*recommendation_sheets(filters, locale), target)


def recommendations_csv(filters: RecommendationFilters, locale: Locale) -> Iterator[str]:
    """The filtered recommendations as CSV text chunks (the *All* sheet)."""
    with translation.override(locale.language_code):
        columns = recommendation_columns()
    sheet = Sheet("All", columns, (values for values, _axis in recommendation_rows(filters, locale)))
    yield from iter_csv(sheet)


# --- Action plans ------------------------------------------------------------------------------------


def action_plan_sheets(plan: ActionPlanPage) -> list[Sheet]:
    commitments = plan.commitment_views()
    right_to_left = bool(plan.locale.is_bidi)
    return [
        Sheet(
            _("Commitments"),
            [
                Column(_("No."), 6),
                Column(_("Commitment"), 50),
                Column(_("Axis"), 24),
                Column(_("Problem addressed"), 50),
                Column(_("Proposed solution"), 50),
                Column(_("Expected results"), 50),
                Column(_("Activities"), 12),
                Column(_("Done"), 10),
                Column(_("Late"), 10),
                Column(_("Progress (%)"), 14),
            ],
            (
                [
                    c.number,
                    c.title,
                    c.axis.name if c.axis else "",
                    c.problem,
                    c.solution,
                    c.expected_results,
                    len(c.activities),
                    c.done_count,
                    len(c.late_activities),
                    c.progress,
                ]
                for c in commitments
            ),
            right_to_left=right_to_left,
        ),
        Sheet(
            _("Activities"),
            [
                Column(_("No."), 8),
                Column(_("Commitment"), 40),
                Column(_("Activity"), 50),
                Column(_("Responsible party"), 28),
                Column(_("Start date"), 14),
                Column(_("Due date"), 14),
                Column(_("Status"), 14),
                Column(_("Progress (%)"), 14),
                Column(_("Late"), 8),
            ],
            (
                [
                    a.number,
                    c.title,
                    a.title,
                    a.responsible,
                    a.start_date,
                    a.due_date,
                    a.status_label,
                    a.percent,
                    _("yes") if a.late else "",
                ]
                for c in commitments
                for a in c.activities
            ),
            right_to_left=right_to_left,
        ),
        Sheet(
            _("Indicators"),
            [
                Column(_("No."), 6),
                Column(_("Commitment"), 40),
                Column(_("Kind"), 18),
                Column(_("Indicator"), 50),
                Column(_("Unit"), 12),
                Column(_("Baseline"), 12),
                Column(_("Target"), 12),
                Column(_("Current value"), 14),
                Column(_("Towards the target (%)"), 14),
            ],
            (
                [c.number, c.title, i.kind_label, i.name, i.unit, i.baseline, i.target, i.current, i.percent]
                for c in commitments
                for i in c.indicators
            ),
            right_to_left=right_to_left,
        ),
        Sheet(
            _("Progress notes"),
            [Column(_("Date"), 14), Column(_("What changed"), 80)],
            ([update.date, update.text] for update in sorted(plan.updates.all(), key=lambda u: u.date, reverse=True)),
            right_to_left=right_to_left,
        ),
    ]


def action_plan_xlsx(plan: ActionPlanPage, target) -> WriteReport:
    with translation.override(plan.locale.language_code):
        return write_xlsx(action_plan_sheets(plan), target)


def live_session_sheets(session: LiveSession) -> list[Sheet]:
    """A live session's ideas, most voted first, with their axis (in the active language), tags and fate."""
    ideas = session.ideas.prefetch_related("tags").order_by("-votes", "created_at")
    axes = localized_in(Axis.objects.all(), list({idea.axis_id for idea in ideas if idea.axis_id}), active_locale().pk)

    def fate(idea) -> str:
        if idea.merged_into_id:
            return _("Merged into idea no. %(number)s") % {"number": idea.merged_into_id}
        if idea.hidden:
            return _("Hidden")
        return _("Promoted to a recommendation") if idea.promoted_to else _("On the board")

    return [
        Sheet(
            _("Ideas"),
            [
                Column(_("No."), 8),
                Column(_("Posted at"), 18),
                Column(_("Idea"), 70),
                Column(_("Axis"), 28),
                Column(_("Tags"), 24),
                Column(_("Votes"), 8),
                Column(_("Highlighted"), 12),
                Column(_("What became of it"), 30),
            ],
            (
                [
                    idea.pk,
                    timezone.localtime(idea.created_at).replace(tzinfo=None),
                    idea.text,
                    axes[idea.axis_id].name if idea.axis_id else "",
                    ", ".join(sorted(tag.name for tag in idea.tags.all())),
                    idea.votes,
                    _("yes") if idea.highlighted else "",
                    fate(idea),
                ]
                for idea in ideas
            ),
            right_to_left=translation.get_language_bidi(),
        )
    ]


def live_session_xlsx(session: LiveSession, language: str, target) -> WriteReport:
    with translation.override(language):
        return write_xlsx(live_session_sheets(session), target)
