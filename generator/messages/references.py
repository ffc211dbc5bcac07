"""Messages of cross-references (ids, authors, looks, towns) and of addresses (access links, templates).

A part of the editor-facing catalogue (generator/messages/): French, by key.
"""

MESSAGES: dict[str, str] = {
    # --- cross-references (references) -----------------------------------------------------------
    "ref.unknown": "{what} « {value} » {unknown}{close} ; valeurs possibles : {known} (à déclarer dans {where})",
    "ref.unknown.m": "inconnu",
    "ref.unknown.f": "inconnue",
    "ref.close": " (vouliez-vous dire « {close} » ?)",
    "ref.none_defined": "(aucune)",
    "best_bet.no_word": "la recherche « {bet} » n'a aucun mot (lettres ou chiffres) ; écrivez la recherche que "
    "tapent les lecteurs, par ex. « code de la route », ou supprimez la ligne",
    "best_bet.twice": "la recherche « {bet} » est déjà une recherche privilégiée de {other} (majuscules, accents "
    "et ponctuation mis à part) ; une recherche ne met qu'une ressource en tête : gardez-la dans un seul fichier",
    "ref.duplicate": "identifiant « {id} » en double ; chaque identifiant doit être unique",
    "ref.harvest_only": "« source » est écrit par `bibnum harvest` sur les événements moissonnés ; supprimez-la",
    "ref.unknown_author": "auteur « {id} » inconnu ; ajoutez-le dans data/authors.yml{close}",
    "ref.author_close": " (ou vouliez-vous dire « {close} » ?)",
    "ref.site_url_slash": "terminez l'adresse du site par « / », par ex. {example}",
    "ref.no_look": "pas de dossier themes/{look}/ ; créez-le ou choisissez un thème existant",
    "ref.no_logo": "pas de fichier themes/{look}/{logo} ; ajoutez-le ou corrigez le chemin",
    "ref.logo_outside": "themes/{look}/{logo} est un lien vers un fichier hors du dossier themes/{look}/, qui "
    "serait publié avec le site ; mettez-y le fichier lui-même à la place du lien",
    "ref.look_link_outside": "ce fichier est un lien vers un fichier hors du dossier themes/{look}/, qui serait "
    "publié avec le site ; remplacez le lien par le fichier lui-même",
    "ref.access_field": "{problem} (pour {who} : à ajouter sous « fields: » dans son fichier)",
    "ref.town_undeclared": "la commune « {town} » n'est pas déclarée dans `network.towns` de data/sites.yml et "
    "cette bibliothèque n'a pas de `population` ; déclarez la commune (par ex. `- name: {town}` puis "
    "`population: 12970`) ou ajoutez `population:` ici",
    "ref.town_spelling": "« {town} » n'est pas écrit comme la commune déclarée « {declared} » dans "
    "`network.towns` de data/sites.yml (les deux noms ne diffèrent que par les accents, les majuscules ou "
    "la ponctuation) ; écrivez `town: {declared}`, ou déclarez cette autre commune sous un nom distinct, "
    "par ex. en ajoutant le département : « {town} (76) »",
    "ref.town_same_slug": "« {town} » ne diffère de « {other} » (bibliothèque {library}) que par les accents, "
    "les majuscules ou la ponctuation : leurs pages d'agenda auraient la même adresse "
    "(agenda/communes/{slug}/) ; écrivez les deux de la même façon s'il s'agit de la même commune, sinon "
    "distinguez les noms, par ex. en ajoutant le département : « {town} (76) »",
    "ref.town_population": "{here} habitants ici, mais {declared} pour « {town} » dans `network.towns` de "
    "data/sites.yml ; retirez `population` de ce fichier (le chiffre déclaré pour la commune suffit) ou "
    "corrigez l'un des deux",
    "ref.town_population_differs": "{here} habitants ici, mais {other} pour « {town} » dans le fichier de la "
    "bibliothèque {library} ; une commune n'a qu'une population : écrivez le même chiffre dans les deux "
    "fichiers, ou déclarez la commune une seule fois dans `network.towns` de data/sites.yml (`- name: {town}` "
    "puis `population: {other}`) et retirez `population` des fichiers des bibliothèques",
    "ref.who_site": "le site « {id} »",
    "ref.who_library": "la bibliothèque « {id} »",
    # what an id names, "noun|gender" (the adjective agrees with it)
    "what.category": "catégorie|f",
    "what.audience": "public|m",
    "what.device": "support|m",
    "what.language": "langue|f",
    "what.event_kind": "type d'événement|m",
    "what.blog_category": "catégorie de blog|f",
    "what.site": "site|m",
    "what.public_site": "portail public|m",
    "what.library": "bibliothèque|f",
    "what.resource": "ressource|f",
    "what.group": "groupe|m",
    "what.event_series": "série d'événements|f",
    "where.vocabulary": "{vocabulary} de data/taxonomy.yml",
    # --- addresses (access) ------------------------------------------------------------------------
    "url.empty": "elle est vide ; donnez l'adresse complète en https:// {owner}",
    "url.no_scheme": "ce n'est pas une adresse complète (pas de https://) ; écrivez-la en entier, par ex. {example}",
    "url.http": "http:// sans chiffrement est refusé ; utilisez l'adresse en https:// (http n'est accepté que "
    "si le site l'autorise avec allow_http)",
    "url.scheme": "le protocole « {scheme} » est refusé ; utilisez une adresse en https:// {owner}",
    "url.backslash": "elle contient une barre oblique inverse ; écrivez « / » dans les adresses",
    "url.control": "elle contient un caractère de contrôle en position {position} ; supprimez-le",
    "url.space": "elle contient une espace en position {position} ; supprimez-la, ou écrivez %20",
    "url.invalid": "ce n'est pas une adresse valide ; vérifiez le nom du serveur et le port",
    "url.no_host": "il manque le nom du serveur ; écrivez l'adresse complète, par ex. {example}",
    "url.userinfo": "elle contient un nom ou un mot de passe avant « @ » ; supprimez-le (les lecteurs se "
    "connectent par le lien)",
    "url.query": "elle ne doit contenir ni « ? » ni « # » ; donnez seulement l'adresse, par ex. {example}",
    "url.owner.provider": "du fournisseur",
    "url.owner.login": "du serveur d'authentification",
    "url.owner.service": "du service",
    "url.shown": "adresse « {url} » : {problem}",
    "template.brace": "modèle « {template} » : une accolade ne fait pas partie d'un champ ; écrivez les champs "
    "{{nom}} en minuscules, chiffres et « _ » (par ex. {{code_bib}}), et une accolade seule %7B ou %7D",
    "template.url": "modèle « {template} » : {problem}",
    "template.field_missing": "le champ {{{name}}} du modèle n'a pas de valeur ; ajoutez-le sous « fields: » du "
    "site ou de la bibliothèque, par ex. « {name}: … »",
    "template.field_empty": "le champ {{{name}}} du modèle est vide ; donnez-lui une valeur sous « fields: » du "
    "site ou de la bibliothèque, par ex. « {name}: … »",
    "template.gives": "le modèle « {template} » donne « {url} » : {problem} ; placez les champs seulement dans "
    "le chemin ou la requête",
    "login.domain": "« {domain} » : ce n'est pas un nom de domaine ; donnez le domaine OpenAthens "
    "du réseau, par ex. reseau.example.org",
    "login.idp": "l'entityID est vide ; donnez l'entityID du fournisseur d'identité du réseau",
    "access.link_needs": "un accès de type « {kind} » demande « {key} » ; ajoutez « {key}: » à l'accès de la "
    "ressource (ou à son réglage pour ce site)",
}
