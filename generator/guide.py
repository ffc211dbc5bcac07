"""The editor's guide ("Guide de l'éditeur"), generated from the models so it never drifts.

Every table row comes from a model field (`model_fields`, walked recursively: nested
models, lists and mappings of models, optional values, choices, discriminated
unions); every access example URL is computed by `generator.access`. Pure
functions, no I/O; the output is Markdown that Python-Markdown renders with the
`tables` extension alone (indented code blocks, no raw HTML), and it is the same
on every call.
"""

from __future__ import annotations

import datetime as dt
import re
import types
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import annotated_types as at
import yaml
from pydantic import BaseModel, StringConstraints, TypeAdapter
from pydantic.fields import FieldInfo

from .access import access_link
from .models.base import MarkdownText, PlainText, Slug
from .models.content import AuthorsFile, PageMeta, PostMeta
from .models.event import Event
from .models.group import GroupsFile
from .models.library import Library
from .models.login import LoginStrategy, ResourceAccess
from .models.resource import Resource
from .models.site import FieldValue, HexColor, SitesFile
from .models.taxonomy import Taxonomy

# --- what each kind of value is called, in French ------------------------------------------

# Constrained strings are recognised by the validator their alias carries.
_NAMED_STRINGS: tuple[tuple[Any, str, str], ...] = tuple(
    (get_args(alias)[-1], singular, plural)
    for alias, singular, plural in (
        (PlainText, "texte", "textes"),
        (Slug, "identifiant", "identifiants"),
        (MarkdownText, "texte Markdown", "textes Markdown"),
        (FieldValue, "texte sans espace", "textes sans espace"),
        (HexColor, "couleur `#rrggbb`", "couleurs `#rrggbb`"),
    )
)
# Order matters: bool is an int, datetime is a date.
_SCALARS: tuple[tuple[type, str, str], ...] = (
    (bool, "oui/non", "oui/non"),
    (int, "nombre entier", "nombres entiers"),
    (float, "nombre", "nombres"),
    (Decimal, "nombre décimal", "nombres décimaux"),
    (dt.datetime, "date et heure", "dates et heures"),
    (dt.date, "date", "dates"),
    (str, "texte", "textes"),
)
# How the variable key of a mapping is written in dotted keys (`access.sites.<site>.target`).
_PLACEHOLDERS = (("sites", "site"), ("authors", "auteur"), ("fields", "champ"))
_FILE_ID = "tiré du nom du fichier"


@dataclass(frozen=True)
class _Shape:
    """A value's type as editors see it; `nested` says where its own keys are."""

    singular: str
    plural: str
    nested: Literal["model", "list", "dict", "union"] | None = None
    models: tuple[type[BaseModel], ...] = ()
    discriminator: str | None = None
    value: _Shape | None = None  # the values of a mapping


@dataclass(frozen=True)
class Row:
    """One line of a field table."""

    key: str
    type: str
    required: str
    description: str


def _flatten(metadata: Any) -> tuple[list[Any], str | None]:
    """Constraints of an annotation (FieldInfo unpacked) and any union discriminator."""
    flat: list[Any] = []
    discriminator = None
    for item in metadata:
        if isinstance(item, FieldInfo):
            inner, _ = _flatten(item.metadata)
            flat.extend(inner)
            if isinstance(item.discriminator, str):
                discriminator = item.discriminator
        else:
            flat.append(item)
    return flat, discriminator


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _constraints(metadata: list[Any], is_list: bool) -> str:
    """The limits an editor must respect, in words ('' when none)."""
    words: list[str] = []
    low = high = None
    for item in metadata:
        if isinstance(item, at.MinLen) and item.min_length > (0 if is_list else 1):
            words.append(f"au moins {item.min_length}" if is_list else f"{item.min_length} caractères au moins")
        elif isinstance(item, at.MaxLen):
            words.append(f"{item.max_length} au plus" if is_list else f"{item.max_length} caractères au plus")
        elif isinstance(item, StringConstraints) and item.max_length is not None:
            words.append(f"{item.max_length} caractères au plus")
        elif isinstance(item, at.Gt):
            words.append("positif" if item.gt == 0 else f"supérieur à {_number(item.gt)}")
        elif isinstance(item, at.Lt):
            words.append(f"inférieur à {_number(item.lt)}")
        elif isinstance(item, at.Ge):
            low = item.ge
        elif isinstance(item, at.Le):
            high = item.le
    if low is not None and high is not None:
        words.append(f"de {_number(low)} à {_number(high)}")
    elif low is not None:
        words.append("positif ou nul" if low == 0 else f"au moins {_number(low)}")
    elif high is not None:
        words.append(f"au plus {_number(high)}")
    return ", ".join(words)


