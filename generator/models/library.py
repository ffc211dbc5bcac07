"""data/libraries/<id>.yml: one member library of the network."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, PositiveInt, StringConstraints

from .base import Email, Model, PlainText, Slug
from .library_profile import Profile
from .network_facts import TownName
from .login import LoginStrategy
from .site import FieldValue


class Address(Model):
    street: PlainText = Field(description="Numéro et rue.")
    postcode: Annotated[str, StringConstraints(pattern=r"^\d{5}$")] = Field(description="Code postal (5 chiffres).")
    city: PlainText = Field(description="Commune.")


class Geo(Model):
    lat: float = Field(ge=-90, le=90, description="Latitude.")
    lon: float = Field(ge=-180, le=180, description="Longitude.")


class Library(Model):
    """A member library: where it is, when it opens, how its readers log in."""

    id: Slug = Field(description="Identifiant : le nom du fichier, sans `.yml` (ne pas l'écrire).")
    name: PlainText = Field(description="Nom de la bibliothèque.")
    town: TownName = Field(description="Commune adhérente, écrite comme dans `network.towns` de `data/sites.yml` "
                           "(son adresse d'agenda, `agenda/communes/<nom sans accents>/`, a 80 caractères au plus).")
    population: int | None = Field(
        None, ge=1, le=20_000_000,
        description="Population de la commune ; inutile si la commune est déclarée dans `network.towns` "
        "(obligatoire sinon). Plusieurs bibliothèques d'une commune la comptent une seule fois.",
    )
    local_network: PlainText | None = Field(
        None, max_length=120, description="Réseau local de bibliothèques dont elle fait partie, par ex. "
        "`Réseau des bibliothèques de l'agglomération`."
    )
    address: Address
    geo: Geo | None = None
    phone: PlainText | None = Field(None, description="Téléphone.")
    email: Email | None = Field(None, description="Adresse électronique.")
    website: str | None = Field(None, description="Site web (https).")
    opening_hours: list[PlainText] = Field(default_factory=list, description="Horaires, une ligne par jour.")
    joined: PositiveInt = Field(ge=1900, le=2100, description="Année d'adhésion au réseau, par ex. `2016`.")
    sites: list[Slug] = Field(min_length=1, description="Portails publics qui présentent cette bibliothèque.")
    login: LoginStrategy | None = Field(
        None, description="Authentification propre à la bibliothèque (portail communal), sinon celle du site."
    )
    fields: dict[str, FieldValue] = Field(
        default_factory=dict, description="Codes de la bibliothèque chez les fournisseurs, par ex. `code_bib: BAY14`."
    )
    profile: Profile | None = Field(
        None, description="Fiche de la bibliothèque (surface, personnel, lecteurs, collections, équipements, "
        "tarifs, logiciels) : montrée sur l'espace pro ; horaires, tarifs, services et équipements aussi aux lecteurs."
    )
