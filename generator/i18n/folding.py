"""How French text is folded into plain words, for search and for comparing what editors write (pure).

The search index reads words this way (generator/search/normalize.py, mirrored in
search-index.js) and the check compares editors' best bets with it: it lives low enough
for both.
"""

from __future__ import annotations

import re
import unicodedata

# What `str.lower` and NFD leave alone but readers type with plain letters.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o"})
_LIGATURE_CHARS = frozenset("œæßø")
# Only the combining diacritics block: JavaScript strips exactly this range too.
_DIACRITICS = re.compile("[\u0300-\u036f]")
WORD = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lower case, ligatures spelt out, accents removed: 'Cinéma Œuvres' -> 'cinema oeuvres'."""
    text = text.lower()
    if text.isascii():  # no ligature, no accent, NFD changes nothing: most titles
        return text
    if not _LIGATURE_CHARS.isdisjoint(text):  # a translate is slow on long accented texts
        text = text.translate(_LIGATURES)
    return _DIACRITICS.sub("", unicodedata.normalize("NFD", text))


def words(text: str) -> list[str]:
    """Folded words, in order; apostrophes, hyphens and punctuation separate them."""
    return WORD.findall(fold(text))


def query_key(text: str) -> str:
    """What a whole query is compared by: its folded words, one space apart.

    'Code de la Route !' and 'code de la route' are the same query (a best bet matches either)."""
    return " ".join(words(text))
