"""The validation library's errors, in French, at the offending key's line and column.

Each row validates a small bad input with a real model of the project (or, for error
types no project model can raise yet, a small model of the same kind) and checks the
whole place (FILE:LINE:COL and the key or item named) and the message's key phrases.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

import pytest
from pydantic import AnyHttpUrl, BaseModel, Field, FutureDate, ValidationError

from generator.load.yaml_source import load_yaml
from generator.messages import MESSAGES
from generator.models.base import Model
from generator.models.content import PostMeta
from generator.models.event import Event
from generator.models.group import GroupsFile
from generator.models.library import Library
from generator.models.resource import Resource
from generator.models.site import SitesFile
from generator.models.taxonomy import Taxonomy
from generator.schema_errors import problems_from

FILE = "data/x.yml"


class Numbers(Model):
    """Error types no project model raises today: decimals, multiples, floats, booleans, URLs, times."""

    fee: Decimal = Field(Decimal("0.15"), max_digits=4, decimal_places=2)
    every: int = Field(5, multiple_of=5)
    count: int = 1
    ratio: float = 0.5
    open: bool = True
    url: AnyHttpUrl | None = None
    at: dt.time | None = None
    tags: list[str] = Field(default_factory=list, max_length=2)
    table: dict[str, int] = Field(default_factory=dict)
    mode: Literal["a", "b"] = "a"
    nested: "Inner | None" = None


class Inner(Model):
    name: str
    label: Annotated[str, Field(pattern=r"^\d{5}$", description="Code postal (5 chiffres)")] = "14000"


Numbers.model_rebuild()


def problems(model: type[BaseModel], text: str, **extra: object) -> list[str]:
    doc, found = load_yaml(text, FILE)
    assert doc is not None and not found, found
    with pytest.raises(ValidationError) as caught:
        model.model_validate({**doc.data, **extra})
    return [str(p) for p in problems_from(caught.value, doc, model)]


EVENT = """\
title: Atelier
kind: atelier
start: 2026-12-20T14:00
end: 2026-12-20T16:00
library: bayeux
summary: Un atelier.
"""


def event(**changes: str) -> str:
    lines = dict(line.split(": ", 1) for line in EVENT.splitlines())
    lines.update(changes)
    return "".join(f"{k}: {v}\n" for k, v in lines.items() if v is not None)


CASES = [
    # (id, model, text, extra, expected place "LINE:COL: label", fragments of the message)
    ("missing", Event, event(title=None), {"id": "e"}, "1:1: title",
     ["clé obligatoire absente", "ajoutez « title: … »", "(Titre de l'événement)"]),
    ("unknown key, close to a key of this model", Event, event() + "sumary: x\n", {"id": "e"}, "7:1: sumary",
     ["clé inconnue « sumary »", "vouliez-vous dire « summary » ?"]),
    ("unknown key, only this model's keys listed", Library,
     "name: B\ntown: Bayeux\naddress: {street: s, postcode: '14400', city: c}\njoined: 2020\nsites: [calvados]\n"
     "superficie: 1200\n", {"id": "b"}, "6:1: superficie",
     ["clé inconnue « superficie »", "les clés possibles ici sont : id, name, town,", "supprimez-la"]),
    ("unknown key that is a key of a nested block: told where it goes", Library,
     "name: B\ntown: Bayeux\naddress: {street: s, postcode: '14400', city: c}\njoined: 2020\nsites: [calvados]\n"
     "surface_m2: 1200\n", {"id": "b"}, "6:1: surface_m2",
     ["la clé « surface_m2 » n'existe pas à ce niveau ; cette clé se place sous `profile:`",
      "; les clés possibles à ce niveau sont : id, name, town,"]),
    ("unknown key of a block two levels down", Library,
     "name: B\ntown: Bayeux\naddress: {street: s, postcode: '14400', city: c}\njoined: 2020\nsites: [calvados]\n"
     "profile:\n  surface_m2: 1200\nfte: 3.5\n", {"id": "b"}, "8:1: fte",
     ["cette clé se place sous `profile:` puis `staff:`"]),
    ("unknown key of several nested blocks", Library,
     "name: B\ntown: Bayeux\naddress: {street: s, postcode: '14400', city: c}\njoined: 2020\nsites: [calvados]\n"
     "profile:\n  vendor: BibLibre\n", {"id": "b"}, "7:3: profile.vendor",
     ["cette clé se place sous `ils:` ou `portal:`"]),
    ("unknown key in a nested block", Library,
     "name: B\ntown: Bayeux\naddress: {street: s, postcode: '14400', city: c}\njoined: 2020\nsites: [calvados]\n"
     "login:\n  kind: cas\n  bas: https://cas.example.org\n", {"id": "b"}, "8:3: login.bas",
     ["clé inconnue « bas »", "vouliez-vous dire « base » ?"]),
    ("literal, the item named from 1 with its id", GroupsFile,
     "groups:\n  - id: copil\n    name: C\n    kind: copil\n    summary: s\n"
     "  - id: comite-tech\n    name: T\n    kind: comite-techniq\n    summary: s\n", {},
     "8:5: 2e groupe (id comite-tech) › kind",
     ["« comite-techniq » n'est pas une valeur possible", "valeurs possibles : copil, comite-technique,"]),
    ("literal in a list of a list", Resource,
     "apps:\n  - name: A\n    platforms: [android, psp]\n", {}, "3:26: 1re application › 2e plateforme",
     ["« psp » n'est pas une valeur possible", "valeurs possibles : android, ios, windows, macos, linux, liseuse"]),
    ("text too long", Event, event(summary="x" * 312), {"id": "e"}, "6:1: summary",
     ["312 caractères ; 240 au plus"]),
    ("empty text", Event, event(title="''"), {"id": "e"}, "1:1: title", ["texte vide"]),
    ("empty value", Event, event(summary=""), {"id": "e"}, "6:1: summary",
     ["valeur vide ; écrivez-la après « summary: »"]),
    ("list too short", Library,
     "name: B\ntown: Bayeux\naddress: {street: s, postcode: '14400', city: c}\njoined: 2020\nsites: []\n",
     {"id": "b"}, "5:1: sites", ["0 élément ; 1 au moins"]),
    ("list too long", Numbers, "tags: [a, b, c]\n", {}, "1:1: tags", ["3 éléments ; 2 au plus"]),
    ("date", Resource, "added: mars 2023\n", {}, "1:1: added",
     ["« mars 2023 » n'est pas une date", "AAAA-MM-JJ, par ex. 2026-12-20"]),
    ("impossible date", Resource, "added: 2026-02-30\n", {}, "1:1: added",
     ["« 2026-02-30 » n'existe pas au calendrier", "février 2026 n'a que 28 jours"]),
    ("leap day", Resource, "added: 2024-02-30\n", {}, "1:1: added", ["février 2024 n'a que 29 jours"]),
    ("no such month", Resource, "added: 2026-13-02\n", {}, "1:1: added", ["il n'y a pas de mois 13"]),
    ("impossible date-time", Event, event(end="2026-04-31T16:00"), {"id": "e"}, "4:1: end",
     ["« 2026-04-31T16:00 » n'existe pas au calendrier", "avril 2026 n'a que 30 jours"]),
    ("date-time", Event, event(start="20/12/2026 14h"), {"id": "e"}, "3:1: start",
     ["« 20/12/2026 14h » n'est pas une date et heure", "AAAA-MM-JJTHH:MM", "par ex. 2026-12-20T14:00"]),
    ("date or date-time", PostMeta, "title: T\ndate: mars 2023\n", {}, "2:1: date",
     ["« mars 2023 » n'est ni une date ni une date et heure", "2026-12-20", "2026-12-20T14:00"]),
    ("end before start points at end", Event, event(end="2026-12-20T10:00"), {"id": "e"}, "4:1: end",
     ["la fin (2026-12-20T10:00) est avant le début (2026-12-20T14:00)"]),
    ("integer", Library,
     "name: B\ntown: Bayeux\naddress: {street: s, postcode: '14400', city: c}\njoined: vers 2020\n"
     "sites: [calvados]\n", {"id": "b"}, "4:1: joined", ["« vers 2020 » n'est pas un nombre entier", "par ex. 12000"]),
    ("integer with decimals", Numbers, "count: 2.5\n", {}, "1:1: count", ["« 2.5 » a des décimales"]),
    ("greater than or equal", Library,
     "name: B\ntown: Bayeux\npopulation: 0\naddress: {street: s, postcode: '14400', city: c}\njoined: 2020\n"
     "sites: [calvados]\n", {"id": "b"}, "3:1: population", ["« 0 » est trop petit", "au moins 1"]),
    ("less than or equal", Library,
     "name: B\ntown: Bayeux\naddress: {street: s, postcode: '14400', city: c}\ngeo: {lat: 49.2, lon: 200}\n"
     "joined: 2020\nsites: [calvados]\n", {"id": "b"}, "4:18: geo.lon", ["« 200 » est trop grand", "au plus 180"]),
    ("multiple of", Numbers, "every: 7\n", {}, "1:1: every", ["« 7 » n'est pas un multiple de 5"]),
    ("number", Numbers, "ratio: beaucoup\n", {}, "1:1: ratio", ["« beaucoup » n'est pas un nombre", "49.27"]),
    ("decimal", SitesFile, "network:\n  name: N\n  description: D\n  fee_per_inhabitant: abc\nsites: []\n", {},
     "4:3: network.fee_per_inhabitant", ["« abc » n'est pas un nombre décimal", "0.15"]),
    ("decimal places", Numbers, "fee: 0.155\n", {}, "1:1: fee", ["« 0.155 » a trop de décimales ; 2 au plus"]),
    ("decimal digits", Numbers, "fee: 123.45\n", {}, "1:1: fee", ["« 123.45 » a trop de chiffres ; 4 au plus"]),
    ("boolean", Numbers, "open: peut-être\n", {}, "1:1: open", ["« peut-être » n'est pas oui/non", "true", "false"]),
    ("time", Numbers, "at: midi\n", {}, "1:1: at", ["« midi » n'est pas une heure", "14:00"]),
    ("url", Numbers, "url: pas une adresse\n", {}, "1:1: url",
     ["« pas une adresse » n'est pas une adresse web complète", "https://"]),
    ("pattern, described by the field", Numbers, "nested: {name: n, label: '1440'}\n", {}, "1:19: nested.label",
     ["« 1440 » n'a pas la forme attendue : Code postal (5 chiffres)"]),
    ("mapping expected", Numbers, "table: [a, b]\n", {}, "1:1: table",
     ["il faut ici des clés", "trouvé : une liste"]),
    ("mapping expected for a model", Numbers, "nested: texte\n", {}, "1:1: nested",
     ["il faut ici des clés", "trouvé : le texte « texte »"]),
    ("list expected", Numbers, "tags: un seul\n", {}, "1:1: tags",
     ["il faut ici une liste", "trouvé : le texte « un seul »"]),
    ("text expected", Numbers, "nested: {name: [a]}\n", {}, "1:10: nested.name",
     ["il faut ici un texte", "trouvé : une liste"]),
    ("union tag unknown", SitesFile,
     "network: {name: N, description: D}\nsites:\n  - id: p\n    login: {kind: saml}\n", {},
     "4:13: 1er site (id p) › login.kind", ["kind « saml » inconnu", "valeurs possibles : ezproxy, openathens,"]),
    ("union tag missing", SitesFile,
     "network: {name: N, description: D}\nsites:\n  - id: p\n    login: {base: x}\n", {},
     "4:5: 1er site (id p) › login.kind", ["clé « kind » absente", "valeurs possibles : ezproxy, openathens,"]),
    ("our own rule (value_error), a vocabulary's term named", Taxonomy,
     "categories:\n  - {id: presse, label: P}\n  - {id: Presse Locale, label: L}\naudiences: []\ndevices: []\n"
     "languages: []\nevent_kinds: []\nblog_categories: []\n", {}, "3:6: 2e terme de categories (id Presse Locale) › id",
     ["« Presse Locale » n'est pas un identifiant", "par ex. presse-quotidienne"]),
    ("a mapping's key", Numbers, "table: {a: x}\n", {}, "1:9: table.a",
     ["« x » n'est pas un nombre entier"]),
]


@pytest.mark.parametrize("model, text, extra, place, fragments",
                         [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_each_error_type_in_french_at_its_key(model, text, extra, place, fragments) -> None:
    found = problems(model, text, **extra)
    line = next((p for p in found if p.startswith(f"{FILE}:{place} : ")), None)
    assert line is not None, (place, found)
    for fragment in fragments:
        assert fragment in line, (fragment, line)


def test_no_english_reaches_an_editor() -> None:
    """Whatever the error type, not one word of the library's English message is shown."""
    every = [p for case in CASES for p in problems(case[1], case[2], **case[3])]
    english = ("Input should", "Field required", "Extra inputs", "String should", " a valid", "Value error")
    assert every and not [p for p in every if any(word in p for word in english)]


