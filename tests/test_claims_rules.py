"""Rules of the claims stage: attribution, source kinds, certainty and contradictions, in three languages."""

from __future__ import annotations

import pytest

from wirewatch.pipeline import Pipeline
from wirewatch.records import Claim, Figure, Span
from wirewatch.stages.claims import (
    claim_for,
    compare_figures,
    figure_bounds,
    find_contradictions,
    sentence_claims,
)


def claims(text: str, lang: str) -> list[Claim]:
    return sentence_claims(text, Span(0, len(text)), lang)


def one(text: str, lang: str) -> tuple[str | None, str, str, str]:
    (c,) = claims(text, lang)
    source = c.source.text if c.source and c.source.kind != "self" else None
    return source, c.cue_text, text[c.span.start : c.span.end], c.certainty


@pytest.mark.parametrize(
    ("lang", "text", "source", "cue", "claim"),
    [
        # SOURCE said (that) CLAIM
        ("en", "Police said 12 people were killed.", "Police", "said", "12 people were killed"),
        ("en", "On Tuesday, the ministry said that five soldiers died.", "the ministry", "said", "five soldiers died"),
        ("en", "The governor told reporters on Monday that the town was calm.", "The governor", "told",
         "the town was calm"),
        ("es", "La policía dijo que 12 personas murieron.", "La policía", "dijo", "12 personas murieron"),
        ("es", "El alcalde afirmó que la ciudad está en calma.", "El alcalde", "afirmó", "la ciudad está en calma"),
        ("pt", "A polícia disse que 12 pessoas morreram.", "A polícia", "disse", "12 pessoas morreram"),
        ("pt", "O governador afirmou que a cidade está calma.", "O governador", "afirmou", "a cidade está calma"),
        # CLAIM, SOURCE said / CLAIM, said SOURCE (quotes too)
        ("en", "At least 12 people were killed, police said on Tuesday.", "police", "said",
         "At least 12 people were killed"),
        ("en", "“We found nine bodies,” said Maria Lopes, the town's mayor.", "Maria Lopes, the town's mayor",
         "said", "We found nine bodies"),
        ("es", "Doce personas murieron, informó el alcalde.", "el alcalde", "informó", "Doce personas murieron"),
        ("es", "“Había cuerpos por todas partes”, relató un sobreviviente.", "un sobreviviente", "relató",
         "Había cuerpos por todas partes"),
        ("pt", "Doze pessoas morreram, afirmou o porta-voz da polícia.", "o porta-voz da polícia", "afirmou",
         "Doze pessoas morreram"),
        # according to / según / segundo / de acordo com / conforme
        ("en", "According to witnesses, the gunmen fled.", "witnesses", "According to", "the gunmen fled"),
        ("en", "The gunmen fled, according to witnesses.", "witnesses", "according to", "The gunmen fled"),
        ("es", "Según la Fiscalía, los atacantes huyeron.", "la Fiscalía", "Según", "los atacantes huyeron"),
        ("es", "Los atacantes huyeron, de acuerdo con testigos.", "testigos", "de acuerdo con",
         "Los atacantes huyeron"),
        ("pt", "Segundo moradores, os atacantes fugiram.", "moradores", "Segundo", "os atacantes fugiram"),
        ("pt", "Os atacantes fugiram, de acordo com o exército.", "o exército", "de acordo com",
         "Os atacantes fugiram"),
        ("pt", "Conforme a agência Lusa, os combates duraram horas.", "a agência Lusa", "Conforme",
         "os combates duraram horas"),
        ("pt", "“Ouvíamos tiros”, contou uma professora que fugiu para Mueda.", "uma professora", "contou",
         "Ouvíamos tiros"),
        ("pt", "“Contei oito corpos”, disse um comerciante que pediu para não ser identificado.",
         "um comerciante que pediu para não ser identificado", "disse", "Contei oito corpos"),
        ("en", "Both sides will exchange prisoners, the governor's office said, and patrols will resume.",
         "the governor's office", "said", "Both sides will exchange prisoners"),
        # inverted after "como" / "según"
        ("es", "La estación fue atacada con explosivos, como aseguraron algunos habitantes.",
         "algunos habitantes", "aseguraron", "La estación fue atacada con explosivos"),
    ],
)
def test_attribution_shapes(lang: str, text: str, source: str, cue: str, claim: str) -> None:
    got_source, got_cue, got_claim, _ = one(text, lang)
    assert (got_source, got_cue, got_claim) == (source, cue, claim)


