"""The demo build: each site ships its own index, the header box, and no lunr index."""

from __future__ import annotations

import json

import pytest

from generator.search.static_index import chunk_path, facets_path, shard_digests, shard_path
from tests.e2e.helpers import parse

pytestmark = pytest.mark.e2e

SITES = ("calvados", "caen", "pro")


def index_rows(site_dir) -> list[list]:
    """Every document row of a site's index (what its results can show)."""
    meta = json.loads((site_dir / "bn-search" / "meta.json").read_text(encoding="utf-8"))
    chunks = [site_dir / "bn-search" / chunk_path(n, meta["docs"].split(" ")[n // meta["block"]])
              for n in range(-(-meta["count"] // meta["chunk"]))]
    return [row for chunk in chunks for row in json.loads(chunk.read_text(encoding="utf-8"))]


def index_text(site_dir) -> str:
    return json.dumps(index_rows(site_dir), ensure_ascii=False)


def test_every_site_ships_its_index_and_no_lunr_index(demo_build):
    for site in SITES:
        site_dir = demo_build.out / site
        meta = json.loads((site_dir / "bn-search" / "meta.json").read_text(encoding="utf-8"))
        assert meta["count"] > 10
        for name, digest in shard_digests(meta).items():
            assert (site_dir / "bn-search" / shard_path(name, digest)).is_file()
        assert (site_dir / "bn-search" / facets_path(meta["facets"])).is_file()
        assert not (site_dir / "search" / "search_index.json").exists()


def test_public_indexes_hold_no_pro_content_and_the_pro_index_no_catalogue(demo_build):
    calvados, pro = index_text(demo_build.out / "calvados"), index_text(demo_build.out / "pro")
    assert "Retour sur le COPIL 2026" in pro and "Retour sur le COPIL 2026" not in calvados
    assert "Guide de l'éditeur" in pro and "Guide de l'éditeur" not in calvados
    assert "ressources/cafeyn/" in calvados and "ressources/cafeyn/" not in pro
    caen = index_text(demo_build.out / "caen")
    assert "ressources/philharmonie/" in calvados and "ressources/philharmonie/" not in caen


def test_pages_carry_the_search_box_in_materials_header_place(demo_build):
    for site in SITES:
        page = parse(demo_build.out / site / "index.html")
        box = page.select_one("header .md-search[data-bn-search]")
        assert box is not None
        assert box.find("form", attrs={"name": "search"}) is None  # Material's own search never starts
        assert box.select_one("input[role=combobox][aria-controls=bn-search-results]") is not None
        assert page.select_one("header a.bn-search-nojs")["href"] == ("./ressources/" if site != "pro" else "./blog/")
        scripts = [s.get("src", "") for s in page.find_all("script")]
        assert any(s.endswith("assets/bibnum/search.js") for s in scripts)
        assert not any("algolia" in s for s in scripts)  # loaded on demand, and only by Algolia sites


def test_guide_results_open_at_existing_headings(demo_build):
    pro = demo_build.out / "pro"
    anchors = {row[1].split("#", 1)[1] for row in index_rows(pro) if row[1].startswith("guide-editeur/#")}
    assert len(anchors) > 10
    ids = {tag["id"] for tag in parse(pro / "guide-editeur" / "index.html").select("[id]")}
    assert anchors <= ids
