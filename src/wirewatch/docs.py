"""Regenerate generated documentation: ``python -m wirewatch.docs`` rewrites docs/settings.md."""

from __future__ import annotations

import sys
from pathlib import Path

from .config import settings_markdown

HEADER = """# Settings

Every setting, in one table. Values are layered: packaged defaults < the user file
(`~/.config/wirewatch/config.toml`, or `--config FILE`) < environment variables < command-line flags.
The file is TOML with the setting names as keys, e.g. `rate_limit = 2.0`.

This table is generated from `wirewatch.config.SETTINGS` by `python -m wirewatch.docs`; a test checks that it
is current.

"""


def main(argv: list[str] | None = None) -> int:
    root = Path(argv[0]) if argv else Path.cwd()
    target = root / "docs" / "settings.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(HEADER + settings_markdown(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
