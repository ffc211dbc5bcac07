"""A synthetic network for the search benchmark, written as a real project (fixed seed).

60 resources (the demo's 21 and generated ones), 400 libraries, 3,000 events and
50,000 harvested titles in `data/sources.yml` + `data/harvest/<source>.json`, the
harvest's own format. Title words follow a Zipf law over real French words and a
long tail of made-up ones, as a real catalogue's vocabulary does.
"""

from __future__ import annotations

import json
import random
import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
SITE_FILES = ("mkdocs.yml", "themes", "content", "data/sites.yml", "data/taxonomy.yml", "data/groups.yml",
              "data/authors.yml")

COMMON = """vie monde histoire nuit jour temps femme homme enfant maison guerre secret voyage mer terre ciel
coeur amour mort ville famille fille fils père mère roi reine ombre lumière jardin forêt île montagne rivière
chemin lettre livre mémoire oubli été hiver printemps automne dernier première nouvelle grand petit noir
blanc rouge bleu vert ouest nord sud est normandie caen paris france europe afrique amérique océan plage port
cuisine recettes jardinage photo photographie dessin peinture musique chanson jazz rock piano guitare danse
théâtre cinéma film documentaire série animation conte contes légende fable histoires enfants jeunesse
album bande dessinée manga héros aventure mystère enquête crime policier thriller science fiction fantasy
magie dragon chevalier château pirate trésor école collège lycée examen bac anglais espagnol allemand italien
langue langues leçon leçons grammaire vocabulaire débutant intermédiaire avancé cours méthode guide pratique
informatique internet ordinateur tablette smartphone numérique bureautique excel word code route permis
santé yoga sport football vélo randonnée nature animaux chat chien cheval oiseaux plantes fleurs arbres
climat écologie économie politique société philosophie psychologie sciences mathématiques physique
histoire art architecture patrimoine archéologie moyen âge révolution empire république libération
débarquement reconstruction presse journal magazine actualité édition quotidien hebdomadaire""".split()
FIRST = """Marie Jean Pierre Sophie Claire Paul Louise Jacques Anne Michel Camille Lucie Hugo Léa Thomas Emma
Nicolas Julie Antoine Chloé Olivier Sarah Éric Nathalie Karim Yasmine Amélie Julien Manon Victor""".split()
LAST = """Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefèvre Michel
Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefebvre Mercier Dupont Lambert Bonnet
François Martinez Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry Roussel Nicolas Perrin Morin
Mathieu Clément Gauthier Dumont Lopez Fontaine Chevalier Robin Masson Sanchez Gérard Nguyen Boyer Denis""".split()
ONSETS = "b c d f g j l m n p r s t v br cr dr fr gr pl tr ch qu".split()
VOWELS = "a e i o u é è ou ai an on in eu au".split()
CODAS = ["", "", "", "r", "l", "n", "s", "t", "x"]
TOWN_SUFFIXES = ["", "", "", "-sur-Mer", "-sur-Orne", "-en-Auge", "-le-Vieux", "-les-Bains", "-la-Campagne"]
EVENT_TITLES = [
    ("atelier", "Atelier tablette : {w}"), ("atelier", "Premiers pas sur smartphone"),
    ("heure-du-conte", "Heure du conte numérique"), ("heure-du-conte", "Contes et comptines : {w}"),
    ("atelier", "Apprendre l'anglais avec Assimil"), ("atelier", "Apprendre une langue en ligne"),
    ("projection", "Ciné-club : {w}"), ("projection", "Projection « {w} »"),
    ("atelier", "Découvrir la presse en ligne"), ("atelier", "Lire Ouest-France sur tablette"),
    ("permanence", "Permanence numérique"), ("conference", "Conférence : {w} et {w2}"),
    ("atelier", "Atelier liseuse"), ("atelier", "Club manga"), ("atelier", "Café BD : {w}"),
]
TITLE_FEEDS = [  # (resource id, kind, share of the 50,000 titles, title pattern)
    ("ouest-france", "presse", 6, "press"), ("cafeyn", "presse", 8, "magazine"), ("europresse", "presse", 4, "press"),
    ("pnb", "livre", 30, "book"), ("izneo", "livre", 12, "book"), ("mediatheque-numerique", "video", 10, "film"),
    ("les-yeux-doc", "video", 4, "film"), ("music-me", "audio", 10, "album"), ("assimil", "cours", 3, "course"),
    ("tout-apprendre", "cours", 5, "course"), ("storyplayr", "livre", 5, "book"), ("gallica", "livre", 3, "book"),
]
MAGAZINES = ["Télérama", "Le Point", "L'Express", "Géo", "Science & Vie", "Marie Claire", "Psychologies",
             "Courrier international", "Le Monde diplomatique", "L'Équipe", "Historia", "Rustica", "Elle"]


