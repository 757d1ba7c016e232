"""The base of the API's pydantic models, for an OpenAPI schema that tells the truth about None.

Pydantic 1 (Rasa 3.6's pin) writes an `Optional[str]` field as `{"type": "string"}`,
so a client generated from the schema, or a fuzzer checking responses
against it, rejects the `null` the API sends. Here such a field's schema
also admits null (OpenAPI 3.1, as FastAPI declares)."""
from __future__ import annotations

from typing import Any, Dict, Type

from pydantic import BaseModel

_NOTES = ("title", "description", "default", "examples")


def _admit_null(schema: Dict[str, Any], model: Type[BaseModel]) -> None:
    properties = schema.get("properties", {})
    for field in model.__fields__.values():
        own = properties.get(field.alias)
        if field.allow_none and own is not None and "anyOf" not in own:
            notes = {key: own.pop(key) for key in _NOTES if key in own}
            properties[field.alias] = {**notes, "anyOf": [own, {"type": "null"}]}


class ApiModel(BaseModel):
    class Config:
        schema_extra = staticmethod(_admit_null)
