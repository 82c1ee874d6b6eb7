"""The text backbone: sentence splitting and exact offsets in all three languages."""

from __future__ import annotations

import pytest

from wirewatch.nlp import make_doc, paragraph_spans, sentence_spans


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", 'Gen. Hassan said the U.S. Army left. "It is over." Then Mr. Ali spoke.',
         ["Gen. Hassan said the U.S. Army left.", '"It is over."', "Then Mr. Ali spoke."]),
        ("es", "El Gral. Pérez huyó a EE.UU. el lunes. «Nadie lo sabe», dijo la Sra. Gómez. ¿Y ahora?",
         ["El Gral. Pérez huyó a EE.UU. el lunes.", "«Nadie lo sabe», dijo la Sra. Gómez.", "¿Y ahora?"]),
        ("pt", "O Sr. Silva disse que 12 pessoas morreram. Os militares fugiram!\nNovo parágrafo sem ponto",
         ["O Sr. Silva disse que 12 pessoas morreram.", "Os militares fugiram!", "Novo parágrafo sem ponto"]),
    ],
)
def test_sentences(lang: str, text: str, expected: list[str]) -> None:
    doc = make_doc(text, lang)
    assert [s.text(text) for s in sentence_spans(doc)] == expected


def test_token_offsets_are_exact() -> None:
    text = "Em São Paulo, 3 mil manifestantes marcharam."
    doc = make_doc(text, "pt")
    for tok in doc:
        assert text[tok.idx : tok.idx + len(tok.text)] == tok.text
    assert any(t.lemma_ == "marchar" for t in doc)


def test_paragraphs_are_lines() -> None:
    text = "First line.\n  \nSecond line here.\n"
    assert [s.text(text) for s in paragraph_spans(text)] == ["First line.", "Second line here."]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The gunmen fled after they were killed by soldiers who captured the villages."),
    ("es", "Las personas huyeron y capturaron cinco soldados que fueron asesinados por hombres armados."),
    ("pt", "Os militares fugiram e mataram doze pessoas; foram mortos por insurgentes armados nas aldeias."),
])
def test_compact_lemmas_equal_spacy_lookup_lemmas(lang: str, text: str) -> None:
    import spacy

    reference = spacy.blank(lang)
    reference.add_pipe("lemmatizer", config={"mode": "lookup"})
    reference.initialize()
    table = reference.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    # spaCy's lookup mode, plus the lower-case fallback for capitalised forms the table lacks
    expected = [t.lemma_ if t.text in table or t.lower_ not in table else table[t.lower_] for t in reference(text)]
    assert [t.lemma_ for t in make_doc(text, lang)] == expected


@pytest.mark.parametrize(("lang", "text", "lemma"), [
    ("es", "Atacan una comisaría", "atacar"),
    ("es", "ASESINAN A UN LÍDER", "asesinar"),
    ("pt", "Matam dois policiais", "matar"),
    ("pt", "HOMENS ARMADOS ATACAM", "atacar"),
])
def test_capitalised_verbs_take_the_lower_case_lemma(lang: str, text: str, lemma: str) -> None:
    assert lemma in [t.lemma_ for t in make_doc(text, lang)]
