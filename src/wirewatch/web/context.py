"""Everything a request needs, opened once per app: config, article store, web tables, caches."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

from ..config import Config
from ..fusion.state import FusionState
from ..storage.base import Store
from .auth import LoginLimiter, TokenChecker
from .db import WebDB
from .index import IndexRefresher


@dataclass
class WebContext:
    config: Config
    store: Store
    db: WebDB
    refresher: IndexRefresher
    tokens: TokenChecker
    limiter: LoginLimiter
    fusion: FusionState
    fusion_lock: threading.Lock = field(default_factory=threading.Lock)
    _cache: dict[str, tuple[float, Any]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def open(cls, config: Config, store: Store | None = None) -> WebContext:
        from ..fusion import fusion_state_for
        from ..storage import open_store

        store = store or open_store(config.db)
        db = WebDB(config.db)
        return cls(
            config,
            store,
            db,
            IndexRefresher(db),
            TokenChecker(db),
            LoginLimiter(int(config.web_login_attempts)),
            fusion_state_for(config.db),
        )

    def cached(self, key: str, ttl: float, build: Any) -> Any:
        """A value rebuilt at most every ``ttl`` seconds (alerts and stories are whole-store scans)."""
        now = time.monotonic()
        with self._lock:
            hit = self._cache.get(key)
        if hit and now - hit[0] < ttl:
            return hit[1]
        value = build()
        with self._lock:
            self._cache[key] = (now, value)
        return value

    def invalidate(self) -> None:
        with self._lock:
            self._cache.clear()

    def close(self) -> None:
        self.db.close()
        self.fusion.close()
        self.store.close()
