"""Publishing a site that no longer has a folder and a folder inside it (a/b/ and a/b/c/): the spare,
two builds behind, loses both, and the walk up from a/b/c/ already removed a/b/ (it raised
FileNotFoundError, 'le site n'a pas pu être publié', when a network switched engines)."""

from __future__ import annotations

from pathlib import Path

from generator.publish import publish_site


def _site(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_a_folder_and_its_subfolder_gone_at_once_publish(tmp_path: Path):
    nested = _site(tmp_path / "nested", {"a/b/x.html": "x", "a/b/c/y.html": "y", "index.html": "1"})
    flat = _site(tmp_path / "flat", {"index.html": "2"})
    out = tmp_path / "out"
    for built in (nested, flat, nested, flat):  # the 4th publish syncs the spare that holds a/b/ and a/b/c/
        publish_site(built, out, "site")
    assert sorted(p.relative_to(out / "site").as_posix() for p in (out / "site").rglob("*")) == ["index.html"]
    assert (out / "site" / "index.html").read_text(encoding="utf-8") == "2"
