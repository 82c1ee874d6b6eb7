"""One exception tree. Messages say what happened and how to fix it; only the CLI picks exit codes."""

from __future__ import annotations


class WirewatchError(Exception):
    """Base of every error wirewatch raises on purpose."""


class ConfigError(WirewatchError):
    """A setting is unknown or has a value of the wrong kind."""


class UsageError(WirewatchError):
    """The caller asked for something that cannot work as asked (bad flag combination, unknown format)."""


class MissingExtraError(WirewatchError):
    """An optional dependency is not installed; the message carries the exact install command."""

    def __init__(self, feature: str, extra: str, package: str) -> None:
        super().__init__(
            f"{feature} needs the optional package {package!r}. Install it with: pip install 'wirewatch[{extra}]'"
        )
        self.extra = extra
        self.package = package


class IngestError(WirewatchError):
    """One input could not be turned into an article. The batch carries on; the reason goes to the log."""


class FetchError(IngestError):
    """An HTTP(S) fetch failed: status, timeout, redirect loop, robots.txt, size cap."""


class DecodeError(IngestError):
    """The bytes are not a readable web page or text (binary file, broken gzip, undecodable)."""


class ExtractionError(IngestError):
    """The page was read but holds no article text."""


class SourceError(IngestError):
    """A container (JSON Lines, WARC, feed) is malformed as a whole or in one record."""


class StorageError(WirewatchError):
    """The store cannot be opened or written (locked, wrong schema version, disk full)."""


class SchemaVersionError(StorageError):
    """The database was written by a newer wirewatch."""


class NotFoundError(WirewatchError):
    """The requested record does not exist."""


class EvalDataError(WirewatchError):
    """An evaluation corpus is missing or malformed."""


class ResourceError(WirewatchError):
    """A packaged resource (lexicon, gazetteer, actor list) is missing or malformed."""
