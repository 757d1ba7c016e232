"""Chat with the running Rasa server from a terminal (REST channel).

    python -m jan_seva.chat [--url URL] [--sender ID]

Buttons are shown numbered; typing a number sends that button's payload.
"""
from __future__ import annotations

import argparse
import uuid

import requests

DEFAULT_URL = "http://127.0.0.1:5005/webhooks/rest/webhook"


def send(url: str, sender: str, text: str) -> list:
    response = requests.post(url, json={"sender": sender, "message": text}, timeout=60)
    response.raise_for_status()
    return response.json()


def show(replies: list) -> list:
    buttons = []
    for reply in replies:
        if reply.get("text"):
            print(f"bot> {reply['text']}")
        for button in reply.get("buttons", []):
            buttons.append(button)
            print(f"     [{len(buttons)}] {button['title']}")
    return buttons


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--sender", default=f"terminal-{uuid.uuid4().hex[:8]}")
    args = parser.parse_args()
    print("Type a message (Ctrl-D to quit).")
    buttons: list = []
    while True:
        try:
            text = input("you> ")
        except EOFError:
            return
        if text.strip().isdigit() and 0 < int(text) <= len(buttons):
            text = buttons[int(text) - 1]["payload"]
        buttons = show(send(args.url, args.sender, text))


if __name__ == "__main__":
    main()
