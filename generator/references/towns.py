"""Towns and populations: a library's town is declared once, with one population, and no two towns
share an agenda page."""

from __future__ import annotations

from pydantic import TypeAdapter, ValidationError

from ..load.yaml_source import YamlDocument
from ..messages import say
from ..models.library import Library
from ..models.network_facts import Town, Towns, town_key, town_slug
from .as_written import raw
from .report import ReferenceChecks


class TownChecks(ReferenceChecks):
    def _town(self, doc: YamlDocument, lib) -> None:
        """A library's population is its town's: declared once in network.towns, or in the library file."""
        if self.towns is None:
            return  # data/sites.yml's network did not validate: its towns are unknown
        town = self.towns.get(town_key(lib.town))
        if town is None and self._town_slug_taken(doc, lib):
            return
        if town is None and lib.population is None:
            self._add(doc.locate(("town",)), self._say(doc, ("town",), say("ref.town_undeclared", town=lib.town)))
        elif town is None:
            # An undeclared town's population is given by its libraries' files: they must agree, or
            # the figures would pick one of them silently.
            first = self.undeclared_populations.setdefault(town_key(lib.town), lib)
            if first.population != lib.population:
                self._add(doc.locate(("population",)), self._say(doc, ("population",), say(
                    "ref.town_population_differs", here=lib.population, other=first.population, town=lib.town,
                    library=first.id)))
        elif town is not None and lib.population is not None and lib.population != town.population:
            self._add(doc.locate(("population",)), self._say(doc, ("population",), say(
                "ref.town_population", here=lib.population, declared=town.population, town=town.name)))

    def _town_slug_taken(self, doc: YamlDocument, lib: Library) -> bool:
        """An undeclared town written like another town but for accents, case or punctuation:
        both would have the same agenda page. True when told as a misspelt declared town."""
        slug = town_slug(lib.town)
        declared = self.town_slugs.get(slug)
        if declared is not None:
            self._add(doc.locate(("town",)), self._say(doc, ("town",), say(
                "ref.town_spelling", town=lib.town, declared=declared.name)))
            return True
        first = self.undeclared_slugs.setdefault(slug, lib)
        if town_key(first.town) != town_key(lib.town):
            self._add(doc.locate(("town",)), self._say(doc, ("town",), say(
                "ref.town_same_slug", town=lib.town, other=first.town, library=first.id, slug=slug)))
        return False


def towns_as_written(doc: YamlDocument | None) -> list[Town] | None:
    """The network's towns when another key of its block failed, if they all validate; None
    otherwise (a library's town is then not judged: it may name a town that failed)."""
    network = raw(doc.data if doc else None, "network")
    if not isinstance(network, dict):
        return None
    try:
        return _TOWNS.validate_python(network.get("towns", []))
    except ValidationError:
        return None


_TOWNS = TypeAdapter(Towns)
