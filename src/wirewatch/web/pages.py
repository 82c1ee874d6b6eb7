"""Server-rendered pages (Jinja2, autoescaped) and the browser forms for login and review.

Untrusted article text only ever reaches a page as template data (escaped) or through ``textContent`` in
the scripts; browser forms carry the session's CSRF token; the session cookie is HttpOnly, SameSite=Strict
and Secure when ``web_cookie_secure`` is on.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import NotFoundError, UsageError, WirewatchError
from . import auth, details, query, review
from .index import reindex
from .labels import (
    acled_label,
    actor_label,
    certainty_label,
    js_labels,
    story_label_in,
    tag_label,
    type_label,
)
from .lang import LANG_COOKIE, LANGS, negotiate, translate
from .placenames import country_label, place_label
from .security import SESSION_COOKIE, ctx_of, current_session

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
router = APIRouter(include_in_schema=False)

#: marker colours by PLOVER type: the map, the timeline and the legend share them
TYPE_COLOURS = {
    "ASSAULT": "#c0392b",
    "FIGHT": "#e67e22",
    "COERCE": "#8e44ad",
    "PROTEST": "#2980b9",
    "MOBILIZE": "#16a085",
    "THREATEN": "#d35400",
    "SANCTION": "#7f8c8d",
    "RETREAT": "#27ae60",
    "AID": "#1abc9c",
    "COOPERATE": "#48c9b0",
    "ACCUSE": "#9b59b6",
    "REQUEST": "#34495e",
    "AGREE": "#2ecc71",
    "SUPPORT": "#3498db",
    "CONSULT": "#95a5a6",
    "REJECT": "#b03a2e",
    "CONCEDE": "#229954",
    "OTHER": "#566573",
}


def page(request: Request, name: str, status: int = 200, **data: Any) -> HTMLResponse:
    lang = negotiate(
        request.query_params.get("lang"),
        request.cookies.get(LANG_COOKIE),
        request.headers.get("accept-language"),
    )
    session = current_session(request)
    ctx = ctx_of(request)
    if ctx.config.web_read_token_required and session is None and name != "login.html":
        return TEMPLATES.TemplateResponse(
            request, "login.html", _base(request, lang, None, {}), status_code=401
        )
    response = TEMPLATES.TemplateResponse(
        request, name, _base(request, lang, session, data), status_code=status
    )
    if request.query_params.get("lang") in LANGS:
        response.set_cookie(
            LANG_COOKIE,
            lang,
            max_age=365 * 86400,
            samesite="lax",
            httponly=True,
            secure=bool(ctx.config.web_cookie_secure),
        )
    return response


def _base(request: Request, lang: str, session: auth.Session | None, data: dict[str, Any]) -> dict[str, Any]:
    def t(key: str) -> str:
        return translate(lang, key)

    return {
        "t": t,
        "tl": lambda code: type_label(lang, code),
        "al": lambda value: acled_label(lang, value),
        "tag": lambda value: tag_label(lang, value),
        "cl": lambda value: certainty_label(lang, value),
        "sl": lambda story: story_label_in(lang, story),
        "pl": lambda ref, name: place_label(lang, ref, name),  # place name in the interface language
        "cn": lambda iso: country_label(lang, iso),
        # an actor record ({"actor_id", "name", "text"}) in the interface language
        "an": lambda a: _actor_shown(lang, a),
        "labels": js_labels(lang),
        "lang": lang,
        "langs": LANGS,
        "user": session.username if session else None,
        "csrf": session.csrf if session else "",
        "colours": TYPE_COLOURS,
        "path": request.url.path,
        **data,
    }


def _actor_shown(lang: str, actor: Any) -> str:
    """An event's actor (a record dict, or an analyst's typed name) in the interface language."""
    if isinstance(actor, dict):
        return actor_label(lang, actor.get("actor_id"), actor.get("name") or actor.get("text"))
    return actor_label(lang, None, str(actor or ""))


def warm_up() -> None:
    """Load the lazily built packaged resources (templates, interface strings, tag and country names) at
    start-up, so the first reader's page does not wait for them."""
    for name in ("base.html", "map.html", "event.html"):
        TEMPLATES.get_template(name)
    for lang in LANGS:
        js_labels(lang)
        tag_label(lang, "")
        country_label(lang, "US")
        actor_label(lang, "gov-us", None)  # the actor dictionary and its display names


