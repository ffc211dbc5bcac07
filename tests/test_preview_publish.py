"""A pull request's preview (generator/preview_publish.py) in a real git checkout made in tmp_path.

What the trusted workflow publishes where, what it removes, and what it refuses: a number that
is not plain digits, a path that would leave the preview, a symbolic link, a hidden name.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.preview_publish import PreviewRefused, main, publish, read_pr_number, remove, site_problems
from tests.conftest import REPO


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def previews(tmp_path: Path) -> Path:
    """A checkout of the previews repository: one commit with a README, as GitHub creates it."""
    repo = tmp_path / "previews"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "t@example.org")
    git(repo, "config", "user.name", "t")
    (repo / "README.md").write_text("Aperçus\n", encoding="utf-8")
    git(repo, "add", "README.md")
    git(repo, "commit", "-q", "-m", "init")
    return repo


def built(folder: Path, *, marker: str = "v1") -> Path:
    """The `sites` artifact as `bibnum build --out` writes it: the hub page and a folder per site."""
    for relative, text in {
        "index.html": f"<h1>hub {marker}</h1>",
        "portail/index.html": f"<h1>portail {marker}</h1>",
        "portail/assets/style.css": "body{}",
        "pro/index.html": f"<h1>pro {marker}</h1>",
        f"pro/only-{marker}.html": marker,
    }.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def files_of(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def tracked(repo: Path) -> set[str]:
    git(repo, "add", "-A")
    return set(git(repo, "ls-files").split())


def test_publishes_the_sites_under_pr_n_and_lists_it_in_the_index(previews: Path, tmp_path: Path):
    done = publish(built(tmp_path / "sites"), "12", previews)
    assert done.folder == previews / "pr-12" and done.files == 5
    assert files_of(previews / "pr-12") == {"index.html", "portail/index.html", "portail/assets/style.css",
                                           "pro/index.html", "pro/only-v1.html"}
    assert (previews / "pr-12" / "portail" / "index.html").read_text(encoding="utf-8") == "<h1>portail v1</h1>"
    index = (previews / "index.html").read_text(encoding="utf-8")
    assert '<a href="pr-12/">Demande n° 12</a>' in index and 'lang="fr"' in index
    assert tracked(previews) == {"README.md", "index.html", ".nojekyll"} | {
        f"pr-12/{p}" for p in files_of(previews / "pr-12")}


def test_a_new_push_replaces_the_preview_and_leaves_the_others(previews: Path, tmp_path: Path):
    publish(built(tmp_path / "a"), 12, previews)
    publish(built(tmp_path / "b", marker="other"), 7, previews)
    publish(built(tmp_path / "c", marker="v2"), 12, previews)
    assert "pro/only-v1.html" not in files_of(previews / "pr-12")  # a page the new push no longer has is gone
    assert (previews / "pr-12" / "pro" / "only-v2.html").is_file()
    assert (previews / "pr-7" / "pro" / "only-other.html").is_file()
    index = (previews / "index.html").read_text(encoding="utf-8")
    assert index.index('href="pr-7/"') < index.index('href="pr-12/"')  # by number, not as text
    assert not [p for p in previews.iterdir() if p.name.endswith(".incoming")]


def test_remove_takes_only_that_preview_away(previews: Path, tmp_path: Path):
    publish(built(tmp_path / "a"), 12, previews)
    publish(built(tmp_path / "b"), 7, previews)
    assert remove("12", previews) is True
    assert not (previews / "pr-12").exists() and (previews / "pr-7" / "index.html").is_file()
    assert 'href="pr-12/"' not in (previews / "index.html").read_text(encoding="utf-8")
    assert remove("12", previews) is False  # closed twice, or never previewed: nothing to do
    assert remove(7, previews) is True
    assert "Aucune demande de fusion ouverte" in (previews / "index.html").read_text(encoding="utf-8")
    assert tracked(previews) == {"README.md", "index.html", ".nojekyll"}


@pytest.mark.parametrize("number", ["0", "012", "-3", "12a", "../12", "1/../../x", " 12", "12\n", "", "1e3",
                                    "12345678901", 1.5, True, None, [12]])
def test_a_number_that_is_not_plain_digits_is_refused(previews: Path, tmp_path: Path, number):
    sites = built(tmp_path / "sites")
    with pytest.raises(PreviewRefused, match="numéro de demande de fusion refusé"):
        publish(sites, number, previews)
    with pytest.raises(PreviewRefused, match="numéro de demande de fusion refusé"):
        remove(number, previews)
    assert {p.name for p in previews.iterdir()} == {".git", "README.md"}  # nothing written anywhere


def test_the_number_file_of_the_artifact(tmp_path: Path):
    file = tmp_path / "pull-request.json"
    file.write_text('{"number": 12}', encoding="utf-8")
    assert read_pr_number(file) == 12
    for text in ('{"number": "12; rm -rf /"}', '{"number": "../3"}', '{"number": -1}'):
        file.write_text(text, encoding="utf-8")
        with pytest.raises(PreviewRefused, match="numéro de demande de fusion refusé"):
            read_pr_number(file)
    for text in ("12", "{}", "not json", '{"number": 1}' + " " * 2000):
        file.write_text(text, encoding="utf-8")
        with pytest.raises(PreviewRefused, match=r'attendu un petit fichier JSON de la forme \{"number": 12\}'):
            read_pr_number(file)


def test_a_symbolic_link_anywhere_refuses_the_whole_preview(previews: Path, tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("token", encoding="utf-8")
    sites = built(tmp_path / "sites")
    (sites / "portail" / "leak.html").symlink_to(secret)  # a path that escapes the preview
    (sites / "pro" / "up").symlink_to(tmp_path, target_is_directory=True)
    with pytest.raises(PreviewRefused) as refused:
        publish(sites, 12, previews)
    assert "portail/leak.html : lien symbolique refusé" in str(refused.value)
    assert "pro/up : lien symbolique refusé" in str(refused.value)
    assert not (previews / "pr-12").exists() and not (previews / "index.html").exists()


def test_hidden_names_stray_top_files_and_size_are_refused(previews: Path, tmp_path: Path):
    sites = built(tmp_path / "sites")
    (sites / "pro" / ".git").mkdir()
    (sites / "pro" / ".git" / "config").write_text("[core]", encoding="utf-8")
    (sites / ".github").mkdir()
    (sites / "CNAME").write_text("evil.example.org", encoding="utf-8")
    (sites / "portail" / "bad\\name.html").write_text("x", encoding="utf-8")
    problems = site_problems(sites)
    assert any(p.startswith(".github : nom commençant par un point refusé") for p in problems)
    assert any(p.startswith("pro/.git : nom commençant par un point refusé") for p in problems)
    assert any(p.startswith("CNAME : fichier inattendu à la racine") for p in problems)
    assert any(p.startswith("portail/bad\\\\name.html : nom de fichier refusé") for p in problems)
    assert not any("config" in p for p in problems)  # a refused folder is told once, not file by file
    clean = built(tmp_path / "clean")
    (clean / "portail" / "big.bin").write_bytes(b"\0" * 1_500_000)
    assert site_problems(clean) == []
    assert site_problems(clean, max_mb=1) == ["les sites construits pèsent 2 Mo, au-delà de la limite de 1 Mo d'un "
                                              "aperçu ; rien n'a été publié (la limite se change par --max-mo)"]
    assert site_problems(tmp_path / "absent")[0].endswith("attendu le contenu de l'artefact « sites » "
                                                          "(index.html et un dossier par site)")


def test_refuses_a_folder_that_is_not_a_checkout(tmp_path: Path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    with pytest.raises(PreviewRefused, match="n'est pas une copie git du dépôt des aperçus"):
        publish(built(tmp_path / "sites"), 12, elsewhere)
    assert list(elsewhere.iterdir()) == []


def test_the_command_line_as_the_workflow_runs_it(previews: Path, tmp_path: Path, capsys):
    info = tmp_path / "pull-request" / "pull-request.json"
    info.parent.mkdir()
    info.write_text(json.dumps({"number": 5}), encoding="utf-8")
    sites = built(tmp_path / "sites")
    run = [sys.executable, "-m", "generator.preview_publish"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    number = subprocess.run([*run, "number", str(info)], capture_output=True, text=True, cwd=REPO, env=env)
    assert (number.returncode, number.stdout) == (0, "5\n")
    assert main(["publish", "--pr", "5", "--sites", str(sites), "--previews", str(previews)]) == 0
    assert f"aperçu de la demande n° 5 publié dans {previews / 'pr-5'} (5 fichiers)" in capsys.readouterr().out
    assert main(["remove", "--pr", "5; touch x", "--previews", str(previews)]) == 1
    assert "numéro de demande de fusion refusé : « 5; touch x »" in capsys.readouterr().err
    assert main(["remove", "--pr", "5", "--previews", str(previews)]) == 0
    assert not (previews / "pr-5").exists()
