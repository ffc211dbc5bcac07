"""data/sites.yml: the network and the sites (public portals and the pro site) built from it."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from ..messages import say

from .base import NAME_MAX, Email, Invalid, Model, PlainText, Slug, shown
from .login import DirectLogin, LoginStrategy
from .network_facts import Funders, Milestone, Towns
from .quantities import Money

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def _hex_color(value: str) -> str:
    if not _HEX.match(value):
        raise Invalid("value.colour", value=value)
    return value.lower()


HexColor = Annotated[str, AfterValidator(_hex_color)]


def _field_value(value: str) -> str:
    if not value or any(c.isspace() or ord(c) < 32 for c in value):
        raise Invalid("value.field_value")
    return value


FieldValue = Annotated[str, AfterValidator(_field_value)]

# A file of a look's folder: names of letters, digits, dots, hyphens and underscores, each starting
# with a letter or digit (so never `..`), separated by `/`: it stays inside themes/<look>/.
_LOOK_FILE = re.compile(rf"[A-Za-z0-9][A-Za-z0-9._-]{{0,{NAME_MAX - 1}}}(?:/[A-Za-z0-9][A-Za-z0-9._-]{{0,{NAME_MAX - 1}}}){{0,3}}")


def _look_file(value: str) -> str:
    if not _LOOK_FILE.fullmatch(value):
        raise Invalid("value.look_file", value=shown(value))
    return value


LookFile = Annotated[str, AfterValidator(_look_file)]


class Palette(Model):
    """Colours of a site (they must keep a 4.5:1 contrast with white text)."""

    primary: HexColor = Field(description="Couleur principale (en-tête), par ex. `#1d4f91`.")
    accent: HexColor = Field(description="Couleur d'accent (liens, boutons).")


class Accessibility(Model):
    """What the accessibility statement says about the organisation.

    The audit's date, conformity rate and known exceptions are not typed here: they come from
    the last real audit, data/audit/accessibility.json (written by the browser tests).
    """

    organisation: PlainText = Field(description="Organisme responsable du site.")
    contact_email: Email = Field(description="Adresse de contact pour signaler un défaut d'accessibilité.")


# Algolia (issue 3): an application id is upper-case letters and digits; an index name
# is what Algolia's dashboard accepts; a search-only key is 32 hexadecimal characters
# (or a longer "secured" key). The admin key never goes in a data file.
_ALGOLIA_APP = re.compile(r"^[A-Z0-9]{6,32}$")
_ALGOLIA_INDEX = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")
_ALGOLIA_KEY = re.compile(r"^[A-Za-z0-9+/=_-]{32,512}$")


def _matching(pattern: re.Pattern[str], what: str, example: str):
    """`what` is a key of generator/messages/ naming the expected value."""
    def check(value: str) -> str:
        if not pattern.match(value):
            raise Invalid("value.pattern", value=value, what=say(what), example=example)
        return value
    return AfterValidator(check)


class AlgoliaSearch(Model):
    """Search through Algolia instead of the site's static index (for very large networks)."""

    app_id: Annotated[str, _matching(_ALGOLIA_APP, "value.algolia_app", "ABCDEF1234")] = Field(
        description="Identifiant de l'application Algolia (« Application ID »), par ex. `ABCDEF1234`."
    )
    index: Annotated[str, _matching(_ALGOLIA_INDEX, "value.algolia_index", "reseau_portail")] = Field(
        description="Nom de l'index, par ex. `reseau_portail` (rempli par `bibnum search push`)."
    )
    search_key: Annotated[str, _matching(_ALGOLIA_KEY, "value.algolia_key",
                                         "0123456789abcdef0123456789abcdef")] = Field(
        description="Clé de recherche seule (« Search-Only API Key »), publique : elle est écrite dans les pages. "
        "Jamais la clé d'administration, qui se donne à `bibnum search push` par la variable "
        "d'environnement `ALGOLIA_ADMIN_KEY`."
    )


# The web editor's repository on GitHub (`owner/name`), branch (git's ref rules, kept to the usual
# characters) and sign-in service (an origin: the CMS adds its own path).
_REPOSITORY = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$")
_BRANCH = re.compile(r"^(?!.*\.\.)(?!.*//)[A-Za-z0-9][A-Za-z0-9._/-]{0,99}(?<![./])$")
_ORIGIN = re.compile(r"^https://[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?(?::[0-9]{1,5})?$")


