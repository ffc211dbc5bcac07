"""A usage file's format, told from its bytes: COUNTER JSON, COUNTER table (TSV/CSV) or simple CSV."""

from __future__ import annotations

import csv
import io
import json
from functools import cache

from ..errors import Location, Problem
from ..load.yaml_source import load_yaml
from ..messages import say
from .counter_json import read_json_report
from .counter_table import is_table_report, read_table_report
from .reports import Report
from .simple_csv import read_simple_csv


def read_report(data: bytes, file: str) -> Report:
    """The report in `data` (the bytes of the file named `file`), with every problem found in it."""
    try:
        text = data.decode("utf-8-sig")  # a spreadsheet's "CSV UTF-8" starts with a BOM
    except UnicodeDecodeError as exc:
        return _failed(file, say("usage.not_utf8", position=exc.start))
    if not text.strip():
        return _failed(file, say("usage.empty"))
    if text.lstrip()[:1] in "{[":
        return _json(text, file)
    rows = table_rows(text)
    return read_table_report(rows, file) if is_table_report(rows) else read_simple_csv(rows, file)


def _failed(file: str, message: str, line: int = 1, column: int = 1) -> Report:
    return Report(file=file, report="", problems=[Problem(Location(file, line, column), message)])


def _json(text: str, file: str) -> Report:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return _failed(file, say("usage.json_invalid", why=exc.msg, line=exc.lineno, column=exc.colno),
                       exc.lineno, exc.colno)

    @cache
    def positions():
        # Only when a problem is found: JSON is YAML, and our YAML reader remembers where each key is.
        doc, _problems = load_yaml(text, file)
        return doc

    def locate(path: tuple) -> Location:
        doc = positions()
        return doc.locate(path) if doc is not None else Location(file, 1, 1)

    return read_json_report(data, file, locate)


def table_rows(text: str) -> list[tuple[int, list[str]]]:
    """The rows of a TSV or CSV text, each with its line number; the separator is told by the first line
    (a tab, else `;`, else `,`)."""
    first = text.splitlines()[0] if text else ""
    delimiter = "\t" if "\t" in first else ";" if ";" in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    line = 1
    for cells in reader:
        rows.append((line, cells))
        line = reader.line_num + 1
    return rows
