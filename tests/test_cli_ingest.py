"""`wirewatch ingest`, `demo` and `bench`: summaries, exit codes, and nothing lost on bad input."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from click.testing import CliRunner

from wirewatch.cli import cli
from wirewatch.cli import main as cli_main

PAGE = """<html lang="en"><head><title>Flooding in Recife</title>
<meta property="article:published_time" content="2024-05-02T10:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Flooding in Recife</h1>
<p>Heavy rain flooded three neighbourhoods of Recife on Wednesday, and the civil defence said at least four
people were killed when a hillside collapsed onto houses in the north of the city.</p>
<p>Rescue teams were still searching for two missing residents on Thursday morning, officials said, while
schools in the area stayed closed and hundreds of families moved to shelters run by the city.</p>
</article><footer>Contact us</footer></body></html>"""


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_batch_with_bad_inputs_carries_on_and_exits_1(tmp_path: Path) -> None:
    pages = tmp_path / "in"
    pages.mkdir()
    (pages / "good.html").write_text(PAGE, encoding="utf-8")
    (pages / "empty.html").write_bytes(b"")
    (pages / "report.html").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    (pages / "broken.html.gz").write_bytes(gzip.compress(PAGE.encode())[:40])
    db = tmp_path / "w.db"
    code, out = _invoke("--db", str(db), "ingest", "--no-fuse", "--json", str(pages))
    summary = json.loads(out.strip().splitlines()[-1])
    assert code == 1
    assert summary["ok"] == 1 and summary["failed"] == 3 and summary["total"] == 4
    reasons = " ".join(f["reason"] for f in summary["failures"])
    assert "empty" in reasons and "PDF" in reasons and "gzip" in reasons
    # every failure is in the log with its raw input kept
    code, log = _invoke("--db", str(db), "log", "--status", "failed", "--json")
    assert code == 0 and len(log.strip().splitlines()) == 3


def test_same_page_twice_is_a_duplicate_and_exit_0(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(PAGE, encoding="utf-8")
    db = tmp_path / "w.db"
    assert _invoke("--db", str(db), "ingest", "--no-fuse", str(page))[0] == 0
    code, out = _invoke("--db", str(db), "ingest", "--no-fuse", str(page))
    assert code == 0 and "1 duplicates" in out


def test_usage_errors_exit_2(tmp_path: Path, capsys: object) -> None:
    for argv in (["ingest"], ["--db", str(tmp_path / "x.db"), "articles", "--since", "yesterday"],
                 ["eval", "nonsense", "x.jsonl"]):
        try:
            cli_main(argv)
        except SystemExit as exc:
            assert exc.code == 2, argv
        else:  # pragma: no cover - main always exits on a usage error
            raise AssertionError(argv)


def test_demo_summary_lists_every_language(tmp_path: Path) -> None:
    code, out = _invoke("--db", str(tmp_path / "demo.db"), "demo", "--no-serve")
    assert code == 0, out
    assert "18 inputs: 18 stored" in out
    assert " en " in out and " es " in out and " pt " in out
    assert "wirewatch show" in out and "stories" in out


def test_bench_reports_throughput_and_memory(demo_dir: Path) -> None:
    code, out = _invoke("bench", str(demo_dir), "--limit", "3", "--stages", "time", "--json")
    assert code == 0, out
    result = json.loads(out.strip().splitlines()[-1])
    assert result["pages"] == 3 and result["articles_per_s"] > 0 and result["peak_rss_mb"] > 0
    assert result["sentences"] > 0 and result["stage_sentences_per_s"]["time"] > 0
