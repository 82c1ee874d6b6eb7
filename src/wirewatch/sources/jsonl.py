"""JSON Lines: one ``{url, html | text, published?, lang?, title?}`` object per line.

A malformed line becomes a FailedInput naming ``file.jsonl:LINE``; the rest of the file is still read.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..config import Config
from ..fetch import too_large_reason
from ..records import RawInput
from .base import FailedInput, Item, one_line
from .checks import open_maybe_gzip, payload_problem

HINT_FIELDS = ("published", "lang", "title")


def jsonl_inputs(path: Path, config: Config) -> Iterator[Item]:
    name = str(path)
    max_bytes = int(config.max_bytes)
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield FailedInput(name, "jsonl", f"cannot read {name}: {exc.strerror or exc}; check the path")
        return
    with fh:
        stream = open_maybe_gzip(fh)
        seen_any = False
        try:
            for lineno, line in _lines(stream, max_bytes):
                seen_any = True
                yield _record(line, f"{name}:{lineno}", max_bytes)
        except EOFError:
            yield FailedInput(name, "jsonl", f"truncated gzip: {name} ends before its compressed data does; "
                                             "the lines before the cut were read")
            return
        except (OSError, zlib.error) as exc:
            yield FailedInput(name, "jsonl", f"corrupt gzip: {name} cannot be decompressed ({exc})")
            return
    if not seen_any:
        yield FailedInput(name, "jsonl", "empty file")


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for every non-blank line; None for a line longer than the cap (skipped)."""
    lineno = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass  # skip the rest of the oversized line without holding it
            yield lineno, None
            continue
        if line.strip():
            yield lineno, line


def _record(line: bytes | None, source: str, max_bytes: int) -> Item:
    if line is None:
        return FailedInput(source, "jsonl", f"line {too_large_reason(None, max_bytes)}")
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return FailedInput(source, "jsonl", f"malformed JSON Lines line: {one_line(str(exc))}; fix or "
                                            "remove the line", RawInput(source, line))
    if not isinstance(obj, dict):
        return FailedInput(source, "jsonl", f"expected a JSON object, got {type(obj).__name__}",
                           RawInput(source, line))
    return _object_input(obj, source, line)


def _object_input(obj: dict[str, Any], source: str, line: bytes) -> Item:
    url = obj.get("url") if isinstance(obj.get("url"), str) and obj.get("url") else None
    hints = {k: str(obj[k]) for k in HINT_FIELDS if obj.get(k) not in (None, "")}
    html, text = obj.get("html"), obj.get("text")
    if isinstance(html, str) and html.strip():
        data = html.encode("utf-8")
        problem = payload_problem(data, source)
        if problem:
            return FailedInput(source, "jsonl", problem, RawInput(source, line, url))
        return RawInput(source, data, url, {"content-type": "text/html; charset=utf-8"}, None,
                        {**hints, "kind": "html"})
    if isinstance(text, str) and text.strip():
        return RawInput(source, text.encode("utf-8"), url, {}, None, {**hints, "kind": "text", "text": text})
    return FailedInput(source, "jsonl", "the record has no non-empty 'html' or 'text' field; add one",
                       RawInput(source, line, url))
