"""The one spreadsheet writer every export of the site uses (XLSX and CSV).

Its guarantees, tested once in `home/tests/test_spreadsheets.py` and relied on
everywhere:

* **Constant memory.** Rows are read from an iterator and written as they come
  (openpyxl's write-only mode, each row's XML built here and written at once;
  CSV line by line), so an export of a million rows needs no more memory than
  one of ten.
* **Formula-safe.** A text that begins with ``=``, ``+``, ``-``, ``@``, a tab,
  a carriage return or a line feed is never evaluated by a spreadsheet:
  in XLSX it is written as a text cell with Excel's *quote prefix* (shown
  exactly as given, still text after an edit); in CSV it gets a leading
  apostrophe, the usual convention. Numbers stay numbers, so ``-2`` or a
  negative balance is not touched; a phone number typed as text
  (``+212 6…``) is text and is protected like any other. The stored answer is
  never changed, only its written copy.
* **Clean text.** Characters that XLSX cannot hold (the control characters
  ``\\x00``–``\\x08``, ``\\x0b``, ``\\x0c``, ``\\x0e``–``\\x1f``, the non-characters
  U+FFFE and U+FFFF, lone surrogates) are replaced: Word's line break
  (``\\x0b``) and form feed by a line feed, the others by U+FFFD. A text longer
  than a cell's 32,767 characters is cut at 32,000 and ends with
  ``[…truncated]``. Both are counted in the returned `WriteReport` so that an
  export can say so (exports' codebooks do).
* **Typed.** ``int``, ``float`` and ``Decimal`` are numbers; ``date`` and
  ``datetime`` are dates with a date format; ``bool`` is a boolean cell.
* **Readable.** Bold, frozen header row with filters, column widths, and
  right-to-left sheets for Arabic.
"""

from __future__ import annotations

import csv
import datetime
import io
import math
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any

from django.http import FileResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

from .openpyxl_rows import write_rows_as_xml

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
FORMULA_TRIGGERS_OR_SPACE = "=+-@ "  # the first characters a printable text must not have to skip `text`
MAX_CELL_LENGTH = 32_767
TRUNCATE_AT = 32_000
TRUNCATION_MARK = " […truncated]"
LINE_BREAKS_RE = re.compile(r"[\x0b\x0c]")
ILLEGAL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # either of the two above
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
CSV_BOM = "\ufeff"


@dataclass
class Column:
    header: str
    width: int | None = None


@dataclass
class Sheet:
    """A sheet to write: its title, columns, and an iterable of rows (sequences of plain values)."""

    title: str
    columns: Sequence[Column | str]
    rows: Iterable[Sequence[Any]]
    right_to_left: bool = False
    charts: list = field(default_factory=list)


@dataclass
class WriteReport:
    """What the writer had to change in the written copy."""

    rows: int = 0
    cleaned_cells: int = 0
    truncated_cells: int = 0
    protected_cells: int = 0

    def add(self, other: WriteReport) -> None:
        self.rows += other.rows
        self.cleaned_cells += other.cleaned_cells
        self.truncated_cells += other.truncated_cells
        self.protected_cells += other.protected_cells


def clean_text(value: str, report: WriteReport) -> str:
    """`value` with control characters replaced and its length within a cell's limit."""
    cleaned = value
    if CONTROL_RE.search(value):  # rare: one search spares two substitutions on every other text
        cleaned = ILLEGAL_RE.sub("\ufffd", LINE_BREAKS_RE.sub("\n", value))
        report.cleaned_cells += 1
    if len(cleaned) > MAX_CELL_LENGTH:
        report.truncated_cells += 1
        cleaned = cleaned[:TRUNCATE_AT] + TRUNCATION_MARK
    return cleaned


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_TRIGGERS)


def _columns(sheet: Sheet) -> list[Column]:
    return [column if isinstance(column, Column) else Column(column) for column in sheet.columns]


