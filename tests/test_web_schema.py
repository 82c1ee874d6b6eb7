"""Schema-driven API tests: schemathesis generates requests from /openapi.json; no answer may be a 5xx."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402

from web_helpers import config_for  # noqa: E402
from wirewatch.web.app import create_app  # noqa: E402
from wirewatch.web.db import WebDB  # noqa: E402
from wirewatch.web.synth import fill  # noqa: E402

_tmp = Path(__import__("tempfile").mkdtemp(prefix="ww-schema-"))
_db = WebDB(_tmp / "schema.db")
fill(_db, 60, seed=5)
_db.close()
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    APP = create_app(config_for(_tmp / "schema.db"))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_server_errors(case) -> None:  # type: ignore[no-untyped-def]
    response = case.call()
    assert response.status_code < 500, (case.method, case.formatted_path, case.query, response.text[:300])
