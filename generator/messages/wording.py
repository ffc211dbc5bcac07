"""The helpers that word a message: fill it by key, count and agree, name an item, quote and list values."""

from __future__ import annotations

from collections.abc import Iterable

from .catalogue import MESSAGES

# How the items of a list are named, by the list's key: (noun, grammatical gender).
# A list not named here reads "3e élément de <key>": new fields get a French name for free.
ITEM_NOUNS: dict[str, tuple[str, str]] = {
    "sites": ("site", "m"),
    "groups": ("groupe", "m"),
    "sources": ("source", "f"),
    "members": ("membre", "m"),
    "audiences": ("public", "m"),
    "devices": ("support", "m"),
    "languages": ("langue", "f"),
    "resources": ("ressource", "f"),
    "authors": ("auteur", "m"),
    "apps": ("application", "f"),
    "platforms": ("plateforme", "f"),
    "how_to_start": ("étape", "f"),
    "offers": ("offre", "f"),
    "keywords": ("mot-clé", "m"),
    "notes": ("note", "f"),
    "opening_hours": ("ligne d'horaires", "f"),
    "pages": ("page", "f"),
    "towns": ("commune", "f"),
    "funders": ("financeur", "m"),
    "milestones": ("date", "f"),
    "people": ("personne", "f"),
    "services": ("service", "m"),
    "blocks": ("bloc", "m"),
    "exceptions": ("exception", "f"),
    "rules": ("règle", "f"),
    "records": ("notice", "f"),
}
# Vocabularies of taxonomy.yml (and a post's categories): "2e terme de categories".
TERM_LISTS = frozenset({"categories", "event_kinds", "event_series", "blog_categories"})


def say(message: str, /, **values: object) -> str:
    """The message named `message`, with its `{placeholders}` filled."""
    try:
        template = MESSAGES[message]
    except KeyError:
        raise KeyError(f"no editor message {message!r} in generator/messages/") from None
    return template.format(**values)  # always: a literal brace is written {{ or }} in every message


def count(number: int, key: str) -> str:
    """'1 erreur', '3 erreurs' (French: 0 and 1 take the singular)."""
    return f"{number} {agreeing(number, key)}"


def agreeing(number: int, key: str) -> str:
    """The word of `key` that agrees with `number`: 'publié' for 1, 'publiés' for 3."""
    one, many = MESSAGES[key].split("|")
    return one if number < 2 else many


def unknown_id(what: str, value: object, known: Iterable[str], where: str, close: str | None) -> str:
    """'catégorie « bd » inconnue ; vouliez-vous dire « bande-dessinee » ? valeurs possibles : …'."""
    noun, gender = MESSAGES[f"what.{what}"].split("|")
    return say("ref.unknown", what=noun, value=cut(value), unknown=say(f"ref.unknown.{gender}"),
               close=say("ref.close", close=cut(close)) if close else "",
               known=listed(cut(name) for name in sorted(known)) or say("ref.none_defined"), where=where)


def system_error(exc: BaseException) -> str:
    """What failed when the system refused a file or a connection, in French (errno's texts are English)."""
    import socket  # only here: the catalogue is otherwise pure text

    for kind, key in ((FileNotFoundError, "system.not_found"), (PermissionError, "system.permission"),
                      (IsADirectoryError, "system.is_directory"), (ConnectionRefusedError, "system.refused"),
                      (ConnectionResetError, "system.reset"), (socket.gaierror, "system.name")):
        if isinstance(exc, kind):
            return say(key)
    if isinstance(exc, OSError) and exc.errno in (101, 113):  # ENETUNREACH, EHOSTUNREACH
        return say("system.unreachable")
    if isinstance(exc, OSError) and exc.errno == 28:  # ENOSPC
        return say("system.no_space")
    return say("system.other", name=exc.__class__.__name__)


def ordinal(number: int, gender: str = "m") -> str:
    """'1er' / '1re', then '2e', '3e'…"""
    if number == 1:
        return "1er" if gender == "m" else "1re"
    return f"{number}e"


def cut(value: object, limit: int = 60) -> str:
    """What an editor wrote, cut when long (a refused value may be a whole paragraph)."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quoted(value: object, limit: int = 60) -> str:
    """What an editor wrote, quoted the French way and cut when long: « mars 2023 »."""
    return f"« {cut(value, limit)} »"


def listed(values: Iterable[object]) -> str:
    """'a, b, c' (the allowed values, the keys of a block)."""
    return ", ".join(str(v) for v in values)


def item_name(key: str | None, number: int, item_id: object = None) -> str:
    """'3e groupe (id comite-technique)', '2e terme de categories', '4e élément de rules'."""
    if key in ITEM_NOUNS:
        noun, gender = ITEM_NOUNS[key]
    elif key in TERM_LISTS:
        noun, gender = f"terme de {key}", "m"
    else:
        noun, gender = (f"élément de {key}" if key else "élément"), "m"
    if isinstance(item_id, (str, int)) and not isinstance(item_id, bool) and str(item_id).strip():
        return say("where.item_id", ordinal=ordinal(number, gender), noun=noun, id=item_id)
    return say("where.item", ordinal=ordinal(number, gender), noun=noun)
