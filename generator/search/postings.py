"""Records -> the inverted index: every folded word, its stem and the documents holding it (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .normalize import index_words, stem
from .records import BODY, MEDIUM, STRONG, TITLE, SearchRecord

# Weight classes as small integers: postings pack (doc gap, class) into one number.
CLASSES = (TITLE, STRONG, MEDIUM, BODY)
_CLASS_OF = {weight: index for index, weight in enumerate(CLASSES)}


@dataclass
class Word:
    """One folded word of the index: its stem and, per document holding it, its best field class."""

    text: str
    stem: str
    docs: dict[int, int] = field(default_factory=dict)  # doc id -> class (0 = title, best)


def invert(records: list[SearchRecord]) -> dict[str, Word]:
    """Folded word -> Word, over records numbered by their position (the doc id)."""
    index: dict[str, Word] = {}
    for doc, record in enumerate(records):
        for weight, text in record.fields:
            cls = _CLASS_OF[weight]
            for word in index_words(text):
                entry = index.get(word)
                if entry is None:
                    entry = index[word] = Word(word, stem(word))
                best = entry.docs.get(doc)
                if best is None or cls < best:
                    entry.docs[doc] = cls
    return index


def encode(docs: dict[int, int]) -> list[int]:
    """Sorted postings as gaps: each number is (doc id - previous doc id) * 4 + class."""
    codes, previous = [], -1
    for doc in sorted(docs):
        codes.append((doc - previous) * 4 + docs[doc])
        previous = doc
    return codes


def decode(codes: list[int]) -> dict[int, int]:
    """The inverse of `encode` (the browser does the same in search-index.js)."""
    docs, previous = {}, -1
    for code in codes:
        previous += code >> 2
        docs[previous] = code & 3
    return docs
