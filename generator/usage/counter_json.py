"""COUNTER Release 5 and 5.1 reports in JSON, as the COUNTER API (SUSHI) returns them.

Release 5 (the COUNTER_SUSHI API 5.0): each Report_Item has `Performance`, a list of
{Period: {Begin_Date, End_Date}, Instance: [{Metric_Type, Count}]}, one per month.
Release 5.1: each Report_Item has `Attribute_Performance`, a list of
{<attributes>, Performance: {Metric_Type: {"YYYY-MM": Count}}}.
Both: Report_Header gives Report_ID, Release and Created. Usage by text and data mining
(Access_Method "TDM") is not readers' usage: it is left out, as the standard views do.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..errors import Location, Problem
from ..messages import say
from ..models.usage import COUNTER_METRICS, COUNTER_REPORTS, RELEASES
from .reports import Count, Item, Report, parse_created, whole_count

Locate = Callable[[tuple], Location]
_DAY = re.compile(r"^([0-9]{4}-(?:0[1-9]|1[0-2]))-[0-9]{2}$")
_MONTH = re.compile(r"^[0-9]{4}-(?:0[1-9]|1[0-2])$")


def is_report(data: Any) -> bool:
    return isinstance(data, dict) and "Report_Header" in data


def read_json_report(data: Any, file: str, locate: Locate) -> Report:
    """The report in `data` (parsed JSON); its problems located with `locate` (a path of keys → position)."""
    report = Report(file=file, report="", locate=locate)
    problems = report.problems
    if not is_report(data):
        problems.append(Problem(locate(()), _error_reply(data) or say("usage.json_not_report")))
        return report
    header = data["Report_Header"]
    if not isinstance(header, dict):
        problems.append(Problem(locate(("Report_Header",)), say("usage.json_not_report")))
        return report
    report.report = str(header.get("Report_ID", "")).strip()
    if report.report not in COUNTER_REPORTS:
        problems.append(Problem(locate(("Report_Header", "Report_ID")),
                                say("usage.report_kind", found=report.report, known=", ".join(COUNTER_REPORTS))))
    release = str(header.get("Release", "")).strip()
    if release not in RELEASES:
        problems.append(Problem(locate(("Report_Header", "Release")), say("usage.release", found=release)))
        return report
    report.release = release
    if header.get("Created") is not None:
        report.created = parse_created(str(header["Created"]))
        if report.created is None:
            problems.append(Problem(locate(("Report_Header", "Created")),
                                    say("usage.created", found=header["Created"])))
    if _granularity(header) == "totals":
        problems.append(Problem(locate(("Report_Header", "Report_Attributes")), say("usage.totals")))
        return report
    items = data.get("Report_Items", [])
    if not isinstance(items, list):
        problems.append(Problem(locate(("Report_Items",)), say("usage.json_items")))
        return report
    read_item = _r5_item if release == "5" else _r51_item
    for index, raw in enumerate(items):
        label = say("usage.item", number=index + 1)
        if not isinstance(raw, dict):
            problems.append(Problem(locate(("Report_Items", index)), say("usage.json_item", item=label)))
            continue
        named_by = "Database" if report.report.startswith("DR") and "Database" in raw else "Platform"
        item = Item(label=label, at=("Report_Items", index, named_by), platform=_text(raw.get("Platform")),
                    database=_text(raw.get("Database")), title=_text(raw.get("Title")))
        read_item(raw, item, ("Report_Items", index), locate, report)
    return report


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _error_reply(data: Any) -> str | None:
    """A COUNTER API exception (a Code and a Message) saved instead of a report."""
    replies = data if isinstance(data, list) else [data]
    for reply in replies:
        if isinstance(reply, dict) and "Code" in reply and "Message" in reply:
            return say("usage.json_error_reply", what=f"{reply['Code']} : {reply['Message']}")
    return None


def _granularity(header: dict) -> str:
    """'totals' when the report sums the whole period (R5: Exclude_Monthly_Details; R5.1: Granularity)."""
    attributes = header.get("Report_Attributes")
    pairs: list[tuple[str, str]] = []
    if isinstance(attributes, dict):  # R5.1
        pairs = [(str(k), str(v)) for k, v in attributes.items()]
    elif isinstance(attributes, list):  # R5: [{Name, Value}]
        pairs = [(str(a.get("Name")), str(a.get("Value"))) for a in attributes if isinstance(a, dict)]
    for name, value in pairs:
        if (name.casefold() == "granularity" and value.casefold() == "totals") or \
                (name == "Exclude_Monthly_Details" and value.casefold() == "true"):
            return "totals"
    return "month"


def _regular(attributes: dict) -> bool:
    return str(attributes.get("Access_Method", "Regular")) != "TDM"


def _metric(name: Any, item: Item, where: tuple, locate: Locate, report: Report) -> str | None:
    if name in COUNTER_METRICS:
        return str(name)
    report.problems.append(Problem(locate(where), say("usage.metric", item=item.label, found=name,
                                                        known=", ".join(COUNTER_METRICS))))
    return None


def _count(value: Any, item: Item, where: tuple, locate: Locate, report: Report) -> int | None:
    found = whole_count(value) if not isinstance(value, str) else None  # JSON counts are numbers
    if found is None:
        report.problems.append(Problem(locate(where), say("usage.count", item=item.label, found=value)))
    return found


def _r5_item(raw: dict, item: Item, at: tuple, locate: Locate, report: Report) -> None:
    performance = raw.get("Performance")
    if not isinstance(performance, list):
        report.problems.append(Problem(locate(at), say("usage.json_key", item=item.label, key="Performance",
                                                       expected=say("usage.json_expect_r5"))))
        return
    if not _regular(raw):
        return
    for p_index, period_block in enumerate(performance):
        where = (*at, "Performance", p_index)
        period = period_block.get("Period") if isinstance(period_block, dict) else None
        instances = period_block.get("Instance") if isinstance(period_block, dict) else None
        if not isinstance(period, dict) or not isinstance(instances, list):
            report.problems.append(Problem(locate(where), say("usage.json_key", item=item.label, key="Period",
                                                              expected=say("usage.json_expect_r5"))))
            continue
        begin, end = str(period.get("Begin_Date", "")), str(period.get("End_Date", ""))
        first, last = _DAY.match(begin), _DAY.match(end)
        if not first or not last or first[1] != last[1]:
            report.problems.append(Problem(locate((*where, "Period")),
                                           say("usage.not_a_month", item=item.label, begin=begin, end=end)))
            continue
        for i_index, instance in enumerate(instances):
            spot = (*where, "Instance", i_index)
            if not isinstance(instance, dict):
                report.problems.append(Problem(locate(spot), say("usage.json_key", item=item.label, key="Instance",
                                                                 expected=say("usage.json_expect_r5"))))
                continue
            metric = _metric(instance.get("Metric_Type"), item, (*spot, "Metric_Type"), locate, report)
            count = _count(instance.get("Count"), item, (*spot, "Count"), locate, report)
            if metric is not None and count is not None:
                report.counts.append(Count(item, first[1], metric, count))


def _r51_item(raw: dict, item: Item, at: tuple, locate: Locate, report: Report) -> None:
    blocks = raw.get("Attribute_Performance")
    if not isinstance(blocks, list):
        report.problems.append(Problem(locate(at), say("usage.json_key", item=item.label,
                                                       key="Attribute_Performance",
                                                       expected=say("usage.json_expect_r51"))))
        return
    for b_index, block in enumerate(blocks):
        where = (*at, "Attribute_Performance", b_index)
        performance = block.get("Performance") if isinstance(block, dict) else None
        if not isinstance(performance, dict):
            report.problems.append(Problem(locate(where), say("usage.json_key", item=item.label, key="Performance",
                                                              expected=say("usage.json_expect_r51"))))
            continue
        if not _regular(block):
            continue
        for name, months in performance.items():
            spot = (*where, "Performance", name)
            metric = _metric(name, item, spot, locate, report)
            if not isinstance(months, dict):
                report.problems.append(Problem(locate(spot), say("usage.json_key", item=item.label, key=name,
                                                                 expected=say("usage.json_expect_r51"))))
                continue
            for month, value in months.items():
                if not _MONTH.match(str(month)):
                    report.problems.append(Problem(locate((*spot, month)),
                                                   say("usage.month_key", item=item.label, found=month)))
                    continue
                count = _count(value, item, (*spot, month), locate, report)
                if metric is not None and count is not None:
                    report.counts.append(Count(item, str(month), metric, count))
