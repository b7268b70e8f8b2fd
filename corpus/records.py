"""Records as JSON: the one way every layer turns its dataclass records into JSON values."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any

__all__ = ["as_json"]


def as_json(record: Any) -> dict[str, Any]:
    """The fields of a dataclass `record`, in order, as JSON values.

    Args:
        record: a dataclass instance.

    Returns:
        A dict of its fields: nested records become dicts, tuples and lists become lists,
        everything else (text, numbers, None) is kept. A record whose JSON differs (a field
        renamed, left out or rounded) starts from this and changes those few keys.

    Raises:
        TypeError: `record` is not a dataclass instance.
    """
    if not is_dataclass(record) or isinstance(record, type):
        raise TypeError(f"as_json needs a dataclass instance, not {type(record).__name__}")
    return {field.name: _value(getattr(record, field.name)) for field in fields(record)}


def _value(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return as_json(value)
    if isinstance(value, tuple | list):
        return [_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _value(item) for key, item in value.items()}
    return value
