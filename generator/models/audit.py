"""data/audit/accessibility.json: the result of the last accessibility audit, for the statement.

The file is written by the browser tests (tests/browser/test_accessibility.py: axe-core and
the Nu HTML checker over one page of each type of each site), never by hand; the
accessibility statement of each public portal is rendered from it (RGAA's statement model:
state of conformity, test results, non-accessible content, how the statement was made).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, model_validator

from .base import Invalid, Model, PlainText, Slug

Count = Annotated[int, Field(ge=0, le=1_000_000)]  # rules and errors of one audit: far fewer


class AuditedPage(Model):
    """One page of the sample the audit tested."""

    path: str = Field(description="Adresse de la page, relative à la racine du site (`` pour l'accueil).")
    title: PlainText = Field(description="Titre de la page.")
    search: str | None = Field(None, description="Recherche tapée avant le test (page de résultats).")


class KnownException(Model):
    """A finding left on purpose (allowlisted, with its reason): mkdocs-material's own markup."""

    tool: Literal["axe-core", "Nu Html Checker"]
    rule: str = Field(description="Règle (axe-core) ou message (Nu Html Checker) concerné.")
    statement: PlainText = Field(description="Ce que la déclaration en dit aux lecteurs.")


class SiteAudit(Model):
    """The audit's result for one site."""

    pages: list[AuditedPage] = Field(min_length=1)
    rules_applicable: Count = Field(description="Règles automatiques applicables à au moins une page.")
    rules_passed: Count = Field(description="Règles respectées sur toutes les pages testées.")
    html_errors: Count = Field(0, description="Erreurs du validateur HTML (hors exceptions connues).")
    exceptions: list[KnownException] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> "SiteAudit":
        if self.rules_passed > self.rules_applicable:
            raise Invalid("audit.rules", at=("rules_passed",))
        return self

    @property
    def rate(self) -> float:
        """Share of the applicable rules that every tested page respects, in percent (one decimal)."""
        return round(100 * self.rules_passed / self.rules_applicable, 1) if self.rules_applicable else 0.0

    @property
    def conformity(self) -> Literal["partielle", "non conforme"]:
        """RGAA's state of conformity. An automated audit alone never supports 'totale': the criteria
        that need a person's judgement (alternatives, reading order…) are not covered; RGAA calls a
        site with at least half of its criteria met 'partiellement conforme'."""
        return "partielle" if self.rate >= 50 else "non conforme"


class AccessibilityAudit(Model):
    """The whole of data/audit/accessibility.json."""

    date: dt.date = Field(description="Date de l'audit (celle du fichier, pas celle de la construction).")
    standard: Literal["RGAA 4.1 / WCAG 2.1 AA"]
    tools: dict[str, str] = Field(min_length=1, description="Outils et leurs versions.")
    rules: list[str] = Field(min_length=1, description="Étiquettes des règles axe-core appliquées.")
    widths: list[str] = Field(min_length=1, description="Tailles d'écran testées, par ex. `390×844`.")
    sites: dict[Slug, SiteAudit] = Field(min_length=1)
