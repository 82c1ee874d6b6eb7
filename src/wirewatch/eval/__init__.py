"""Scorers behind ``wirewatch eval TASK CORPUS``. Each task is a module with::

    def evaluate(path: Path, *, config: Config, limit: int | None = None, **options: Any) -> dict[str, Any]
    def render(result: dict[str, Any]) -> str   # the human-readable report

``evaluate`` returns a JSON-ready dict whose top-level keys are the contract documented in docs/eval.md;
``wirewatch eval ... --json`` prints it as the last line. Corpora are JSON Lines (see docs/eval.md).
"""

from __future__ import annotations

import importlib
from types import ModuleType

from ..errors import UsageError

#: task name -> module under wirewatch.eval
TASKS: dict[str, str] = {
    "extract": "extract",
    "places": "places",
    "events": "events",
    "time": "time",
    "figures": "figures",
    "claims": "claims",
    "dedup": "fusion",
    "stories": "fusion",
    "canonical": "fusion",
}


def task_module(task: str) -> ModuleType:
    if task not in TASKS:
        raise UsageError(f"unknown eval task {task!r}; choose one of: {', '.join(TASKS)}")
    try:
        return importlib.import_module(f"wirewatch.eval.{TASKS[task]}")
    except ModuleNotFoundError as exc:
        if exc.name == f"wirewatch.eval.{TASKS[task]}":
            raise UsageError(f"eval task {task!r} is not available in this version of wirewatch") from exc
        raise
