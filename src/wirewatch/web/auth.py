"""Users, API tokens, browser sessions, CSRF tokens and login rate limiting.

Secrets are never stored: passwords and API tokens are kept as salted scrypt hashes; session ids as SHA-256
digests (they are long random values, so a fast digest suffices and a stolen database cannot replay them).
A token is shown once at creation: ``ww_<id>_<secret>``; the id finds the row, the secret is verified.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from ..errors import NotFoundError, UsageError
from .db import WebDB

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
_VERIFIED_TTL = 60.0  # seconds a verified token is remembered, so each API call does not pay for scrypt


def hash_secret(secret: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(secret.encode(), salt=salt, dklen=32, **_SCRYPT)
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt.hex()}${digest.hex()}"


def verify_secret(secret: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        got = hashlib.scrypt(
            secret.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


def _now() -> datetime:
    return datetime.now(UTC)


def _check_username(name: str) -> str:
    if not name or len(name) > 64 or not all(c.isalnum() or c in "._-@" for c in name):
        raise UsageError("a username is 1-64 letters, digits, '.', '_', '-' or '@'")
    return name


# ---------------------------------------------------------------- users


def add_user(db: WebDB, username: str, password: str, role: str = "analyst") -> None:
    _check_username(username)
    if len(password) < 8:
        raise UsageError("a password needs at least 8 characters")
    if role not in ("analyst", "admin"):
        raise UsageError("role must be analyst or admin")
    if db.one("SELECT 1 FROM web_users WHERE username = ? AND revoked_at IS NULL", (username,)):
        raise UsageError(f"user {username!r} exists; revoke it first to replace it")
    db.execute(
        "INSERT OR REPLACE INTO web_users(username, pw_hash, role, created_at, revoked_at) "
        "VALUES (?,?,?,?,NULL)",
        (username, hash_secret(password), role, _now().isoformat()),
    )


def list_users(db: WebDB) -> list[dict[str, Any]]:
    rows = db.rows("SELECT username, role, created_at, revoked_at FROM web_users ORDER BY username")
    return [{"username": r[0], "role": r[1], "created_at": r[2], "revoked_at": r[3]} for r in rows]


def revoke_user(db: WebDB, username: str) -> None:
    with db.tx() as conn:
        cur = conn.execute(
            "UPDATE web_users SET revoked_at = ? WHERE username = ? AND revoked_at IS NULL",
            (_now().isoformat(), username),
        )
        if cur.rowcount == 0:
            raise NotFoundError(f"no active user {username!r}; see `wirewatch users list`")
        conn.execute("DELETE FROM web_sessions WHERE username = ?", (username,))
        conn.execute(
            "UPDATE web_tokens SET revoked_at = ? WHERE username = ? AND revoked_at IS NULL",
            (_now().isoformat(), username),
        )


def check_password(db: WebDB, username: str, password: str) -> bool:
    row = db.one("SELECT pw_hash FROM web_users WHERE username = ? AND revoked_at IS NULL", (username,))
    if row is None:
        verify_secret(password, hash_secret("timing-equaliser"))  # same cost whether or not the user exists
        return False
    return verify_secret(password, str(row[0]))


# ---------------------------------------------------------------- API tokens


def create_token(db: WebDB, username: str, label: str = "") -> str:
    if not db.one("SELECT 1 FROM web_users WHERE username = ? AND revoked_at IS NULL", (username,)):
        raise NotFoundError(f"no active user {username!r}; add it with `wirewatch users add`")
    token_id = secrets.token_hex(4)
    secret = secrets.token_urlsafe(24)
    db.execute(
        "INSERT INTO web_tokens(token_id, username, token_hash, label, created_at) VALUES (?,?,?,?,?)",
        (token_id, username, hash_secret(secret), label[:100], _now().isoformat()),
    )
    return f"ww_{token_id}_{secret}"


def list_tokens(db: WebDB) -> list[dict[str, Any]]:
    rows = db.rows(
        "SELECT token_id, username, label, created_at, revoked_at FROM web_tokens ORDER BY created_at"
    )
    return [
        {"id": r[0], "username": r[1], "label": r[2], "created_at": r[3], "revoked_at": r[4]} for r in rows
    ]


def revoke_token(db: WebDB, token_id: str) -> None:
    with db.tx() as conn:
        cur = conn.execute(
            "UPDATE web_tokens SET revoked_at = ? WHERE token_id = ? AND revoked_at IS NULL",
            (_now().isoformat(), token_id),
        )
        if cur.rowcount == 0:
            raise NotFoundError(f"no active token {token_id!r}; see `wirewatch tokens list`")


class TokenChecker:
    """Verifies bearer tokens, remembering recent successes for a minute (revocation applies within it)."""

    def __init__(self, db: WebDB) -> None:
        self.db = db
        self._ok: dict[str, tuple[str, float]] = {}
        self._lock = threading.Lock()

    def user_for(self, token: str) -> str | None:
        parts = token.split("_", 2)
        if len(parts) != 3 or parts[0] != "ww" or len(token) > 200:
            return None
        key = hashlib.sha256(token.encode()).hexdigest()
        with self._lock:
            hit = self._ok.get(key)
        if hit and time.monotonic() - hit[1] < _VERIFIED_TTL:
            return hit[0]
        row = self.db.one(
            "SELECT t.username, t.token_hash FROM web_tokens t JOIN web_users u "
            "ON u.username = t.username WHERE t.token_id = ? AND t.revoked_at IS NULL "
            "AND u.revoked_at IS NULL",
            (parts[1],),
        )
        if row is None or not verify_secret(parts[2], str(row[1])):
            return None
        with self._lock:
            self._ok[key] = (str(row[0]), time.monotonic())
        return str(row[0])


# ---------------------------------------------------------------- sessions


@dataclass(frozen=True, slots=True)
class Session:
    username: str
    csrf: str


def _sid_hash(sid: str) -> str:
    return hashlib.sha256(sid.encode()).hexdigest()


def start_session(db: WebDB, username: str, hours: int) -> tuple[str, Session]:
    sid = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(24)
    expires = (_now() + timedelta(hours=hours)).isoformat()
    with db.tx() as conn:
        conn.execute("DELETE FROM web_sessions WHERE expires_at < ?", (_now().isoformat(),))
        conn.execute(
            "INSERT INTO web_sessions(sid_hash, username, csrf, expires_at) VALUES (?,?,?,?)",
            (_sid_hash(sid), username, csrf, expires),
        )
    return sid, Session(username, csrf)


def session_for(db: WebDB, sid: str | None) -> Session | None:
    if not sid or len(sid) > 100:
        return None
    row = db.one(
        "SELECT s.username, s.csrf FROM web_sessions s JOIN web_users u ON u.username = s.username "
        "WHERE s.sid_hash = ? AND s.expires_at > ? AND u.revoked_at IS NULL",
        (_sid_hash(sid), _now().isoformat()),
    )
    return None if row is None else Session(str(row[0]), str(row[1]))


def end_session(db: WebDB, sid: str | None) -> None:
    if sid:
        db.execute("DELETE FROM web_sessions WHERE sid_hash = ?", (_sid_hash(sid),))


def csrf_ok(session: Session | None, presented: str | None) -> bool:
    return bool(session and presented and hmac.compare_digest(session.csrf, presented))


class LoginLimiter:
    """At most ``attempts`` failed logins per client address (and per username) in a sliding window."""

    def __init__(self, attempts: int, window: float = 300.0) -> None:
        self.attempts = attempts
        self.window = window
        self._fails: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def blocked(self, *keys: str) -> bool:
        now = time.monotonic()
        with self._lock:
            for key in keys:
                q = self._fails.get(key)
                while q and now - q[0] > self.window:
                    q.popleft()
                if q and len(q) >= self.attempts:
                    return True
        return False

    def failed(self, *keys: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key in keys:
                self._fails.setdefault(key, deque()).append(now)
            if len(self._fails) > 10_000:  # bound memory under a spray of addresses
                self._fails.clear()
