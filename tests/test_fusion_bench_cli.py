"""``wirewatch bench-fusion``: bad size lists are usage errors that say what to give; a tiny run reports both parts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from wirewatch.cli import cli


@pytest.mark.parametrize(("args", "message"), [
    (["--grow", "abc"], "give store sizes"),
    (["--grow", ","], "no store size"),
    (["--grow", ""], "no store size"),
    (["--grow", "100,-5"], "must be positive"),
    (["--signatures", "0"], "nothing to measure"),
])
def test_bad_sizes_are_usage_errors(args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["bench-fusion", *args])
    assert result.exit_code == 2
    assert message in result.output


def test_tiny_run_reports_clustering_and_growth(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["bench-fusion", "--signatures", "200", "--grow", "300", "--sample", "10",
                                      "--path", str(tmp_path / "grow.db"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output.strip().splitlines()[-1])
    assert report["cluster"]["signatures"] == 200
    assert [p["store_size"] for p in report["grow"]["points"]] == [300]
