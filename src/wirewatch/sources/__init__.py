"""Ingest sources: user-given specs (files, directories, JSON Lines, WARC, URLs, feeds) to raw inputs.

:func:`iter_inputs` never raises for a bad input: it yields a :class:`FailedInput` with a one-line reason and
carries on, so one broken file cannot fail a batch. Charset decoding of HTML is left to extraction: pages are
passed on as bytes with their HTTP headers.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path

from ..config import Config
from ..fetch import Fetcher
from ..records import RawInput
from .base import FailedInput, Item
from .feeds import FetcherFactory, feed_inputs
from .files import dir_files, file_input, file_kind, read_local
from .jsonl import jsonl_inputs
from .warc import warc_inputs
from .web import url_inputs

__all__ = ["FailedInput", "detect_kind", "iter_inputs"]

_KNOWN = ".html, .htm, .txt, .jsonl, .warc, .rss, .atom, or .gz of those"


def detect_kind(spec: str) -> str:
    """file | dir | jsonl | warc | url | feed (a URL's feed-ness is only known once fetched)."""
    if spec.lower().startswith(("http://", "https://")):
        return "url"
    path = Path(spec)
    if path.is_dir():
        return "dir"
    return file_kind(path)


def iter_inputs(
    specs: Sequence[str],
    config: Config,
    *,
    pattern: str | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[RawInput | FailedInput]:
    """Every input named by ``specs``, in order; bad ones as FailedInput. A Fetcher is made only if needed."""
    holder = _FetcherHolder(config, fetcher)
    try:
        for spec in specs:
            kind = _safe_kind(spec)
            yield from _guarded(spec, kind, partial(_inputs_of, spec, kind, config, pattern, holder.get))
    finally:
        holder.close()


def _safe_kind(spec: str) -> str:
    try:
        return detect_kind(spec)
    except (OSError, ValueError):  # an unreadable or odd path: reading it will say what is wrong
        return "file"


def _inputs_of(
    spec: str, kind: str, config: Config, pattern: str | None, get_fetcher: FetcherFactory
) -> Iterator[Item]:
    if kind == "url":
        yield from url_inputs(spec, config, get_fetcher)
    elif kind == "dir":
        yield from _dir_inputs(Path(spec), config, pattern, get_fetcher)
    else:
        yield from _path_inputs(Path(spec), kind, config, get_fetcher)


def _dir_inputs(
    root: Path, config: Config, pattern: str | None, get_fetcher: FetcherFactory
) -> Iterator[Item]:
    files = dir_files(root, pattern)
    if not files:
        wanted = f"matching {pattern!r}" if pattern else f"with a known extension ({_KNOWN})"
        yield FailedInput(str(root), "dir", f"no files {wanted} in {root}; check the directory or --glob")
        return
    for path in files:
        kind = file_kind(path)
        yield from _guarded(str(path), kind, partial(_path_inputs, path, kind, config, get_fetcher))


def _path_inputs(path: Path, kind: str, config: Config, get_fetcher: FetcherFactory) -> Iterator[Item]:
    if kind == "jsonl":
        yield from jsonl_inputs(path, config)
    elif kind == "warc":
        yield from warc_inputs(path, config)
    elif kind == "feed":
        yield from _local_feed(path, config, get_fetcher)
    else:
        yield file_input(path, config)


def _local_feed(path: Path, config: Config, get_fetcher: FetcherFactory) -> Iterator[Item]:
    item = file_input(path, config)  # the same checks as any file: missing, empty, binary, size, gzip
    if isinstance(item, FailedInput):
        yield FailedInput(item.source, "feed", item.reason, item.raw)
        return
    data = read_local(path, config)
    yield from feed_inputs(data, source=str(path), config=config, get_fetcher=get_fetcher)


def _guarded(source: str, kind: str, make: Callable[[], Iterator[Item]]) -> Iterator[Item]:
    """Run one source; an unexpected error ends that source with a FailedInput, never the batch."""
    try:
        yield from make()
    except Exception as exc:  # a bug or library surprise in one source must not lose the others
        tail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        yield FailedInput(source, kind, f"internal error while reading ({tail}); please report it")


class _FetcherHolder:
    """Creates the batch's Fetcher on first use (local-only batches never open an HTTP client)."""

    def __init__(self, config: Config, fetcher: Fetcher | None) -> None:
        self.config = config
        self.fetcher = fetcher
        self.owned = False

    def get(self) -> Fetcher:
        if self.fetcher is None:
            self.fetcher = Fetcher(self.config)
            self.owned = True
        return self.fetcher

    def close(self) -> None:
        if self.owned and self.fetcher is not None:
            self.fetcher.close()
