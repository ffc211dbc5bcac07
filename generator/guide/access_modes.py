"""The access modes section: one example per mode, its URL computed by `generator.access`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter

from ..access import access_link
from ..models.login import LoginStrategy, ResourceAccess
from .markdown import _code_block, to_yaml

@dataclass(frozen=True)
class _AccessExample:
    title: str
    text: str
    login: dict[str, Any] | None
    access: dict[str, Any]
    fields: tuple[tuple[str, str], ...] = ()


_TARGET = "https://presse.example.org/kiosque"


def _access_examples() -> tuple[_AccessExample, ...]:
    login = {"kind": "login", "target": _TARGET}
    return (
        _AccessExample(
            "EZproxy, forme `qurl` (recommandée)",
            "Le lecteur passe par le proxy du réseau, qui l'identifie puis l'envoie chez le "
            "fournisseur. L'adresse cible est encodée une fois.",
            {"kind": "ezproxy", "base": "https://proxy.reseau.example.org", "form": "qurl"},
            login,
        ),
        _AccessExample(
            "EZproxy, forme historique `url`",
            "Même principe, mais l'adresse cible est placée telle quelle à la fin du lien.",
            {"kind": "ezproxy", "base": "https://proxy.reseau.example.org", "form": "url"},
            login,
        ),
        _AccessExample(
            "OpenAthens",
            "Le redirecteur OpenAthens identifie le lecteur pour le domaine du réseau.",
            {"kind": "openathens", "domain": "reseau.example.org"},
            login,
        ),
        _AccessExample(
            "Shibboleth (lien WAYFless)",
            "Le lien passe par le service Shibboleth de la ressource (par défaut, l'origine de "
            "`target` ; sinon `access.sp`), qui lance la connexion auprès du fournisseur "
            "d'identité du réseau.",
            {"kind": "shibboleth", "idp": "https://idp.reseau.example.org/idp/shibboleth"},
            login,
        ),
        _AccessExample(
            "CAS",
            "Le serveur CAS du réseau identifie le lecteur puis le renvoie vers le service "
            "(par défaut `target`, sinon `access.service`).",
            {"kind": "cas", "base": "https://cas.reseau.example.org/cas"},
            login,
        ),
        _AccessExample(
            "Adresse d'entrée du fournisseur (`template`)",
            "Le fournisseur donne une adresse d'entrée avec le code de la bibliothèque ; chaque "
            "champ entre accolades est pris dans `fields` du site ou de la bibliothèque.",
            None,
            {"kind": "template", "template": "https://fournisseur.example.org/sso?id_bib={code_bib}"},
            (("code_bib", "CD14"),),
        ),
        _AccessExample(
            "Lien direct (`direct`)",
            "Ressource libre, ou site sans authentification du réseau (`login: {kind: direct}`) : "
            "le lien mène directement chez le fournisseur, qui demande éventuellement son propre compte.",
            None,
            {"kind": "direct", "target": "https://ressource-libre.example.org/"},
        ),
        _AccessExample(
            "Sur place uniquement (`on_site`)",
            "Pas de lien : la page dit où et comment consulter la ressource.",
            None,
            {"kind": "on_site", "where": "Sur les postes publics de la médiathèque"},
        ),
    )


def _access_section() -> list[str]:
    adapter = TypeAdapter(LoginStrategy)
    out = [
        "## Les modes d'accès aux ressources",
        "",
        "Un site statique ne garde pas de session : chaque bouton « Accéder » est un lien qui lance "
        "la bonne connexion. Le site déclare sa stratégie d'authentification (`login` dans "
        "`data/sites.yml`) ; une bibliothèque qui garde son propre portail peut déclarer la sienne "
        "(`login` et `fields` dans `data/libraries/<id>.yml`, avec `library_logins: true` sur le "
        "site). La ressource déclare sa cible (`access`) et peut la changer pour un site "
        "(`access.sites.<site>`). Seules les adresses `https://` sont acceptées (`http://` "
        "seulement si le site a `allow_http: true`).",
        "",
        "Exemples, avec la cible `" + _TARGET + "` :",
        "",
    ]
    for example in _access_examples():
        access = ResourceAccess.model_validate(example.access)
        login_data = example.login or {"kind": "direct"}
        link = access_link(access, adapter.validate_python(login_data), dict(example.fields))
        source = ""
        if example.login is not None:
            source += "# data/sites.yml (dans le site)\n" + to_yaml({"login": example.login})
        if example.fields:
            source += "# data/sites.yml (dans le site) ou data/libraries/<id>.yml\n" + to_yaml(
                {"fields": dict(example.fields)}
            )
        source += "# data/resources/<id>.yml\n" + to_yaml({"access": example.access})
        result = f"Adresse produite : `{link.url}`" if link.url else f"Pas de lien ; la page affiche : « {link.where} »."
        out += [f"### {example.title}", "", example.text, "", _code_block(source), "", result, ""]
    return out
