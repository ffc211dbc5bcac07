"""The `bibnum` command line: check, build, serve."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from .build import build as build_sites, load_graph
from .clock import build_now
from .errors import BibnumError, ProjectInvalid
from .load.project import find_project

PROJECT = click.argument("project", type=click.Path(file_okay=False, path_type=Path), default=".", required=False)
TODAY = click.option(
    "--today", metavar="DATETIME",
    help="The build's 'now' (ISO date or date-time, Paris time); default: SOURCE_DATE_EPOCH, else the clock.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="bibnum")
def main() -> None:
    """Build the portals of a cooperative network of public libraries."""


@main.command()
@PROJECT
def check(project: Path) -> None:
    """Load and validate every data and content file; list every error as FILE:LINE:COL: message."""
    with _errors():
        graph = load_graph(project)
        click.echo(
            f"OK: {len(graph.sites)} sites, {len(graph.resources)} resources, {len(graph.libraries)} libraries, "
            f"{len(graph.events)} events, {len(graph.posts)} posts, {len(graph.pages)} pages"
        )


@main.command()
@PROJECT
@click.option("--site", "sites", multiple=True, metavar="ID", help="Build only this site (repeatable).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Output folder (default: PROJECT/site).")
@click.option("--strict", is_flag=True, help="Fail when a post-build check (links...) finds a problem.")
@TODAY
def build(project: Path, sites: tuple[str, ...], out: Path | None, strict: bool, today: str | None) -> None:
    """Validate, then build every site (or the named ones) into OUT/<site-id>/."""
    with _errors():
        started = time.perf_counter()
        result = build_sites(project, sites=list(sites), out=out, now=build_now(today), strict=strict,
                             log=click.echo)
        pages = ", ".join(f"{s.site}: {s.pages} pages" for s in result.sites)
        click.echo(f"done in {time.perf_counter() - started:.1f} s ({pages})")


@main.command()
@PROJECT
@click.option("--site", "sites", multiple=True, metavar="ID", help="Preview only this site (repeatable).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@TODAY
def serve(project: Path, sites: tuple[str, ...], host: str, port: int, today: str | None) -> None:
    """Build and serve the sites for preview; an edit shows after a reload, no restart needed."""
    from .serve import serve as run_server

    with _errors():
        run_server(find_project(project), sites=list(sites), host=host, port=port, today=today)


class _errors:
    """Turn our exceptions into clean messages and exit codes (no traceback for an editor's mistake)."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, exc, tb) -> bool:
        if exc is None or not isinstance(exc, BibnumError):
            return False
        if isinstance(exc, ProjectInvalid):
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            click.echo(f"{len(exc.problems)} error(s): nothing was built or published.", err=True)
        else:
            click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)


if __name__ == "__main__":  # pragma: no cover
    main()
