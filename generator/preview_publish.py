"""A pull request's preview: its built sites put into `pr-<n>/` of a checkout of the previews repository.

The trusted workflow (.github/workflows/preview.yml) runs this on what the pull request's own run
uploaded. That run may come from a fork, whose author controls every byte of it: the number is
accepted only as digits, and the sites only as plain files and folders (no symbolic link, no
hidden name such as `.git`, nothing at the top but `index.html` and the sites' folders), under a
size limit; anything else refuses the whole preview. The workflow does the git push.

    python -m generator.preview_publish number ARTIFACT/pull-request.json
    python -m generator.preview_publish publish --pr N --sites SITES --previews CHECKOUT
    python -m generator.preview_publish remove --pr N --previews CHECKOUT

Standard library only (and the message catalogue): the workflow runs it with the runner's own
Python, without installing bibnum's dependencies.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from .messages import say

PREFIX = "pr-"
INDEX = "index.html"
MAX_MB = 500  # GitHub Pages publishes at most 1 GB per repository
MAX_FILES = 50_000
_NUMBER = re.compile(r"[1-9][0-9]{0,9}")
_PREVIEW = re.compile(r"pr-([1-9][0-9]{0,9})")
_BAD_CHARS = re.compile(r"[\x00-\x1f\x7f\\]")


class PreviewRefused(Exception):
    """What was given cannot be published as a preview; the message (French) says why."""


@dataclass(frozen=True)
class Published:
    folder: Path
    files: int


def pr_number(text: object) -> int:
    """The pull request's number, from a value a fork may have written: digits only (`12`), else refused."""
    if isinstance(text, bool) or not isinstance(text, (str, int)) or not _NUMBER.fullmatch(str(text)):
        raise PreviewRefused(say("preview.bad_number", number=str(text)[:40]))
    return int(text)


def read_pr_number(file: Path) -> int:
    """The number in the pull request's small JSON file (`{"number": 12}`)."""
    try:
        with file.open("rb") as stream:
            raw = stream.read(1025)
        if len(raw) > 1024:
            raise ValueError("fichier de plus de 1 Ko")
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or "number" not in data:
            raise ValueError("clé « number » absente")
    except (OSError, ValueError) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise PreviewRefused(say("preview.bad_number_file", file=file.name, why=str(exc)[:120])) from None
    return pr_number(data["number"])


