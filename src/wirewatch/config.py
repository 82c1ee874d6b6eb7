"""Settings: one documented table, layered as packaged defaults < user file < environment < flags.

Every setting has a name, a type, a default and a help line; ``docs/settings.md`` is generated from
:data:`SETTINGS` and a test checks that it is current. Environment variables are ``WIREWATCH_<NAME>``
upper-cased. The user file is TOML (``~/.config/wirewatch/config.toml`` or ``--config``).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from .errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    type: type
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", str, "wirewatch.db", "Path of the SQLite database (env WIREWATCH_DB, flag --db)."),
    Setting("user_agent", str, "wirewatch/0.1 (+offline news-event extraction; contact: set user_agent)",
            "User-Agent sent with every HTTP request."),
    Setting("http_timeout", float, 20.0, "Seconds before an HTTP request is abandoned."),
    Setting("http_retries", int, 2, "Retries after a timeout or 5xx answer, with exponential backoff."),
    Setting("http_backoff", float, 0.5, "First backoff delay in seconds; doubles on each retry."),
    Setting("max_bytes", int, 20_000_000, "Largest page or file accepted, in bytes (bigger ones fail)."),
    Setting("rate_limit", float, 1.0, "Minimum seconds between two requests to the same host."),
    Setting("obey_robots", bool, True, "Obey robots.txt before fetching a URL."),
    Setting("max_redirects", int, 8, "Redirects followed before a fetch fails as a loop."),
    Setting("languages", str, "en,es,pt", "Languages analysed; others are stored as unsupported-language."),
    Setting("min_lang_confidence", float, 0.0, "Below this language confidence the page hints decide."),
    Setting("cache_dir", str, "", "Where built indexes (gazetteer) are cached; empty = the user cache dir."),
    Setting("workers", int, 1, "Worker processes for ingest and bench."),
    Setting("stages", str, "default",
            "Comma-separated pipeline stages to run after extraction, or 'default' for all available."),
    Setting("include_flagged", bool, False,
            "Include negated, future, hypothetical and historical events in counts and exports."),
    Setting("web_read_token_required", bool, False,
            "Web app/API: require a login or API token to read (changes always need one)."),
    Setting("web_cookie_secure", bool, False,
            "Web app: mark the session cookie Secure (turn on when served over HTTPS)."),
    Setting("web_session_hours", int, 12, "Web app: hours a login session lasts."),
    Setting("web_max_body_bytes", int, 1_000_000, "Web app: largest request body accepted, in bytes."),
    Setting("web_login_attempts", int, 5, "Web app: failed logins allowed per client and user in 5 minutes."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(setting: Setting, value: Any) -> Any:
    if isinstance(value, setting.type):
        return value
    if setting.type is bool and isinstance(value, str):
        low = value.strip().lower()
        if low in {"1", "true", "yes", "on"}:
            return True
        if low in {"0", "false", "no", "off"}:
            return False
        raise ConfigError(f"setting {setting.name!r} expects true/false, got {value!r}")
    try:
        return setting.type(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(
            f"setting {setting.name!r} expects {setting.type.__name__}, got {value!r}"
        ) from exc


@dataclass(frozen=True, slots=True)
class Config:
    values: Mapping[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None

    def get(self, name: str) -> Any:
        if name not in _BY_NAME:
            raise ConfigError(f"unknown setting {name!r}; see docs/settings.md for the list")
        return self.values[name]

    def with_overrides(self, **overrides: Any) -> Config:
        merged = dict(self.values)
        for key, value in overrides.items():
            if value is None:
                continue
            if key not in _BY_NAME:
                raise ConfigError(f"unknown setting {key!r}; see docs/settings.md for the list")
            merged[key] = _coerce(_BY_NAME[key], value)
        return Config(merged)

    @property
    def language_list(self) -> tuple[str, ...]:
        return tuple(x.strip() for x in str(self.values["languages"]).split(",") if x.strip())

    @property
    def cache_path(self) -> Path:
        raw = self.values["cache_dir"]
        return Path(raw) if raw else Path(platformdirs.user_cache_dir("wirewatch"))


def default_config_file() -> Path:
    return Path(platformdirs.user_config_dir("wirewatch")) / "config.toml"


def load_config(
    path: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    **flags: Any,
) -> Config:
    """Defaults, then the user file, then ``WIREWATCH_*`` variables, then explicit flags."""
    values: dict[str, Any] = {s.name: s.default for s in SETTINGS}
    file = Path(path) if path else default_config_file()
    if file.is_file():
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read config file {file}: {exc}") from exc
        for key, value in data.items():
            if key not in _BY_NAME:
                raise ConfigError(f"{file}: unknown setting {key!r}; see docs/settings.md")
            values[key] = _coerce(_BY_NAME[key], value)
    elif path:
        raise ConfigError(f"config file {file} does not exist")
    environ = os.environ if env is None else env
    for setting in SETTINGS:
        raw = environ.get(f"WIREWATCH_{setting.name.upper()}")
        if raw is not None and raw != "":
            values[setting.name] = _coerce(setting, raw)
    return Config(values).with_overrides(**flags)


def settings_markdown() -> str:
    """The settings table for docs/settings.md."""
    lines = [
        "| name | env | type | default | meaning |",
        "|---|---|---|---|---|",
    ]
    for s in SETTINGS:
        lines.append(
            f"| `{s.name}` | `WIREWATCH_{s.name.upper()}` | {s.type.__name__} | `{s.default!r}` | {s.help} |"
        )
    return "\n".join(lines) + "\n"
