"""Uploaded documents and generated PDFs in a folder (FILE_STORE_DIR).

Keys are relative paths chosen by the API, never by clients.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


class FileStore:
    def __init__(self, root: Path):
        self.root = root.resolve()

    def save(self, folder: str, name: str, data: bytes) -> str:
        directory = self.root / folder
        directory.mkdir(parents=True, exist_ok=True)
        # Write then rename: a reader never sees half a file.
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=".tmp-")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, directory / name)
        return f"{folder}/{name}"

    def path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if self.root not in path.parents:
            raise ValueError(f"storage key outside the store: {key!r}")
        return path

    def read(self, key: str) -> bytes:
        return self.path(key).read_bytes()
