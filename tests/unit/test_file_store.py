"""The file store shared by the channel (which saves) and the action server (which reads)."""
from pathlib import Path

import pytest

from jan_seva.whatsapp.file_store import FileOutsideStore, FileStore


def test_a_saved_file_is_found_again_from_its_path_with_the_default_relative_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    saved = FileStore(Path("var/files")).save(b"%PDF-1.4", ".pdf")
    reader = FileStore(Path("var/files"))  # another process, same settings
    assert reader.resolve(str(saved.path)) == saved.path.resolve()
    assert reader.path_of(saved.file_id) == saved.path


def test_paths_outside_the_store_are_refused(tmp_path):
    store = FileStore(tmp_path / "files")
    (tmp_path / "secret.txt").write_text("x")
    with pytest.raises(FileOutsideStore):
        store.resolve(str(tmp_path / "files" / ".." / "secret.txt"))
