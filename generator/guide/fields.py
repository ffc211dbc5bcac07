"""The rows of a field table: every key of a model, walked recursively.

`field_rows` reads `model_fields` (nested models, lists and mappings of models,
optional values, choices, discriminated unions) and yields one `Row` per key.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import get_args

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .shapes import _codes, _shape

# How the variable key of a mapping is written in dotted keys (`access.sites.<site>.target`).
_PLACEHOLDERS = (("sites", "site"), ("authors", "auteur"), ("fields", "champ"))
_FILE_ID = "tiré du nom du fichier"


@dataclass(frozen=True)
class Row:
    """One line of a field table."""

    key: str
    type: str
    required: str
    description: str


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
