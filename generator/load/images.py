"""The images editors add in content/images/ (the web editor's media folder), checked before any
site publishes them at images/<name>.

Only raster images, told by their bytes and not only by their name: an SVG, an HTML page or a
script published on the site's own address would run there (the Content-Security-Policy of our
pages does not cover a file opened directly). A symbolic link is refused too: it could publish
any file of the machine that builds.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import Location, Problem
from ..messages import say
from ..urls import IMAGE_EXTENSIONS, IMAGE_NAME

IMAGES_DIR = "content/images"
MAX_IMAGE_SIZE = 5_000_000  # a photo for the web weighs a few hundred kilobytes

_KIND_OF_EXTENSION = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WebP", ".gif": "GIF", ".avif": "AVIF"}
_EXTENSION_OF_KIND = {"PNG": ".png", "JPEG": ".jpg", "WebP": ".webp", "GIF": ".gif", "AVIF": ".avif"}
_HEAD = 64  # bytes read to tell the format


def image_kind(head: bytes) -> str | None:
    """The raster format the first bytes of a file announce (their "magic number"), or None."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    if head[4:8] == b"ftyp":  # ISO media file: AVIF when its major or a compatible brand says so
        size = int.from_bytes(head[:4], "big")
        brands = [head[i:i + 4] for i in range(8, min(size, len(head)), 4)]
        if b"avif" in brands or b"avis" in brands:
            return "AVIF"
    return None


@dataclass(frozen=True)
class ImageFiles:
    """content/images/: the files a site may publish and those refused, by their name there."""

    published: dict[str, Path]
    refused: dict[str, Problem]

    @property
    def names(self) -> frozenset[str]:
        """Every name found: a page showing a refused image is told about the file only."""
        return frozenset(self.published) | frozenset(self.refused)


def image_files(root: Path) -> ImageFiles:
    """Every entry of ROOT/content/images, published or refused with its problem.

    Hidden files (`.gitkeep`, `.DS_Store`) are left out and never published.
    """
    folder = root / IMAGES_DIR
    found = ImageFiles({}, {})
    if not folder.is_dir():
        return found
    for parent, dirs, names in os.walk(folder):  # never follows a linked folder
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for entry in [*(d for d in dirs if (Path(parent) / d).is_symlink()), *sorted(names)]:
            if entry.startswith("."):
                continue
            path = Path(parent) / entry
            name = path.relative_to(folder).as_posix()
            problem = _problem(path, name)
            if problem is not None:
                found.refused[name] = Problem(Location(f"{IMAGES_DIR}/{name}", 1, 1), problem)
            else:
                found.published[name] = path
    return found


def _problem(path: Path, name: str) -> str | None:
    """What is wrong with one entry of content/images, in French; None when it may be published."""
    if path.is_symlink():
        return say("image.link")
    if name.count("/") > 1:
        return say("image.too_deep", name=name, example=name.rsplit("/", 1)[-1])
    extension = os.path.splitext(name)[1].lower()
    if extension not in IMAGE_EXTENSIONS:
        key = "image.svg" if extension == ".svg" else "image.not_raster"
        return say(key, extension=extension or say("image.no_extension"), stem=Path(name).stem)
    if not IMAGE_NAME.fullmatch(name):
        return say("image.name", name=name, example=_suggested(name))
    size = path.stat().st_size
    if size > MAX_IMAGE_SIZE:
        return say("image.too_big", size=_megabytes(size), limit=_megabytes(MAX_IMAGE_SIZE))
    with path.open("rb") as handle:
        kind = image_kind(handle.read(_HEAD))
    expected = _KIND_OF_EXTENSION[extension]
    if kind is None:
        return say("image.not_an_image", kind=expected, extension=extension)
    if kind != expected:
        return say("image.wrong_extension", kind=kind, extension=extension,
                   example=f"{Path(name).stem}{_EXTENSION_OF_KIND[kind]}")
    return None


def _suggested(name: str) -> str:
    """NAME in the form expected: accents folded, spaces and other signs made dashes, per part."""
    def part(text: str) -> str:
        ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        cleaned = "".join(c if c.isalnum() or c in "._-" else "-" for c in ascii_text.lower())
        return "-".join(filter(None, cleaned.split("-"))).lstrip("._-") or "image"
    return "/".join(part(p) for p in name.split("/"))


def _megabytes(count: int) -> str:
    return say("load.megabytes", size=f"{count / 1_000_000:.1f}".replace(".", ","))
