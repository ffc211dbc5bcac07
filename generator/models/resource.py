"""data/resources/<id>.yml: one online resource the network offers."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, PositiveInt

from .base import MarkdownText, Model, PlainText, Slug
from .login import ResourceAccess
from .resource_status import Notice, Trial
from .usage import ResourceUsage


class App(Model):
    """A provider's application readers can install."""

    name: PlainText = Field(description="Nom de l'application.")
    platforms: list[Literal["android", "ios", "windows", "macos", "linux", "liseuse"]] = Field(
        description="Plateformes : `android`, `ios`, `windows`, `macos`, `linux`, `liseuse`."
    )


class Conditions(Model):
    """Conditions of use, written for readers."""

    account: Literal["bibliotheque", "fournisseur", "aucun"] = Field(
        "bibliotheque",
        description="Compte nécessaire : `bibliotheque` (carte de bibliothèque), "
        "`fournisseur` (compte à créer chez le fournisseur en plus) ou `aucun`.",
    )
    quota: PlainText | None = Field(None, description="Quota, par ex. « 4 films par mois ».")
    concurrent_users: PositiveInt | None = Field(
        None, le=1_000_000, description="Nombre d'accès simultanés pour le réseau."
    )
    loan_days: PositiveInt | None = Field(None, le=366, description="Durée de prêt en jours (livres numériques).")
    age: PlainText | None = Field(None, description="Âge conseillé, par ex. « dès 3 ans ».")
    notes: list[PlainText] = Field(default_factory=list, description="Autres précisions, une par ligne.")


class Resource(Model):
    """An online resource: what it offers, for whom, under which conditions, how to reach it."""

    id: Slug = Field(description="Identifiant : le nom du fichier, sans `.yml` (ne pas l'écrire).")
    title: PlainText = Field(description="Nom de la ressource.")
    provider: PlainText = Field(description="Fournisseur.")
    category: Slug = Field(description="Catégorie (un identifiant de `categories` dans `taxonomy.yml`).")
    audiences: list[Slug] = Field(min_length=1, description="Publics visés (identifiants de `audiences`).")
    summary: PlainText = Field(max_length=240, description="Résumé en une ou deux phrases (240 caractères au plus).")
    description: MarkdownText = Field(description="Présentation complète (Markdown).")
    offers: list[PlainText] = Field(default_factory=list, description="Ce qu'on y trouve, un point par ligne.")
    languages: list[Slug] = Field(default_factory=lambda: ["fr"], description="Langues des contenus.")
    devices: list[Slug] = Field(min_length=1, description="Supports (identifiants de `devices`).")
    apps: list[App] = Field(default_factory=list, description="Applications à installer (facultatif).")
    conditions: Conditions = Field(default_factory=Conditions)
    how_to_start: list[PlainText] = Field(
        min_length=1, description="Premiers pas, une étape par ligne, dans l'ordre."
    )
    access: ResourceAccess
    keywords: list[PlainText] = Field(default_factory=list, description="Mots-clés pour la recherche.")
    best_bets: list[PlainText] = Field(
        default_factory=list, description="Recherches pour lesquelles la ressource vient en premier, par ex. "
        "[\"code de la route\", \"permis\"] : une recherche identique, aux majuscules, accents et ponctuation "
        "près, la place en tête des résultats. Une même recherche ne peut aller qu'à une ressource.")
    added: date = Field(description="Date d'arrivée dans le réseau (sert aux « Nouveautés »).")
    featured: bool = Field(False, description="Mise en avant sur la page d'accueil.")
    sites: list[Slug] | None = Field(
        None, description="Portails où la ressource apparaît (par défaut : tous les portails publics)."
    )
    usage: ResourceUsage | None = Field(
        None, description="Statistiques d'usage : comment les rapports du fournisseur nomment la ressource "
        "(plateforme, bases) et son coût annuel (facultatif ; voir `bibnum usage import`)."
    )
    trial: Trial | None = Field(
        None, description="Ressource à l'essai : premier et dernier jour (`start`, `end`). Les portails la "
        "montrent avec « Essai jusqu'au … » pendant l'essai seulement ; l'espace pro liste les essais.")
    notices: list[Notice] = Field(
        default_factory=list, description="Avis aux lecteurs (maintenance, incident, changement des conditions), "
        "chacun affiché sur la page de la ressource et sur l'accueil des portails de son début à sa fin.")
