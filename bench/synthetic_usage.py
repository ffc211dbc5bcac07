"""The demo network's usage statistics: one year of clearly synthetic figures (fixed seed).

Writes, into a temporary folder, what the demo's providers would send: COUNTER R5.1 reports in
JSON (PR_P1 by platform, DR_D1 by database, TR_B1 and TR_J1 by title, as the COUNTER API returns
them) for the resources whose `usage:` block names a platform or databases, and a simple monthly
CSV (resource;month;sessions;…) for the others; then imports them all with `bibnum usage import`
into data/usage/, each file noting that its figures are synthetic. No real usage is in them.

    .venv/bin/python bench/synthetic_usage.py [PROJECT]    # default: the repository's demo

Run it again after changing it: same seed, same reports, same files (an unchanged import writes
nothing).
"""

from __future__ import annotations

import json
import math
import random
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.load.project import load_project  # noqa: E402
from generator.usage_command import import_usage  # noqa: E402
from generator.validate import validate  # noqa: E402

SEED = 2026
MONTHS = [f"{2025 + (10 + i) // 12}-{(10 + i) % 12 + 1:02d}" for i in range(12)]  # 2025-11 … 2026-10
CREATED = "2026-11-04T06:00:00Z"  # the reports as harvested early in November 2026
NOTE = ("Données synthétiques (graine fixe {seed}) écrites par bench/synthetic_usage.py pour la démonstration : "
        "ce ne sont pas de vrais usages.")
INSTITUTION = "Réseau de démonstration (données synthétiques)"

# Monthly usage per resource: (report, mean Total_Item_Requests a month, titles or databases).
# The resources without COUNTER send a CSV: (metrics, mean sessions a month).
COUNTER = {
    "cafeyn": ("PR_P1", 2600),
    "europresse": ("DR_D1", 900),
    "ouest-france": ("PR_P1", 1700),
    "monde-diplomatique": ("TR_J1", 240),
    "izneo": ("TR_B1", 1300),
    "mediatheque-numerique": ("DR_D1", 2100),
    "ma-petite-mediatheque": ("DR_D1", 650),
    "maxicours": ("PR_P1", 1150),
    "skilleos": ("PR_P1", 520),
    "assimil": ("PR_P1", 430),
    "tout-apprendre": ("PR_P1", 880),
    "music-me": ("PR_P1", 1900),
}
SIMPLE = {
    "pnb": (("prets", "reservations", "utilisateurs"), 1450),
    "les-yeux-doc": (("sessions", "vues", "utilisateurs"), 210),
    "prepacode": (("sessions", "utilisateurs"), 330),
    "philharmonie": (("sessions", "vues"), 140),
    "munki": (("sessions", "utilisateurs"), 260),
    "storyplayr": (("sessions", "lectures", "utilisateurs"), 310),
}
TITLES = {
    "izneo": ["Les Vieux Fourneaux", "Blacksad", "One Piece", "L'Arabe du futur", "Astérix", "Les Cahiers d'Esther"],
    "monde-diplomatique": ["Le Monde diplomatique", "Manière de voir"],
}
# Readers' seasons: the summer holidays and the winter evenings (self-training drops in summer).
SEASON = {"01": 1.12, "02": 1.05, "03": 1.08, "04": 0.98, "05": 0.95, "06": 0.9, "07": 0.72, "08": 0.68,
          "09": 1.0, "10": 1.06, "11": 1.1, "12": 1.0}


def monthly(rng: random.Random, mean: int, trend: float) -> dict[str, int]:
    """A year of counts around `mean`: season, a slow trend and noise."""
    return {month: max(0, round(mean * SEASON[month[5:]] * (1 + trend * index / 12) * rng.gauss(1, 0.08)))
            for index, month in enumerate(MONTHS)}


def share(rng: random.Random, counts: dict[str, int], low: float, high: float) -> dict[str, int]:
    return {month: math.floor(count * rng.uniform(low, high)) for month, count in counts.items()}


def header(report_id: str, name: str, platform: str) -> dict:
    return {"Report_Name": name, "Report_ID": report_id, "Release": "5.1", "Institution_Name": INSTITUTION,
            "Institution_ID": {"Proprietary": [f"demo:{SEED}"]},
            "Report_Filters": {"Access_Method": ["Regular"], "Begin_Date": f"{MONTHS[0]}-01",
                               "End_Date": f"{MONTHS[-1]}-31"},
            "Created": CREATED, "Created_By": f"{platform} (synthétique)"}


