"""A fresh, valid example for each kind of file editors write."""

from __future__ import annotations

import datetime as dt
from typing import Any

def _sites_example() -> dict[str, Any]:
    return {
        "network": {
            "name": "Médianet",
            "description": "Les ressources numériques des bibliothèques du Loiret et d'Orléans Métropole.",
            "fee_per_inhabitant": 0.15,
            "timezone": "Europe/Paris",
            "towns": [
                {"name": "Montargis", "insee": "45208", "population": 14050, "joined": 2016},
                {"name": "Orléans", "insee": "45234", "population": 116600, "joined": 2019},
            ],
            "funders": [
                {"name": "Département du Loiret", "share": 50, "amount": 92000},
                {"name": "Orléans Métropole", "share": 50, "amount": 92000},
            ],
            "budget": 184000,
            "milestones": [
                {"date": dt.date(2019, 3, 14), "kind": "convention",
                 "title": "Convention avec Orléans Métropole : financement à parts égales",
                 "url": "https://pro.medianet.example.org/documents/"},
            ],
        },
        "sites": [
            {
                "id": "portail",
                "kind": "public",
                "name": "Médianet",
                "tagline": "Presse, films, musique et cours en ligne avec votre carte de bibliothèque.",
                "url": "https://medianet.example.org/",
                "look": "portail",
                "logo": "logo.svg",
                "palette": {"primary": "#00506e", "accent": "#1d6b4f"},
                "login": {"kind": "ezproxy", "base": "https://proxy.medianet.example.org", "form": "qurl"},
                "library_logins": True,
                "fields": {"code_bib": "CD45"},
                "contact_email": "medianet@loiret.example.org",
                "accessibility": {
                    "organisation": "Département du Loiret",
                    "contact_email": "accessibilite@loiret.example.org",
                },
            },
            {
                "id": "pro",
                "kind": "pro",
                "name": "Médianet — Espace pro",
                "tagline": "L'espace des bibliothécaires du réseau.",
                "url": "https://pro.medianet.example.org/",
                "look": "pro",
                "palette": {"primary": "#37474f", "accent": "#1565c0"},
                "login": {"kind": "direct"},
            },
        ],
    }


def _taxonomy_example() -> dict[str, Any]:
    return {
        "categories": [
            {"id": "presse", "label": "Presse", "icon": "material/newspaper-variant-outline"},
            {"id": "autoformation", "label": "Autoformation", "description": "Langues, code de la route, bureautique."},
        ],
        "audiences": [{"id": "adultes", "label": "Adultes"}, {"id": "jeunesse", "label": "Jeunesse"}],
        "devices": [{"id": "ordinateur", "label": "Ordinateur"}, {"id": "tablette", "label": "Tablette"}],
        "languages": [{"id": "fr", "label": "Français"}, {"id": "en", "label": "Anglais"}],
        "event_kinds": [{"id": "atelier", "label": "Atelier"}, {"id": "copil", "label": "Comité de pilotage"}],
        "event_series": [{"id": "ateliers-langues", "label": "Les ateliers de langues",
                          "description": "Un samedi par mois, une langue et un thème par séance."}],
        "blog_categories": ["Technique", "Vie du réseau"],
    }


def _groups_example() -> dict[str, Any]:
    return {
        "groups": [
            {
                "id": "ressources-numeriques",
                "name": "Groupe ressources numériques",
                "kind": "groupe-de-travail",
                "summary": "Choisir, évaluer et faire connaître les ressources du réseau.",
                "lead": "Claire Martin",
                "members": ["montargis", "gien"],
                "contact_email": "ressources@loiret.example.org",
            },
            {
                "id": "comite-usagers",
                "name": "Comité des usagers",
                "kind": "comite",
                "label": "Comité des usagers",
                "summary": "Donner la parole aux lecteurs du réseau.",
                "people": [
                    {"name": "Martine Lebrun", "role": "presidence"},
                    {"name": "Louis Perrin", "role": "animation", "library": "gien"},
                    {"name": "Zoé Martin", "role": "secretariat", "organisation": "Association des lecteurs"},
                ],
            },
        ]
    }


def _authors_example() -> dict[str, Any]:
    return {
        "authors": {
            "cmartin": {"name": "Claire Martin", "description": "Chargée des ressources numériques"},
        }
    }


