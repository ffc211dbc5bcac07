"""Strings of open data: feeds, OPDS, « Données ouvertes » and « Intégrer nos ressources ».

A part of the French interface strings (generator/i18n/fr/). Keys are dotted; `a|b` holds singular|plural.
"""

STRINGS: dict[str, str] = {
    # open data (issue 4, "Out"): feeds, OPDS, "Données ouvertes" and "Intégrer nos ressources" pages
    "nav.open_data": "Données ouvertes",
    "feed.news.title": "{site} — Actualités",
    "feed.news.subtitle": "Les actualités du réseau, publiées sur {site}.",
    "feed.blog.title": "{site} — Blog",
    "feed.blog.subtitle": "Le blog des bibliothécaires du réseau : actualités techniques, formations, retours d'expérience.",
    "feed.titles.title": "{resource} — nouveaux titres",
    "feed.titles.subtitle": "Les derniers titres arrivés dans {resource}, à lire ou regarder avec {site}.",
    "opds.root": "{site} — catalogue OPDS",
    "opds.all": "Toutes les ressources",
    "opds.all_content": "Toutes les ressources numériques du réseau, par ordre alphabétique.",
    "opds.new": "Nouveautés",
    "opds.new_content": "Les ressources, des plus récentes aux plus anciennes.",
    "opds.featured": "À la une",
    "opds.featured_content": "Les ressources mises en avant par le réseau.",
    "opds.titles": "Titres par ressource",
    "opds.titles_content": "Les livres, numéros, films et albums de chaque ressource, des plus récents aux plus anciens.",
    "opds.titles_of": "{count}, des plus récents aux plus anciens.",
    "opds.titles_feed": "{resource} — titres",
    "open_data.title": "Données ouvertes",
    "open_data.intro": "Toutes les données de ce site sont publiées dans des formats ouverts, pour que les portails "
    "des communes, les applications de lecture et les agendas puissent les reprendre automatiquement.",
    "open_data.updates": "Ces fichiers sont régénérés à chaque publication du site : à chaque modification, "
    "et chaque nuit pour les titres moissonnés et l'agenda.",
    "open_data.licence_before": "Réutilisation libre sous la",
    "open_data.licence_after": ", en citant la source : {source}.",
    "open_data.frequency": "Mise à jour",
    "open_data.frequency_value": "à chaque publication (modification des données, et chaque nuit).",
    "open_data.schema": "schéma JSON",
    "open_data.json": "API JSON (version 1)",
    "open_data.json_intro": "Des documents JSON versionnés et documentés : chaque fichier a son schéma (JSON Schema), "
    "les adresses sont absolues et les dates au format ISO 8601 avec le fuseau horaire.",
    "open_data.json.resources": "Ressources",
    "open_data.json.resources_about": "Les ressources numériques, leurs conditions d'accès et le lien d'accès "
    "qui lance la bonne authentification (y compris par bibliothèque).",
    "open_data.json.titles": "Titres",
    "open_data.json.titles_about": "Les titres (livres, numéros, films…) moissonnés chez les fournisseurs ; "
    "au-delà de 5 000 titres, le fichier devient un index de pages.",
    "open_data.json.events": "Agenda",
    "open_data.json.events_about": "Tous les événements, passés et à venir, avec leur lieu et leur statut.",
    "open_data.json.libraries": "Bibliothèques",
    "open_data.json.libraries_about": "Les bibliothèques du réseau : adresse, coordonnées, horaires.",
    "open_data.feeds": "Flux RSS et Atom",
    "open_data.feeds_intro": "À ajouter dans un lecteur de flux ou à reprendre sur un autre site.",
    "open_data.feeds.news": "Actualités",
    "open_data.feeds.news_about": "Les actualités publiées sur ce portail.",
    "open_data.feeds.blog": "Blog professionnel",
    "open_data.feeds.blog_about": "Les billets publiés du blog (jamais les brouillons).",
    "open_data.feeds.titles": "Nouveaux titres : {resource}",
    "open_data.feeds.titles_about": "Les 50 derniers titres arrivés dans cette ressource.",
    "open_data.ical": "Agendas iCalendar",
    "open_data.ical_intro": "Au format iCalendar (RFC 5545), pour s'abonner depuis un agenda "
    "(Thunderbird, Outlook, téléphone) ou importer les événements sur un autre site.",
    "open_data.ical.agenda": "Tout l'agenda",
    "open_data.ical.agenda_about": "Tous les événements de ce site dans un seul calendrier.",
    "open_data.ical.libraries": "Agenda de chaque bibliothèque",
    "open_data.ical.libraries_about": "Un calendrier par bibliothèque, en bas de sa page.",
    "open_data.ical.events": "Un événement",
    "open_data.ical.events_about": "Chaque page d'événement propose son fichier .ics.",
    "open_data.opds": "Catalogue OPDS",
    "open_data.opds_intro": "Au format OPDS 1.2, lu par les applications de lecture et les logiciels de bibliothèque.",
    "open_data.opds.root": "Catalogue",
    "open_data.opds.root_about": "Le point d'entrée : toutes les ressources, les nouveautés, la sélection à la une "
    "et les titres de chaque ressource.",
    "open_data.marc": "Notices pour le catalogue de votre bibliothèque",
    "open_data.marc_intro": "Les titres de chaque ressource, à importer dans le logiciel de votre bibliothèque "
    "(SIGB) pour que son catalogue les trouve : notices UNIMARC (le format des SIGB français) et MARC21, "
    "en ISO 2709 (.mrc) ou en MARCXML (.xml), et fichier KBART (onglets, UTF-8) pour les résolveurs de liens. "
    "Le lien d'accès (zone 856) passe par l'identification du réseau.",
    "open_data.marc.resource": "Titres : {resource}",
    "open_data.marc.resource_about": "Une notice par titre moissonné, avec son lien d'accès.",
    "open_data.marc.libraries": "Titres : {resource}, avec l'identification de chaque bibliothèque",
    "open_data.marc.libraries_about": "Pour les bibliothèques qui ont leur propre identification : "
    "notices UNIMARC dont le lien d'accès passe par celle-ci.",
    "open_data.web": "Pour les sites web et les moteurs de recherche",
    "open_data.sitemap": "Plan du site",
    "open_data.sitemap_about": "La liste de toutes les pages (format Sitemaps XML).",
    "open_data.embed": "Intégrer nos ressources",
    "open_data.embed_about": "Une liste des ressources en HTML simple, sans script ni iframe, à copier "
    "sur le portail de votre commune.",
    "open_data.jsonld": "Données structurées",
    "open_data.jsonld_about": "Les pages d'événements et de bibliothèques contiennent des données schema.org (JSON-LD) "
    "que les moteurs de recherche affichent dans leurs résultats.",
    "open_data.jsonld_about_pro": "Les pages d'événements contiennent des données schema.org (JSON-LD) "
    "que les moteurs de recherche affichent dans leurs résultats.",
    "open_data.data_schemas": "Schémas des fichiers de données",
    "open_data.data_schemas_intro": "Les schémas JSON des fichiers que les équipes écrivent dans data/ : "
    "un éditeur (VS Code, github.dev avec l'extension YAML de Red Hat) y trouve chaque clé, ses valeurs "
    "permises et ses erreurs pendant la saisie. La commande « bibnum schemas » les écrit dans le projet.",
    "open_data.portals": "Données des portails publics",
    "open_data.portals_intro": "Ressources, titres, flux et catalogue OPDS sont publiés par chaque portail public.",
    "open_data.portals_item": "Pages « Données ouvertes » des portails",
    "embed.title": "Intégrer nos ressources",
    "embed.intro": "Vous gérez le portail d'une bibliothèque ou d'une commune du réseau ? Proposez-y nos "
    "ressources numériques, toujours à jour : notre moteur de recherche, ou leur liste sans script ni "
    "iframe, en HTML simple ou avec nos données JSON.",
    "embed.copy_title": "1. Copier la liste en HTML",
    "embed.copy_intro": "Copiez ce code dans une page de votre portail (mode « code source » ou bloc HTML). "
    "Les liens mènent aux pages des ressources, qui expliquent comment s'y connecter.",
    "embed.fetch_title": "2. Ou la reprendre automatiquement",
    "embed.fetch_intro": "Le même fragment HTML (encodé en UTF-8) est publié à une adresse fixe, régénéré "
    "à chaque publication : votre portail peut le télécharger chaque nuit et l'insérer tel quel.",
    "embed.json_title": "3. Ou l'afficher à votre façon avec le JSON",
    "embed.json_intro": "Le fichier resources.json contient toutes les informations des ressources. "
    "Chaque élément de la liste « resources » a les champs suivants (voir aussi le schéma JSON) :",
    "embed.field": "Champ",
    "embed.meaning": "Signification",
    "embed.example": "Exemple d'élément :",
    "embed.open_data": "Toutes les données ouvertes du site",
    "embed.snippet_intro": "Ressources numériques accessibles avec votre carte de bibliothèque, sur",
    "embed.snippet_source": "Liste tirée de",
    "embed.widget_title": "Un moteur de recherche dans votre site",
    "embed.widget_intro": "Ajoutez à votre portail la recherche dans nos ressources et leurs titres : "
    "chaque résultat s'ouvre par la connexion de votre bibliothèque. Copiez les deux lignes de votre "
    "bibliothèque dans une page de votre site (mode « code source » ou bloc HTML) ; le moteur prend la "
    "police de votre page et n'envoie aucune requête ailleurs que vers notre site.",
    "embed.widget_hosts": "Le script lit notre index de recherche depuis votre site : les fichiers des "
    "dossiers widget/ et bn-search/ sont servis avec l'en-tête « Access-Control-Allow-Origin: * » "
    "(GitHub Pages l'envoie pour tous les fichiers ; un autre hébergement du réseau doit l'envoyer "
    "pour ces deux dossiers).",
    "embed.widget_library": "Code pour {library}",
    "embed.widget_preview": "Aperçu : essayez une recherche",
    "widget.label": "Rechercher dans {portal}",
    "widget.placeholder": "Une ressource, un titre…",
    "widget.unknown": "Bibliothèque « {library} » inconnue de {portal} : les résultats s'ouvrent par la "
    "connexion générale du portail. Vérifiez l'attribut bibliotheque du code copié.",
}
