"""The one place the site reaches into openpyxl's internals: rows written as ready-made XML.

openpyxl writes a row cell by cell: a cell object per value whose type it guesses again, then an
lxml element per cell through an incremental writer, some 5 µs a cell and most of an export's
time. No public API takes a row as XML, so `RowsAsXml` replaces a write-only worksheet's writer
(its `_writer`, whose `write_rows` the worksheet's `close()` calls): openpyxl still writes
everything around the rows (sheet properties, views, column widths, filters, drawings), and the
rows go in as text that `home.spreadsheets` builds. With it an export of a million responses
takes a quarter of the time of openpyxl writing the same values (docs/benchmarks.md).

Only the openpyxl versions in `TESTED_OPENPYXL` are accepted: on any other the import fails, loudly,
before an export can write a broken file. `home/tests/test_spreadsheets.py` compares what both
writers produce; run it and add the version once it passes.
"""

from __future__ import annotations

import openpyxl
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import tostring

TESTED_OPENPYXL = ("3.1.",)

if not openpyxl.__version__.startswith(TESTED_OPENPYXL):
    raise ImportError(
        f"home.openpyxl_rows relies on the internals of openpyxl {', '.join(TESTED_OPENPYXL)}x; "
        f"openpyxl {openpyxl.__version__} is untested: run home/tests/test_spreadsheets.py, then add it to "
        "TESTED_OPENPYXL"
    )


class RowsAsXml(WorksheetWriter):
    """openpyxl's writer of a write-only worksheet, the rows handed over as ready-made XML (`file`)."""

    def get_stream(self):
        with open(self.out, "wb", buffering=1 << 20) as self.file:
            self.file.write(b'<worksheet xmlns="%s">' % SHEET_MAIN_NS.encode())
            try:
                while True:
                    element = yield
                    if element is not None:
                        self.file.write(tostring(element))
            except GeneratorExit:
                self.file.write(b"</worksheet>")

    def write_rows(self):
        """Called by the worksheet's `close()`: the rows are already written."""
        self.file.write(b"</sheetData>")


def write_rows_as_xml(worksheet) -> RowsAsXml:
    """Give a new write-only `worksheet` this writer, before any row (openpyxl would make its own)."""
    worksheet._writer = writer = RowsAsXml(worksheet)
    return writer
