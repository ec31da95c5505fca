# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Reading an import file: CSV (UTF-8 or Windows-1251, ``;`` or ``,``) or
XLSX (the first sheet), the first row naming the columns. Rows are numbered
as the user sees them in a spreadsheet: the header is row 1."""

import csv
import datetime
import io
import itertools

import openpyxl

HEADER_ROW = 1


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _csv_text(content):
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError("encoding")


def _csv_rows(content):
    text = _csv_text(content)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        yield [_cell(value) for value in row]


def _xlsx_rows(content):
    workbook = openpyxl.load_workbook(
        io.BytesIO(content), read_only=True, data_only=True
    )
    try:
        sheet = workbook.worksheets[0]
        for row in sheet.iter_rows(values_only=True):
            yield [_cell(value) for value in row]
    finally:
        workbook.close()


def file_rows(content, file_name, start=0, stop=None):
    """``(header, rows)``: the header (names lower-cased) and an iterator of
    ``(row number, {column: text})`` of the data rows ``start``..``stop``
    (0-based, the header not counted); blank rows are skipped but counted."""
    is_xlsx = (file_name or "").lower().endswith((".xlsx", ".xlsm"))
    raw = _xlsx_rows(content) if is_xlsx else _csv_rows(content)
    header = [name.strip().lower() for name in next(raw, [])]

    def rows():
        numbered = enumerate(raw, start=HEADER_ROW + 1)
        for number, values in itertools.islice(numbered, start, stop):
            if not any(values):
                continue
            yield number, dict(zip(header, values, strict=False))

    return header, rows()


def count_rows(content, file_name):
    """The number of data rows (blank ones included)."""
    is_xlsx = (file_name or "").lower().endswith((".xlsx", ".xlsm"))
    raw = _xlsx_rows(content) if is_xlsx else _csv_rows(content)
    return max(sum(1 for _row in raw) - 1, 0)
