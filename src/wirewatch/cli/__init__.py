"""The ``wirewatch`` command line: thin commands over the library.

This is the only place that prints and chooses exit codes: 0 success, 1 when some inputs failed (or a check
failed), 2 for usage errors. Command groups live in sibling modules listed in :data:`COMMAND_MODULES`; each
defines ``register(cli)``.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from ..config import load_config
from ..errors import ConfigError, UsageError, WirewatchError
from ._common import AppContext

COMMAND_MODULES: tuple[str, ...] = (
    "ingest",
    "articles",
    "eval",
    "places",
    "gazetteer",
    "events",
    "claims",
    "fusion",
    "serve",
    "users",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.option("--db", envvar="WIREWATCH_DB", default=None, metavar="PATH",
              help="SQLite database (env WIREWATCH_DB, default ./wirewatch.db).")
@click.option("--config", "config_path", default=None, metavar="FILE", help="A TOML settings file.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and the final summary.")
@click.version_option(package_name="wirewatch")
@click.pass_context
def cli(ctx: click.Context, db: str | None, config_path: str | None, quiet: bool) -> None:
    """wirewatch: turn news pages and feeds into an auditable, sentence-linked event dataset."""
    try:
        config = load_config(config_path, db=db)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc
    ctx.obj = AppContext(config=config, quiet=quiet)
    ctx.call_on_close(ctx.obj.close)


def _load_commands() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"wirewatch.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"wirewatch.cli.{name}":
                raise
            continue
        module.register(cli)


_load_commands()


def main(argv: list[str] | None = None) -> Any:
    """Console entry point: maps the exception tree to exit codes."""
    try:
        return cli.main(args=argv, prog_name="wirewatch", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except (click.UsageError, UsageError, ConfigError) as exc:
        ctx = getattr(exc, "ctx", None)
        if ctx is not None:
            click.echo(ctx.get_usage(), err=True)
        click.echo(f"Error: {exc.format_message() if isinstance(exc, click.ClickException) else exc}", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except WirewatchError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)

