"""Configuration from the environment; every value has a local default."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import List, Mapping, Optional

from common.exposure import Secret

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PROFILE_DIR = REPO_ROOT / "profiles" / "jhabua"
# For local use only; a deployment sets its own keys and secret.
DEFAULT_OFFICER_API_KEY = "local-officer-key"
DEFAULT_CLIENT_API_KEY = "local-client-key"
DEFAULT_LINK_SECRET = "local-link-secret"


@dataclass(frozen=True)
class Settings:
    db_url: str
    file_store_dir: Path
    profile_dir: Path
    catalogue_path: Path
    officer_api_key: str
    public_url: str
    client_api_key: str = DEFAULT_CLIENT_API_KEY
    link_secret: str = DEFAULT_LINK_SECRET
    host: str = "127.0.0.1"
    port: int = 8001
    max_upload_bytes: int = 5 * 1024 * 1024
    font_dir: Optional[Path] = None

    def secrets(self) -> List[Secret]:
        """Each secret with its local development value (a deployment sets them all)."""
        return [("LOKSEVA_OFFICER_API_KEY", self.officer_api_key, {DEFAULT_OFFICER_API_KEY}),
                ("LOKSEVA_CLIENT_API_KEY", self.client_api_key, {DEFAULT_CLIENT_API_KEY}),
                ("LOKSEVA_LINK_SECRET", self.link_secret, {DEFAULT_LINK_SECRET})]

    @classmethod
    def from_env(cls, env: Optional[Mapping[str, str]] = None) -> "Settings":
        env = os.environ if env is None else env
        host = env.get("LOKSEVA_HOST", "127.0.0.1")
        port = int(env.get("LOKSEVA_PORT", "8001"))
        profile_dir = Path(env.get("LOKSEVA_PROFILE_DIR", DEFAULT_PROFILE_DIR))
        font_dir = env.get("LOKSEVA_FONT_DIR")
        return cls(
            db_url=env.get("LOKSEVA_DB_URL", f"sqlite:///{REPO_ROOT / 'var' / 'lokseva.db'}"),
            file_store_dir=Path(env.get("FILE_STORE_DIR", REPO_ROOT / "var" / "files")),
            profile_dir=profile_dir,
            catalogue_path=Path(env.get("LOKSEVA_CATALOGUE", profile_dir / "services.yml")),
            officer_api_key=env.get("LOKSEVA_OFFICER_API_KEY", DEFAULT_OFFICER_API_KEY),
            client_api_key=env.get("LOKSEVA_CLIENT_API_KEY", DEFAULT_CLIENT_API_KEY),
            link_secret=env.get("LOKSEVA_LINK_SECRET", DEFAULT_LINK_SECRET),
            public_url=env.get("LOKSEVA_PUBLIC_URL", f"http://{host}:{port}").rstrip("/"),
            host=host,
            port=port,
            max_upload_bytes=int(env.get("LOKSEVA_MAX_UPLOAD_BYTES", 5 * 1024 * 1024)),
            font_dir=Path(font_dir) if font_dir else None,
        )
