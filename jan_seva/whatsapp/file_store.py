"""The folder where citizens' files are kept (`FILE_STORE_DIR`, default var/files).

Files received on WhatsApp go to `<FILE_STORE_DIR>/whatsapp/<file_id><ext>`
with ids `wa-<32 hex digits>`. Files the bot sends are named by a path
inside the store; anything outside it is refused, so an action can never
make the channel upload an arbitrary file of the server.
"""
from __future__ import annotations

import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

SUBFOLDER = "whatsapp"
_FILE_ID = re.compile(r"^wa-[0-9a-f]{32}$")


class FileOutsideStore(ValueError):
    pass


@dataclass(frozen=True)
class StoredFile:
    file_id: str
    path: Path


class FileStore:
    def __init__(self, root: Path) -> None:
        # Absolute, so that a path handed to another process (the action server) resolves there too.
        self.root = Path(root).resolve()

    def save(self, data: bytes, extension: str) -> StoredFile:
        file_id = f"wa-{uuid.uuid4().hex}"
        folder = self.root / SUBFOLDER
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{file_id}{extension}"
        partial = path.with_name(path.name + ".part")
        partial.write_bytes(data)
        os.replace(partial, path)  # readers never see half a file
        return StoredFile(file_id, path)

    def path_of(self, file_id: str) -> Optional[Path]:
        """Where a received file is, from the id given to Rasa."""
        if not _FILE_ID.match(file_id):
            return None
        return next((self.root / SUBFOLDER).glob(f"{file_id}.*"), None)

    def resolve(self, reference: str) -> Path:
        """An existing file named by a path relative to the store (or absolute inside it)."""
        path = Path(reference)
        path = (path if path.is_absolute() else self.root / path).resolve()
        if self.root not in path.parents:
            raise FileOutsideStore(f"{reference!r} is not inside the file store")
        if not path.is_file():
            raise FileNotFoundError(f"{reference!r} is not a file in the file store")
        return path