def _resource_example() -> dict[str, Any]:
    return {
        "title": "Formaplus",
        "provider": "Formaplus",
        "category": "autoformation",
        "audiences": ["adultes"],
        "summary": "Des cours en ligne : langues, bureautique, code de la route, musique.",
        "description": "Plus de 2 000 cours vidéo, à suivre à son rythme, sur ordinateur ou tablette.",
        "offers": ["Langues (anglais, espagnol…)", "Code de la route"],
        "languages": ["fr", "en"],
        "devices": ["ordinateur", "tablette"],
        "apps": [{"name": "Formaplus", "platforms": ["android", "ios"]}],
        "conditions": {"account": "bibliotheque", "concurrent_users": 50},
        "how_to_start": ["Cliquez sur « Accéder ».", "Connectez-vous avec votre carte de bibliothèque."],
        "access": {
            "kind": "login",
            "target": "https://www.formaplus.example.org/",
            "sites": {
                "metropole": {"kind": "template", "template": "https://www.formaplus.example.org/sso?id_bib={code_bib}"}
            },
        },
        "keywords": ["anglais", "bureautique"],
        "best_bets": ["cours en ligne"],
        "added": dt.date(2024, 3, 1),
        "featured": True,
    }


def _library_example() -> dict[str, Any]:
    return {
        "name": "Médiathèque des Tanneurs",
        "town": "Montargis",
        "local_network": "Réseau des bibliothèques de l'Agglomération montargoise",
        "address": {"street": "1 rue des Tanneurs", "postcode": "45200", "city": "Montargis"},
        "geo": {"lat": 47.9973, "lon": 2.7333},
        "phone": "02 38 00 00 00",
        "email": "mediatheque@montargis.example.org",
        "website": "https://mediatheque.montargis.example.org/",
        "opening_hours": ["Mardi : 14 h – 18 h", "Mercredi : 10 h – 18 h"],
        "joined": 2016,
        "sites": ["portail"],
        "login": {"kind": "cas", "base": "https://cas.montargis.example.org/cas"},
        "fields": {"code_bib": "MON45"},
        "profile": {
            "surface_m2": 2300,
            "weekly_hours": 31,
            "staff": {"category_a": 2, "category_b": 5, "category_c": 9, "fte": 14.6, "volunteers": 4},
            "readers": {"adults": 3650, "youth": 1980},
            "collections": {"books": 68000, "dvd": 5200, "cd": 4100, "periodicals": 120, "games": 350},
            "equipment": {"public_computers": 12, "wifi": True, "e_readers": 10, "tablets": 6},
            "fees": {"residents": 0, "non_residents": 15},
            "services": ["Portage de livres à domicile"],
            "ils": {"product": "Koha", "vendor": "BibLibre", "version": "23.11", "since": 2019},
            "portal": {"product": "Bokeh", "vendor": "BibLibre", "since": 2019},
        },
    }


def _event_example() -> dict[str, Any]:
    return {
        "title": "Atelier : apprendre l'anglais en ligne",
        "kind": "atelier",
        "start": "2026-11-28T14:00",
        "end": "2026-11-28T16:00",
        "library": "montargis",
        "audiences": ["adultes"],
        "summary": "Découvrir les cours d'anglais de Formaplus avec un bibliothécaire.",
        "resources": ["formaplus"],
        "registration": "Sur réservation à l'accueil de la médiathèque",
        "registration_url": "https://mediatheque.montargis.example.org/agenda/anglais",
        "series": "ateliers-langues",
        "theme": "L'anglais du voyage",
    }


def _page_example() -> dict[str, Any]:
    return {"title": "Aide et questions fréquentes", "menu": "Aide",
            "description": "Questions fréquentes sur les ressources numériques.", "order": 10}


def _post_example() -> dict[str, Any]:
    return {
        "title": "Livres numériques : les nouveaux titres de novembre",
        "date": dt.date(2026, 11, 2),
        "description": "Ce qui arrive dans le catalogue de livres numériques.",
        "authors": ["cmartin"],
        "categories": ["Technique"],
    }


def _sources_example() -> dict[str, Any]:
    return {
        "sources": [
            {
                "id": "livres-nouveautes",
                "kind": "feed",
                "url": "https://catalogue.medianet.example.org/livres/nouveautes.atom",
                "resource": "livres-numeriques",
                "title_kind": "livre",
            },
            {
                "id": "formaplus-cours",
                "kind": "kbart",
                "url": "data/feeds/formaplus_medianet_cours_2026-11-01.txt",
                "resource": "formaplus",
                "title_kind": "cours",
                "refresh_hours": 168,
            },
            {
                "id": "agenda-gien",
                "kind": "ical",
                "url": "https://openagenda.example.org/agendas/mediatheque-gien/events.ics",
                "library": "gien",
                "categories": {"Ciné-goûter": "projection", "Jeux vidéo": "atelier"},
                "default_kind": "atelier",
                "audiences": ["familles"],
                "grace_days": 7,
            },
            {
                "id": "agenda-gien-jeunesse",
                "kind": "openagenda",
                "url": "https://api.openagenda.com/v2/agendas/12345678/events",
                "library": "gien",
                "default_kind": "atelier",
                "audiences": ["jeunesse"],
            },
        ]
    }
