"""`bibnum harvest`: read providers' feeds of titles and towns' agendas into `data/harvest/`.

fetch (http.py; openagenda.py reads every page of OpenAgenda's API through it) -> parse (parsers/)
-> merge with the last good result (merge.py) -> store (store.py) -> report (report.py);
generator/harvest_command.py orchestrates, one source at a time (it sits above validate:
nothing here imports the loading or the check).
A failing source keeps its last good data: nothing here ever empties a resource.
"""
