"""The sites of data/sites.yml: unique ids, addresses, looks and logos, the network's milestones' links."""

from __future__ import annotations

from ..errors import Location
from ..messages import say
from ..probe import is_dir, is_file, links_out, stays_in
from ..reference_fields import written
from .addresses import AddressChecks
from .as_written import allows_http, raw, raw_ids


class SiteChecks(AddressChecks):
    def _sites(self) -> None:
        doc = self.sources.sites
        if doc is None:
            return
        self._unique(doc, "sites", raw_ids(doc, "sites"))
        # The milestones' links as written: checked even when another key of the network failed.
        milestones = raw(raw(doc.data, "network"), "milestones")
        for index, milestone in enumerate(milestones if isinstance(milestones, list) else []):
            url = raw(milestone, "url")
            if isinstance(url, str):
                self._url(doc, ("network", "milestones", index, "url"), url)
        valid = {index for index, _site in self.graph.site_rows}
        entries = raw(doc.data, "sites")
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            if index not in valid:  # a site that failed its schema: its addresses as written
                for path in (("url",), ("login", "base")):
                    url = written(entry, path)
                    if isinstance(url, str):
                        self._url(doc, ("sites", index, *path), url, allows_http(entry))
        themes = self.graph.root / "themes"
        logos = {themes / st.look / st.logo for _index, st in self.graph.site_rows if st.logo}  # told at logo:
        for look in sorted({st.look for _index, st in self.graph.site_rows}):
            for path in links_out(themes / look):
                if path not in logos:
                    self._add(Location(path.relative_to(self.graph.root).as_posix(), 1, 1),
                              say("ref.look_link_outside", look=look))
        for index, st in self.graph.site_rows:
            self._url(doc, ("sites", index, "url"), st.url, st.allow_http)
            if not st.url.endswith("/"):
                path = ("sites", index, "url")
                self._add(doc.locate(path), self._say(doc, path, say("ref.site_url_slash", example=st.url + "/")))
            self._login(doc, ("sites", index, "login"), st.login, st.allow_http)
            if not is_dir(themes / st.look):
                path = ("sites", index, "look")
                self._add(doc.locate(path), self._say(doc, path, say("ref.no_look", look=st.look)))
            elif st.logo and not is_file(themes / st.look / st.logo):
                path = ("sites", index, "logo")
                self._add(doc.locate(path), self._say(doc, path, say("ref.no_logo", look=st.look, logo=st.logo)))
            elif st.logo and not stays_in(themes / st.look / st.logo, themes / st.look):
                path = ("sites", index, "logo")
                self._add(doc.locate(path), self._say(doc, path, say("ref.logo_outside", look=st.look,
                                                                     logo=st.logo)))
