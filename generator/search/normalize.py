"""Text -> search terms, the same way on both sides of the static index (pure).

The build folds, splits and stems every record's text; the browser folds and
splits the reader's query with the same rules, mirrored line for line in
`generator/look/assets/bibnum/search-index.js` (tests run both on the same cases).
Stemming happens only at build time (Snowball's French stemmer, on folded words):
the index maps every word it holds to its stem group, so the browser never needs
a stemmer of its own; for a query word the index does not hold, it tries the
singular (`depluralize`), the one inflection readers type most.
"""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

from ..i18n.folding import WORD as _WORD, fold, query_key, words  # noqa: F401 (this module's API)

# Snowball's French stop words, folded, plus the one-letter elisions (l', d', qu'...).
STOP_WORDS = frozenset(
    """
    a ai au aux avec c ce ces d dans de des du elle en es et eu eux il ils j je l la le les leur leurs
    lui m ma mais me mes moi mon n ne nos notre nous on ou par pas pour qu que qui s sa se ses son
    sur t ta te tes toi ton tu un une vos votre vous y
    """.split()
)

# snowballstemmer hands out PyStemmer's compiled stemmer when it is installed (a dependency):
# the same Snowball algorithm, about fifty times faster than the pure-Python one.
_STEMMER = snowballstemmer.stemmer("french")


def is_stop_word(word: str) -> bool:
    return word in STOP_WORDS


def depluralize(word: str) -> str:
    """The singular a reader most likely meant: 'journaux' -> 'journal', 'ateliers' -> 'atelier'."""
    if len(word) <= 3:
        return word
    if word.endswith("eaux"):
        return word[:-1]
    if word.endswith("aux"):
        return word[:-3] + "al"
    if word.endswith(("eux", "oux")):
        return word[:-1]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


# Stems are asked once per distinct word of each site; sites share most words.
@lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """Snowball French stem of a folded word: 'ateliers' and 'atelier' -> 'ateli'."""
    return _STEMMER.stemWord(word) if not word.isdigit() else word


def index_words(text: str) -> list[str]:
    """The words of a record's text worth indexing: folded, no stop words, no lone letters."""
    return [w for w in words(text) if len(w) > 1 and w not in STOP_WORDS or w.isdigit()]


# The words `index_words` drops (stop words are letters only, so digits always stay):
# lets the index drop them from a whole record at once.
NOT_INDEXED = STOP_WORDS | frozenset("abcdefghijklmnopqrstuvwxyz")


def query_terms(query: str) -> list[dict[str, object]]:
    """What the browser looks up for a query: [{'word', 'singular', 'prefix'}].

    The last word is a prefix while the reader is still typing it (no space after it).
    Stop words are dropped unless they are all the query holds; one-letter words too
    (they would match half the index), except digits.
    """
    found = words(query)
    if not found:
        return []
    typing = not query[-1:].isspace() and bool(_WORD.search(fold(query[-1:])))
    terms = [
        {"word": w, "singular": depluralize(w), "prefix": typing and i == len(found) - 1}
        for i, w in enumerate(found)
    ]
    kept = [t for t in terms if len(t["word"]) > 1 or t["word"].isdigit()]
    content = [t for t in kept if t["word"] not in STOP_WORDS]
    return content or kept
