"""The one spreadsheet writer: typed, formula-safe, clean, right-to-left, constant memory."""

import csv
import datetime
import io
import tracemalloc
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from openpyxl.chart import BarChart, Reference

from home.spreadsheets import (
    MAX_CELL_LENGTH,
    TRUNCATION_MARK,
    Column,
    Sheet,
    iter_csv,
    write_xlsx,
    write_xlsx_in_one_pass,
)

FORMULAS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "="]


def read_back(sheets):
    buffer = io.BytesIO()
    report = write_xlsx(sheets, buffer)
    return openpyxl.load_workbook(io.BytesIO(buffer.getvalue())), report, buffer.getvalue()


def test_values_keep_their_types():
    workbook, _report, _data = read_back(
        [
            Sheet(
                "Réponses",
                ["n", "d", "t", "x"],
                [
                    [3, Decimal("2.5"), datetime.date(2022, 11, 14), -4],
                    [None, 1.5, datetime.datetime(2020, 3, 2, 9, 30), "نص"],
                ],
            )
        ]
    )
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[1] == (3, 2.5, datetime.datetime(2022, 11, 14), -4)
    assert rows[2] == (None, 1.5, datetime.datetime(2020, 3, 2, 9, 30), "نص")
    assert workbook.active["C2"].number_format == "yyyy-mm-dd"


@pytest.mark.parametrize("payload", FORMULAS + ["+212 612 345 678"])
def test_formula_like_text_is_inert_in_xlsx_and_csv(payload):
    workbook, report, data = read_back([Sheet("S", ["a"], [[payload]])])
    cell = workbook.active["A2"]
    assert cell.data_type == "s" and cell.quotePrefix
    assert cell.value.strip() == payload.strip()
    assert b"<f>" not in zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    assert report.protected_cells == 1
    text = "".join(iter_csv(Sheet("S", ["a"], [[payload]])))
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert rows[1][0] == "'" + payload


def test_negative_numbers_stay_numbers():
    workbook, report, _data = read_back([Sheet("S", ["a"], [[-2], [-3.5]])])
    assert [row[0].value for row in workbook.active.iter_rows(min_row=2)] == [-2, -3.5]
    assert report.protected_cells == 0


def test_control_characters_are_replaced_and_counted():
    rows = [["line\x0bbreak"], ["nul\x00esc\x1b"], ["not\ufffea\udc80character"]]
    workbook, report, _data = read_back([Sheet("S", ["a"], rows)])
    values = [row[0].value for row in workbook.active.iter_rows(min_row=2)]
    assert values == ["line\nbreak", "nul\ufffdesc\ufffd", "not\ufffda\ufffdcharacter"]
    assert report.cleaned_cells == 3


def test_text_longer_than_a_cell_is_cut_and_flagged():
    workbook, report, _data = read_back([Sheet("S", ["a"], [["x" * (MAX_CELL_LENGTH + 10)]])])
    value = workbook.active["A2"].value
    assert value.endswith(TRUNCATION_MARK) and len(value) < MAX_CELL_LENGTH
    assert report.truncated_cells == 1


def test_arabic_sheets_are_right_to_left_with_frozen_filtered_header():
    workbook, _report, _data = read_back(
        [Sheet("الردود", [Column("الجماعة", width=30), "المحور"], [["تطوان", "الشفافية"]], right_to_left=True)]
    )
    sheet = workbook["الردود"]
    assert sheet.sheet_view.rightToLeft
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:B2"
    assert sheet["A1"].font.bold
    assert sheet.column_dimensions["A"].width == 30


def test_csv_starts_with_a_byte_order_mark_and_reads_back():
    text = "".join(iter_csv(Sheet("S", ["الجماعة", "n"], [["تطوان", 3], ["Tétouan", None]])))
    assert text.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(text[1:]))) == [["الجماعة", "n"], ["تطوان", "3"], ["Tétouan", ""]]


def test_charts_are_written():
    bar = BarChart()
    bar.add_data(Reference(range_string="S!B1:B3"), titles_from_data=True)
    sheet = Sheet("S", ["a", "b"], [["x", 1], ["y", 2]], charts=[(bar, "D2")])
    _workbook, _report, data = read_back([sheet])
    assert any(name.startswith("xl/charts/") for name in zipfile.ZipFile(io.BytesIO(data)).namelist())


