"""data/sites.yml: the network and the sites (public portals and the pro site) built from it."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from .base import Model, PlainText, Slug
from .login import DirectLogin, LoginStrategy

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def _hex_color(value: str) -> str:
    if not _HEX.match(value):
        raise ValueError(f"{value!r} is not a colour: use six hexadecimal digits, e.g. '#1d4f91'")
    return value.lower()


HexColor = Annotated[str, AfterValidator(_hex_color)]


def _field_value(value: str) -> str:
    if not value or any(c.isspace() or ord(c) < 32 for c in value):
        raise ValueError("template field values must be non-empty and contain no spaces")
    return value


FieldValue = Annotated[str, AfterValidator(_field_value)]


class Palette(Model):
    """Colours of a site (they must keep a 4.5:1 contrast with white text)."""

    primary: HexColor = Field(description="Couleur principale (en-tête), par ex. `#1d4f91`.")
    accent: HexColor = Field(description="Couleur d'accent (liens, boutons).")


class Accessibility(Model):
    """What the accessibility statement says about the organisation."""

    organisation: PlainText = Field(description="Organisme responsable du site.")
    contact_email: str = Field(description="Adresse de contact pour signaler un défaut d'accessibilité.")
    audit_date: date | None = Field(None, description="Date du dernier audit (laisser vide avant le premier).")
    conformity: Literal["totale", "partielle", "non conforme"] = Field(
        "non conforme", description="État de conformité au RGAA : `totale`, `partielle` ou `non conforme`."
    )
    rate: Annotated[float, Field(ge=0, le=100)] | None = Field(None, description="Taux de conformité mesuré (%).")


class Site(Model):
    """One site built from the network's data."""

    id: Slug = Field(description="Identifiant du site (dossier de sortie, références).")
    kind: Literal["public", "pro"] = Field(description="`public` (portail des lecteurs) ou `pro` (espace professionnel).")
    name: PlainText = Field(description="Nom affiché du site.")
    tagline: PlainText = Field(description="Phrase d'accroche de la page d'accueil.")
    url: str = Field(description="Adresse publique du site, terminée par `/`.")
    look: Slug = Field(description="Dossier de `themes/` qui donne l'apparence (logo, styles).")
    palette: Palette
    logo: str | None = Field(None, description="Logo, chemin relatif au dossier du thème (SVG conseillé).")
    login: LoginStrategy = Field(
        default_factory=lambda: DirectLogin(kind="direct"),
        description="Stratégie d'authentification des lecteurs (`ezproxy`, `openathens`, `shibboleth`, `cas`, `direct`).",
    )
    fields: dict[str, FieldValue] = Field(
        default_factory=dict, description="Champs des modèles d'adresse des fournisseurs, par ex. `code_bib: CD14`."
    )
    library_logins: bool = Field(
        False,
        description="Si vrai, chaque page de ressource propose de choisir sa bibliothèque, "
        "chacune avec son propre accès (portails communaux).",
    )
    allow_http: bool = Field(False, description="Autoriser des liens `http://` (déconseillé).")
    contact_email: str | None = Field(None, description="Adresse de contact affichée en pied de page.")
    accessibility: Accessibility | None = Field(None, description="Déclaration d'accessibilité (portails publics).")


class Network(Model):
    """The cooperation itself."""

    name: PlainText = Field(description="Nom du réseau.")
    description: PlainText = Field(description="Présentation en une phrase.")
    fee_per_inhabitant: Decimal = Field(
        Decimal("0.15"), ge=0, description="Cotisation annuelle par habitant, en euros (par ex. `0.15`)."
    )
    timezone: Literal["Europe/Paris"] = Field("Europe/Paris", description="Fuseau horaire des événements.")


class SitesFile(Model):
    """The whole of data/sites.yml."""

    network: Network
    sites: list[Site] = Field(min_length=1, description="Les sites construits (au moins un).")
