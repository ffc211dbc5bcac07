"""On the pro site, an event held in a library links to that library's pro page (its profile),
as the pro API and JSON-LD do."""

from __future__ import annotations

from generator.view import paths
from generator.pages.pro import pro_files
from tests.outputs.conftest import event, make_view


def test_a_pro_event_in_a_library_links_to_the_library_pro_page() -> None:
    view = make_view("pro", events=[event("reunion", scope="pro", library="vire")])
    files = pro_files(view, "example.org")
    page = files[paths.event("reunion")]
    assert '<a href="../../bibliotheques/vire/">Médiathèque vire</a>, 1 rue de la Poste' in page
    assert paths.library("vire") in files  # the page it links to is generated
