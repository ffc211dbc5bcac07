"""Editors' images (content/images/, the web editor's media folder): what check refuses, all at
once and in French; what a build publishes and where the pages point; a changed image rebuilds."""

from __future__ import annotations

import shutil
import struct
import zlib
from datetime import datetime
from pathlib import Path

import pytest

from generator.build import build
from generator.errors import ProjectInvalid
from generator.load.images import MAX_IMAGE_SIZE, image_kind
from generator.load.project import load_project
from generator.validate import validate
from tests.conftest import small_network
from tests.fake_engine import FakeEngine

NOW = datetime(2026, 11, 21, 12, 0)
NEWS = "content/news/2026-11-21-ouverture.md"
POST = "content/blog/posts/2026-11-21-bienvenue.md"
PAGE = "content/public/aide.md"


def png(width: int = 2, height: int = 2, colour: bytes = b"\x00\x66\x99") -> bytes:
    """A real PNG image, written by hand (no image library needed)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + colour * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def add(root: Path, path: str, text: str) -> int:
    """Append TEXT to an editor's file; the 1-based line where it starts."""
    file = root / path
    before = file.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    file.write_text(before + text + "\n", encoding="utf-8")
    return before.count("\n") + 1


def problems_of(root: Path) -> list[str]:
    """Every problem check reports, as FILE:LINE: message (columns left out)."""
    with pytest.raises(ProjectInvalid) as raised:
        validate(load_project(root))
    return [f"{p.location.file}:{p.location.line}: {p.message}" for p in raised.value.problems]


def test_the_first_bytes_tell_the_format():
    assert image_kind(png()) == "PNG"
    assert image_kind(b"\xff\xd8\xff\xe0\0\x10JFIF") == "JPEG"
    assert image_kind(b"GIF89a\x01\x00") == "GIF"
    assert image_kind(b"RIFF\x24\0\0\0WEBPVP8 ") == "WebP"
    assert image_kind(b"\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf") == "AVIF"
    assert image_kind(b"\0\0\0\x18ftypmp42\0\0\0\0isommp42") is None  # a video, not an AVIF
    for other in (b"<svg xmlns='http://www.w3.org/2000/svg'>", b"<!doctype html><script>", b""):
        assert image_kind(other) is None


