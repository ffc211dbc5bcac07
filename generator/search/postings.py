"""Records -> the inverted index: every folded word, its stem and the documents holding it (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter

from .normalize import NOT_INDEXED, stem, words
from .records import BODY, MEDIUM, STRONG, TITLE, SearchRecord

# Weight classes as small integers: postings pack (doc gap, class) into one number.
CLASSES = (TITLE, STRONG, MEDIUM, BODY)
assert list(CLASSES) == sorted(CLASSES, reverse=True)  # record_terms: lower weight = worse class
_CLASS_OF = {weight: index for index, weight in enumerate(CLASSES)}


@dataclass
class Word:
    """One folded word of the index: its stem and, per document holding it, its best field class."""

    text: str
    stem: str
    docs: dict[int, int] = field(default_factory=dict)  # doc id -> class (0 = title, best)


# Folded word -> (its stem, {doc id: class}): the postings of the first records of an index.
HeadPostings = dict[str, tuple[str, dict[int, int]]]


def invert(records: list[SearchRecord]) -> dict[str, Word]:
    """Folded word -> Word, over records numbered by their position (the doc id)."""
    return merge({}, _postings(records, 0))


def merge(head: HeadPostings, postings: dict[str, dict[int, int]]) -> dict[str, Word]:
    """Words of the head's postings and of those of the records after it (`other_postings`)."""
    postings = dict(postings)
    words: dict[str, Word] = {}
    for word, (word_stem, docs) in head.items():
        more = postings.pop(word, None)
        words[word] = Word(word, word_stem, {**docs, **more} if more else docs)
    words.update({word: Word(word, stem(word), docs) for word, docs in postings.items()})
    return words


def head_postings(records: list[SearchRecord]) -> HeadPostings:
    """What `invert` keeps of the first records of an index: their words, stems and postings."""
    return {word: (stem(word), docs) for word, docs in _postings(records, 0).items()}


def other_postings(records: list[SearchRecord], first: int) -> dict[str, dict[int, int]]:
    """Folded word -> {doc id: best class} over the records after a head of `first` ones."""
    return _postings(records, first)


def _postings(records: list[SearchRecord], first: int) -> dict[str, dict[int, int]]:
    """Folded word -> {doc id: best class}; records are numbered from `first`."""
    postings: dict[str, dict[int, int]] = {}
    for doc, record in enumerate(records, first):
        terms = record_terms(record.fields)
        for word, cls in zip(terms, terms[-1]):  # the last item is the classes, not a word
            docs = postings.get(word)
            if docs is None:
                postings[word] = {doc: cls}
            else:
                docs[doc] = cls
    return postings


# Public portals share most records' fields (resources, their titles): a second site,
# or the next build of a preview server, finds them here.
_TERMS: dict[tuple[tuple[int, str], ...], tuple] = {}
_TERMS_LIMIT = 1 << 16


def record_terms(fields: tuple[tuple[int, str], ...]) -> tuple:
    """(word, ..., bytes of each word's best class) of one record: a word counts once, at its best place.

    One flat tuple of strings and bytes: the cyclic garbage collector stops scanning it
    after one look, where pairs would keep it busy at every collection.
    """
    terms = _TERMS.get(fields)
    if terms is None:
        best: dict[str, int] = {}
        # Worst class first (lowest weight), so that a better one overwrites it.
        for weight, text in sorted(fields, key=itemgetter(0)):
            best.update(dict.fromkeys(words(text), _CLASS_OF[weight]))
        for word in NOT_INDEXED.intersection(best):  # = index_words of each text, in one go
            del best[word]
        if len(_TERMS) >= _TERMS_LIMIT:  # bounded: a long-running preview server must not grow forever
            _TERMS.clear()
        terms = _TERMS[fields] = (*best, bytes(best.values()))
    return terms


def encode(docs: dict[int, int]) -> list[int]:
    """Sorted postings as gaps: each number is (doc id - previous doc id) * 4 + class."""
    ordered = sorted(docs)
    return [(doc - previous) * 4 + docs[doc] for doc, previous in zip(ordered, [-1, *ordered])]


def decode(codes: list[int]) -> dict[int, int]:
    """The inverse of `encode` (the browser does the same in search-index.js)."""
    docs, previous = {}, -1
    for code in codes:
        previous += code >> 2
        docs[previous] = code & 3
    return docs
