"""Every command is documented in the README, every doc page linked from it exists."""

from __future__ import annotations

import re
from pathlib import Path

from wirewatch.cli import cli

ROOT = Path(__file__).resolve().parent.parent


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in sorted(cli.commands) if f"wirewatch {name}" not in readme]
    assert not missing, f"document these commands in README.md: {missing}"


def test_readme_opens_with_the_two_commands_and_links_resolve() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```bash", 1)[1].split("```", 1)[0].strip().splitlines()
    assert block == ["pip install -e . && wirewatch demo", "pip install -e '.[test]' && pytest"]
    for target in re.findall(r"\]\((docs/[^)#]+)\)", readme):
        assert (ROOT / target).is_file(), target
    assert "pytest" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
