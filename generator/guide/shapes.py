"""How a value's type reads to editors, in French: `_Shape` and the words around it.

Unwraps an annotation (`Annotated`, optional values, unions, `Literal`, lists,
mappings, models, constrained strings, scalars) into the labels the field tables
show, with the limits an editor must respect.
"""

from __future__ import annotations

import datetime as dt
import types
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import annotated_types as at
from pydantic import BaseModel, StringConstraints
from pydantic.fields import FieldInfo

from ..models.base import Email, MarkdownText, PlainText, Slug
from ..models.site import FieldValue, HexColor

# --- what each kind of value is called, in French ------------------------------------------

# Constrained strings are recognised by the validator their alias carries.
_NAMED_STRINGS: tuple[tuple[Any, str, str], ...] = tuple(
    (get_args(alias)[-1], singular, plural)
    for alias, singular, plural in (
        (PlainText, "texte", "textes"),
        (Slug, "identifiant", "identifiants"),
        (Email, "adresse électronique", "adresses électroniques"),
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


@dataclass(frozen=True)
class _Shape:
    """A value's type as editors see it; `nested` says where its own keys are."""

    singular: str
    plural: str
    nested: Literal["model", "list", "dict", "union"] | None = None
    models: tuple[type[BaseModel], ...] = ()
    discriminator: str | None = None
    value: _Shape | None = None  # the values of a mapping


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
    # A type's own limit and its field's lower one (PlainText, Field(max_length=240)): the tighter one.
    longest = min((item.max_length for item in metadata if isinstance(item, (at.MaxLen, StringConstraints))
                   and item.max_length is not None), default=None)
    if longest is not None:
        words.append(f"{longest} au plus" if is_list else f"{longest} caractères au plus")
    for item in metadata:
        if isinstance(item, at.MinLen) and item.min_length > (0 if is_list else 1):
            words.append(f"au moins {item.min_length}" if is_list else f"{item.min_length} caractères au moins")
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