def _with(label: str, constraints: str) -> str:
    return f"{label} ({constraints})" if constraints else label


def _de(word: str) -> str:
    return f"d'{word}" if word[:1].lower() in "aeéèêiouyh" else f"de {word}"


def _codes(values: Any) -> str:
    return ", ".join(f"`{v}`" for v in values)


def _shape(annotation: Any, metadata: Any = (), discriminator: str | None = None) -> _Shape:
    flat, found = _flatten(metadata)
    discriminator = discriminator or found
    while get_origin(annotation) is Annotated:
        annotation, *extra = get_args(annotation)
        more, found = _flatten(extra)
        flat = more + flat
        discriminator = discriminator or found
    origin = get_origin(annotation)

    if origin in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _shape(args[0], flat, discriminator)
        shapes = [_shape(a) for a in args]
        if all(s.nested == "model" for s in shapes):
            models = tuple(m for s in shapes for m in s.models)
            key = discriminator or _common_literal(models)
            return _Shape("mode", "modes", "union", models, key)
        return _Shape(" ou ".join(s.singular for s in shapes), " ou ".join(s.plural for s in shapes))
    if origin is Literal:
        choices = _codes(get_args(annotation))
        return _Shape(f"un choix parmi {choices}", f"choix parmi {choices}")
    if origin is list:
        item = _shape(get_args(annotation)[0])
        limits = _constraints(flat, is_list=True)
        if item.nested == "model":
            return _Shape(_with("liste d'éléments", limits), "listes", "list", item.models)
        return _Shape(_with(f"liste {_de(item.plural)}", limits), "listes")
    if origin is dict:
        value = _shape(get_args(annotation)[1])
        nested = "dict" if value.nested == "model" else None
        return _Shape("table", "tables", nested, value.models, value=value)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _Shape("groupe de clés", "groupes de clés", "model", (annotation,))
    if annotation is str:
        for validator, singular, plural in _NAMED_STRINGS:
            if validator in flat:
                return _Shape(_with(singular, _constraints(flat, False)), plural)
    for cls, singular, plural in _SCALARS:
        if isinstance(annotation, type) and issubclass(annotation, cls):
            return _Shape(_with(singular, _constraints(flat, False)), plural)
    return _Shape("valeur", "valeurs")


def _common_literal(models: tuple[type[BaseModel], ...]) -> str | None:
    """The field every variant declares as a fixed choice (the union's tag)."""
    for name in models[0].model_fields:
        if all(get_origin(m.model_fields.get(name, FieldInfo()).annotation) is Literal for m in models):
            return name
    return None


def _tag(model: type[BaseModel], discriminator: str) -> str:
    return str(get_args(model.model_fields[discriminator].annotation)[0])


def _after(condition: str, description: str) -> str:
    """`description` after a condition such as "Avec `kind: cas` : " (lowercased start)."""
    if condition and description[:1].isupper() and not description[1:2].isupper():
        description = description[0].lower() + description[1:]
    return condition + description


def _placeholder(name: str) -> str:
    return "<" + dict(_PLACEHOLDERS).get(name, "clé") + ">"


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return "obligatoire"
    value = info.get_default(call_default_factory=True)
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json", exclude_defaults=True)
        shown = ", ".join(f"{k}: {v}" for k, v in value.items())
        return f"par défaut : `{shown}`" if shown else "facultatif"
    if value is None or value == "" or value == [] or value == {}:
        return "facultatif"
    if isinstance(value, bool):
        return f"par défaut : {'oui' if value else 'non'}"
    if isinstance(value, (list, tuple)):
        return f"par défaut : {_codes(value)}"
    return f"par défaut : `{value}`"


def field_rows(model: type[BaseModel], prefix: str = "", *, id_from_file: bool = False) -> list[Row]:
    """Every key of `model`, nested keys dotted, in the models' order."""
    return list(_rows(model, prefix, id_from_file=id_from_file, condition=""))


