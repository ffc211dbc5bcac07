"""Messages of the link check of the built sites (check --links, build --strict).

A part of the editor-facing catalogue (generator/messages/): French, by key.
"""

MESSAGES: dict[str, str] = {
    # --- links of the built sites (check --links, build --strict) --------------------------------
    "links.what.link": "lien",
    "links.what.asset": "fichier lié",
    "links.data": "{what} « data:… » : une adresse data: ne peut intégrer qu'une image",
    "links.scheme": "{what} « {url} » : les adresses « {scheme}: » sont refusées (DESIGN.md §10)",
    "links.root_absolute": "{what} « {url} » part de la racine (« / ») : il casse quand le site est servi sous "
    "un autre chemin ; écrivez-le en relatif, par ex. ../aide/",
    "links.outside_base": "{what} « {url} » pointe hors du chemin du site « {base} »",
    "links.leaves": "{what} « {url} » sort du site",
    "links.broken": "lien cassé « {url} » : {target} n'existe pas",
    "links.broken_source_name": "lien cassé « {url} » : {target} n'existe pas ; une page se lie par son adresse, "
    "relative à celle de la page qui la cite, pas par le nom de son fichier (chaque page est publiée dans son "
    "propre dossier) : écrivez par ex. « {page} »",
    "links.missing_asset": "fichier manquant « {url} » : {target} n'existe pas",
    "links.missing_anchor": "ancre manquante « {url} » : {target} n'a pas d'élément d'id « {fragment} »",
    "links.in_page": "{message} (dans {page})",
    "links.broken_all": "{links} : rien n'a été publié\n{listed}",
    "links.external": "{links} sur {pages}, listés, non vérifiés",
    "access.button_missing": "le bouton d'accès (data-bn-access-button) manque sur cette page de ressource",
    "access.on_site_link": "une ressource à consulter sur place ne doit pas proposer de lien d'accès",
    "access.https": "le lien d'accès « {url} » doit être une adresse https:// (DESIGN.md §6)",
    "access.unknown_library": "lien d'accès pour une bibliothèque inconnue « {library} »",
    "access.wrong_host": "le lien d'accès « {url} » {who} va vers « {host} » ; son accès « {kind} » doit passer "
    "par « {expected} »",
    "access.of_library": "de la bibliothèque « {library} »",
    "access.of_network": "du réseau",
    "count.external_link": "lien externe|liens externes",
}
