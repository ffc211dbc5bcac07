"""Messages of a pull request's preview (generator/preview_publish.py, `bibnum build --base-url`).

A part of the editor-facing catalogue (generator/messages/): French, by key. The preview's script
runs in GitHub Actions: its messages are read in the workflow's log.
"""

MESSAGES: dict[str, str] = {
    "preview.bad_number": "numéro de demande de fusion refusé : « {number} » ; attendu un nombre entier positif "
    "écrit en chiffres seuls, par ex. 12",
    "preview.bad_number_file": "{file} : attendu un petit fichier JSON de la forme {{\"number\": 12}} (le numéro "
    "de la demande de fusion) ; {why}",
    "preview.not_a_checkout": "{folder} n'est pas une copie git du dépôt des aperçus (pas de dossier .git) ; "
    "donnez le dossier où actions/checkout l'a récupéré",
    "preview.no_sites": "{folder} : dossier des sites construits introuvable ou vide ; attendu le contenu de "
    "l'artefact « sites » (index.html et un dossier par site)",
    "preview.symlink": "{path} : lien symbolique refusé dans un aperçu (il pourrait désigner un fichier hors de "
    "l'aperçu) ; bibnum build n'en écrit pas",
    "preview.special": "{path} : ni fichier ni dossier ordinaire, refusé dans un aperçu",
    "preview.hidden": "{path} : nom commençant par un point refusé dans un aperçu (par ex. .git, .github) ; "
    "bibnum build n'en écrit pas",
    "preview.bad_name": "{path} : nom de fichier refusé dans un aperçu (caractère de contrôle ou barre oblique "
    "inverse)",
    "preview.top_file": "{path} : fichier inattendu à la racine des sites construits ; attendu seulement "
    "index.html (la page d'accueil du réseau) et un dossier par site",
    "preview.too_big": "les sites construits pèsent {size} Mo, au-delà de la limite de {limit} Mo d'un aperçu ; "
    "rien n'a été publié (la limite se change par --max-mo)",
    "preview.too_many": "les sites construits comptent {files} fichiers, au-delà de la limite de {limit} d'un "
    "aperçu ; rien n'a été publié",
    "preview.refused": "Aperçu refusé, rien n'a été publié :\n{problems}",
    "preview.published": "aperçu de la demande n° {number} publié dans {folder} ({files} fichiers)",
    "preview.removed": "aperçu de la demande n° {number} retiré de {folder}",
    "preview.nothing_to_remove": "aucun aperçu de la demande n° {number} dans {folder} : rien à retirer",
    "preview.index_title": "Aperçus des demandes de fusion",
    "preview.index_intro": "Chaque demande de fusion ouverte a son aperçu ; il est retiré quand elle est fermée.",
    "preview.index_item": "Demande n° {number}",
    "preview.index_empty": "Aucune demande de fusion ouverte n'a d'aperçu.",
    # `bibnum build --base-url`, `bibnum check --links --base-url`
    "preview.bad_base_url": "--base-url « {url} » refusée : attendu une adresse complète https:// (ou http://), "
    "sans espace, ?requête ni #ancre, par ex. https://compte.github.io/reseau-previews/pr-12/ (chaque site est "
    "alors à cette adresse suivie de son identifiant)",
}
