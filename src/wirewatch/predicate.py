"""Which trigger is a sentence's main predicate, for the PLOVER (quad) view of its events.

Institutional sentences ("The Council condemns the attack on the convoy", "Insta a las partes a que
pongan fin a los combates") are about their verbal main predicate; the material events they mention are
objects of it. Without a parser the decision rests on token positions and cue words from
``lang/<code>/event_clauses.txt``. A trigger is *embedded* when it is

* inside the clause of a sentence-initial procedural opener ("Recalling its resolution …", "Agenda item",
  "Se levanta la sesión");
* inside a subordinate or relative clause that is still open (no comma since the subordinator);
* the object of an earlier trigger in the same clause (no comma, semicolon or clause break between them);
* the head of a nominal complement ("the victims of the attacks", "la escalada de la violencia").

The main predicate is the first trigger that is not embedded. A sentence whose every trigger is embedded
and which opens with a procedural cue has no main event (IRRELEVANT in the quad view).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .actors import Unit, fold, text_keys
from .nlp import data_lines, lang_resource

#: how far (in units) an earlier trigger can govern a later one as its object
OBJECT_REACH = 12


@dataclass(frozen=True, slots=True)
class ClauseCues:
    subordinators: frozenset[str]
    determiners: frozenset[str]  # subordinators that are also determiners ("that attack")
    links: frozenset[str]  # "of", "de": introduce a nominal complement
    modifiers: frozenset[str]  # determiners and quantifiers allowed between a link and its head
    breaks: frozenset[str]  # punctuation and words that end the reach of a governing trigger
    markers: frozenset[str]  # list markers skipped at the start of a sentence ("a", "iv", "1")
    procedural: dict[str, tuple[tuple[str, ...], ...]]  # first key -> sentence-initial openers, longest first


@dataclass(frozen=True, slots=True)
class Structure:
    embedded: tuple[bool, ...]  # one per trigger, in the order given
    procedural: bool  # the sentence opens with a procedural cue


def _sections(lang: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = ""
    for line in data_lines(lang_resource(lang, "event_clauses.txt")):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        out.setdefault(current, []).append(line)
    return out


@lru_cache(maxsize=4)
def clause_cues(lang: str) -> ClauseCues:
    """The compiled clause cues of one language (built once per process)."""
    sec = _sections(lang)

    def words(name: str) -> frozenset[str]:
        return frozenset(fold(w) for w in sec.get(name, ()))

    openers: dict[str, list[tuple[str, ...]]] = {}
    for line in sec.get("procedural", ()):
        keys = text_keys(line, lang)
        if keys and keys not in openers.get(keys[0], []):
            openers.setdefault(keys[0], []).append(keys)
    return ClauseCues(
        subordinators=words("subordinate"),
        determiners=words("determiner"),
        links=words("link"),
        modifiers=words("modifier"),
        breaks=words("break"),
        markers=words("marker"),
        procedural={k: tuple(sorted(v, key=len, reverse=True)) for k, v in openers.items()},
    )


def structure(units: Sequence[Unit], triggers: Sequence[tuple[int, int]], lang: str) -> Structure:
    """Embedding of each trigger (unit start, end) of one sentence, and whether it is procedural."""
    cues = clause_cues(lang)
    first = _first_word(units, cues)
    lead = next((i for i, u in enumerate(units) if not u.punct), len(units))
    opener = _opener(units, lead, cues) if lead < first else None  # "A sessão foi suspensa": "a" is no marker
    opener_start = lead if opener is not None else first
    opener = opener if opener is not None else _opener(units, first, cues)
    procedural_end = _clause_end(units, opener) if opener is not None else -1
    flags: list[bool] = []
    for k, (start, _end) in enumerate(triggers):
        # a trigger that opens the sentence itself ("Noting with concern") is not inside the opener
        in_opener = opener is not None and opener_start < start < procedural_end
        governed = any(_governs(units, triggers[j][1], start, cues) for j in range(k))
        flags.append(
            in_opener or governed or _open_subordinate(units, first, start, cues) or _complement(units, start, cues)
        )
    return Structure(tuple(flags), opener is not None)


def _first_word(units: Sequence[Unit], cues: ClauseCues) -> int:
    """Index of the first word after list markers ("(a)", "iv.", "3.")."""
    i = 0
    while i < len(units) and (units[i].punct or units[i].key in cues.markers or units[i].key.isdigit()):
        i += 1
    return i


def _opener(units: Sequence[Unit], i: int, cues: ClauseCues) -> int | None:
    """End index of a procedural opener starting at ``i``, if one does."""
    if i >= len(units):
        return None
    u = units[i]
    for cue in cues.procedural.get(u.key, ()) + (cues.procedural.get(u.lemma, ()) if u.lemma != u.key else ()):
        n = len(cue)
        if i + n <= len(units) and all(units[i + j].key == cue[j] or units[i + j].lemma == cue[j] for j in range(n)):
            return i + n - 1
    return None


def _clause_end(units: Sequence[Unit], start: int) -> int:
    """First comma or semicolon after ``start`` (the sentence's end when none): a heading's colon does not
    end it ("Item 4 of the provisional agenda: assistance to …" is a title throughout)."""
    for j in range(start + 1, len(units)):
        if units[j].key in (",", ";"):
            return j
    return len(units)


def _governs(units: Sequence[Unit], gov_end: int, start: int, cues: ClauseCues) -> bool:
    """An earlier trigger ending at ``gov_end`` takes the trigger at ``start`` as its object."""
    if start < gov_end or start - gov_end > OBJECT_REACH:
        return False
    return not any(u.key in cues.breaks for u in units[gov_end:start])


def _open_subordinate(units: Sequence[Unit], lo: int, start: int, cues: ClauseCues) -> bool:
    """A subordinator before the trigger whose clause no comma has closed yet."""
    for j in range(start - 1, lo - 1, -1):
        key = units[j].key
        if key in (",", ";", ":"):
            return False
        if key in cues.subordinators and (j < start - 1 or key not in cues.determiners):
            return True  # "that attack": a determiner, not a clause
    return False


def _complement(units: Sequence[Unit], start: int, cues: ClauseCues) -> bool:
    """ "the victims of the attacks", "la escalada de la violencia": a trigger heading an of-phrase."""
    j = start - 1
    while j >= 0 and start - j <= 3 and units[j].key in cues.modifiers:
        j -= 1
    return j > 0 and units[j].key in cues.links and not units[j - 1].punct