@pytest.mark.parametrize(
    ("lang", "text", "kind", "anonymous"),
    [
        ("en", "Sources say the convoy was ambushed.", "anonymous", True),
        ("en", "A police officer, speaking on condition of anonymity, told Reuters that 20 people died.",
         "anonymous", True),
        ("en", "Witnesses said the gunmen fled.", "witness", False),
        ("en", "State television reported that the president survived.", "media", False),
        ("en", "The interior ministry said the border was closed.", "official", False),
        ("en", "John Smith said the border was closed.", "named", False),
        ("es", "Fuentes militares dijeron que el cabecilla huyó.", "anonymous", True),
        ("es", "Un agente, que pidió no ser identificado, dijo que hubo 20 muertos.", "anonymous", True),
        ("es", "Vecinos denunciaron disparos durante la noche.", "witness", False),
        ("es", "El diario informó que hubo disturbios.", "media", False),
        ("pt", "Fontes policiais disseram que o líder fugiu.", "anonymous", True),
        ("pt", "Testemunhas disseram que os atiradores fugiram.", "witness", False),
        ("pt", "O governo informou que a fronteira foi fechada.", "official", False),
    ],
)
def test_source_kinds(lang: str, text: str, kind: str, anonymous: bool) -> None:
    (c,) = claims(text, lang)
    assert c.source is not None and (c.source.kind, c.source.anonymous) == (kind, anonymous)


@pytest.mark.parametrize(
    ("lang", "text", "certainty"),
    [
        ("en", "Government forces retook the airport.", None),  # nothing claimed beyond the outlet's report
        ("en", "The militants reportedly seized two villages.", "probable"),
        ("en", "Officials believe the commander has fled.", "probable"),
        ("en", "The rebels allegedly executed five prisoners.", "possible"),
        ("en", "The attack appears to have been carried out by a splinter group.", "possible"),
        ("en", "The claim could not be independently verified.", "doubtful"),
        ("en", "It was impossible to confirm the toll.", "doubtful"),
        ("en", "The army denied that its troops fired on the crowd.", "denied"),
        ("es", "Al parecer, el ataque fue obra de disidentes.", "probable"),
        ("es", "Los rebeldes supuestamente ejecutaron a cinco presos.", "possible"),
        ("es", "El cabecilla habría muerto en el bombardeo.", "possible"),
        ("es", "Los atacantes pertenecerían a una milicia local.", "possible"),
        ("es", "La información no pudo ser verificada.", "doubtful"),
        ("es", "El Ejército negó que sus tropas dispararan.", "denied"),
        ("es", "El Gobierno desmintió las acusaciones.", "denied"),
        ("pt", "Segundo relatos, os insurgentes ocuparam duas aldeias.", "probable"),
        ("pt", "Os rebeldes supostamente executaram cinco presos.", "possible"),
        ("pt", "Os insurgentes teriam matado cinco civis.", "possible"),
        ("pt", "Não foi possível confirmar a informação.", "doubtful"),
        ("pt", "O exército negou que as tropas dispararam.", "denied"),
        ("pt", "O governo desmentiu as acusações.", "denied"),
    ],
)
def test_certainty(lang: str, text: str, certainty: str | None) -> None:
    found = claims(text, lang)
    if certainty is None:
        assert found == []
    else:
        assert [c.certainty for c in found] == [certainty]


def test_unattributed_figure_is_the_outlets_own_claim() -> None:
    a = Pipeline.default(stages=["figures", "claims"]).analyze_text(
        "Twelve people were killed in the attack.", lang="en", site="Daily Example")
    (c,) = a.claims
    assert c.source is not None and (c.source.kind, c.source.text, c.source.span) == ("self", "Daily Example", None)
    assert c.figure_ids == (0,)


