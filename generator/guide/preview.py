"""The guide's section « Voir sa modification avant de publier »: `bibnum serve`, the page that
reloads itself, the banner of mistakes (its words are the preview's own, generator/messages/), and
where a pull request's preview appears."""

from __future__ import annotations

from ..messages import count, say
from .check_messages import unknown_key_example
from .markdown import _code_block
from .pr_preview import pull_request_preview

HEADING = "Voir sa modification avant de publier"
PULL_REQUEST_HEADING = "Sur une demande de fusion : l'aperçu en ligne"


def _banner_example() -> str:
    """The banner as the preview shows it for one mistake (the same words, the same message)."""
    return "\n".join([say("serve.banner.heading", errors=count(1, "count.error")), say("serve.banner.kept"), "",
                      f"- {unknown_key_example()}", say("serve.banner.dismiss")])


def _serve() -> list[str]:
    return [
        "### Sur son ordinateur : `bibnum serve`",
        "",
        "Dans le dossier du projet :",
        "",
        _code_block("bibnum serve                  # tous les sites, sur http://127.0.0.1:8000\n"
                    "bibnum serve --site portail   # un seul site : plus rapide"),
        "",
        "La commande construit les sites et les montre dans le navigateur, chacun à l'adresse qui porte son "
        "identifiant (par ex. `http://127.0.0.1:8000/portail/`). Elle reste lancée : à chaque "
        "enregistrement d'un fichier de `data/`, `content/`, `themes/` ou de `mkdocs.yml`, elle reconstruit "
        "ce qui a changé. `Ctrl+C` dans le terminal l'arrête.",
        "",
        "Inutile de recharger la page : une fois son site reconstruit, la page ouverte se recharge toute "
        "seule, à la même position. Seules les pages des sites que la modification change se rechargent "
        "(un billet du blog ne recharge pas le portail). Si la page n'existe plus (un fichier renommé ou "
        "supprimé), le navigateur affiche la page « introuvable » du site.",
        "",
        "Ce rechargement n'existe que dans l'aperçu : les sites construits par `bibnum build` et publiés "
        "n'en contiennent rien.",
        "",
        "### Le bandeau rouge : une erreur dans les fichiers",
        "",
        "Tant qu'un fichier enregistré contient une erreur, chaque page de l'aperçu affiche en haut un "
        "bandeau qui liste chaque erreur comme `bibnum check` : `FICHIER:LIGNE:COLONNE`, puis ce qui ne va "
        "pas et comment corriger (voir « Vérifier ses modifications »). Par exemple :",
        "",
        _code_block(_banner_example()),
        "",
        "Sous le bandeau, la page est celle de la dernière construction réussie : elle ne montre pas encore "
        "la modification. Corrigez le fichier et enregistrez : le bandeau disparaît tout seul et la page "
        "montre la modification. « Masquer » (ou la touche Échap) cache le bandeau tant que les erreurs "
        "restent les mêmes ; le terminal affiche les mêmes erreurs.",
        "",
    ]


def _pull_request() -> list[str]:
    return [
        f"### {PULL_REQUEST_HEADING}",
        "",
        "Sans `bibnum serve` (par exemple depuis l'éditeur en ligne), chaque demande de fusion (*pull "
        "request*) a son aperçu : le lien vers les sites construits avec la modification apparaît en "
        "commentaire de la demande de fusion sur GitHub.",
        "",
        *pull_request_preview(),
    ]


def preview_section() -> list[str]:
    return [f"## {HEADING}", "", *_serve(), *_pull_request()]
