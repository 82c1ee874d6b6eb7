"""``wirewatch articles``, ``show``, ``export articles``, ``log`` and ``raw``: what the store holds."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import click

from .. import exporting
from ..errors import NotFoundError, UsageError
from ..records import Article, Span
from ..storage.base import ArticleQuery
from ..storage.common import snippet
from ._common import AppContext, highlight, json_line, parse_when, pass_app

STATUSES = ("ok", "unsupported-language", "no-text")
FORMATS = ("jsonl", "csv", "parquet")


def _filters(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The article filters shared by ``articles`` and ``export articles``."""
    options = [
        click.option("--query", default=None, metavar="TEXT",
                     help='Full-text search: words, "a phrase", word*, a OR b, -word (case/accents fold).'),
        click.option("--lang", default=None, metavar="CODE", help="Only this language (en, es, pt)."),
        click.option("--site", default=None, help="Only this outlet (site name or host)."),
        click.option("--tag", default=None, help="Only articles carrying this tag (case-insensitive)."),
        click.option("--since", default=None, metavar="DATE", help="Published on or after (YYYY-MM-DD)."),
        click.option("--until", default=None, metavar="DATE", help="Published before (YYYY-MM-DD)."),
        click.option("--all-revisions", is_flag=True, help="Include superseded revisions."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def build_query(
    query: str | None, lang: str | None, site: str | None, tag: str | None, since: str | None,
    until: str | None, all_revisions: bool, status: str | None = None, limit: int | None = None,
    offset: int = 0,
) -> ArticleQuery:
    return ArticleQuery(
        text=query, lang=lang, site=site, tag=tag, since=parse_when(since, "--since"),
        until=parse_when(until, "--until"), status=status, latest_only=not all_revisions, limit=limit,
        offset=offset,
    )


# ---------------------------------------------------------------- articles


def _day(article: Article) -> str:
    return article.published.date().isoformat() if article.published else "----------"


def _summary(article: Article, query: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": article.id, "published": article.published.isoformat() if article.published else None,
        "lang": article.lang, "site": article.site, "title": article.title, "url": article.url,
        "status": article.status,
    }
    if query:
        out["snippet"] = snippet(article.text, query)
    return out


def _cut(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


@click.command("articles")
@_filters
@click.option("--status", type=click.Choice(STATUSES), default=None, help="Only articles with this status.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@pass_app
def articles_cmd(app: AppContext, query: str | None, lang: str | None, site: str | None, tag: str | None,
                 since: str | None, until: str | None, all_revisions: bool, status: str | None, limit: int,
                 offset: int, as_json: bool) -> None:
    """List stored articles, newest first, or search them with --query."""
    q = build_query(query, lang, site, tag, since, until, all_revisions, status, limit, offset)
    found = app.store.search_articles(q)
    if as_json:
        for article in found:
            click.echo(json_line(_summary(article, query)))
        return
    for article in found:
        click.echo(f"{article.id[:10]}  {_day(article)}  {article.lang or '--':3} "
                   f"{_cut(article.site, 18):18}  {_cut(article.title or article.text, 70)}")
        if query:
            click.echo(f"            {snippet(article.text, query)}")
    total = app.store.count_articles(q)
    if not found:
        app.info("no articles match" if total == 0 else f"no articles at offset {offset} (of {total})")
    elif total > offset + len(found):
        last = offset + len(found)
        app.info(f"-- {offset + 1}-{last} of {total}; next page: --offset {last}")
    else:
        app.info(f"-- {total} article(s)")


# ---------------------------------------------------------------- show


def article_spans(article: Article) -> list[tuple[int, int, str]]:
    """Every extracted span of an article with its highlight kind."""
    spans: list[tuple[int, int, str]] = []

    def add(span: Span | None, kind: str) -> None:
        if span is not None and span.end > span.start:
            spans.append((span.start, span.end, kind))

    for p in article.places:
        add(p.span, "metonymy" if p.metonymy else "place")
    for t in article.timexes:
        add(t.span, "time")
    for f in article.figures:
        add(f.span, "figure")
    for c in article.claims:
        add(c.source.span if c.source else None, "source")
        add(c.cue, "cue")
    for e in article.events:
        add(e.trigger, "trigger")
        for a in e.actors:
            add(a.span, "actor")
        for r in e.recipients:
            add(r.span, "recipient")
    return spans


def _sentence_no(article: Article, span: Span) -> str:
    for i, s in enumerate(article.sentences, 1):
        if s.start <= span.start < s.end:
            return f"s{i}"
    return "s?"


def _metadata(article: Article, revisions: list[Article]) -> Iterator[tuple[str, str]]:
    pub = article.published.isoformat() if article.published else None
    if pub and article.published_precision:
        pub += f" ({article.published_precision})"
    fields: list[tuple[str, Any]] = [
        ("id", article.id), ("url", article.url), ("canonical", article.canonical_url),
        ("site", article.site),
        ("authors", ", ".join(article.authors)), ("published", pub),
        ("modified", article.modified.isoformat() if article.modified else None),
        ("retrieved", article.retrieved_at.isoformat() if article.retrieved_at else None),
        ("language", f"{article.lang} ({article.lang_confidence:.2f})" if article.lang else None),
        ("tags", ", ".join(article.tags)), ("section", article.section), ("description", article.description),
        ("source", article.source), ("status", article.status), ("stages", ", ".join(article.stages)),
    ]
    for name, value in fields:
        if value:
            yield name, str(value)
    for link in article.editions:
        yield "edition", f"{link.lang or '?'}: {link.url}" + (f" ({link.title})" if link.title else "")
    for link in article.related:
        yield "related", f"{link.title} <{link.url}>" if link.title else link.url
    if len(revisions) > 1:
        ids = [r.id for r in revisions]
        n = ids.index(article.id) + 1 if article.id in ids else 0
        latest = "latest" if n == len(ids) else f"superseded by {ids[n][:10]}"
        yield "revision", f"{n} of {len(ids)} ({latest}): " + ", ".join(i[:10] for i in ids)


def _body(article: Article, color: bool) -> Iterator[str]:
    spans = article_spans(article)
    paragraphs = article.paragraphs or (Span(0, len(article.text)),)
    number = 0
    for para in paragraphs:
        sentences = [s for s in article.sentences if para.start <= s.start < para.end]
        if not sentences:
            yield _marked(article.text, para, spans, color)
        for s in sentences:
            number += 1
            yield f"[{number}] " + _marked(article.text, s, spans, color)
        yield ""


def _marked(text: str, part: Span, spans: list[tuple[int, int, str]], color: bool) -> str:
    inside = [(max(a, part.start), min(b, part.end), k)
              for a, b, k in spans if a < part.end and b > part.start]
    return highlight(text[part.start : part.end], inside, offset=part.start, color=color)


def _lists(article: Article) -> Iterator[str]:
    t = article.snippet
    if article.places:
        yield f"Places ({len(article.places)})"
        for p in article.places:
            where = ", ".join(x for x in (p.name, p.admin1, p.country) if x)
            extra = " metonymy" if p.metonymy else ""
            yield (f"  {_sentence_no(article, p.span):4} {t(p.span)!r} -> {where} ({p.feature}) "
                   f"{p.lat:.3f},{p.lon:.3f} {p.ref} precision {p.precision}{extra}")
    if article.timexes:
        yield f"Time expressions ({len(article.timexes)})"
        for x in article.timexes:
            dates = x.start.isoformat() if x.start == x.end else f"{x.start.isoformat()}..{x.end.isoformat()}"
            yield f"  {_sentence_no(article, x.span):4} {t(x.span)!r} -> {dates} ({x.granularity}, {x.kind})"
    if article.figures:
        yield f"Figures ({len(article.figures)})"
        for f in article.figures:
            rng = f"{f.best}" if f.low == f.high else f"{f.low}-{f.high} (best {f.best})"
            who = f" {f.who}" if f.who else ""
            yield f"  {_sentence_no(article, f.span):4} {t(f.span)!r} -> {f.category}{who} {rng}"
    if article.claims:
        yield f"Claims ({len(article.claims)})"
        for c in article.claims:
            src = f" source {c.source.text!r} ({c.source.kind})" if c.source else ""
            cue = f" cue {c.cue_text!r}" if c.cue_text else ""
            contra = f" contradicts {', '.join(c.contradicts)}" if c.contradicts else ""
            yield f"  {_sentence_no(article, c.span):4} {c.id} {c.certainty}{src}{cue}{contra}"
    if article.events:
        yield f"Events ({len(article.events)})"
        for e in article.events:
            yield "  " + _event_line(article, e)


def _party(article: Article, e: Any, m: Any) -> str:
    """A party's name; one read from another sentence says which and why ("[from s3, actors:blamed]")."""
    name = str(m.name or m.text) + (" (place)" if m.is_place else "")
    if not m.text or e.sentence.contains(m.span):
        return name
    return f"{name} [from {_sentence_no(article, m.span)}, {m.rule}]"


def _event_line(article: Article, e: Any) -> str:
    kind = "/".join(x for x in (e.plover_type, e.acled_event_type, e.acled_sub_event_type) if x)
    parts = [f"{_sentence_no(article, e.trigger):4} {e.id} {kind} {article.snippet(e.trigger)!r}"]
    if e.actors:
        parts.append("actors " + ", ".join(_party(article, e, a) for a in e.actors))
    if e.recipients:
        parts.append("recipients " + ", ".join(_party(article, e, a) for a in e.recipients))
    if e.place:
        parts.append(f"at {e.place.name}" + (f" ({e.place.country})" if e.place.country else ""))
    if e.date_start:
        end = f"..{e.date_end.isoformat()}" if e.date_end and e.date_end != e.date_start else ""
        parts.append(f"on {e.date_start.isoformat()}{end}")
    if e.fatalities:
        parts.append(f"fatalities {e.fatalities.conservative}")
    if e.flags:
        parts.append("flags " + ",".join(e.flags))
    if e.rule:
        parts.append(f"rule {e.rule}")  # why it was coded: the lexicon line and the readings applied
    return "; ".join(parts)


def render_article(article: Article, revisions: list[Article], color: bool = True) -> str:
    """The terminal view of one article (what ``wirewatch show`` prints)."""
    title = article.title or "(untitled)"
    lines = [click.style(title, bold=True) if color else title, "=" * min(len(title), 100)]
    lines += [f"{name:12}{value}" for name, value in _metadata(article, revisions)]
    lines.append("")
    lines += list(_body(article, color))
    listed = list(_lists(article))
    lines += listed or ["(no places, times, figures, claims or events extracted)"]
    return "\n".join(lines)


@click.command("show")
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True, help="The full article record as JSON.")
@click.option("--no-color", is_flag=True, help="Mark spans as [text]{kind} instead of colours.")
@pass_app
def show_cmd(app: AppContext, article_id: str, as_json: bool, no_color: bool) -> None:
    """Show one article (an id or a unique prefix of 4+ characters) with its extracted spans."""
    article = app.store.get_article(article_id)
    if as_json:
        click.echo(json_line(article))
        return
    text = render_article(article, app.store.revisions(article.id), color=not no_color)
    click.echo(text)


# ---------------------------------------------------------------- export


@click.group("export")
def export_group() -> None:
    """Export stored data (articles; other commands add events, places, claims)."""


@contextmanager
def _text_output(output: str) -> Iterator[IO[str]]:
    if output == "-":
        yield click.get_text_stream("stdout")
        return
    try:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            yield fh
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror}; choose another --output") from exc


def export_rows(rows: Iterator[dict[str, Any]] | Iterator[Any], fmt: str, output: str,
                columns: tuple[str, ...], types: dict[str, str] | None = None) -> int:
    """Write rows (dicts for csv/parquet, records or dicts for jsonl) in ``fmt`` to ``output`` ("-" = stdout).

    Other export subcommands (events, places, claims) reuse this.
    """
    if fmt == "parquet":
        if output == "-":
            raise UsageError("Parquet cannot go to stdout; give a file with --output FILE.parquet")
        return exporting.write_parquet(rows, columns, Path(output), types)
    with _text_output(output) as fh:
        if fmt == "csv":
            return exporting.write_csv(rows, columns, fh)
        return exporting.write_jsonl(rows, fh)


@click.command("articles")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
              help="jsonl = full records with every span; csv/parquet = one flat row per article.")
@click.option("--output", "-o", default="-", metavar="FILE|-", show_default=True, help="Where to write.")
@_filters
@pass_app
def export_articles_cmd(app: AppContext, fmt: str, output: str, query: str | None, lang: str | None,
                        site: str | None, tag: str | None, since: str | None, until: str | None,
                        all_revisions: bool) -> None:
    """Export articles as JSON Lines, CSV or Parquet."""
    q = build_query(query, lang, site, tag, since, until, all_revisions)
    articles = app.store.iter_articles(q)
    rows = articles if fmt == "jsonl" else (exporting.article_row(a) for a in articles)
    n = export_rows(rows, fmt, output, exporting.ARTICLE_COLUMNS, exporting.ARTICLE_TYPES)
    if not app.quiet or output != "-":
        click.echo(f"exported {n} article(s) as {fmt} to {'stdout' if output == '-' else output}", err=True)


# ---------------------------------------------------------------- log and raw


@click.command("log")
@click.option("--status", type=click.Choice(("ok", "duplicate", "revised", "failed", "unsupported-language")),
              default=None, help="Only entries with this status.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@pass_app
def log_cmd(app: AppContext, status: str | None, limit: int, as_json: bool) -> None:
    """The ingest log, newest first: what happened to every input, and why it failed."""
    entries = app.store.ingest_log(status=status, limit=limit)
    for e in entries:
        if as_json:
            click.echo(json_line(e))
            continue
        at = e.at.strftime("%Y-%m-%d %H:%M") if e.at else "-"
        art = f" -> {e.article_id[:10]}" if e.article_id else ""
        reason = f"  {e.reason}" if e.reason else ""
        click.echo(f"#{e.id:<5} {at}  {e.status:10} {e.kind or '-':5} {e.source}{art}{reason}")
    if not entries and not as_json:
        app.info("the ingest log is empty" if status is None else f"no {status} entries")


@click.command("raw")
@click.argument("ident")
@click.option("--output", "-o", default="-", metavar="FILE|-", help="Write to a file instead of stdout.")
@pass_app
def raw_cmd(app: AppContext, ident: str, output: str) -> None:
    """Write the raw input kept for an article id (prefix) or a log entry (#N or N) as received."""
    raw = _find_raw(app, ident)
    if output == "-":
        stream = click.get_binary_stream("stdout")
        stream.write(raw.data)
        stream.flush()
    else:
        Path(output).write_bytes(raw.data)
        app.info(f"wrote {len(raw.data)} bytes from {raw.source} to {output}")


def _find_raw(app: AppContext, ident: str) -> Any:
    key = ident.lstrip("#")
    if key.isdigit() and (ident.startswith("#") or len(key) < 8):
        raw = app.store.get_log_raw(int(key))
        if raw is not None:
            return raw
        if ident.startswith("#"):
            raise NotFoundError(f"log entry {ident} has no raw input kept (only failed inputs keep one)")
    raw = app.store.get_raw(ident)
    if raw is None:
        raise NotFoundError(f"no raw input kept for article {ident}; it was stored from text, not fetched")
    return raw


def register(cli: click.Group) -> None:
    for command in (articles_cmd, show_cmd, log_cmd, raw_cmd):
        cli.add_command(command)
    group = cli.commands.get("export")
    if not isinstance(group, click.Group):
        group = export_group
        cli.add_command(group)
    group.add_command(export_articles_cmd)


__all__ = ["article_spans", "build_query", "export_rows", "register", "render_article"]
