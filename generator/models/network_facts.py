"""The network's declared facts in data/sites.yml: member towns, funders, dated milestones."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal
from functools import lru_cache
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints

from .base import NAME_MAX, Invalid, Model, PlainText, shown
from .quantities import Money, Year

MILESTONE_KINDS = ("deliberation", "convention", "label", "autre")


def town_key(name: str) -> str:
    """Towns are matched by name, whatever the case and spacing an editor typed."""
    return " ".join(name.split()).casefold()


# Letters Unicode does not decompose into a base letter and an accent.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})


@lru_cache(maxsize=65536)  # pure; asked for each event and library of every agenda page
def town_slug(name: str) -> str:
    """A town's name as a web address: 'Œuilly' -> 'oeuilly', « L’Aigle » -> 'l-aigle'.

    Two towns whose slugs match would share their agenda page: the check refuses that
    (network.towns here, libraries' towns in references/towns.py).
    """
    folded = unicodedata.normalize("NFKD", name.casefold().translate(_LIGATURES))
    # Accents go; every other sign (’ ' - space parentheses) separates words.
    letters = "".join(char for char in folded if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9]+", "-", letters).strip("-") or "commune"


def _town_address(name: str) -> str:
    # The slug names a file of the build (its agenda page): bounded, whatever the name expands to.
    slug = town_slug(name)
    if len(slug) > NAME_MAX:
        raise Invalid("value.town_too_long", slug=shown(slug), length=len(slug), limit=NAME_MAX)
    return name


TownName = Annotated[PlainText, AfterValidator(_town_address)]
"""A town's name, written as readers know it; its agenda page's address comes from it."""


class Town(Model):
    """A member town, with the population the network declares for it."""

    name: TownName = Field(description="Nom de la commune, écrit comme dans le `town` des bibliothèques, "
                            "par ex. `Saint-Martin`. Son agenda a sa page, dont l'adresse vient du nom sans accents "
                            "ni ponctuation (`agenda/communes/saint-martin/`, 80 caractères au plus) : deux communes "
                            "ne peuvent pas s'écrire pareil à ces détails près.")
    population: int = Field(ge=1, le=20_000_000,
                            description="Population de la commune (chiffre déclaré, par ex. `12970`) : "
                            "comptée une seule fois, quel que soit le nombre de bibliothèques de la commune.")
    insee: Annotated[str, StringConstraints(pattern=r"^(?:\d{5}|2[AB]\d{3})$")] | None = Field(
        None, description="Code officiel géographique (INSEE) de la commune, 5 caractères, par ex. `14047`.")
    joined: Year | None = Field(None, description="Année d'adhésion de la commune au réseau, par ex. `2016`.")


class Funder(Model):
    """Who pays for the network, and how much."""

    name: PlainText = Field(description="Nom du financeur, par ex. `Conseil départemental`.")
    share: Decimal | None = Field(None, gt=0, le=100, decimal_places=2,
                                  description="Part du financement, en pourcentage, par ex. `50` ; "
                                  "si des parts sont données, leur somme fait 100.")
    amount: Money | None = Field(None, description="Montant annuel versé, en euros, par ex. `60000`.")


class Milestone(Model):
    """A dated step of the network's history."""

    date: dt.date = Field(description="Date, par ex. `2019-03-14`.")
    title: PlainText = Field(max_length=200, description="Ce qui a eu lieu, en une phrase, par ex. "
                             "« Délibération de la communauté urbaine : financement à parts égales ».")
    kind: Literal[MILESTONE_KINDS] = Field(  # type: ignore[valid-type]
        "autre", description="Nature : `deliberation` (délibération), `convention`, `label` ou `autre`.")
    url: str | None = Field(None, description="Lien vers le document (https), par ex. la délibération publiée.")


def _unique_towns(towns: list[Town]) -> list[Town]:
    seen: dict[str, int] = {}
    addresses: dict[str, int] = {}
    for number, town in enumerate(towns, start=1):
        key, slug = town_key(town.name), town_slug(town.name)
        if key in seen:
            raise Invalid("network.town_twice", at=(number - 1, "name"), town=town.name, first=seen[key],
                          second=number)
        if slug in addresses:
            first = towns[addresses[slug] - 1].name
            raise Invalid("network.town_same_slug", at=(number - 1, "name"), town=town.name, other=first,
                          first=addresses[slug], second=number, slug=slug)
        seen[key], addresses[slug] = number, number
    return towns


def _shares_add_up(funders: list[Funder]) -> list[Funder]:
    shares = [f.share for f in funders if f.share is not None]
    if shares and sum(shares) != 100:
        listed = " + ".join(f"{share.normalize():f}" for share in shares)
        raise Invalid("network.shares", total=f"{sum(shares).normalize():f}", listed=listed)
    return funders


Towns = Annotated[list[Town], AfterValidator(_unique_towns)]
Funders = Annotated[list[Funder], AfterValidator(_shares_add_up)]
