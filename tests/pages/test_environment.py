import pytest
import yaml
from jinja2 import UndefinedError

from generator.pages.environment import environment, front_matter


def test_autoescape_and_strict_undefined():
    env = environment()
    assert env.from_string("{{ x }}").render(x='<b onclick="y">') == "&lt;b onclick=&#34;y&#34;&gt;"
    with pytest.raises(UndefinedError):
        env.from_string("{{ missing }}").render()


def test_front_matter_escapes_strings_material_prints_raw():
    text = front_matter({"title": 'Tom & "Jerry"', "hide": ["toc"]})
    meta = yaml.safe_load(text.strip().strip("-"))
    assert meta == {"title": "Tom &amp; &quot;Jerry&quot;", "hide": ["toc"], "search": {"exclude": True}}


def test_french_filters():
    env = environment()
    from datetime import datetime

    out = env.from_string("{{ d|long_date }} {{ 1920|money }}").render(d=datetime(2026, 11, 28))
    assert out.startswith("samedi 28 novembre 2026 ")
    assert " ".join(out.split()[4:]).replace("\u202f", " ").replace("\xa0", " ") == "1 920,00 €"


def test_front_matter_keeps_apostrophes_readable():
    meta = yaml.safe_load(front_matter({"title": "StoryPlay'r"}).strip().strip("-"))
    assert meta["title"] == "StoryPlay'r"


def _reference_front_matter(meta):
    """What front_matter wrote before it learnt to skip yaml for plain strings."""
    from generator.pages.environment import _escape

    safe = {key: _escape(value) for key, value in meta.items()}
    safe["search"] = {"exclude": True}  # every generated page stays out of Material's unused lunr index
    return "---\n" + yaml.safe_dump(safe, allow_unicode=True, sort_keys=True, width=1000) + "---\n\n"


TRICKY = [
    "Plain title", "Titre : sous-titre", "a: b", "a:b", "ends with:", "# hash", "a #b", "a#b", "- dash", "-dash",
    "? q", "?q", ": c", ":c", "---", "...x", "yes", "No", "on", "null", "~", "=", "<<", "1.0", "0x1F", ".inf",
    "2026-11-21", "2026-11-21 10:00", "123", "+1", "'quoted'", '"quoted"', "it's", "tab\there", "line\nbreak",
    "trailing ", " leading", "«guillemets»", "émoji \U0001F600", "nbsp\xa0here", "bom\ufeff", "sep\u2028", "nel\x85",
    "@at", "`tick", "%pc", "!bang", "&amp", "*star", "|pipe", ">gt", "[list]", "{map}", "a, b", "Tom & Jerry",
    "", "x" * 995, "word " * 200,
]


@pytest.mark.parametrize("value", TRICKY)
def test_front_matter_writes_exactly_what_yaml_writes(value):
    from datetime import date

    for meta in ({"title": value}, {"title": "T", "description": value, "hide": ["toc", value]},
                 {"title": value, "date": date(2026, 11, 2), "draft": True, "pin": 1, "feeds": [{"title": value}]}):
        assert front_matter(meta) == _reference_front_matter(meta)


def test_front_matter_matches_yaml_on_random_strings():
    import random

    alphabet = list("abcXYZ019 :#-?.,'\"!&*|>%@`[]{}~=<+\t\n\r") + [
        "\x85", "\xa0", "\u2028", "\ufeff", "é", "«", "—", "\U0001F600", "\x7f", "\x01", "\ufffe"]
    starts = ["yes", "No", "null", "true", "~", "1.0", "2020-01-01", "0x1F", ".inf", "-.5", "OFF", "- a", "? b"]
    rnd = random.Random(5)
    for _ in range(3000):
        value = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 10)))
        if rnd.random() < 0.3:
            value = rnd.choice(starts) + value[:2]
        meta = {"title": value, "hide": ["toc", value]}
        assert front_matter(meta) == _reference_front_matter(meta), repr(value)
