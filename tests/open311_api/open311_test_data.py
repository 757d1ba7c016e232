"""Keys, places and helpers shared by the 311 API tests."""
from __future__ import annotations

from xml.etree import ElementTree

CLIENT_KEY = "test-client-key"
OPERATOR_KEY = "test-operator-key"
OPERATOR = {"X-API-Key": OPERATOR_KEY}
CLIENT = {"X-API-Key": CLIENT_KEY}
BOT_KEY = "test-bot-key"
BOT = {"X-API-Key": BOT_KEY}  # the WhatsApp bot, acting for citizens

# Pins inside wards of the Indore profile, and one outside every ward.
VIJAY_NAGAR = (22.7533, 75.8937)
RAJWADA = (22.7187, 75.8553)
OUTSIDE = (22.6000, 75.7000)

IST_OFFSET = "+05:30"


def xml_root(response) -> ElementTree.Element:
    assert response.headers["content-type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    return ElementTree.fromstring(response.content)


def children(element: ElementTree.Element) -> list:
    return [child.tag for child in element]
