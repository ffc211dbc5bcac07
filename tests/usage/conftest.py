"""A small network whose resources declare how usage reports name them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import small_network

FIXTURES = Path(__file__).parent / "fixtures"

USAGE_BLOCKS = {
    "kiosque": ("Kiosque", "usage:\n  platform: Kiosque Presse\n  yearly_costs:\n    - year: 2026\n"
                "      amount: 4200.50\n"),
    "videos": ("Vidéos", "usage:\n  platform: Cinema Numerique\n  databases: [Films Jeunesse, Films Adultes]\n"),
    "livres": ("Livres en ligne", "usage:\n  platform: Lire en Ligne\n"),
}


def usage_network(root: Path) -> Path:
    """`bibnum new`'s network (with gallica, which declares nothing) and three resources that declare usage."""
    small_network(root)
    gallica = (root / "data/resources/gallica.yml").read_text(encoding="utf-8")
    for resource_id, (title, block) in USAGE_BLOCKS.items():
        text = gallica.replace("title: Gallica", f"title: {title}")
        (root / f"data/resources/{resource_id}.yml").write_text(text + block, encoding="utf-8")
    return root


@pytest.fixture
def network(tmp_path: Path) -> Path:
    return usage_network(tmp_path / "network")