def test_check_refuses_every_file_that_is_not_a_raster_image_and_every_bad_image_use_at_once(tmp_path):
    root = small_network(tmp_path / "reseau")
    images = root / "content" / "images"
    (images / "evenements").mkdir(parents=True)
    (images / "logo.png").write_bytes(png())
    (images / "evenements" / "affiche.png").write_bytes(png())
    (images / ".gitkeep").write_text("", encoding="utf-8")  # hidden: left alone
    (images / "dessin.svg").write_text("<svg onload='alert(1)'/>", encoding="utf-8")
    (images / "page.png").write_text("<!doctype html><script>alert(1)</script>", encoding="utf-8")
    (images / "carte.jpg").write_bytes(png())  # a PNG named .jpg
    (images / "script.js").write_text("alert(1)", encoding="utf-8")
    (images / "Été à la plage.png").write_bytes(png())
    (images / "lourde.png").write_bytes(png() + b"\0" * MAX_IMAGE_SIZE)
    (images / "a" / "b").mkdir(parents=True)
    (images / "a" / "b" / "profond.png").write_bytes(png())
    (images / "lien.png").symlink_to(images / "logo.png")
    news = add(root, NEWS, "![Logo du réseau](/images/logo.png) ![Affiche](images/evenements/affiche.png)\n\n"
                           "![Absente](/images/absente.png)")
    post = add(root, POST, "![Pixel espion](https://pisteur.example/p.png)\n\n![](/images/logo.png)")
    page = add(root, PAGE, "Voir ![Une page](/images/page.png).")
    resource = root / "data" / "resources" / "gallica.yml"
    resource.write_text(resource.read_text(encoding="utf-8").replace(
        "description: |\n", "description: |\n  ![Distante](https://cdn.example/x.png) ![Manque](/images/manque.png)\n", 1),
        encoding="utf-8")

    found = problems_of(root)
    text = "\n".join(found)
    expected = {
        "content/images/dessin.svg:1: fichier SVG refusé": "convertissez-le en PNG (par ex. dessin.png)",
        "content/images/page.png:1: ce fichier n'est pas une image PNG": "vraie image",
        "content/images/carte.jpg:1: ce fichier est une image PNG, pas .jpg": "par ex. carte.png",
        "content/images/script.js:1: fichier « .js » refusé": "PNG, JPEG, WebP, GIF et AVIF",
        "content/images/Été à la plage.png:1: nom « Été à la plage.png » refusé": "par ex. ete-a-la-plage.png",
        "content/images/lourde.png:1: image trop lourde : 5,0 Mo, la limite est de 5,0 Mo": "réduisez-la",
        "content/images/a/b/profond.png:1: « a/b/profond.png » est rangée trop profond": "content/images/profond.png",
        "content/images/lien.png:1: lien symbolique refusé": "copie de l'image",
        f"{NEWS}:{news + 2}: image « /images/absente.png » introuvable": "aucun fichier content/images/absente.png",
        f"{POST}:{post}: image « https://pisteur.example/p.png » refusée": "règle de confidentialité",
        f"{POST}:{post + 2}: image « /images/logo.png » sans texte de remplacement": "RGAA",
        "data/resources/gallica.yml:9: image « https://cdn.example/x.png » refusée": "content/images/",
        "data/resources/gallica.yml:9: image « /images/manque.png » introuvable": "content/images/manque.png",
    }
    for start, words in expected.items():
        line = next((line for line in found if line.startswith(start)), None)
        assert line is not None, f"{start}\n--- found:\n{text}"
        assert words in line, line
    # A page showing a refused image is told about the file only; the valid images and uses pass.
    assert not any(line.startswith(f"{PAGE}:{page}") for line in found), text
    assert not any(line.startswith(("content/images/logo.png", "content/images/evenements")) for line in found)
    assert "affiche.png" not in text
    assert len(found) == len(expected), text


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A new network with an image shown by a news item, a post, a page and a resource's description,
    built once with the fake engine."""
    root = small_network(tmp_path_factory.mktemp("images") / "reseau")
    (root / "content" / "images" / "2026").mkdir(parents=True)
    (root / "content" / "images" / "logo.png").write_bytes(png())
    (root / "content" / "images" / "2026" / "affiche.png").write_bytes(png(3, 1))
    add(root, NEWS, "![Affiche de l'ouverture](/images/2026/affiche.png)")
    add(root, POST, "![Logo du réseau](/images/logo.png)")
    add(root, PAGE, "![Logo du réseau](images/logo.png)")
    resource = root / "data" / "resources" / "gallica.yml"
    resource.write_text(resource.read_text(encoding="utf-8").replace(
        "description: |\n", "description: |\n  ![Logo de Gallica](/images/logo.png)\n", 1), encoding="utf-8")
    build(root, out=root / "site", now=NOW, engine=FakeEngine())
    return root


def test_every_site_publishes_the_images_and_each_page_points_at_them_from_its_own_place(built):
    for site in ("portail", "pro"):
        assert (built / "site" / site / "images" / "logo.png").read_bytes() == png()
        assert (built / "site" / site / "images" / "2026" / "affiche.png").read_bytes() == png(3, 1)
    work = built / ".bibnum" / "work"
    # Bodies go to the engine as Markdown: addressed from their source file, the engine writes the URL.
    assert "![Logo du réseau](../images/logo.png)" in (work / "portail" / "docs" / "aide" / "index.md").read_text()
    assert "![Affiche de l'ouverture](../../images/2026/affiche.png)" in (
        work / "portail" / "docs" / "actualites" / "posts" / "2026-11-21-ouverture.md").read_text()
    assert "![Logo du réseau](../../images/logo.png)" in (
        work / "pro" / "docs" / "blog" / "posts" / "2026-11-21-bienvenue.md").read_text()
    # A field's HTML is written by bibnum into the page: addressed from the page's URL.
    resource_page = (work / "portail" / "docs" / "ressources" / "gallica" / "index.md").read_text()
    assert '<img alt="Logo de Gallica" src="../../images/logo.png">' in resource_page
    api = (built / "site" / "portail" / "api" / "v1" / "resources.json").read_text(encoding="utf-8")
    assert 'src=\\"https://v.example.org/portail/images/logo.png\\"' in api  # away from the site: absolute


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_changed_added_or_removed_image_rebuilds_and_gives_a_clean_build_s_bytes(built, tmp_path):
    project = tmp_path / "reseau"
    shutil.copytree(built, project, symlinks=True)
    images = project / "content" / "images"
    (images / "logo.png").write_bytes(png(colour=b"\xcc\x33\x00"))
    (images / "nouvelle.png").write_bytes(png(1, 1))
    (images / "2026" / "affiche.png").unlink()
    add(project, NEWS, "")  # the news item no longer shows the removed image
    news = project / NEWS
    news.write_text(news.read_text(encoding="utf-8").replace("/images/2026/affiche.png", "/images/nouvelle.png"),
                    encoding="utf-8")
    result = build(project, out=project / "site", now=NOW, engine=FakeEngine())
    assert {site.site for site in result.sites if site.mode == "unchanged"} == set()
    for site in ("portail", "pro"):
        assert (project / "site" / site / "images" / "logo.png").read_bytes() == png(colour=b"\xcc\x33\x00")
        assert (project / "site" / site / "images" / "nouvelle.png").is_file()
        assert not (project / "site" / site / "images" / "2026" / "affiche.png").exists()
    build(project, out=tmp_path / "clean", now=NOW, engine=FakeEngine(), incremental=False, state=".clean")
    assert tree(project / "site") == tree(tmp_path / "clean")
    # An image alone changed: every site rebuilt again, same bytes as clean.
    (images / "nouvelle.png").write_bytes(png(2, 1))
    result = build(project, out=project / "site", now=NOW, engine=FakeEngine())
    assert all(site.mode != "unchanged" for site in result.sites)
    build(project, out=tmp_path / "clean2", now=NOW, engine=FakeEngine(), incremental=False, state=".clean2")
    assert tree(project / "site") == tree(tmp_path / "clean2")


def test_with_the_real_engine_every_image_src_resolves_to_the_published_file(built, tmp_path):
    """The engine writes each body's image address for its page (a top-level page, a news item, a
    blog post and their listings, each at its own depth); bibnum writes a field's."""
    from html.parser import HTMLParser
    from urllib.parse import urljoin, urlsplit

    class Sources(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.found: list[str] = []

        def handle_starttag(self, tag, attrs):
            if tag == "img" and "images/" in (dict(attrs).get("src") or ""):
                self.found.append(dict(attrs)["src"])

    project = tmp_path / "reseau"
    shutil.copytree(built, project, symlinks=True, ignore=shutil.ignore_patterns(".bibnum", "site"))
    out = build(project, out=tmp_path / "out", now=NOW).out
    shown: dict[str, list[str]] = {}
    for page in sorted(out.rglob("*.html")):
        parser = Sources()
        parser.feed(page.read_text(encoding="utf-8"))
        if parser.found:
            shown[page.relative_to(out).as_posix()] = parser.found
    for path, sources in shown.items():
        site = path.split("/", 1)[0]
        for src in sources:
            resolved = urlsplit(urljoin(f"https://v.example.org/{path}", src)).path.lstrip("/")
            assert resolved.startswith(f"{site}/images/") and (out / resolved).is_file(), (path, src)
    pages = set(shown)
    assert {"portail/aide/index.html", "portail/ressources/gallica/index.html",
            "portail/actualites/index.html"} <= pages, sorted(pages)
    assert any(p.startswith("portail/actualites/2026") for p in pages), sorted(pages)  # the news item's page
    assert any(p.startswith("pro/blog/2026") for p in pages), sorted(pages)  # the post's page
