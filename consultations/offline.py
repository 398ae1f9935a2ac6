"""Offline answers: a fillable XLSX questionnaire, and reading a filled one back.

The generated workbook has an *Instructions* sheet, a *Questionnaire* sheet
(one row per question; a matrix item, a ranked option or a multiple-choice
option one row each; the answer cell is the only unlocked cell, with a data
validation: drop-down lists for choices and yes/no, whole numbers for scales
and ranks, numbers and dates within their bounds), a hidden *Lists* sheet
holding the drop-down choices (Excel limits inline lists to 255 characters),
and a hidden *Meta* sheet naming the consultation, the form version and each
row's key, the member council it was downloaded for, and a signature of these
(`django.core.signing`, keyed by SECRET_KEY): a council named in a file whose
signature does not match was typed in by someone, and is not trusted.

A filled file is read back into the same data a browser would post, then
validated by the consultation's own form: one set of rules for both channels.
Generated forms are small, so this uses a regular (not write-only) workbook,
which is what sheet protection and data validations need.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from home.spreadsheets import WriteReport, clean_text, is_formula_like

from .questions import OTHER, QuestionType, parse_choices

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
KEY_COLUMN, LABEL_COLUMN, HELP_COLUMN, ANSWER_COLUMN = 1, 2, 3, 4
ANSWER_FILL = PatternFill("solid", fgColor="FFF7DF")


def form_version(page) -> str:
    """A fingerprint of what the file's answers depend on: codes, types and choice codes."""
    parts = []
    for question in page.questions.all():
        codes = [c.code for c in parse_choices(question.choices)] + [
            c.code for c in parse_choices(question.matrix_items)
        ]
        parts.append(f"{question.code}:{question.field_type}:{','.join(codes)}:{question.allow_other}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


@dataclass
class FormRow:
    key: str  # e.g. "axis", "tools:budget", "grid:transparency", "axis__other"
    label: str
    help: str = ""
    choices: list[tuple[str, str]] = field(default_factory=list)  # (code, label) of a drop-down
    validation: tuple | None = None  # ("whole"|"decimal"|"date"|"textLength", low, high)
    is_heading: bool = False


def form_rows(page) -> list[FormRow]:
    yes_no = [("yes", _("Yes")), ("no", _("No"))]
    rows: list[FormRow] = []
    for question in page.questions.all():
        help_text = question.help_text
        if question.show_if_code:
            source = next((q for q in page.questions.all() if q.code == question.show_if_code), None)
            labels = dict(yes_no) | {c.code: c.label for c in parse_choices(source.choices if source else "")}
            condition = _("Answer only if your answer to “%(earlier)s” is “%(value)s”.") % {
                "earlier": source.label if source else question.show_if_code,
                "value": labels.get(question.show_if_value, question.show_if_value),
            }
            help_text = f"{condition} {help_text}".strip()
        kind = question.field_type
        choices = [(c.code, c.label) for c in parse_choices(question.choices)]
        if question.allow_other:
            choices.append((OTHER, question.other_label or _("Other")))
        if kind == QuestionType.SECTION:
            rows.append(FormRow(question.code, question.label, question.help_text, is_heading=True))
        elif kind == QuestionType.SINGLE_CHOICE:
            rows.append(FormRow(question.code, question.label, help_text, choices=choices))
        elif kind == QuestionType.YES_NO:
            rows.append(FormRow(question.code, question.label, help_text, choices=yes_no))
        elif kind == QuestionType.MULTIPLE_CHOICE:
            rows.append(
                FormRow(
                    question.code, question.label, help_text or _("Answer yes or no for each option."), is_heading=True
                )
            )
            rows += [FormRow(f"{question.code}:{code}", f"• {label}", choices=yes_no) for code, label in choices]
        elif kind == QuestionType.RATING:
            low, high = question.scale_bounds
            scale = (
                f"{low} = {question.min_label}, {high} = {question.max_label}"
                if question.min_label
                else f"{low}–{high}"
            )
            rows.append(
                FormRow(
                    question.code, question.label, f"{help_text} ({scale})".strip(), validation=("whole", low, high)
                )
            )
        elif kind == QuestionType.MATRIX:
            low, high = question.scale_bounds
            rows.append(FormRow(question.code, question.label, f"{help_text} ({low}–{high})".strip(), is_heading=True))
            rows += [
                FormRow(f"{question.code}:{item.code}", f"• {item.label}", validation=("whole", low, high))
                for item in parse_choices(question.matrix_items)
            ]
        elif kind == QuestionType.RANKING:
            count = len(choices)
            rows.append(
                FormRow(
                    question.code,
                    question.label,
                    _("Give each option a different rank from 1 to %(count)d.") % {"count": count},
                    is_heading=True,
                )
            )
            rows += [
                FormRow(f"{question.code}:{code}", f"• {label}", validation=("whole", 1, count))
                for code, label in choices
                if code != OTHER
            ]
        elif kind == QuestionType.NUMBER:
            rows.append(
                FormRow(
                    question.code,
                    question.label,
                    help_text,
                    validation=("decimal", question.min_value, question.max_value),
                )
            )
        elif kind == QuestionType.DATE:
            rows.append(
                FormRow(
                    question.code,
                    question.label,
                    help_text or "YYYY-MM-DD",
                    validation=("date", question.min_date, question.max_date),
                )
            )
        elif kind == QuestionType.FILE:
            rows.append(
                FormRow(
                    question.code,
                    question.label,
                    _("Files cannot be attached here: answer online to attach one."),
                    is_heading=True,
                )
            )
        else:
            limit = question.max_length or (255 if kind in (QuestionType.SHORT_TEXT, QuestionType.EMAIL) else 5000)
            rows.append(FormRow(question.code, question.label, help_text, validation=("textLength", 0, limit)))
        if question.allow_other and kind in (QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE):
            rows.append(
                FormRow(f"{question.code}__other", _("Other: please specify"), validation=("textLength", 0, 255))
            )
    return rows


def build_form_workbook(page, target, *, member_key: str = "") -> None:
    """Write the fillable questionnaire of `page` (in its language) to a path or binary file."""
    with translation.override(page.locale.language_code):
        _build_form_workbook(page, target, member_key)


def _build_form_workbook(page, target, member_key: str) -> None:
    report = WriteReport()
    safe = lambda text: _text(text, report)  # noqa: E731
    workbook = Workbook()
    right_to_left = page.locale.is_bidi
    instructions = workbook.active
    instructions.title = _("Instructions")[:31]
    questionnaire = workbook.create_sheet(_("Questionnaire")[:31])
    lists = workbook.create_sheet("Lists")
    meta = workbook.create_sheet("Meta")
    for sheet in (instructions, questionnaire, lists, meta):
        sheet.sheet_view.rightToLeft = right_to_left
    lists.sheet_state = meta.sheet_state = "hidden"

    instructions["A1"] = safe(page.title)
    instructions["A1"].font = Font(bold=True, size=14)
    lines = [
        _("Fill in the yellow cells of the “Questionnaire” sheet only: choose from the lists where there is one."),
        _("Answers are checked with the same rules as online; leave an answer empty if the question does not apply."),
        _("Closes on %(date)s. Send the file back through your council's private link or by e-mail to the organisers.")
        % {"date": timezone.localtime(page.closes_at).strftime("%Y-%m-%d %H:%M")},
    ]
    for number, line in enumerate(lines, start=3):
        instructions.cell(row=number, column=1, value=safe(line))
    instructions.column_dimensions["A"].width = 100

    questionnaire.append(["key", _("Question"), _("Help"), _("Your answer")])
    for cell in questionnaire[1]:
        cell.font = Font(bold=True)
    questionnaire.column_dimensions["A"].hidden = True
    questionnaire.column_dimensions["B"].width = 60
    questionnaire.column_dimensions["C"].width = 45
    questionnaire.column_dimensions["D"].width = 35
    list_column = 0
    for row_number, row in enumerate(form_rows(page), start=2):
        questionnaire.cell(row=row_number, column=KEY_COLUMN, value=row.key)
        label = questionnaire.cell(row=row_number, column=LABEL_COLUMN, value=safe(row.label))
        label.alignment = Alignment(wrap_text=True, vertical="top")
        questionnaire.cell(row=row_number, column=HELP_COLUMN, value=safe(row.help)).alignment = Alignment(
            wrap_text=True
        )
        if row.is_heading:
            label.font = Font(bold=True)
            continue
        answer = questionnaire.cell(row=row_number, column=ANSWER_COLUMN)
        answer.protection = Protection(locked=False)
        answer.fill = ANSWER_FILL
        reference = f"D{row_number}"
        if row.choices:
            list_column += 1
            letter = _column_letter(list_column)
            for index, (_code, choice_label) in enumerate(row.choices, start=1):
                lists.cell(row=index, column=list_column, value=safe(choice_label))
            validation = DataValidation(
                type="list", formula1=f"Lists!${letter}$1:${letter}${len(row.choices)}", allow_blank=True
            )
        elif row.validation:
            validation = _validation(*row.validation)
        else:
            continue
        validation.error = _("This answer is not allowed here.")
        validation.showErrorMessage = True
        questionnaire.add_data_validation(validation)
        validation.add(reference)
    questionnaire.protection.sheet = True
    questionnaire.freeze_panes = "A2"

    meta.append(["consultation", str(page.translation_key)])
    meta.append(["version", form_version(page)])
    meta.append(["language", page.locale.language_code])
    meta.append(["member", member_key])
    meta.append(["signature", _meta_signature(str(page.translation_key), form_version(page), member_key)])
    meta.append(["generated", timezone.now().isoformat(timespec="seconds")])
    workbook.save(target)


def _text(text: str, report: WriteReport) -> str:
    """Labels typed by organisers: cleaned, and never a formula."""
    text = clean_text(text or "", report)
    return "'" + text if is_formula_like(text) else text


def _column_letter(number: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(number)


def _validation(kind: str, low, high) -> DataValidation:
    if kind == "date":
        low = low or datetime.date(1900, 1, 1)
        high = high or datetime.date(2100, 12, 31)
        return DataValidation(
            type="date",
            operator="between",
            formula1=f"DATE({low.year},{low.month},{low.day})",
            formula2=f"DATE({high.year},{high.month},{high.day})",
            allow_blank=True,
        )
    low = -1e12 if low is None else low
    high = 1e12 if high is None else high
    return DataValidation(type=kind, operator="between", formula1=str(low), formula2=str(high), allow_blank=True)


# --- Reading a filled file back -------------------------------------------------------


class OfflineFormError(ValidationError):
    """The file cannot be read as this consultation's questionnaire (the message says why)."""


META_SALT = "consultations.offline.meta"


def _meta_signature(consultation_key: str, version: str, member_key: str) -> str:
    """The signature of a questionnaire's metadata: editing the Meta sheet breaks it."""
    return signing.Signer(salt=META_SALT).signature(f"{consultation_key}|{version}|{member_key}")


@dataclass
class FilledForm:
    data: dict  # what a browser would post
    member_key: str  # the member council named in the file, trusted only when `signed`
    language: str
    signed: bool  # the Meta sheet is as this site wrote it


def read_form_workbook(page, upload) -> FilledForm:
    """Turn a filled questionnaire into form data for `page`, or raise `OfflineFormError`."""
    content = upload.read(MAX_UPLOAD_BYTES + 1)
    if len(content) > MAX_UPLOAD_BYTES:
        raise OfflineFormError(
            _("The file is larger than %(limit)s MB.") % {"limit": MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    _check_archive(content)
    try:
        workbook = load_workbook(io.BytesIO(content), data_only=False)
    except (InvalidFileException, KeyError, OSError, ValueError, zipfile.BadZipFile) as error:
        raise OfflineFormError(_("This file cannot be read as an Excel workbook (.xlsx).")) from error
    if "Meta" not in workbook.sheetnames or len(workbook.sheetnames) < 2:
        raise OfflineFormError(_("This is not a questionnaire downloaded from this site."))
    meta = {row[0]: row[1] for row in workbook["Meta"].iter_rows(values_only=True) if row and row[0]}
    if meta.get("consultation") != str(page.translation_key):
        raise OfflineFormError(_("This questionnaire belongs to another consultation."))
    if meta.get("version") != form_version(page):
        raise OfflineFormError(
            _(
                "This questionnaire is an older version of the form: "
                "download the current one and copy your answers into it."
            )
        )
    language = meta.get("language") or page.locale.language_code
    questionnaire = workbook.worksheets[1]
    with translation.override(language):  # "Yes"/"No" as the file shows them
        expected = {row.key: row for row in form_rows(_page_in(page, language))}
    answers: dict[str, object] = {}
    errors = []
    for key, _label, _help, value, *_rest in questionnaire.iter_rows(min_row=2, values_only=False):
        key_value = key.value
        if key_value is None:  # a row the person added (notes, totals): not part of the form
            continue
        if key_value not in expected:
            errors.append(
                _("Row %(row)d has an unknown question code (%(code)s): the form was changed.")
                % {"row": key.row, "code": key_value}
            )
            continue
        if value.data_type == "f" or (isinstance(value.value, str) and value.value.startswith("=")):
            errors.append(_("Row %(row)d: formulas are not accepted as answers; type the value.") % {"row": key.row})
            continue
        if value.value not in (None, ""):
            answers[key_value] = value.value
    if errors:
        raise OfflineFormError(errors)
    with translation.override(language):
        data = _as_post_data(_page_in(page, language), expected, answers)
    member_key = str(meta.get("member") or "")
    signature = str(meta.get("signature") or "")
    signed = constant_time_compare(
        signature, _meta_signature(str(page.translation_key), form_version(page), member_key)
    )
    return FilledForm(data=data, member_key=member_key, language=language, signed=signed)


def _check_archive(content: bytes) -> None:
    """Refuse non-zip files, zip bombs and oversized sheets before openpyxl parses anything.

    The uncompressed size is the sum the zip directory declares for its members (the real
    bound: openpyxl never unpacks more than that); the cells are counted from each sheet's
    extent, hidden sheets included, read without loading the cells.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        total = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as error:
        raise OfflineFormError(_("This file cannot be read as an Excel workbook (.xlsx).")) from error
    if total > settings.OFFLINE_IMPORT_MAX_UNCOMPRESSED_BYTES:
        raise OfflineFormError(_("This file unpacks to far more data than a questionnaire holds: it was refused."))
    if _cell_count(content) > settings.OFFLINE_IMPORT_MAX_CELLS:
        raise OfflineFormError(
            _("This file has far more cells than a questionnaire (%(limit)s at most, all sheets together).")
            % {"limit": settings.OFFLINE_IMPORT_MAX_CELLS}
        )


def _cell_count(content: bytes) -> int:
    """Rows × columns of every sheet: its declared dimension, or one streaming pass when it declares none."""
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError, zipfile.BadZipFile) as error:
        raise OfflineFormError(_("This file cannot be read as an Excel workbook (.xlsx).")) from error
    try:
        cells = 0
        for sheet in workbook.worksheets:
            if sheet.max_row is None or sheet.max_column is None:
                sheet.calculate_dimension(force=True)
            cells += (sheet.max_row or 0) * (sheet.max_column or 0)
        return cells
    finally:
        workbook.close()


def _page_in(page, language: str):
    from .models import ConsultationPage

    return (
        ConsultationPage.objects.filter(translation_key=page.translation_key, locale__language_code=language).first()
        or page
    )


def _as_post_data(page, expected: dict[str, FormRow], answers: dict) -> dict:
    """The answers as the browser form would post them (labels back to codes, dates as ISO)."""
    data: dict[str, object] = {}
    for question in page.questions.all():
        code, kind = question.code, question.field_type
        if kind in (QuestionType.SINGLE_CHOICE, QuestionType.YES_NO):
            if code in answers:
                data[code] = _choice_code(expected[code], answers[code])
        elif kind == QuestionType.MULTIPLE_CHOICE:
            chosen = [
                key.split(":", 1)[1]
                for key in expected
                if key.startswith(f"{code}:") and _choice_code(expected[key], answers.get(key)) == "yes"
            ]
            data[code] = chosen
        elif kind in (QuestionType.MATRIX, QuestionType.RANKING):
            keys = [key for key in expected if key.startswith(f"{code}:")]
            for index, key in enumerate(keys):
                data[f"{code}_{index}"] = _plain(answers.get(key))
        elif code in answers:
            data[code] = _plain(answers[code])
        other = f"{code}__other"
        if other in answers:
            data[other] = _plain(answers[other])
    return data


def _choice_code(row: FormRow, value) -> str:
    """A drop-down answer (its label, or a code typed over the list) back to its code."""
    if value in (None, ""):
        return ""
    text = str(value).strip()
    for code, label in row.choices:
        if text in (label, code):
            return code
    return text  # not offered: the form's validation says so


def _plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Decimal | int | float):
        return str(value)
    return str(value)


def answers_to_cells(page, form_data: dict) -> dict[str, object]:
    """What a person would type in each answer cell to give `form_data` (the inverse of reading)."""
    with translation.override(page.locale.language_code):
        rows = {row.key: row for row in form_rows(page)}
    cells: dict[str, object] = {}
    for question in page.questions.all():
        code, kind = question.code, question.field_type
        value = form_data.get(code)
        if value in (None, "", [], {}):
            continue
        if kind in (QuestionType.SINGLE_CHOICE, QuestionType.YES_NO):
            cells[code] = dict(rows[code].choices).get(value, value)
        elif kind == QuestionType.MULTIPLE_CHOICE:
            for key, row in rows.items():
                if key.startswith(f"{code}:"):
                    labels = dict(row.choices)
                    cells[key] = labels["yes"] if key.split(":", 1)[1] in value else labels["no"]
        elif kind == QuestionType.MATRIX:
            cells.update({f"{code}:{item}": rating for item, rating in value.items()})
        elif kind == QuestionType.RANKING:
            cells.update({f"{code}:{option}": rank for rank, option in enumerate(value, start=1)})
        elif kind != QuestionType.FILE:
            cells[code] = value
        if form_data.get(f"{code}__other"):
            cells[f"{code}__other"] = form_data[f"{code}__other"]
    return cells


def fill_form_workbook(data: bytes, cells: dict[str, object]) -> bytes:
    """Type `cells` (by row key) into a generated questionnaire, as a council would."""
    workbook = load_workbook(io.BytesIO(data))
    for row in workbook.worksheets[1].iter_rows(min_row=2):
        if row[0].value in cells:
            row[ANSWER_COLUMN - 1].value = cells[row[0].value]
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