def _rows(
    model: type[BaseModel], prefix: str, *, id_from_file: bool, condition: str, skip: str | None = None
) -> Iterator[Row]:
    for name, info in model.model_fields.items():
        if name == skip:
            continue
        key = f"{prefix}{name}"
        tag = info.discriminator if isinstance(info.discriminator, str) else None
        shape = _shape(info.annotation, info.metadata, tag)
        if shape.nested == "model":
            sub, label = f"{key}.", f"groupe de clés (voir `{key}.…`)"
        elif shape.nested == "list":
            sub, label = f"{key}[].", f"{shape.singular}, chacun avec les clés `{key}[].…`"
        elif shape.nested == "dict":
            sub = f"{key}.{_placeholder(name)}."
            label = f"une entrée `{_placeholder(name)}` par clé, chacune avec les clés `{sub}…`"
        elif shape.nested == "union":
            sub, label = f"{key}.", f"un mode choisi par `{key}.{shape.discriminator}` (voir ci-dessous)"
        elif shape.value is not None:
            sub, label = "", f"table `{_placeholder(name)}: valeur` (valeurs : {shape.value.plural})"
        else:
            sub, label = "", shape.singular
        required = _FILE_ID if (id_from_file and not prefix and name == "id") else _default(info)
        description = info.description or (f"Voir les clés `{sub}…` ci-dessous." if sub else "")
        yield Row(key, label, required, _after(condition, description))

        if shape.nested in ("model", "list", "dict"):
            for nested in shape.models:
                yield from _rows(nested, sub, id_from_file=False, condition=condition)
        elif shape.nested == "union" and shape.discriminator:
            tags = [_tag(m, shape.discriminator) for m in shape.models]
            keys = " ; ".join(
                f"`{tag}` : " + (_codes(k for k in m.model_fields if k != shape.discriminator) or "aucune autre clé")
                for tag, m in zip(tags, shape.models)
            )
            yield Row(
                f"{sub}{shape.discriminator}",
                f"un choix parmi {_codes(tags)}",
                "obligatoire",
                _after(condition, f"Le mode ; les autres clés dépendent de ce choix ({keys})."),
            )
            for tag, variant in zip(tags, shape.models):
                yield from _rows(
                    variant,
                    sub,
                    id_from_file=False,
                    condition=f"{condition}Avec `{shape.discriminator}: {tag}` : ",
                    skip=shape.discriminator,
                )


# --- Markdown building blocks --------------------------------------------------------------

_CODE_SPAN = re.compile(r"(`+)(.+?)\1")


