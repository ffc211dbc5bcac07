"""Messages of reading the project's files: sizes and encodings, Markdown bodies, YAML syntax.

A part of the editor-facing catalogue (generator/messages/): French, by key.
"""

MESSAGES: dict[str, str] = {
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
    "body.image_src": "image « {value} » refusée : une image d'une page vient de content/images/ du projet, "
    "écrite /images/nom.png (ce qu'écrit l'éditeur web) ; une image d'un autre site ferait partir une requête vers "
    "ce site à chaque lecture de la page (règle de confidentialité) ; enregistrez l'image dans content/images/ "
    "puis écrivez ![description](/images/nom.png)",
    "body.image_missing": "image « {value} » introuvable : aucun fichier content/images/{name} ; ajoutez ce "
    "fichier (PNG, JPEG, WebP, GIF ou AVIF) ou corrigez le nom, par ex. ![description](/images/{example})",
    "body.image_alt": "image « {value} » sans texte de remplacement : un lecteur qui ne voit pas l'image (lecteur "
    "d'écran, image non chargée) ne sait pas ce qu'elle montre (RGAA, critère 1.1) ; décrivez-la entre les "
    "crochets, par ex. ![Affiche de l'atelier tablette]({value})",
    # --- editors' images (load/images.py) -------------------------------------------------------------
    "image.link": "lien symbolique refusé dans content/images/ : il pourrait publier un fichier pris ailleurs sur "
    "la machine ; remplacez-le par une copie de l'image",
    "image.too_deep": "« {name} » est rangée trop profond : content/images/ accepte un seul niveau de "
    "sous-dossier ; déplacez-la, par ex. en content/images/{example}",
    "image.svg": "fichier SVG refusé dans content/images/ : un SVG peut contenir du code qui s'exécuterait sur "
    "le site ; convertissez-le en PNG (par ex. {stem}.png) ou en WebP",
    "image.not_raster": "fichier « {extension} » refusé dans content/images/ : seules les images PNG, JPEG, WebP, "
    "GIF et AVIF y sont publiées (.png, .jpg, .jpeg, .webp, .gif, .avif) ; convertissez-le, par ex. en {stem}.png, "
    "ou rangez ce document ailleurs",
    "image.no_extension": "sans extension",
    "image.name": "nom « {name} » refusé : un nom d'image ne contient que des lettres sans accent, des chiffres, "
    "« - », « _ » et « . », sans espace (il devient l'adresse de l'image) ; renommez-la, par ex. {example}",
    "image.too_big": "image trop lourde : {size}, la limite est de {limit} par image ; réduisez-la (une image de "
    "1 600 pixels de large en JPEG ou WebP pèse quelques centaines de ko)",
    "image.not_an_image": "ce fichier n'est pas une image {kind} : son contenu ne commence pas comme une image "
    "{kind}, quelle que soit son extension {extension} ; enregistrez une vraie image depuis un logiciel d'image",
    "image.wrong_extension": "ce fichier est une image {kind}, pas {extension} ; renommez-le avec la bonne "
    "extension, par ex. {example}, et corrigez les pages qui l'affichent",
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
}
