"""What every source yields: a RawInput, or a FailedInput that says why an input could not be read."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..records import RawInput

Kind = str  # file | dir | jsonl | warc | url | feed | text


@dataclass(frozen=True, slots=True)
class FailedInput:
    """An input that could not be read; the batch carries on and the ingest log keeps the reason."""

    source: str  # path, URL, "file.jsonl:12", "archive.warc.gz#3", feed entry URL
    kind: Kind
    reason: str  # one line: what happened and what to do
    raw: RawInput | None = None  # the bytes as received when there were any (kept for audit)


Item = RawInput | FailedInput
Items = Iterator[Item]


def one_line(text: str) -> str:
    """Reasons go into a one-line log: collapse whitespace, keep it short."""
    flat = " ".join(text.split())
    return flat if len(flat) <= 300 else flat[:297] + "..."