def counter_report(rng: random.Random, resource_id: str, usage, report_id: str, mean: int) -> dict:
    trend = rng.uniform(-0.1, 0.25)
    if report_id == "PR_P1":
        total = monthly(rng, mean, trend)
        items = [{"Platform": usage.platform, "Attribute_Performance": [{"Performance": {
            "Searches_Platform": share(rng, total, 0.3, 0.45),
            "Total_Item_Requests": total,
            "Unique_Item_Requests": share(rng, total, 0.45, 0.6),
            "Unique_Title_Requests": share(rng, total, 0.3, 0.4)}}]}]
        return {"Report_Header": header("PR_P1", "Platform Usage", usage.platform), "Report_Items": items}
    if report_id == "DR_D1":
        items = []
        for database in usage.databases:
            total = monthly(rng, mean // len(usage.databases), trend)
            items.append({"Database": database, "Publisher": resource_id, "Platform": usage.platform or "UniversCiné",
                          "Attribute_Performance": [{"Performance": {
                              "Searches_Regular": share(rng, total, 0.2, 0.35),
                              "Total_Item_Investigations": share(rng, total, 1.3, 1.6),
                              "Total_Item_Requests": total,
                              "Unique_Item_Investigations": share(rng, total, 0.8, 1.0),
                              "Unique_Item_Requests": share(rng, total, 0.5, 0.65)}}]})
        return {"Report_Header": header("DR_D1", "Database Search and Item Usage", items[0]["Platform"]),
                "Report_Items": items}
    titles = TITLES[resource_id]
    items = []
    for rank, title in enumerate(titles, start=1):
        total = monthly(rng, max(1, mean // (rank * 2)), trend)  # a few titles take most of the use
        second = "Unique_Title_Requests" if report_id == "TR_B1" else "Unique_Item_Requests"
        items.append({"Title": title, "Item_ID": {"Proprietary": f"demo:{resource_id}:{rank}"},
                      "Platform": usage.platform, "Publisher": "Éditeur de démonstration",
                      "Attribute_Performance": [{"Performance": {
                          "Total_Item_Requests": total, second: share(rng, total, 0.35, 0.5)}}]})
    name = "Book Requests (Excluding OA_Gold)" if report_id == "TR_B1" else "Journal Requests (Excluding OA_Gold)"
    return {"Report_Header": header(report_id, name, usage.platform), "Report_Items": items}


def simple_csv(rng: random.Random) -> dict[tuple[str, ...], list[str]]:
    lines = []
    for resource_id, (metrics, mean) in SIMPLE.items():
        first = monthly(rng, mean, rng.uniform(-0.05, 0.2))
        columns = {metrics[0]: first}
        for metric in metrics[1:]:
            low, high = (0.15, 0.25) if metric == "utilisateurs" else (0.3, 0.5) if metric == "reservations" \
                else (1.4, 2.2)
            columns[metric] = share(rng, first, low, high)
        for month in MONTHS:
            lines.append((resource_id, month, metrics, [columns[m][month] for m in metrics]))
    # One CSV per set of columns, as each provider sends its own.
    files: dict[tuple[str, ...], list[str]] = {}
    for resource_id, month, metrics, values in lines:
        files.setdefault(metrics, [";".join(("resource", "month", *metrics))]).append(
            ";".join((resource_id, month, *map(str, values))))
    return files


def main(project: Path) -> None:
    rng = random.Random(SEED)
    graph = validate(load_project(project))
    with tempfile.TemporaryDirectory(prefix="usage-synthetique-") as folder:
        written = []
        for resource_id, (report_id, mean) in COUNTER.items():
            report = counter_report(rng, resource_id, graph.resources[resource_id].usage, report_id, mean)
            path = Path(folder) / f"{resource_id}-{report_id.lower()}-synthetique.json"
            path.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
            written.append(path)
        for index, lines in enumerate(simple_csv(rng).values(), start=1):
            path = Path(folder) / f"mensuel-{index}-synthetique.csv"
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            written.append(path)
        import_usage(project, written, note=NOTE.format(seed=SEED))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO)
