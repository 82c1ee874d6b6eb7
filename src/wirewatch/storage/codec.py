"""A fast twin of ``records.to_dict``/``from_dict`` for the store's hot path.

The generic functions in ``records`` inspect types on every value; storing or loading an article with a
few dozen spans that way costs milliseconds. Here each record class is compiled once into a tuple of
per-field encoders/decoders. The output is exactly ``to_dict``'s (a test checks), so stored JSON stays
readable by ``from_dict``.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

from ..records import SCHEMA_VERSION, Span

T = TypeVar("T")
Fn = Callable[[Any], Any]

_ENCODERS: dict[type, tuple[str, ...]] = {}
_BUILDERS: dict[type, Fn] = {}


def encode(record: Any) -> dict[str, Any]:
    """``records.to_dict`` for a dataclass record, with the schema header."""
    return {"schema": SCHEMA_VERSION, "type": type(record).__name__, **_encode(record)}


def _encode(value: Any) -> Any:
    kind = type(value)
    if kind is str or kind is int or kind is float or kind is bool or value is None:
        return value
    names = _ENCODERS.get(kind)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _ENCODERS[kind] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {n: _encode(getattr(value, n)) for n in names}
    if isinstance(value, tuple | list | frozenset | set):
        return [_encode(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return value


def decode(cls: type[T], data: dict[str, Any]) -> T:
    """``records.from_dict`` without the per-value type inspection."""
    version = data.get("schema", SCHEMA_VERSION)
    if version > SCHEMA_VERSION:
        raise ValueError(
            f"record written by a newer wirewatch (schema {version}); upgrade wirewatch to read it"
        )
    return typing.cast(T, _record_decoder(cls)(data))


def _span(value: dict[str, Any]) -> Span:
    """Spans are most of what an article holds: the shortest path."""
    return Span(value["start"], value["end"])


def _record_decoder(cls: type) -> Fn:
    if cls is Span:
        return _span
    known = _BUILDERS.get(cls)
    if known is not None:
        return known
    fields: dict[str, Fn] = {}  # only the fields that need converting
    names = frozenset(f.name for f in dataclasses.fields(cls))

    def build(value: dict[str, Any]) -> Any:
        if not fields and names.issuperset(value):
            return cls(**value)
        kwargs = dict(value) if names.issuperset(value) else {k: v for k, v in value.items() if k in names}
        for k, fn in fields.items():
            if k in kwargs:
                kwargs[k] = fn(kwargs[k])
        return cls(**kwargs)

    _BUILDERS[cls] = build  # registered before compiling the fields, so recursive types terminate
    hints = get_type_hints(cls)
    for f in dataclasses.fields(cls):
        fn = _compile(hints[f.name])
        if fn is not _same:
            fields[f.name] = fn
    return build


def _same(value: Any) -> Any:
    return value


def _compile(tp: Any) -> Fn:
    """A function turning the JSON form of type ``tp`` back into a value."""
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        inner = _compile(args[0]) if len(args) == 1 else _same
        if inner is _same:
            return _same
        return lambda v: None if v is None else inner(v)
    if origin is Literal or tp is Any or tp in (str, int, float, bool):
        return _same
    if origin is tuple:
        item = _compile(get_args(tp)[0])
        if item is _same:
            return lambda v: None if v is None else tuple(v)
        return lambda v: None if v is None else tuple(item(x) for x in v)
    if origin is dict:
        return lambda v: None if v is None else dict(v)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        build = _record_decoder(tp)
        return lambda v: None if v is None else build(v)
    if tp is datetime:
        return lambda v: None if v is None else datetime.fromisoformat(v)
    if tp is date:
        return lambda v: None if v is None else date.fromisoformat(v)
    if tp is bytes:
        return lambda v: None if v is None else v.encode("latin-1")
    return _same
