"""Interface strings in English, Spanish and Portuguese, read from ``web/i18n/<lang>.tsv``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..errors import ResourceError

LANGS = ("en", "es", "pt")
DEFAULT = "en"
LANG_COOKIE = "ww_lang"
_DIR = Path(__file__).parent / "i18n"


@cache
def strings(lang: str) -> dict[str, str]:
    path = _DIR / f"{lang}.tsv"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ResourceError(f"interface strings {path} are missing; reinstall wirewatch") from exc
    out = {}
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        key, sep, text = line.partition("\t")
        if not sep:
            raise ResourceError(f"{path}:{n}: expected 'key<TAB>text'")
        out[key.strip()] = text.strip()
    return out


def translate(lang: str, key: str) -> str:
    """The string in ``lang``, else English, else the key itself (a missing string is visible, not fatal)."""
    return strings(lang).get(key) or strings(DEFAULT).get(key) or key


def negotiate(asked: str | None, cookie: str | None, accept: str | None) -> str:
    """Explicit choice, then the remembered one, then the browser's preferred language."""
    for choice in (asked, cookie):
        if choice in LANGS:
            return str(choice)
    ranked = []
    for i, part in enumerate((accept or "").split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        ranked.append((-q, i, tag.strip().lower()[:2]))
    for _, _, code in sorted(ranked):
        if code in LANGS:
            return code
    return DEFAULT
