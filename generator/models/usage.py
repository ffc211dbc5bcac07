"""Usage statistics: what a resource declares to receive them, and data/usage/<resource id>.yml.

A resource's `usage:` block names how the providers' reports speak of it (the COUNTER
Platform, the Database names) and what it costs each year. `bibnum usage import` turns the
reports into one file per resource, data/usage/<resource id>.yml: for each month (`YYYY-MM`),
the counts by metric and the report they came from. A month has one source: a later report
for that month replaces the whole month (so that counts of two reports are never mixed).

Metrics keep their COUNTER names (Total_Item_Requests, Unique_Item_Requests, Searches_Platform…);
a provider without COUNTER gives free names written as identifiers (sessions, prets, vues…).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from .base import Invalid, Model, PlainText, Slug, shown
from .quantities import Count, Money, Year

COUNTER_METRICS = (
    "Searches_Regular", "Searches_Automated", "Searches_Federated", "Searches_Platform",
    "Total_Item_Investigations", "Unique_Item_Investigations", "Unique_Title_Investigations",
    "Total_Item_Requests", "Unique_Item_Requests", "Unique_Title_Requests",
    "No_License", "Limit_Exceeded",
)
"""The Metric_Types of COUNTER Release 5 and 5.1 (both releases name them alike)."""

COUNTER_REPORTS = ("PR", "PR_P1", "DR", "DR_D1", "TR_B1", "TR_J1")
"""The COUNTER reports `bibnum usage import` reads: platform, database and title (books, journals)."""

SIMPLE_CSV = "CSV"
"""The report id written for a provider's simple monthly CSV (no COUNTER)."""

RELEASES = ("5", "5.1")

MONTH_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])$"
_MONTH = re.compile(MONTH_PATTERN)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _month(value: str) -> str:
    if not isinstance(value, str) or not _MONTH.match(value):
        raise Invalid("usage.bad_month", value=shown(str(value)))
    return value


def _metric(value: str) -> str:
    if value not in COUNTER_METRICS and not (len(value) <= 40 and _SLUG.match(value)):
        raise Invalid("usage.bad_metric", value=shown(value), counter=", ".join(COUNTER_METRICS[:4]))
    return value


Month = Annotated[str, AfterValidator(_month)]
"""A month, `YYYY-MM` (e.g. `2026-03`)."""

Metric = Annotated[str, AfterValidator(_metric)]
"""A metric's name: a COUNTER Metric_Type, or an identifier for a count without COUNTER (`sessions`)."""


class YearlyCost(Model):
    """What the network paid for a resource in one year (for the cost per use)."""

    year: Year = Field(description="Année de l'abonnement, par ex. `2026`.")
    amount: Money = Field(description="Montant payé pour l'année, en euros TTC, par ex. `4200.00`.")


class ResourceUsage(Model):
    """A resource's `usage:` block: how usage reports name it, and its yearly cost."""

    platform: PlainText | None = Field(
        None, description="Nom de la plateforme tel que l'écrivent les rapports COUNTER du fournisseur "
        "(colonne ou champ `Platform`), par ex. `Kiosque Presse`. Les rapports de plateforme (PR, PR_P1) et de "
        "titres (TR_B1, TR_J1) sont rattachés à la ressource par ce nom.")
    databases: list[PlainText] = Field(
        default_factory=list, description="Noms des bases (colonne ou champ `Database` des rapports DR, "
        "DR_D1) qui reviennent à cette ressource. Sans liste, un rapport de bases est rattaché par sa "
        "plateforme.")
    yearly_costs: list[YearlyCost] = Field(
        default_factory=list, description="Coût annuel de l'abonnement, une ligne par année "
        "(sert au coût par usage).")

    @model_validator(mode="after")
    def _one_cost_a_year(self) -> "ResourceUsage":
        seen: set[int] = set()
        for index, cost in enumerate(self.yearly_costs):
            if cost.year in seen:
                raise Invalid("usage.cost_year_twice", year=cost.year, at=("yearly_costs", index, "year"))
            seen.add(cost.year)
        return self


class MonthSource(Model):
    """Where a month's counts came from: the report, its file, when the provider made it."""

    report: Literal["PR", "PR_P1", "DR", "DR_D1", "TR_B1", "TR_J1", "CSV"] = Field(
        description="Rapport d'origine : un rapport COUNTER (`PR`, `PR_P1`, `DR`, `DR_D1`, `TR_B1`, "
        "`TR_J1`) ou `CSV` (fichier mensuel simple).")
    release: Literal["5", "5.1"] | None = Field(None, description="Version de COUNTER du rapport (`5` ou `5.1`).")
    file: PlainText = Field(description="Nom du fichier importé.")
    created: dt.datetime | None = Field(
        None, description="Date de création du rapport par le fournisseur (champ `Created`).")


class MonthUsage(Model):
    """One month of a resource's usage."""

    counts: dict[Metric, Count] = Field(
        min_length=1, description="Nombre d'usages par indicateur, par ex. `Total_Item_Requests: 1520` "
        "(noms COUNTER) ou `sessions: 310`.")
    source: MonthSource = Field(description="Rapport d'où viennent ces chiffres.")


class UsageFile(Model):
    """data/usage/<resource id>.yml, written by `bibnum usage import`."""

    id: Slug = Field(description="Identifiant de la ressource : le nom du fichier, sans `.yml` (ne pas l'écrire).")
    months: dict[Month, MonthUsage] = Field(
        default_factory=dict, description="Usages mois par mois, la clé est le mois (`2026-03`).")
