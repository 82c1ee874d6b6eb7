"""``articles``, ``show``, ``export articles``, ``log`` and ``raw`` against a temp database (no network)."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from wirewatch.cli import cli, main
from wirewatch.pipeline import article_from_text
from wirewatch.records import (
    ActorMention,
    Article,
    Claim,
    Event,
    Figure,
    IngestEntry,
    Place,
    RawInput,
    Source,
    Span,
    TimeExpr,
)
from wirewatch.storage.sqlite import SqliteStore

EN = ("Gunmen attacked a police post in Tumaco on Monday, killing four officers, the mayor said.\n"
      "Residents fled toward the coast.")
ES = "Miles de personas marcharon en Bogotá contra la violencia.\nLa policía no reportó heridos."
PT = "Um deslizamento de terra deixou sete mortos em Petrópolis, segundo a Defesa Civil."


def _span(text: str, part: str) -> Span:
    i = text.index(part)
    return Span(i, i + len(part))


def _analysed(a: Article) -> Article:
    t = a.text
    first = Span(0, t.index("\n"))
    tumaco = Place(span=_span(t, "Tumaco"), text="Tumaco", name="Tumaco", ref="gn:3666640", lat=1.8,
                   lon=-78.76, feature="city", country="CO")
    four = Figure(span=_span(t, "four officers"), category="killed", low=4, best=4, high=4, who="police")
    monday = TimeExpr(span=_span(t, "Monday"), text="Monday", start=datetime(2024, 3, 4).date(),
                      end=datetime(2024, 3, 4).date(), granularity="day")
    claim = Claim(id="c1", span=first, source=Source(span=_span(t, "the mayor"), text="the mayor"),
                  cue=_span(t, "said"), cue_text="said")
    event = Event(id="e1", plover_type="ASSAULT", trigger=_span(t, "attacked"), sentence=first, place=tumaco,
                  fatalities=four)
    return dataclasses.replace(a, places=(tumaco,), figures=(four,), timexes=(monday,), claims=(claim,),
                               events=(event,), sentences=(first, Span(first.end + 1, len(t))))


@pytest.fixture()
def db(tmp_path: Path) -> tuple[Path, dict[str, Article]]:
    path = tmp_path / "cli.db"
    store = SqliteStore(path)
    arts = {
        "en": _analysed(article_from_text(EN, lang="en", url="https://a.test/en", site="Alpha",
                                          title="Police post attacked",
                                          published=datetime(2024, 3, 5, tzinfo=UTC))),
        "es": article_from_text(ES, lang="es", url="https://b.test/es", title="Marcha en Bogotá", site="Beta",
                                published=datetime(2024, 3, 6, tzinfo=UTC)),
        "pt": article_from_text(PT, lang="pt", url="https://c.test/pt", title="Deslizamento", site="Gama",
                                published=datetime(2024, 3, 7, tzinfo=UTC)),
    }
    arts["en"] = dataclasses.replace(arts["en"], tags=("Colombia", "Police"))
    raw = RawInput(source="https://a.test/en", data=b"<html>raw page</html>", url="https://a.test/en")
    for a in arts.values():
        store.put_article(a, raw if a is arts["en"] else None)
    store.log(IngestEntry(source="good.html", status="ok", kind="file", article_id=arts["en"].id))
    store.log(IngestEntry(source="broken.html", status="failed", reason="binary file (PNG)", kind="file"),
              RawInput(source="broken.html", data=b"\x89PNG\r\n"))
    store.close()
    return path, arts


def run(path: Path, *args: str) -> click.testing.Result:
    result = CliRunner().invoke(cli, ["--db", str(path), *args], catch_exceptions=False)
    return result


def test_articles_list_and_filters(db: tuple[Path, dict[str, Article]]) -> None:
    path, arts = db
    out = run(path, "articles").output
    lines = out.splitlines()
    assert [line[:10] for line in lines[:3]] == [arts[k].id[:10] for k in ("pt", "es", "en")]
    assert "3 article(s)" in out
    assert arts["es"].id[:10] in run(path, "articles", "--lang", "es").output
    assert arts["pt"].id[:10] not in run(path, "articles", "--lang", "es").output
    assert arts["en"].id[:10] in run(path, "articles", "--tag", "colombia").output
    assert "no articles match" in run(path, "articles", "--site", "Nowhere").output
    out = run(path, "articles", "--since", "2024-03-06", "--until", "2024-03-07").output
    assert arts["es"].id[:10] in out and arts["pt"].id[:10] not in out
    out = run(path, "articles", "--limit", "1").output
    assert "1-1 of 3; next page: --offset 1" in out


def test_articles_query_and_json(db: tuple[Path, dict[str, Article]]) -> None:
    path, arts = db
    out = run(path, "articles", "--query", "bogota").output
    assert arts["es"].id[:10] in out and "[Bogotá]" in out
    lines = run(path, "articles", "--query", "petropolis OR tumaco", "--json").output.splitlines()
    got = [json.loads(line) for line in lines]
    assert {g["lang"] for g in got} == {"en", "pt"} and all("snippet" in g for g in got)
    out = run(path, "articles", "--query", 'Mosul AND "', "--json").output
    assert out == ""


def test_bad_query_and_bad_id_exit_codes(db: tuple[Path, dict[str, Article]],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = db
    for args, code in ((["articles", "--query", '"'], 2), (["show", "ab"], 2), (["show", "ffffffff"], 1),
                       (["articles", "--since", "yesterday"], 2)):
        with pytest.raises(SystemExit) as exc:
            main(["--db", str(path), *args])
        assert exc.value.code == code, args
    err = capsys.readouterr().err
    assert "no word to look for" in err and "no article with id" in err


def test_show_highlights_spans(db: tuple[Path, dict[str, Article]]) -> None:
    path, arts = db
    out = run(path, "show", arts["en"].id[:6], "--no-color").output
    assert out.startswith("Police post attacked\n")
    assert "[1] Gunmen [attacked]{trigger} a police post in [Tumaco]{place} on [Monday]{time}" in out
    assert "[four officers]{figure}" in out and "[the mayor]{source} [said]{cue}" in out
    assert "[2] Residents fled toward the coast." in out
    for heading in ("Places (1)", "Time expressions (1)", "Figures (1)", "Claims (1)", "Events (1)"):
        assert heading in out
    assert "tags        Colombia, Police" in out and "site        Alpha" in out
    assert "fatalities 4" in out


def test_show_plain_article_and_json(db: tuple[Path, dict[str, Article]]) -> None:
    path, arts = db
    out = run(path, "show", arts["pt"].id, "--no-color").output
    assert "Petrópolis" in out and "(no places, times, figures, claims or events extracted)" in out
    data = json.loads(run(path, "show", arts["en"].id, "--json").output)
    assert data["type"] == "Article" and data["events"][0]["id"] == "e1"


def test_show_revisions(tmp_path: Path) -> None:
    path = tmp_path / "rev.db"
    store = SqliteStore(path)
    v1 = article_from_text("Two people died.", lang="en", url="https://x.test/s")
    v2 = article_from_text("Three people died.", lang="en", url="https://x.test/s")
    store.put_article(v1)
    store.put_article(v2)
    store.close()
    out = run(path, "show", v1.id, "--no-color").output
    assert f"1 of 2 (superseded by {v2.id[:10]})" in out
    assert "2 of 2 (latest)" in run(path, "show", v2.id, "--no-color").output
    assert v1.id[:10] not in run(path, "articles").output
    assert v1.id[:10] in run(path, "articles", "--all-revisions").output


def test_export_formats(db: tuple[Path, dict[str, Article]], tmp_path: Path) -> None:
    path, arts = db
    result = CliRunner().invoke(cli, ["--db", str(path), "export", "articles"], catch_exceptions=False)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["id"] for r in records} == {a.id for a in arts.values()}
    assert "exported 3 article(s)" in result.stderr
    out = tmp_path / "a.csv"
    run(path, "export", "articles", "--format", "csv", "--output", str(out), "--lang", "en")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 1 and rows[0]["tags"] == "Colombia; Police" and rows[0]["text"] == arts["en"].text
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "a.parquet"
    run(path, "export", "articles", "--format", "parquet", "--output", str(out), "--query", "bogota")
    table = pq.read_table(out).to_pylist()
    assert [r["id"] for r in table] == [arts["es"].id] and table[0]["tags"] == []


def test_export_parquet_to_stdout_is_usage_error(db: tuple[Path, dict[str, Article]]) -> None:
    path, _ = db
    with pytest.raises(SystemExit) as exc:
        main(["--db", str(path), "export", "articles", "--format", "parquet"])
    assert exc.value.code == 2


def test_export_group_is_shared() -> None:
    group = cli.commands["export"]
    assert isinstance(group, click.Group) and "articles" in group.commands


def test_log_and_raw(db: tuple[Path, dict[str, Article]], tmp_path: Path) -> None:
    path, arts = db
    out = run(path, "log").output.splitlines()
    assert "broken.html" in out[0] and "binary file (PNG)" in out[0] and "good.html" in out[1]
    failed = run(path, "log", "--status", "failed", "--json").output.splitlines()
    assert len(failed) == 1 and json.loads(failed[0])["reason"] == "binary file (PNG)"
    log_id = json.loads(failed[0])["id"]
    assert CliRunner().invoke(cli, ["--db", str(path), "raw", f"#{log_id}"]).stdout_bytes == b"\x89PNG\r\n"
    target = tmp_path / "page.html"
    run(path, "raw", arts["en"].id[:8], "--output", str(target))
    assert target.read_bytes() == b"<html>raw page</html>"
    with pytest.raises(SystemExit) as exc:
        main(["--db", str(path), "raw", arts["es"].id])
    assert exc.value.code == 1


def test_show_says_where_a_party_from_another_sentence_was_named(tmp_path: Path) -> None:
    text = "A bomb killed six people in the market.\nPolice blamed the Northern Front for the bombing."
    first = Span(0, text.index("\n"))
    blamed = ActorMention(span=_span(text, "the Northern Front"), text="the Northern Front", name="Northern Front",
                          rule="actors:blamed")
    victims = ActorMention(span=_span(text, "six people"), text="six people", name="Civilians")
    event = Event(id="e1", plover_type="ASSAULT", trigger=_span(text, "bomb"), sentence=first, actors=(blamed,),
                  recipients=(victims,))
    article = dataclasses.replace(article_from_text(text, lang="en"), events=(event,),
                                  sentences=(first, Span(first.end + 1, len(text))))
    path = tmp_path / "party.db"
    store = SqliteStore(path)
    store.put_article(article)
    store.close()
    out = run(path, "show", article.id, "--no-color").output
    assert "actors Northern Front [from s2, actors:blamed]" in out
    assert "recipients Civilians;" in out or out.rstrip().endswith("recipients Civilians")


def test_show_prints_the_rule_that_coded_each_event() -> None:
    from wirewatch.cli.articles import _event_line
    from wirewatch.records import Article, Event, Span

    text = "Republicans attacked the senator over her tax plan."
    event = Event(id="e1", plover_type="ACCUSE", trigger=Span(12, 20), sentence=Span(0, len(text)),
                  rule="events:en:274:attack+verbal")
    line = _event_line(Article(id="a1", text=text, sentences=(Span(0, len(text)),)), event)
    assert line.endswith("rule events:en:274:attack+verbal")
