"""``wirewatch users add|list|revoke`` and ``wirewatch tokens create|list|revoke``: web app access."""

from __future__ import annotations

import click

from ..web.db import WebDB
from ._common import AppContext, pass_app


def _db(app: AppContext) -> WebDB:
    app.store  # noqa: B018 - creates the database file and its schema first
    return WebDB(app.config.db)


@click.group("users")
def users_group() -> None:
    """Analyst accounts for the web app (passwords are stored as salted scrypt hashes)."""


@users_group.command("add")
@click.argument("username")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              envvar="WIREWATCH_NEW_PASSWORD", help="Prompted for when not given (or env WIREWATCH_NEW_PASSWORD).")
@click.option("--role", type=click.Choice(["analyst", "admin"]), default="analyst", show_default=True)
@pass_app
def users_add(app: AppContext, username: str, password: str, role: str) -> None:
    from ..web.auth import add_user

    add_user(_db(app), username, password, role)
    app.info(f"added user {username} ({role})")


@users_group.command("list")
@pass_app
def users_list(app: AppContext) -> None:
    from ..web.auth import list_users

    for u in list_users(_db(app)):
        state = f"revoked {u['revoked_at'][:10]}" if u["revoked_at"] else "active"
        click.echo(f"{u['username']:<24} {u['role']:<8} {u['created_at'][:10]}  {state}")


@users_group.command("revoke")
@click.argument("username")
@pass_app
def users_revoke(app: AppContext, username: str) -> None:
    """Disable a user, end their sessions and revoke their tokens."""
    from ..web.auth import revoke_user

    revoke_user(_db(app), username)
    app.info(f"revoked user {username} (sessions ended, tokens revoked)")


@click.group("tokens")
def tokens_group() -> None:
    """API tokens (Authorization: Bearer ww_...), stored hashed; the token is shown once."""


@tokens_group.command("create")
@click.argument("username")
@click.option("--label", default="", help="What the token is for.")
@pass_app
def tokens_create(app: AppContext, username: str, label: str) -> None:
    from ..web.auth import create_token

    click.echo(create_token(_db(app), username, label))


@tokens_group.command("list")
@pass_app
def tokens_list(app: AppContext) -> None:
    from ..web.auth import list_tokens

    for t in list_tokens(_db(app)):
        state = f"revoked {t['revoked_at'][:10]}" if t["revoked_at"] else "active"
        click.echo(f"{t['id']:<10} {t['username']:<20} {t['created_at'][:10]}  {state:<18} {t['label']}")


@tokens_group.command("revoke")
@click.argument("token_id")
@pass_app
def tokens_revoke(app: AppContext, token_id: str) -> None:
    from ..web.auth import revoke_token

    revoke_token(_db(app), token_id)
    app.info(f"revoked token {token_id}")


def register(cli: click.Group) -> None:
    cli.add_command(users_group)
    cli.add_command(tokens_group)
