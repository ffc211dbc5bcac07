"""COUNTER Release 5 and 5.1 reports in tabular form (TSV, or CSV with `,` or `;`).

The Code of Practice's layout: a header block of `name<TAB>value` rows (Report_Name,
Report_ID, Release, Institution_Name, Institution_ID, Metric_Types, Report_Filters,
Report_Attributes, Exceptions, Reporting_Period, Created, Created_By, and in 5.1
Registry_Record), one blank row, then the column headings (Platform / Database / Title…,
Metric_Type, Reporting_Period_Total, then one column per month, `Mmm-yyyy`), then one row per
item and metric. Rows whose Access_Method is TDM are left out, as the standard views do.
"""

from __future__ import annotations

import re

from ..errors import Location, Problem
from ..messages import say
from ..models.usage import COUNTER_METRICS, COUNTER_REPORTS, RELEASES
from .reports import Count, Item, Report, parse_created, whole_count

Rows = list[tuple[int, list[str]]]  # (line number, cells)

HEADER_KEYS = ("Report_Name", "Report_ID", "Release", "Created")
_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_MONTH_COLUMN = re.compile(r"^([A-Za-z]{3})-([0-9]{4})$")
_ISO_MONTH = re.compile(r"^([0-9]{4})-(0[1-9]|1[0-2])$")
# Which column names the item, by report: platform reports by Platform, database reports by
# Database (and Platform), title reports by Title (and Platform).
NEEDED = {"PR": ("Platform",), "PR_P1": ("Platform",), "DR": ("Database", "Platform"),
          "DR_D1": ("Database", "Platform"), "TR_B1": ("Title", "Platform"), "TR_J1": ("Title", "Platform")}


def is_table_report(rows: Rows) -> bool:
    return bool(rows) and bool(rows[0][1]) and rows[0][1][0].strip().lstrip("\ufeff") == "Report_Name"


def month_of_column(heading: str) -> str | None:
    """'Jan-2026' (the Code's form) or '2026-01' → '2026-01'; None for another column."""
    text = heading.strip()
    named = _MONTH_COLUMN.match(text)
    if named and named[1].casefold() in _MONTHS:
        return f"{named[2]}-{_MONTHS[named[1].casefold()]:02d}"
    iso = _ISO_MONTH.match(text)
    return f"{iso[1]}-{iso[2]}" if iso else None


def read_table_report(rows: Rows, file: str) -> Report:
    report = Report(file=file, report="")
    problems = report.problems
    header: dict[str, tuple[int, str]] = {}
    position = 0
    while position < len(rows) and any(cell.strip() for cell in rows[position][1]):
        line, cells = rows[position]
        header[cells[0].strip().lstrip("\ufeff")] = (line, cells[1].strip() if len(cells) > 1 else "")
        position += 1
    for key in HEADER_KEYS[:3]:
        if key not in header:
            problems.append(Problem(Location(file, 1, 1), say("usage.table_header", key=key)))
    if problems:
        return report
    line, report.report = header["Report_ID"]
    if report.report not in COUNTER_REPORTS:
        problems.append(Problem(Location(file, line, 1), say("usage.report_kind", found=report.report,
                                                             known=", ".join(COUNTER_REPORTS))))
        return report
    line, release = header["Release"]
    if release not in RELEASES:
        problems.append(Problem(Location(file, line, 1), say("usage.release", found=release)))
        return report
    report.release = release
    if header.get("Created", (0, ""))[1]:
        line, created = header["Created"]
        report.created = parse_created(created)
        if report.created is None:
            problems.append(Problem(Location(file, line, 1), say("usage.created", found=created)))
    while position < len(rows) and not any(cell.strip() for cell in rows[position][1]):
        position += 1
    if position >= len(rows):
        problems.append(Problem(Location(file, rows[-1][0] if rows else 1, 1), say("usage.table_no_columns")))
        return report
    heading_line, headings = rows[position]
    _read_body(report, heading_line, [h.strip() for h in headings], rows[position + 1:])
    return report


def _read_body(report: Report, heading_line: int, headings: list[str], rows: Rows) -> None:
    file, problems = report.file, report.problems
    column = {name: index for index, name in enumerate(headings) if name}
    for needed in (*NEEDED[report.report], "Metric_Type"):
        if needed not in column:
            problems.append(Problem(Location(file, heading_line, 1),
                                    say("usage.table_column", column=needed, report=report.report)))
    months = [(index, month) for index, heading in enumerate(headings)
              if (month := month_of_column(heading)) is not None]
    if not months:
        problems.append(Problem(Location(file, heading_line, 1), say("usage.table_no_months")))
    if problems:
        return
    for line, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) < len(headings):
            problems.append(Problem(Location(file, line, 1), say("usage.row_short", line=line, found=len(cells),
                                                                  expected=len(headings))))
            continue

        def cell(name: str) -> str:
            return " ".join(cells[column[name]].split()) if name in column else ""

        if cell("Access_Method") == "TDM":
            continue
        metric = cell("Metric_Type")
        if metric not in COUNTER_METRICS:
            problems.append(Problem(Location(file, line, 1), say(
                "usage.cell_metric", line=line, found=metric, known=", ".join(COUNTER_METRICS))))
            continue
        item = Item(line=line, label=say("usage.row", line=line), platform=cell("Platform"),
                    database=cell("Database"), title=cell("Title"))
        for index, month in months:
            count = whole_count(cells[index])
            if count is None:
                problems.append(Problem(Location(file, line, 1), say(
                    "usage.cell_count", line=line, column=headings[index], found=cells[index].strip())))
            else:
                report.counts.append(Count(item, month, metric, count))
