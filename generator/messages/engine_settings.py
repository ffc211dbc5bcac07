"""Messages of the engine's settings check (mkdocs.yml, the looks' templates and assets).

A part of the editor-facing catalogue (generator/messages/): French, by key.
"""

MESSAGES: dict[str, str] = {
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
    "engine.template_python_method": "« .{method}() » est une méthode de Python que Zensical (le moteur choisi par "
    "« engine: » dans data/sites.yml) ne connaît pas dans ses gabarits : la page échouerait ; écrivez-la avec un "
    "filtre ou une comparaison, par ex. `x[-1:] == \"/\"` au lieu de `x.endswith(\"/\")`, `x | lower` au lieu de "
    "`x.lower()`, `x | replace(\"a\", \"b\")` au lieu de `x.replace(\"a\", \"b\")`",
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
    "engine.theme_variant": "theme.variant : attendu `classic` (l'apparence de Material, celle de bibnum) ou "
    "`modern` (celle que Zensical prend par défaut : en-tête blanc, sans logo), trouvé {found} ; seul Zensical lit "
    "cette clé",
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
}
