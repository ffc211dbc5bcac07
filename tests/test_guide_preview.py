"""The guide's section on the preview (generator/guide/preview.py): in the guide, in the preview's own words."""

from __future__ import annotations

from generator.guide import editor_guide_markdown
from generator.guide.preview import HEADING, PULL_REQUEST_HEADING
from generator.messages import say


def test_the_guide_explains_the_preview_with_the_banner_s_own_words() -> None:
    text = editor_guide_markdown()
    section = text[text.index(f"## {HEADING}\n"):]
    section = section[:section.index("\n## ", 1)]
    assert "bibnum serve" in section and "se recharge toute seule" in section
    assert f"### {PULL_REQUEST_HEADING}" in section and "commentaire" in section
    # The banner shown as the preview shows it: its heading, what it means, and a real message of the check.
    assert "    L'aperçu n'est pas à jour : 1 erreur dans les fichiers\n" in section
    assert f"    {say('serve.banner.kept')}\n" in section
    assert "    - data/resources/formaplus.yml:" in section and "clé inconnue" in section
