"""The check's part on usage: data/usage/*.yml against their model and the resources, and the resources'
`usage:` blocks against each other (a platform or a database goes to one resource only)."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from pathlib import PurePosixPath

from pydantic import ValidationError

from ..errors import Location, Problem
from ..load.yaml_source import YamlDocument
from ..messages import say
from ..models.resource import Resource
from ..models.usage import UsageFile
from ..schema_errors import problems_from
from .mapping import name_key


def usage_files(documents: list[YamlDocument], resource_ids: frozenset[str],
                problems: list[Problem]) -> dict[str, UsageFile]:
    """Each valid data/usage/<id>.yml by resource id; a file naming no resource (of `resource_ids`, every
    resource file found) is a problem at its first line."""
    found: dict[str, UsageFile] = {}
    for doc in documents:
        stem = PurePosixPath(doc.file).stem
        if stem not in resource_ids:
            close = difflib.get_close_matches(stem, sorted(resource_ids), n=1)
            problems.append(Problem(Location(doc.file, 1, 1), say(
                "usage.unknown_resource", id=stem, close=say("usage.close_id", id=close[0]) if close else "")))
        data = dict(doc.data or {})
        if "id" in data:
            problems.append(Problem(doc.locate(("id",)), say("file.id_from_name", key="id")))
            continue
        try:
            found[stem] = UsageFile.model_validate({**data, "id": stem})
        except ValidationError as exc:
            problems.extend(problems_from(exc, doc, UsageFile, hidden=frozenset({"id"})))
    return found


def declaration_problems(resources: Mapping[str, Resource], docs: Mapping[str, YamlDocument]) -> list[Problem]:
    """A platform or database name declared by two resources: reports could not tell which one they measure."""
    problems = []
    platforms: dict[str, str] = {}
    databases: dict[str, str] = {}
    for resource_id, resource in sorted(resources.items()):
        usage, doc = resource.usage, docs.get(resource_id)
        if usage is None or doc is None:
            continue
        if usage.platform:
            other = platforms.setdefault(name_key(usage.platform), resource_id)
            if other != resource_id:
                problems.append(Problem(doc.locate(("usage", "platform")), say(
                    "usage.platform_twice", name=usage.platform, other=f"data/resources/{other}.yml")))
        for index, database in enumerate(usage.databases):
            other = databases.setdefault(name_key(database), resource_id)
            if other != resource_id:
                problems.append(Problem(doc.locate(("usage", "databases", index)), say(
                    "usage.database_twice", name=database, other=f"data/resources/{other}.yml")))
    return problems
