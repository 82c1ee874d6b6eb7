"""``wirewatch eval TASK CORPUS``: score a stage against gold data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..eval import TASKS, task_module
from ._common import AppContext, pass_app


@click.command("eval")
@click.argument("task", type=click.Choice(sorted(set(TASKS))))
@click.argument("corpus", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object as the last line.")
@click.option("--baseline", is_flag=True, help="extract: also score plain trafilatura in the same run.")
@click.option("--confusion", is_flag=True, help="events: print a confusion table.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N records.")
@pass_app
def eval_cmd(app: AppContext, task: str, corpus: Path, as_json: bool, baseline: bool, confusion: bool,
             limit: int | None) -> None:
    """Score TASK (extract, places, events, time, figures, claims, dedup, stories, canonical) on CORPUS.jsonl.

    Corpus formats and metrics are documented in docs/eval.md.
    """
    module = task_module(task)
    options: dict[str, Any] = {"baseline": baseline, "confusion": confusion, "task": task}
    result = module.evaluate(corpus, config=app.config, limit=limit, **options)
    if not as_json or not app.quiet:
        click.echo(module.render(result))
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))


def register(cli: click.Group) -> None:
    cli.add_command(eval_cmd)
