"""Secure by default: a process that others can reach does not start with a development secret.

A process is exposed when it listens beyond loopback or when it serves real
citizens: an access token (`WHATSAPP_ACCESS_TOKEN`) for a Graph API that is
not on this machine (`WHATSAPP_API_URL` unset means Meta's; the local
emulator does not count). Exposed, it refuses
to start while any secret it uses is missing or still at its development
value, naming each variable to set. Unexposed, as `make run` starts it on a
fresh machine, the development values are what make it work without setup.
"""
from __future__ import annotations

import ipaddress
import os
import sys
from typing import Iterable, Mapping, Optional, Sequence, Tuple
from urllib.parse import urlsplit

# Exit status of a refused start: EX_CONFIG (sysexits.h), a configuration error.
REFUSED = 78

# A secret: (environment variable, its value in use, the development values it must not have).
Secret = Tuple[str, Optional[str], Iterable[str]]


def is_loopback(host: str) -> bool:
    """127.0.0.1, ::1, localhost: reachable only from this machine."""
    name = host.strip().strip("[]")
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False  # a host name or 0.0.0.0 reaches beyond this machine


def talks_to_meta(env: Mapping[str, str]) -> bool:
    api_url = env.get("WHATSAPP_API_URL")
    return bool(env.get("WHATSAPP_ACCESS_TOKEN")) and not (api_url and is_loopback(urlsplit(api_url).hostname or ""))


def is_exposed(hosts: Sequence[str], env: Optional[Mapping[str, str]] = None) -> bool:
    env = os.environ if env is None else env
    return talks_to_meta(env) or any(not is_loopback(host) for host in hosts)


def unsafe_secrets(secrets: Iterable[Secret]) -> list:
    """The variables whose secret is missing or at a development value."""
    return [name for name, value, development in secrets if not value or value in set(development)]


def refuse_unsafe_start(process: str, hosts: Sequence[str], secrets: Iterable[Secret],
                        env: Optional[Mapping[str, str]] = None) -> None:
    """Exits with REFUSED when the process is exposed and a secret is unsafe; returns otherwise."""
    if not is_exposed(hosts, env):
        return
    unsafe = unsafe_secrets(secrets)
    if unsafe:
        where = ", ".join(hosts) or "this machine"
        print(f"{process}: refusing to start on {where} with Meta credentials or beyond loopback: "
              f"set {', '.join(unsafe)} (missing or at the development value)", file=sys.stderr)
        raise SystemExit(REFUSED)