def site_problems(sites: Path, *, max_mb: int = MAX_MB, max_files: int = MAX_FILES) -> list[str]:
    """Every reason (French) why the folder of built sites cannot be published as a preview; [] when it can."""
    try:
        top = sorted(os.scandir(sites), key=lambda entry: entry.name) if sites.is_dir() and not sites.is_symlink() \
            else []
    except OSError:
        top = []
    if not top:
        return [say("preview.no_sites", folder=sites)]
    problems: list[str] = []
    size = files = 0
    for root, folders, names in os.walk(sites, followlinks=False):
        here = Path(root)
        for name in sorted(folders) + sorted(names):
            path = here / name
            shown = path.relative_to(sites).as_posix()
            mode = os.lstat(path).st_mode
            if stat.S_ISLNK(mode):
                problems.append(say("preview.symlink", path=shown))
            elif not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
                problems.append(say("preview.special", path=shown))
            elif name.startswith("."):
                problems.append(say("preview.hidden", path=shown))
            elif _BAD_CHARS.search(name):
                problems.append(say("preview.bad_name", path=shown.encode("unicode_escape").decode("ascii")))
            elif stat.S_ISREG(mode):
                if here == sites and name != INDEX:
                    problems.append(say("preview.top_file", path=shown))
                files += 1
                size += os.lstat(path).st_size
        folders[:] = [f for f in folders if stat.S_ISDIR(os.lstat(here / f).st_mode)]  # never walk into a link
    if size > max_mb * 1_000_000:
        problems.append(say("preview.too_big", size=-(-size // 1_000_000), limit=max_mb))
    if files > max_files:
        problems.append(say("preview.too_many", files=files, limit=max_files))
    return problems


def publish(sites: Path, number: object, previews: Path, *, max_mb: int = MAX_MB,
            max_files: int = MAX_FILES) -> Published:
    """Replace `pr-<number>/` of the previews checkout with the built sites, then write its index."""
    number = pr_number(number)
    _checkout(previews)
    problems = site_problems(sites, max_mb=max_mb, max_files=max_files)
    if problems:
        raise PreviewRefused(say("preview.refused", problems="\n".join(f"  {p}" for p in problems)))
    target = previews / f"{PREFIX}{number}"
    incoming = previews / f".{PREFIX}{number}.incoming"  # hidden until complete: never a half-copied preview
    _remove(incoming)
    shutil.copytree(sites, incoming, symlinks=True)
    _remove(target)
    incoming.rename(target)
    write_index(previews)
    return Published(target, sum(len(names) for _, _, names in os.walk(target)))


def remove(number: object, previews: Path) -> bool:
    """Remove `pr-<number>/` from the previews checkout and write its index; False when it was not there."""
    number = pr_number(number)
    _checkout(previews)
    target = previews / f"{PREFIX}{number}"
    there = target.exists() or target.is_symlink()
    _remove(target)
    write_index(previews)
    return there


def open_previews(previews: Path) -> list[int]:
    """The numbers of the pull requests that have a preview in the checkout, in order."""
    return sorted(int(m[1]) for p in previews.iterdir()
                  if (m := _PREVIEW.fullmatch(p.name)) and p.is_dir() and not p.is_symlink())


def index_page(numbers: list[int]) -> str:
    """The previews repository's home page: a link to each open pull request's preview."""
    items = "\n".join(f'<li><a href="{PREFIX}{n}/">{html.escape(say("preview.index_item", number=n))}</a></li>'
                      for n in numbers)
    body = f"<ul>\n{items}\n</ul>" if numbers else f"<p>{html.escape(say('preview.index_empty'))}</p>"
    title = html.escape(say("preview.index_title"))
    return (
        '<!doctype html>\n<html lang="fr"><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">"
        '<meta name="robots" content="noindex">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title></head>\n<body><main><h1>{title}</h1>"
        f"<p>{html.escape(say('preview.index_intro'))}</p>\n{body}</main></body></html>\n"
    )


def write_index(previews: Path) -> None:
    """The index of open previews, and `.nojekyll` (GitHub Pages would otherwise drop `_`-prefixed files)."""
    (previews / INDEX).write_text(index_page(open_previews(previews)), encoding="utf-8")
    (previews / ".nojekyll").write_bytes(b"")


def _checkout(previews: Path) -> None:
    if not (previews / ".git").exists():
        raise PreviewRefused(say("preview.not_a_checkout", folder=previews))


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.preview_publish",
                                     description="Aperçu d'une demande de fusion dans le dépôt des aperçus.")
    commands = parser.add_subparsers(dest="command", required=True)
    number = commands.add_parser("number", help="Écrire le numéro lu dans le fichier JSON de l'artefact.")
    number.add_argument("file", type=Path)
    put = commands.add_parser("publish", help="Remplacer pr-<n>/ par les sites construits.")
    put.add_argument("--pr", required=True, help="Numéro de la demande de fusion.")
    put.add_argument("--sites", required=True, type=Path, help="Dossier des sites construits (artefact « sites »).")
    put.add_argument("--previews", required=True, type=Path, help="Copie git du dépôt des aperçus.")
    put.add_argument("--max-mo", dest="max_mb", type=int, default=MAX_MB, help="Taille maximale d'un aperçu, en Mo.")
    drop = commands.add_parser("remove", help="Retirer pr-<n>/ (demande fermée).")
    drop.add_argument("--pr", required=True, help="Numéro de la demande de fusion.")
    drop.add_argument("--previews", required=True, type=Path, help="Copie git du dépôt des aperçus.")
    args = parser.parse_args(argv)
    try:
        if args.command == "number":
            print(read_pr_number(args.file))
        elif args.command == "publish":
            done = publish(args.sites, args.pr, args.previews, max_mb=args.max_mb)
            print(say("preview.published", number=int(args.pr), folder=done.folder, files=done.files))
        else:
            key = "preview.removed" if remove(args.pr, args.previews) else "preview.nothing_to_remove"
            print(say(key, number=int(args.pr), folder=args.previews))
    except PreviewRefused as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover - the workflow's entry point
    sys.exit(main())
