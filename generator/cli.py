"""The `bibnum` command line: check, build, serve, harvest."""

from __future__ import annotations

import difflib
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import click

from .build import build as build_sites, load_graph
from .clock import build_now
from .errors import BibnumError, ProjectInvalid, visible
from .linkcheck import LinksBroken, check_built_site
from .linkcheck.report import FORMATS, external_summary, format_problem
from .load.project import find_project
from .messages import count, listed, say
from .models.site import ENGINE_NAMES

PROJECT = click.argument("project", type=click.Path(file_okay=False, path_type=Path), default=".", required=False)
TODAY = click.option(
    "--today", metavar="DATETIME",
    help="The build's 'now' (ISO date or date-time, Paris time); default: SOURCE_DATE_EPOCH, else the clock.",
)


def _base_url(ctx, param, value: str | None) -> str | None:
    """`--base-url`: an absolute http(s) address; a missing final `/` is added (sites go at URL<site-id>/)."""
    if value is None:
        return None
    address = urlsplit(value)
    if address.scheme not in ("https", "http") or not address.hostname or address.query or address.fragment \
            or any(c.isspace() or ord(c) < 32 for c in value):
        raise _FrenchUsage(say("preview.bad_base_url", url=value))
    return value if value.endswith("/") else value + "/"


BASE_URL = click.option(
    "--base-url", metavar="URL", callback=_base_url,
    help="Publier chaque site à URL<site>/ au lieu de son adresse de data/sites.yml (aperçu d'une demande de "
         "fusion, par ex. https://compte.github.io/reseau-previews/pr-12/) ; toutes les adresses écrites le disent.",
)
ENGINE = click.option(
    "--engine", type=click.Choice(ENGINE_NAMES),
    help="Render with this engine instead of the one data/sites.yml names (`engine:`).",
)


def entry() -> None:
    """The `bibnum` command: `main`, then an exit that skips freeing every object one by one.

    A large network's graph is millions of objects; the interpreter's teardown frees them
    all, about a second for nothing once the command is done (its files are closed, its
    worker processes joined). Tests call `main` and keep the usual exit.
    """
    code = 0
    try:
        main()  # standalone mode: ends with SystemExit
    except SystemExit as done:
        code = done.code
    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)


