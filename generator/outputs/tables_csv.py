"""The pro figures' tables as CSV files a French spreadsheet opens right (Excel, LibreOffice Calc).

- UTF-8 with a byte order mark: without it Excel reads the file as Windows-1252 and breaks accents.
- `;` between cells, as French spreadsheets expect (the comma is their decimal separator).
- CRLF line ends (RFC 4180, Python's csv default): every spreadsheet reads them, Excel best.
- Numbers as `1234,56`: decimal comma, no thousands separator, no unit (the unit is in the header).
  French Excel and LibreOffice read that as a number, so columns sum and sort; `1 234,56 €` would be text.
- An empty cell is an unknown figure (never 0); no total row (a spreadsheet's SUM would count it twice).
- Text cells (editors' names) that start with `=`, `+`, `-`, `@`, a tab or a carriage return get an
  apostrophe in front: a spreadsheet would run them as a formula (CSV injection). The apostrophe shows,
  harmlessly; our own numbers (a negative difference `-300,00`) are written as numbers and never changed.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Iterable, Sequence

Cell = str | int | Decimal | bool | None
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def number_cell(value: int | Decimal) -> str:
    return format(value, "f").replace(".", ",") if isinstance(value, Decimal) else str(value)


def cell(value: Cell, yes: str, no: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes if value else no
    if isinstance(value, str):
        return text_cell(value)
    return number_cell(value)


def csv_table(header: Sequence[str], rows: Iterable[Sequence[Cell]], *, yes: str, no: str) -> bytes:
    """The CSV file's bytes: a header row, then one row per ROWS item; YES/NO write a boolean."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([text_cell(name) for name in header])
    writer.writerows([cell(value, yes, no) for value in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
