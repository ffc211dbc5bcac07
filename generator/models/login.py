"""How readers log in (a site's or a library's strategy) and how a resource is reached.

The URLs themselves are computed by generator.access; these models only hold the
editor's declarations. See DESIGN.md §6 for the exact conventions.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field, model_validator

from .base import Invalid, Model, PlainText, Slug


class EzproxyLogin(Model):
    """EZproxy: readers go through the network's proxy, which logs them in."""

    kind: Literal["ezproxy"] = Field(description="`ezproxy`")
    base: str = Field(description="Adresse du proxy, par ex. `https://proxy.reseau.example.org`.")
    form: Literal["qurl", "url"] = Field(
        "qurl",
        description="`qurl` (adresse cible encodée, recommandé) ou `url` (forme historique, adresse brute).",
    )


class OpenAthensLogin(Model):
    """OpenAthens redirector."""

    kind: Literal["openathens"] = Field(description="`openathens`")
    domain: str = Field(description="Domaine OpenAthens du réseau, par ex. `reseau.example.org`.")


class ShibbolethLogin(Model):
    """Shibboleth/SAML WAYFless link: the provider's SP starts a login at our IdP."""

    kind: Literal["shibboleth"] = Field(description="`shibboleth`")
    idp: str = Field(description="entityID du fournisseur d'identité du réseau.")


class CasLogin(Model):
    """CAS: the network's CAS server authenticates, then returns to the provider."""

    kind: Literal["cas"] = Field(description="`cas`")
    base: str = Field(description="Adresse du serveur CAS, par ex. `https://cas.reseau.example.org/cas`.")


class DirectLogin(Model):
    """No network login: resources are linked directly (the provider asks for its own account)."""

    kind: Literal["direct"] = Field(description="`direct`")


LoginStrategy = Annotated[
    Union[EzproxyLogin, OpenAthensLogin, ShibbolethLogin, CasLogin, DirectLogin],
    Field(discriminator="kind"),
]

AccessKind = Literal["login", "template", "direct", "on_site"]


class AccessOverride(Model):
    """What changes for one site (same keys as `access`, all optional)."""

    kind: AccessKind | None = Field(None, description="Mode d'accès sur ce site.")
    target: str | None = Field(None, description="Adresse cible chez le fournisseur sur ce site.")
    template: str | None = Field(None, description="Modèle d'adresse d'entrée sur ce site.")
    sp: str | None = Field(None, description="Adresse du fournisseur de service Shibboleth sur ce site.")
    service: str | None = Field(None, description="Service CAS sur ce site.")
    where: PlainText | None = Field(None, description="Où consulter la ressource (accès sur place).")


class ResourceAccess(Model):
    """How a reader reaches the resource from a portal."""

    kind: AccessKind = Field(
        "login",
        description=(
            "`login` : via l'authentification du site ou de la bibliothèque ; "
            "`template` : adresse d'entrée du fournisseur avec le code de la bibliothèque ; "
            "`direct` : ressource libre, lien direct ; `on_site` : sur place uniquement, sans lien."
        ),
    )
    target: str | None = Field(None, description="Adresse de la ressource chez le fournisseur (https).")
    template: str | None = Field(
        None,
        description="Pour `template` : modèle d'adresse avec des champs nommés, par ex. "
        "`https://fournisseur.example.org/sso?id_bib={code_bib}`.",
    )
    sp: str | None = Field(
        None,
        description="Pour Shibboleth : adresse du fournisseur de service (par défaut, l'origine de `target`).",
    )
    service: str | None = Field(None, description="Pour CAS : service à demander (par défaut, `target`).")
    where: PlainText | None = Field(None, description="Pour `on_site` : où et comment consulter la ressource.")
    sites: dict[Slug, AccessOverride] = Field(
        default_factory=dict, description="Réglages propres à un site (clé : identifiant du site)."
    )

    @model_validator(mode="after")
    def _complete_for_kind(self) -> "ResourceAccess":
        required = {"login": "target", "direct": "target", "template": "template", "on_site": "where"}
        key = required[self.kind]
        if getattr(self, key) is None:
            raise Invalid("access.needs", at=("kind",), kind=self.kind, key=key)
        return self

    def for_site(self, site_id: str) -> "ResourceAccess":
        """The access as seen on one site: the site's override merged over the defaults."""
        override = self.sites.get(site_id)
        if override is None:
            return self
        changes = {k: v for k, v in override.model_dump(exclude_none=True).items()}
        return self.model_copy(update=changes)

