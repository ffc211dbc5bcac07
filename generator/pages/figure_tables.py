"""The pro figures' tables as CSV files, cell for cell the figures the pages show (outputs/tables_csv.py
says how they are written for a French spreadsheet). Published next to their page; the page links them."""

from __future__ import annotations

from decimal import Decimal
from typing import Sequence

from ..i18n import text as _
from ..models.library import Library
from ..outputs.tables_csv import csv_table
from ..view.figures import CENT, PROFILE_FIGURES, Funding, MemberTown

TOWNS_CSV = "reseau/communes.csv"
FUNDERS_CSV = "reseau/financeurs.csv"
PROFILES_CSV = "bibliotheques/fiches.csv"


def _csv(header: Sequence[str], rows) -> bytes:
    return csv_table(header, rows, yes=_("figures.csv.yes"), no=_("figures.csv.no"))


def cents(amount: Decimal | None) -> Decimal | None:
    """Every amount of a money column with its cents (`92000` declared reads `92000,00`, like the page)."""
    return None if amount is None else amount.quantize(CENT)


def _euros(key: str) -> str:
    return _("figures.csv.euros", label=_(key))


def towns_csv(towns: Sequence[MemberTown], with_fee: bool) -> bytes:
    header = [_("pro.table.town"), _("network.table.insee"), _("pro.table.population"), _("pro.table.joined"),
              _("network.table.libraries")] + ([_euros("pro.table.fee")] if with_fee else [])
    return _csv(header, ([t.name, t.insee, t.population, t.joined, ", ".join(lib.name for lib in t.libraries)]
                         + ([cents(t.fee)] if with_fee else []) for t in towns))


def funders_csv(money: Funding) -> bytes:
    header = [_("network.table.funder"), _("figures.csv.percent", label=_("network.table.share")),
              _euros("figures.funding.from_share"), _euros("figures.funding.declared"),
              _euros("figures.funding.difference")]
    return _csv(header, ([f.name, f.share, cents(f.from_share), cents(f.amount), cents(f.difference)]
                         for f in money.funders))


def profiles_csv(libraries: Sequence[Library]) -> bytes:
    """Every figure of the profiles (the page's table shows the main ones, its summary all)."""
    figures = PROFILE_FIGURES
    header = [_("pro.table.library"), _("pro.table.town"), _("pro.table.local_network")] + [
        _(f"figures.profile.{figure.key}") for figure in figures] + [
        _("figures.profile.wifi"), _("pro.table.ils"), _("pro.table.portal")]

    def row(lib: Library) -> list:
        p = lib.profile
        return [lib.name, lib.town, lib.local_network] + [figure.of(lib) for figure in figures] + [
            p.equipment.wifi if p and p.equipment else None,
            p.ils.product if p and p.ils else None, p.portal.product if p and p.portal else None]
    return _csv(header, (row(lib) for lib in libraries))
