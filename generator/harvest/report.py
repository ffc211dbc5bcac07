"""The harvest report: one row per source, printed as a table and kept as `data/harvest/report.json`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..errors import visible
from ..messages import count, say

FAILED = ("failed", "refused")


@dataclass
class Row:
    source: str
    kind: str
    target: str
    status: str  # ok, not-modified (HTTP 304), unchanged (same bytes), skipped, failed, refused
    entries: int = 0  # usable entries read this time
    added: int = 0
    updated: int = 0
    vanished: int = 0
    dropped: int = 0
    total: int = 0  # records kept for the portal after this run
    reason: str = ""
    seconds: float = 0.0
    # What an editor should fix in data/sources.yml, though the source was read (e.g. unmapped categories).
    warnings: list[str] = field(default_factory=list)


@dataclass
class Report:
    at: str
    rows: list[Row] = field(default_factory=list)

    @property
    def failures(self) -> list[Row]:
        return [row for row in self.rows if row.status in FAILED]

    def as_json(self) -> dict:
        # No timings: the file is committed nightly and should change only with the data.
        return {"at": self.at, "sources": [{k: v for k, v in asdict(r).items() if k != "seconds"}
                                           for r in self.rows]}

    def table(self) -> str:
        """The report for people, in French; report.json keeps the machine keys (status: "failed"…)."""
        head = tuple(say("harvest.columns").split("|"))
        # A source's reason and warnings quote what it sent: control characters are shown, never sent.
        lines = [head] + [
            tuple(visible(cell) for cell in (
                r.source, r.kind, r.target, say(f"harvest.status.{r.status}"), str(r.entries), str(r.added),
                str(r.updated), str(r.vanished), str(r.dropped), str(r.total),
                say("harvest.seconds", seconds=f"{r.seconds:.2f}".replace(".", ",")), r.reason))
            for r in self.rows
        ]
        widths = [max(len(line[i]) for line in lines) for i in range(len(head) - 1)]
        out = ["  ".join(cell.ljust(w) for cell, w in zip(line, widths)) + "  " + line[-1] for line in lines]
        notes = [visible(say("harvest.warning", source=r.source, warning=warning))
                 for r in self.rows for warning in r.warnings]
        summary = say("harvest.report_summary", sources=count(len(self.rows), "count.source"),
                      failed=len(self.failures), warnings=count(len(notes), "count.warning"))
        return "\n".join([line.rstrip() for line in out] + notes + [summary])
