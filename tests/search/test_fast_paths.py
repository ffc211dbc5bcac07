"""The index's fast paths give exactly what the plain code they replace gives.

The static index must not change by a byte when the build gets faster: each fast
path is compared here with a straightforward version of the same computation.
"""

from __future__ import annotations

import json
import random
import unicodedata
import zlib

from snowballstemmer.french_stemmer import FrenchStemmer

from generator.search.normalize import NOT_INDEXED, STOP_WORDS, fold, index_words, words
from generator.search.postings import Word, encode, invert
from generator.search.records import SearchRecord, _bulk_record, site_records
from generator.search.shards import ShardLimits, _fits, compact_json, gzipped_size, shard_json, shard_words
from generator.search.static_index import type_ranges


def test_the_compiled_stemmer_gives_snowballs_stems(views):
    from generator.search.normalize import _STEMMER

    assert type(_STEMMER).__module__ == "Stemmer"  # PyStemmer's compiled stemmer is the one in use
    stock = FrenchStemmer()  # the pure-Python reference
    vocabulary = sorted({w for view in views.values() for r in site_records(view) for _, t in r.fields
                         for w in index_words(t)})
    suffixes = sorted({entry.s for name, table in vars(FrenchStemmer).items() if name.startswith("a_")
                       for entry in table})
    rnd = random.Random(5)
    cases = list(vocabulary)
    cases += [w + s for w in rnd.sample(vocabulary, 60) for s in suffixes]  # every suffix rule, on real stems
    letters = "aeiouyqaeiouybcdlmnrstvxgh0"
    cases += ["".join(rnd.choice(letters) for _ in range(rnd.randint(1, 12))) for _ in range(8000)]
    cases += ["l'école", "naïve", "Noël", "aiguë", "qu'il", "ÉTÉ", "IUY", "hôpitaux"]
    assert [_STEMMER.stemWord(w) for w in cases] == [stock.stemWord(w) for w in cases]


def test_fold_and_word_filters_match_their_plain_definitions():
    for text in ("Cinéma Œuvres", "Straße ÆRØ", "Kelvin \u212a", "plain ascii", "Ελληνικά ΟΔΟΣ", "naïve café"):
        plain = "".join(c for c in unicodedata.normalize("NFD", text.lower().translate(
            str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o"}))) if not "\u0300" <= c <= "\u036f")
        assert fold(text) == plain
    text = "L'heure du conte à Caen en 1944, 3 ans : a b c d y 7 le la"
    assert index_words(text) == [w for w in words(text) if w not in NOT_INDEXED]
    assert not any(w.isdigit() for w in STOP_WORDS)


def test_encode_and_compact_json_match_the_plain_versions():
    docs = {5: 1, 0: 0, 3: 2, 1000: 3}
    codes, previous = [], -1
    for doc in sorted(docs):
        codes.append((doc - previous) * 4 + docs[doc])
        previous = doc
    assert encode(docs) == codes
    value = {"b": [1, "é", [2, 3]], "a": None, "c": {"z": 1.5, "y": True}}
    assert compact_json(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"),
                                             sort_keys=True).encode("utf-8")


def test_fits_decides_as_the_gzipped_size_does():
    rnd = random.Random(3)
    for size in (0, 10, 900, 5000, 11_000, 13_000, 20_000, 40_000, 90_000):
        for alphabet in (b"ab", b'[],0123456789"abcdefgh', bytes(range(256))):
            content = bytes(rnd.choice(alphabet) for _ in range(size))
            for budget in (100, 1_500, 4_000, 12_000):
                assert _fits(content, budget) == (gzipped_size(content) <= budget), (size, budget)
    assert len(zlib.compress(b"x" * 10, 6)) > 10  # tiny inputs do grow: hence the margin in _fits


def reference_shards(words: dict[str, Word], ranges, limits: ShardLimits) -> dict[str, bytes]:
    """The sharding as first written: every try builds its shard with shard_json."""

    def first_of_each_type(docs, keep):
        kept = {}
        for start, end in ranges:
            inside = sorted((cls, doc) for doc, cls in docs.items() if start <= doc < end)[:keep]
            kept.update({doc: cls for cls, doc in inside})
        return kept

    def by_letter(texts, position):
        groups = {}
        for text in texts:
            groups.setdefault(text[position], []).append(text)
        return sorted(groups.items())

    def place(prefix, texts):
        final = len(prefix) >= 8 or len(texts) == 1
        if sum(len(t) + 3 * len(words[t].docs) for t in texts) <= limits.budget * 12 or final:
            leaf = shard_json([(words[t], None) for t in texts])
            if gzipped_size(leaf) <= limits.budget or final:
                shards[prefix] = leaf
                return
        longer = [t for t in texts if t != prefix]
        frequent = sorted(longer, key=lambda t: (-len(words[t].docs), t))[: limits.preview_words]
        rows = [(words[t], None) for t in texts if t == prefix]
        rows += [(Word(t, words[t].stem, first_of_each_type(words[t].docs, limits.preview_docs)), None)
                 for t in sorted(frequent)]
        shards[prefix] = shard_json(rows)
        for letter, group in by_letter(longer, len(prefix)):
            place(prefix + letter, group)

    shards: dict[str, bytes] = {}
    for first, group in by_letter(sorted(words), 0):
        place(first, group)
    return dict(sorted(shards.items()))


def test_shards_are_byte_for_byte_those_of_the_plain_sharding(views):
    records = site_records(views["calvados"])
    words = invert(records)
    ranges = [(s, e) for _t, s, e in type_ranges(records)]
    for limits in (ShardLimits(), ShardLimits(budget=1_500), ShardLimits(budget=600, preview_words=5,
                                                                        preview_docs=2)):
        assert shard_words(words, ranges, limits) == reference_shards(words, ranges, limits)
    rnd = random.Random(11)
    letters = "abcdefghijklmnopqrstuvwxyz"
    synthetic = [SearchRecord(id=str(i), type="title" if i % 3 else "event", title="t", url="u",
                              fields=((10, " ".join("".join(rnd.choice(letters) for _ in range(rnd.randint(2, 9)))
                                                    for _ in range(5))), (1, "ateliers atelier atelières")))
                 for i in range(2000)]
    synthetic.sort(key=lambda r: r.type)
    words = invert(synthetic)
    ranges = [(s, e) for _t, s, e in type_ranges(synthetic)]
    limits = ShardLimits(budget=3_000)
    assert shard_words(words, ranges, limits) == reference_shards(words, ranges, limits)


def test_bulk_records_equal_constructed_ones():
    values = dict(id="title:x:1", type="title", title="T", url="ressources/x/", subtitle="A · 2025",
                  fields=((10, "T"), (6, "A")), categories=("c",), audiences=("a",), date="2025-01-01",
                  resource="x", rank=(0, 1))
    bulk, built = _bulk_record(**values), SearchRecord(**values)
    assert bulk == built and repr(bulk) == repr(built) and bulk.when == ""
