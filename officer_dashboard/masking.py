"""Citizens' phone numbers and officers' network addresses as the dashboard's pages show them."""
from __future__ import annotations

import ipaddress

NATIONAL_DIGITS = 10
HIDDEN = "•" * 5


def masked_phone(wa_id: str) -> str:
    """`919876543210` -> `+91 98•••••210`: enough to tell citizens apart, not to call them."""
    digits = "".join(ch for ch in wa_id if ch.isdigit())
    if len(digits) <= NATIONAL_DIGITS:
        return HIDDEN + digits[-3:]
    country, national = digits[:-NATIONAL_DIGITS], digits[-NATIONAL_DIGITS:]
    return f"+{country} {national[:2]}{HIDDEN}{national[-3:]}"


def masked_address(address: str) -> str:
    """The network, not the machine: `203.0.113.7` -> `203.0.113.•`, IPv6 to its /48; not an address -> `•••••`."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return HIDDEN
    if ip.version == 4:
        return str(ip).rsplit(".", 1)[0] + ".•"
    return str(ipaddress.ip_network(f"{ip}/48", strict=False))
