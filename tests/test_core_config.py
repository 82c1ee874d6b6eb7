"""Layered configuration and the settings documentation."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.config import SETTINGS, load_config, settings_markdown
from wirewatch.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent


def test_layers_defaults_file_env_flags(tmp_path: Path) -> None:
    cfg_file = tmp_path / "c.toml"
    cfg_file.write_text('rate_limit = 3.0\nhttp_retries = 5\nobey_robots = false\n', encoding="utf-8")
    cfg = load_config(cfg_file, env={"WIREWATCH_HTTP_RETRIES": "7"}, db="x.db")
    assert cfg.rate_limit == 3.0  # file
    assert cfg.http_retries == 7  # env beats file
    assert cfg.obey_robots is False
    assert cfg.db == "x.db"  # flag
    assert load_config(cfg_file, env={}, http_retries=1).http_retries == 1  # flag beats file


def test_bad_values_say_what_is_wrong(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="http_retries"):
        load_config(None, env={"WIREWATCH_HTTP_RETRIES": "many"})
    bad = tmp_path / "c.toml"
    bad.write_text("colour = 'blue'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        load_config(bad, env={})
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "missing.toml", env={})


def test_settings_doc_is_current() -> None:
    doc = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert settings_markdown() in doc, "docs/settings.md is stale: regenerate it with `python -m wirewatch.docs`"
    assert all(f"`{s.name}`" in doc for s in SETTINGS)
