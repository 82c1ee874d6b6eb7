"""Demonyms -> country (actor nationality; never a place mention) and country names per language."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ..nlp import data_lines
from .normalize import normalize


def _inflect(form: str, lang: str) -> list[str]:
    """Regular feminine and plural forms of a Spanish or Portuguese masculine singular demonym."""
    if lang == "en" or " " in form:
        return [form]
    out = [form]
    if form.endswith("o"):
        stem = form[:-1]
        out += [stem + "a", stem + "os", stem + "as"]
    elif form.endswith(("í", "ú")):
        out += [form + "es", form + "s"]
    elif form.endswith(("és", "ês")):
        stem = form[:-2] + "es"
        out += [stem + "a", stem + "es", stem + "as"]
    elif form.endswith("án"):
        stem = form[:-2] + "an"
        out += [stem + "a", stem + "es", stem + "as"]
    elif form.endswith(("e", "a")):
        out.append(form + "s")
    elif form.endswith(("l", "n", "r")):
        out.append(form + "es")
    return out


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], str]:
    text = resources.files("wirewatch").joinpath("data/gazetteer/demonyms.tsv").read_text(encoding="utf-8")
    out: dict[tuple[str, str], str] = {}
    for line in data_lines(text):
        iso, lang, forms = line.split("\t")
        for form in forms.split("|"):
            for word in _inflect(form.strip(), lang):
                out.setdefault((lang, normalize(word)), iso)
    return out


def demonym_country(word: str, lang: str) -> str | None:
    """ISO2 of the country a demonym refers to ("iraquíes", "Syrian", "moçambicanas"), else None."""
    return _table().get((lang, normalize(word)))


def is_demonym(key: str, lang: str) -> bool:
    return (lang, key) in _table()


@lru_cache(maxsize=1024)
def country_names(iso2: str, lang: str) -> tuple[str, ...]:
    """Names of a country in ``lang`` (CLDR via Babel first, then the packaged aliases)."""
    from babel import Locale

    names: list[str] = []
    cldr = Locale.parse(lang).territories.get(iso2.upper())
    if cldr:
        names.append(cldr)
    text = resources.files("wirewatch").joinpath("data/gazetteer/aliases.tsv").read_text(encoding="utf-8")
    for line in data_lines(text):
        target, alts = line.split("\t", 1)
        if target == f"cc:{iso2.upper()}":
            names += [a for a in alts.split("|") if a and a not in names]
    return tuple(names)
