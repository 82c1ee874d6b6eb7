"""One event, article or story as the API and the pages show it: every extracted span, with provenance."""

from __future__ import annotations

import json
from typing import Any

from ..errors import NotFoundError
from ..fusion.stories import label_text, story_label
from ..records import Article, Event, Span, to_dict

__all__ = ["article_detail", "event_detail", "list_stories", "story_detail", "to_dict"]
from .context import WebContext
from .review import audit_trail, effective_event

#: span kinds in the order their highlight wins when two overlap
SPAN_KINDS = ("trigger", "actor", "recipient", "place", "time", "figure", "source", "cue")


def event_spans(event: Event) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = [(event.trigger.start, event.trigger.end, "trigger")]
    spans += [(a.span.start, a.span.end, "actor") for a in event.actors]
    spans += [(a.span.start, a.span.end, "recipient") for a in event.recipients]
    if event.place:
        spans.append((event.place.span.start, event.place.span.end, "place"))
    if event.time:
        spans.append((event.time.span.start, event.time.span.end, "time"))
    spans += [(f.span.start, f.span.end, "figure") for f in event.figures]
    if event.fatalities and event.fatalities not in event.figures:
        spans.append((event.fatalities.span.start, event.fatalities.span.end, "figure"))
    if event.source and event.source.span:
        spans.append((event.source.span.start, event.source.span.end, "source"))
    return spans


def segments(
    text: str, spans: list[tuple[int, int, str]], lo: int = 0, hi: int | None = None
) -> list[dict[str, Any]]:
    """``text[lo:hi]`` cut into plain and marked pieces (no overlaps: earlier kinds, then longer spans win).

    Pieces are data, not HTML: templates and scripts escape them, so hostile article text stays inert."""
    hi = len(text) if hi is None else hi
    rank = {k: i for i, k in enumerate(SPAN_KINDS)}
    chosen: list[tuple[int, int, str]] = []
    for s, e, kind in sorted(spans, key=lambda x: (rank.get(x[2], 99), x[0] - x[1])):
        s, e = max(s, lo), min(e, hi)
        if s < e and not any(s < ce and cs < e for cs, ce, _ in chosen):
            chosen.append((s, e, kind))
    out, pos = [], lo
    for s, e, kind in sorted(chosen):
        if s > pos:
            out.append({"text": text[pos:s], "kind": None})
        out.append({"text": text[s:e], "kind": kind})
        pos = e
    if pos < hi:
        out.append({"text": text[pos:hi], "kind": None})
    return out


def _find_event(article: Article, event_id: str) -> Event | None:
    return next((e for e in article.events if e.id == event_id), None)


def _mention_view(ctx: WebContext, m: dict[str, Any], detail: dict[str, Any] | None) -> dict[str, Any]:
    aid, eid = str(m["article_id"]), str(m["event_id"])
    sent = m.get("sentence") or {}
    view: dict[str, Any] = {
        "article_id": aid,
        "event_id": eid,
        "site": m.get("site"),
        "url": m.get("url"),
        "published": m.get("published"),
        "dup_group": m.get("dup_group"),
        "certainty": (detail or {}).get("certainty"),
        "source": (detail or {}).get("source"),
        "fatalities": (detail or {}).get("fatalities"),
        "segments": [],
        "elsewhere": [],
        "claims": [],
        "rule": None,
        "rule_notes": [],
    }
    try:
        article = ctx.store.get_article(aid)
    except NotFoundError:
        view["segments"] = [{"text": (detail or {}).get("text", ""), "kind": None}]
        return view
    view.update(title=article.title, lang=article.lang)
    event = _find_event(article, eid)
    lo, hi = int(sent.get("start", 0)), int(sent.get("end", 0))
    if event is not None:
        view["segments"] = segments(article.text, event_spans(event), lo, hi)
        view["certainty"] = event.certainty
        view["source"] = event.source.text if event.source else view["source"]
        view["elsewhere"] = _parties_elsewhere(article, event, Span(lo, max(lo, hi)))
        view["rule"] = event.rule
        view["rule_notes"] = rule_notes(event.rule)
    else:
        view["segments"] = [{"text": article.text[lo:hi], "kind": None}]
    span = Span(lo, max(lo, hi))
    view["claims"] = [_claim_view(article, c) for c in article.claims if c.span.overlaps(span)]
    return view


#: rule-id marks the events stage adds, in the order a reader wants them explained (i18n keys ``rule.<mark>``)
RULE_MARKS = ("verbal", "commercial", "criminal", "background", "embedded")


def rule_notes(rule: str) -> list[str]:
    """The marks of a coder rule id ("events:en:274:attack+verbal") a reader should have explained: why an
    event is criticism, business or crime rather than ACLED's, or context rather than the sentence's news."""
    marks = set(rule.split("+")[1:])
    return [m for m in RULE_MARKS if m in marks]


def _parties_elsewhere(article: Article, event: Event, sentence: Span) -> list[dict[str, Any]]:
    """Actors and targets read from another sentence ("a military source blamed ISWAP", "the attackers" of an
    earlier attack): that sentence, with the words highlighted, and the rule that carried them over."""
    out = []
    for role, mentions in (("actor", event.actors), ("recipient", event.recipients)):
        for m in mentions:
            if not m.text or sentence.contains(m.span):
                continue
            where = next((s for s in article.sentences if s.contains(m.span)), m.span)
            out.append({"role": role, "name": m.name or m.text, "rule": m.rule,
                        "segments": segments(article.text, [(m.span.start, m.span.end, role)], where.start, where.end)})
    return out