class _FrenchUsage(click.ClickException):
    """A command line click refused, told in French (click's own texts are English)."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(visible(say("cli.error", message=self.message)), err=True)


class _Group(click.Group):
    """A group whose usage errors (unknown option or command, missing or refused value) are French."""

    def make_context(self, info_name, args, parent=None, **extra):
        with _french_usage():
            return super().make_context(info_name, args, parent=parent, **extra)

    def invoke(self, ctx):
        with _french_usage():
            return super().invoke(ctx)

    def resolve_command(self, ctx, args):
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            known = self.list_commands(ctx)
            close = difflib.get_close_matches(name, known, n=1)
            raise _FrenchUsage(say("cli.no_such_command", name=name, command=ctx.command_path, known=listed(known),
                                   close=say("ref.close", close=close[0]) if close else ""))
        return super().resolve_command(ctx, args)


class _french_usage:
    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, exc, tb) -> bool:
        if isinstance(exc, click.UsageError) and not isinstance(exc, _FrenchUsage):
            raise _FrenchUsage(_usage_message(exc)) from None
        return False


def _usage_message(exc: click.UsageError) -> str:
    command = exc.ctx.command_path if exc.ctx is not None else "bibnum"
    param = getattr(exc, "param", None)
    if isinstance(exc, click.NoSuchOption):
        close = difflib.get_close_matches(exc.option_name, exc.possibilities or [], n=1)
        what = say("cli.no_such_option", option=exc.option_name,
                   close=say("ref.close", close=close[0]) if close else "")
    elif isinstance(exc, click.BadOptionUsage):
        what = say("cli.option_needs_value", option=exc.option_name)
    elif isinstance(exc, click.MissingParameter) and param is not None:
        what = say(f"cli.missing_{'option' if param.param_type_name == 'option' else 'argument'}",
                   name=_param_name(param))
    elif isinstance(exc, click.BadParameter) and param is not None:
        what = say("cli.bad_value", name=_param_name(param), expected=_expected(param.type))
    else:
        what = say("cli.bad_usage")
    return say("cli.usage", what=what, command=command)


def _param_name(param: click.Parameter) -> str:
    return param.opts[0] if param.param_type_name == "option" and param.opts else (param.human_readable_name or "")


def _expected(kind: click.ParamType) -> str:
    if isinstance(kind, click.Choice):
        return say("cli.expected_choice", choices=listed(kind.choices))
    if isinstance(kind, click.types.IntParamType):
        return say("cli.expected_int")
    if isinstance(kind, click.types.FloatParamType):
        return say("cli.expected_number")
    return say("cli.expected_path") if isinstance(kind, click.Path) else say("cli.expected_other")


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="bibnum")
def main() -> None:
    """Build the portals of a cooperative network of public libraries."""


@main.command()
@PROJECT
@click.option("--links", is_flag=True, help="Also check every link, anchor and asset of the sites built in OUT.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="Where the sites were built, for --links (default: PROJECT/site).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="'github' prints errors as GitHub Actions annotations (::error file=…,line=…::).")
@BASE_URL
def check(project: Path, links: bool, out: Path | None, fmt: str, base_url: str | None) -> None:
    """Load and validate every data and content file; list every error as FILE:LINE:COL: message."""
    with _errors(fmt):
        graph = load_graph(project)
        if base_url is not None:  # the sites were built with the same --base-url: links are checked against it
            graph = graph.at_base_url(base_url)
        click.echo(say(
            "cli.ok", sites=count(len(graph.sites), "count.site"),
            resources=count(len(graph.resources), "count.resource"),
            libraries=count(len(graph.libraries), "count.library"), events=count(len(graph.events), "count.event"),
            posts=count(len(graph.posts), "count.post"), pages=count(len(graph.pages), "count.page"),
        ))
        _say_stale_schemas(graph)
        if links:
            _check_links(graph, out or graph.root / "site", fmt)


def _say_stale_schemas(graph) -> None:
    """A note (not an error) when the editor's schemas/ no longer match the taxonomy or the sites."""
    from .data_schemas import project_choices
    from .schemas_command import stale_schemas

    stale = stale_schemas(graph.root, project_choices(graph.taxonomy, graph.sites))
    if stale:
        click.echo(say("schemas.stale", files=listed(stale)))


def _check_links(graph, out: Path, fmt: str) -> None:
    """Check the built sites in OUT; every broken link at once, external links listed (never fetched)."""
    problems, external = [], {}
    for site in graph.sites:
        folder = out / site.id
        if not folder.is_dir():
            raise BibnumError(say("cli.not_built", folder=folder, site=site.id))
        label = os.path.relpath(folder) if not os.path.relpath(folder).startswith("..") else str(folder)
        result = check_built_site(graph, site, folder, label)
        problems += result.problems
        external.update({url: [f"{label}/{p}" for p in pages] for url, pages in result.report.external.items()})
        click.echo(say("cli.links_checked", site=site.id, pages=count(result.report.pages, "count.page"),
                       links=count(result.report.links, "count.link"),
                       problems=count(len(result.problems), "count.problem")))
    for line in external_summary(dict(sorted(external.items())), fmt):
        click.echo(line)
    if problems:
        raise LinksBroken(problems)


@main.command()
@PROJECT
@click.option("--site", "sites", multiple=True, metavar="ID", help="Build only this site (repeatable).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Output folder (default: PROJECT/site).")
@click.option("--strict", is_flag=True, help="Fail when a post-build check (links...) finds a problem.")
@click.option("--clean", is_flag=True,
              help="Render every page again (default: only what changed since the last build of this folder).")
