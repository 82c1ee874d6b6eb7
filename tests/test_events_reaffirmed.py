"""What is reaffirmed decides the type (issue 4): "reiterates its condemnation" is a condemnation, "reaffirms
its support" stays support. The team's own sentences."""

from __future__ import annotations

import pytest

from events_support import main_type
from wirewatch.pipeline import Pipeline


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "The Council reiterates its equally strong condemnation of all attacks on aid convoys.", "ACCUSE"),
    ("en", "The ministers renewed their condemnation of the shelling of the port.", "ACCUSE"),
    ("en", "The summit leaders declared their firm rejection of the annexation.", "REJECT"),
    ("es", "El Consejo reitera su enérgica condena de los ataques contra la misión.", "ACCUSE"),
    ("es", "La cancillería reiteró su rechazo a la anexión del territorio.", "REJECT"),
    ("pt", "O Conselho reitera a sua veemente condenação dos ataques contra a missão.", "ACCUSE"),
    ("pt", "O governo manifestou o seu repúdio pela execução dos reféns.", "ACCUSE"),
    ("en", "The Council reaffirms its support for the mission in the north.", "SUPPORT"),
    ("es", "El Gobierno reiteró su apoyo al proceso de paz.", "SUPPORT"),
    ("pt", "O ministro reafirmou o seu compromisso com o acordo.", "SUPPORT"),
])
def test_what_is_reaffirmed_decides_the_type(pipeline: Pipeline, lang: str, text: str, expected: str) -> None:
    assert main_type(pipeline, text, lang) == expected
