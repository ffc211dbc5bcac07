"""Strings of the usage statistics (pro site, « Statistiques d'usage ») and of the portals' « Populaire » mark.

A part of the French interface strings (generator/i18n/fr/). Keys are dotted; `a|b` holds singular|plural.
"""

STRINGS: dict[str, str] = {
    "nav.usage": "Statistiques d'usage",
    "count.month": "mois|mois",
    "usage.intro": "Les usages des ressources en ligne du réseau, mois par mois, d'après les rapports des "
                   "fournisseurs importés dans data/usage/ (commande « bibnum usage import »).",
    "usage.window": "Période : de {start} à {end}, le dernier mois complet avant la construction du site pour "
                    "lequel une ressource a des données ; chaque mois est comparé au même mois de l'année "
                    "précédente.",
    "usage.rules.title": "Comment lire ces chiffres",
    "usage.rules.metric": "L'indicateur principal d'une ressource est Total_Item_Requests (consultations de "
                          "contenus) quand ses rapports le donnent, sinon Unique_Item_Requests, sinon le premier "
                          "indicateur de son fichier par ordre alphabétique (par exemple « prets » ou "
                          "« sessions » pour un fichier CSV simple).",
    "usage.rules.sum": "Les totaux du réseau et des catégories additionnent les indicateurs principaux des "
                       "ressources, qui ne mesurent pas tous la même chose : ils donnent un ordre de grandeur.",
    "usage.rules.change": "L'évolution compare, ressource par ressource, les mois qui ont des données cette année "
                          "et l'année précédente : une ressource dont les rapports commencent cette année ne "
                          "compte pas comme une hausse.",
    "usage.rules.cost": "Le coût par usage d'une année est le coût déclaré de l'abonnement (bloc usage: du fichier "
                        "de la ressource) divisé par le total de l'indicateur principal sur les mois de cette "
                        "année qui ont des données ; le tableau montre celui de la dernière année complète, sinon "
                        "de la dernière année, avec son nombre de mois.",
    "usage.rules.readers": "La part des lecteurs n'est calculée que lorsqu'un rapport compte les utilisateurs "
                           "distincts (colonne « utilisateurs » d'un fichier CSV simple) : c'est leur moyenne par "
                           "mois sur les 12 derniers mois, rapportée aux lecteurs actifs déclarés dans les profils "
                           "des bibliothèques. Les rapports COUNTER ne comptent pas les personnes.",
    "usage.none": "Aucune statistique d'usage n'a encore été importée.",
    "usage.network.title": "Le réseau, mois par mois",
    "usage.network.chart": "Usages du réseau par mois, de {start} à {end}",
    "usage.network.caption": "Usages du réseau par mois (somme des indicateurs principaux), de {start} à {end}",
    "usage.categories.title": "Par catégorie",
    "usage.categories.caption": "Usages par catégorie sur les 12 derniers mois (de {start} à {end})",
    "usage.resources.title": "Par ressource",
    "usage.resources.caption": "Usages par ressource sur les 12 derniers mois (de {start} à {end})",
    "usage.resources.without": "Sans données d'usage : {titles}.",
    "usage.resource.title": "Statistiques d'usage : {title}",
    "usage.resource.description": "Usages de la ressource {title}, mois par mois.",
    "usage.resource.chart": "{metric} de {title} par mois, de {start} à {end}",
    "usage.resource.caption": "{metric} de {title} par mois, de {start} à {end}, et les mêmes mois de l'année "
                              "précédente",
    "usage.resource.catalogue": "Voir toutes les statistiques d'usage",
    "usage.resource.metric": "Indicateur principal : {metric}.",
    "usage.costs.title": "Coût par usage",
    "usage.costs.caption": "Coût par usage de {title}, par année",
    "usage.costs.none": "Aucun coût annuel déclaré pour une année qui a des données d'usage (bloc usage:, "
                        "yearly_costs, du fichier de la ressource).",
    "usage.readers.title": "Part des lecteurs",
    "usage.readers.share": "En moyenne {users} utilisateurs par mois sur les 12 derniers mois, soit {share} des "
                           "{readers} lecteurs actifs déclarés par les bibliothèques du réseau.",
    "usage.readers.no_readers": "En moyenne {users} utilisateurs par mois sur les 12 derniers mois ; la part des "
                                "lecteurs n'est pas disponible : aucun profil de bibliothèque ne déclare ses "
                                "lecteurs.",
    "usage.readers.none": "Part des lecteurs : non disponible (les rapports de cette ressource ne comptent pas les "
                          "utilisateurs distincts).",
    "usage.table.month": "Mois",
    "usage.table.before": "Un an plus tôt",
    "usage.table.category": "Catégorie",
    "usage.table.resources": "Ressources avec données",
    "usage.table.resource": "Ressource",
    "usage.table.metric": "Indicateur principal",
    "usage.table.last12": "12 derniers mois",
    "usage.table.before12": "Mêmes mois, un an plus tôt",
    "usage.table.change": "Évolution",
    "usage.table.cost": "Coût par usage",
    "usage.table.readers": "Part des lecteurs",
    "usage.table.year": "Année",
    "usage.table.amount": "Coût de l'abonnement",
    "usage.table.uses": "Usages",
    "usage.table.months": "Mois avec données",
    "usage.table.total": "Total",
    "usage.no_data": "pas de données",
    "usage.not_available": "non disponible",
    "usage.cost_of_year": "{amount} ({year})",
    "usage.cost_partial": "{amount} ({year}, {months})",
    "usage.no_use": "aucun usage",
    "usage.legend.current": "Mois de la période",
    "usage.legend.before": "Même mois, un an plus tôt (trait pointillé)",
    "usage.summary": "{total} sur {months}, {change} par rapport aux mêmes mois de l'année précédente.",
    "usage.summary.no_change": "{total} sur {months} ; pas de comparaison possible avec l'année précédente "
                               "(pas de données pour les mêmes mois).",
    "usage.summary.none": "Pas de données sur les 12 derniers mois.",
    "usage.metric.Total_Item_Requests": "consultations de contenus (Total_Item_Requests)",
    "usage.metric.Unique_Item_Requests": "contenus consultés (Unique_Item_Requests)",
    "usage.metric.other": "{metric}",
    "usage.metric.sum": "usages (somme des indicateurs principaux)",
    # The public portals' mark.
    "popular.mark": "Populaire",
    "popular.why": "parmi les plus utilisées de sa catégorie sur les 12 derniers mois",
}
