"""Officer accounts and departments, seeded from users.yml with passwords hashed at load time."""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, FrozenSet, List, Mapping, Optional

import yaml

from common.exposure import Secret

from .passwords import hash_password, verify_password

ROLES = ("officer", "department_head", "admin")
DEV_PASSWORD = "dev-password"


@dataclass(frozen=True)
class Department:
    key: str
    name: str
    lokseva: FrozenSet[str]
    open311: FrozenSet[str]


@dataclass(frozen=True)
class User:
    username: str
    name: str
    role: str
    department: Optional[Department]
    password_hash: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def sees_service_department(self, name: str) -> bool:
        return self.is_admin or (self.department is not None and name in self.department.lokseva)

    def sees_complaint_department(self, code: str) -> bool:
        return self.is_admin or (self.department is not None and code in self.department.open311)


class Directory:
    def __init__(self, departments: Dict[str, Department], users: Dict[str, User]):
        self.departments = departments
        self.users = users

    def assignable_by(self, user: User) -> List[User]:
        """Officers a department head (their department) or an admin (everyone) may give work to."""
        return [other for other in self.users.values() if not other.is_admin
                and (user.is_admin or (user.role == "department_head" and other.department == user.department))]

    def name_of(self, username: Optional[str]) -> Optional[str]:
        """The officer's name, for pages; a username no longer in users.yml as it is."""
        user = self.users.get(username or "")
        return user.name if user else username

    def authenticate(self, username: str, password: str) -> Optional[User]:
        user = self.users.get(username)
        # An unknown name costs the same hashing as a known one, so timing does not tell which names exist.
        matches = verify_password(password, user.password_hash if user else _unknown_user_hash())
        return user if user is not None and matches else None


@functools.lru_cache(maxsize=1)
def _unknown_user_hash() -> str:
    """A hash no password matches, checked when the username is unknown; made on first use, not at import."""
    return hash_password(os.urandom(16).hex())


def password_variable(username: str) -> str:
    return f"DASHBOARD_PASSWORD_{username.upper()}"


def password_secrets(path: Path, env: Mapping[str, str]) -> List[Secret]:
    """Every account's own password: exposed, no account may fall back to a shared or development one."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [(password_variable(item["username"]), env.get(password_variable(item["username"])), {DEV_PASSWORD})
            for item in data["users"]]


def load_directory(path: Path, env: Mapping[str, str]) -> Directory:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    departments = {
        key: Department(key, item["name"], frozenset(item.get("lokseva") or ()), frozenset(item.get("open311") or ()))
        for key, item in data["departments"].items()
    }
    fallback = env.get("DASHBOARD_DEV_PASSWORD", DEV_PASSWORD)
    users = {}
    for item in data["users"]:
        if item["role"] not in ROLES:
            raise ValueError(f"{path}: {item['username']}: unknown role {item['role']}")
        department = departments[item["department"]] if item.get("department") else None
        if department is None and item["role"] != "admin":
            raise ValueError(f"{path}: {item['username']}: only an admin may have no department")
        password = env.get(password_variable(item["username"]), fallback)
        users[item["username"]] = User(item["username"], item["name"], item["role"], department,
                                       hash_password(password))
    return Directory(departments, users)
