"""MkDocs' own validation messages, told in French at check time (no engine run)."""

from __future__ import annotations

import pytest

from generator.engine_check import engine_problems
from generator.load.engine_config import engine_config

CASES = [
    ("repo_url: pas une adresse\n",
     "mkdocs.yml:1:1: repo_url : il faut une adresse complète, par ex. https://github.com/reseau/site"),
    ("plugins:\n  - search:\n      lang: 3\n",
     "mkdocs.yml:3:7: plugins : option « lang » du plugin « search » : il faut une liste de codes de langue"),
    ("validation:\n  links: 3\n",
     "mkdocs.yml:1:1: validation : sous-option « links » : attendu une table de clés, trouvé un nombre entier"),
    ("exclude_docs: 3\n",
     "mkdocs.yml:1:1: exclude_docs : attendu un texte (un motif par ligne, après `|`), trouvé un nombre entier"),
    ("plugins:\n  - search:\n      pipeline: [nope]\n",
     "mkdocs.yml:3:7: plugins : option « pipeline » du plugin « search » : valeurs possibles : stemmer, "
     "stopWordFilter, trimmer ; trouvé 'nope'"),
]


@pytest.mark.parametrize(("written", "told"), CASES, ids=[told.split(" : ")[0] for _, told in CASES])
def test_the_engines_messages_are_french(written, told):
    found = [str(problem) for problem in engine_problems(engine_config(written))]
    assert len(found) == 1 and found[0].startswith(told), found
    assert "en anglais" not in found[0] and "Expected" not in found[0]