def test_ids_figure_links_claim_for_and_contradictions_within_an_article() -> None:
    text = ("Police said 12 people were killed in the attack. "
            "Residents said at least 20 people had died. "
            "The army denied that soldiers had fired on the crowd.")
    a = Pipeline.default(stages=["figures", "claims"]).analyze_text(text, lang="en")
    assert [c.id for c in a.claims] == ["c1", "c2", "c3"]
    c1, c2, c3 = a.claims
    assert [a.figures[i].low for i in c1.figure_ids] == [12] and [a.figures[i].low for i in c2.figure_ids] == [20]
    assert "c2" in c1.contradicts and "c1" in c2.contradicts  # 12 vs at least 20
    assert "c2" in c3.contradicts  # an explicit denial of the previous source's claim
    fig = a.figures[c1.figure_ids[0]]
    assert claim_for(a, fig.span) == c1
    assert claim_for(a, Span(0, len(text))) is None


def fig(low: int, high: int | None = None, qualifier: str = "exact", category: str = "killed",
        who: str | None = None, vague: bool = False) -> Figure:
    return Figure(span=Span(0, 1), category=category, low=low, best=low, high=high if high is not None else low,
                  who=who, qualifier=qualifier, vague=vague)


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        (fig(12), fig(20), True),
        (fig(12), fig(12), False),
        (fig(12), fig(20, qualifier="at_least"), True),
        (fig(20, qualifier="at_least"), fig(30), False),  # "at least 20" allows 30
        (fig(30, 40, qualifier="range"), fig(35), False),
        (fig(30, 40, qualifier="range"), fig(45), True),
        (fig(50, qualifier="about"), fig(52), False),
        (fig(25, qualifier="up_to"), fig(10), False),
        (fig(12, vague=True), fig(40), False),  # "dozens"
        (fig(12), fig(20, category="injured"), False),  # different counts never conflict
        (fig(12, who="soldiers"), fig(20, who="civilians"), False),
    ],
)
def test_compare_figures(a: Figure, b: Figure, conflict: bool) -> None:
    assert compare_figures(a, b) is conflict
    assert compare_figures(b, a) is conflict
    lo, hi = figure_bounds(a)
    assert lo <= a.low <= hi


def test_find_contradictions_across_articles_names_both_sides() -> None:
    army = Claim(id="c1", span=Span(0, 5))
    locals_ = Claim(id="c4", span=Span(0, 5))
    items = [("art-a", army, fig(12)), ("art-b", locals_, fig(20, qualifier="at_least")), ("art-b", None, fig(25))]
    found = find_contradictions(items)
    assert [(c.article_a, c.claim_a, c.article_b, c.claim_b) for c in found] == [
        ("art-a", "c1", "art-b", "c4"), ("art-a", "c1", "art-b", None)]
    assert find_contradictions([]) == []


@pytest.mark.parametrize(
    "text",
    ["", "said", ", said .", "“”", "According to", "según ,", "\ufffd\x00 dijo que", "said " * 2000],
)
def test_odd_input_gives_no_error(text: str) -> None:
    for lang in ("en", "es", "pt"):
        found = sentence_claims(text, Span(0, len(text)), lang)
        assert all(0 <= c.span.start <= c.span.end <= len(text) for c in found)


@pytest.mark.parametrize(
    ("lang", "text", "certainty"),
    [
        ("en", "The rebels said they killed 40 soldiers. The claim could not be independently verified.", "doubtful"),
        ("es", "Los rebeldes dijeron haber matado a 40 soldados. La información no pudo ser verificada.", "doubtful"),
        ("pt", "Os rebeldes disseram ter matado 40 soldados. Não foi possível confirmar a informação.", "doubtful"),
    ],
)
def test_a_doubt_about_the_previous_claim_carries_back(lang: str, text: str, certainty: str) -> None:
    a = Pipeline.default(stages=["figures", "claims"]).analyze_text(text, lang=lang)
    assert [c.certainty for c in a.claims] == [certainty, certainty]


def test_resolve_sources_uses_the_actor_dictionary() -> None:
    from wirewatch.nlp import make_doc
    from wirewatch.stages.claims import resolve_sources

    a = Pipeline.default(stages=["figures", "claims"]).analyze_text(
        "The Iraqi army said 12 militants were killed. Witnesses said the town was calm.", lang="en")
    resolved = resolve_sources(a.claims, make_doc(a.text, "en"), "en")
    assert resolved[0].source is not None and resolved[0].source.actor_id is not None
    assert [c.id for c in resolved] == [c.id for c in a.claims]
