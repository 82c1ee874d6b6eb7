"""``create_app(config)``: the FastAPI application (JSON API + server-rendered pages + static files).

Everything is served from this process and the installed packages: Leaflet and Leaflet.markercluster from
their XStatic packages, the country-outline basemap and the app's own JS/CSS from ``web/static``.
Security headers go on every response: a Content-Security-Policy without inline scripts, no framing, no
sniffing; bodies above ``web_max_body_bytes`` are refused before they are read.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..config import Config
from ..errors import NotFoundError, StorageError, UsageError, WirewatchError
from ..storage.base import Store
from .context import WebContext

STATIC = Path(__file__).parent / "static"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class Guard:
    """ASGI middleware: security headers on every response and a hard cap on request body size."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await _too_large(scope, receive, send, self.max_body)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise HTTPException(413, f"request body over {self.max_body} bytes")
            return message

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [
                    (k.lower().encode(), v.encode())
                    for k, v in HEADERS.items()
                    if k.lower().encode() not in present
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, limited, with_headers)


async def _too_large(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
    response = JSONResponse(
        {"error": f"request body over {limit} bytes (setting web_max_body_bytes)"}, 413, headers=HEADERS
    )
    await response(scope, receive, send)


def _error(status: int, message: Any) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
            for e in exc.errors()
        ]
        return JSONResponse({"error": "invalid request", "detail": problems}, status_code=422)

    @app.exception_handler(UsageError)
    async def usage(request: Request, exc: UsageError) -> Response:
        return _error(400, str(exc))

    @app.exception_handler(NotFoundError)
    async def missing(request: Request, exc: NotFoundError) -> Response:
        return _error(404, str(exc))

    @app.exception_handler(StorageError)
    async def storage(request: Request, exc: StorageError) -> Response:
        return _error(503, str(exc))

    @app.exception_handler(WirewatchError)
    async def other(request: Request, exc: WirewatchError) -> Response:
        return _error(400, str(exc))

    @app.exception_handler(sqlite3.OperationalError)
    async def busy(request: Request, exc: sqlite3.OperationalError) -> Response:
        return _error(503, f"the database is busy or unreadable ({exc}); retry shortly")


def create_app(config: Config, store: Store | None = None) -> FastAPI:
    """The app on ``config.db`` (or on an already open ``store``, as tests and ``demo --serve`` do)."""
    import xstatic.pkg.leaflet as leaflet
    import xstatic.pkg.leaflet_markercluster as cluster

    from . import api, pages

    ctx = WebContext.open(config, store)

    app = FastAPI(
        title="wirewatch",
        version="0.1",
        description="Auditable news-event dataset: events, "
        "their reports and sources, stories, alerts and analyst review.",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.ctx = ctx  # closed by whoever made the app (server.serve, tests): ASGI lifespans may repeat
    app.state.ctx.refresher.refresh(force=True)
    pages.warm_up()
    _handlers(app)
    pages.add_http_error_page(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static/leaflet", StaticFiles(directory=leaflet.BASE_DIR), name="leaflet")
    app.mount("/static/markercluster", StaticFiles(directory=cluster.BASE_DIR), name="markercluster")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(Guard, max_body=int(config.web_max_body_bytes))
    return app
