"""Everything the routes need, built once from the settings."""
from __future__ import annotations

import os
from dataclasses import dataclass

from fastapi import Request

from .assignments import Assignments
from .audit import AuditLog
from .backends import LokSevaClient, Open311Client
from .db import open_dashboard_db
from .items import Items
from .notify import Notifier
from .rasa_client import RasaClient
from .security import LoginLimiter, LoginLimits
from .sessions import SessionStore
from .settings import Settings
from .users import Directory, load_directory
from .workflow import Workflow


@dataclass(frozen=True)
class Dashboard:
    settings: Settings
    directory: Directory
    items: Items
    workflow: Workflow
    audit: AuditLog
    notifier: Notifier
    rasa: RasaClient
    assignments: Assignments
    limiter: LoginLimiter
    session_store: SessionStore

    @classmethod
    def build(cls, settings: Settings) -> "Dashboard":
        sessions = open_dashboard_db(settings.db_url)
        lokseva = LokSevaClient(settings.lokseva_url, settings.lokseva_key, settings.http_timeout_s)
        open311 = Open311Client(settings.open311_url, settings.open311_key, settings.http_timeout_s,
                                settings.open311_georeport_url)
        items = Items(lokseva, open311)
        audit = AuditLog(sessions)
        rasa = RasaClient(settings.rasa_url, settings.rasa_token, settings.http_timeout_s)
        notifier = Notifier(rasa, sessions)
        assignments = Assignments(sessions)
        return cls(
            settings=settings,
            directory=load_directory(settings.users_file, os.environ),
            items=items,
            workflow=Workflow(items, lokseva, open311, audit, notifier, assignments),
            audit=audit,
            notifier=notifier,
            rasa=rasa,
            assignments=assignments,
            limiter=LoginLimiter(LoginLimits(settings.login_attempts, settings.login_user_attempts,
                                             settings.login_address_attempts, settings.login_window_s)),
            session_store=SessionStore(sessions),
        )


def get_dashboard(request: Request) -> Dashboard:
    return request.app.state.dashboard
