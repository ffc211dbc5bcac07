"""Queries the Python normalizer and its JavaScript mirror must treat alike (test_normalize, browser test)."""

QUERIES = [
    "Cinéma", "CINÉMA et vidéo", "cinema", "L'anglais", "l’anglais", "Œuvres complètes", "cœur", "Ouest-France",
    "Oues", "Ateliers", "atelier tablette", "atelier tablette ", "  atelier   tablette  ", "journaux", "bateaux",
    "jeux", "bijoux", "presse", "adresses", "Pont-l'Évêque", "ça", "Noël", "naïve", "Straße", "Ærø", "2026", "1er",
    "été 1944", "de", "le la", "a", "x", "d'", "qu'on", "e-book", "Jean-Baptiste", "À venir", "ÉTUDIANTS",
    "über", "conte", "contes", "Heure du conte", "“quotes” «guillemets»", "", "   ", "n° 12", "BD & mangas",
]
