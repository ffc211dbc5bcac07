"""Strings of the pro site's money and profile figures: funders' shares, totals and medians, CSV exports, charts.

A part of the French interface strings (generator/i18n/fr/). Keys are dotted; `a|b` holds singular|plural.
"""

STRINGS: dict[str, str] = {
    # funding
    "figures.funding.from_share": "Part appliquée au budget",
    "figures.funding.declared": "Montant déclaré",
    "figures.funding.difference": "Écart, déclaré − part",
    "figures.funding.agree": "aucun",
    "figures.funding.rule": "La part appliquée au budget est la part du financeur multipliée par le budget annuel, "
                            "arrondie au centime.",
    "figures.funding.differs": "Le montant déclaré par {funder} ({amount}) diffère de sa part du budget "
                               "({from_share}) : écart de {difference}.",
    "figures.funding.rounding": "Arrondis au centime, les montants des parts font {total}, pour un budget de "
                                "{budget}.",
    # CSV exports
    "figures.csv.link": "Télécharger ce tableau (CSV)",
    "figures.csv.link_detail": "{table}, fichier CSV, séparateur point-virgule",
    "figures.csv.euros": "{label} (€)",
    "figures.csv.percent": "{label} (%)",
    "figures.csv.yes": "oui",
    "figures.csv.no": "non",
    # the libraries' profiles: totals and medians
    "figures.profile.surface": "Surface (m²)",
    "figures.profile.staff": "Agents",
    "figures.profile.fte": "ETP",
    "figures.profile.volunteers": "Bénévoles",
    "figures.profile.readers": "Lecteurs actifs",
    "figures.profile.documents": "Documents",
    "figures.profile.hours": "Heures par semaine",
    "figures.profile.computers": "Ordinateurs publics",
    "figures.profile.e_readers": "Liseuses",
    "figures.profile.tablets": "Tablettes",
    "figures.profile.wifi": "Wi-Fi public",
    "figures.median": "Médiane",
    "figures.summary.title": "Totaux et médianes",
    "figures.summary.caption": "Totaux et médianes des fiches, sur les bibliothèques qui donnent chaque chiffre",
    "figures.summary.figure": "Chiffre",
    "figures.summary.known": "Bibliothèques renseignées",
    "figures.summary.total": "Total",
    "figures.summary.note": "La médiane est la valeur du milieu quand on range les bibliothèques renseignées de la "
                            "plus petite à la plus grande (pour un nombre pair, la moyenne des deux du milieu) : "
                            "une très grande bibliothèque ne la déplace pas, contrairement à la moyenne. "
                            "Les agents "
                            "sont les personnes des catégories A, B et C ; les documents, la somme des collections.",
    "figures.summary.wifi": "Wi-Fi public : {count} sur {known}.",
    "figures.summary.wifi_none": "Wi-Fi public : aucune fiche ne le renseigne.",
    # charts
    "figures.charts.title": "En images",
    "figures.chart.documents.title": "Documents par bibliothèque",
    "figures.chart.fte.title": "Équivalents temps plein (ETP) par bibliothèque",
    "figures.chart.documents.caption": "Documents par bibliothèque, chiffres du graphique",
    "figures.chart.fte.caption": "ETP par bibliothèque, chiffres du graphique",
    "figures.chart.median_legend": "Trait pointillé : médiane ({median})",
    "count.library_known": "bibliothèque renseignée|bibliothèques renseignées",
    "figures.chart.summary": "{known} ; médiane : {median}. La plus haute valeur : {top} ({top_value}) ; "
                             "la plus basse : {bottom} ({bottom_value}).",
    "figures.chart.missing": "{count} sans ce chiffre n'apparaissent pas.",
    "figures.chart.missing_one": "Une bibliothèque sans ce chiffre n'apparaît pas.",
}
