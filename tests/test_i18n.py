from datetime import date, datetime

from generator import i18n


def test_french_dates_times_and_numbers():
    assert i18n.long_date(date(2026, 10, 1)) == "jeudi 1er octobre 2026"
    assert i18n.long_date(datetime(2026, 11, 28, 14)) == "samedi 28 novembre 2026"
    assert i18n.clock(datetime(2026, 1, 1, 9, 0)) == "9 h"
    assert i18n.clock(datetime(2026, 1, 1, 9, 30)) == "9 h 30"
    assert i18n.time_span(datetime(2026, 11, 28, 14), datetime(2026, 11, 28, 16, 30)) == (
        "samedi 28 novembre 2026, de 14 h à 16 h 30")
    normal = lambda s: s.replace("\u202f", " ").replace("\xa0", " ")  # noqa: E731
    assert normal(i18n.money(1920)) == "1 920,00 €"
    assert normal(i18n.number(12800)) == "12 800"


def test_plurals_follow_french_rules():
    assert i18n.plural(0, "count.resource") == "0 ressource"
    assert i18n.plural(1, "count.resource") == "1 ressource"
    assert i18n.plural(2, "count.resource") == "2 ressources"


def test_sort_ignores_accents_and_case():
    words = ["Zèbre", "élan", "Ecole", "abeille", "Été"]
    assert sorted(words, key=i18n.sort_key) == ["abeille", "Ecole", "élan", "Été", "Zèbre"]


def test_missing_string_is_an_error():
    import pytest

    with pytest.raises(KeyError, match="no interface string"):
        i18n.text("does.not.exist")
