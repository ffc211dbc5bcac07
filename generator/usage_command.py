"""`bibnum usage import`: providers' usage reports into data/usage/<resource id>.yml (the I/O edge).

Every file is read and mapped before anything is written: one bad file and nothing is written,
with every problem of every file told at once. Then each resource's file is written (atomically)
only when its bytes change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BibnumError, Location, Problem, ProjectInvalid
from .load.project import find_project, load_project
from .messages import agreeing, count, listed, say, system_error
from .usage.formats import read_report
from .usage.mapping import Declared, Monthly, monthly_counts
from .usage.merge import Outcome, merged
from .usage.reports import Report
from .usage.usage_text import notes_of, one_line, usage_text
from .validate import validate
from .writer import atomic_write

USAGE_DIR = "data/usage"


class UsageReportsInvalid(ProjectInvalid):
    """The reports had problems: nothing was written."""


@dataclass
class Imported:
    """What an import did: a line per file read and per change, and the files written."""

    lines: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)


def import_usage(project: Path, files: list[Path], note: str | None = None, log: Callable[[str], None] = print,
                 ) -> Imported:
    if not files:
        raise BibnumError(say("usage.no_files"))
    root = find_project(project)
    graph = validate(load_project(root))
    declared = Declared.of({rid: r.usage for rid, r in graph.resources.items()},
                           {rid: r.title for rid, r in graph.resources.items()})
    reports: list[tuple[Report, Monthly]] = []
    problems: list[Problem] = []
    for path in files:
        label = str(path)
        if not path.is_file():
            problems.append(Problem(Location(label, 1, 1), say("usage.not_a_file")))
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            problems.append(Problem(Location(label, 1, 1), say("usage.unreadable", why=system_error(exc))))
            continue
        report = read_report(data, label)
        problems += report.problems
        monthly, unmapped = monthly_counts(report, declared) if not report.problems else ({}, [])
        problems += unmapped
        reports.append((report, monthly))
    if problems:
        raise UsageReportsInvalid(problems)
    months, outcomes = merged({rid: dict(usage.months) for rid, usage in graph.usage.items()}, reports)
    done = Imported()
    for report, monthly in reports:
        done.lines.append(_read_line(report, monthly))
    for outcome in outcomes:
        done.lines += _outcome_lines(outcome)
    changed = sorted({o.resource for o in outcomes if o.added or o.replaced})
    for resource_id in changed:
        target = root / USAGE_DIR / f"{resource_id}.yml"
        old = target.read_text(encoding="utf-8") if target.is_file() else ""
        notes = [one_line(note)] if note and one_line(note) else notes_of(old)
        text = usage_text(resource_id, graph.resources[resource_id].title, months[resource_id], notes)
        if text != old:
            atomic_write(target, text.encode("utf-8"))
            done.written.append(f"{USAGE_DIR}/{resource_id}.yml")
    done.lines += [say("usage.written", file=file) for file in done.written] or [say("usage.none_written")]
    for line in done.lines:
        log(line)
    return done


def _read_line(report: Report, monthly: Monthly) -> str:
    months = {month for resource in monthly.values() for month in resource}
    if not months:
        return say("usage.read_empty", file=report.file, report=report.report)
    key = "usage.read_csv" if report.release is None else "usage.read"
    return say(key, file=report.file, report=report.report, release=report.release,
               resources=count(len(monthly), "count.resource"), months=count(len(months), "count.month"))


def _outcome_lines(outcome: Outcome) -> list[str]:
    """A line per kind of change (added, replaced, kept, unchanged) with its months."""
    replaced = [month for month, _file in outcome.replaced]
    previous = listed(sorted({file for _month, file in outcome.replaced}))
    return [say(f"usage.{kind}", resource=outcome.resource, file=outcome.file, previous=previous,
                months=count(len(months), "count.month"), done=agreeing(len(months), f"count.{kind}"),
                list=", ".join(sorted(months)))
            for kind, months in (("added", outcome.added), ("replaced", replaced), ("kept", outcome.kept),
                                 ("unchanged", outcome.unchanged)) if months]
