import pytest

from generator.errors import UnsafePath
from generator.writer import GuardedWriter


def test_writes_only_what_changed(tmp_path):
    first = GuardedWriter(tmp_path)
    first.write_all({"a.md": "A", "dir/b.md": "B"})
    assert sorted(first.report.written) == ["a.md", "dir/b.md"]
    mtime = (tmp_path / "a.md").stat().st_mtime_ns

    second = GuardedWriter(tmp_path)
    second.write_all({"a.md": "A", "dir/b.md": "B2"})
    assert second.report.written == ["dir/b.md"]
    assert second.report.unchanged == 1
    assert (tmp_path / "a.md").stat().st_mtime_ns == mtime
    assert (tmp_path / "dir/b.md").read_text() == "B2"


def test_removes_stale_files_and_empty_folders(tmp_path):
    GuardedWriter(tmp_path).write_all({"keep.md": "k", "old/gone.md": "g"})
    writer = GuardedWriter(tmp_path)
    writer.write("keep.md", "k")
    writer.remove_stale()
    assert writer.report.removed == ["old/gone.md"]
    assert not (tmp_path / "old").exists()


def test_kept_files_stay_untouched_and_count_as_written_once(tmp_path):
    GuardedWriter(tmp_path).write_all({"family/a.md": "A", "other.md": "o", "gone.md": "g"})
    mtime = (tmp_path / "family/a.md").stat().st_mtime_ns
    writer = GuardedWriter(tmp_path)
    writer.write("other.md", "o2")
    writer.keep(["family/a.md"])
    writer.remove_stale()
    assert writer.report.written == ["other.md"] and writer.report.removed == ["gone.md"]
    assert (tmp_path / "family/a.md").stat().st_mtime_ns == mtime
    with pytest.raises(UnsafePath, match="écrit deux fois"):
        writer.keep(["other.md"])
    with pytest.raises(UnsafePath, match="hors de"):
        writer.keep(["../escape.md"])


@pytest.mark.parametrize("path", ["../escape.md", "/etc/passwd", "a/../../b", "", "a\\..\\b", "x\x00y"])
def test_refuses_paths_outside_root(tmp_path, path):
    with pytest.raises(UnsafePath):
        GuardedWriter(tmp_path / "out").write(path, "x")
    assert not (tmp_path / "escape.md").exists()


def test_refuses_symlink_escape(tmp_path):
    root = tmp_path / "out"
    root.mkdir()
    (root / "link").symlink_to(tmp_path)
    with pytest.raises(UnsafePath):
        GuardedWriter(root).write("link/escape.md", "x")


def test_refuses_a_file_that_links_outside_and_follows_one_that_links_inside(tmp_path):
    root = tmp_path / "out"
    (root / "docs").mkdir(parents=True)
    secret = tmp_path / "secret.txt"
    secret.write_text("untouched", encoding="utf-8")
    (root / "docs" / "page.md").symlink_to(secret)
    (root / "docs" / "alias.md").symlink_to(root / "docs" / "real.md")
    writer = GuardedWriter(root)
    with pytest.raises(UnsafePath, match="hors de"):
        writer.write("docs/page.md", "x")
    assert secret.read_text(encoding="utf-8") == "untouched"
    writer.write("docs/alias.md", "inside")
    assert (root / "docs" / "real.md").read_text(encoding="utf-8") == "inside"
    with pytest.raises(UnsafePath, match="écrit deux fois"):  # the same file under two names
        writer.write("docs/real.md", "again")


def test_refuses_writing_a_file_twice(tmp_path):
    writer = GuardedWriter(tmp_path)
    writer.write("a.md", "1")
    with pytest.raises(UnsafePath, match="écrit deux fois"):
        writer.write("a.md", "2")
