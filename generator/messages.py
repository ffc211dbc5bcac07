"""Every message an editor reads from `bibnum check` (and `build`), in French, in one place.

Code names a message by its key and fills its `{placeholders}`; nothing else in the
package writes editor-facing prose. A message says what is wrong, what was expected
(with an example) and how to fix it. Another language would be another catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable

MESSAGES: dict[str, str] = {
    # --- the place a message points at ------------------------------------------------------
    "where.file": "fichier",
    "where.item": "{ordinal} {noun}",
    "where.item_id": "{ordinal} {noun} (id {id})",
    "where.key_of_map": "clé « {key} »",
    "where.then": " puis ",
    "where.or": " ou ",
    # --- reading the project's files (load/project.py, load/markdown_source.py) ----------------------
    "load.missing_file": "fichier absent ; créez-le (le Guide de l'éditeur décrit ce qu'il contient), par ex. en "
    "partant de celui d'un autre réseau",
    "load.too_big": "fichier trop gros : {size}, la limite est de {limit} ; un fichier de données ou une page fait "
    "quelques kilo-octets : découpez-le (un fichier par ressource, bibliothèque, événement ou billet), ou relevez "
    "la limite avec la variable d'environnement {variable}, par ex. {variable}=5M",
    "load.size_setting": "{variable}={setting} : taille illisible ; écrivez un nombre d'octets, éventuellement "
    "suivi de k ou M, par ex. {variable}=5M (5 000 000 octets) ; sans cette variable, la limite est de {default}",
    "load.megabytes": "{size} Mo",
    "load.kilobytes": "{size} ko",
    "load.bytes": "{size} octets",
    "load.not_utf8": "le fichier n'est pas du texte UTF-8 (octet illisible à la position {position}) ; "
    "enregistrez-le en UTF-8 (« Enregistrer sous » > encodage UTF-8 dans l'éditeur de texte)",
    "load.not_a_map": "le fichier doit contenir des lignes « clé: valeur », par ex. « title: Gallica » ; trouvé : "
    "{found} ; écrivez une clé par ligne",
    "load.front_matter_not_a_map": "l'en-tête doit contenir des lignes « clé: valeur », par ex. « title: Aide » ; "
    "trouvé : {found} ; écrivez une clé par ligne",
    "load.found.empty": "un fichier vide",
    "load.found.one_value": "une seule valeur",
    "load.no_front_matter": "en-tête absent : la page doit commencer par une ligne « --- », ses champs (par ex. "
    "« title: Aide »), puis une ligne « --- » ; ajoutez ces lignes en haut du fichier",
    "load.front_matter_open": "en-tête non fermé : il manque la ligne « --- » après les champs (title: …) ; "
    "ajoutez-la avant le texte de la page",
    "load.harvest_unreadable": "fichier de moisson illisible ({why}) ; lancez `bibnum harvest --source {source} "
    "--force` pour le réécrire, ou supprimez-le",
    # --- Markdown bodies (load/markdown_body.py) ------------------------------------------------------
    "body.raw_html": "HTML brut « {value} » refusé : le moteur le recopierait tel quel dans la page des lecteurs, "
    "où il pourrait exécuter du code ; écrivez-le en Markdown, par ex. **gras**, [lien](https://…), "
    "![description](image.png) ; pour montrer du code HTML, entourez-le d'accents graves, par ex. `<br>`",
    "body.url": "lien « {value} » refusé : seules les adresses https://, http://, mailto:, tel:, relatives ou "
    "#ancre sont permises ; écrivez l'adresse complète, par ex. [le catalogue](https://catalogue.example.fr/)",
    "body.attribute": "attribut « {name} » refusé dans le Markdown (il pourrait exécuter du code ou changer "
    "l'apparence de la page) ; les attributs permis entre accolades sont #id, .classe et title=\"…\" ; retirez-le",
    "body.comment": "commentaire « <!--{value}--> » refusé : il contient <, > ou -- ; un commentaire ne contient "
    "que du texte, par ex. <!-- more --> ; retirez ces signes",
    "body.tag": "le Markdown produit la balise « <{name}> », refusée dans une page ; écrivez ce passage en "
    "Markdown simple (titres, listes, liens, images, tableaux)",
    # --- YAML syntax (load/yaml_source.py): what PyYAML refused, said in French -------------------
    "yaml.invalid": "YAML invalide : {problem}",
    "yaml.generic": "syntaxe YAML invalide ici ; vérifiez l'indentation (des espaces), les deux-points et les "
    "guillemets ; attendu des lignes « clé: valeur », par ex. title: Gallica",
    "yaml.colon": "un deux-points « : » est inattendu ici ; une valeur qui contient « : » doit être entre "
    "guillemets, par ex. title: \"Atelier : tablette\" ; et une seule clé par ligne (jamais « a: b: c »)",
    "yaml.tag": "étiquette YAML non autorisée (« ! » ou « !! ») ; écrivez la valeur sans étiquette, par ex. "
    "titre: \"texte\"",
    "yaml.python_tag": "étiquette « !!python/… » refusée : bibnum lit les fichiers sans exécuter de code ; "
    "écrivez la valeur sans étiquette",
    "yaml.undefined_alias": "alias « *{name} » sans ancre « &{name} » plus haut ; recopiez la valeur au lieu de "
    "l'alias",
    "yaml.duplicate_anchor": "ancre « &{name} » déjà définie à la ligne {first} ; donnez un autre nom à celle-ci, "
    "ou recopiez la valeur",
    "yaml.tab": "tabulation dans l'indentation ; indentez avec des espaces, jamais avec des tabulations",
    "yaml.bad_start": "une valeur ne peut pas commencer par « {char} » ; mettez-la entre guillemets, par ex. "
    "title: \"{char}…\"",
    "yaml.escape": "séquence « \\ » inconnue entre guillemets doubles ; doublez la barre oblique (\\\\) ou "
    "utilisez des guillemets simples",
    "yaml.unhashable": "une clé ne peut pas être une liste ni un dictionnaire ; écrivez la clé comme un simple "
    "mot, par ex. titre:",
    "yaml.unclosed_quote": "guillemet non fermé : la valeur qui commence ici n'a pas de guillemet fermant ; "
    "fermez-la avec le même guillemet (\" ou ')",
    "yaml.unclosed_list": "liste entre crochets non fermée ; fermez-la avec « ] », par ex. [adultes, ados]",
    "yaml.unclosed_map": "accolade non fermée ; fermez-la avec « }} » avant la fin de la valeur",
    "yaml.stray_close": "« {char} » sans « {opening} » ouvrant ; supprimez-le, ou mettez la valeur entre "
    "guillemets",
    "yaml.dash_in_map": "un élément de liste « - » au milieu de clés ; une liste se place sous sa clé, décalée, "
    "par ex. « audiences: » puis « - adultes » à la ligne suivante",
    "yaml.key_in_list": "une clé « nom: valeur » au milieu d'une liste « - … » ; commencez-la par « - » pour en "
    "faire un élément, ou décalez-la sous l'élément auquel elle appartient",
    "yaml.indentation": "décalage incohérent : cette ligne n'est alignée sur aucune clé au-dessus ; alignez-la, "
    "avec des espaces, sur les autres clés du même bloc",
    "yaml.after_value": "texte en trop après une valeur fermée (guillemets, crochets ou accolades) ; mettez "
    "tout le texte entre les guillemets, par ex. title: \"« Le Horla » et autres contes\"",
    "yaml.flow_colon": "un deux-points « : » dans une valeur entre crochets ou accolades ; mettez cette valeur "
    "entre guillemets, par ex. [\"Atelier : tablette\", conte]",
    "yaml.no_colon": "ligne sans « : » parmi des clés ; écrivez « clé: valeur », ou commencez-la par « - » si "
    "c'est un élément de liste",
    "yaml.documents": "deuxième document (ligne « --- ») dans ce fichier ; un fichier de données n'en contient "
    "qu'un : supprimez la ligne « --- », ou placez l'autre document dans son propre fichier",
    "yaml.directive": "directive « % » non prise en charge ; un fichier de données n'en a pas besoin : supprimez "
    "la ligne qui commence par « % »",
    "yaml.after_end": "du contenu après la fin du document (ligne « ... » ou directive « % » au-dessus) ; "
    "supprimez cette ligne « ... » ou « %… »",
    "yaml.anchor_name": "nom manquant après « & » ou « * » (ancre ou alias) ; si ce caractère fait partie du "
    "texte, mettez la valeur entre guillemets",
    "yaml.block_scalar": "après « | » ou « > », seuls un chiffre, « + » ou « - » sont permis ; écrivez le texte "
    "à la ligne suivante, décalé",
    "yaml.control": "caractère invisible non autorisé ({code}) ; supprimez-le (il vient souvent d'un "
    "copier-coller)",
    "yaml.duplicate_key": "{key} : clé en double (déjà à la ligne {first}) ; une clé ne s'écrit qu'une fois par "
    "bloc ; gardez une seule des deux lignes",
    "yaml.too_deep": "le fichier imbrique plus de {limit} niveaux de listes ou de clés ; un fichier de données "
    "en a quelques-uns (par ex. « conditions: » puis « quota: … ») ; vérifiez les crochets [ ] et accolades "
    "{{ }} et l'indentation",
    "yaml.too_many_aliases": "plus de {limit} alias (*nom) dans ce fichier ; un fichier de données n'en a pas "
    "besoin ; recopiez les valeurs au lieu de « *nom »",
    "yaml.alias_loop": "l'alias « *{name} » désigne la valeur qui le contient (une boucle sans fin) ; recopiez "
    "les valeurs au lieu de l'alias",
    "yaml.alias_expansion": "les alias (*nom) de ce fichier recopient plus de {limit} valeurs ; un fichier de "
    "données en a quelques centaines ; recopiez les valeurs au lieu des alias",
    # --- the engine's settings (load/engine_config.py, engine_check.py) -------------------------------
    "engine.python_tag": "balise `!!python/…` refusée : bibnum lit mkdocs.yml sans exécuter de code. Retirez la "
    "ligne qui la porte ; une extension qui en demande une (icônes, diagrammes…) ne peut pas être réglée depuis "
    "mkdocs.yml.",
    # keys of mkdocs.yml that bibnum refuses: where to act instead
    "engine.refused.site_name": "bibnum l'écrit pour chaque site : donnez le nom du site dans data/sites.yml "
    "(`name:` du site, par ex. `name: Médiathèques de la Vallée`)",
    "engine.refused.site_url": "bibnum l'écrit pour chaque site : donnez l'adresse du site dans data/sites.yml "
    "(`url:` du site, par ex. `url: https://mediatheques.example.org/`)",
    "engine.refused.site_description": "bibnum l'écrit pour chaque site : donnez la phrase d'accroche dans "
    "data/sites.yml (`tagline:` du site)",
    "engine.refused.copyright": "bibnum écrit le pied de page à partir de data/sites.yml (`network.name` et "
    "`contact_email:` du site)",
    "engine.refused.nav": "bibnum fait le menu de chaque site à partir de ses pages (content/public/, "
    "content/pro/) : ajoutez ou retirez une page pour changer le menu",
    "engine.refused.docs_dir": "bibnum choisit lui-même le dossier des pages de chaque site",
    "engine.refused.site_dir": "bibnum choisit lui-même le dossier de sortie : utilisez `bibnum build --out "
    "DOSSIER`",
    "engine.refused.use_directory_urls": "les liens que bibnum écrit supposent des adresses en dossiers "
    "(`page/`) : retirez cette clé",
    "engine.refused.strict": "utilisez `bibnum build --strict`, qui vérifie aussi chaque lien avant de publier",
    "engine.refused.hooks": "bibnum n'exécute pas de code Python venu du projet (hooks) ; retirez cette clé",
    "engine.refused.INHERIT": "mkdocs.yml hérite déjà de la configuration de base de bibnum ; retirez cette clé",
    "engine.refused.watch": "`bibnum serve` surveille déjà data/, content/, themes/ et mkdocs.yml",
    "engine.refused.dev_addr": "utilisez `bibnum serve --host … --port …`",
    "engine.refused.theme.custom_dir": "l'apparence d'un site vient de `themes/<look>/` (clé `look:` du site "
    "dans data/sites.yml), qui s'ajoute à l'apparence commune de bibnum",
    "engine.refused.theme.palette": "les couleurs d'un site se donnent dans data/sites.yml (`palette:` du site, "
    "par ex. `primary: \"#1d4f91\"`)",
    "engine.refused.theme.logo": "le logo d'un site se donne dans data/sites.yml (`logo:` du site, fichier "
    "rangé dans `themes/<look>/`)",
    "engine.refused.theme.favicon": "bibnum utilise le logo du site (`logo:` dans data/sites.yml) comme icône",
    "engine.refused.extra.bibnum": "réservé à bibnum, qui y écrit les réglages de chaque site",
    "engine.refused.theme.font": "les pages utilisent les polices de l'appareil, pour qu'aucune visite "
    "n'atteigne Google Fonts ; pour une police du réseau, rangez ses fichiers et une feuille de style "
    "`@font-face` dans `themes/<look>/assets/` et citez-la dans `extra_css`",
    "engine.refused.extra.polyfills": "ces scripts viendraient d'un autre site, or aucune visite ne doit "
    "atteindre un tiers",
    "engine.refused.extra.analytics": "aucune visite ne doit atteindre un autre site (pas de mesure d'audience "
    "par un tiers) ; mesurez l'audience à partir des journaux de l'hébergeur",
    "engine.refused_option.blog.blog_dir": "bibnum place le blog lui-même (blog/ sur l'espace pro, actualites/ "
    "sur les portails)",
    "engine.not_a_map": "mkdocs.yml doit être une table de clés, par ex. `extra_css: [assets/reseau.css]`, ou ne "
    "contenir que des commentaires",
    "engine.refused": "{key} : clé refusée dans mkdocs.yml ; {where}.",
    "engine.refused_option": "{key} : option « {option} » de « {name} » refusée ; {where}.",
    "engine.map_expected": "{key} : attendu une table de clés (des lignes `clé: valeur` décalées sous `{parent}:`), "
    "trouvé {found}.",
    "engine.theme_map": "theme : attendu une table de clés, par ex. `theme:` puis `  language: fr` à la ligne, "
    "trouvé {found}.",
    "engine.theme_name": "theme.name : bibnum s'appuie sur le thème « {theme} » (mkdocs-material), pas « {name} » ; "
    "retirez cette clé ou écrivez `name: {theme}`.",
    "engine.list_expected": "{key} : attendu une liste (une ligne `- nom` par élément, par ex. `- footnotes`), "
    "trouvé {found}.",
    "engine.named_item": "{key}, {rank} élément : attendu un nom (`- footnotes`) ou un nom suivi de ses options "
    "(`- toc:` puis `    permalink: true` à la ligne).",
    "engine.text_item": "{key}, {rank} élément : attendu un texte (par ex. `{example}`), trouvé {found}.",
    "engine.texts_expected": "{key} : attendu une liste de textes (une ligne `{example}` par élément), trouvé "
    "{found}.",
    "engine.found.number": "le nombre {value}",
    "engine.found.text": "le texte « {value} »",
    "engine.type.int": "un nombre entier (par ex. `10`)",
    "engine.type.float": "un nombre (par ex. `1.5`)",
    "engine.type.str": "un texte",
    "engine.type.bool": "`true` ou `false`",
    "engine.type.list": "une liste",
    "engine.type.tuple": "une liste",
    "engine.type.dict": "une table de clés",
    "engine.type.NoneType": "une valeur vide",
    "engine.found.int": "un nombre entier",
    "engine.found.float": "un nombre",
    "engine.expected": "attendu {expected}, trouvé {found}",
    "engine.choice": "valeurs possibles : {allowed} ; trouvé {found}",
    "engine.quoted": "message du moteur (en anglais) : « {message} »",
    "engine.sub_option": "sous-option « {name} » : {detail}",
    "engine.type.lines": "un texte (un motif par ligne, après `|`)",
    "engine.url": "il faut une adresse complète, par ex. https://github.com/reseau/site",
    "engine.language_codes": "il faut une liste de codes de langue, par ex. [fr, en]",
    "engine.template_not_utf8": "gabarit illisible : enregistrez-le en UTF-8.",
    "engine.template_invalid": "gabarit invalide (message de Jinja, en anglais : « {detail} ») ; vérifiez les "
    "balises `{{% … %}}` et `{{{{ … }}}}` de cette ligne, par ex. un `{{% endblock %}}` manquant.",
    "engine.asset_elsewhere": "{key} : « {entry} » viendrait d'un autre site, or aucune visite ne doit atteindre "
    "un tiers ; copiez le fichier dans `themes/<look>/assets/` et citez son chemin, par ex. `assets/reseau.css`.",
    "engine.asset_missing": "{key} : le fichier « {entry} » manque ; ajoutez {files} ou corrigez le chemin "
    "(relatif au dossier `themes/<look>/`).",
    "engine.extra_shape": "extra.{key} : attendu {expected}.",
    "engine.extra.social": "une liste, par ex. `- icon: fontawesome/brands/mastodon` puis `  link: https://…`",
    "engine.extra.alternate": "une liste, par ex. `- name: English` puis `  link: /en/` et `  lang: en`",
    "engine.extra.consent": "une table de clés (`title:`, `description:`)",
    "engine.extra.version": "une table de clés, par ex. `provider: mike`",
    "engine.extra.status": "une table de clés, par ex. `new: Nouveau`",
    "engine.extra.tags": "une table de clés, par ex. `Presse: presse`",
    "engine.extra.annotate": "une table de clés",
    "engine.extra.homepage": "une adresse, par ex. `https://reseau.example.org/`",
    "engine.extra.scope": "un chemin, par ex. `/`",
    "engine.extra.generator": "`true` ou `false`",
    "engine.social_item": "extra.social, {rank} lien : attendu `icon:` et `link:`, par ex. "
    "`- icon: fontawesome/brands/mastodon` puis `  link: https://…`.",
    "engine.social_icon": "extra.social : icône « {icon} » inconnue du thème ; choisissez-en une de la liste de "
    "mkdocs-material, par ex. `fontawesome/brands/mastodon` ou `material/email`.",
    "engine.value": "{key} : {detail} ; corrigez la valeur (voir la documentation de MkDocs).",
    "engine.close": "vouliez-vous dire « {close} » ?",
    "engine.spelling": "vérifiez l'orthographe ou retirez-la.",
    "engine.unknown_key": "{key} : clé inconnue du moteur (MkDocs) ; {hint}",
    "engine.warning": "{key} : {detail} ; corrigez ou retirez cette clé.",
    "engine.plugin_missing": "plugins : le plugin « {name} » n'est pas installé ; vérifiez son nom ou installez "
    "le paquet Python qui le fournit dans le même environnement que bibnum, sinon retirez-le.",
    "engine.plugin_option_unknown": "plugins : « {key} » n'est pas une option du plugin « {name} » ; vérifiez "
    "l'orthographe dans sa documentation ou retirez-la.",
    "engine.plugin_option": "plugins : option « {key} » du plugin « {name} » : {detail} ; corrigez la valeur.",
    "engine.plugin_refused": "plugins : le plugin « {name} » refuse sa configuration ({detail}) ; corrigez ses "
    "options ou retirez-le.",
    "engine.extension_missing": "markdown_extensions : l'extension « {name} » est introuvable ; vérifiez son nom "
    "(par ex. `footnotes`, `pymdownx.tasklist`) ou installez le paquet Python qui la fournit, sinon retirez-la.",
    "engine.extension_option": "markdown_extensions : « {option} » n'est pas une option de l'extension « {name} » ; "
    "vérifiez l'orthographe dans sa documentation ou retirez-la.",
    "engine.extension_refused": "markdown_extensions : l'extension « {name} » refuse ses options (une valeur n'a "
    "pas le type ou la forme attendus, {kind}) ; corrigez-les d'après sa documentation ou retirez-la.",
    "engine.language": "theme.language : langue « {language} » inconnue du thème ; écrivez un code de langue du "
    "thème comme `fr` (par défaut), `en`, `de` ou `es`.",
    "engine.theme_key": "theme.{key} : clé inconnue du thème (mkdocs-material), qui l'ignorerait ; {hint}",
    "engine.theme_direction": "theme.direction : attendu `ltr` (de gauche à droite, comme le français) ou `rtl` "
    "(de droite à gauche, comme l'arabe), trouvé {found} ; ou retirez la clé : le sens suit alors la langue du thème.",
    "engine.theme_feature": "theme.features, {rank} élément : « {feature} » n'est pas une fonction du thème{close} ; "
    "fonctions possibles : {known}.",
    "engine.feature_close": " (vouliez-vous dire « {close} » ?)",
    "engine.theme_static_templates": "theme.static_templates : attendu une liste de gabarits à publier tels quels "
    "(une ligne par gabarit, par ex. `- 404.html`), trouvé {found}.",
    "engine.theme_locale": "theme.locale : attendu un code de langue, par ex. `fr` ou `fr_FR`, trouvé {found} ; "
    "ou retirez la clé : la langue des pages se règle par `theme.language`.",
    "engine.theme_icon_map": "theme.icon : attendu une table de clés, par ex. `icon:` puis `  logo: material/library` "
    "à la ligne, trouvé {found}.",
    "engine.theme_icon_key": "theme.icon.{key} : clé inconnue du thème{close} ; icônes réglables : {known}.",
    "engine.theme_icon_group": "theme.icon.{key} : attendu une table de noms et d'icônes, par ex. "
    "`note: material/pencil`, trouvé {found}.",
    "engine.theme_icon_name": "theme.icon.{key} : « {name} » n'est pas un nom possible ici ; écrivez des lettres "
    "sans accent, des chiffres, des tirets ou des soulignés, par ex. `note`.",
    "engine.theme_icon_value": "{key} : attendu l'identifiant d'une icône, par ex. `material/library`, trouvé {found}.",
    "engine.theme_icon_unknown": "{key} : icône « {icon} » introuvable ; choisissez-en une de mkdocs-material "
    "(dossiers material/, fontawesome/, octicons/, simple/), par ex. `material/library`, ou ajoutez le fichier "
    "`.icons/{icon}.svg` au dossier de l'apparence de chaque site (themes/<look>/).",
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
    "value.algolia_index": "un nom d'index Algolia",
    "value.algolia_key": "une clé de recherche Algolia",
    "value.duplicate_ids": "identifiant(s) en double dans {vocabulary} : {ids} ; chaque identifiant ne doit "
    "apparaître qu'une fois",
    "event.end_before_start": "la fin ({end}) est avant le début ({start}) ; corrigez l'une des deux dates",
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
    "source.needs_library": "une source « ical » alimente l'agenda d'une bibliothèque : donnez « library » "
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
    "fetch.gzip": "contenu compressé (gzip) corrompu",
    "parse.xml": "XML mal formé{at} ; le fournisseur doit corriger son flux",
    "parse.at_line": " à la ligne {line}",
    "parse.not_feed": "ce n'est pas un flux RSS, Atom ou OPDS",
    "parse.opds_not_atom": "un flux OPDS est un flux Atom ; celui-ci est {version}",
    "parse.ical": "iCalendar mal formé : le fichier ne se lit pas comme un agenda .ics",
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
    "system.other": "erreur du système ({name})",
    # --- files and ids (validate) ----------------------------------------------------------------
    "file.id_from_name": "« {key} » est tiré du nom du fichier ; supprimez cette clé",
    "file.duplicate_stem": "identifiant « {id} » en double : {other} a le même nom de fichier ; renommez l'un des deux",
    "file.duplicate_slug": "identifiant « {id} » en double (déjà pris par {other}) ; renommez le fichier ou "
    "donnez une autre valeur à « slug »",
    "audit.unknown_site": "site « {id} » inconnu (les sites sont déclarés dans data/sites.yml) ; relancez les "
    "tests de navigateur pour réécrire ce fichier",
    # --- cross-references (references) -----------------------------------------------------------
    "ref.unknown": "{what} « {value} » {unknown}{close} ; valeurs possibles : {known} (à déclarer dans {where})",
    "ref.unknown.m": "inconnu",
    "ref.unknown.f": "inconnue",
    "ref.close": " (vouliez-vous dire « {close} » ?)",
    "ref.none_defined": "(aucune)",
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
    "build.publish_failed": "la publication dans {out} a échoué ({why}) ; le site publié est resté tel quel",
    "build.engine_failed": "le moteur (MkDocs) a échoué sur le site « {site} » ; rien n'a été publié. Ses "
    "derniers messages (en anglais) :\n  {log}",
    "count.changed_file": "fichier modifié|fichiers modifiés",
    "writer.twice": "{path} : écrit deux fois dans la même construction (deux sorties visent le même chemin) ; "
    "c'est une erreur de bibnum, signalez-la",
    "writer.outside": "{path} : écriture refusée hors de {root}",
    "writer.resolves_outside": "{path} : ce chemin mène hors de {root} (lien symbolique) ; écriture refusée",
    # --- the preview (serve.py) and the Algolia push (search/) ---------------------------------------
    "serve.serving": "aperçu de {out} sur {url} (Ctrl+C pour arrêter)",
    "serve.rebuilt": "reconstruit en {seconds} s",
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

# How the items of a list are named, by the list's key: (noun, grammatical gender).
# A list not named here reads "3e élément de <key>": new fields get a French name for free.
ITEM_NOUNS: dict[str, tuple[str, str]] = {
    "sites": ("site", "m"),
    "groups": ("groupe", "m"),
    "sources": ("source", "f"),
    "members": ("membre", "m"),
    "audiences": ("public", "m"),
    "devices": ("support", "m"),
    "languages": ("langue", "f"),
    "resources": ("ressource", "f"),
    "authors": ("auteur", "m"),
    "apps": ("application", "f"),
    "platforms": ("plateforme", "f"),
    "how_to_start": ("étape", "f"),
    "offers": ("offre", "f"),
    "keywords": ("mot-clé", "m"),
    "notes": ("note", "f"),
    "opening_hours": ("ligne d'horaires", "f"),
    "pages": ("page", "f"),
    "towns": ("commune", "f"),
    "funders": ("financeur", "m"),
    "milestones": ("date", "f"),
    "people": ("personne", "f"),
    "services": ("service", "m"),
    "blocks": ("bloc", "m"),
    "exceptions": ("exception", "f"),
    "rules": ("règle", "f"),
    "records": ("notice", "f"),
}
# Vocabularies of taxonomy.yml (and a post's categories): "2e terme de categories".
TERM_LISTS = frozenset({"categories", "event_kinds", "event_series", "blog_categories"})


def say(message: str, /, **values: object) -> str:
    """The message named `message`, with its `{placeholders}` filled."""
    try:
        template = MESSAGES[message]
    except KeyError:
        raise KeyError(f"no editor message {message!r} in generator/messages.py") from None
    return template.format(**values)  # always: a literal brace is written {{ or }} in every message


def count(number: int, key: str) -> str:
    """'1 erreur', '3 erreurs' (French: 0 and 1 take the singular)."""
    return f"{number} {agreeing(number, key)}"


def agreeing(number: int, key: str) -> str:
    """The word of `key` that agrees with `number`: 'publié' for 1, 'publiés' for 3."""
    one, many = MESSAGES[key].split("|")
    return one if number < 2 else many


def unknown_id(what: str, value: object, known: Iterable[str], where: str, close: str | None) -> str:
    """'catégorie « bd » inconnue ; vouliez-vous dire « bande-dessinee » ? valeurs possibles : …'."""
    noun, gender = MESSAGES[f"what.{what}"].split("|")
    return say("ref.unknown", what=noun, value=cut(value), unknown=say(f"ref.unknown.{gender}"),
               close=say("ref.close", close=cut(close)) if close else "",
               known=listed(cut(name) for name in sorted(known)) or say("ref.none_defined"), where=where)


def system_error(exc: BaseException) -> str:
    """What failed when the system refused a file or a connection, in French (errno's texts are English)."""
    import socket  # only here: the catalogue is otherwise pure text

    for kind, key in ((FileNotFoundError, "system.not_found"), (PermissionError, "system.permission"),
                      (IsADirectoryError, "system.is_directory"), (ConnectionRefusedError, "system.refused"),
                      (ConnectionResetError, "system.reset"), (socket.gaierror, "system.name")):
        if isinstance(exc, kind):
            return say(key)
    if isinstance(exc, OSError) and exc.errno in (101, 113):  # ENETUNREACH, EHOSTUNREACH
        return say("system.unreachable")
    return say("system.other", name=exc.__class__.__name__)


def ordinal(number: int, gender: str = "m") -> str:
    """'1er' / '1re', then '2e', '3e'…"""
    if number == 1:
        return "1er" if gender == "m" else "1re"
    return f"{number}e"


def cut(value: object, limit: int = 60) -> str:
    """What an editor wrote, cut when long (a refused value may be a whole paragraph)."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quoted(value: object, limit: int = 60) -> str:
    """What an editor wrote, quoted the French way and cut when long: « mars 2023 »."""
    return f"« {cut(value, limit)} »"


def listed(values: Iterable[object]) -> str:
    """'a, b, c' (the allowed values, the keys of a block)."""
    return ", ".join(str(v) for v in values)


def item_name(key: str | None, number: int, item_id: object = None) -> str:
    """'3e groupe (id comite-technique)', '2e terme de categories', '4e élément de rules'."""
    if key in ITEM_NOUNS:
        noun, gender = ITEM_NOUNS[key]
    elif key in TERM_LISTS:
        noun, gender = f"terme de {key}", "m"
    else:
        noun, gender = (f"élément de {key}" if key else "élément"), "m"
    if isinstance(item_id, (str, int)) and not isinstance(item_id, bool) and str(item_id).strip():
        return say("where.item_id", ordinal=ordinal(number, gender), noun=noun, id=item_id)
    return say("where.item", ordinal=ordinal(number, gender), noun=noun)
