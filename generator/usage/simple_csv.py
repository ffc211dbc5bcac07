"""The simple monthly CSV of providers without COUNTER: `resource;month;<metric>;<metric>…`.

One row per resource and month: the resource's id (its file name in data/resources/), the
month (YYYY-MM), then one count per metric column. Metric names are free but written as
identifiers (sessions, prets, vues); an empty cell means "not counted this month".
"""

from __future__ import annotations

import re

from ..errors import Location, Problem
from ..messages import say
from ..models.usage import COUNTER_METRICS, SIMPLE_CSV
from .reports import Count, Item, Report, whole_count

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_MONTH = re.compile(r"^[0-9]{4}-(?:0[1-9]|1[0-2])$")
RESOURCE_COLUMNS = ("resource", "ressource")
MONTH_COLUMNS = ("month", "mois")


def read_simple_csv(rows: list[tuple[int, list[str]]], file: str) -> Report:
    report = Report(file=file, report=SIMPLE_CSV)
    problems = report.problems
    if not rows:
        problems.append(Problem(Location(file, 1, 1), say("usage.empty")))
        return report
    heading_line, headings = rows[0]
    names = [h.strip().lstrip("\ufeff") for h in headings]
    if len(names) < 2 or names[0].casefold() not in RESOURCE_COLUMNS or names[1].casefold() not in MONTH_COLUMNS:
        problems.append(Problem(Location(file, heading_line, 1),
                                say("usage.csv_columns", found=" ; ".join(names) or "rien")))
        return report
    metrics = names[2:]
    if not metrics:
        problems.append(Problem(Location(file, heading_line, 1), say("usage.csv_no_metric")))
    for index, name in enumerate(metrics):
        if name not in COUNTER_METRICS and not (len(name) <= 40 and _SLUG.match(name)):
            problems.append(Problem(Location(file, heading_line, 1),
                                    say("usage.csv_metric_name", column=index + 3, found=name)))
        elif name in metrics[:index]:
            problems.append(Problem(Location(file, heading_line, 1), say("usage.csv_metric_twice", found=name)))
    if problems:
        return report
    seen: dict[tuple[str, str], int] = {}
    for line, cells in rows[1:]:
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) < len(names):
            problems.append(Problem(Location(file, line, 1), say("usage.row_short", line=line, found=len(cells),
                                                                  expected=len(names))))
            continue
        resource, month = cells[0].strip(), cells[1].strip()
        if not resource:
            problems.append(Problem(Location(file, line, 1), say("usage.csv_resource", line=line)))
            continue
        if not _MONTH.match(month):
            problems.append(Problem(Location(file, line, 1), say("usage.csv_month", line=line, found=month)))
            continue
        if (resource, month) in seen:
            problems.append(Problem(Location(file, line, 1), say(
                "usage.csv_twice", line=line, resource=resource, month=month, other=seen[(resource, month)])))
            continue
        seen[(resource, month)] = line
        item = Item(line=line, label=say("usage.row", line=line), resource=resource)
        for offset, metric in enumerate(metrics, start=2):
            text = cells[offset].strip()
            if not text:
                continue
            count = whole_count(text)
            if count is None:
                problems.append(Problem(Location(file, line, 1), say(
                    "usage.cell_count", line=line, column=metric, found=text)))
            else:
                report.counts.append(Count(item, month, metric, count))
    return report
