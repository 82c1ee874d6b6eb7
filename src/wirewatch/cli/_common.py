"""Shared CLI plumbing: the context object, store opening, JSON output, highlighting helpers."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import click

from ..config import Config
from ..records import to_dict
from ..storage.base import Store


@dataclass
class AppContext:
    config: Config
    quiet: bool = False
    _store: Store | None = field(default=None, repr=False)

    @property
    def store(self) -> Store:
        """The configured store, opened on first use."""
        if self._store is None:
            from ..storage import open_store

            self._store = open_store(self.config.db)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def info(self, message: str) -> None:
        if not self.quiet:
            click.echo(message)


pass_app = click.make_pass_decorator(AppContext)


def json_line(obj: Any) -> str:
    """One compact JSON line; records become their versioned JSON form."""
    return json.dumps(to_dict(obj) if hasattr(obj, "__dataclass_fields__") else obj,
                      ensure_ascii=False, default=_json_default)


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "__dataclass_fields__"):
        return to_dict(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def parse_when(value: str | None, name: str) -> datetime | None:
    """A CLI date/time (YYYY-MM-DD or ISO 8601); naive values are taken as UTC."""
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD or ISO 8601", param_hint=name) from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


# ANSI highlight colours per span kind, for `wirewatch show`
SPAN_STYLES: dict[str, dict[str, Any]] = {
    "place": {"fg": "green", "bold": True},
    "metonymy": {"fg": "green", "underline": True},
    "time": {"fg": "cyan"},
    "figure": {"fg": "red", "bold": True},
    "source": {"fg": "magenta"},
    "cue": {"fg": "magenta", "underline": True},
    "trigger": {"fg": "yellow", "bold": True},
    "actor": {"fg": "blue", "bold": True},
    "recipient": {"fg": "blue"},
}


def highlight(text: str, spans: list[tuple[int, int, str]], offset: int = 0, color: bool = True) -> str:
    """``text`` with non-overlapping spans (absolute offsets, kind) styled; outer spans win over inner ones."""
    chosen: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if chosen and start < chosen[-1][1]:
            continue
        chosen.append((start, end, kind))
    out, pos = [], offset
    for start, end, kind in chosen:
        out.append(text[pos - offset : start - offset])
        piece = text[start - offset : end - offset]
        style = SPAN_STYLES.get(kind, {"bold": True})
        out.append(click.style(piece, **style) if color else f"[{piece}]{{{kind}}}")
        pos = end
    out.append(text[pos - offset :])
    return "".join(out)
