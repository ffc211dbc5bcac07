"""The guide's section « Modifier le site sans git »: the pro site's web editor (`admin/`, Sveltia CMS).

What it is, who may use it, signing in (a personal access token, or the OAuth sign-in service a
network's admin sets up once), the everyday flow through pull requests, and what the forms leave
to the files and to the check. The facts about the CMS and its sign-in service are those of the
vendored release (generator/admin/vendor/) and of sveltia/sveltia-cms-auth's README.

Given the project's `editing:` block and the pro site's address, the section names this network's
editor, repository and branch; without them it stays generic (any network, `bibnum new`).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from markdown.extensions.toc import slugify

from ..cms_config import MEDIA_FOLDER
from ..models.site import Editing
from .markdown import _code_block, to_yaml

HEADING = "Modifier le site sans git"
# The other way to edit, written by editor_help.py: both sections link to each other.
FILES_HEADING = "Modifier les fichiers dans un éditeur (VS Code, github.dev)"
# An `editing:` block as an admin writes it (tests check it against the model).
EXAMPLE = {"editing": {"repository": "compte/depot", "branch": "main",
                       "auth_url": "https://sveltia-cms-auth.compte.workers.dev"}}
# The form labels the flow below quotes (tests check that the generated CMS configuration has them).
COLLECTIONS = ("Ressources", "Bibliothèques", "Agenda", "Billets du blog", "Actualités", "Pages des portails",
               "Pages de l'espace professionnel", "Réseau")
NETWORK_FILES = ("Le réseau et ses sites", "Les vocabulaires", "Groupes et comités", "Auteurs du blog",
                 "Sources moissonnées")
FIELDS = ("Conditions d'utilisation", "Comment un lecteur atteint la ressource depuis un portail",
          "Début, heure de Paris", "Bibliothèque où il a lieu", "Auteurs", "Brouillon")


def anchor(heading: str) -> str:
    """The id the engine's `toc` extension gives a heading (Python-Markdown's slugify)."""
    return slugify(heading, "-")


def code(text: str) -> str:
    """`text` as a Markdown code span, whatever backticks it holds."""
    longest = 0
    run = 0
    for char in text:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _quoted(labels: tuple[str, ...]) -> str:
    return ", ".join(f"« {label} »" for label in labels)


def _this_network(editing: Editing | None, pro_url: str | None) -> list[str]:
    """Where this network's editor is, or how to turn it on."""
    if editing is None:
        return [
            "Ce réseau n'a pas encore d'éditeur en ligne : sans bloc `editing:` dans `data/sites.yml`, "
            "l'espace professionnel ne publie pas de page `admin/`. Pour l'ouvrir, un administrateur du dépôt "
            "ajoute ce bloc (le dépôt GitHub sous la forme `compte/dépôt`, la branche publiée, et, seulement "
            "si le service de connexion décrit plus bas est en place, son adresse) :",
            "",
            _code_block(to_yaml(EXAMPLE)),
            "",
            "Sans `auth_url`, chacun se connecte avec un jeton d'accès personnel. La branche est celle que "
            "le workflow de publication (`publish.yml`) publie : `main` dans un projet créé par `bibnum new`.",
            "",
        ]
    where = f"l'adresse {code(admin_url(pro_url))}" if pro_url else "l'adresse `admin/` de l'espace professionnel"
    login = (f"avec GitHub, par le service de connexion {code(editing.auth_url)}" if editing.auth_url
             else "avec un jeton d'accès personnel GitHub (pas encore de service de connexion : voir plus bas)")
    return [
        f"Pour ce réseau, l'éditeur en ligne est à {where}. Il enregistre dans le dépôt GitHub "
        f"{code(editing.repository)}, sur la branche {code(editing.branch)} (bloc `editing:` de "
        f"`data/sites.yml`). On s'y connecte {login}.",
        "",
    ]


def admin_url(pro_url: str) -> str:
    return pro_url.rstrip("/") + "/admin/"


