import pytest
import yaml
from jinja2 import UndefinedError

from generator.render.environment import environment, front_matter


def test_autoescape_and_strict_undefined():
    env = environment()
    assert env.from_string("{{ x }}").render(x='<b onclick="y">') == "&lt;b onclick=&#34;y&#34;&gt;"
    with pytest.raises(UndefinedError):
        env.from_string("{{ missing }}").render()


def test_front_matter_escapes_strings_material_prints_raw():
    text = front_matter({"title": 'Tom & "Jerry"', "hide": ["toc"]})
    meta = yaml.safe_load(text.strip().strip("-"))
    assert meta == {"title": "Tom &amp; &quot;Jerry&quot;", "hide": ["toc"]}


def test_french_filters():
    env = environment()
    from datetime import datetime

    out = env.from_string("{{ d|long_date }} {{ 1920|money }}").render(d=datetime(2026, 11, 28))
    assert out.startswith("samedi 28 novembre 2026 ")
    assert " ".join(out.split()[4:]).replace("\u202f", " ").replace("\xa0", " ") == "1 920,00 €"


def test_front_matter_keeps_apostrophes_readable():
    meta = yaml.safe_load(front_matter({"title": "StoryPlay'r"}).strip().strip("-"))
    assert meta["title"] == "StoryPlay'r"
