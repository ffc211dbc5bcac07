"""Messages of the commands: build and writer, preview, Algolia push, `bibnum new`, the command line.

A part of the editor-facing catalogue (generator/messages/): French, by key.
"""

MESSAGES: dict[str, str] = {
    # --- the build's progress and failures (build.py, engine.py, writer.py) -----------------------------
    "build.site_kept": "{site} : sources inchangées, {kept}, moteur {mode}",
    "build.site_generated": "{site} : {generated}, {files}, moteur {mode}",
    "count.page_kept": "page gardée|pages gardées",
    "count.page_generated": "page générée|pages générées",
    "build.mode.clean": "relancé en entier",
    "build.mode.dirty": "relancé sur les pages modifiées",
    "build.mode.unchanged": "non relancé",
    "build.done.one": "{sites} construit dans {out}",
    "build.done.many": "{sites} construits dans {out}",
    "build.unknown_sites": "site(s) inconnu(s) : {unknown} ; sites déclarés dans data/sites.yml : {known}",
    "build.system_failed": "la construction s'est arrêtée ({why} : {path}) ; chaque site publié dans {out} est "
                           "resté entier, l'ancien ou le nouveau. Libérez de la place ou corrigez les droits, puis "
                           "relancez",
    "build.publish_failed": "la publication dans {out} a échoué ({why}) ; le site publié est resté tel quel",
    "build.engine_failed": "le moteur ({engine}) a échoué sur le site « {site} » ; rien n'a été publié. Ses "
    "derniers messages (en anglais) :\n  {log}",
    "build.engine_stuck": "le moteur ({engine}) n'a pas fini le site « {site} » en {minutes} minutes : il a été "
    "arrêté et rien n'a été publié. Relancez la construction ; si elle s'arrête encore ici, signalez-le avec "
    "la commande lancée et le nom du moteur",
    "build.engine": "moteur : {label} ({identity}). {status}",
    "engine.status.mkdocs-material": "Material for MkDocs ne reçoit plus que des correctifs critiques et de "
    "sécurité, jusqu'à sa fin de vie le 5 mai 2027, et MkDocs 1.x n'est plus maintenu. Pour changer de moteur : "
    "une ligne « engine: zensical » (ou « engine: properdocs ») dans data/sites.yml, ou --engine zensical "
    "pour un essai (README, « Moteurs de rendu »).",
    "engine.status.mkdocs-material.ended": "Material for MkDocs a atteint sa fin de vie le 5 mai 2027 : plus "
    "aucun correctif, même de sécurité, et MkDocs 1.x n'est plus maintenu. Changez de moteur : une ligne "
    "« engine: zensical » (ou « engine: properdocs ») dans data/sites.yml (README, « Moteurs de rendu »).",
    "engine.status.properdocs": "ProperDocs continue MkDocs 1.x et reste maintenu ; le thème mkdocs-material "
    "ne reçoit plus que des correctifs critiques jusqu'au 5 mai 2027. Le successeur de Material : "
    "« engine: zensical » dans data/sites.yml (README, « Moteurs de rendu »).",
    "engine.status.properdocs.ended": "ProperDocs continue MkDocs 1.x et reste maintenu, mais le thème "
    "mkdocs-material a atteint sa fin de vie le 5 mai 2027 : plus aucun correctif. Changez de moteur : "
    "« engine: zensical » dans data/sites.yml (README, « Moteurs de rendu »).",
    "engine.status.zensical": "Zensical est le successeur maintenu de Material for MkDocs (encore en versions "
    "0.x : une mise à jour peut changer son rendu). Pour revenir au moteur par défaut : "
    "« engine: mkdocs-material » dans data/sites.yml.",
    "engine.unknown": "moteur inconnu : « {name} » ; bibnum sait construire avec {known}",
    "engine.missing": "le moteur {engine} n'est pas installé (il manque {packages}) ; installez-le avec "
    "« {install} », ou choisissez-en un autre (« engine: » dans data/sites.yml, ou --engine)",
    "count.changed_file": "fichier modifié|fichiers modifiés",
    "writer.twice": "{path} : écrit deux fois dans la même construction (deux sorties visent le même chemin) ; "
    "c'est une erreur de bibnum, signalez-la",
    "writer.outside": "{path} : écriture refusée hors de {root}",
    "writer.resolves_outside": "{path} : ce chemin mène hors de {root} (lien symbolique) ; écriture refusée",
    # --- one build at a time (locks.py) ---------------------------------------------------------------
    "lock.busy": "{subject} est déjà utilisé par {holder} ; attendez qu'il ait fini, ou arrêtez-le (Ctrl+C dans "
    "son terminal)",
    "lock.holder": "le processus {pid} ({command}){host}, {since}",
    "lock.holder_host": " sur la machine {host}",
    "lock.holder_unknown": "un autre processus",
    "lock.since_today": "depuis {time}",
    "lock.since_day": "depuis le {day} à {time}",
    "lock.since_unknown": "depuis un moment inconnu",
    "lock.taken_over": "{subject} : verrou du processus {pid} (arrêté) repris",
    "lock.unusable": "{path} : impossible de prendre le verrou ({why}) ; vérifiez que ce dossier existe et "
    "qu'on peut y écrire",
    "lock.subject.project": "ce projet",
    "lock.subject.out": "le dossier de sortie {out}",
    "lock.subject.preview": "l'aperçu de ce projet",
    # --- the preview (serve.py) and the Algolia push (search/) ---------------------------------------
    "serve.serving": "aperçu de {out} sur {url} (Ctrl+C pour arrêter)",
    "serve.rebuilt": "reconstruit en {seconds} s",
    # the banner every preview page shows while the sources are invalid (generator/live/)
    "serve.banner.label": "Erreurs de l'aperçu",
    "serve.banner.heading": "L'aperçu n'est pas à jour : {errors} dans les fichiers",
    "serve.banner.kept": "Cette page montre la dernière construction réussie. Corrigez chaque erreur "
    "ci-dessous (fichier:ligne:colonne, puis le message) et enregistrez : la page se met à jour toute seule.",
    "serve.banner.dismiss": "Masquer",
    "serve.not_found.title": "Page introuvable dans l'aperçu",
    "serve.not_found.text": "Aucun site de l'aperçu n'a cette adresse. Si les fichiers contiennent une erreur, "
    "le bandeau ci-dessus la montre : une fois corrigée, cette page se recharge toute seule.",
    "search.admin_key_in_site": "data/sites.yml : la clé `search_key` du site « {site} » est la clé "
    "d'administration Algolia ; mettez-y la clé de recherche seule (elle est publiée dans chaque page) et "
    "changez la clé d'administration",
    "search.no_admin_key": "donnez la clé d'administration Algolia dans la variable d'environnement "
    "ALGOLIA_ADMIN_KEY (bibnum ne la lit jamais dans un fichier)",
    "search.no_settings": "pas de réglages Algolia pour {sites} : ajoutez un bloc `algolia:` (app_id, index, "
    "search_key) au site dans data/sites.yml",
    "search.any_site": "aucun site",
    "search.push_failed": "l'envoi vers l'index Algolia « {index} » a échoué à l'étape « {step} » (essai "
    "{attempt} sur {attempts}) ; l'index en ligne est resté tel quel. Réponse d'Algolia : {why}",
    "search.retrying": "  {step} : {why} ; nouvel essai",
    "search.pushing": "{site} : envoi de {objects} vers l'index Algolia « {index} » (application {app})",
    "search.pushed": "{site} : terminé, l'index temporaire « {temporary} » remplace « {index} »",
    "search.step.clear": "vider l'index temporaire",
    "search.step.settings": "réglages",
    "search.step.rules": "recherches privilégiées",
    "search.step.records": "notices {first} à {last}",
    "search.step.move": "mise en place",
    "count.object": "objet|objets",
    # --- `bibnum new` --------------------------------------------------------------------------------
    "new.not_empty": "{target} : ce dossier n'est pas vide ; choisissez un nouveau dossier, par ex. "
    "`bibnum new mon-reseau`",
    "new.done": "Réseau « {name} » créé dans {folder}. Ensuite :\n  bibnum check {folder}\n  bibnum build {folder} "
    "--strict\n  bibnum serve {folder}\nLe « Guide de l'éditeur » (espace pro) décrit chaque fichier ; "
    "README.md dit comment publier.",
    "new.ask_name": "Nom du réseau",
    "new.name_one_line": "{option} : donnez un nom sur une ligne, par ex. « Médiathèques de la Vallée »",
    "new.url_https": "--url : « {url} » n'est pas une adresse https, par ex. `https://compte.github.io/mon-reseau/`",
    "new.separator": " ; ",
    "new.ask_portal": "Nom du portail public",
    "new.ask_url": "Adresse de publication des sites",
    # --- bibnum schemas (schemas_command.py) ----------------------------------------------------------------
    "schemas.stale": "Remarque : les schémas de l'éditeur ne suivent plus data/taxonomy.yml ou data/sites.yml "
    "({files}) ; lancez « bibnum schemas » pour les mettre à jour",
    "schemas.written": "{count} schémas JSON écrits dans {folder} (un par sorte de fichier de data/)",
    "schemas.settings": ".vscode/settings.json : « yaml.schemas » associe chaque schéma à ses fichiers ; avec "
    "l'extension YAML de Red Hat, VS Code et github.dev complètent les clés et signalent les erreurs",
    "schemas.settings_unreadable": ".vscode/settings.json n'est pas un objet JSON lisible : il est laissé tel "
    "quel. Corrigez-le (ou supprimez-le) puis relancez « bibnum schemas », ou ajoutez-y vous-même la clé "
    "« yaml.schemas », par ex. {{\"yaml.schemas\": {{\"./schemas/resource.schema.json\": "
    "[\"data/resources/*.yml\"]}}}}",
    # --- the command line ----------------------------------------------------------------------------
    "cli.ok": "OK : {sites}, {resources}, {libraries}, {events}, {posts}, {pages}",
    "cli.invalid": "{errors} : rien n'a été construit ni publié.",
    "cli.links_broken": "{links} : rien n'a été publié.",
    "cli.error": "erreur : {message}",
    "cli.invalid_project": "{errors} dans le projet",
    "cli.usage": "{what} ; voir `{command} --help`",
    "cli.no_such_command": "commande inconnue « {name} »{close} ; commandes de `{command}` : {known}",
    "cli.no_such_option": "option inconnue « {option} »{close}",
    "cli.option_needs_value": "l'option « {option} » demande une valeur",
    "cli.missing_argument": "argument {name} manquant",
    "cli.missing_option": "option « {name} » manquante",
    "cli.bad_value": "valeur refusée pour « {name} » : il faut {expected}",
    "cli.expected_choice": "l'une des valeurs {choices}",
    "cli.expected_int": "un nombre entier, par ex. 8000",
    "cli.expected_number": "un nombre, par ex. 1.5",
    "cli.expected_path": "un chemin de dossier",
    "cli.expected_other": "une autre valeur",
    "cli.bad_usage": "ligne de commande invalide (argument en trop ou mal placé)",
    "clock.today": "--today {value!r} : ce n'est pas une date ; écrivez AAAA-MM-JJ, par ex. 2026-12-20, ou "
    "AAAA-MM-JJTHH:MM (heure de Paris), par ex. 2026-12-20T14:00",
    "clock.epoch": "SOURCE_DATE_EPOCH={value!r} : ce n'est pas un nombre de secondes depuis le 1er janvier 1970 ; "
    "par ex. SOURCE_DATE_EPOCH=1766235600, ou retirez cette variable",
    "cli.not_a_project": "{path} : ce n'est pas un projet bibnum (il n'a pas de dossier data/) ; pour créer un "
    "réseau, lancez `bibnum new {path}`, ou donnez le dossier d'un projet existant",
    "cli.not_built": "{folder} : le site « {site} » n'est pas construit ; lancez d'abord `bibnum build` "
    "(ou donnez --out)",
    "cli.links_checked": "{site} : {pages}, {links} vérifiés, {problems}",
    "cli.site_pages": "{site} : {pages}",
    "cli.built": "terminé en {seconds} s ({pages})",
    "serve.ready": "prêt : {url}",
    "serve.invalid": "erreurs ci-dessus : l'aperçu garde la dernière construction réussie",
    "serve.error": "erreur : {message} (l'aperçu garde la dernière construction réussie)",
    "count.link": "lien|liens",
    "count.problem": "problème|problèmes",
    "count.error": "erreur|erreurs",
    "count.broken_link": "lien cassé|liens cassés",
    "count.site": "site|sites",
    "count.resource": "ressource|ressources",
    "count.library": "bibliothèque|bibliothèques",
    "count.event": "événement|événements",
    "count.post": "billet|billets",
    "count.page": "page|pages",
}