def test_an_unknown_error_type_has_a_french_fallback_naming_the_type() -> None:
    class Later(Model):
        day: FutureDate

    found = problems(Later, "day: 2000-01-01\n")
    assert found == [f"{FILE}:1:1: day : « 2000-01-01 » n'est pas accepté ici ; voir le Guide de l'éditeur "
                     "(date_future)"]


def test_a_key_taken_from_the_file_name_is_never_suggested() -> None:
    doc, _ = load_yaml("name: B\nidd: b\n", "data/libraries/b.yml")
    with pytest.raises(ValidationError) as caught:
        Library.model_validate({**doc.data, "id": "b"})
    [unknown] = [str(p) for p in problems_from(caught.value, doc, Library, hidden=frozenset({"id"}))
                 if "idd" in str(p)]
    assert "les clés possibles ici sont : name, town," in unknown and " id," not in unknown


def test_the_last_of_a_unions_errors_is_told_once() -> None:
    """A value every member of a union refuses is one message, not one per member."""

    class Either(Model):
        value: dt.datetime | dt.date

    assert len(problems(Either, "value: mars 2023\n")) == 1


def test_every_message_is_french_text() -> None:
    """The catalogue holds only French sentences (no leftover English key words)."""
    english = (" the ", " is ", " must ", " should ", "remove it", "did you mean")
    assert not [key for key, text in MESSAGES.items() if any(word in f" {text} " for word in english)]


def test_every_message_formats_and_shows_its_own_braces_once() -> None:
    """`say` always formats: a brace of the message's own is written {{ or }} in the catalogue."""
    import string

    from generator.messages import say

    for key, text in MESSAGES.items():
        fields = {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}
        say(key, **dict.fromkeys(fields, "x"))  # no placeholder left unfilled, no single brace
    assert "« } »" in say("yaml.unclosed_map")
    assert "`{% … %}` et `{{ … }}`" in say("engine.template_invalid", detail="x")


def test_no_message_key_is_written_twice() -> None:
    """A second entry of a key would silently replace the first one's text, within a part of the catalogue
    or across two parts (the catalogue is written in several files of generator/messages/)."""
    import ast
    import collections
    from pathlib import Path

    import generator.messages

    parts = sorted(Path(generator.messages.__file__).parent.glob("*.py"))
    assert len(parts) > 1  # the check reads every part, not only the package's __init__
    keys = [key.value for part in parts for node in ast.walk(ast.parse(part.read_text(encoding="utf-8")))
            if isinstance(node, ast.Dict) for key in node.keys if isinstance(key, ast.Constant)]
    assert [key for key, times in collections.Counter(keys).items() if times > 1] == []
