"""The French interface strings are written in several parts (generator/i18n/fr/): no key twice."""

import ast
import collections
from pathlib import Path

import generator.i18n.fr


def test_no_interface_string_key_is_written_twice() -> None:
    """A second entry of a key would silently replace the first one's text, within a part or across parts."""
    parts = sorted(Path(generator.i18n.fr.__file__).parent.glob("*.py"))
    assert len(parts) > 1  # every part is read, not only the package's __init__
    keys = [key.value for part in parts for node in ast.walk(ast.parse(part.read_text(encoding="utf-8")))
            if isinstance(node, ast.Dict) for key in node.keys if isinstance(key, ast.Constant)]
    assert [key for key, times in collections.Counter(keys).items() if times > 1] == []
    assert len(keys) == len(generator.i18n.fr.STRINGS)