@dataclass(frozen=True)
class _Styles:
    """The workbook's style ids of the cells that need one."""

    header: int
    protected: int
    date: int
    datetime: int

    @classmethod
    def of(cls, worksheet) -> _Styles:
        def style(**attributes) -> int:
            cell = WriteOnlyCell(worksheet)
            for name, value in attributes.items():
                setattr(cell, name, value)
            return cell.style_id

        return cls(
            header=style(font=Font(bold=True), alignment=Alignment(wrap_text=True, vertical="top")),
            protected=style(quotePrefix=True),
            date=style(number_format=DATE_FORMAT),
            datetime=style(number_format=DATETIME_FORMAT),
        )


def _escape(text: str) -> str:
    """Text as lxml writes it in an element (a carriage return kept as a reference, else it reads as a line feed)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _number(value) -> str:
    return "" if type(value) is float and not math.isfinite(value) else f"{value:.16g}"


def write_xlsx(sheets: Iterable[Sheet], target: str | IO[bytes], report: WriteReport | None = None) -> WriteReport:
    """Write `sheets` as one workbook to a path or binary file, in constant memory.

    `sheets` may be a generator: a sheet is only built once the previous ones are
    written, so a later sheet can report on earlier ones through `report`.
    """
    workbook = Workbook(write_only=True)
    report = report if report is not None else WriteReport()
    for sheet in sheets:
        writer = _SheetWriter(workbook, sheet)
        for row in sheet.rows:
            writer.append(row)
        report.add(writer.close())
    workbook.save(target)
    return report


def write_xlsx_in_one_pass(
    sheets: Sequence[Sheet], rows: Iterable[tuple[Sequence[Any], Iterable[int]]], target: str | IO[bytes]
) -> WriteReport:
    """Write `sheets` (their own `rows` unread) from one pass over `rows`, in constant memory.

    Each item of `rows` is a row and the positions in `sheets` of the sheets it
    goes to: a workbook of every row, then one sheet per group, reads its rows
    once instead of once per sheet.
    """
    workbook = Workbook(write_only=True)
    writers = [_SheetWriter(workbook, sheet) for sheet in sheets]
    for row, positions in rows:
        for position in positions:
            writers[position].append(row)
    report = WriteReport()
    for writer in writers:
        report.add(writer.close())
    workbook.save(target)
    return report


class _SheetWriter:
    """One sheet of a write-only workbook: its header and layout first, then its rows, then filters and charts.

    A row becomes XML here, cell by cell, with the writer's guarantees on the way: a text that
    cannot need cleaning, protecting or preserved spaces (printable, not too long, no trigger
    or space at either end: most of them) is only escaped, and only if it holds ``&``, ``<`` or
    ``>``; the others go through `text`.
    """

    def __init__(self, workbook, sheet: Sheet):
        self.sheet = sheet
        self.report = WriteReport()
        self.worksheet = worksheet = workbook.create_sheet(title=_sheet_title(sheet.title))
        self.columns = _columns(sheet)
        worksheet.sheet_view.rightToLeft = sheet.right_to_left
        worksheet.freeze_panes = "A2"
        for index, column in enumerate(self.columns, start=1):
            width = column.width or min(max(len(column.header) + 4, 12), 50)
            worksheet.column_dimensions[get_column_letter(index)].width = width
        self.styles = _Styles.of(worksheet)
        self.epoch = workbook.epoch
        self.letters = [get_column_letter(index) for index in range(1, len(self.columns) + 1)]
        xml = write_rows_as_xml(worksheet)
        xml.write_top()
        self.file = xml.file
        self.file.write(b"<sheetData>")
        header = [
            self.text(f"{letter}1", column.header, self.styles.header)
            for letter, column in zip(self.letters, self.columns, strict=True)
        ]
        self.write(1, header)

    def append(self, row: Sequence[Any]) -> None:
        self.report.rows += 1
        number = self.report.rows + 1
        if len(row) > len(self.letters):
            self.letters += [get_column_letter(index) for index in range(len(self.letters) + 1, len(row) + 1)]
        cells = []
        add = cells.append
        for letter, value in zip(self.letters, row, strict=False):
            kind = type(value)
            if kind is str:
                if (
                    value
                    and value.isprintable()  # no control character, tab or line break
                    and value[0] not in FORMULA_TRIGGERS_OR_SPACE
                    and value[-1] != " "
                    and len(value) <= MAX_CELL_LENGTH
                ):
                    if "&" in value or "<" in value or ">" in value:
                        value = _escape(value)
                    add(f'<c r="{letter}{number}" t="inlineStr"><is><t>{value}</t></is></c>')
                else:
                    add(self.text(f"{letter}{number}", value))
            elif kind is int:
                add(f'<c r="{letter}{number}" t="n"><v>{value:.16g}</v></c>')
            elif value is not None:
                add(self.cell(f"{letter}{number}", value))
        self.write(number, cells)

    def write(self, number: int, cells: list[str]) -> None:
        self.file.write(f'<row r="{number}">{"".join(cells)}</row>'.encode())

    def cell(self, reference: str, value) -> str:
        """The XML of any value but a plain text or integer (those are written by `append` itself)."""
        if isinstance(value, bool):
            return f'<c r="{reference}" t="b"><v>{int(value)}</v></c>'
        if isinstance(value, int | float | Decimal):
            return f'<c r="{reference}" t="n"><v>{_number(value)}</v></c>'
        if isinstance(value, datetime.datetime):
            serial = to_excel(value.replace(tzinfo=None), self.epoch)
            return f'<c r="{reference}" s="{self.styles.datetime}" t="n"><v>{_number(serial)}</v></c>'
        if isinstance(value, datetime.date):
            return f'<c r="{reference}" s="{self.styles.date}" t="n"><v>{_number(to_excel(value, self.epoch))}</v></c>'
        return self.text(reference, value if isinstance(value, str) else str(value))

    def text(self, reference: str, value: str, style: int | None = None) -> str:
        """A text cell, cleaned; one that looks like a formula gets the quote prefix (unless `style` is given)."""
        text = clean_text(value, self.report)
        if style is None and is_formula_like(text):
            style = self.styles.protected
            self.report.protected_cells += 1
        styled = f' s="{style}"' if style is not None else ""
        if not text:
            return f'<c r="{reference}"{styled} t="inlineStr"/>'
        space = ' xml:space="preserve"' if text != text.strip() else ""
        return f'<c r="{reference}"{styled} t="inlineStr"><is><t{space}>{_escape(text)}</t></is></c>'

    def close(self) -> WriteReport:
        if self.columns:
            self.worksheet.auto_filter.ref = f"A1:{get_column_letter(len(self.columns))}{self.report.rows + 1}"
        for chart, anchor in self.sheet.charts:
            self.worksheet.add_chart(chart, anchor)
        return self.report


def _sheet_title(title: str) -> str:
    """Excel's limits: 31 characters, none of []:*?/\\."""
    return re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "Sheet"


def csv_value(value, report: WriteReport) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=None).isoformat(sep=" ", timespec="minutes")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool | int | float | Decimal):
        return str(value)
    text = clean_text(str(value), report)
    if is_formula_like(text):
        report.protected_cells += 1
        return "'" + text
    return text


def iter_csv(sheet: Sheet, report: WriteReport | None = None) -> Iterator[str]:
    """The sheet as CSV text chunks, a UTF-8 byte-order mark first (so Excel reads Arabic right)."""
    report = report if report is not None else WriteReport()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    yield CSV_BOM
    writer.writerow([csv_value(column.header, report) for column in _columns(sheet)])
    for row in sheet.rows:
        writer.writerow([csv_value(value, report) for value in row])
        report.rows += 1
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def write_csv(sheet: Sheet, target: IO[str]) -> WriteReport:
    report = WriteReport()
    for chunk in iter_csv(sheet, report):
        target.write(chunk)
    return report


XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(write: Callable[[IO[bytes]], Any], filename: str) -> FileResponse:
    """A download of the workbook `write(target)` makes, spooled to a temporary file, not held in memory."""
    spool = tempfile.TemporaryFile()
    write(spool)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE)
