"""Messages of `bibnum harvest`: harvested files, its report, fetching, parsing, storing, system errors.

A part of the editor-facing catalogue (generator/messages/): French, by key.
"""

MESSAGES: dict[str, str] = {
    # --- harvested files (data/harvest/<source>.json, written by `bibnum harvest`) ----------------
    "harvest.record": "{record} : {reason} ; lancez `bibnum harvest --source {source} --force` pour réécrire "
    "le fichier, ou supprimez-le",
    "harvest.not_an_event": "ce n'est pas un événement valide ({why})",
    "harvest.broken": "donnée mal formée ({kind})",
    "harvest.missing_key": "clé « {key} » absente",
    "harvest.title": "« title » doit être un texte simple, sans « < », « > » ni caractère de contrôle",
    "harvest.authors": "« authors » doit être une liste de noms en texte simple",
    "harvest.summary": "« summary_html » doit être un texte",
    "harvest.url": "« url » doit être une adresse http(s) ou null",
    "harvest.kind": "« kind » doit être l'une des valeurs : {kinds}",
    "harvest.language": "« language » doit être un code de deux lettres ou null",
    "harvest.date": "« {key} » doit être une date comme 2026-11-21",
    "harvest.first_seen": "« first_seen » est absent",
    # --- `bibnum harvest`: its report (a table, and data/harvest/report.json's texts) ------------------
    "harvest.columns": "source|type|pour|état|entrées|nouvelles|mises à jour|disparues|retirées|total|durée|raison",
    "harvest.status.ok": "lue",
    "harvest.status.not-modified": "inchangée (HTTP 304)",
    "harvest.status.unchanged": "inchangée",
    "harvest.status.skipped": "pas encore due",
    "harvest.status.failed": "en échec",
    "harvest.status.refused": "refusée",
    "harvest.seconds": "{seconds} s",
    "harvest.warning": "attention, {source} : {warning}",
    "harvest.report_summary": "{sources}, {failed} en échec, {warnings}",
    "harvest.log": "{source} : {status}",
    "harvest.log_reason": "{source} : {status} — {reason}",
    "harvest.unknown_sources": "source(s) inconnue(s) : {unknown} ; sources déclarées dans data/sources.yml : "
    "{known}",
    "harvest.previous_unreadable": "fichier précédent illisible ({why}) ; reprise à zéro. ",
    "harvest.not_due": "dernière tentative {last}, à relire toutes les {hours} h ; "
    "`bibnum harvest --source {source}` la relit tout de suite",
    "harvest.never": "jamais",
    "harvest.unexpected": "erreur inattendue en lisant la source ({kind}) ; les données précédentes sont gardées ; "
    "signalez-la aux développeurs de bibnum",
    "harvest.refused_empty": "aucune entrée, alors qu'il y en avait {previous} ; les données précédentes sont "
    "gardées",
    "count.entry": "entrée|entrées",
    "harvest.refused_drop": "seulement {fresh}, alors qu'il y en avait {previous} (une baisse de plus de "
    "moitié est refusée ; relancez avec --accept-drop si elle est attendue)",
    "harvest.category": "catégorie « {category} » ({events}) : aucun type d'événement ne lui correspond ; "
    "ajoutez-la sous « categories: » de la source « {source} » dans data/sources.yml, par ex. "
    "« {category}: {example} »",
    "harvest.kindless_default": "{events} sans catégorie reconnue : {published} comme « {kind} » (default_kind)",
    "harvest.kindless_dropped": "{events} sans catégorie reconnue : non {published} ; complétez « categories: » ou "
    "donnez « default_kind »",
    "harvest.no_category": "{events} sans catégorie : non {published} ; donnez « default_kind » à la source",
    "count.published": "publié|publiés",
    "count.harvest_event": "événement|événements",
    "count.source": "source|sources",
    "count.warning": "avertissement|avertissements",
    # why a source could not be read (fetch) or used (parse)
    "fetch.scheme": "le protocole « {scheme} » est refusé ; utilisez https://, file:// ou un chemin du projet",
    "fetch.unreadable": "lecture de {url} impossible : {why}",
    "fetch.too_large": "trop gros : plus de {limit} octets (max_bytes) ; si c'est normal, relevez « max_bytes » "
    "de la source dans data/sources.yml",
    "fetch.too_large_announced": "trop gros : {size} octets annoncés, plus de {limit} (max_bytes) ; si c'est "
    "normal, relevez « max_bytes » de la source dans data/sources.yml",
    "fetch.redirect_no_location": "redirection HTTP {status} sans adresse de destination (en-tête Location absent)",
    "fetch.redirect_scheme": "redirection refusée vers une adresse qui n'est pas en http(s) : {target}",
    "fetch.redirect_loop": "redirections en boucle (de nouveau vers {target})",
    "fetch.too_many_redirects": "trop de redirections (plus de {limit})",
    "fetch.http": "le serveur a répondu HTTP {status} ({meaning}) ; vérifiez l'adresse de la source",
    "fetch.http.401": "authentification demandée",
    "fetch.http.403": "accès refusé",
    "fetch.http.404": "adresse introuvable",
    "fetch.http.410": "adresse supprimée",
    "fetch.http.429": "trop de requêtes, réessayez plus tard",
    "fetch.http.4xx": "requête refusée",
    "fetch.http.503": "service momentanément indisponible",
    "fetch.http.5xx": "erreur du serveur",
    "fetch.http.other": "réponse inattendue",
    "fetch.no_host": "pas de nom de serveur dans {url}",
    "fetch.bad_port": "numéro de port invalide dans {url}",
    "fetch.connect_timeout": "pas de connexion au bout de {seconds} s",
    "fetch.read_timeout": "pas de réponse au bout de {seconds} s",
    "fetch.too_slow": "trop lent : pas fini au bout de {seconds} s",
    "fetch.tls": "erreur TLS (certificat ou chiffrement du serveur, code {code})",
    "fetch.connection": "connexion impossible : {why}",
    "fetch.openagenda_key": "clé d'API OpenAgenda absente : définissez la variable d'environnement {variable} "
    "(par ex. `export {variable}=…` avant `bibnum harvest`) ; les données précédentes sont gardées",
    "fetch.openagenda_cursor": "OpenAgenda renvoie deux fois la même page (curseur « after » répété) : "
    "lecture arrêtée ; les données précédentes sont gardées",
    "fetch.openagenda_pages": "OpenAgenda renvoie plus de {pages} pages : lecture arrêtée ; les données "
    "précédentes sont gardées",
    "fetch.gzip": "contenu compressé (gzip) corrompu",
    "parse.xml": "XML mal formé{at} ; le fournisseur doit corriger son flux",
    "parse.at_line": " à la ligne {line}",
    "parse.not_feed": "ce n'est pas un flux RSS, Atom ou OPDS",
    "parse.opds_not_atom": "un flux OPDS est un flux Atom ; celui-ci est {version}",
    "parse.ical": "iCalendar mal formé : le fichier ne se lit pas comme un agenda .ics",
    "parse.openagenda_json": "réponse d'OpenAgenda illisible : ce n'est pas du JSON ; vérifiez l'adresse "
    "de la source (par ex. https://api.openagenda.com/v2/agendas/12345678/events)",
    "parse.openagenda_events": "réponse d'OpenAgenda sans liste « events » : l'adresse doit être celle des "
    "événements d'un agenda, par ex. https://api.openagenda.com/v2/agendas/12345678/events",
    "parse.no_vcalendar": "ce n'est pas un fichier iCalendar (pas de BEGIN:VCALENDAR)",
    "parse.nul": "ce n'est pas un fichier texte (octets nuls)",
    "parse.kbart_header": "ce n'est pas un fichier KBART : il manque à la ligne d'en-tête {missing}",
    "parse.unknown_encoding": "encodage inconnu « {encoding} »",
    "parse.wrong_encoding": "mauvais encodage : {encoding} déclaré, mais l'octet {position} n'est pas du "
    "{encoding} valide",
    "parse.entities": "déclarations d'entités refusées (<!ENTITY …>) : possible attaque par expansion d'entités",
    # harvest files that do not read back (store)
    "store.unreadable": "lecture impossible : {why}",
    "store.not_utf8": "ce n'est pas du texte UTF-8",
    "store.json": "JSON invalide, ligne {line}, colonne {column}",
    "store.too_deep": "JSON imbriqué trop profondément",
    "store.format": "ce n'est pas un fichier de moisson au format {format}",
    "store.shape": "il faut « state » (un objet) et « records » (une liste)",
    "store.records": "chaque élément de « records » doit être un objet avec un « id »",
    # what the system said when a file or a connection failed, by its kind
    "system.not_found": "fichier ou dossier introuvable",
    "system.permission": "accès refusé",
    "system.is_directory": "c'est un dossier",
    "system.refused": "connexion refusée",
    "system.reset": "connexion interrompue",
    "system.name": "nom de serveur inconnu",
    "system.unreachable": "serveur injoignable",
    "system.no_space": "plus de place sur le disque",
    "system.other": "erreur du système ({name})",
}
