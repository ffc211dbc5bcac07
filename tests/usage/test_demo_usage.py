"""The demo's usage statistics: synthetic, said so, valid, and made again the same by their script."""

from __future__ import annotations

import importlib.util

from generator.load.project import load_project
from generator.validate import validate
from tests.conftest import REPO, copy_project


def load_script():
    spec = importlib.util.spec_from_file_location("synthetic_usage", REPO / "bench/synthetic_usage.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_resource_that_declares_usage_has_a_synthetic_year_of_it():
    graph = validate(load_project(REPO))
    declared = {rid for rid, resource in graph.resources.items() if resource.usage is not None}
    assert declared and set(graph.usage) == declared
    for resource_id, usage in graph.usage.items():
        assert len(usage.months) == 12, resource_id
        text = (REPO / f"data/usage/{resource_id}.yml").read_text(encoding="utf-8")
        assert "# Remarque : Données synthétiques (graine fixe 2026)" in text.split("months:")[0]
        assert all(sum(month.counts.values()) > 0 for month in usage.months.values())
    assert all(graph.resources[rid].usage.yearly_costs for rid in declared)


def test_the_script_makes_the_same_files_again(tmp_path):
    project = copy_project(tmp_path / "network")
    before = {path.name: path.read_bytes() for path in (project / "data/usage").iterdir()}
    load_script().main(project)
    assert {path.name: path.read_bytes() for path in (project / "data/usage").iterdir()} == before
