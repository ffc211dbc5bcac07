"""A portal's index head (resources and titles) kept between builds gives the same files as a fresh index."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path
from types import MappingProxyType

import pytest

from generator import digests
from generator.families import titles_key, titles_view
from generator.search import INDEX_DIR, site_index_files, update_index
from generator.search.head import KeptHead, load_or_make, worth_saving
from generator.search.labels import search_labels
from generator.search.records import head_records, other_records, site_records
from generator.search.shards import ShardLimits
from generator.search.static_index import CHUNK, index_head, static_index
from generator.site_keys import shown_events_only
from generator.view.site_view import SiteView

from .conftest import NOW, TITLES, title


def folder_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def fresh(view: SiteView) -> dict[str, bytes]:
    """The index made from scratch, without any head."""
    return {path.removeprefix(f"{INDEX_DIR}/"): data for path, data in site_index_files(view).items()}


def portal_view(graph, site) -> SiteView:
    return shown_events_only(SiteView.build(graph, site, NOW))


class Head:
    """A KeptHead as the build makes it (workers.index), counting the restricted views it builds."""

    def __init__(self, graph, site, file: Path) -> None:
        self.graph, self.site, self.file, self.made = graph, site, file, 0

    def kept(self) -> KeptHead:
        return KeptHead(titles_key("data-digest", self.site, None, NOW), self.file, self._view)

    def _view(self) -> SiteView:
        self.made += 1
        return titles_view(self.graph, self.site, NOW)


def with_event_title(graph, event_id: str, text: str):
    events = dict(graph.events)
    events[event_id] = events[event_id].model_copy(update={"title": text})
    return dataclasses.replace(graph, events=MappingProxyType(events))


def test_an_event_edit_indexed_with_the_kept_head_gives_the_fresh_index(demo_graph, tmp_path):
    site = next(s for s in demo_graph.sites if s.id == "calvados")
    view = portal_view(demo_graph, site)
    head = Head(demo_graph, site, tmp_path / "search-head" / "calvados.pickle")
    folder = tmp_path / "search" / "calvados"
    digest, _ = update_index(view, folder, head=head.kept())
    assert head.made == 1 and head.file.is_file()
    assert folder_files(folder) == fresh(view)

    event = view.events[0]
    edited = with_event_title(demo_graph, event.id, "Atelier tricot numérique et cyberdentelle")
    edited_view = portal_view(edited, site)
    other, changed = update_index(edited_view, folder, previous=digest, head=head.kept())
    assert head.made == 1  # the head was read from its file, not made again
    assert other != digest and changed
    assert folder_files(folder) == fresh(edited_view)
    assert any(b"cyberdentelle" in data for data in folder_files(folder).values())
    # Nothing else changed: the kept index is kept as it is.
    assert update_index(edited_view, folder, previous=other, head=head.kept()) == (other, False)


def test_a_code_change_makes_the_head_and_the_index_again(demo_graph, tmp_path, monkeypatch):
    site = next(s for s in demo_graph.sites if s.id == "caen")
    head = Head(demo_graph, site, tmp_path / "head.pickle")
    folder = tmp_path / "index"
    digest, _ = update_index(portal_view(demo_graph, site), folder, head=head.kept())
    monkeypatch.setattr(digests, "_code", "another-version-of-search-records")
    written = []
    other, _ = update_index(portal_view(demo_graph, site), folder, previous=digest, head=head.kept(),
                            before_writing=lambda: written.append("again"))
    assert head.made == 2 and other != digest and written == ["again"]


def test_a_new_key_with_the_same_records_keeps_the_index(demo_graph, tmp_path):
    """An edit of data/ that no record reads (the network's name) makes the head again, not the index."""
    site = next(s for s in demo_graph.sites if s.id == "caen")
    file, view = tmp_path / "head.pickle", portal_view(demo_graph, site)
    digest, _ = update_index(view, tmp_path / "index", head=KeptHead("key-before", file,
                                                                      lambda: titles_view(demo_graph, site, NOW)))
    written = []
    made = []
    after = KeptHead("key-after", file, lambda: made.append(1) or titles_view(demo_graph, site, NOW))
    assert update_index(view, tmp_path / "index", previous=digest, head=after,
                        before_writing=lambda: written.append(1)) == (digest, False)
    assert made == [1] and written == []


def test_new_titles_make_the_head_again(demo_graph, tmp_path):
    """A harvest changes data/ (the title family's key): the head follows the new titles."""
    site = next(s for s in demo_graph.sites if s.id == "caen")
    file = tmp_path / "head.pickle"
    first = KeptHead("key-before", file, lambda: titles_view(demo_graph, site, NOW))
    digest, _ = update_index(portal_view(demo_graph, site), tmp_path / "index", head=first)
    more = dict(TITLES, assimil=(*TITLES["assimil"], title("assimil", "isbn:9782700508002", "L'italien en voyage")))
    harvested = dataclasses.replace(demo_graph, titles=MappingProxyType(more))
    second = KeptHead("key-after", file, lambda: titles_view(harvested, site, NOW))
    view = portal_view(harvested, site)
    other, changed = update_index(view, tmp_path / "index", previous=digest, head=second)
    assert other != digest and changed
    assert folder_files(tmp_path / "index") == fresh(view)


@pytest.mark.parametrize("stored", [b"not a pickle", pickle.dumps(print), pickle.dumps({"format": 1, "key": "k"})])
def test_a_corrupt_or_foreign_head_file_is_made_again(demo_graph, tmp_path, stored):
    site = next(s for s in demo_graph.sites if s.id == "caen")
    file = tmp_path / "head.pickle"
    file.write_bytes(stored)
    made = []
    kept = KeptHead("k", file, lambda: made.append(1) or titles_view(demo_graph, site, NOW))
    head, digest, anew = load_or_make(kept)
    assert made == [1] and anew and head == index_head(head_records(portal_view(demo_graph, site)))
    view = portal_view(demo_graph, site)
    update_index(view, tmp_path / "index", head=kept)
    assert made == [1, 1] and folder_files(tmp_path / "index") == fresh(view)
    again, same, anew = load_or_make(kept)  # rewritten, then read
    assert made == [1, 1] and not anew and again.postings == head.postings and same == digest and again.cut is not None


def test_a_head_that_cannot_be_written_costs_a_remake_never_an_error(demo_graph, tmp_path):
    site = next(s for s in demo_graph.sites if s.id == "caen")
    (tmp_path / "search-head").write_text("a file where the folder should be")
    made = []
    kept = KeptHead("k", tmp_path / "search-head" / "caen.pickle",
                    lambda: made.append(1) or titles_view(demo_graph, site, NOW))
    view = portal_view(demo_graph, site)
    update_index(view, tmp_path / "index", head=kept)
    update_index(view, tmp_path / "index", head=kept)
    assert made == [1, 1] and folder_files(tmp_path / "index") == fresh(view)


def test_any_head_of_the_records_gives_the_same_files(views):
    """Postings, facet ranges and display chunks merged at any cut, a chunk's edge included."""
    view = views["calvados"]
    records, labels = site_records(view), search_labels(view)
    assert len(records) > CHUNK + 1
    plain = static_index(records, labels)
    for size in sorted({0, 1, CHUNK - 1, CHUNK, CHUNK + 1, len(records) - 1, len(records)}):
        assert static_index(records[size:], labels, head=index_head(records[:size])) == plain, size


def test_shards_kept_with_the_head_are_taken_only_where_their_words_are_unchanged(views, monkeypatch):
    """Small limits cut many shards: an edit beyond the head gives the bytes of a fresh index, and
    an index with nothing changed cuts no shard anew."""
    from generator.search import shards

    view = views["calvados"]
    head_part, others, labels = head_records(view), other_records(view), search_labels(view)
    limits = ShardLimits(budget=400, preview_words=4, preview_docs=2)
    words = sorted({w for r in head_part for _, text in r.fields for w in text.split() if len(w) > 3})
    cuts = []
    first = static_index(others, labels, limits, head=index_head(head_part), cuts=cuts)
    assert first == static_index(head_part + others, labels, limits) and len(cuts[0].shards) > 20
    head = dataclasses.replace(index_head(head_part), cut=cuts[0])

    event = next(i for i, r in enumerate(others) if r.type == "event")
    retitled = dataclasses.replace(others[event], title=f"{words[0]} {words[-1]} zygomorphe",
                                   fields=((10, f"{words[0]} {words[-1]} zygomorphe"),))
    # The last record of a type becomes one of the next: same postings, but previews keep other documents.
    edge = max(i for i in range(len(others) - 1) if others[i].type != others[i + 1].type)
    moved = dataclasses.replace(others[edge], type=others[edge + 1].type)
    edits = {
        "nothing": others,
        "a type's range ends one record sooner": [*others[:edge], moved, *others[edge + 1:]],
        "an event's title: head words and a new one": [*others[:event], retitled, *others[event + 1:]],
        "an event removed: every later doc id moves": [*others[:event], *others[event + 1:]],
        "an event added": [*others[:event + 1], dataclasses.replace(retitled, id="event:ajout"), *others[event + 1:]],
    }
    cut_anew = []
    real_shard = shards._Rows.shard
    monkeypatch.setattr(shards._Rows, "shard", lambda self, *args: cut_anew.append(1) or real_shard(self, *args))
    for edit, records in edits.items():
        assert static_index(records, labels, limits, head=head) == static_index(head_part + records, labels, limits), edit
    cut_anew.clear()
    again = []
    assert static_index(others, labels, limits, head=head, cuts=again) == first and not cut_anew
    # The head is kept again only when made, without shards, or when many shards were cut anew.
    assert not worth_saving(head, False, again[0]) and worth_saving(head, True, again[0])
    assert worth_saving(dataclasses.replace(head, cut=None), False, again[0])
    assert worth_saving(head, False, dataclasses.replace(again[0], shards={
        name: (words, leaf, bytes(bytearray(data))) for name, (words, leaf, data) in again[0].shards.items()}))
    # Shards cut with other limits are never taken.
    assert static_index(others, labels, head=head) == static_index(head_part + others, labels)
