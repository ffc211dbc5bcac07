"""The header search box's words: its no-JavaScript link says where it leads on each kind of site."""

from __future__ import annotations

from generator.search.labels import page_settings


def test_the_browse_link_names_what_it_opens():
    public, pro = page_settings("public", None), page_settings("pro", None)
    assert public["browse_url"] == "ressources/" and "ressources" in public["strings"]["browse"]
    assert pro["browse_url"] == "blog/" and pro["strings"]["browse"] == "Parcourir les billets du blog de l'espace pro"
    assert public["strings"]["browse_short"] == pro["strings"]["browse_short"] == "Parcourir"
