"""Workbooks of a consultation's responses, written by the site's one spreadsheet writer.

One workbook per consultation:

* *Responses* — one row per response, one column per question code (a matrix
  or a ranking has one column per item; a multiple-choice question one column
  per option, or a single column of joined labels, chosen at export; "Other"
  adds a column for its text). Numbers are numbers, dates are dates.
* *Summary* — counts and percentages of every choice, yes/no, scale, matrix
  and ranking question, the mean of scales and ranks, each with a bar chart.
* *Questions* — the codebook: code, type, label and choices in each language,
  and what the writer had to clean.
* *Members* — for members' consultations: who answered, by which channel.

Responses are read from the database in chunks, twice (rows, then summary), so
memory does not grow with the number of responses. Spam is always left out.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter, methodcaller
from typing import Any

from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl.chart import BarChart, Reference

from home.models import CommunePage
from home.spreadsheets import Column, Sheet, WriteReport, iter_csv, write_xlsx

from .models import ConsultationPage, Response
from .questions import OTHER, QuestionType, parse_choices

CHUNK = 2000
JOINED, COLUMNS = "joined", "columns"
SUMMARY_TYPES = {
    QuestionType.SINGLE_CHOICE,
    QuestionType.MULTIPLE_CHOICE,
    QuestionType.YES_NO,
    QuestionType.RATING,
    QuestionType.MATRIX,
    QuestionType.RANKING,
}


@dataclass
class ExportColumn:
    """One column of the Responses sheet and how to read its value: from the row of
    `ConsultationExport.fields()` for the columns about the response, from its answers
    (`form_data`) for the questions' columns."""

    header: str
    read: Callable[[Any], Any]


class Tallies:
    """Per summarised question: how many answered it, and Counters of its answers (or items, ranks)."""

    def __init__(self, questions):
        self.summarised = [(q.code, q.field_type) for q in questions if q.field_type in SUMMARY_TYPES]
        self.counts: dict[str, Counter] = defaultdict(Counter)
        self.sums: dict[str, Counter] = defaultdict(Counter)
        self.answered: Counter = Counter()
        self.responses = 0

    def as_data(self) -> dict:
        """The tallies as JSON-ready data (a matrix's (item, rating) keys become lists)."""

        def pairs(counters: dict[str, Counter]) -> dict:
            return {
                code: [[list(key) if isinstance(key, tuple) else key, n] for key, n in c.items()]
                for code, c in counters.items()
            }

        return {
            "responses": self.responses,
            "answered": dict(self.answered),
            "counts": pairs(self.counts),
            "sums": pairs(self.sums),
        }

    @classmethod
    def from_data(cls, questions, data: dict) -> Tallies:
        """The tallies `as_data()` gave, for these questions."""
        tallies = cls(questions)
        tallies.responses = data["responses"]
        tallies.answered.update(data["answered"])
        for name in ("counts", "sums"):
            counters = getattr(tallies, name)
            for code, items in data[name].items():
                counters[code].update({tuple(key) if isinstance(key, list) else key: n for key, n in items})
        return tallies

    def add(self, form_data: dict) -> None:
        self.responses += 1
        for code, kind in self.summarised:
            value = form_data.get(code)
            if value in (None, "", [], {}):
                continue
            self.answered[code] += 1
            if kind == QuestionType.MATRIX:
                for item, rating in value.items():
                    self.counts[code][(item, rating)] += 1
                    self.sums[code][item] += rating
            elif kind == QuestionType.RANKING:
                for rank, option in enumerate(value, start=1):
                    self.sums[code][option] += rank
                    self.counts[code][option] += 1
            elif isinstance(value, list):
                self.counts[code].update(value)
            else:
                self.counts[code][str(value)] += 1


@dataclass
class ExportOptions:
    language: str = "ar"
    multiple_choice: str = COLUMNS


