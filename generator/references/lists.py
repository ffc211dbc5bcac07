"""The lists of data/groups.yml and data/sources.yml (harvest sources): unique ids, and the ids each item names."""

from __future__ import annotations

from .as_written import raw_ids, raw_items
from .ids import IdChecks


class ListChecks(IdChecks):
    def _groups(self) -> None:
        if self.sources.groups is not None:
            doc, valid = self.sources.groups, dict(self.graph.group_rows)
            for index, item in enumerate(raw_items(doc, "groups")):
                if index in valid:
                    self._fields(doc, "groups", valid[index], at=("groups", index))
                else:
                    self._as_written(doc, "groups", item, at=("groups", index))
            self._unique(doc, "groups", raw_ids(doc, "groups"))

    def _harvest_sources(self) -> None:
        doc = self.sources.harvest_sources
        if doc is None:
            return
        ids = raw_ids(doc, "sources")
        self._unique(doc, "sources", ids)
        for index, item in enumerate(raw_items(doc, "sources")):
            src = self.graph.harvest_sources.get(ids[index])
            if src is not None and ids.index(src.id) == index:
                self._fields(doc, "sources", src, at=("sources", index))
            else:
                self._as_written(doc, "sources", item, at=("sources", index))
