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


# --- Material's theme keys, which MkDocs lets through unchecked ------------------------------------

THEME_CASES = [
    ("theme:\n  icon: 3\n",
     "mkdocs.yml:2:3: theme.icon : attendu une table de clés, par ex. `icon:` puis `  logo: material/library` "
     "à la ligne, trouvé le nombre 3."),
    ("theme:\n  direction: sideways\n",
     "mkdocs.yml:2:3: theme.direction : attendu `ltr` (de gauche à droite, comme le français) ou `rtl` "
     "(de droite à gauche, comme l'arabe), trouvé le texte « sideways »"),
    ("theme:\n  variant: moderne\n",
     "mkdocs.yml:2:3: theme.variant : attendu `classic` (l'apparence de Material, celle de bibnum) ou `modern` "
     "(celle que Zensical prend par défaut : en-tête blanc, sans logo), trouvé le texte « moderne » ; seul "
     "Zensical lit cette clé"),
    ("theme:\n  featurs: [navigation.expand]\n",
     "mkdocs.yml:2:3: theme.featurs : clé inconnue du thème (mkdocs-material), qui l'ignorerait ; "
     "vouliez-vous dire « features » ?"),
    ("theme:\n  features:\n    - toc.integrate\n    - navigation.expnd\n",
     "mkdocs.yml:4:7: theme.features, 2e élément : « navigation.expnd » n'est pas une fonction du thème "
     "(vouliez-vous dire « navigation.expand » ?) ; fonctions possibles : announce.dismiss,"),
    ("theme:\n  icon:\n    lgo: material/library\n",
     "mkdocs.yml:3:5: theme.icon.lgo : clé inconnue du thème (vouliez-vous dire « logo » ?) ; icônes réglables : "
     "admonition, alternate,"),
    ("theme:\n  icon:\n    logo: material/librairie\n",
     "mkdocs.yml:3:5: theme.icon.logo : icône « material/librairie » introuvable ; choisissez-en une de "
     "mkdocs-material"),
    ("theme:\n  icon:\n    repo: ../../base\n",
     "mkdocs.yml:3:5: theme.icon.repo : attendu l'identifiant d'une icône, par ex. `material/library`, "
     "trouvé le texte « ../../base »."),
    ("theme:\n  icon:\n    admonition:\n      note: material/pencil\n      tip: material/nope\n",
     "mkdocs.yml:5:7: theme.icon.admonition.tip : icône « material/nope » introuvable"),
    ("theme:\n  icon:\n    admonition:\n      \"x}</style><script>\": material/pencil\n",
     "mkdocs.yml:4:7: theme.icon.admonition : « x}</style><script> » n'est pas un nom possible ici"),
    ("theme:\n  icon:\n    tag: [material/tag]\n",
     "mkdocs.yml:3:5: theme.icon.tag : attendu une table de noms et d'icônes, par ex. `note: material/pencil`, "
     "trouvé une liste."),
    ("theme:\n  static_templates: 3\n",  # MkDocs' theme loader crashed on it (TypeError)
     "mkdocs.yml:2:3: theme.static_templates : attendu une liste de gabarits à publier tels quels"),
    ("theme:\n  locale: 3\n",
     "mkdocs.yml:2:3: theme.locale : attendu un code de langue, par ex. `fr` ou `fr_FR`, trouvé le nombre 3"),
]


@pytest.mark.parametrize(("written", "told"), THEME_CASES, ids=[told.split(" : ")[0] for _, told in THEME_CASES])
def test_materials_theme_keys_are_checked_at_their_line(written, told):
    found = [str(problem) for problem in engine_problems(engine_config(written))]
    assert len(found) == 1 and found[0].startswith(told), found


def test_theme_keys_a_network_may_set_pass():
    written = ("theme:\n  direction: rtl\n  locale: fr_FR\n  static_templates: [404.html]\n  variant: modern\n"
               "  features: [navigation.expand, navigation.instant, content.tabs.link]\n"
               "  icon:\n    logo: material/library\n    repo: fontawesome/brands/gitlab\n"
               "    admonition:\n      note: octicons/note-16\n    tag:\n      presse: material/newspaper\n")
    assert engine_problems(engine_config(written)) == []


def test_an_icon_of_every_sites_look_is_known(tmp_path):
    looks = {name: tmp_path / name for name in ("calvados", "caen")}
    for folder in looks.values():
        (folder / ".icons" / "reseau").mkdir(parents=True)
        (folder / ".icons" / "reseau" / "boite.svg").write_text("<svg/>", encoding="utf-8")
    written = "theme:\n  icon:\n    logo: reseau/boite\n"
    assert engine_problems(engine_config(written), looks) == []
    (looks["caen"] / ".icons" / "reseau" / "boite.svg").unlink()
    found = [str(problem) for problem in engine_problems(engine_config(written), looks)]
    assert len(found) == 1 and "icône « reseau/boite » introuvable" in found[0], found


def test_the_feature_flags_are_read_from_the_installed_theme():
    from generator.engine_check.theme_keys import material_theme
    from generator.load.engine_config import base_settings

    known = material_theme()
    # flags its templates test and flags only its script tests (navigation.instant, toc.follow)
    assert {"navigation.tabs", "navigation.footer", "toc.integrate", "navigation.instant", "toc.follow",
            "content.code.copy", "search.highlight"} <= known.features
    assert set(base_settings()["theme"]["features"]) <= known.features
    assert {"logo", "repo", "edit"} <= known.icons and known.icon_groups == {"admonition", "tag"}