def test_one_pass_writes_each_row_to_the_sheets_it_goes_to_with_the_same_guarantees():
    """A sheet of every row, then one per group: the rows are read once."""
    sheets = [Sheet("الكل", ["a", "b"], (), right_to_left=True), Sheet("x", ["a", "b"], ()), Sheet("y", ["a", "b"], ())]
    rows = [(["x1", 1], (0, 1)), (["=y1", 2], (0, 2)), (["none", datetime.date(2024, 1, 2)], (0,))]
    buffer = io.BytesIO()
    report = write_xlsx_in_one_pass(sheets, iter(rows), buffer)
    workbook = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))
    assert workbook.sheetnames == ["الكل", "x", "y"]
    read = {name: list(workbook[name].iter_rows(min_row=2, values_only=True)) for name in workbook.sheetnames}
    assert read == {
        "الكل": [("x1", 1), ("=y1", 2), ("none", datetime.datetime(2024, 1, 2))],
        "x": [("x1", 1)],
        "y": [("=y1", 2)],
    }
    assert workbook["y"]["A2"].data_type == "s" and workbook["y"]["A2"].quotePrefix
    assert workbook["الكل"].sheet_view.rightToLeft and workbook["الكل"].auto_filter.ref == "A1:B4"
    assert workbook["x"].freeze_panes == "A2" and workbook["x"]["A1"].font.bold
    assert (report.rows, report.protected_cells) == (5, 2)


def test_memory_stays_flat_whatever_the_number_of_rows(tmp_path):
    def peak(rows: int) -> int:
        generated = ([number, f"réponse {number}", -number, "=1"] for number in range(rows))
        tracemalloc.start()
        write_xlsx([Sheet("S", ["a", "b", "c", "d"], generated)], tmp_path / f"{rows}.xlsx")
        _current, highest = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return highest

    small, large = peak(2_000), peak(40_000)
    assert large < small * 1.5 + 2_000_000, (small, large)


def test_rows_read_back_as_openpyxl_writes_the_same_values():
    """The writer builds the rows' XML itself: what a reader sees is what openpyxl's own cells give."""
    rows = [
        ["plain", "a & b <c> d", " leading", "trailing ", "   ", "line\nbreak", "cr\r\nlf", "الجماعة", "😀 x"],
        [3, -2, 10**17, 2.5, Decimal("1.25"), True, False, datetime.date(2024, 2, 29), None],
        [datetime.datetime(2020, 3, 2, 9, 30, 15), "", None, "\u200fمرحبا", "x\xa0y", 0, 0.1, 1e300, "last"],
    ]
    ours = io.BytesIO()
    write_xlsx([Sheet("S", [f"h{number}" for number in range(9)], rows)], ours)
    reference = openpyxl.Workbook(write_only=True)
    sheet = reference.create_sheet("S")
    for row in [[f"h{number}" for number in range(9)], *rows]:
        sheet.append(row)
    theirs = io.BytesIO()
    reference.save(theirs)

    def cells(data):
        worksheet = openpyxl.load_workbook(io.BytesIO(data.getvalue())).active
        return [[(c.value, c.data_type, c.number_format) for c in row] for row in worksheet.iter_rows(min_row=2)]

    expected = cells(theirs)
    expected[2][0] = (rows[2][0], "d", "yyyy-mm-dd hh:mm")  # the writer gives date-times a time format
    assert cells(ours) == expected


def test_an_untested_openpyxl_stops_the_import_of_the_row_writer(monkeypatch):
    """The one reach into openpyxl's internals refuses to run on a version it was not tested with."""
    import importlib

    import openpyxl

    import home.openpyxl_rows

    monkeypatch.setattr(openpyxl, "__version__", "4.0.0")
    with pytest.raises(ImportError, match="openpyxl 4.0.0 is untested"):
        importlib.reload(home.openpyxl_rows)
    monkeypatch.undo()
    importlib.reload(home.openpyxl_rows)
