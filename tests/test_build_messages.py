"""What a build prints and raises is French, from the catalogue (a small network, a fake engine)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from generator.build import build
from generator.engines.mkdocs import run_mkdocs
from generator.errors import BibnumError, BuildFailed
from tests.conftest import small_network
from tests.fake_engine import FakeEngine

NOW = datetime(2026, 11, 21, 12, 0)


@pytest.fixture
def network(tmp_path: Path) -> Path:
    root = tmp_path / "reseau"
    small_network(root)
    return root


def test_the_build_log_is_french(network, tmp_path):
    lines: list[str] = []
    build(network, out=tmp_path / "out", now=NOW, engine=FakeEngine(), log=lines.append)
    engine, portal, pro, done = lines
    assert engine == "moteur : moteur factice (fake-engine=1). moteur des tests, jamais publié."
    assert portal.startswith("portail : ") and " pages générées, " in portal
    assert portal.endswith(" modifiés, moteur relancé en entier")
    assert pro.startswith("pro : ")
    assert done == f"portail, pro construits dans {(tmp_path / 'out').resolve()}"
    lines.clear()
    build(network, out=tmp_path / "out", now=NOW, engine=FakeEngine(), log=lines.append)
    assert lines[1].startswith("portail : sources inchangées, ") and lines[1].endswith(" gardées, moteur non relancé")
    lines.clear()
    build(network, sites=["pro"], out=tmp_path / "out", now=NOW, engine=FakeEngine(), log=lines.append)
    assert lines[-1] == f"pro construit dans {(tmp_path / 'out').resolve()}"


def test_an_unknown_site_is_told_in_french(network, tmp_path):
    with pytest.raises(BibnumError) as raised:
        build(network, sites=["portal"], out=tmp_path / "out", now=NOW)
    assert str(raised.value) == ("site(s) inconnu(s) : portal ; sites déclarés dans data/sites.yml : "
                                 "portail, pro")


def test_an_engine_failure_says_so_in_french(tmp_path):
    config = tmp_path / "portail" / "mkdocs.yml"
    config.parent.mkdir()
    config.write_text("site_name: x\ntheme:\n  name: aucun-theme\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as raised:
        run_mkdocs(config, tmp_path / "out", epoch=0)
    assert str(raised.value).startswith("le moteur (MkDocs) a échoué sur le site « portail » ; rien n'a été "
                                        "publié. Ses derniers messages (en anglais) :\n  ")


def test_an_engine_that_never_finishes_is_stopped_and_said_in_french(tmp_path, monkeypatch):
    from generator.engines import base

    (tmp_path / "engine_stuck.py").write_text(  # an engine that would write its site after a minute
        "import pathlib, time\ntime.sleep(60)\npathlib.Path('site').mkdir()\n", encoding="utf-8")
    monkeypatch.setattr(base, "ENGINE_TIMEOUT_SECONDS", 1.5)
    with pytest.raises(BuildFailed) as raised:
        base.run_engine("engine_stuck", [], cwd=tmp_path, epoch=0, label="Moteur", site="portail",
                        env={"PYTHONPATH": str(tmp_path)}, produced=tmp_path / "site")
    assert str(raised.value) == ("le moteur (Moteur) n'a pas fini le site « portail » en 0,025 minutes : il a été "
                                 "arrêté et rien n'a été publié. Relancez la construction ; si elle s'arrête encore "
                                 "ici, signalez-le avec la commande lancée et le nom du moteur")


def test_each_engine_tells_how_it_is_maintained_and_how_to_switch():
    from datetime import date

    from generator.engines import MkDocs, ProperDocs, Zensical

    before, after = date(2026, 12, 3), date(2027, 5, 5)
    material = MkDocs().status(before)
    assert "jusqu'à sa fin de vie le 5 mai 2027" in material and "« engine: zensical »" in material
    assert "--engine zensical" in material and "README, « Moteurs de rendu »" in material
    assert MkDocs().status(after).startswith("Material for MkDocs a atteint sa fin de vie le 5 mai 2027 : plus "
                                             "aucun correctif, même de sécurité")
    assert "ProperDocs continue MkDocs 1.x et reste maintenu" in ProperDocs().status(before)
    assert "a atteint sa fin de vie" in ProperDocs().status(after)
    assert Zensical().status(before) == Zensical().status(after)
    assert "« engine: mkdocs-material »" in Zensical().status(before)


def test_an_engine_that_is_not_installed_says_how_to_install_it(monkeypatch):
    from generator.engines import Zensical, engine_named

    monkeypatch.setattr(Zensical, "packages", ("zensical-absent-de-ce-poste",))
    with pytest.raises(BibnumError) as raised:
        engine_named("zensical")
    assert str(raised.value) == (
        "le moteur zensical n'est pas installé (il manque zensical-absent-de-ce-poste) ; installez-le avec "
        "« pip install 'bibnum[zensical]' », ou choisissez-en un autre (« engine: » dans data/sites.yml, "
        "ou --engine)")
    with pytest.raises(BibnumError, match="^moteur inconnu : « hugo » ; bibnum sait construire avec "
                                          "mkdocs-material, properdocs, zensical$"):
        engine_named("hugo")