class Words:
    """Zipf-distributed words: the common French words first, then a long tail of made-up ones."""

    def __init__(self, rnd: random.Random, tail: int = 25_000) -> None:
        made_up = {self._invent(rnd) for _ in range(tail)}
        self.words = COMMON + sorted(made_up - set(COMMON))
        weights = [1 / (rank + 1) ** 1.05 for rank in range(len(self.words))]
        total, acc = sum(weights), 0.0
        self.cumulative = []
        for w in weights:
            acc += w / total
            self.cumulative.append(acc)
        self.rnd = rnd

    @staticmethod
    def _invent(rnd: random.Random) -> str:
        return "".join(rnd.choice(ONSETS) + rnd.choice(VOWELS) + rnd.choice(CODAS) for _ in range(rnd.randint(2, 3)))

    def pick(self) -> str:
        import bisect

        return self.words[min(bisect.bisect(self.cumulative, self.rnd.random()), len(self.words) - 1)]

    def phrase(self, low: int = 2, high: int = 6) -> str:
        text = " ".join(self.pick() for _ in range(self.rnd.randint(low, high)))
        return text[0].upper() + text[1:]


def write_network(root: Path, seed: int = 20261121, titles: int = 50_000, resources: int = 60,
                  events: int = 3_000, libraries: int = 400, posts: int = 0) -> Path:
    """Write the synthetic project into ROOT (created fresh) and return ROOT."""
    rnd = random.Random(seed)
    words = Words(rnd)
    shutil.rmtree(root, ignore_errors=True)
    for name in SITE_FILES:
        source, target = REPO / name, root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target)
    data = root / "data"
    taxonomy = yaml.safe_load((data / "taxonomy.yml").read_text(encoding="utf-8"))
    categories = [t["id"] for t in taxonomy["categories"]]
    audiences = [t["id"] for t in taxonomy["audiences"] if t["id"] != "professionnels"]
    shutil.copytree(REPO / "data" / "resources", data / "resources")
    for n in range(resources - len(list((data / "resources").glob("*.yml")))):
        name = words.phrase(1, 3)
        _dump(data / "resources" / f"synthetique-{n:02d}.yml", {
            "title": name, "provider": f"Éditions {words.pick().capitalize()}",
            "category": rnd.choice(categories), "audiences": rnd.sample(audiences, 2),
            "summary": words.phrase(8, 14) + ".", "description": " ".join(words.phrase(10, 16) + "." for _ in range(4)),
            "offers": [words.phrase(4, 8) for _ in range(3)], "devices": ["ordinateur", "tablette"],
            "how_to_start": ["Connectez-vous avec votre carte de bibliothèque."],
            "access": {"kind": "login", "target": f"https://ressource-{n:02d}.example.org/"},
            "keywords": [words.pick() for _ in range(4)], "added": "2025-01-15",
        })
    shutil.copytree(REPO / "data" / "libraries", data / "libraries")
    library_ids = sorted(p.stem for p in (data / "libraries").glob("*.yml"))
    populations: dict[str, int] = {}  # a town has one population, whatever its number of libraries
    for n in range(libraries - len(library_ids)):
        town = words.pick().capitalize() + rnd.choice(TOWN_SUFFIXES)
        drawn = rnd.randint(800, 30_000)  # drawn for every library: the rest of the network stays the same
        library_ids.append(lid := f"bibliotheque-{n:03d}")
        _dump(data / "libraries" / f"{lid}.yml", {
            "name": f"Médiathèque de {town}", "town": town, "population": populations.setdefault(town, drawn),
            "address": {"street": f"{rnd.randint(1, 40)} rue {words.phrase(1, 2)}", "postcode": f"14{rnd.randint(0, 999):03d}",
                        "city": town},
            "joined": rnd.randint(2016, 2026), "sites": ["calvados"] if n % 3 else ["calvados", "caen"],
        })
    (data / "events").mkdir()
    start_day = datetime(2026, 1, 5, 10, 0)
    for n in range(events):
        kind, pattern = rnd.choice(EVENT_TITLES)
        begin = start_day + timedelta(days=rnd.randint(0, 720), hours=rnd.choice((0, 4, 6)))
        _dump(data / "events" / f"evenement-{n:04d}.yml", {
            "title": pattern.format(w=words.pick(), w2=words.pick()), "kind": kind,
            "start": begin.strftime("%Y-%m-%dT%H:%M"), "end": (begin + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
            "library": rnd.choice(library_ids), "audiences": rnd.sample(audiences, rnd.randint(1, 2)),
            "summary": words.phrase(8, 14) + ".", "description": words.phrase(15, 30) + ".",
        })
    _write_titles(data, rnd, words, titles)
    _write_posts(root / "content" / "blog" / "posts", rnd, words, posts)
    return root


POST_OPENINGS = [
    "Retour sur {w} : ce qu'il faut retenir", "{W} : le point sur les statistiques", "Nouveau tutoriel : {w}",
    "Formation {w} : les inscriptions sont ouvertes", "Compte rendu du groupe de travail {w}",
    "{W} et {w2} : idées de médiation", "Mise à jour technique : {w}", "Bilan de l'atelier {w}",
]
POST_CATEGORIES = ["Vie du réseau", "Ressources", "Médiation", "Formation", "Technique", "PNB"]
POST_AUTHORS = ["claire-m", "julien-l", "sophie-d", "karim-b", "helene-g"]


def _write_posts(folder: Path, rnd: random.Random, words: Words, count: int) -> None:
    """Staff blog posts, about two a day over two years, each with an excerpt and a few paragraphs."""
    first = datetime(2024, 12, 1)
    for n in range(count):
        day = first + timedelta(days=n * 720 // max(count, 1))
        title = rnd.choice(POST_OPENINGS).format(w=words.pick(), w2=words.pick(), W=words.pick().capitalize())
        paragraphs = [" ".join(words.phrase(8, 18) + "." for _ in range(rnd.randint(2, 5))) for _ in range(4)]
        body = "\n\n".join([paragraphs[0], "<!-- more -->", f"## {words.phrase(2, 4)}", *paragraphs[1:3],
                             f"- {words.phrase(3, 6)}\n- {words.phrase(3, 6)}\n- {words.phrase(3, 6)}", paragraphs[3]])
        meta = {"title": title, "date": day.date().isoformat(), "authors": [rnd.choice(POST_AUTHORS)],
                "categories": rnd.sample(POST_CATEGORIES, rnd.randint(1, 2)), "slug": f"billet-{n:04d}",
                "description": words.phrase(8, 14) + "."}
        text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body + "\n"
        (folder / f"{day:%Y-%m-%d}-billet-{n:04d}.md").write_text(text, encoding="utf-8")


def _write_titles(data: Path, rnd: random.Random, words: Words, count: int) -> None:
    shares = sum(share for *_, share, _pattern in TITLE_FEEDS)
    sources, harvest = [], data / "harvest"
    harvest.mkdir()
    for resource, kind, share, pattern in TITLE_FEEDS:
        n = count * share // shares if resource != TITLE_FEEDS[-1][0] else count - sum(
            count * s // shares for _r, _k, s, _p in TITLE_FEEDS[:-1])
        source = f"{resource}-titres"
        sources.append({"id": source, "kind": "feed", "url": f"https://{resource}.example.org/nouveautes.atom",
                        "resource": resource, "title_kind": kind})
        records = [_title_record(rnd, words, resource, kind, pattern, i) for i in range(n)]
        state = {"last_success": "2026-11-21T03:00:00+01:00"}
        (harvest / f"{source}.json").write_text(json.dumps(
            {"format": 1, "kind": "feed", "source": source, "target": resource, "state": state,
             "records": sorted(records, key=lambda r: r["id"])}, ensure_ascii=False, sort_keys=True, indent=1),
            encoding="utf-8")
    _dump(data / "sources.yml", {"sources": sources})


def _title_record(rnd: random.Random, words: Words, resource: str, kind: str, pattern: str, i: int) -> dict:
    day = date(2026, 11, 21) - timedelta(days=rnd.randint(0, 900))
    author = f"{rnd.choice(FIRST)} {rnd.choice(LAST) if rnd.random() < 0.7 else words.pick().capitalize()}"
    if pattern == "press":
        title, authors = f"Ouest-France — édition de {words.pick().capitalize()}, {day:%d/%m/%Y}", []
    elif pattern == "magazine":
        title, authors = f"{rnd.choice(MAGAZINES)} n° {rnd.randint(100, 4000)} : {words.phrase(2, 4)}", []
    elif pattern == "course":
        title, authors = f"{words.phrase(1, 2)} : {words.phrase(2, 4).lower()}, leçon {rnd.randint(1, 40)}", [author]
    else:
        title, authors = words.phrase(), [author]
    return {"id": f"guid:{resource}-{i:06d}", "title": title, "authors": authors, "kind": kind, "language": "fr",
            "published": day.isoformat(), "first_seen": day.isoformat(), "last_seen": "2026-11-21",
            "url": f"https://{resource}.example.org/titre/{i}"}


def _dump(path: Path, value: dict) -> None:
    path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), encoding="utf-8")