@BASE_URL
@ENGINE
@TODAY
def build(project: Path, sites: tuple[str, ...], out: Path | None, strict: bool, clean: bool,
          base_url: str | None, engine: str | None, today: str | None) -> None:
    """Validate, then build every site (or the named ones) into OUT/<site-id>/."""
    with _errors():
        started = time.perf_counter()
        result = build_sites(project, sites=list(sites), out=out, now=build_now(today), strict=strict,
                             base_url=base_url, incremental=not clean, engine=engine, log=click.echo)
        pages = ", ".join(say("cli.site_pages", site=s.site, pages=count(s.pages, "count.page")) for s in result.sites)
        click.echo(say("cli.built", seconds=f"{time.perf_counter() - started:.1f}".replace(".", ","), pages=pages))


@main.command()
@PROJECT
@click.option("--source", "only", multiple=True, metavar="ID", help="Harvest only this source, due or not (repeatable).")
@click.option("--force", is_flag=True, help="Harvest every source, even those not due yet.")
@click.option("--accept-drop", is_flag=True, help="Accept a result that lost more than half of its entries.")
@click.option("--strict", is_flag=True, help="Exit with status 1 when a source failed (its last good data is kept).")
@TODAY
def harvest(project: Path, only: tuple[str, ...], force: bool, accept_drop: bool, strict: bool,
            today: str | None) -> None:
    """Harvest data/sources.yml (feeds of titles, agendas) into data/harvest/; print a report."""
    from .harvest_command import harvest as run_harvest

    with _errors():
        # The OpenAgenda key is read from the environment only, never from a file of the project.
        report = run_harvest(project, now=build_now(today), only=list(only), force=force, accept_drop=accept_drop,
                             openagenda_key=os.environ.get("OPENAGENDA_KEY"))
        click.echo(report.table())
        if strict and report.failures:
            sys.exit(1)


