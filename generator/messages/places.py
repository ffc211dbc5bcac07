"""Where a message points: the file, the n-th item of a list, the key of a map.

A part of the editor-facing catalogue (generator/messages/): French, by key.
"""

MESSAGES: dict[str, str] = {
    # --- the place a message points at ------------------------------------------------------
    "where.file": "fichier",
    "where.item": "{ordinal} {noun}",
    "where.item_id": "{ordinal} {noun} (id {id})",
    "where.key_of_map": "clé « {key} »",
    "where.then": " puis ",
    "where.or": " ou ",
}
