"""Who is asking: session cookie or bearer token; read and write guards; CSRF for cookie-borne writes."""

from __future__ import annotations

from fastapi import HTTPException, Request

from .auth import Session, csrf_ok, session_for
from .context import WebContext

SESSION_COOKIE = "ww_session"


def ctx_of(request: Request) -> WebContext:
    ctx: WebContext = request.app.state.ctx
    return ctx


def current_session(request: Request) -> Session | None:
    return session_for(ctx_of(request).db, request.cookies.get(SESSION_COOKIE))


def bearer_user(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if not header.lower().startswith("bearer "):
        return None
    return ctx_of(request).tokens.user_for(header[7:].strip())


def require_reader(request: Request) -> str | None:
    """Reading is open unless ``web_read_token_required``; then a session or a token is needed."""
    if not ctx_of(request).config.web_read_token_required:
        return None
    who = bearer_user(request) or getattr(current_session(request), "username", None)
    if who is None:
        raise HTTPException(401, "reading needs a login or an API token (Authorization: Bearer ww_...)")
    return who


def require_writer(request: Request) -> str:
    """Changes need a token, or a session plus its CSRF token (header X-CSRF-Token or form field)."""
    who = bearer_user(request)
    if who:
        return who
    session = current_session(request)
    if session is None:
        raise HTTPException(
            401, "changes need a login or an API token; create one with `wirewatch tokens create`"
        )
    if not csrf_ok(session, request.headers.get("x-csrf-token")):
        raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")
    return session.username
