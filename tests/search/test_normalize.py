"""The normalizer: folding, words, stop words, singulars, stems and what a query looks up."""

from __future__ import annotations

from generator.search.normalize import depluralize, fold, index_words, query_terms, stem, words

from .cases import QUERIES


def test_fold_removes_accents_case_and_ligatures():
    assert fold("Cinéma") == "cinema"
    assert fold("ŒUVRES Ærø Straße") == "oeuvres aero strasse"
    assert fold("Pont-l'Évêque") == "pont-l'eveque"


def test_words_split_on_apostrophes_hyphens_and_punctuation():
    assert words("L'anglais, l’espagnol") == ["l", "anglais", "l", "espagnol"]
    assert words("Ouest-France n° 12") == ["ouest", "france", "n", "12"]
    assert words("BD & mangas") == ["bd", "mangas"]


def test_depluralize_takes_the_likely_singular():
    assert [depluralize(w) for w in ("ateliers", "journaux", "bateaux", "jeux", "bijoux", "presse", "adresses",
                                     "bus", "cours")] == [
        "atelier", "journal", "bateau", "jeu", "bijou", "presse", "adresse", "bus", "cour"]


def test_stems_group_inflections():
    assert stem("atelier") == stem("ateliers")
    assert stem("tablette") == stem("tablettes")
    assert stem("cinema") == stem(fold("cinémas"))
    assert stem("journal") == stem("journaux")
    assert stem("1944") == "1944"


def test_index_words_drop_stop_words_and_lone_letters_but_keep_numbers():
    assert index_words("L'heure du conte à Caen en 1944, 3 ans") == ["heure", "conte", "caen", "1944", "3", "ans"]


def test_the_last_word_is_a_prefix_only_while_typing():
    assert query_terms("atelier tab") == [
        {"word": "atelier", "singular": "atelier", "prefix": False},
        {"word": "tab", "singular": "tab", "prefix": True},
    ]
    assert [t["prefix"] for t in query_terms("atelier tablette ")] == [False, False]
    assert [t["prefix"] for t in query_terms("Ouest-")] == [False]


def test_stop_words_are_dropped_unless_they_are_the_whole_query():
    assert [t["word"] for t in query_terms("l'heure du conte")] == ["heure", "conte"]
    assert [t["word"] for t in query_terms("le la")] == ["le", "la"]
    assert query_terms("a") == [] and query_terms("") == [] and query_terms(" ") == []
    assert [t["word"] for t in query_terms("1")] == ["1"]


def test_every_shared_case_is_handled():
    # The browser test runs the JavaScript normalizer on these and compares with this output.
    for query in QUERIES:
        for term in query_terms(query):
            assert term["word"] and term["word"] == fold(term["word"])
