"""``wirewatch claims``: list stored claims with who says them and how sure the report is."""

from __future__ import annotations

import click

from ..records import to_dict
from ..storage.base import ClaimQuery, StoredClaim
from ._common import AppContext, json_line, pass_app

CERTAINTIES = ("asserted", "probable", "possible", "doubtful", "denied")


def claim_row(stored: StoredClaim) -> dict[str, object]:
    """The JSON form of one listed claim: the claim record plus its article and sentence."""
    return {"article_id": stored.article_id, "sentence": stored.sentence, "claim": to_dict(stored.claim)}


def claim_line(stored: StoredClaim) -> str:
    c = stored.claim
    source = c.source.text if c.source and c.source.text else ("(the outlet)" if c.source else "(unknown)")
    kind = f" [{c.source.kind}]" if c.source else ""
    flags = f" contradicts {', '.join(c.contradicts)}" if c.contradicts else ""
    cue = f" «{c.cue_text}»" if c.cue_text else ""
    head = f"{stored.article_id[:12]}#{c.id} {c.certainty:<9} {source}{kind}{cue}{flags}"
    return f"{head}\n    {stored.sentence}"


@click.command("claims")
@click.option("--source", default=None, metavar="TEXT", help="Only claims whose source contains TEXT.")
@click.option("--certainty", type=click.Choice(CERTAINTIES), default=None, help="Only claims this certain.")
@click.option("--contradicted", is_flag=True, help="Only claims that conflict with another claim.")
@click.option("--article", "article_id", default=None, metavar="ID", help="Only claims of this article.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@pass_app
def claims_cmd(app: AppContext, source: str | None, certainty: str | None, contradicted: bool,
               article_id: str | None, limit: int, as_json: bool) -> None:
    """List stored claims: the source, the cue, the certainty and the claimed sentence."""
    query = ClaimQuery(source=source, certainty=certainty, contradicted=True if contradicted else None,
                       article_id=article_id, limit=limit)
    count = 0
    for stored in app.store.iter_claims(query):
        click.echo(json_line(claim_row(stored)) if as_json else claim_line(stored))
        count += 1
    if not as_json:
        app.info(f"{count} claim(s)")


def register(cli: click.Group) -> None:
    cli.add_command(claims_cmd)