@main.command()
@PROJECT
@click.option("--site", "sites", multiple=True, metavar="ID", help="Preview only this site (repeatable).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@ENGINE
@TODAY
def serve(project: Path, sites: tuple[str, ...], host: str, port: int, engine: str | None,
          today: str | None) -> None:
    """Build and serve the sites for preview; an open page reloads itself after an edit and shows the errors."""
    from .serve import serve as run_server

    with _errors():
        run_server(find_project(project), sites=list(sites), host=host, port=port, today=today, engine=engine)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", help="Nom du réseau, par ex. « Réseau des médiathèques de la Vallée ».")
@click.option("--portal-name", help="Nom du portail public (par défaut : celui du réseau).")
@click.option("--url", help="Adresse où les sites seront publiés, par ex. https://compte.github.io/depot/ "
                            "(le portail sous portail/, l'espace pro sous pro/).")
def new(directory: Path, name: str | None, portal_name: str | None, url: str | None) -> None:
    """Create a small, working network project in DIRECTORY (which must be new or empty)."""
    from datetime import date

    from .scaffold import NetworkChoices, choice_problems, scaffold_files, write_scaffold

    defaults = NetworkChoices()
    if _at_a_terminal():  # questions only for a person at a terminal; CI and scripts use the options
        name = name or click.prompt(say("new.ask_name"), default=defaults.name)
        portal_name = portal_name or click.prompt(say("new.ask_portal"), default=name)
        url = url or click.prompt(say("new.ask_url"), default=defaults.url)
    choices = NetworkChoices(name or defaults.name, portal_name, url or defaults.url)
    with _errors():
        wrong = choice_problems(choices)
        if wrong:
            raise BibnumError(say("new.separator").join(wrong))
        write_scaffold(directory, scaffold_files(choices, date.today()))
        click.echo(say("new.done", name=choices.name, folder=directory))


@main.command()
@PROJECT
def schemas(project: Path) -> None:
    """Écrit les schémas JSON des fichiers de data/ (schemas/) et .vscode/settings.json, pour que VS Code
    et github.dev complètent les clés et signalent les erreurs pendant la saisie."""
    from .schemas_command import write_editor_files

    with _errors():
        for line in write_editor_files(project):
            click.echo(line)


def _at_a_terminal() -> bool:
    return sys.stdin.isatty()


@main.group(cls=_Group)
def search() -> None:
    """Site search: push the search records to Algolia (for sites that configure it)."""


@search.command("push")
@PROJECT
@click.option("--site", "sites", multiple=True, metavar="ID", help="Push only this site (repeatable).")
@click.option("--host", "hosts", multiple=True, hidden=True,
              help="Algolia API host instead of Algolia's own, e.g. http://127.0.0.1:8123 (tests, proxies).")
@TODAY
def search_push(project: Path, sites: tuple[str, ...], hosts: tuple[str, ...], today: str | None) -> None:
    """Push each site's search records and settings to its Algolia index (temporary index, then move).

    The admin API key is read from the environment variable ALGOLIA_ADMIN_KEY, never from a file.
    """
    from .search.push import push_sites

    with _errors():
        push_sites(load_graph(project), list(sites), build_now(today), os.environ.get("ALGOLIA_ADMIN_KEY", ""),
                   hosts=hosts, log=click.echo)


@main.group(cls=_Group)
def usage() -> None:
    """Statistiques d'usage des ressources : importer les rapports des fournisseurs dans data/usage/."""


@usage.command("import")
@click.argument("paths", nargs=-1, metavar="[PROJECT] FILES…", type=click.Path(path_type=Path))
@click.option("--note", metavar="TEXTE",
              help="Remarque écrite en commentaire en tête des fichiers écrits (gardée aux imports suivants).")
def usage_import(paths: tuple[Path, ...], note: str | None) -> None:
    """Importe les rapports d'usage FILES… dans PROJECT/data/usage/<ressource>.yml.

    Lit les rapports COUNTER 5 et 5.1 (PR, PR_P1, DR, DR_D1, TR_B1, TR_J1) en JSON, tels que les
    renvoie l'API COUNTER, ou en tableau (TSV ou CSV avec leur en-tête), et les CSV mensuels simples
    (colonnes resource;month;sessions;…). Chaque rapport est rattaché à une ressource par la
    plateforme ou la base déclarée sous « usage: » dans son fichier. Un fichier en erreur et rien
    n'est écrit ; réimporter un rapport ne change rien ; un rapport plus récent remplace les mois
    qu'il couvre, et le dit.
    """
    from .usage_command import UsageReportsInvalid, import_usage

    # The project is optional before the files: a folder first is the project, else the current folder.
    project, files = (paths[0], paths[1:]) if paths and paths[0].is_dir() else (Path("."), paths)
    with _errors():
        try:
            import_usage(project, list(files), note=note, log=click.echo)
        except ProjectInvalid as exc:  # the reports' problems, or the project's own: nothing written
            for problem in exc.problems:
                click.echo(format_problem(problem, "text"), err=True)
            click.echo(say("usage.nothing_written", errors=count(len(exc.problems), "count.error"))
                       if isinstance(exc, UsageReportsInvalid) else say("usage.invalid_project"), err=True)
            sys.exit(exc.exit_code)


class _errors:
    """Turn our exceptions into clean messages and exit codes (no traceback for an editor's mistake)."""

    def __init__(self, fmt: str = "text") -> None:
        self.fmt = fmt  # 'github': problems as GitHub Actions annotations

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, exc, tb) -> bool:
        if exc is None or not isinstance(exc, BibnumError):
            return False
        if isinstance(exc, ProjectInvalid):
            for problem in exc.problems:
                click.echo(format_problem(problem, self.fmt), err=True)
            click.echo(say("cli.invalid", errors=count(len(exc.problems), "count.error")), err=True)
        elif isinstance(exc, LinksBroken):
            for problem in exc.problems:
                click.echo(format_problem(problem, self.fmt), err=True)
            click.echo(say("cli.links_broken", links=count(len(exc.problems), "count.broken_link")), err=True)
        else:
            click.echo(visible(say("cli.error", message=exc)), err=True)
        sys.exit(exc.exit_code)


if __name__ == "__main__":  # pragma: no cover
    main()
