"""Harvested titles in a portal's docs tree: newest ten on the resource page, paginated listings,
links through the site's access strategy (pure generation, no engine run)."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta
from urllib.parse import quote

import pytest
import yaml

from generator.build import load_graph
from generator.work_tree import generate_site
from generator.models.title import Title
from generator.view.site_view import SiteView
from tests.conftest import DEMO_NOW, REPO


def make_titles(resource: str, count: int, **extra) -> tuple[Title, ...]:
    start = date(2026, 1, 1)
    titles = [
        Title(id=f"guid:{resource}{n:05d}", resource=resource, source="test", title=f"Titre {n:03d}",
              authors=["Anne Autrice"], summary_html="<p>Résumé.</p>", url=f"https://provider.example.org/t/{n}",
              kind="livre", published=start, first_seen=start + timedelta(days=n), last_seen=start, **extra)
        for n in range(count)
    ]
    return tuple(sorted(titles, key=lambda t: t.first_seen, reverse=True))


@pytest.fixture(scope="module")
def graph():
    base = load_graph(REPO)
    titles = dict(base.titles)
    titles["pnb"] = make_titles("pnb", 120)
    return dataclasses.replace(base, titles=titles)


@pytest.fixture(scope="module")
def calvados_docs(graph):
    return generate_site(graph, graph.site("calvados"), DEMO_NOW)


def items(page: str) -> list[str]:
    return re.findall(r'data-bn-title="([^"]+)"', page)


def test_resource_page_shows_the_newest_ten_and_links_to_all(calvados_docs) -> None:
    page = calvados_docs["docs/ressources/pnb/index.md"]
    shown = items(page)
    assert shown == [f"guid:pnb{n:05d}" for n in range(119, 109, -1)]
    assert 'href="../../ressources/pnb/titres/">Tous les titres (120)</a>' in page


def test_listing_pages_hold_fifty_titles_each_with_previous_and_next(calvados_docs) -> None:
    first = calvados_docs["docs/ressources/pnb/titres/index.md"]
    second = calvados_docs["docs/ressources/pnb/titres/page-2/index.md"]
    third = calvados_docs["docs/ressources/pnb/titres/page-3/index.md"]
    assert "docs/ressources/pnb/titres/page-4/index.md" not in calvados_docs
    assert [len(items(p)) for p in (first, second, third)] == [50, 50, 20]
    assert items(first)[0] == "guid:pnb00119" and items(third)[-1] == "guid:pnb00000"
    assert "Page 1 sur 3" in first and "Page précédente" not in first
    assert 'href="../../../ressources/pnb/titres/page-2/" rel="next">Page suivante' in first
    assert 'href="../../../../ressources/pnb/titres/" rel="prev">Page précédente' in second
    assert 'href="../../../../ressources/pnb/titres/page-3/" rel="next">Page suivante' in second
    assert "Page suivante" not in third
    front = yaml.safe_load(second.split("---")[1])
    assert front["title"] == "Titres — Prêt numérique en bibliothèque (PNB) (page 2 sur 3)"
    assert "titres" not in calvados_docs["mkdocs.yml"]  # never in the nav


def test_title_shows_authors_date_kind_summary(calvados_docs) -> None:
    page = calvados_docs["docs/ressources/pnb/titres/index.md"]
    assert "Anne Autrice · " in page and "Paru le 1 janv. 2026" in page and "· Livre</p>" in page
    assert '<div class="bn-title__summary"><p>Résumé.</p></div>' in page


def test_title_links_go_through_each_sites_access(graph) -> None:
    title = graph.titles["pnb"][0]
    calvados = SiteView.build(graph, graph.site("calvados"), DEMO_NOW)
    caen = SiteView.build(graph, graph.site("caen"), DEMO_NOW)
    assert calvados.title_link(title).url == (
        "https://proxy.boitenumerique.example.org/login?qurl=" + quote(title.url, safe=""))
    assert caen.title_link(title).url == (
        "https://cas.caenlamer.example.org/cas/login?service=" + quote(title.url, safe=""))


@pytest.mark.parametrize("resource, expected", [
    ("gallica", "https://provider.example.org/t/0"),  # direct: the title's own address
    ("music-me", None),  # template: through the resource page
    ("europresse", None),  # on site only
])
def test_title_links_by_access_kind(graph, resource: str, expected: str | None) -> None:
    view = SiteView.build(graph, graph.site("calvados"), DEMO_NOW)
    title = make_titles(resource, 1)[0]
    link = view.title_link(title)
    assert (link.url if link else None) == expected


def test_unusable_title_urls_fall_back_to_the_resource_page(graph) -> None:
    view = SiteView.build(graph, graph.site("calvados"), DEMO_NOW)
    assert view.title_link(make_titles("pnb", 1)[0].model_copy(update={"url": None})) is None
    http = make_titles("pnb", 1)[0].model_copy(update={"url": "http://provider.example.org/t/0"})
    assert view.title_link(http) is None  # the site does not allow plain http


def test_resources_without_titles_have_no_titles_section(calvados_docs) -> None:
    assert "bn-resource-titles" not in calvados_docs["docs/ressources/cafeyn/index.md"]
    assert not any(path.startswith("docs/ressources/cafeyn/titres") for path in calvados_docs)


# The items as the template wrote them before generator/pages/titles.py took them over.
JINJA_ITEMS = """{% for t in titles %}
{% set link = view.title_link(t) %}
<li class="bn-title" data-bn-title="{{ t.id }}">
<h{{ level }} class="bn-title__name">{% if link %}<a href="{{ link.url }}" rel="noopener">{{ t.title }} \
<span class="bn-visually-hidden">{{ _("resource.opens_provider") }}</span></a>{% else %}\
<a href="{{ base }}{{ url('resource', t.resource) }}">{{ t.title }}</a>{% endif %}</h{{ level }}>
<p class="bn-title__meta">{% if t.authors %}{{ t.authors|join(", ") }} · {% endif %}{% if t.published %}\
<time datetime="{{ t.published.isoformat() }}">{{ _("titles.published", date=t.published|short_date) }}</time> · \
{% endif %}{{ _("titles.kind." ~ t.kind) }}</p>
{% if t.summary_html %}
<div class="bn-title__summary">{{ t.summary_html|safe }}</div>
{% endif %}
</li>
{% endfor %}
"""


@pytest.mark.parametrize("site", ["calvados", "caen"])
@pytest.mark.parametrize("level", [2, 3])
def test_title_items_are_what_the_template_wrote(graph, site, level) -> None:
    from generator.pages.titles import title_items
    from generator.pages.environment import environment

    view = SiteView.build(graph, graph.site(site), DEMO_NOW)
    odd = [t.model_copy(update=changes) for t, changes in zip(make_titles("pnb", 4), [
        {"title": 'Tom & "Jerry" <b>\'s', "authors": ["A & B", "<C>"], "id": 'guid:"x"&<y>'},
        {"authors": [], "published": None, "summary_html": "", "url": None, "kind": "presse"},
        {"url": "http://provider.example.org/plain", "kind": "video"},
        {"url": 'https://provider.example.org/t?a=1&b="2"'},
    ])]
    titles = [*graph.titles["pnb"][:5], *make_titles("gallica", 2), *make_titles("europresse", 1), *odd]
    expected = environment().from_string(JINJA_ITEMS).render(view=view, titles=titles, base="../../", level=level)
    assert str(title_items(view, titles, "../../", level)) == expected
