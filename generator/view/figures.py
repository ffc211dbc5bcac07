"""The network's figures from its declared facts: member towns (each counted once), fees, totals.

Pure functions of the validated models. A town's population is the figure the network
declares in `network.towns`, else the one its library files give; a town with several
libraries counts once in every total.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Callable, Iterable

from ..i18n import sort_key
from ..models.library import Library
from ..models.network_facts import Town, town_key
from ..models.site import Network

CENT = Decimal("0.01")


@dataclass(frozen=True)
class MemberTown:
    """One member town, as the figures page shows it."""

    name: str
    population: int
    insee: str | None
    joined: int | None
    libraries: tuple[Library, ...]
    fee: Decimal | None  # None when the network asks no fee


def charges_fee(network: Network) -> bool:
    """Absent or 0: the network asks no fee, and no fee is shown anywhere."""
    return bool(network.fee_per_inhabitant)


def fee_for(network: Network, population: int) -> Decimal | None:
    if not charges_fee(network):
        return None
    return (Decimal(population) * network.fee_per_inhabitant).quantize(CENT, rounding=ROUND_HALF_UP)


def declared_towns(network: Network) -> dict[str, Town]:
    return {town_key(town.name): town for town in network.towns}


def library_population(network: Network, library: Library, towns: dict[str, Town] | None = None) -> int:
    """The population of the library's town: the network's declared figure first."""
    town = (declared_towns(network) if towns is None else towns).get(town_key(library.town))
    return town.population if town is not None else (library.population or 0)


def member_towns(network: Network, libraries: Iterable[Library]) -> list[MemberTown]:
    """Every member town once: the declared ones (with or without a library file), then the towns
    only library files name; in French alphabetical order."""
    towns = declared_towns(network)
    by_town: dict[str, list[Library]] = {}
    names: dict[str, str] = {key: town.name for key, town in towns.items()}
    for lib in libraries:
        key = town_key(lib.town)
        by_town.setdefault(key, []).append(lib)
        names.setdefault(key, lib.town)
    members = []
    for key, name in names.items():
        libs = tuple(sorted(by_town.get(key, ()), key=lambda lib: sort_key(lib.name)))
        town = towns.get(key)
        population = town.population if town is not None else max((lib.population or 0) for lib in libs)
        joined = town.joined if town is not None and town.joined else min((lib.joined for lib in libs), default=None)
        members.append(MemberTown(name, population, town.insee if town else None, joined, libs,
                                  fee_for(network, population)))
    return sorted(members, key=lambda t: sort_key(t.name))


def total_population(towns: Iterable[MemberTown]) -> int:
    return sum(town.population for town in towns)


def total_fees(towns: Iterable[MemberTown]) -> Decimal | None:
    fees = [town.fee for town in towns if town.fee is not None]
    return sum(fees, Decimal(0)) if fees else None


@dataclass(frozen=True)
class ProfileTotals:
    """Sums of the libraries' profiles; a figure no library gives stays None (unknown, not 0)."""

    surface_m2: int | None
    fte: Decimal | None
    volunteers: int | None
    readers: int | None
    documents: int | None
    public_computers: int | None
    population: int  # each town once


def _sum(values: Iterable[int | Decimal | None]):
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def readers_of(library: Library) -> int | None:
    readers = library.profile.readers if library.profile else None
    return None if readers is None else _sum((readers.adults, readers.youth))


def documents_of(library: Library) -> int | None:
    col = library.profile.collections if library.profile else None
    return None if col is None else _sum((col.books, col.dvd, col.cd, col.periodicals, col.games))


def profile_totals(network: Network, libraries: list[Library]) -> ProfileTotals:
    profiles = [lib.profile for lib in libraries if lib.profile is not None]
    staff = [p.staff for p in profiles if p.staff is not None]
    equipment = [p.equipment for p in profiles if p.equipment is not None]
    return ProfileTotals(
        surface_m2=_sum(p.surface_m2 for p in profiles),
        fte=_sum(s.fte for s in staff),
        volunteers=_sum(s.volunteers for s in staff),
        readers=_sum(readers_of(lib) for lib in libraries),
        documents=_sum(documents_of(lib) for lib in libraries),
        public_computers=_sum(e.public_computers for e in equipment),
        population=total_population(
            t for t in member_towns(network, libraries) if t.libraries),
    )


# --- Money: the funders' shares of the budget ---------------------------------------------


@dataclass(frozen=True)
class FunderFigures:
    """A funder's row: its share applied to the budget beside the amount it declares."""

    name: str
    share: Decimal | None  # percent
    from_share: Decimal | None  # share × budget, to the cent; None without a share or a budget
    amount: Decimal | None  # the declared yearly amount

    @property
    def difference(self) -> Decimal | None:
        """Declared amount − share of the budget, when both are known (0: they agree)."""
        if self.amount is None or self.from_share is None:
            return None
        return self.amount - self.from_share