def _token(pro_url: str | None) -> list[str]:
    page = code(admin_url(pro_url)) if pro_url else "la page `admin/` de l'espace professionnel"
    return [
        "### Se connecter avec un jeton d'accès",
        "",
        "Un jeton d'accès personnel (*personal access token*) est un mot de passe que GitHub fabrique pour "
        "un seul usage. La première fois, sur chaque ordinateur :",
        "",
        f"1. Ouvrez {page} et choisissez « Se connecter avec un jeton d'accès » (« Sign In Using Access "
        "Token » si l'éditeur s'affiche en anglais).",
        "2. Suivez le lien de la fenêtre (« page des paramètres utilisateur de GitHub ») : connecté à votre "
        "compte GitHub, il ouvre la création d'un jeton à portée limitée (*fine-grained token*) nommé "
        "« Sveltia CMS », avec déjà les deux droits dont l'éditeur a besoin : **Contents** (le contenu du "
        "dépôt) et **Pull requests** (les demandes de fusion), tous deux en lecture et écriture (*Read and "
        "write*). C'est ce que l'éditeur demande dans cette fenêtre : l'accès en lecture et écriture au "
        "contenu du dépôt, et, puisque chaque modification passe par une demande de fusion, aux demandes "
        "de fusion. GitHub ajoute de lui-même **Metadata** en lecture seule.",
        "3. Dans *Resource owner*, choisissez le compte ou l'organisation à qui appartient le dépôt ; dans "
        "*Repository access*, *Only select repositories* puis ce seul dépôt ; choisissez une date "
        "d'expiration (*Expiration*), puis *Generate token*. Si le dépôt appartient à une organisation qui "
        "fait approuver ces jetons, un de ses propriétaires doit l'approuver avant qu'il serve.",
        "4. Copiez le jeton (GitHub ne le montre qu'une fois), collez-le dans le champ « Jeton d'accès "
        "personnel » de l'éditeur, puis « Se connecter ».",
        "",
        "L'éditeur garde le jeton dans ce navigateur ; « Se déconnecter » (menu du compte) l'y efface. Un "
        "jeton est un mot de passe : ne le donnez à personne, ne l'écrivez dans aucun fichier du dépôt, et "
        "supprimez-le sur GitHub (*Settings > Developer settings > Personal access tokens*) quand vous "
        "quittez le réseau ou si vous pensez qu'il a fui. À son expiration, créez-en un autre de la même "
        "façon.",
        "",
    ]


def _oauth(editing: Editing | None, pro_url: str | None) -> list[str]:
    host = urlsplit(pro_url).hostname if pro_url else None
    domains = code(host) if host else "l'hôte de l'espace professionnel (par ex. `reseau.github.io`)"
    homepage = code(pro_url) if pro_url else "l'adresse de l'espace professionnel"
    done = (f" Ce réseau l'a fait : son `auth_url` est {code(editing.auth_url)}."
            if editing is not None and editing.auth_url else "")
    return [
        "### Se connecter avec GitHub : la mise en place, une fois",
        "",
        "Pour que les bibliothécaires se connectent d'un clic (« Se connecter avec GitHub ») au lieu de "
        "créer chacun un jeton, GitHub demande un petit service de connexion (OAuth) entre l'éditeur et "
        "GitHub. bibnum ne l'héberge pas et n'en fournit pas : un administrateur du réseau installe une "
        "fois Sveltia CMS Authenticator (dépôt `sveltia/sveltia-cms-auth` sur GitHub), un script pour "
        f"Cloudflare Workers, et garde lui-même ses secrets.{done}",
        "",
        "1. **Déployer le service.** Avec un compte Cloudflare, le bouton *Deploy to Cloudflare Workers* "
        "de la page du dépôt `sveltia/sveltia-cms-auth` le déploie (ou, depuis une copie du dépôt, "
        "`wrangler deploy`). Le tableau de bord Cloudflare donne ensuite l'adresse du service, de la forme "
        "`https://sveltia-cms-auth.<sous-domaine>.workers.dev` : notez-la.",
        "2. **Déclarer une application OAuth sur GitHub** (*Settings > Developer settings > OAuth Apps > "
        "New OAuth App*, ou les mêmes réglages de l'organisation à qui appartient le dépôt) : un nom au choix, "
        f"*Homepage URL* : {homepage} (au choix aussi), et surtout *Authorization callback URL* : l'adresse "
        "du service suivie de `/callback`, par ex. `https://sveltia-cms-auth.<sous-domaine>.workers.dev/callback`. "
        "Puis *Generate a new client secret* : notez le *Client ID* et le *Client Secret*.",
        "3. **Régler le service.** Dans Cloudflare, service `sveltia-cms-auth`, *Settings > Variables*, "
        "ajoutez les variables d'environnement `GITHUB_CLIENT_ID` (le *Client ID*), `GITHUB_CLIENT_SECRET` "
        f"(le *Client Secret*, avec *Encrypt* pour le masquer) et `ALLOWED_DOMAINS` : {domains}. Cette "
        "dernière est facultative mais vivement conseillée : le service ne remet alors un jeton qu'à une "
        "page servie depuis cet hôte, et aucun autre site ne peut s'en servir. Enregistrez et déployez.",
        "4. **Le dire à bibnum.** Dans `data/sites.yml`, ajoutez au bloc `editing:` la clé `auth_url:` "
        "avec l'adresse du service, sans chemin (par ex. `auth_url: https://sveltia-cms-auth.compte.workers.dev`). "
        "Une fois cette modification publiée, l'éditeur propose « Se connecter avec GitHub », et sa page "
        "autorise ce seul service en plus de GitHub.",
        "",
        "Ensuite, chaque bibliothécaire clique sur « Se connecter avec GitHub » et, la première fois, "
        "autorise l'application sur GitHub. Il lui faut toujours un compte GitHub qui a le droit d'écrire "
        "dans le dépôt.",
        "",
    ]


