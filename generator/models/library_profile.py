"""A library's profile: the facts a network's application form collects (all optional)."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from .base import Model, PlainText
from .quantities import Count, Money, Year


class Staff(Model):
    category_a: Count | None = Field(None, description="Agents de catégorie A (nombre de personnes).")
    category_b: Count | None = Field(None, description="Agents de catégorie B (nombre de personnes).")
    category_c: Count | None = Field(None, description="Agents de catégorie C (nombre de personnes).")
    fte: Decimal | None = Field(None, ge=0, le=10_000, decimal_places=2,
                                description="Équivalents temps plein salariés (ETP), par ex. `4.5`.")
    volunteers: Count | None = Field(None, description="Bénévoles (nombre de personnes).")


class Readers(Model):
    adults: Count | None = Field(None, description="Lecteurs actifs adultes (ayant emprunté dans l'année).")
    youth: Count | None = Field(None, description="Lecteurs actifs jeunes (moins de 14 ans, ou l'âge du réseau).")


class Collections(Model):
    books: Count | None = Field(None, description="Livres (nombre d'exemplaires).")
    dvd: Count | None = Field(None, description="DVD et Blu-ray.")
    cd: Count | None = Field(None, description="CD audio.")
    periodicals: Count | None = Field(None, description="Abonnements à des périodiques (nombre de titres).")
    games: Count | None = Field(None, description="Jeux de société et jeux vidéo.")


class Equipment(Model):
    public_computers: Count | None = Field(None, description="Ordinateurs en accès public.")
    wifi: bool | None = Field(None, description="Wi-Fi public pour les lecteurs (`true` ou `false`).")
    e_readers: Count | None = Field(None, description="Liseuses prêtées aux lecteurs.")
    tablets: Count | None = Field(None, description="Tablettes prêtées aux lecteurs.")


class RegistrationFees(Model):
    residents: Money | None = Field(None, description="Inscription annuelle des habitants de la commune, "
                                    "en euros ; `0` s'affiche « gratuit ».")
    non_residents: Money | None = Field(None, description="Inscription annuelle des autres lecteurs, en euros ; "
                                        "`0` s'affiche « gratuit ».")


class Software(Model):
    product: PlainText = Field(max_length=100, description="Nom du logiciel, par ex. `Koha`.")
    vendor: PlainText | None = Field(None, max_length=100, description="Éditeur ou prestataire, par ex. `BibLibre`.")
    version: PlainText | None = Field(None, max_length=40, description="Version, par ex. `23.11`.")
    since: Year | None = Field(None, description="Année de mise en service, par ex. `2019`.")


class Profile(Model):
    """What the network's application form asks of a library (every key is optional)."""

    surface_m2: int | None = Field(None, ge=1, le=1_000_000, description="Surface ouverte au public, en m².")
    weekly_hours: Decimal | None = Field(None, ge=0, le=168, decimal_places=2,
                                         description="Heures d'ouverture au public par semaine, par ex. `24.5`.")
    staff: Staff | None = Field(None, description="Personnel : agents par catégorie, ETP, bénévoles.")
    readers: Readers | None = Field(None, description="Lecteurs actifs de l'année.")
    collections: Collections | None = Field(None, description="Collections par type de document.")
    equipment: Equipment | None = Field(None, description="Équipements pour le public.")
    fees: RegistrationFees | None = Field(None, description="Tarifs d'inscription annuels.")
    services: list[PlainText] = Field(default_factory=list, max_length=50,
                                      description="Services aux lecteurs, un par ligne, par ex. "
                                      "« Portage de livres à domicile ».")
    ils: Software | None = Field(None, description="Système intégré de gestion de bibliothèque (SIGB).")
    portal: Software | None = Field(None, description="Logiciel du portail (site web de la bibliothèque).")
