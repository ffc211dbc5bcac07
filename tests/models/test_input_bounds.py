"""Bounded input (issue 12): lengths of texts and of names that become file names, e-mail addresses,
a logo's path inside its look; each refusal told in French at its key."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from generator.build import load_graph
from generator.errors import ProjectInvalid
from generator.models.base import NAME_MAX, PAGE_NAME_MAX, TEXT_MAX, name_length
from generator.models.content import PostMeta
from generator.models.group import Group
from generator.models.library import Library
from generator.models.network_facts import Town, town_slug
from generator.models.site import Site
from generator.models.taxonomy import Taxonomy

LIBRARY = {
    "id": "bayeux", "name": "Médiathèque", "town": "Bayeux",
    "address": {"street": "1 rue", "postcode": "14400", "city": "Bayeux"}, "joined": 2016, "sites": ["portail"],
}
SITE = {"id": "portail", "kind": "public", "name": "Portail", "tagline": "Lire", "url": "https://x.example/",
        "look": "portail", "palette": {"primary": "#1d4f91", "accent": "#b3261e"}}
TAXONOMY = {key: [] for key in ("categories", "audiences", "devices", "languages", "event_kinds")}


def refusal(cls, data: dict) -> list[tuple[tuple, str]]:
    with pytest.raises(ValidationError) as exc:
        cls.model_validate(data)
    return [(err["loc"], err["msg"]) for err in exc.value.errors()]


def test_a_plain_text_has_a_length_limit_and_a_field_keeps_its_own_lower_one() -> None:
    assert Library.model_validate({**LIBRARY, "name": "M" * TEXT_MAX}).name == "M" * TEXT_MAX
    [(loc, _msg)] = refusal(Library, {**LIBRARY, "name": "M" * (TEXT_MAX + 1)})
    assert loc == ("name",)
    [(loc, _msg)] = refusal(Library, {**LIBRARY, "local_network": "R" * 121})  # its field says 120
    assert loc == ("local_network",)


def test_a_slug_has_a_length_limit() -> None:
    assert Site.model_validate({**SITE, "look": "l" * NAME_MAX}).look == "l" * NAME_MAX
    [(loc, _msg)] = refusal(Site, {**SITE, "look": "l" * (NAME_MAX + 1)})
    assert loc == ("look",)


def test_a_refused_slug_is_quoted_short() -> None:
    [(_loc, msg)] = refusal(Group, {"id": "Groupe " * 10, "kind": "copil", "name": "G", "summary": "S"})
    assert "…" in msg and len(msg) < 200


def test_a_blog_category_names_a_page_so_its_length_is_bounded() -> None:
    ok = Taxonomy.model_validate({**TAXONOMY, "blog_categories": ["c" * PAGE_NAME_MAX]})
    assert ok.blog_categories == ["c" * PAGE_NAME_MAX]
    [(loc, msg)] = refusal(Taxonomy, {**TAXONOMY, "blog_categories": ["Vie", "c" * (PAGE_NAME_MAX + 1)]})
    assert loc == ("blog_categories", 1)
    assert f"{PAGE_NAME_MAX + 1} caractères ; {PAGE_NAME_MAX} au plus" in msg
    [(loc, _msg)] = refusal(PostMeta, {"title": "T", "date": "2026-01-02",
                                       "categories": ["c" * (PAGE_NAME_MAX + 1)]})
    assert loc == ("categories", 0)


@pytest.mark.parametrize("sign", ["e", "é", "漢", "𝒜", "İ", '"', "'", "&", "_", "~", "{"])
def test_the_longest_category_gives_the_engine_an_address_that_fits_a_file_name(sign: str) -> None:
    """The blog plugin names a category's folder with its slug of the name as bibnum gives it."""
    from pymdownx.slugs import slugify

    from generator.render.engine_text import markdown_text

    name = sign * (PAGE_NAME_MAX // name_length(sign))
    Taxonomy.model_validate({**TAXONOMY, "blog_categories": [name]})
    assert len(slugify(case="lower")(str(markdown_text(name)), "-").encode("utf-8")) <= 240


def test_a_name_is_measured_as_a_browser_counts_it() -> None:
    # Characters beyond the BMP take 4 bytes of UTF-8: they count twice.
    assert name_length("é" * 10) == 10 and name_length("𝒜" * 10) == 20
    [(loc, _msg)] = refusal(Taxonomy, {**TAXONOMY, "blog_categories": ["𝒜" * (PAGE_NAME_MAX // 2 + 1)]})
    assert loc == ("blog_categories", 0)


def test_a_town_whose_address_is_too_long_is_refused_by_its_address_length() -> None:
    # Short enough as a text, but its letters expand: the address is what becomes a file name.
    name = "ⅷ" * 25  # the roman numeral eight: four letters once decomposed
    assert len(name) < TEXT_MAX and len(town_slug(name)) > NAME_MAX
    [(loc, msg)] = refusal(Town, {"name": name, "population": 10})
    assert loc == ("name",)
    assert f"{len(town_slug(name))} caractères ; {NAME_MAX} au plus" in msg and "agenda/communes/" in msg
    [(loc, _msg)] = refusal(Library, {**LIBRARY, "town": "Saint " * 20})
    assert loc == ("town",)
    assert Library.model_validate({**LIBRARY, "town": "Saint-Germain-la-Blanche-Herbe"}).town


@pytest.mark.parametrize("address", [
    "contact@reseau.example.fr", "prenom.nom+bib@mairie-caen.fr", "médiathèque@bibliothèques.example.fr",
])
def test_an_email_address_is_accepted(address: str) -> None:
    assert Library.model_validate({**LIBRARY, "email": address}).email == address


@pytest.mark.parametrize("address", [
    "contact", "contact@", "@reseau.fr", "contact@reseau", "a@b@reseau.fr", "con tact@reseau.fr",
    'contact"@reseau.fr', "<contact@reseau.fr>", "contact@reseau.fr>x", "contact@-reseau.fr",
    "{{x}}@reseau.fr", "a|b@reseau.fr",
    "contact@reseau..fr", "con\x07tact@reseau.fr", "contact@reseau.f", "javascript:x@reseau.fr",
])
def test_an_email_address_is_refused(address: str) -> None:
    [(loc, msg)] = refusal(Library, {**LIBRARY, "email": address})
    assert loc == ("email",) and "adresse électronique" in msg and "contact@reseau.example.fr" in msg


def test_every_email_field_is_checked() -> None:
    assert refusal(Group, {"id": "g", "kind": "copil", "name": "G", "summary": "S", "contact_email": "g@"})
    assert refusal(Site, {**SITE, "contact_email": "x y@z.fr"})
    assert refusal(Site, {**SITE, "accessibility": {"organisation": "O", "contact_email": "a11y"}})


@pytest.mark.parametrize("logo", ["logo.svg", "images/logo-2.svg", "a_b/c.d/e.png"])
def test_a_logo_path_inside_the_look_is_accepted(logo: str) -> None:
    assert Site.model_validate({**SITE, "logo": logo}).logo == logo


@pytest.mark.parametrize("logo", [
    "../../etc/passwd", "/etc/passwd", "images/../../x.svg", "logo .svg", "logo\\x.svg", ".svg", "",
    "a/" * 5 + "logo.svg", "l" * (NAME_MAX + 1), "logo.svg/",
])
def test_a_logo_path_leaving_the_look_or_too_long_is_refused(logo: str) -> None:
    [(loc, _msg)] = refusal(Site, {**SITE, "logo": logo})
    assert loc == ("logo",)


def test_check_tells_an_email_and_a_long_town_at_their_lines(demo_copy: Path) -> None:
    """Through the whole check: French messages at the keys' lines, every file still checked."""
    target = demo_copy / "data/libraries/bayeux.yml"
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    data["email"] = "bibliotheque bayeux@example.fr"
    data["town"] = "Bayeux " * 20
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    target.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    with pytest.raises(ProjectInvalid) as exc:
        load_graph(demo_copy)
    told = {(p.location.file, p.location.line): p.message for p in exc.value.problems}
    email_line = next(n for n, line in enumerate(lines, 1) if line.startswith("email:"))
    town_line = next(n for n, line in enumerate(lines, 1) if line.startswith("town:"))
    assert "n'est pas une adresse électronique" in told[("data/libraries/bayeux.yml", email_line)]
    assert "agenda/communes/" in told[("data/libraries/bayeux.yml", town_line)]


def test_a_harvested_event_id_fits_a_name_whatever_its_source_id() -> None:
    from generator.harvest.parsers.ical import event_id
    from generator.models.source import SOURCE_ID_MAX, Source

    uid = "evenement-tres-long-numero-4521-de-la-mediatheque-municipale@agenda.example.fr"
    assert event_id("agenda-ifs", uid) == "agenda-ifs-evenement-tres-long-numero-4521-" + event_id("x", uid)[-8:]
    assert len(event_id("s" * SOURCE_ID_MAX, uid)) <= NAME_MAX
    source = yaml.safe_load((Path(__file__).parents[2] / "data/sources.yml").read_text(encoding="utf-8"))["sources"][0]
    assert Source.model_validate({**source, "id": "s" * SOURCE_ID_MAX})
    [(loc, _msg)] = refusal(Source, {**source, "id": "s" * (SOURCE_ID_MAX + 1)})
    assert loc == ("id",)


def test_an_unknown_id_message_cuts_long_values() -> None:
    from generator.messages import unknown_id

    message = unknown_id("blog_category", "x" * 5000, {"Formation", "y" * 5000}, "data/taxonomy.yml", "y" * 5000)
    assert "Formation" in message and "x" * 59 + "…" in message and len(message) < 600


def test_a_huge_title_is_a_check_error_at_its_line(demo_copy: Path) -> None:
    target = demo_copy / "data/resources/izneo.yml"
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    data["title"] = "Izneo " * 40_000  # 240 kB: under the file size limit, far over a title's
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**7), encoding="utf-8")
    with pytest.raises(ProjectInvalid) as exc:
        load_graph(demo_copy)
    [problem] = exc.value.problems
    assert (problem.location.file, problem.location.line) == ("data/resources/izneo.yml", 1)
    assert f"caractères ; {TEXT_MAX} au plus" in problem.message and len(problem.message) < 200
