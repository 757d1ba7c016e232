"""Form fields (catalogue questions and applicant details) and their
server-side validation by type.

Values arrive as the citizen typed them through the chatbot: Devanagari
digits, spaces in numbers, "+91" before a mobile, dates as DD-MM-YYYY, a
choice by its Hindi or English label. Each validator returns the canonical
value or raises FieldInvalid with a message code of data/messages.yml.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from enum import Enum
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

from pydantic import constr, root_validator

from common import verhoeff
from common.api_model import ApiModel
from common.ids import fold_digits

from .errors import FieldError
from .texts import Bilingual, messages


class FieldType(str, Enum):
    text = "text"
    name = "name"
    mobile = "mobile"
    pincode = "pincode"
    aadhaar = "aadhaar"
    date = "date"
    number = "number"
    choice = "choice"


class Choice(ApiModel):
    value: constr(regex=r"^[a-z0-9_]+$")  # type: ignore[valid-type]
    hi: str
    en: str

    class Config:
        extra = "forbid"


class FieldSpec(ApiModel):
    name: constr(regex=r"^[a-z][a-z0-9_]*$")  # type: ignore[valid-type]
    type: FieldType
    label: Bilingual
    question: Bilingual
    required: bool = True
    choices: Optional[List[Choice]] = None
    min: Optional[int] = None
    max: Optional[int] = None
    not_in_future: bool = False
    max_length: Optional[int] = None
    # A regular expression a text value must contain a match of ("\\d": a khasra number has digits).
    pattern: Optional[str] = None

    class Config:
        extra = "forbid"

    @root_validator(skip_on_failure=True)
    def _choices_only_for_choice(cls, values: Dict[str, Any]) -> Dict[str, Any]:
        if (values["type"] == FieldType.choice) != bool(values.get("choices")):
            raise ValueError("`choices` must be given for, and only for, fields of type choice")
        return values


class FieldInvalid(Exception):
    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code = code
        self.params = params


DEFAULT_MAX_LENGTH = {FieldType.text: 200, FieldType.name: 100}
_SEPARATORS = re.compile(r"[\s\-().,]")
_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")


def _as_text(raw: Any) -> str:
    if isinstance(raw, bool) or not isinstance(raw, (str, int)):
        raise FieldInvalid("invalid_text")
    return " ".join(fold_digits(str(raw)).split())


def _digits(raw: Any) -> str:
    return _SEPARATORS.sub("", _as_text(raw))


def _text(spec: FieldSpec, raw: Any, today: date) -> str:
    value = _as_text(raw)
    limit = spec.max_length or DEFAULT_MAX_LENGTH[spec.type]
    if len(value) > limit:
        raise FieldInvalid("too_long", max_length=limit)
    if spec.pattern and not re.search(spec.pattern, value):
        raise FieldInvalid("no_pattern")
    return value


def _name(spec: FieldSpec, raw: Any, today: date) -> str:
    value = _text(spec, raw, today)
    allowed = all(unicodedata.category(ch)[0] in "LM" or ch in " .'-" for ch in value)
    if not allowed or not any(unicodedata.category(ch)[0] == "L" for ch in value):
        raise FieldInvalid("invalid_name")
    return value


def _mobile(spec: FieldSpec, raw: Any, today: date) -> str:
    value = _digits(raw).lstrip("+")
    if len(value) == 12 and value.startswith("91"):
        value = value[2:]
    elif len(value) == 11 and value.startswith("0"):
        value = value[1:]
    if not re.fullmatch(r"[6-9]\d{9}", value):
        raise FieldInvalid("invalid_mobile")
    return value


def _pincode(spec: FieldSpec, raw: Any, today: date) -> str:
    value = _digits(raw)
    if not re.fullmatch(r"[1-9]\d{5}", value):
        raise FieldInvalid("invalid_pincode")
    return value


def _aadhaar(spec: FieldSpec, raw: Any, today: date) -> str:
    """The whole number (checked: UIDAI issues none starting with 0 or 1, and its last digit is a
    Verhoeff check digit) or just its last 4 digits, as the chatbot asks for; only 4 digits are kept."""
    value = _digits(raw)
    if re.fullmatch(r"\d{4}", value):
        return value
    if not re.fullmatch(r"\d{12}", value):
        raise FieldInvalid("invalid_aadhaar")
    if value[0] in "01" or not verhoeff.is_valid(value):
        raise FieldInvalid("aadhaar_checksum")
    return value


def _date(spec: FieldSpec, raw: Any, today: date) -> str:
    text = _as_text(raw).replace(" ", "")
    for pattern in _DATE_FORMATS:
        try:
            value = datetime.strptime(text, pattern).date()
            break
        except ValueError:
            continue
    else:
        raise FieldInvalid("invalid_date")
    if spec.not_in_future and value > today:
        raise FieldInvalid("date_in_future")
    return value.isoformat()


def _number(spec: FieldSpec, raw: Any, today: date) -> int:
    # Indian digit grouping ("1,20,000") and spaces are accepted; words are the client's to read.
    text = _digits(_as_text(raw))
    if not re.fullmatch(r"\d{1,18}", text):
        raise FieldInvalid("invalid_number")
    value = int(text)
    low = spec.min if spec.min is not None else 0
    high = spec.max if spec.max is not None else 10**18
    if not low <= value <= high:
        raise FieldInvalid("number_out_of_range", min=low, max=high)
    return value


def _choice(spec: FieldSpec, raw: Any, today: date) -> str:
    wanted = _as_text(raw).casefold()
    for choice in spec.choices or []:
        if wanted in (choice.value, choice.hi.casefold(), choice.en.casefold()):
            return choice.value
    raise FieldInvalid("invalid_choice", choices=Bilingual(
        hi=", ".join(c.hi for c in spec.choices or []), en=", ".join(c.en for c in spec.choices or [])))


_VALIDATORS: Dict[FieldType, Callable[[FieldSpec, Any, date], Any]] = {
    FieldType.text: _text,
    FieldType.name: _name,
    FieldType.mobile: _mobile,
    FieldType.pincode: _pincode,
    FieldType.aadhaar: _aadhaar,
    FieldType.date: _date,
    FieldType.number: _number,
    FieldType.choice: _choice,
}


def _is_blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def validate_value(spec: FieldSpec, raw: Any, today: date) -> Any:
    """The canonical value of one answer; None for a blank optional one."""
    if _is_blank(raw):
        if spec.required:
            raise FieldInvalid("required")
        return None
    return _VALIDATORS[spec.type](spec, raw, today)


def field_error(path: str, label: Bilingual, invalid: FieldInvalid) -> FieldError:
    return FieldError(path, invalid.code, messages().field_error(invalid.code, label=label, **invalid.params))


def validate_answers(
    specs: List[FieldSpec], answers: Mapping[str, Any], today: date, prefix: str = ""
) -> Tuple[Dict[str, Any], List[FieldError]]:
    """All answers of a form: canonical values and the errors, one per bad field."""
    values: Dict[str, Any] = {}
    errors: List[FieldError] = []
    known = {spec.name for spec in specs}
    for spec in specs:
        try:
            value = validate_value(spec, answers.get(spec.name), today)
        except FieldInvalid as invalid:
            errors.append(field_error(prefix + spec.name, spec.label, invalid))
            continue
        if value is not None:
            values[spec.name] = value
    for name in answers:
        if name not in known:
            label = Bilingual(hi=name, en=name)
            errors.append(field_error(prefix + name, label, FieldInvalid("unknown_field")))
    return values, errors
