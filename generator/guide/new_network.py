"""The guide's opening section, « Créer le site de son réseau »: `bibnum new`, the files, the first
build, publishing, and the merge rules of mkdocs.yml and themes/<look>/.

The refused engine keys are listed from generator/load/engine_config.py, so the guide says
exactly what `bibnum check` refuses.
"""

from __future__ import annotations

from ..load.engine_config import REFUSED, REFUSED_OPTIONS
from .markdown import _code_block


def new_network_section() -> list[str]:
    refused = [f"- `{'.'.join(path)}` : {where}." for path, where in REFUSED.items()]
    refused += [f"- option `{option}` du plugin `{plugin}` : {where}."
                for (plugin, option), where in REFUSED_OPTIONS.items()]
    return [
        "## Créer le site de son réseau",
        "",
        "Un réseau est un dossier (un dépôt git) qui contient ses données et ses textes ; bibnum, installé "
        "avec `pip`, apporte tout le reste : la configuration du moteur, l'apparence commune, les gabarits "
        "des pages. Pour commencer, dans un dossier vide :",
        "",
        _code_block('pip install bibnum\nbibnum new mon-reseau --name "Médiathèques de la Vallée" '
                    '--url https://compte.github.io/mon-reseau/'),
        "",
        "La commande écrit un petit réseau qui fonctionne : un portail public (`portail`), l'espace "
        "professionnel (`pro`), une ressource, une bibliothèque, un événement, un billet, une actualité, "
        "les pages d'aide et « À propos ». Lancée dans un terminal, elle demande le nom du réseau, celui "
        "du portail et l'adresse de publication ; sinon, elle prend les options `--name`, `--portal-name` "
        "et `--url`. Elle refuse un dossier qui n'est pas vide.",
        "",
        "### À quoi sert chaque fichier",
        "",
        "- `data/` : les données (réseau et sites, vocabulaires, ressources, bibliothèques, événements…), "
        "décrites plus bas clé par clé.",
        "- `content/` : les textes en Markdown (pages, billets du blog, actualités).",
        "- `themes/reseau/` : l'apparence propre au réseau (son logo, ses styles) ; voir plus bas.",
        "- `mkdocs.yml` : les réglages du moteur que le réseau ajoute (souvent aucun) ; voir plus bas.",
        "- `README.md` : les commandes utiles, pour l'équipe.",
        "- `.github/workflows/` : la vérification de chaque proposition de modification et la publication.",
        "- `requirements.txt` : la version de bibnum qui construit les sites ; changez-la exprès, pour "
        "recevoir les corrections de l'apparence commune et du moteur.",
        "- `.gitignore` : ce qui ne va pas dans le dépôt (`site/`, `.bibnum/`).",
        "",
        "### Première construction",
        "",
        _code_block("bibnum check mon-reseau            # toutes les erreurs d'un coup\n"
                    "bibnum serve mon-reseau            # aperçu sur http://127.0.0.1:8000\n"
                    "bibnum build mon-reseau --strict   # les sites dans mon-reseau/site/<site>/\n"
                    "bibnum check mon-reseau --links    # chaque lien des sites construits"),
        "",
        "Remplacez ensuite les exemples par les données du réseau : `data/sites.yml` d'abord (nom, "
        "adresses, couleurs, communes), puis une ressource, une bibliothèque et un événement par fichier.",
        "",
        "### Publier",
        "",
        "Poussez le dossier dans un dépôt GitHub, puis choisissez *Settings > Pages > Source : GitHub "
        "Actions*. Chaque proposition de modification est vérifiée (`pr.yml`) ; chaque fusion sur `main` "
        "vérifie, construit, vérifie les liens et publie (`publish.yml`) ; chaque nuit, les flux déclarés "
        "dans `data/sources.yml` sont moissonnés et les sites reconstruits (`nightly.yml`). Rien n'est "
        "publié si une vérification échoue. Chaque site est publié dans le dossier qui porte son "
        "identifiant : son `url:` dans `data/sites.yml` doit être cette adresse (par ex. "
        "`https://compte.github.io/mon-reseau/portail/`).",
        "",
        "### Réglages du moteur : `mkdocs.yml`",
        "",
        "bibnum apporte la configuration de base de chaque site (thème mkdocs-material, extensions "
        "Markdown, plugins, styles et scripts communs). `mkdocs.yml` ne fait qu'ajouter ou remplacer ; "
        "absent, vide ou fait de commentaires, il laisse la base telle quelle. Règles :",
        "",
        "- une table de clés se fusionne clé par clé ; une valeur simple (texte, nombre, `true`) remplace "
        "celle de la base ;",
        "- `theme.features`, `extra_css` et `extra_javascript` s'ajoutent aux listes de la base, sans "
        "doublon ;",
        "- `markdown_extensions` et `plugins` se fusionnent par nom : un nom nouveau s'ajoute à la fin ; "
        "un nom que la base a déjà garde sa place, et ses options se fusionnent clé par clé avec celles "
        "du réseau ;",
        "- toute autre liste remplace celle de la base ;",
        "- le thème reste `material` ; les balises `!!python/…` sont refusées ;",
        "- du thème, un réseau règle `theme.features` (fonctions de mkdocs-material, par ex. "
        "`navigation.expand`), `theme.icon` (icônes de mkdocs-material, par ex. `logo: material/library`, "
        "ou un fichier `.icons/<dossier>/<nom>.svg` dans l'apparence de chaque site), `theme.direction` "
        "(`ltr` ou `rtl`) et `theme.language` ;",
        "- une feuille de style ou un script ajouté est servi par le site : il est rangé dans le dossier "
        "d'apparence de chaque site (`themes/<look>/`), jamais chargé d'un autre site (aucune visite ne "
        "doit atteindre un tiers).",
        "",
        "Par exemple, pour ajouter les notes de bas de page et une feuille de style du réseau :",
        "",
        _code_block("markdown_extensions:\n  - footnotes\nextra_css:\n  - assets/reseau.css   "
                    "# fichier themes/reseau/assets/reseau.css"),
        "",
        "`bibnum check` vérifie ces réglages comme le moteur le fera (clés inconnues, types, extensions "
        "Markdown et plugins introuvables, options refusées, fonctions et icônes que le thème n'a pas) et "
        "donne la ligne de `mkdocs.yml` en cause. "
        "Ces clés sont écrites par bibnum pour chaque site (ou casseraient ce qu'il écrit), et donc "
        "refusées, avec où agir à la place :",
        "",
        *refused,
        "",
        "### Apparence : `themes/<look>/`",
        "",
        "Chaque site nomme son dossier d'apparence (`look:` dans `data/sites.yml`). Ce dossier s'ajoute "
        "à l'apparence commune livrée avec bibnum, fichier par fichier : un fichier au même chemin qu'un "
        "fichier commun le remplace (par ex. `partials/footer.html`), un nouveau fichier s'ajoute (par ex. "
        "`assets/reseau.css`, à citer dans `extra_css`). Le logo (`logo:` du site) est un fichier de ce "
        "dossier. Un `look:` qui ne nomme aucun dossier de `themes/`, ou un logo absent, est une erreur "
        "de `bibnum check` à la ligne de `data/sites.yml` ; un gabarit (`.html`) mal formé, une erreur à "
        "sa ligne. Mettre bibnum à jour met à jour l'apparence "
        "commune de tous les réseaux ; ne remplacez un fichier commun que si c'est nécessaire.",
        "",
    ]