@dataclass(frozen=True)
class Funding:
    budget: Decimal | None
    funders: tuple[FunderFigures, ...]

    @property
    def share_total(self) -> Decimal | None:
        return _sum(f.share for f in self.funders)

    @property
    def from_share_total(self) -> Decimal | None:
        """The sum of the rounded rows (what the table shows): it may miss the budget by a cent or two."""
        return _sum(f.from_share for f in self.funders)

    @property
    def amount_total(self) -> Decimal | None:
        return _sum(f.amount for f in self.funders)

    @property
    def differing(self) -> tuple[FunderFigures, ...]:
        return tuple(f for f in self.funders if f.difference)


def share_of(budget: Decimal | None, share: Decimal | None) -> Decimal | None:
    if budget is None or share is None:
        return None
    return (budget * share / 100).quantize(CENT, rounding=ROUND_HALF_UP)


def funding(network: Network) -> Funding:
    return Funding(network.budget, tuple(
        FunderFigures(f.name, f.share, share_of(network.budget, f.share), f.amount) for f in network.funders))


# --- The libraries' profiles: totals and medians --------------------------------------------


def median(values: Iterable[int | Decimal | None]) -> Decimal | None:
    """The middle of the known values (the mean of the two middle ones for an even count); None if none."""
    known = sorted(Decimal(v) for v in values if v is not None)
    if not known:
        return None
    middle = len(known) // 2
    return known[middle] if len(known) % 2 else (known[middle - 1] + known[middle]) / 2


def staff_of(library: Library) -> int | None:
    """Agents of categories A, B and C (persons; FTE and volunteers are their own figures)."""
    staff = library.profile.staff if library.profile else None
    return None if staff is None else _sum((staff.category_a, staff.category_b, staff.category_c))


def _profile_value(path: tuple[str, ...]) -> Callable[[Library], int | Decimal | None]:
    def get(library: Library) -> int | Decimal | None:
        value = library.profile
        for name in path:
            value = getattr(value, name, None) if value is not None else None
        return value
    return get


@dataclass(frozen=True)
class ProfileFigure:
    """One figure of the profiles: how to read it off a library, and its label's key."""

    key: str  # names its interface string `figures.profile.<key>` and its CSV column
    of: Callable[[Library], int | Decimal | None]


PROFILE_FIGURES: tuple[ProfileFigure, ...] = (
    ProfileFigure("surface", _profile_value(("surface_m2",))),
    ProfileFigure("staff", staff_of),
    ProfileFigure("fte", _profile_value(("staff", "fte"))),
    ProfileFigure("volunteers", _profile_value(("staff", "volunteers"))),
    ProfileFigure("readers", readers_of),
    ProfileFigure("documents", documents_of),
    ProfileFigure("hours", _profile_value(("weekly_hours",))),
    ProfileFigure("computers", _profile_value(("equipment", "public_computers"))),
    ProfileFigure("e_readers", _profile_value(("equipment", "e_readers"))),
    ProfileFigure("tablets", _profile_value(("equipment", "tablets"))),
)
FIGURE_BY_KEY = {figure.key: figure for figure in PROFILE_FIGURES}


@dataclass(frozen=True)
class FigureSummary:
    """A figure over the libraries that give it: how many do, their total and their median."""

    key: str
    known: int
    total: int | Decimal | None
    median: Decimal | None


def profile_summaries(libraries: Iterable[Library]) -> tuple[FigureSummary, ...]:
    libraries = list(libraries)
    summaries = []
    for figure in PROFILE_FIGURES:
        values = [v for v in (figure.of(lib) for lib in libraries) if v is not None]
        summaries.append(FigureSummary(figure.key, len(values), _sum(values), median(values)))
    return tuple(summaries)


def wifi_count(libraries: Iterable[Library]) -> tuple[int, int]:
    """(libraries with public Wi-Fi, libraries that answered the question)."""
    answers = [lib.profile.equipment.wifi for lib in libraries
               if lib.profile and lib.profile.equipment and lib.profile.equipment.wifi is not None]
    return sum(answers), len(answers)


@dataclass(frozen=True)
class ChartBar:
    label: str
    value: int | Decimal


def figure_bars(libraries: Iterable[Library], key: str) -> tuple[ChartBar, ...]:
    """The libraries that give figure KEY, largest first (equal values by name): a chart's bars."""
    figure = FIGURE_BY_KEY[key]
    known = [(lib.name, figure.of(lib)) for lib in libraries]
    return tuple(ChartBar(name, value) for name, value in
                 sorted(((n, v) for n, v in known if v is not None), key=lambda nv: (-nv[1], sort_key(nv[0]))))
