"""Reading the YAML data files designers edit, checked against a model."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Type, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

Model = TypeVar("Model", bound=BaseModel)
# libyaml's parser when PyYAML was built with it: ten times faster on the catalogue.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ReferenceDataError(Exception):
    """A data file is missing or malformed; the message names the file."""


def load_yaml_model(path: Path, model: Type[Model]) -> Model:
    try:
        with path.open(encoding="utf-8") as handle:
            data: Any = yaml.load(handle, Loader=_LOADER)
        return model.parse_obj(data)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise ReferenceDataError(f"{path}: {exc}") from exc
