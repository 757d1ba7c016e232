"""Settings from the environment; every one has a default for local use."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import FrozenSet, List, Mapping, Optional

from common.exposure import Secret

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB_URL = f"sqlite:///{PROJECT_ROOT / 'var' / 'open311.db'}"
DEFAULT_PROFILE_DIR = PROJECT_ROOT / "profiles" / "indore"


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8002
    db_url: str = DEFAULT_DB_URL
    # Keys of Open311 clients (city apps, third parties): may submit complaints and read
    # complaints without anyone's contact details.
    api_keys: FrozenSet[str] = frozenset({"dev-open311-key"})
    # Keys of the WhatsApp bot, which acts for the citizen whose number it gives: their
    # complaints, photos, joining, reopening, rating. The local bot uses one key for both.
    bot_api_keys: FrozenSet[str] = frozenset({"dev-open311-key"})
    # The operator key may do everything, including status changes.
    operator_api_key: str = "dev-operator-key"
    jurisdiction_id: str = "indore.mp.gov.in"
    profile_dir: Path = DEFAULT_PROFILE_DIR

    def secrets(self) -> List[Secret]:
        """Each key with its local development value (a deployment sets its own)."""
        development = Settings()
        development_keys = development.api_keys | development.bot_api_keys
        return [("OPEN311_API_KEYS", ",".join(sorted(self.api_keys)) if not self.api_keys & development_keys
                 else None, ()),
                ("OPEN311_BOT_API_KEYS", ",".join(sorted(self.bot_api_keys))
                 if not self.bot_api_keys & development_keys else None, ()),
                ("OPEN311_OPERATOR_API_KEY", self.operator_api_key, {development.operator_api_key})]

    @classmethod
    def from_env(cls, environ: Optional[Mapping[str, str]] = None) -> "Settings":
        env = os.environ if environ is None else environ
        defaults = cls()
        return cls(
            host=env.get("OPEN311_HOST") or defaults.host,
            port=int(env.get("OPEN311_PORT") or defaults.port),
            db_url=env.get("OPEN311_DB_URL") or defaults.db_url,
            api_keys=_keys(env.get("OPEN311_API_KEYS")) or defaults.api_keys,
            bot_api_keys=_keys(env.get("OPEN311_BOT_API_KEYS")) or defaults.bot_api_keys,
            operator_api_key=env.get("OPEN311_OPERATOR_API_KEY") or defaults.operator_api_key,
            jurisdiction_id=env.get("OPEN311_JURISDICTION_ID") or defaults.jurisdiction_id,
            profile_dir=Path(env.get("OPEN311_PROFILE_DIR") or defaults.profile_dir),
        )


def _keys(listed: Optional[str]) -> FrozenSet[str]:
    return frozenset(key.strip() for key in (listed or "").split(",") if key.strip())