class Editing(Model):
    """The web editor of the pro site (`admin/`): where it commits and how librarians sign in."""

    repository: Annotated[str, _matching(_REPOSITORY, "value.repository", "reseau/portails")] = Field(
        description="Le dépôt GitHub du projet, sous la forme `compte/dépôt`, par ex. `reseau/portails` : "
        "chaque modification faite dans l'éditeur en ligne y devient une demande de fusion (pull request)."
    )
    branch: Annotated[str, _matching(_BRANCH, "value.branch", "main")] = Field(
        "main", description="La branche publiée, où les demandes de fusion arrivent, par ex. `main`."
    )
    auth_url: Annotated[str, _matching(_ORIGIN, "value.auth_origin", "https://auth.reseau.example.org")] | None = Field(
        None,
        description="L'adresse du service de connexion à GitHub (Sveltia CMS Authenticator), par ex. "
        "`https://auth.reseau.example.org`, sans chemin. Sans elle, chaque bibliothécaire se connecte avec "
        "un jeton d'accès personnel GitHub (guide, « Modifier le site sans git »).",
    )


class Site(Model):
    """One site built from the network's data."""

    id: Slug = Field(description="Identifiant du site (dossier de sortie, références).")
    kind: Literal["public", "pro"] = Field(description="`public` (portail des lecteurs) ou `pro` (espace professionnel).")
    name: PlainText = Field(description="Nom affiché du site.")
    short_name: PlainText | None = Field(
        None, max_length=16,
        description="Nom court, 16 caractères au plus (par ex. `Médianet`) : celui que le navigateur "
        "montre quand un lecteur ajoute la recherche du portail. Absent : le début du nom.",
    )
    tagline: PlainText = Field(description="Phrase d'accroche de la page d'accueil.")
    url: str = Field(description="Adresse publique du site, terminée par `/`.")
    look: Slug = Field(description="Dossier de `themes/` qui donne l'apparence (logo, styles).")
    palette: Palette
    logo: LookFile | None = Field(None, description="Logo, chemin relatif au dossier du thème (SVG conseillé).")
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
    contact_email: Email | None = Field(None, description="Adresse de contact affichée en pied de page.")
    accessibility: Accessibility | None = Field(None, description="Déclaration d'accessibilité (portails publics).")
    algolia: AlgoliaSearch | None = Field(
        None, description="Recherche par Algolia (facultatif) ; sans ce bloc, le site cherche dans son index statique."
    )


class Network(Model):
    """The cooperation itself."""

    name: PlainText = Field(description="Nom du réseau.")
    description: PlainText = Field(description="Présentation en une phrase.")
    fee_per_inhabitant: Decimal | None = Field(
        None, ge=0, le=100, decimal_places=4,
        description="Cotisation annuelle par habitant, en euros (par ex. `0.15`). Absente ou `0` : "
        "le réseau ne demande pas de cotisation, et aucune cotisation n'est affichée.",
    )
    new_for_days: int = Field(
        90, ge=1, le=3650,
        description="Nombre de jours pendant lesquels une ressource est marquée « Nouveau » après sa date "
        "d'arrivée (`added`), sur sa carte et sa page, et figure parmi les « Nouveautés » de l'accueil ; "
        "par ex. `60`. Par défaut : 90.",
    )
    timezone: Literal["Europe/Paris"] = Field("Europe/Paris", description="Fuseau horaire des événements.")
    towns: Towns = Field(
        default_factory=list,
        description="Communes membres et leur population déclarée, y compris celles qui n'ont pas de fichier "
        "de bibliothèque. Une bibliothèque d'une commune déclarée ici n'a pas besoin de `population`.",
    )
    funders: Funders = Field(
        default_factory=list, description="Financeurs du réseau, avec leur part (en %) ou leur montant."
    )
    budget: Money | None = Field(None, description="Budget annuel du réseau, en euros, par ex. `120000`.")
    milestones: list[Milestone] = Field(
        default_factory=list,
        description="Dates de l'histoire du réseau (délibérations, conventions, labels), montrées sur l'espace "
        "pro et dans les pages qui demandent le bloc `historique`.",
    )


# The rendering engines a project may name (generator/engines/ has one adapter for each).
ENGINE_NAMES = ("mkdocs-material", "properdocs", "zensical")
DEFAULT_ENGINE = "mkdocs-material"


class SitesFile(Model):
    """The whole of data/sites.yml."""

    network: Network
    sites: list[Site] = Field(min_length=1, description="Les sites construits (au moins un).")
    engine: Literal[ENGINE_NAMES] = Field(  # type: ignore[valid-type]
        DEFAULT_ENGINE,
        description="Le moteur qui met les pages en forme : `mkdocs-material` (par défaut ; Material for MkDocs "
        "n'est plus maintenu après le 5 mai 2027), `properdocs` (la suite maintenue de MkDocs, avec le même "
        "thème) ou `zensical` (le successeur de Material). Une ligne suffit pour changer, par ex. "
        "`engine: zensical` ; le moteur choisi doit être installé (`pip install 'bibnum[zensical]'`).",
    )
    editing: Editing | None = Field(
        None,
        description="L'éditeur en ligne de l'espace professionnel (`admin/`), qui enregistre chaque "
        "modification comme une demande de fusion dans le dépôt GitHub ; sans ce bloc, il n'est pas publié.",
    )
