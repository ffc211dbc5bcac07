"""Messages of usage statistics: data/usage/ files, a resource's `usage:` block, `bibnum usage import`.

A part of the editor-facing catalogue (generator/messages/): French, by key.
"""

MESSAGES: dict[str, str] = {
    # --- values of the models (models/usage.py) ------------------------------------------------------
    "usage.bad_month": "« {value} » n'est pas un mois ; écrivez AAAA-MM, par ex. 2026-03 (mois de 01 à 12)",
    "usage.bad_metric": "« {value} » n'est pas un nom d'indicateur ; écrivez un nom COUNTER ({counter}…) ou un "
    "identifiant en minuscules sans accent, par ex. sessions ou prets",
    "usage.cost_year_twice": "l'année {year} a déjà un coût ; une seule ligne par année",
    # --- the check (validate.py) --------------------------------------------------------------------
    "usage.unknown_resource": "aucune ressource « {id} » (data/resources/{id}.yml) : ce fichier de statistiques "
    "ne se rattache à rien{close} ; renommez-le du nom d'une ressource ou supprimez-le",
    "usage.platform_twice": "la plateforme « {name} » est déjà déclarée par {other} ; un rapport de plateforme "
    "ne peut aller qu'à une ressource : gardez-la dans un seul fichier (les autres peuvent déclarer leurs "
    "bases sous « databases: »)",
    "usage.database_twice": "la base « {name} » est déjà déclarée par {other} ; gardez-la dans un seul fichier",
    # --- reading a report (usage/) ------------------------------------------------------------------
    "usage.unreadable": "fichier illisible : {why}",
    "usage.not_utf8": "le fichier n'est pas en UTF-8 (octet {position}) ; enregistrez-le en UTF-8 "
    "(« CSV UTF-8 » dans un tableur)",
    "usage.empty": "fichier vide ; il faut un rapport COUNTER (JSON, TSV ou CSV) ou un CSV mensuel simple "
    "(resource;month;sessions…)",
    "usage.json_invalid": "JSON invalide : {why} (ligne {line}, colonne {column})",
    "usage.json_not_report": "ce JSON n'est pas un rapport COUNTER : il faut un objet avec « Report_Header » "
    "et « Report_Items », tel que le renvoie l'API COUNTER (SUSHI)",
    "usage.json_error_reply": "ce fichier est une réponse d'erreur du serveur COUNTER ({what}), pas un rapport ; "
    "demandez le rapport à nouveau",
    "usage.report_kind": "rapport « {found} » : bibnum lit les rapports {known} ; téléchargez l'un d'eux",
    "usage.release": "version COUNTER « {found} » : bibnum lit les versions 5 et 5.1",
    "usage.created": "date de création « {found} » illisible ; il faut une date ISO, par ex. 2027-01-05T09:00:00Z",
    "usage.json_items": "« Report_Items » doit être une liste d'éléments",
    "usage.json_item": "{item} : il faut un objet (« Platform », « Performance »…)",
    "usage.json_key": "{item} : « {key} » absent ou mal formé ; {expected}",
    "usage.json_expect_r5": "il faut, en version 5, une liste « Performance » d'objets "
    "{{« Period »: {{« Begin_Date », « End_Date »}}, « Instance »: [{{« Metric_Type », « Count »}}]}}",
    "usage.json_expect_r51": "il faut, en version 5.1, une liste « Attribute_Performance » d'objets "
    "{{« Performance »: {{indicateur: {{« AAAA-MM »: nombre}}}}}}",
    "usage.item": "élément {number} de Report_Items",
    "usage.not_a_month": "{item} : la période {begin} – {end} n'est pas un mois ; demandez le rapport mois par mois "
    "(« Granularity » Month, sans « Exclude_Monthly_Details »)",
    "usage.totals": "ce rapport donne des totaux sur la période, pas des chiffres mois par mois ; demandez-le "
    "mois par mois (« Granularity » Month, sans « Exclude_Monthly_Details »)",
    "usage.metric": "{item} : indicateur « {found} » inconnu ; indicateurs COUNTER lus : {known}",
    "usage.count": "{item} : « {found} » n'est pas un nombre d'usages ; il faut un entier positif ou nul, par ex. 42",
    "usage.month_key": "{item} : « {found} » n'est pas un mois ; il faut AAAA-MM, par ex. 2026-03",
    # tabular COUNTER reports
    "usage.table_header": "l'en-tête du rapport COUNTER est incomplet : « {key} » absent (les lignes d'en-tête "
    "vont de Report_Name à Created_By, puis une ligne vide, puis les titres de colonnes)",
    "usage.table_no_columns": "titres de colonnes introuvables après l'en-tête (une ligne vide, puis une ligne "
    "commençant par Platform, Database ou Title)",
    "usage.table_column": "colonne « {column} » absente ; un rapport {report} la contient",
    "usage.table_no_months": "aucune colonne de mois (par ex. « Jan-2026 ») : le rapport a été demandé sans le "
    "détail mensuel ; demandez-le avec les mois (sans « Exclude_Monthly_Details »)",
    "usage.row": "ligne {line}",
    "usage.row_short": "ligne {line} : {found} cellules pour {expected} colonnes ; vérifiez le séparateur et les "
    "guillemets de cette ligne",
    "usage.cell_count": "ligne {line}, colonne « {column} » : « {found} » n'est pas un nombre d'usages ; "
    "il faut un entier positif ou nul, par ex. 42",
    "usage.cell_metric": "ligne {line} : indicateur « {found} » inconnu ; indicateurs COUNTER lus : {known}",
    # the simple monthly CSV
    "usage.csv_columns": "première ligne : les colonnes doivent être « resource », « month », puis un indicateur "
    "par colonne, par ex. « resource;month;sessions;prets » ; trouvé : {found}",
    "usage.csv_metric_name": "première ligne, colonne {column} : « {found} » n'est pas un nom d'indicateur ; "
    "écrivez un identifiant en minuscules sans accent, par ex. sessions, prets ou vues",
    "usage.csv_metric_twice": "première ligne : l'indicateur « {found} » est écrit deux fois",
    "usage.csv_no_metric": "première ligne : aucune colonne d'indicateur après « month » ; ajoutez-en une, "
    "par ex. « resource;month;sessions »",
    "usage.csv_month": "ligne {line} : « {found} » n'est pas un mois ; écrivez AAAA-MM, par ex. 2026-03",
    "usage.csv_resource": "ligne {line} : ressource absente ; écrivez son identifiant (le nom de son fichier dans "
    "data/resources/, sans .yml)",
    "usage.csv_twice": "ligne {line} : la ressource « {resource} » a déjà une ligne pour {month} (ligne {other})",
    # mapping report items to resources
    "usage.unmapped_platform": "{item} : plateforme « {name} »{more} : aucune ressource ne la déclare ; ajoutez "
    "« usage: » puis « platform: {name} » (décalé de deux espaces) au fichier de la ressource qu'elle "
    "mesure{close}",
    "usage.unmapped_database": "{item} : base « {name} » (plateforme « {platform} »){more} : aucune ressource ne "
    "la déclare ; ajoutez-la sous « usage: » puis « databases: » du fichier de la ressource qu'elle mesure, "
    "ou déclarez-y sa plateforme (« platform: {platform} »){close}",
    "usage.unmapped_more": " (et {count} de plus)",
    "usage.unknown_csv_resource": "ligne {line} : aucune ressource « {id} » dans data/resources/{close} ; "
    "écrivez l'identifiant d'une ressource (le nom de son fichier, sans .yml)",
    "usage.too_large": "{resource}, {month}, {metric} : {count} usages, plus que les {limit} qu'un mois peut "
    "compter ; ce rapport semble faux, demandez-le à nouveau au fournisseur",
    "usage.close_resource": ", par ex. data/resources/{id}.yml ({title})",
    "usage.close_id": " (vouliez-vous dire « {id} » ?)",
    # `bibnum usage import`: what it did
    "usage.no_files": "aucun fichier à importer ; donnez les rapports après le projet, par ex. "
    "`bibnum usage import . rapports/kiosque-2026.json`",
    "usage.not_a_file": "fichier introuvable (ou c'est un dossier) ; vérifiez son chemin",
    "usage.invalid_project": "Le projet a des erreurs : corrigez-les (`bibnum check`) avant d'importer des rapports ; "
    "aucun fichier n'a été écrit.",
    "usage.nothing_written": "Aucun fichier écrit : {errors} dans les rapports (aucun rapport n'a été importé).",
    "usage.read": "{file} : rapport {report} (COUNTER {release}), {resources}, {months}",
    "usage.read_csv": "{file} : CSV mensuel, {resources}, {months}",
    "usage.read_empty": "{file} : rapport {report} sans aucun usage",
    "usage.added": "{resource} : {months} {done} : {list}",
    "usage.replaced": "{resource} : {months} {done} par {file} (chiffres précédents : {previous}) : {list}",
    "usage.kept": "{resource} : {months} {done} tels quels, le rapport déjà importé étant plus récent que "
    "{file} : {list}",
    "usage.unchanged": "{resource} : {months} {done} à l'identique : {list}",
    "count.added": "ajouté|ajoutés",
    "count.replaced": "remplacé|remplacés",
    "count.kept": "gardé|gardés",
    "count.unchanged": "déjà importé|déjà importés",
    "usage.written": "{file} écrit.",
    "usage.none_written": "Rien de nouveau : ces rapports étaient déjà importés, aucun fichier n'a changé.",
    "usage.header": "Statistiques d'usage de la ressource « {title} » (data/resources/{id}.yml), mois par mois.",
    "usage.header_how": "Écrit par `bibnum usage import` : pour corriger un mois, importez le rapport corrigé "
    "plutôt que de modifier ce fichier.",
    "usage.header_source": "Chaque mois vient d'un seul rapport (source) ; un rapport plus récent pour ce mois "
    "le remplace en entier.",
    "usage.note": "Remarque : {note}",
    "count.month": "mois|mois",
}