def add_http_error_page(app: FastAPI) -> None:
    """HTML error pages for browsers, JSON for the API."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api") or "text/html" not in request.headers.get("accept", ""):
            from fastapi.responses import JSONResponse

            return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return page(request, "error.html", exc.status_code, message=str(exc.detail))


def _not_found(request: Request, exc: WirewatchError) -> HTMLResponse:
    return page(request, "error.html", 404 if isinstance(exc, NotFoundError) else 400, message=str(exc))


# ---------------------------------------------------------------- reading


@router.get("/", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    ctx = ctx_of(request)
    ctx.refresher.refresh()

    return page(request, "map.html", facets=_facets(ctx.db), params=dict(request.query_params))


def _facets(db: Any) -> dict[str, list[str]]:
    """Filter choices, most frequent first: one scan of the covering facet index (SQLite would otherwise pick
    the per-column indexes and visit every row for ``hidden``, ~0.7 s each at 100k events)."""
    counts: dict[str, Counter[str]] = {"types": Counter(), "acled": Counter(), "countries": Counter()}
    for ptype, acled, country, n in db.rows(
        "SELECT plover_type, acled_event_type, country, count(*) FROM web_event_index "
        "INDEXED BY web_ix_facets WHERE hidden = 0 GROUP BY 1, 2, 3"
    ):
        for key, value in (("types", ptype), ("acled", acled), ("countries", country)):
            if value is not None:
                counts[key][value] += n
    return {k: [v for v, _ in sorted(c.items(), key=lambda x: (-x[1], x[0]))[:60]] for k, c in counts.items()}


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    ctx = ctx_of(request)
    try:
        data = details.event_detail(ctx, event_id[:100])
    except WirewatchError as exc:
        return _not_found(request, exc)
    return page(request, "event.html", ev=data, e=data["event"])


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, q: str = "") -> HTMLResponse:
    from ..storage.base import ArticleQuery

    ctx = ctx_of(request)
    try:
        found = ctx.store.search_articles(ArticleQuery(text=q[:200] or None, limit=100))
    except Exception:
        found = []
    return page(request, "articles.html", articles=found, q=q[:200])


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    try:
        data = details.article_detail(ctx_of(request), article_id[:100])
    except WirewatchError as exc:
        return _not_found(request, exc)
    return page(request, "article.html", a=data)


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request) -> HTMLResponse:
    return page(request, "stories.html", stories=details.list_stories(ctx_of(request), 200, 1, None))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> HTMLResponse:
    ctx = ctx_of(request)
    try:
        data = details.story_detail(ctx, story_id[:100])
    except WirewatchError as exc:
        return _not_found(request, exc)
    events, _ = query.list_events(ctx.db, query.EventFilter(story=data["id"]), 200, None)
    return page(request, "story.html", s=data, events=events)


@router.get("/alerts", response_class=HTMLResponse)
def alerts_page(request: Request) -> HTMLResponse:
    from ..fusion.alerts import alerts_for_store

    ctx = ctx_of(request)
    found = ctx.cached("alerts", 60.0, lambda: [details.to_dict(a) for a in alerts_for_store(ctx.store)])
    return page(request, "alerts.html", alerts=found)


# ---------------------------------------------------------------- login


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> HTMLResponse:
    return page(request, "login.html")


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request) -> Response:
    ctx = ctx_of(request)
    form = await request.form()
    user, password = str(form.get("username", ""))[:64], str(form.get("password", ""))[:200]
    client = request.client.host if request.client else "?"
    keys = (f"ip:{client}", f"user:{user}")
    if ctx.limiter.blocked(*keys):
        return page(request, "login.html", 429, error="login.blocked")
    if not auth.check_password(ctx.db, user, password):
        ctx.limiter.failed(*keys)
        return page(request, "login.html", 401, error="login.failed")
    sid, _ = auth.start_session(ctx.db, user, int(ctx.config.web_session_hours))
    nxt = str(form.get("next", "/"))
    response = RedirectResponse(nxt if nxt.startswith("/") and not nxt.startswith("//") else "/", 303)
    response.set_cookie(
        SESSION_COOKIE,
        sid,
        max_age=int(ctx.config.web_session_hours) * 3600,
        httponly=True,
        samesite="strict",
        secure=bool(ctx.config.web_cookie_secure),
        path="/",
    )
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    form = await request.form()
    if auth.csrf_ok(current_session(request), str(form.get("csrf", ""))):
        auth.end_session(ctx_of(request).db, request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/", 303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


# ---------------------------------------------------------------- review forms


async def _form_user(request: Request) -> tuple[str | None, dict[str, Any]]:
    form = await request.form()
    data: dict[str, Any] = {k: form.getlist(k) if k == "m" else str(form.get(k, "")) for k in form}
    session = current_session(request)
    if session is None or not auth.csrf_ok(session, data.get("csrf")):
        return None, data
    return session.username, data


def _back(event_id: str) -> RedirectResponse:
    return RedirectResponse(f"/events/{event_id}", 303)


@router.post("/events/{event_id}/{action}")
async def review_form(request: Request, event_id: str, action: str) -> Response:
    who, form = await _form_user(request)
    if who is None:
        return page(
            request, "error.html", 403, message="log in again: the session or its CSRF token is missing"
        )
    db = ctx_of(request).db
    note = form.get("note", "")[:5000]
    target = event_id
    try:
        if action in ("confirm", "reject", "reset"):
            review.set_status(
                db,
                event_id,
                {"confirm": "confirmed", "reject": "rejected"}.get(action, "unreviewed"),
                who,
                note,
            )
        elif action == "correct":
            review.correct(db, event_id, _corrections(form), who, note)
        elif action == "note":
            review.add_note(db, event_id, who, note)
        elif action == "merge":
            target = form.get("into", "").strip()
            review.merge(db, event_id, target, who, note)
        elif action == "split":
            pairs = [tuple(str(m).split("|", 1)) for m in form.get("m", []) if "|" in str(m)]
            target = review.split(db, event_id, [(a, e) for a, e in pairs], who, note)
        else:
            return page(request, "error.html", 404, message=f"unknown review action {action!r}")
    except (UsageError, NotFoundError) as exc:
        return _not_found(request, exc)
    reindex(db, dict.fromkeys([event_id, target]))
    return _back(target)


def _corrections(form: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ("plover_type", "acled_event_type", "acled_sub_event_type", "date_start", "date_end"):
        if form.get(key, "").strip():
            out[key] = form[key].strip()
    for key in ("actors", "recipients"):
        if form.get(key, "").strip():
            out[key] = [x.strip() for x in form[key].split(";") if x.strip()]
    if form.get("fatalities", "").strip():
        try:
            out["fatalities"] = int(form["fatalities"])
        except ValueError as exc:
            raise UsageError("fatalities must be a whole number") from exc
    if form.get("place_lat", "").strip() and form.get("place_lon", "").strip():
        out["place"] = {
            "name": form.get("place_name") or None,
            "lat": form["place_lat"],
            "lon": form["place_lon"],
            "ref": form.get("place_ref") or "analyst",
            "country": form.get("place_country") or None,
        }
    if not out:
        raise UsageError("nothing to correct: fill in at least one field")
    return out
