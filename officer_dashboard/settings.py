"""Configuration from the environment; every value has a local default."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional

from common.exposure import is_loopback

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent
# For local use only; a deployment sets its own secret.
DEV_SECRET_KEY = "dev-dashboard-secret-change-me"
DEV_LOKSEVA_KEY = "local-officer-key"  # the local APIs' development keys
DEV_OPEN311_KEY = "dev-operator-key"


@dataclass(frozen=True)
class Settings:
    db_url: str
    secret_key: str
    lokseva_url: str
    lokseva_key: str
    open311_url: str
    open311_key: str
    open311_georeport_url: str  # public GeoReport v2 endpoint: the category names
    rasa_url: str
    users_file: Path
    rasa_token: Optional[str] = None  # Rasa's API token (RASA_API_TOKEN), when the server requires one
    host: str = "127.0.0.1"
    port: int = 8005
    cookie_secure: bool = False
    login_attempts: int = 5  # failed logins of one username from one address
    login_user_attempts: int = 20  # of one username from anywhere
    login_address_attempts: int = 100  # from one address whatever the usernames: password spraying
    login_window_s: int = 300
    http_timeout_s: float = 10.0

    @classmethod
    def from_env(cls, env: Optional[Mapping[str, str]] = None) -> "Settings":
        env = os.environ if env is None else env
        return cls(
            db_url=env.get("DASHBOARD_DB_URL", f"sqlite:///{REPO_ROOT / 'var' / 'dashboard.db'}"),
            secret_key=env.get("DASHBOARD_SECRET_KEY", DEV_SECRET_KEY),
            lokseva_url=env.get("LOKSEVA_API_URL", "http://127.0.0.1:8001").rstrip("/"),
            lokseva_key=env.get("LOKSEVA_OFFICER_API_KEY", DEV_LOKSEVA_KEY),
            open311_url=env.get("OPEN311_OPERATOR_URL", "http://127.0.0.1:8002/api/v1").rstrip("/"),
            open311_key=env.get("OPEN311_OPERATOR_API_KEY", DEV_OPEN311_KEY),
            open311_georeport_url=env.get("OPEN311_API_URL", "http://127.0.0.1:8002/open311/v2").rstrip("/"),
            rasa_url=env.get("RASA_URL", "http://127.0.0.1:5005").rstrip("/"),
            rasa_token=env.get("RASA_API_TOKEN") or None,
            users_file=Path(env.get("DASHBOARD_USERS_FILE", PACKAGE_DIR / "users.yml")),
            host=env.get("DASHBOARD_HOST", "127.0.0.1"),
            port=int(env.get("DASHBOARD_PORT", "8005")),
            # HTTPS only once officers reach it from elsewhere; plain HTTP works on this machine
            cookie_secure=env.get("DASHBOARD_COOKIE_SECURE", "").lower() in ("1", "true", "yes")
            if env.get("DASHBOARD_COOKIE_SECURE") else not is_loopback(env.get("DASHBOARD_HOST", "127.0.0.1")),
            login_attempts=int(env.get("DASHBOARD_LOGIN_ATTEMPTS", "5")),
            login_user_attempts=int(env.get("DASHBOARD_LOGIN_USER_ATTEMPTS", "20")),
            login_address_attempts=int(env.get("DASHBOARD_LOGIN_ADDRESS_ATTEMPTS", "100")),
            login_window_s=int(env.get("DASHBOARD_LOGIN_WINDOW_S", "300")),
        )