@dataclass
class ConsultationExport:
    consultation: ConsultationPage
    responses: QuerySet
    options: ExportOptions = field(default_factory=ExportOptions)

    on_row: object = None  # called with the number of rows written so far (progress of background exports)

    def __post_init__(self):
        self.responses = (
            self.responses.counted().filter(consultation_key=self.consultation.translation_key).order_by("pk")
        )
        pages = ConsultationPage.objects.filter(translation_key=self.consultation.translation_key).select_related(
            "locale"
        )
        self.pages = {page.locale.language_code: page for page in pages}
        header_page = self.pages.get(self.options.language) or self.consultation
        self.questions = [q for q in header_page.questions.all() if q.is_answerable]
        self.report = WriteReport()
        self._tallies: Tallies | None = None

    @property
    def right_to_left(self) -> bool:
        return translation.get_language_info(self.options.language)["bidi"]

    # --- Responses ---------------------------------------------------------------

    def columns(self) -> list[ExportColumn]:
        """The Responses sheet's columns: first those about the response (read from the row of
        `fields()`), then those of the questions (read from its answers, `form_data`)."""
        channels = {value: str(label) for value, label in Response.Channel.choices}  # translated once
        columns = [
            ExportColumn(_("Response"), itemgetter(0)),
            ExportColumn(_("Submitted"), itemgetter(1)),
            ExportColumn(_("Last changed"), itemgetter(2)),
            ExportColumn(_("Channel"), lambda row: channels.get(row[3], row[3])),
            ExportColumn(_("Language"), itemgetter(4)),
        ]
        if self.members_only:
            columns.append(ExportColumn(_("Member council"), lambda row: row[5] or ""))
        else:
            columns += [
                ExportColumn(_("Name"), itemgetter(5)),
                ExportColumn(_("E-mail"), itemgetter(6)),
                ExportColumn(_("Commune"), itemgetter(7)),
            ]
        for question in self.questions:
            columns += self._question_columns(question)
        return columns

    @property
    def members_only(self) -> bool:
        return self.consultation.audience == ConsultationPage.Audience.MEMBERS

    def fields(self) -> list[str]:
        """What is read of each response, in the order `columns()` reads it, its answers last:
        plain values, no model instance."""
        who = ["member__title"] if self.members_only else ["respondent_name", "respondent_email", "respondent_commune"]
        return ["pk", "submit_time", "updated_at", "channel", "language", *who, "form_data"]

    def _question_columns(self, question) -> list[ExportColumn]:
        code, label = question.code, question.label
        choices = parse_choices(question.choices)
        labels = {choice.code: choice.label for choice in choices}
        labels.update({"yes": _("Yes"), "no": _("No"), OTHER: question.other_label or _("Other")})
        kind = question.field_type
        if kind == QuestionType.MATRIX:
            return [
                ExportColumn(f"{code}:{item.code} — {label}: {item.label}", _getter_in(code, item.code))
                for item in parse_choices(question.matrix_items)
            ]
        if kind == QuestionType.RANKING:
            return [
                ExportColumn(f"{code}:{choice.code} — {label}: {choice.label}", _rank_of(code, choice.code))
                for choice in choices
            ]
        if kind == QuestionType.MULTIPLE_CHOICE and self.options.multiple_choice == COLUMNS:
            options = [*choices] + (
                [type(choices[0])(OTHER, labels[OTHER])] if question.allow_other and choices else []
            )
            columns = [
                ExportColumn(f"{code}:{choice.code} — {label}: {choice.label}", _chose(code, choice.code))
                for choice in options
            ]
        elif kind in (QuestionType.MULTIPLE_CHOICE, QuestionType.SINGLE_CHOICE, QuestionType.YES_NO):
            columns = [ExportColumn(f"{code} — {label}", _labelled(code, labels))]
        elif kind == QuestionType.FILE:
            columns = [ExportColumn(f"{code} — {label}", _file_name(code))]
        elif kind == QuestionType.DATE:
            columns = [ExportColumn(f"{code} — {label}", _date(code))]
        else:
            columns = [ExportColumn(f"{code} — {label}", _answer(code))]
        if question.allow_other:
            columns.append(ExportColumn(f"{code}:other — {label}: {labels[OTHER]}", _answer(f"{code}__other")))
        return columns

    def responses_sheet(self) -> Sheet:
        """The Responses sheet; reading its rows also counts the answers for the Summary sheet (`tallies()`)."""
        columns = self.columns()
        fixed = len(self.fields()) - 1  # the columns about the response
        return Sheet(
            _("Responses"),
            [Column(column.header, width=18 if index < fixed else 28) for index, column in enumerate(columns)],
            self._rows(columns, fixed),
            right_to_left=self.right_to_left,
        )

    def _rows(self, columns: list[ExportColumn], fixed: int) -> Iterator[list]:
        about = [column.read for column in columns[:fixed]]
        answers = [column.read for column in columns[fixed:]]
        tallies = Tallies(self.questions)
        on_row = self.on_row
        rows = self.responses.values_list(*self.fields()).iterator(chunk_size=CHUNK)
        for number, row in enumerate(rows, 1):
            form_data = row[-1]
            tallies.add(form_data)
            yield [read(row) for read in about] + [read(form_data) for read in answers]
            if on_row:
                on_row(number)
        self._tallies = tallies  # every row read: the Summary sheet need not read them again

    # --- Summary -----------------------------------------------------------------

    def tallies(self) -> Tallies:
        """The answers counted: by the Responses sheet's pass if it was read to the end, else in a pass of their own."""
        if self._tallies is None:
            tallies = Tallies(self.questions)
            for form_data in self.responses.values_list("form_data", flat=True).iterator(chunk_size=CHUNK):
                tallies.add(form_data)
            self._tallies = tallies
        return self._tallies

    def summary_sheet(self) -> Sheet:
        tallies = self.tallies()
        charts: list = []
        sheet = Sheet(
            _("Summary"),
            [
                Column(_("Question / answer"), 50),
                Column(_("Count"), 12),
                Column(_("Percentage"), 12),
                Column(_("Mean"), 12),
            ],
            [],
            right_to_left=self.right_to_left,
            charts=charts,
        )
        sheet.rows = self._summary_rows(tallies, charts, sheet.title)
        return sheet

    def _summary_rows(self, tallies, charts, title) -> Iterator[list]:
        row_number = 1  # the header row
        for question in self.questions:
            if question.field_type not in SUMMARY_TYPES:
                continue
            answered = tallies.answered[question.code]
            counts, sums = tallies.counts[question.code], tallies.sums[question.code]
            yield [f"{question.code} — {question.label}", answered, None, None]
            row_number += 1
            first = row_number + 1
            for label, count, mean in self._answer_lines(question, counts, sums, answered):
                yield [label, count, round(100 * count / answered, 1) if answered else 0, mean]
                row_number += 1
            if row_number >= first:
                chart = BarChart()
                chart.type = "bar"
                chart.title = question.label[:250]
                chart.legend = None
                data_column = 4 if question.field_type in (QuestionType.MATRIX, QuestionType.RANKING) else 2
                chart.add_data(Reference(range_string=_range(title, data_column, first, row_number)))
                chart.set_categories(Reference(range_string=_range(title, 1, first, row_number)))
                charts.append((chart, f"F{first - 1}"))
            yield []
            row_number += 1

    def _answer_lines(self, question, counts, sums, answered):
        labels = {choice.code: choice.label for choice in parse_choices(question.choices)}
        if question.field_type == QuestionType.YES_NO:
            return [(_("Yes"), counts["yes"], None), (_("No"), counts["no"], None)]
        if question.field_type == QuestionType.RATING:
            low, high = question.scale_bounds
            total = sum(int(value) * count for value, count in counts.items())
            mean = round(total / answered, 2) if answered else None
            lines = [(str(value), counts[str(value)], None) for value in range(low, high + 1)]
            return [*lines, (_("Mean"), answered, mean)]
        if question.field_type == QuestionType.MATRIX:
            lines = []
            for item in parse_choices(question.matrix_items):
                rated = sum(count for (code, _rating), count in counts.items() if code == item.code)
                lines.append((item.label, rated, round(sums[item.code] / rated, 2) if rated else None))
            return lines
        if question.field_type == QuestionType.RANKING:
            return [
                (
                    choice.label,
                    counts[choice.code],
                    round(sums[choice.code] / counts[choice.code], 2) if counts[choice.code] else None,
                )
                for choice in parse_choices(question.choices)
            ]
        lines = [(label, counts[code], None) for code, label in labels.items()]
        if question.allow_other:
            lines.append((question.other_label or _("Other"), counts[OTHER], None))
        return lines

    def results(self, tallies: Tallies | None = None) -> list[dict]:
        """Aggregates only, for the public results page: per question, (label, count, percentage, mean).

        From `tallies` when given (compiled earlier, `consultations.results`), else counted now.
        """
        tallies = tallies or self.tallies()
        results = []
        for question in self.questions:
            if question.field_type not in SUMMARY_TYPES:
                continue
            answered = tallies.answered[question.code]
            lines = self._answer_lines(question, tallies.counts[question.code], tallies.sums[question.code], answered)
            biggest = max((count for _label, count, _mean in lines), default=0) or 1
            results.append(
                {
                    "question": question,
                    "answered": answered,
                    "lines": [
                        {
                            "label": label,
                            "count": count,
                            "percent": round(100 * count / answered, 1) if answered else 0,
                            "mean": mean,
                            "bar": round(100 * count / biggest),
                        }
                        for label, count, mean in lines
                    ],
                }
            )
        return results

    # --- Codebook and members ------------------------------------------------------

    def questions_sheet(self) -> Sheet:
        languages = [code for code in ("ar", "fr", "en") if code in self.pages]
        by_language = {code: {q.code: q for q in self.pages[code].questions.all()} for code in languages}
        headers = [_("Code"), _("Type"), _("Required"), _("Condition")]
        headers += [_("Label (%(language)s)") % {"language": code} for code in languages]
        headers += [_("Choices (%(language)s)") % {"language": code} for code in languages]
        rows = []
        for question in self.questions:
            condition = f"{question.show_if_code} = {question.show_if_value}" if question.show_if_code else ""
            row = [
                question.code,
                question.get_field_type_display(),
                _("Yes") if question.required else _("No"),
                condition,
            ]
            translated = [by_language[code].get(question.code) for code in languages]
            row += [q.label if q else "" for q in translated]
            row += [
                "\n".join(f"{c.code} = {c.label}" for c in parse_choices((q.choices or q.matrix_items) if q else ""))
                for q in translated
            ]
            rows.append(row)
        notes = [
            [],
            [_("Notes")],
            [
                _(
                    "Text that starts with =, +, -, @, a tab or a line break is written as plain text "
                    "(not a formula): %(count)d cells."
                )
                % {"count": self.report.protected_cells}
            ],
            [
                _(
                    "Control characters replaced in %(count)d cells; "
                    "%(truncated)d cells longer than 32,767 characters were cut."
                )
                % {"count": self.report.cleaned_cells, "truncated": self.report.truncated_cells}
            ],
        ]
        return Sheet(
            _("Questions"),
            [Column(header, 24) for header in headers],
            [*rows, *notes],
            right_to_left=self.right_to_left,
        )

    def members_sheet(self) -> Sheet:
        responses = {
            response.member.translation_key: response
            for response in self.responses.filter(member__isnull=False).select_related("member")
        }
        members = CommunePage.objects.filter(locale__language_code=self.options.language).order_by("title")
        if not members.exists():
            members = CommunePage.objects.filter(locale=self.consultation.locale).order_by("title")
        rows = (
            [
                member.title,
                _("Yes") if member.translation_key in responses else _("No"),
                responses[member.translation_key].get_channel_display() if member.translation_key in responses else "",
                responses[member.translation_key].updated_at if member.translation_key in responses else None,
            ]
            for member in members
        )
        return Sheet(
            _("Members"),
            [Column(_("Member council"), 30), _("Answered"), _("Channel"), _("Last changed")],
            rows,
            right_to_left=self.right_to_left,
        )

    # --- Files ------------------------------------------------------------------------

    def write_xlsx(self, target) -> WriteReport:
        with translation.override(self.options.language):
            return write_xlsx(self._sheets(), target, self.report)

    def _sheets(self) -> Iterator[Sheet]:
        """Built one after the other: the codebook reports on what writing the responses changed."""
        yield self.responses_sheet()
        yield self.summary_sheet()
        yield self.questions_sheet()
        if self.consultation.audience == ConsultationPage.Audience.MEMBERS:
            yield self.members_sheet()

    def iter_csv(self) -> Iterator[str]:
        with translation.override(self.options.language):
            yield from iter_csv(self.responses_sheet(), self.report)


def _range(title: str, column: int, first: int, last: int) -> str:
    letter = "ABCDEFGHIJ"[column - 1]
    return f"'{title}'!${letter}${first}:${letter}${last}"


def _answer(code):
    return methodcaller("get", code)


def _date(code):
    def read(form_data):
        value = form_data.get(code)
        return datetime.date.fromisoformat(value) if value else value

    return read


def _labelled(code, labels):
    def read(form_data):
        value = form_data.get(code)
        if isinstance(value, list):
            return "; ".join(str(labels.get(item, item)) for item in value)
        return labels.get(value, value) if value is not None else None

    return read


def _chose(code, option):
    return lambda form_data: (1 if option in (form_data.get(code) or []) else 0) if code in form_data else None


def _getter_in(code, item):
    return lambda form_data: (form_data.get(code) or {}).get(item)


def _rank_of(code, option):
    def read(form_data):
        order = form_data.get(code) or []
        return order.index(option) + 1 if option in order else None

    return read


def _file_name(code):
    def read(form_data):
        value = form_data.get(code)
        return value.get("name") if isinstance(value, dict) else None

    return read