def _flow() -> list[str]:
    collections, files = _quoted(COLLECTIONS), _quoted(NETWORK_FILES)
    return [
        "### Modifier, enregistrer, publier",
        "",
        f"À gauche, les collections : {collections}. « Réseau » regroupe les fichiers communs : {files}. "
        "Chaque champ porte le libellé et l'aide de ce guide ; une liste de choix montre les libellés des "
        "vocabulaires ; une date se choisit dans un calendrier.",
        "",
        "- **Changer les conditions d'une ressource** : « Ressources », la ressource, puis le champ "
        "« Conditions d'utilisation » (et, pour la façon d'y accéder depuis chaque portail, « Comment un "
        "lecteur atteint la ressource depuis un portail »).",
        "- **Ajouter un événement** : « Agenda », puis le bouton de création ; remplissez au moins le titre, "
        "le type, « Début, heure de Paris » et le lieu (« Bibliothèque où il a lieu », ou un autre lieu).",
        "- **Écrire un billet** : « Billets du blog », puis le bouton de création ; le titre, la date, les "
        "« Auteurs » (choisis parmi `data/authors.yml`) et le texte, en Markdown. « Brouillon » coché, le "
        "billet reste hors du site même publié.",
        "",
        "Le nom du fichier d'une nouvelle entrée vient de son titre, en minuscules, sans accent ni espace : "
        "c'est son identifiant (voir « Où sont les fichiers »).",
        "",
        "Chaque modification passe par une demande de fusion (*pull request*) : rien n'arrive sur le site "
        "sans elle.",
        "",
        "1. **« Enregistrer »** crée une branche et une demande de fusion sur GitHub (à l'état de brouillon), "
        "ou y ajoute un commit si l'entrée en a déjà une. Le tableau « Flux éditorial » de l'éditeur range "
        "ces entrées par statut, « Brouillon », « En révision » ou « Prêt » (sur GitHub, les étiquettes "
        "`sveltia-cms/draft`, `sveltia-cms/pending_review` et `sveltia-cms/pending_publish`). Après "
        "l'enregistrement, « Envoyer en révision » la passe « En révision » ; une fois relue, passez-la "
        "« Prêt ».",
        "2. **La vérification.** Sur chaque demande de fusion, le workflow `pr.yml` lance `bibnum check`, "
        "les tests et la construction des sites. Une erreur s'affiche dans l'onglet *Files changed* de la "
        "demande, à la ligne du fichier en cause, avec le même message que `bibnum check` (voir « Les "
        "messages de `bibnum check` ») ; corrigez l'entrée dans l'éditeur et enregistrez de nouveau : la "
        "vérification recommence. Une fois la vérification passée, un commentaire de la demande donne "
        "l'adresse de son aperçu, les sites tels qu'ils seront publiés (voir « Sur une demande de fusion : "
        "l'aperçu en ligne »).",
        "3. **« Publier »** (une entrée « Prêt ») fusionne la demande dans la branche publiée et supprime sa "
        "branche ; le workflow de publication (`publish.yml`) construit et publie alors les sites. "
        "« Abandonner les modifications » ferme la demande sans rien publier.",
        "",
        "L'éditeur fusionne comme le ferait une personne : pour que GitHub refuse une fusion tant que la "
        "vérification n'est pas passée, un administrateur le demande dans les réglages du dépôt (*Settings "
        "> Branches* ou *Rules*, règle de la branche publiée : *Require status checks to pass before "
        "merging*, en cochant la vérification du workflow « pull request »). « Publier » affiche alors "
        "« Impossible de publier l'entrée » tant qu'elle échoue.",
        "",
    ]


