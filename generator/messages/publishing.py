"""Messages of publishing (publish.py): a site switched into the output folder, or left as it was.

A part of the editor-facing catalogue (generator/messages/): French, by key.
"""

MESSAGES: dict[str, str] = {
    "publish.site_failed": "le site « {site} » n'a pas pu être publié dans {out} ({why}) ; le site publié est "
    "resté tel quel. Corrigez la cause (place sur le disque, droits d'accès) puis relancez la construction",
    "publish.file_failed": "le site « {site} » n'a pas pu être publié dans {out} ({why} : {path}) ; le site "
    "publié est resté tel quel. Corrigez la cause (place sur le disque, droits d'accès) puis relancez la "
    "construction",
    "publish.page_failed": "la page {path} n'a pas pu être publiée dans {out} ({why}) ; l'ancienne est restée "
    "en place. Corrigez la cause (place sur le disque, droits d'accès) puis relancez la construction",
    "publish.other_device": "{out} et le dossier où bibnum prépare ses sites, {area}, sont sur deux systèmes de "
    "fichiers différents : un site ne peut pas y être basculé d'un coup. Choisissez un dossier de sortie dont "
    "le dossier parent est sur le même disque (par exemple un sous-dossier du volume monté)",
    "publish.recover_failed": "la remise en ordre de {out} après une construction interrompue a échoué ({why}) ; "
    "vérifiez qu'on peut écrire dans {out} et dans {area}, puis relancez la construction",
}
