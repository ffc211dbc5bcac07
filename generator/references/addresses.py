"""Addresses and access links: every address an editor wrote is one a reader may follow, and every
access link of every resource on every portal can be computed."""

from __future__ import annotations

from typing import Any

from ..access import AccessLinkError, access_link, check_own_addresses, check_url
from ..load.yaml_source import YamlDocument
from ..messages import say
from ..models.resource import Resource
from ..reference_fields import written
from .as_written import allows_http, raw
from .report import ReferenceChecks

# The addresses each kind of file writes, checked on its valid model and, when the file failed its
# schema, as written (the schema does not judge them: it cannot have told them already). A valid
# resource's target is judged per portal (_access); a failed one's whatever its portals allow of http.
ADDRESSES: dict[str, tuple[tuple[str, ...], ...]] = {
    "libraries": (("website",), ("login", "base")),
    "events": (("registration_url",), ("online_url",)),
    "resources": (("access", "target"),),
}


class AddressChecks(ReferenceChecks):
    def _url(self, doc: YamlDocument, path: tuple, url: str | None, allow_http: bool = False) -> None:
        if url is None:
            return
        try:
            check_url(url, key=str(path[-1]), allow_http=allow_http)
        except AccessLinkError as exc:
            self._add(doc.locate(path), self._say(doc, path, str(exc)))

    def _addresses(self, doc: YamlDocument, kind: str, source: Any, allow_http: bool = False) -> None:
        """Check the addresses of ADDRESSES that a model, or a file's data as written, holds."""
        for path in ADDRESSES[kind]:
            url = written(source, path)
            if isinstance(url, str):
                self._url(doc, path, url, allow_http)

    def _login(self, doc: YamlDocument, path: tuple, strategy: Any, allow_http: bool = False) -> None:
        base = getattr(strategy, "base", None)
        if base is not None:
            self._url(doc, path + ("base",), base, allow_http)

    def _access(self, res: Resource, doc: YamlDocument) -> None:
        shown_on = [s for s in self.graph.sites if s.kind == "public" and (res.sites is None or s.id in res.sites)]
        reported: set[str] = set()
        for st in shown_on:
            access = res.access.for_site(st.id)
            path = ("access", "sites", st.id) if st.id in res.access.sites else ("access",)
            logins = [(st.login, dict(st.fields), say("ref.who_site", id=st.id))]
            if st.library_logins:
                logins += [
                    (lib.login or st.login, {**st.fields, **lib.fields}, say("ref.who_library", id=lib.id))
                    for lib in self.graph.libraries.values()
                    if st.id in lib.sites
                ]
            for strategy, fields, who in logins:
                try:
                    access_link(access, strategy, fields, allow_http=st.allow_http)
                except AccessLinkError as exc:
                    key = exc.key
                    if key.startswith("fields."):
                        loc_path = path + ("template",)
                        message = self._say(doc, loc_path, say("ref.access_field", problem=exc, who=who))
                    else:
                        loc_path = path + tuple(key.split("."))
                        message = self._say(doc, loc_path, str(exc))
                    if message not in reported:
                        reported.add(message)
                        self._add(doc.locate(loc_path), message)
        # A portal whose entry in data/sites.yml failed may show the resource too: what the access
        # writes itself is checked now, not once that entry is fixed (one pass).
        for site_id, allow_http in self._invalid_public_sites(res):
            access = res.access.for_site(site_id) if site_id is not None else res.access
            path = ("access", "sites", site_id) if site_id in res.access.sites else ("access",)
            try:
                check_own_addresses(access, allow_http=allow_http)
            except AccessLinkError as exc:
                loc_path = path + tuple(exc.key.split("."))
                message = self._say(doc, loc_path, str(exc))
                if message not in reported:
                    reported.add(message)
                    self._add(doc.locate(loc_path), message)

    def _invalid_public_sites(self, res: Resource) -> list[tuple[str | None, bool]]:
        """(id, allow_http) of each site of data/sites.yml that failed its schema and may show `res`;
        an id that cannot be read stands for every site (None and each site the access names).
        Whether http is allowed is read as written; when it cannot be, http is not refused."""
        entries = raw(self.sources.sites.data if self.sources.sites else None, "sites")
        if not isinstance(entries, list):
            entries = [None]  # the file or its list unreadable: its sites are unknown
        valid = {index for index, _site in self.graph.site_rows}
        found: list[tuple[str | None, bool]] = []
        for index, entry in enumerate(entries):
            if index in valid or raw(entry, "kind") == "pro":
                continue
            site_id, allow_http = raw(entry, "id"), allows_http(entry)
            if not isinstance(site_id, str):
                found += [(None, allow_http)] + [(other, allow_http) for other in res.access.sites]
            elif res.sites is None or site_id in res.sites:
                found.append((site_id, allow_http))
        return found