def cell(text: str) -> str:
    """Text safe inside a table cell: one line, `|` escaped, no raw HTML outside code spans.

    Python-Markdown does not split a row on a `|` inside a code span (and would show a
    backslash there), so only the text between code spans is escaped.
    """
    text = " ".join(text.split())
    parts: list[str] = []
    last = 0
    for match in _CODE_SPAN.finditer(text):
        parts.append(_escape_text(text[last : match.start()]))
        parts.append(match[0])
        last = match.end()
    parts.append(_escape_text(text[last:]))
    return "".join(parts)


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(cell(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _code_block(text: str) -> str:
    """An indented code block (portable: no extension needed)."""
    return "\n".join(("    " + line).rstrip() for line in text.rstrip("\n").split("\n"))


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, as editors usually write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def to_yaml(data: Mapping[str, Any]) -> str:
    return yaml.dump(dict(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=88)


def _field_table(model: type[BaseModel], id_from_file: bool) -> str:
    rows = [(f"`{r.key}`", r.type, r.required, r.description) for r in field_rows(model, id_from_file=id_from_file)]
    return table(("Clé", "Type", "Obligatoire ?", "Description"), rows)


# --- the file types and their examples -----------------------------------------------------


@dataclass(frozen=True)
class FileType:
    """One kind of file editors write; `example` builds a fresh, valid example."""

    title: str
    paths: tuple[str, ...]
    model: type[BaseModel]
    intro: str
    example: Callable[[], dict[str, Any]]
    id_from_file: bool = False
    example_id: str = ""  # the example's file name without `.yml`, when the id comes from it
    front_matter: bool = False
    example_body: str = ""


def _sites_example() -> dict[str, Any]:
    return {
        "network": {
            "name": "La Boîte numérique",
            "description": "Les ressources numériques des bibliothèques du Calvados et de Caen la Mer.",
            "fee_per_inhabitant": 0.15,
            "timezone": "Europe/Paris",
        },
        "sites": [
            {
                "id": "calvados",
                "kind": "public",
                "name": "La Boîte numérique",
                "tagline": "Presse, films, musique et cours en ligne avec votre carte de bibliothèque.",
                "url": "https://boitenumerique.example.org/",
                "look": "calvados",
                "logo": "logo.svg",
                "palette": {"primary": "#00506e", "accent": "#1d6b4f"},
                "login": {"kind": "ezproxy", "base": "https://proxy.boitenumerique.example.org", "form": "qurl"},
                "library_logins": True,
                "fields": {"code_bib": "CD14"},
                "contact_email": "boitenumerique@calvados.example.org",
                "accessibility": {
                    "organisation": "Département du Calvados",
                    "contact_email": "accessibilite@calvados.example.org",
                    "conformity": "non conforme",
                },
            },
            {
                "id": "pro",
                "kind": "pro",
                "name": "La Boîte numérique — Espace pro",
                "tagline": "L'espace des bibliothécaires du réseau.",
                "url": "https://pro.boitenumerique.example.org/",
                "look": "pro",
                "palette": {"primary": "#37474f", "accent": "#1565c0"},
                "login": {"kind": "direct"},
            },
        ],
    }


def _taxonomy_example() -> dict[str, Any]:
    return {
        "categories": [
            {"id": "presse", "label": "Presse", "icon": "material/newspaper-variant-outline"},
            {"id": "autoformation", "label": "Autoformation", "description": "Langues, code de la route, bureautique."},
        ],
        "audiences": [{"id": "adultes", "label": "Adultes"}, {"id": "jeunesse", "label": "Jeunesse"}],
        "devices": [{"id": "ordinateur", "label": "Ordinateur"}, {"id": "tablette", "label": "Tablette"}],
        "languages": [{"id": "fr", "label": "Français"}, {"id": "en", "label": "Anglais"}],
        "event_kinds": [{"id": "atelier", "label": "Atelier"}, {"id": "copil", "label": "Comité de pilotage"}],
        "blog_categories": ["Technique", "Vie du réseau"],
    }


def _groups_example() -> dict[str, Any]:
    return {
        "groups": [
            {
                "id": "ressources-numeriques",
                "name": "Groupe ressources numériques",
                "kind": "groupe-de-travail",
                "summary": "Choisir, évaluer et faire connaître les ressources du réseau.",
                "lead": "Claire Martin",
                "members": ["bayeux", "vire"],
                "contact_email": "ressources@calvados.example.org",
            }
        ]
    }


def _authors_example() -> dict[str, Any]:
    return {
        "authors": {
            "cmartin": {"name": "Claire Martin", "description": "Chargée des ressources numériques"},
        }
    }


def _resource_example() -> dict[str, Any]:
    return {
        "title": "Tout apprendre",
        "provider": "Toutapprendre",
        "category": "autoformation",
        "audiences": ["adultes"],
        "summary": "Des cours en ligne : langues, bureautique, code de la route, musique.",
        "description": "Plus de 2 000 cours vidéo, à suivre à son rythme, sur ordinateur ou tablette.",
        "offers": ["Langues (anglais, espagnol…)", "Code de la route"],
        "languages": ["fr", "en"],
        "devices": ["ordinateur", "tablette"],
        "apps": [{"name": "Toutapprendre", "platforms": ["android", "ios"]}],
        "conditions": {"account": "bibliotheque", "concurrent_users": 50},
        "how_to_start": ["Cliquez sur « Accéder ».", "Connectez-vous avec votre carte de bibliothèque."],
        "access": {
            "kind": "login",
            "target": "https://www.toutapprendre.example.org/",
            "sites": {
                "caen": {"kind": "template", "template": "https://www.toutapprendre.example.org/sso?id_bib={code_bib}"}
            },
        },
        "keywords": ["anglais", "bureautique"],
        "added": dt.date(2024, 3, 1),
        "featured": True,
    }


def _library_example() -> dict[str, Any]:
    return {
        "name": "Médiathèque Les 7 Lieux",
        "town": "Bayeux",
        "population": 12000,
        "address": {"street": "1 boulevard Fabian-Ware", "postcode": "14400", "city": "Bayeux"},
        "geo": {"lat": 49.2764, "lon": -0.7056},
        "phone": "02 31 00 00 00",
        "email": "mediatheque@bayeux.example.org",
        "website": "https://mediatheque.bayeux.example.org/",
        "opening_hours": ["Mardi : 14 h – 18 h", "Mercredi : 10 h – 18 h"],
        "joined": 2016,
        "sites": ["calvados"],
        "login": {"kind": "cas", "base": "https://cas.bayeux.example.org/cas"},
        "fields": {"code_bib": "BAY14"},
    }


def _event_example() -> dict[str, Any]:
    return {
        "title": "Atelier : apprendre l'anglais en ligne",
        "kind": "atelier",
        "start": "2026-11-28T14:00",
        "end": "2026-11-28T16:00",
        "library": "bayeux",
        "audiences": ["adultes"],
        "summary": "Découvrir les cours d'anglais de Tout apprendre avec un bibliothécaire.",
        "resources": ["tout-apprendre"],
        "registration": "Sur réservation à l'accueil de la médiathèque",
        "registration_url": "https://mediatheque.bayeux.example.org/agenda/anglais",
    }


def _page_example() -> dict[str, Any]:
    return {"title": "Aide", "description": "Questions fréquentes sur les ressources numériques.", "order": 10}


def _post_example() -> dict[str, Any]:
    return {
        "title": "PNB : les nouveaux titres de novembre",
        "date": dt.date(2026, 11, 2),
        "description": "Ce qui arrive dans le catalogue de livres numériques.",
        "authors": ["cmartin"],
        "categories": ["Technique"],
    }


FILE_TYPES: tuple[FileType, ...] = (
    FileType(
        "Le réseau et ses sites",
        ("data/sites.yml",),
        SitesFile,
        "Un seul fichier : le réseau (`network`) puis la liste des sites construits (`sites`), "
        "portails publics et espace professionnel.",
        _sites_example,
    ),
    FileType(
        "Les vocabulaires",
        ("data/taxonomy.yml",),
        Taxonomy,
        "Les listes où les autres fichiers puisent leurs identifiants : catégories, publics, "
        "supports, langues, types d'événements, catégories du blog.",
        _taxonomy_example,
    ),
    FileType(
        "Les groupes de travail",
        ("data/groups.yml",),
        GroupsFile,
        "Facultatif : les groupes de travail et le comité de pilotage (COPIL).",
        _groups_example,
    ),
    FileType(
        "Les auteurs du blog",
        ("data/authors.yml",),
        AuthorsFile,
        "Facultatif : les personnes qui écrivent sur le blog professionnel, chacune sous son identifiant.",
        _authors_example,
    ),
    FileType(
        "Les ressources",
        ("data/resources/<id>.yml",),
        Resource,
        "Un fichier par ressource numérique ; son nom (sans `.yml`) est l'identifiant de la ressource.",
        _resource_example,
        id_from_file=True,
        example_id="tout-apprendre",
    ),
    FileType(
        "Les bibliothèques",
        ("data/libraries/<id>.yml",),
        Library,
        "Un fichier par bibliothèque membre ; son nom (sans `.yml`) est l'identifiant de la bibliothèque.",
        _library_example,
        id_from_file=True,
        example_id="bayeux",
    ),
    FileType(
        "Les événements",
        ("data/events/<id>.yml",),
        Event,
        "Un fichier par événement ; son nom (sans `.yml`) est l'identifiant de l'événement. "
        "Les heures sont celles de Paris, sans décalage horaire.",
        _event_example,
        id_from_file=True,
        example_id="atelier-anglais-2026-11-28",
    ),
    FileType(
        "Les pages",
        ("content/public/*.md", "content/pro/*.md"),
        PageMeta,
        "Un fichier Markdown par page (aide, questions fréquentes, documents de référence) : "
        "l'en-tête entre deux lignes `---` porte les clés ci-dessous, le texte de la page suit.",
        _page_example,
        front_matter=True,
        example_body="## Comment me connecter ?\n\nAvec le numéro de votre carte de bibliothèque.",
    ),
    FileType(
        "Les billets du blog et les actualités",
        ("content/blog/posts/*.md", "content/news/*.md"),
        PostMeta,
        "Un fichier Markdown par billet du blog professionnel (`content/blog/posts/`) ou par "
        "actualité des portails (`content/news/`) : l'en-tête entre deux lignes `---`, puis le texte.",
        _post_example,
        front_matter=True,
        example_body="Cinquante nouveaux titres arrivent ce mois-ci dans le catalogue PNB.",
    ),
)


# --- access modes --------------------------------------------------------------------------


@dataclass(frozen=True)
class _AccessExample:
    title: str
    text: str
    login: dict[str, Any] | None
    access: dict[str, Any]
    fields: tuple[tuple[str, str], ...] = ()


_TARGET = "https://presse.example.org/kiosque"


def _access_examples() -> tuple[_AccessExample, ...]:
    login = {"kind": "login", "target": _TARGET}
    return (
        _AccessExample(
            "EZproxy, forme `qurl` (recommandée)",
            "Le lecteur passe par le proxy du réseau, qui l'identifie puis l'envoie chez le "
            "fournisseur. L'adresse cible est encodée une fois.",
            {"kind": "ezproxy", "base": "https://proxy.reseau.example.org", "form": "qurl"},
            login,
        ),
        _AccessExample(
            "EZproxy, forme historique `url`",
            "Même principe, mais l'adresse cible est placée telle quelle à la fin du lien.",
            {"kind": "ezproxy", "base": "https://proxy.reseau.example.org", "form": "url"},
            login,
        ),
        _AccessExample(
            "OpenAthens",
            "Le redirecteur OpenAthens identifie le lecteur pour le domaine du réseau.",
            {"kind": "openathens", "domain": "reseau.example.org"},
            login,
        ),
        _AccessExample(
            "Shibboleth (lien WAYFless)",
            "Le lien passe par le service Shibboleth de la ressource (par défaut, l'origine de "
            "`target` ; sinon `access.sp`), qui lance la connexion auprès du fournisseur "
            "d'identité du réseau.",
            {"kind": "shibboleth", "idp": "https://idp.reseau.example.org/idp/shibboleth"},
            login,
        ),
        _AccessExample(
            "CAS",
            "Le serveur CAS du réseau identifie le lecteur puis le renvoie vers le service "
            "(par défaut `target`, sinon `access.service`).",
            {"kind": "cas", "base": "https://cas.reseau.example.org/cas"},
            login,
        ),
        _AccessExample(
            "Adresse d'entrée du fournisseur (`template`)",
            "Le fournisseur donne une adresse d'entrée avec le code de la bibliothèque ; chaque "
            "champ entre accolades est pris dans `fields` du site ou de la bibliothèque.",
            None,
            {"kind": "template", "template": "https://fournisseur.example.org/sso?id_bib={code_bib}"},
            (("code_bib", "CD14"),),
        ),
        _AccessExample(
            "Lien direct (`direct`)",
            "Ressource libre, ou site sans authentification du réseau (`login: {kind: direct}`) : "
            "le lien mène directement chez le fournisseur, qui demande éventuellement son propre compte.",
            None,
            {"kind": "direct", "target": "https://ressource-libre.example.org/"},
        ),
        _AccessExample(
            "Sur place uniquement (`on_site`)",
            "Pas de lien : la page dit où et comment consulter la ressource.",
            None,
            {"kind": "on_site", "where": "Sur les postes publics de la médiathèque"},
        ),
    )


def _access_section() -> list[str]:
    adapter = TypeAdapter(LoginStrategy)
    out = [
        "## Les modes d'accès aux ressources",
        "",
        "Un site statique ne garde pas de session : chaque bouton « Accéder » est un lien qui lance "
        "la bonne connexion. Le site déclare sa stratégie d'authentification (`login` dans "
        "`data/sites.yml`) ; une bibliothèque qui garde son propre portail peut déclarer la sienne "
        "(`login` et `fields` dans `data/libraries/<id>.yml`, avec `library_logins: true` sur le "
        "site). La ressource déclare sa cible (`access`) et peut la changer pour un site "
        "(`access.sites.<site>`). Seules les adresses `https://` sont acceptées (`http://` "
        "seulement si le site a `allow_http: true`).",
        "",
        "Exemples, avec la cible `" + _TARGET + "` :",
        "",
    ]
    for example in _access_examples():
        access = ResourceAccess.model_validate(example.access)
        login_data = example.login or {"kind": "direct"}
        link = access_link(access, adapter.validate_python(login_data), dict(example.fields))
        source = ""
        if example.login is not None:
            source += "# data/sites.yml (dans le site)\n" + to_yaml({"login": example.login})
        if example.fields:
            source += "# data/sites.yml (dans le site) ou data/libraries/<id>.yml\n" + to_yaml(
                {"fields": dict(example.fields)}
            )
        source += "# data/resources/<id>.yml\n" + to_yaml({"access": example.access})
        result = f"Adresse produite : `{link.url}`" if link.url else f"Pas de lien ; la page affiche : « {link.where} »."
        out += [f"### {example.title}", "", example.text, "", _code_block(source), "", result, ""]
    return out


# --- the page ------------------------------------------------------------------------------


def _introduction() -> list[str]:
    files = "\n".join(f"- {_codes(ft.paths)} : {ft.title[0].lower()}{ft.title[1:]}" for ft in FILE_TYPES)
    return [
        "Ce guide explique comment modifier le réseau : chaque ressource, bibliothèque, événement, "
        "page ou billet est un fichier texte (YAML pour les données, Markdown pour les textes) "
        "que l'on modifie puis que l'on enregistre dans le dépôt (commit). Il est produit à partir "
        "du code qui vérifie les fichiers : il est donc toujours à jour.",
        "",
        "## Où sont les fichiers",
        "",
        files,
        "",
        "Pour les ressources, les bibliothèques et les événements, l'identifiant est le nom du "
        "fichier sans `.yml` : `data/resources/tout-apprendre.yml` décrit la ressource "
        "`tout-apprendre`. On ne l'écrit pas dans le fichier. Un identifiant s'écrit en minuscules, "
        "chiffres et tirets simples, sans accent ni espace (`presse-quotidienne`).",
        "",
        "## Vérifier ses modifications",
        "",
        "La commande `bibnum check` vérifie tous les fichiers et liste toutes les erreurs d'un coup "
        "(la même vérification tourne sur chaque proposition de modification). Chaque erreur a la "
        "forme `FICHIER:LIGNE:COLONNE: message`, par exemple :",
        "",
        _code_block("data/resources/tout-apprendre.yml:7:1: sumary: unknown key 'sumary'; did you mean 'summary'?"),
        "",
        "Ici, à la ligne 7, colonne 1, du fichier `data/resources/tout-apprendre.yml`, la clé "
        "`sumary` est inconnue : c'est une faute de frappe pour `summary`. Le message nomme la clé "
        "en cause, ce qui était attendu et comment corriger.",
        "",
        "## Lire les tableaux",
        "",
        "- `a.b` : la clé `b` écrite sous la clé `a` (décalée de deux espaces).",
        "- `a[].b` : la clé `b` de chaque élément de la liste `a` (éléments commençant par `- `).",
        "- `a.<site>.b` : `<site>` est à remplacer par un identifiant (ici, celui d'un site).",
        "- « oui/non » s'écrit `true` ou `false` ; une date `2026-11-28` ; une date et heure "
        "`2026-11-28T14:00`.",
        "- Une clé obligatoire placée sous une clé facultative n'est obligatoire que si la clé "
        "facultative est présente.",
        "",
    ]


def _file_section(ft: FileType) -> list[str]:
    paths = ", ".join(f"`{p}`" for p in ft.paths)
    out = [f"## {ft.title} : {paths}", "", ft.intro, "", _field_table(ft.model, ft.id_from_file), ""]
    example = to_yaml(ft.example())
    if ft.front_matter:
        out += ["Exemple :", "", _code_block(f"---\n{example}---\n\n{ft.example_body}"), ""]
    else:
        where = f" (`{ft.paths[0].replace('<id>', ft.example_id)}`)" if ft.id_from_file else ""
        out += [f"Exemple{where} :", "", _code_block(example), ""]
    return out


def editor_guide_markdown() -> str:
    """The body of the "Guide de l'éditeur" page (French Markdown, no front matter)."""
    lines = _introduction()
    for ft in FILE_TYPES:
        lines += _file_section(ft)
    lines += _access_section()
    return "\n".join(lines).rstrip("\n") + "\n"
