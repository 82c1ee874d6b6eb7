"""Shared set-up for the web tests: a small synthetic store, a hostile article, a demo-corpus store."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from wirewatch.config import Config, load_config
from wirewatch.records import Article, Span

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

HOSTILE_TEXT = (
    "Attackers killed three people in Testville on Monday. "
    "<script>window.__pwned = 1</script> "
    '<img src=x onerror="window.__pwned = 2"> '
    '<a href="javascript:window.__pwned=3">click me</a> '
    "Officials said the attack ended at noon."
)


def config_for(db: Path, **overrides: Any) -> Config:
    return load_config(db=str(db), env={}, **overrides)


def synthetic_app(tmp: Path, n: int = 300, **overrides: Any) -> tuple[TestClient, Config]:
    from wirewatch.web.app import create_app
    from wirewatch.web.db import WebDB
    from wirewatch.web.synth import fill

    db_path = tmp / "web.db"
    db = WebDB(db_path)
    fill(db, n, seed=3)
    db.close()
    config = config_for(db_path, **overrides)
    return TestClient(create_app(config)), config


_TEMPLATES: dict[int, tuple[Path, str]] = {}


def synthetic_env(tmp: Path, n: int = 40, **overrides: Any) -> tuple[TestClient, Config, str]:
    """A synthetic store with user "ana" and an API token, copied from a template built once per process:
    filling the store is cheap, but hashing a password and a token (scrypt, on purpose) is not."""
    import sqlite3
    import tempfile

    if n not in _TEMPLATES:
        from wirewatch.web.db import WebDB
        from wirewatch.web.synth import fill

        path = Path(tempfile.mkdtemp(prefix="ww-web-template-")) / "web.db"
        db = WebDB(path)
        fill(db, n, seed=3)
        db.close()
        _TEMPLATES[n] = (path, add_user_and_token(config_for(path)))
    template, token = _TEMPLATES[n]
    target = tmp / "web.db"
    src, dst = sqlite3.connect(template), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    from wirewatch.web.app import create_app

    config = config_for(target, **overrides)
    return TestClient(create_app(config)), config, token


def hostile_article() -> Article:
    return Article(id="hostile0000000001", text=HOSTILE_TEXT, title='<script>window.__pwned=4</script>Title',
                   site="Evil <b>Site</b>", lang="en", url="javascript:alert(1)",
                   paragraphs=(Span(0, len(HOSTILE_TEXT)),), sentences=(Span(0, len(HOSTILE_TEXT)),),
                   tags=("<script>x</script>",))


def add_user_and_token(config: Config, user: str = "ana", password: str = "correct horse") -> str:
    from wirewatch.web.auth import add_user, create_token
    from wirewatch.web.db import WebDB

    db = WebDB(config.db)
    add_user(db, user, password)
    token = create_token(db, user, "tests")
    db.close()
    return token
