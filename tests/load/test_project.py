"""Reading a project's files: the size bound and the preview's parse cache."""

from pathlib import Path

import pytest

from generator.errors import BibnumError
from generator.load.project import DEFAULT_MAX_FILE_SIZE, ParseCache, max_file_size


@pytest.mark.parametrize(
    ("setting", "size"),
    [(None, DEFAULT_MAX_FILE_SIZE), ("", DEFAULT_MAX_FILE_SIZE), ("2000000", 2_000_000), ("5M", 5_000_000),
     ("500k", 500_000), ("3 Mo", 3_000_000), ("2MB", 2_000_000)],
)
def test_the_size_limit_setting(setting, size):
    assert max_file_size(setting) == size


@pytest.mark.parametrize("setting", ["beaucoup", "-1", "0", "1.5M", "5G"])
def test_an_unreadable_size_limit_is_a_clear_error(setting):
    with pytest.raises(BibnumError, match="BIBNUM_MAX_FILE_SIZE=.* : taille illisible"):
        max_file_size(setting)


def test_the_parse_cache_parses_again_when_what_the_parse_depends_on_changed(tmp_path: Path):
    page = tmp_path / "p.md"
    page.write_text("---\ntitle: T\n---\n", encoding="utf-8")
    cache, calls = ParseCache(), []

    def parse(found):
        calls.append(1)
        return "doc"

    for extensions in (("attr_list",), ("attr_list",), ("attr_list", "footnotes")):
        assert cache.parsed(page, [], parse, depends_on=extensions) == "doc"
    assert len(calls) == 2  # the same file and extensions: parsed once
