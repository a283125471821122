"""The index cache: versioned, built atomically, rebuilt when the data changes."""

import pytest

from geo import gazetteer as gz


@pytest.fixture
def fake_builds(tmp_path, monkeypatch):
    """A cache in tmp_path and a builder that records its calls."""
    monkeypatch.setenv("CLAIMMAP_CACHE_DIR", str(tmp_path))
    calls = []

    def fake_build_index(out_dir, progress=True):
        calls.append(out_dir)
        (out_dir / "columns.pkl").write_bytes(b"x")
        return {"places": 1}

    monkeypatch.setattr(gz, "build_index", fake_build_index)
    return tmp_path, calls


def test_index_build_goes_into_a_folder_named_by_data_version(fake_builds):
    root, calls = fake_builds
    folder = gz.build(progress=False)
    assert folder == root / "gazetteer" / gz.data_version()
    assert (folder / "complete").exists() and (folder / "columns.pkl").exists()


def test_index_build_runs_once_per_version(fake_builds):
    _, calls = fake_builds
    gz.build(progress=False)
    gz.build(progress=False)
    assert len(calls) == 1
    gz.build(progress=False, force=True)
    assert len(calls) == 2


def test_index_rebuilt_and_old_removed_when_data_version_changes(fake_builds, monkeypatch):
    root, calls = fake_builds
    old = gz.build(progress=False)
    monkeypatch.setattr(gz, "data_version", lambda: "newversion00")
    new = gz.build(progress=False)
    assert len(calls) == 2 and new.name == "newversion00" and not old.exists()


def test_index_interrupted_build_leaves_no_index(fake_builds, monkeypatch):
    root, _ = fake_builds

    def crash(out_dir, progress=True):
        (out_dir / "columns.pkl").write_bytes(b"half")
        raise KeyboardInterrupt

    monkeypatch.setattr(gz, "build_index", crash)
    with pytest.raises(KeyboardInterrupt):
        gz.build(progress=False)
    assert not (root / "gazetteer" / gz.data_version()).exists()
    assert list((root / "gazetteer").iterdir()) == []


def test_index_damaged_cache_is_a_clear_error(tmp_path):
    from geo import DataError

    (tmp_path / "columns.pkl").write_bytes(b"not a pickle")
    with pytest.raises(DataError, match="gazetteer build --force"):
        gz.Gazetteer(tmp_path)


def test_index_data_version_changes_with_builder_code(monkeypatch, tmp_path):
    before = gz.data_version()
    monkeypatch.setattr(gz, "INDEX_FORMAT", "other")
    assert gz.data_version() != before
