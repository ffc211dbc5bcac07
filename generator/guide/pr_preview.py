"""The guide's words on a pull request's preview (under preview.py's « Sur une demande de fusion »):
where its link appears, when it goes, why a fork's pull request is safe, the one-time setup.

The names it quotes (the secret, the previews repository's suffix, the comment's wording) are those
of the workflows (.github/workflows/preview.yml and the scaffold's copy); tests check both agree.
"""

from __future__ import annotations

from .markdown import _code_block

SECRET = "PREVIEW_TOKEN"
SUFFIX = "-previews"  # the previews repository is <repository>-previews, under the same account
MAX_MB = 500  # generator/preview_publish.py's limit (a layer above: a test checks they agree)


def pull_request_preview() -> list[str]:
    return [
        "- **Où est le lien.** Une fois la vérification de la demande passée (workflow « pull request »), un "
        "commentaire de la demande donne l'adresse, de la forme "
        f"`https://compte.github.io/depot{SUFFIX}/pr-12/` (la page d'accueil du réseau, puis chaque site "
        "dans son dossier ; à la racine du dépôt des aperçus, une page liste ceux des demandes ouvertes). Il "
        "n'y a qu'un commentaire par demande : chaque nouvel enregistrement (commit) "
        "remplace l'aperçu et met à jour ce commentaire. Comptez une ou deux minutes entre le commentaire et "
        "la mise en ligne.",
        "- **Quand il disparaît.** La demande fermée, fusionnée ou non, son aperçu est retiré et le "
        "commentaire le dit. Une vérification qui échoue ne publie pas d'aperçu : le précédent reste.",
        "- **Les demandes venues d'un fork** ont aussi leur aperçu, sans que leur auteur puisse toucher au "
        f"secret `{SECRET}` : la vérification de la demande tourne sans aucun secret ni droit d'écriture ; "
        "un second workflow (`preview.yml`), qui est celui de la branche principale, récupère seulement les "
        "pages construites, les contrôle (rien que des fichiers et des dossiers ordinaires, taille limitée, "
        "numéro de demande vérifié auprès de GitHub) et les publie, sans jamais lancer le code de la demande.",
        "",
        "Les aperçus sont publiés par un second dépôt, car GitHub Pages ne publie qu'un site par dépôt et "
        "celui du dépôt du réseau est le site en ligne. Le dépôt des aperçus ne garde pas d'historique : "
        "chaque publication le remplace par un seul commit.",
        "",
        "#### Mettre en place les aperçus, une fois",
        "",
        "Un administrateur du dépôt du réseau :",
        "",
        "1. **Crée le dépôt des aperçus**, public, sous le même compte, nommé comme le dépôt du réseau suivi "
        f"de `{SUFFIX}` (pour `compte/mon-reseau` : `compte/mon-reseau{SUFFIX}`), avec un README pour qu'il "
        "ait une branche. Ce nom est fixé, car les sites de l'aperçu sont construits pour son adresse pendant "
        "la vérification de la demande, qui, pour une demande venue d'un fork, ne reçoit aucun réglage du "
        "dépôt (ni secret ni variable).",
        "2. **Active GitHub Pages** sur ce dépôt : *Settings > Pages > Source : Deploy from a branch*, la "
        "branche par défaut (`main`), dossier `/ (root)`.",
        "3. **Crée un jeton d'accès** qui ne peut que cela : sur GitHub, *Settings > Developer settings > "
        "Personal access tokens > Fine-grained tokens > Generate new token* ; *Repository access : Only "
        "select repositories*, le seul dépôt des aperçus ; *Permissions > Repository permissions > "
        "Contents : Read and write*, rien d'autre (GitHub y ajoute *Metadata : Read-only*, obligatoire) ; une "
        "date d'expiration, à renouveler. Le propriétaire du "
        "jeton doit pouvoir écrire dans le dépôt des aperçus (pour une organisation, choisissez-la comme "
        "*Resource owner*).",
        "4. **Range le jeton en secret** du dépôt du réseau : *Settings > Secrets and variables > Actions > "
        f"New repository secret*, nom `{SECRET}`, valeur le jeton.",
        "",
        f"C'est tout : la demande suivante reçoit son commentaire. Tant que le secret `{SECRET}` n'existe pas, "
        "le workflow `preview.yml` ne publie rien et le dit dans une note de son exécution ; les demandes "
        "sont vérifiées comme avant. Pour arrêter les aperçus, supprimez le secret.",
        "",
        "Bon à savoir :",
        "",
        "- L'aperçu est public, comme le dépôt des aperçus : n'y mettez rien qui ne doive pas l'être.",
        "- Les pages d'un aperçu viennent de la demande, donc, pour une demande venue d'un fork, d'une "
        "personne extérieure. Si le site en ligne et les aperçus partagent la même adresse "
        "`compte.github.io`, ils partagent aussi ce que le navigateur garde pour cette adresse (réglages "
        "enregistrés par les pages) ; un domaine propre au site en ligne (*Settings > Pages > Custom "
        "domain*) les sépare.",
        f"- Chaque aperçu est limité à {MAX_MB} Mo ; une demande dont les sites dépassent cette taille n'a pas "
        "d'aperçu (le workflow dit pourquoi).",
        "",
        "Pour construire soi-même un aperçu à une autre adresse, `bibnum build` prend l'option `--base-url` "
        "(et `bibnum check --links` la même, pour vérifier les liens du résultat) :",
        "",
        _code_block("bibnum build . --out _site --base-url https://compte.github.io/depot-previews/pr-12/\n"
                    "bibnum check . --links --out _site --base-url https://compte.github.io/depot-previews/pr-12/"),
        "",
    ]