def _claim_view(article: Article, claim: Any) -> dict[str, Any]:
    return {
        "id": claim.id,
        "certainty": claim.certainty,
        "text": article.text[claim.span.start : claim.span.end],
        "source": claim.source.text if claim.source else None,
        "cue": claim.cue_text,
        "contradicts": list(claim.contradicts),
    }


def event_detail(ctx: WebContext, cid: str) -> dict[str, Any]:
    found = effective_event(ctx.db, cid)
    if found is None:
        raise NotFoundError(f"no canonical event {cid!r}; list them at /api/events")
    record = found["record"]
    details = {(str(d["article_id"]), str(d["event_id"])): d for d in found["mentions"]}
    mentions = [
        _mention_view(ctx, m, details.get((str(m["article_id"]), str(m["event_id"]))))
        for m in record.get("mentions", [])
    ]
    review = found["review"]
    return {
        "id": cid,
        "event": record,
        "automatic": found["automatic"],
        "mentions": mentions,
        "review": {
            "status": review.status,
            "merged_into": review.merged_into,
            "fields": review.fields,
            "updated_at": review.updated_at,
            "updated_by": review.updated_by,
        },
        "audit": audit_trail(ctx.db, cid),
        "story": story_brief(ctx, record.get("story_id")),
        "place_candidates": _candidates(found["mentions"]),
    }


def _candidates(details: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Places the reports proposed (and the resolver's alternatives): the analyst's pick list."""
    seen: dict[str, dict[str, Any]] = {}
    for d in details:
        place = d.get("place") or {}
        for p in [place, *(place.get("alternatives") or [])]:
            ref = p.get("ref")
            if ref and ref not in seen and p.get("lat") is not None:
                seen[ref] = {
                    k: p.get(k) for k in ("ref", "name", "lat", "lon", "country", "admin1", "feature")
                }
    return list(seen.values())[:20]


def article_spans(article: Article) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for e in article.events:
        spans += event_spans(e)
    spans += [(p.span.start, p.span.end, "place") for p in article.places]
    spans += [(t.span.start, t.span.end, "time") for t in article.timexes]
    spans += [(f.span.start, f.span.end, "figure") for f in article.figures]
    for c in article.claims:
        if c.source and c.source.span:
            spans.append((c.source.span.start, c.source.span.end, "source"))
        if c.cue:
            spans.append((c.cue.start, c.cue.end, "cue"))
    return spans


def article_detail(ctx: WebContext, article_id: str) -> dict[str, Any]:
    article = ctx.store.get_article(article_id)
    data: dict[str, Any] = to_dict(article)
    spans = article_spans(article)
    paragraphs = article.paragraphs or (Span(0, len(article.text)),)
    data["paragraph_segments"] = [segments(article.text, spans, p.start, p.end) for p in paragraphs]
    rows = ctx.db.rows(
        "SELECT DISTINCT canonical_id FROM fusion_mention_of WHERE article_id = ?", (article.id,)
    )
    data["canonical_events"] = sorted(r[0] for r in rows)
    story = ctx.db.one("SELECT story_id FROM fusion_articles WHERE article_id = ?", (article.id,))
    data["story"] = story_brief(ctx, story[0] if story else None)
    return data


def story_brief(ctx: WebContext, story_id: str | None) -> dict[str, Any] | None:
    if not story_id:
        return None
    row = ctx.db.one(
        "SELECT story_id, first_seen, last_seen, n_articles FROM fusion_stories WHERE story_id = ?",
        (story_id,),
    )
    if row is None:
        return None
    return {
        "id": row[0],
        "first_seen": row[1],
        "last_seen": row[2],
        "articles": row[3],
        **_story_label(ctx, story_id),
    }


def _story_state(ctx: WebContext, story_id: str) -> dict[str, Any] | None:
    with ctx.fusion_lock:
        return ctx.fusion.get_stories([story_id]).get(story_id)


def _story_label(ctx: WebContext, story_id: str) -> dict[str, Any]:
    """The story's label, and its parts so pages can show the event types in the reader's language."""
    state = _story_state(ctx, story_id)
    if not state:
        return {"label": story_id}
    parts = story_label(state)
    return {"label": label_text(parts), **{f"top_{k}": v for k, v in parts.items()}}


def story_summary(story_id: str, state: dict[str, Any]) -> dict[str, Any]:
    parts = story_label(state)
    return {
        "id": story_id,
        "label": label_text(parts),
        "articles": len(state["articles"]),
        "article_ids": list(state["articles"]),
        "languages": sorted(state["langs"]),
        "first_seen": state["first_seen"] or None,
        "last_seen": state["last_seen"] or None,
        **{f"top_{k}": v for k, v in parts.items()},
    }


def list_stories(ctx: WebContext, limit: int, min_articles: int, since: str | None) -> list[dict[str, Any]]:
    with ctx.fusion_lock:
        found = list(ctx.fusion.iter_stories(since=since, limit=limit, min_articles=min_articles))
    return [story_summary(sid, state) for sid, state in found]


def story_detail(ctx: WebContext, story_id: str) -> dict[str, Any]:
    state = _story_state(ctx, story_id)
    if state is None:
        raise NotFoundError(f"no story {story_id!r}; list them at /api/stories")
    out = story_summary(story_id, state)
    arts = []
    for aid in out["article_ids"]:
        try:
            a = ctx.store.get_article(aid)
        except NotFoundError:
            continue
        arts.append(
            {
                "id": a.id,
                "title": a.title,
                "site": a.site,
                "lang": a.lang,
                "url": a.url,
                "published": a.published.isoformat() if a.published else None,
            }
        )
    out["articles_detail"] = sorted(arts, key=lambda a: a["published"] or "")
    return out


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)
