"""Storage backends behind one small interface (see ``base.Store``)."""

from __future__ import annotations

from pathlib import Path

from .base import ArticleQuery, ClaimQuery, EventQuery, PlaceQuery, PutResult, Store


def open_store(target: str | Path) -> Store:
    """Open a store: ``:memory:`` gives the in-memory twin, anything else a SQLite file."""
    if str(target) == ":memory:":
        from .memory import MemoryStore

        return MemoryStore()
    from .sqlite import SqliteStore

    return SqliteStore(Path(target))


__all__ = ["ArticleQuery", "ClaimQuery", "EventQuery", "PlaceQuery", "PutResult", "Store", "open_store"]