def _limits() -> list[str]:
    return [
        "### Ce que les formulaires ne disent pas",
        "",
        "Les formulaires sont tirés des mêmes règles que ce guide, mais certaines ne tiennent pas dans un "
        "formulaire. `bibnum check`, lancé sur chaque demande de fusion, les juge toutes :",
        "",
        "- **Les règles entre plusieurs clés** : un événement a lieu dans une bibliothèque, dans un autre "
        "lieu ou en ligne ; sa fin vient après son début ; un mode d'accès demande parfois une clé de plus "
        "(`target` pour `login`) ; une bibliothèque dont la commune n'est pas dans `network.towns` donne sa "
        "population. Le formulaire accepte l'entrée ; la demande de fusion signale l'erreur à sa ligne.",
        "- **Les tables rangées par identifiant** (les auteurs de `data/authors.yml`, les codes d'une "
        "bibliothèque chez les fournisseurs, les catégories d'une source moissonnée) : l'éditeur les garde "
        "telles qu'elles sont écrites mais ne les montre pas ; on les modifie dans les fichiers (section "
        f"[{FILES_HEADING}](#{anchor(FILES_HEADING)})). L'accès d'une ressource par site est, lui, un "
        "sous-formulaire par portail.",
        "- **Les choix tirés des autres fichiers** (auteurs, catégories du blog, vocabulaires, sites) sont "
        "ceux du jour où le site a été construit : après un ajout dans `data/taxonomy.yml` ou "
        "`data/authors.yml`, le nouveau choix apparaît une fois cette modification publiée.",
        "- **Les commentaires** (les lignes qui commencent par `#`) : l'éditeur réécrit le fichier qu'il "
        "enregistre, sans ses commentaires. Le sens des données est gardé ; pour garder aussi les "
        "commentaires d'un fichier très commenté (`data/sites.yml`), modifiez-le dans un éditeur.",
        "",
    ]


def _images() -> list[str]:
    return [
        "### Les images",
        "",
        f"Une image envoyée depuis l'éditeur (un logo, une illustration d'un texte) est rangée dans le "
        f"dossier {code(MEDIA_FOLDER)} du dépôt.",
        "",
    ]


def web_editor_section(editing: Editing | None = None, pro_url: str | None = None) -> list[str]:
    """The section's Markdown lines; `editing` and `pro_url` name this network's editor when given."""
    return [
        f"## {HEADING}",
        "",
        "L'espace professionnel peut publier un éditeur en ligne, la page `admin/` (Sveltia CMS, servi par le "
        "site lui-même) : des formulaires en français pour chaque ressource, bibliothèque, événement, "
        "billet, actualité ou page, sans rien installer ni connaître git. Chaque enregistrement devient "
        "une demande de fusion (*pull request*) sur le dépôt GitHub du réseau, vérifiée comme toute "
        "modification avant d'être publiée.",
        "",
        *_this_network(editing, pro_url),
        "Qui peut s'en servir : toute personne qui a un compte GitHub avec le droit d'écrire dans le dépôt "
        "(rôle *Write* ou plus, donné par un administrateur du dépôt dans *Settings > Collaborators*, ou "
        "par une équipe de l'organisation). L'éditeur le vérifie à la connexion. bibnum ne gère ni comptes "
        "ni mots de passe : l'accès se règle sur GitHub.",
        "",
        f"Pour modifier les fichiers eux-mêmes, avec l'aide d'un éditeur de texte, voir "
        f"[{FILES_HEADING}](#{anchor(FILES_HEADING)}).",
        "",
        *_token(pro_url),
        *_oauth(editing, pro_url),
        *_flow(),
        *_limits(),
        *_images(),
    ]
