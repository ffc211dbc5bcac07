"""Messages of validation: what the schema refused, our own rules on a value, files and ids.

A part of the editor-facing catalogue (generator/messages/): French, by key.
"""

MESSAGES: dict[str, str] = {
    # --- schema: what the validation library refused, by error type ---------------------------
    "schema.missing": "clé obligatoire absente ; ajoutez « {key}: … »{described}",
    "schema.missing_described": " ({description})",
    "schema.unknown_key": "clé inconnue « {key} » ; vouliez-vous dire « {close} » ?",
    "schema.unknown_key_list": "clé inconnue « {key} » ; les clés possibles ici sont : {keys}. "
    "Corrigez son orthographe ou supprimez-la",
    "schema.unknown_key_nested": "la clé « {key} » n'existe pas à ce niveau ; cette clé se place sous {places} "
    "(décalée de deux espaces sous la clé qui la contient) ; les clés possibles à ce niveau sont : {keys}",
    "schema.unknown_key_none": "clé inconnue « {key} » ; ce bloc n'a pas d'autre clé, supprimez-la",
    "schema.choice": "{written} n'est pas une valeur possible ; valeurs possibles : {allowed}",
    "schema.empty_value": "valeur vide ; écrivez-la après « {key}: », ou supprimez la clé si elle est facultative",
    "schema.empty_text": "texte vide ; écrivez au moins un caractère, ou supprimez la clé si elle est facultative",
    "schema.text_too_short": "{length} caractère(s) ; {limit} au moins",
    "schema.text_too_long": "{length} caractères ; {limit} au plus. Raccourcissez le texte",
    "schema.list_too_short": "{counted} ; {limit} au moins. Ajoutez-en (une ligne « - … » par élément)",
    "schema.list_too_long": "{counted} ; {limit} au plus. Retirez-en",
    "schema.unit.list": "élément|éléments",
    "schema.unit.map": "entrée|entrées",
    "schema.integer": "{written} n'est pas un nombre entier ; écrivez des chiffres sans espace, par ex. 12000",
    "schema.integer_fraction": "{written} a des décimales ; écrivez un nombre entier, par ex. 12",
    "schema.number": "{written} n'est pas un nombre ; écrivez des chiffres avec un point décimal, par ex. 49.27",
    "schema.decimal": "{written} n'est pas un nombre décimal ; écrivez des chiffres avec un point décimal, "
    "par ex. 0.15",
    "schema.decimal_digits": "{written} a trop de chiffres ; {limit} au plus",
    "schema.decimal_places": "{written} a trop de décimales ; {limit} au plus, par ex. 0.15",
    "schema.decimal_whole": "{written} a trop de chiffres avant la virgule ; {limit} au plus",
    "schema.gt": "{written} est trop petit ; il faut un nombre supérieur à {limit}",
    "schema.ge": "{written} est trop petit ; il faut au moins {limit}",
    "schema.lt": "{written} est trop grand ; il faut un nombre inférieur à {limit}",
    "schema.le": "{written} est trop grand ; il faut au plus {limit}",
    "schema.multiple_of": "{written} n'est pas un multiple de {limit}",
    "schema.bool": "{written} n'est pas oui/non ; écrivez true (oui) ou false (non)",
    "schema.date": "{written} n'est pas une date ; écrivez-la AAAA-MM-JJ, par ex. 2026-12-20",
    "schema.no_such_day": "{written} n'existe pas au calendrier : {reason} ; corrigez le jour ou le mois",
    "schema.no_such_month": "il n'y a pas de mois {month}, les mois vont de 01 à 12",
    "schema.month_length": "{month} n'a que {days} jours",
    "schema.date_with_time": "{written} a une heure ; écrivez seulement la date, AAAA-MM-JJ, par ex. 2026-12-20",
    "schema.datetime": "{written} n'est pas une date et heure ; écrivez AAAA-MM-JJTHH:MM (heure de Paris), "
    "par ex. 2026-12-20T14:00",
    "schema.date_or_datetime": "{written} n'est ni une date ni une date et heure ; écrivez AAAA-MM-JJ, par ex. "
    "2026-12-20, ou AAAA-MM-JJTHH:MM, par ex. 2026-12-20T14:00",
    "schema.time": "{written} n'est pas une heure ; écrivez HH:MM, par ex. 14:00",
    "schema.pattern": "{written} n'a pas la forme attendue : {expected}",
    "schema.pattern_raw": "forme décrite par l'expression {pattern}",
    "schema.url": "{written} n'est pas une adresse web complète ; écrivez-la avec https://, "
    "par ex. https://www.exemple.fr/",
    "schema.map": "il faut ici des clés (« clé: valeur », décalées sous celle-ci) ; trouvé : {found}",
    "schema.list": "il faut ici une liste (une ligne « - … » par élément, ou [a, b]) ; trouvé : {found}",
    "schema.text": "il faut ici un texte ; trouvé : {found}",
    "schema.tag_invalid": "{key} {written} inconnu ; valeurs possibles : {allowed}",
    "schema.tag_missing": "clé « {key} » absente : elle choisit la forme de ce bloc ; valeurs possibles : {allowed}",
    "schema.other": "{written} n'est pas accepté ici ; voir le Guide de l'éditeur ({kind})",
    # what an editor wrote, when it is not a single value
    "found.map": "des clés",
    "found.list": "une liste",
    "found.empty": "rien (valeur vide)",
    "found.bool": "oui/non",
    "found.number": "le nombre {value}",
    "found.text": "le texte {value}",
    "found.date": "la date {value}",
    # --- our own rules on a value (models' validators) -----------------------------------------
    "value.markup": "« < » et « > » sont refusés dans ce texte, qui s'affiche tel quel ; "
    "pour citer, utilisez « » ou ‹ ›",
    "value.control": "le texte contient un caractère de contrôle invisible ; retapez-le ou supprimez-le",
    "value.slug": "« {value} » n'est pas un identifiant : minuscules sans accent, chiffres et tirets simples, "
    "par ex. presse-quotidienne",
    "value.name_too_long": "ce nom devient l'adresse d'une page du site : {length} caractères ; {limit} au plus. "
    "Raccourcissez-le",
    "value.town_too_long": "le nom de la commune donne l'adresse de sa page d'agenda (agenda/communes/{slug}/) : "
    "{length} caractères ; {limit} au plus. Raccourcissez le nom",
    "value.email": "« {value} » n'est pas une adresse électronique ; écrivez-la d'un seul tenant, sans espace, "
    "guillemet ni chevron, avec un @ puis un domaine, par ex. contact@reseau.example.fr",
    "value.look_file": "« {value} » n'est pas un chemin de fichier du dossier du thème ; écrivez des noms de "
    "fichier (lettres sans accent, chiffres, points, tirets, soulignés) séparés par /, sans .. ni / au début, "
    "par ex. logo.svg ou images/logo.svg",
    "value.date_number": "il faut une date, par ex. 2026-12-20, ou une date et heure, par ex. 2026-12-20T14:00 ; "
    "trouvé : un nombre",
    "value.datetime_number": "il faut une date et heure, par ex. 2026-12-20T14:00 ; trouvé : un nombre",
    "value.datetime_offset": "écrivez l'heure de Paris sans décalage UTC, par ex. 2026-12-20T14:00",
    "value.colour": "« {value} » n'est pas une couleur ; écrivez # suivi de six chiffres hexadécimaux, "
    "par ex. #1d4f91",
    "value.field_value": "valeur vide ou avec des espaces ; écrivez le code d'un seul tenant, par ex. CD14",
    "value.pattern": "« {value} » n'est pas {what} ; par ex. {example}",
    "value.algolia_app": "un identifiant d'application Algolia",
    "value.repository": "un dépôt GitHub de la forme compte/dépôt",
    "value.branch": "un nom de branche (lettres, chiffres, « . », « _ », « - » et « / »)",
    "value.auth_origin": "une adresse https:// sans chemin",
    "value.algolia_index": "un nom d'index Algolia",
    "value.algolia_key": "une clé de recherche Algolia",
    "value.duplicate_ids": "identifiant(s) en double dans {vocabulary} : {ids} ; chaque identifiant ne doit "
    "apparaître qu'une fois",
    "event.end_before_start": "la fin ({end}) est avant le début ({start}) ; corrigez l'une des deux dates",
    "trial.end_before_start": "le dernier jour de l'essai ({end}) est avant son premier jour ({start}) ; "
    "corrigez l'une des deux dates, par ex. start: 2026-11-01 et end: 2026-12-31",
    "notice.end_before_start": "la fin de l'avis ({end}) n'est pas après son début ({start}) ; corrigez l'une des "
    "deux, par ex. start: 2026-12-05T08:00 et end: 2026-12-05T10:00 (un jour seul compte en entier)",
    "event.where": "dites où il a lieu : ajoutez « library » (une bibliothèque du réseau), « place » (un autre "
    "lieu) ou « online_url » (en ligne)",
    "access.needs": "un accès de type « {kind} » demande la clé « {key} » ; ajoutez-la sous « access: »",
    "source.reserved": "l'identifiant « {id} » est réservé (data/harvest/{id}.json est le rapport de "
    "moissonnage) ; choisissez-en un autre",
    "source.url": "adresse « {url} » : {problem}",
    "source.url_empty": "elle est vide ou entourée d'espaces",
    "source.url_control": "elle contient une barre oblique inverse ou un caractère de contrôle",
    "source.url_host": "il manque le nom du serveur ; écrivez l'adresse complète, par ex. "
    "https://fournisseur.example.org/flux.atom",
    "source.url_file": "une adresse file:// demande un chemin absolu, par ex. file:///srv/flux.atom",
    "source.url_scheme": "le protocole « {scheme} » est refusé ; utilisez https://, file:// ou un chemin "
    "relatif au projet",
    "source.url_absolute": "un chemin absolu s'écrit en adresse file:// ; ou donnez un chemin relatif au projet",
    "source.url_outside": "le chemin doit rester dans le projet (pas de « .. ») ; par ex. data/feeds/nouveautes.atom",
    "source.needs_resource": "une source « {kind} » alimente une ressource : donnez « resource » (et pas « library »)",
    "source.openagenda_url": "une source « openagenda » se lit par l'API d'OpenAgenda : donnez l'adresse "
    "https des événements de l'agenda, par ex. https://api.openagenda.com/v2/agendas/12345678/events",
    "source.needs_library": "une source « {kind} » alimente l'agenda d'une bibliothèque : donnez « library » "
    "(et pas « resource »)",
    "group.label_needed": "un groupe `kind: comite` doit dire quel comité il est : ajoutez `label`, "
    "par ex. `label: Comité des usagers`",
    "network.town_twice": "la commune « {town} » est déclarée deux fois (communes n° {first} et n° {second}) ; "
    "gardez-en une seule : sa population ne se compte qu'une fois",
    "network.town_same_slug": "« {town} » (commune n° {second}) ne diffère de « {other} » (commune n° {first}) "
    "que par les accents, les majuscules ou la ponctuation : leurs pages d'agenda auraient la même adresse "
    "(agenda/communes/{slug}/) ; s'il s'agit de la même commune, gardez-en une seule, sinon distinguez les "
    "noms, par ex. en ajoutant le département : « {town} (76) »",
    "network.shares": "les parts des financeurs font {total} % ({listed}) ; elles doivent faire 100 %, par ex. "
    "`share: 50` et `share: 50`",
    "source.old_event_kind": "« event_kind » est l'ancien nom de « default_kind » : gardez seulement "
    "« default_kind: {kind} »",
    "source.agenda_only": "« categories » et « default_kind » ne servent qu'aux agendas (`kind: ical`) ; "
    "supprimez-les de cette source « {kind} »",
    "audit.rules": "rules_passed ne peut pas dépasser rules_applicable ; relancez les tests de navigateur "
    "pour réécrire ce fichier",
    # --- files and ids (validate) ----------------------------------------------------------------
    "file.id_from_name": "« {key} » est tiré du nom du fichier ; supprimez cette clé",
    "file.duplicate_stem": "identifiant « {id} » en double : {other} a le même nom de fichier ; renommez l'un des deux",
    "file.page_reserved": "« {id}.md » ne peut pas être une page : l'adresse {url} est réservée à une page que "
    "bibnum écrit lui-même ; renommez le fichier, par ex. « {id}-infos.md »",
    "file.page_home": "« {id}.md » ne peut pas être une page : l'accueil du site est écrit par bibnum ; renommez "
    "le fichier, par ex. « accueil-infos.md »",
    "file.duplicate_slug": "identifiant « {id} » en double (déjà pris par {other}) ; renommez le fichier ou "
    "donnez une autre valeur à « slug »",
    "audit.unknown_site": "site « {id} » inconnu (les sites sont déclarés dans data/sites.yml) ; relancez les "
    "tests de navigateur pour réécrire ce fichier",
}
