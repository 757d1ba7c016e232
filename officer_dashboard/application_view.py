"""An application as officers read it: its answers under the catalogue's labels (choices by
their label, dates day first), and the certificate's verification code as the PDF prints it."""
from __future__ import annotations

from typing import Any, Dict, List, Tuple

from .texts import localized
from .times import shown_day


def _shown_value(spec: Dict[str, Any], value: Any) -> str:
    if spec["type"] == "choice":
        choice = next((choice for choice in spec.get("choices") or [] if choice["value"] == value), None)
        return localized(choice) if choice else str(value)
    if spec["type"] == "date":
        return shown_day(value)
    return str(value)


def answer_rows(service: Dict[str, Any], answers: Dict[str, Any]) -> List[Tuple[str, str]]:
    """(label, value) in the catalogue's order; answers to fields the catalogue no longer has, by their key."""
    fields = {spec["name"]: spec for spec in service.get("fields") or []}
    rows = [(localized(spec["label"]), _shown_value(spec, answers[name]))
            for name, spec in fields.items() if answers.get(name) is not None]
    return rows + [(name, str(value)) for name, value in answers.items() if name not in fields]


def printed_code(code: str) -> str:
    """`0NWZJTJBHK` -> `0NWZJ-TJBHK`, in two halves as the certificate prints it (lokseva_api.certificates)."""
    return f"{code[:5]}-{code[5:]}"
