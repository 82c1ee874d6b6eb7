"""Verbs with attached pronouns: Spanish "negarse", "retirándose"; Portuguese "reuniram-se", "entregá-lo".

Spanish writes enclitic pronouns onto infinitives and gerunds; Portuguese joins them with a hyphen to any verb
form (and puts them inside future and conditional forms: "reunir-se-ão"). spaCy's lookup tables know none of
these forms, so without help "demitiu-se" would never match the trigger "demitir". Both the text (see
:class:`wirewatch.lemmas.CompactLemmatizer` and :func:`wirewatch.actors.make_units`) and the lexicon patterns
(:func:`wirewatch.actors.text_keys`) are cut the same way here: the verb, then one unit per pronoun, so the
pattern "negarse" means the verb "negar" followed by "se" wherever it is written.
"""

from __future__ import annotations

import re

#: third-person pronouns only: news copy rarely uses "me"/"te"/"nos"/"os", and their endings would cut nouns
#: such as "estandarte" or "aparte"
_ES_CLITIC = r"(?:se|le|les|lo|la|los|las)"
#: an infinitive or a gerund (the pronoun adds a written accent to gerunds: "negándose") with one or two
#: pronouns; the verb part has at least four letters so that "perla" or "orla" stay whole
_ES = re.compile(rf"^(\w{{2,}}?(?:ar|er|ir|ár|ér|ír|ando|iendo|yendo|ándo|iéndo|yéndo))({_ES_CLITIC}{_ES_CLITIC}?)$")
_ES_SPLIT = re.compile(_ES_CLITIC + "$")

_PT_CLITICS = frozenset(
    {"se", "lhe", "lhes", "o", "a", "os", "as", "lo", "la", "los", "las", "no", "na", "nos", "nas", "me", "te", "vos"}
)
#: the endings left after the pronoun of a mesoclitic future or conditional ("dir-se-ia", "reunir-se-ão")
_PT_MESO = frozenset({"á", "ão", "ás", "ei", "emos", "ia", "iam", "ias", "íamos"})
#: "entregá-lo", "fazê-la", "reuni-los": the infinitive's r falls before lo/la and the vowel takes an accent
_UNACCENT = str.maketrans("áêéíôó", "aeeioo")


#: cheap test before the full one: every enclitic form ends in one of these
ENDINGS: dict[str, tuple[str, ...]] = {
    "es": ("se", "le", "les", "lo", "la", "los", "las"),
    "pt": tuple(sorted({f"-{c}" for c in _PT_CLITICS} | {f"-{m}" for m in _PT_MESO})),
}


def split(word: str, lang: str) -> tuple[str, tuple[str, ...]] | None:
    """(verb part, pronouns) of a lower-case enclitic form in ``lang``, else None."""
    if lang == "es":
        return _split_es(word)
    if lang == "pt":
        return _split_pt(word)
    return None


def _split_es(word: str) -> tuple[str, tuple[str, ...]] | None:
    m = _ES.match(word)
    if m is None or len(m.group(1)) < 4:
        return None
    clitics = m.group(2)
    second = _ES_SPLIT.search(clitics)
    assert second is not None  # the pattern ends in a pronoun
    pronouns = (clitics[: second.start()], second.group(0)) if second.start() else (clitics,)
    return m.group(1), pronouns


def _split_pt(word: str) -> tuple[str, tuple[str, ...]] | None:
    parts = word.split("-")
    if len(parts) < 2 or not parts[0] or parts[1] not in _PT_CLITICS:
        return None
    if not all(p in _PT_CLITICS or p in _PT_MESO for p in parts[2:]):
        return None
    return parts[0], tuple(parts[1:])


def verb_candidates(verb: str, pronouns: tuple[str, ...], lang: str) -> tuple[str, ...]:
    """Forms to look the verb part up under, best first."""
    if lang == "es":
        # the accent belongs to the pronoun: "negándose" is "negando" + "se"
        plain = verb.translate(_UNACCENT)
        return (plain,) if plain == verb else (plain, verb)
    if pronouns[0] in ("lo", "la", "los", "las") and verb[-1:] in "áêéíôó":
        return (verb.translate(_UNACCENT) + "r", verb)
    return (verb,)


def infinitive_like(form: str) -> bool:
    """True for a form that is its own lemma when a lookup table lacks it (an infinitive)."""
    return form.endswith(("ar", "er", "ir", "or"))
