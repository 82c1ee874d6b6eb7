"""The second batch of named actors (issue 4): one made-up sentence per language for each sampled actor."""

from __future__ import annotations

import pytest

from wirewatch.actors import actor_dictionary, find_actors, make_units
from wirewatch.nlp import make_doc


def _ids(text: str, lang: str) -> list[str]:
    return [m.actor_id for m in find_actors(make_doc(text, lang), lang)]


# (actor, English sentence, Spanish sentence, Portuguese sentence); places and people are made up
SAMPLES = [
    ("cts", "The Golden Division cleared the village of Tel Nura.",
     "El Servicio Antiterrorista iraquí detuvo a dos sospechosos en Tel Nura.",
     "A Divisão Dourada entrou na aldeia de Tel Nura."),
    ("saraya-salam", "Saraya al-Salam fighters deployed around the shrine.",
     "Combatientes de Saraya al Salam se desplegaron en el barrio.",
     "Membros das Brigadas da Paz patrulharam o bairro."),
    ("nujaba", "Harakat al-Nujaba claimed the drone attack.",
     "Harakat al Nujaba reivindicó el ataque.",
     "O grupo al-Nujaba reivindicou o ataque."),
    ("iri", "The Islamic Resistance in Iraq said it fired two drones.",
     "La Resistencia Islámica en Irak dijo haber lanzado dos drones.",
     "A Resistência Islâmica no Iraque disse ter lançado dois drones."),
    ("ahrar-sham", "Ahrar al-Sham shelled the outpost near Kafr Dalim.",
     "Ahrar al Sham bombardeó el puesto de Kafr Dalim.",
     "O Ahrar al-Sham bombardeou o posto de Kafr Dalim."),
    ("jaysh-islam", "Jaysh al-Islam withdrew from the town.",
     "El Ejército del Islam se retiró de la localidad.",
     "O Exército do Islã retirou-se da cidade."),
    ("fatemiyoun", "Liwa Fatemiyoun fighters arrived at the front.",
     "Combatientes de la brigada Fatemiyoun llegaron al frente.",
     "Combatentes da brigada Fatemiyoun chegaram à frente."),
    ("tiger-forces", "The Tiger Forces advanced on the hills.",
     "Las Fuerzas Tigre avanzaron hacia las colinas.",
     "As Forças Tigre avançaram sobre as colinas."),
    ("rijal-karama", "The Men of Dignity set up checkpoints.",
     "Los Hombres de la Dignidad levantaron retenes.",
     "Os Homens da Dignidade montaram bloqueios."),
    ("pflp", "The PFLP called a general strike.",
     "El Frente Popular para la Liberación de Palestina convocó una huelga.",
     "A Frente Popular para a Libertação da Palestina convocou uma greve."),
    ("lions-den", "The Lions' Den claimed the shooting.",
     "La Guarida de los Leones reivindicó el tiroteo.",
     "O Covil dos Leões reivindicou o tiroteio."),
    ("islah", "Islah party members marched in the city.",
     "Militantes del partido Islah marcharon por la ciudad.",
     "Membros do partido Islah marcharam na cidade."),
    ("giants", "The Giants Brigades pushed north.",
     "Las Brigadas de los Gigantes avanzaron hacia el norte.",
     "As Brigadas dos Gigantes avançaram para o norte."),
    ("plc-yemen", "The Presidential Leadership Council met in Aden.",
     "El Consejo de Liderazgo Presidencial se reunió en Adén.",
     "O Conselho de Liderança Presidencial reuniu-se em Áden."),
    ("radaa", "The Special Deterrence Force arrested a smuggler.",
     "La Fuerza Especial de Disuasión arrestó a un contrabandista.",
     "A Força Especial de Dissuasão prendeu um contrabandista."),
    ("misrata", "Misratan brigades clashed with a rival group.",
     "Las brigadas de Misrata chocaron con un grupo rival.",
     "As brigadas de Misrata enfrentaram um grupo rival."),
    ("splm-n-hilu", "The SPLM-N al-Hilu shelled the town of Kurmuk Adi.",
     "El SPLM-N de Al Hilu bombardeó la ciudad.",
     "O SPLM-N de al-Hilu bombardeou a cidade."),
    ("darfur-joint-force", "The Darfur joint force repelled the assault.",
     "La fuerza conjunta de Darfur repelió el asalto.",
     "A força conjunta de Darfur repeliu o ataque."),
    ("sudan-shield", "Sudan Shield Forces entered the village.",
     "Las Fuerzas Escudo de Sudán entraron en la aldea.",
     "As Forças Escudo do Sudão entraram na aldeia."),
    ("mil-et", "The ENDF retook the road.",
     "La Fuerza de Defensa Nacional de Etiopía retomó la carretera.",
     "A Força de Defesa Nacional da Etiópia retomou a estrada."),
    ("danab", "Danab commandos raided a hideout.",
     "La brigada Danab asaltó un escondite.",
     "A brigada Danab invadiu um esconderijo."),
    ("jubaland-forces", "Jubaland forces fought federal troops.",
     "Las fuerzas de Jubalandia combatieron a las tropas federales.",
     "As forças de Jubalândia combateram as tropas federais."),
    ("mil-ke", "KDF soldiers patrolled the border.",
     "Las Fuerzas de Defensa de Kenia patrullaron la frontera.",
     "As Forças de Defesa do Quénia patrulharam a fronteira."),
    ("mil-ml", "The FAMA said it killed ten fighters.",
     "Las Fuerzas Armadas de Malí dijeron haber abatido a diez combatientes.",
     "As Forças Armadas do Mali disseram ter abatido dez combatentes."),
    ("cnsp-niger", "The CNSP suspended the newspaper.",
     "El Consejo Nacional para la Salvaguarda de la Patria suspendió el diario.",
     "O Conselho Nacional para a Salvaguarda da Pátria suspendeu o jornal."),
    ("aes", "The Alliance of Sahel States announced a joint force.",
     "La Alianza de Estados del Sahel anunció una fuerza conjunta.",
     "A Aliança dos Estados do Sahel anunciou uma força conjunta."),
    ("katiba-macina", "Katiba Macina besieged the town.",
     "Katiba Macina sitió la ciudad.",
     "A Katiba Macina cercou a cidade."),
    ("bir-cameroon", "BIR soldiers burned houses in Mbengwi Fonte.",
     "Soldados del BIR quemaron casas en Mbengwi Fonte.",
     "O Batalhão de Intervenção Rápida camaronês queimou casas."),
    ("amotekun", "Amotekun operatives rescued two farmers.",
     "Agentes de Amotekun rescataron a dos agricultores.",
     "Agentes do Amotekun resgataram dois agricultores."),
    ("lakurawa", "Lakurawa militants raided a market.",
     "Milicianos del grupo Lakurawa asaltaron un mercado.",
     "Militantes do grupo Lakurawa atacaram um mercado."),
    ("hadin-kai", "Troops of Operation Hadin Kai repelled an attack.",
     "Tropas de la operación Hadin Kai repelieron un ataque.",
     "Tropas da operação Hadin Kai repeliram um ataque."),
    ("wazalendo", "Wazalendo fighters clashed with the M23.",
     "Las milicias wazalendo combatieron al M23.",
     "As milícias wazalendo enfrentaram o M23."),
    ("twirwaneho", "Twirwaneho fighters attacked a camp.",
     "La milicia Twirwaneho atacó un campamento.",
     "A milícia Twirwaneho atacou um acampamento."),
    ("imbonerakure", "Imbonerakure youths beat a shopkeeper.",
     "Jóvenes Imbonerakure golpearon a un tendero.",
     "Jovens Imbonerakure espancaram um lojista."),
    ("mil-cf", "FACA troops entered the town.",
     "Las Fuerzas Armadas Centroafricanas entraron en la ciudad.",
     "As Forças Armadas Centro-Africanas entraram na cidade."),
    ("3r", "The 3R attacked a convoy.",
     "El grupo 3R atacó un convoy.",
     "O grupo 3R atacou um comboio."),
    ("forca-local", "Força Local members killed two insurgents.",
     "Miembros de la Força Local abatieron a dos insurgentes.",
     "A Força Local matou dois insurgentes."),
    ("comandos-frontera", "Comandos de la Frontera fighters blocked the river.",
     "Los Comandos de la Frontera bloquearon el río.",
     "Os Comandos da Fronteira bloquearam o rio."),
    ("embf", "The EMBF released two soldiers.",
     "El Estado Mayor de Bloques y Frentes liberó a dos soldados.",
     "O Estado-Maior de Blocos e Frentes libertou dois soldados."),
    ("sebin", "SEBIN agents detained the activist.",
     "Agentes del Sebin detuvieron al activista.",
     "Agentes do Sebin detiveram o ativista."),
    ("tiguerones", "Los Tiguerones attacked a prison.",
     "Los Tiguerones atacaron una cárcel.",
     "Os Tiguerones atacaram uma prisão."),
    ("cdn", "The Northeast Cartel blocked the highway.",
     "El Cártel del Noreste bloqueó la carretera.",
     "O Cartel do Nordeste bloqueou a estrada."),
    ("lnfm", "La Nueva Familia Michoacana ambushed the patrol.",
     "La Nueva Familia Michoacana emboscó a la patrulla.",
     "A Nova Família Michoacana emboscou a patrulha."),
    ("chapitos", "Los Chapitos gunmen attacked a ranch.",
     "Los Chapitos atacaron un rancho.",
     "Os Chapitos atacaram um rancho."),
    ("mayiza", "La Mayiza struck back in Culiacán.",
     "La Mayiza respondió en Culiacán.",
     "A Mayiza respondeu em Culiacán."),
    ("g9", "The G9 attacked the neighbourhood of Bel Morne.",
     "El G9 atacó el barrio de Bel Morne.",
     "O G9 atacou o bairro de Bel Morne."),
    ("gran-grif", "Gran Grif gang members torched homes.",
     "La banda Gran Grif quemó viviendas.",
     "A gangue Gran Grif incendiou casas."),
    ("pnh", "The PNH arrested a gang leader.",
     "La Policía Nacional de Haití arrestó a un cabecilla.",
     "A Polícia Nacional do Haiti prendeu um chefe de gangue."),
    ("prf", "Federal Highway Police officers seized guns.",
     "La PRF incautó armas en la carretera.",
     "A Polícia Rodoviária Federal apreendeu armas."),
    ("fdn-br", "The Northern Family clashed with rivals.",
     "La Família do Norte se enfrentó a sus rivales.",
     "A Família do Norte enfrentou rivais."),
    ("traore-bf", "Captain Ibrahim Traoré dissolved the parties.",
     "El capitán Traoré disolvió los partidos.",
     "O capitão Traoré dissolveu os partidos."),
]

CASES = [(text, lang, actor) for actor, *texts in SAMPLES for lang, text in zip(("en", "es", "pt"), texts, strict=True)]


@pytest.mark.parametrize(("text", "lang", "actor"), CASES)
def test_new_named_actor_resolves(text: str, lang: str, actor: str) -> None:
    assert actor in _ids(text, lang)


def test_batch_is_large_enough() -> None:
    assert len(SAMPLES) >= 40
    built = ("gen-", "mil-", "pol-", "gov-", "leg-")
    named = [a for a in actor_dictionary().actors.values() if not a.id.startswith(built)]
    assert len(named) >= 300


@pytest.mark.parametrize(("text", "lang", "absent"), [
    ("the cts of the program", "en", "cts"),  # short acronyms only in capitals
    ("la fama del pueblo", "es", "fama"),  # "FAMa" folds to an ordinary word: capitals only
    ("uma faca na mesa", "pt", "faca"),
    ("a rota do comboio", "pt", "rota"),
    ("la quema de rastrojos", "es", "rastrojos"),
    ("se abrochó el cinturón de seguridad", "es", "security-belt"),
])
def test_word_like_aliases_stay_quiet(text: str, lang: str, absent: str) -> None:
    assert absent not in _ids(text, lang)


@pytest.mark.parametrize(("text", "lang", "actor", "not_actor"), [
    ("The G9 attacked", "en", "g9", "viv-ansanm"),
    ("Los Chapitos atacaron", "es", "chapitos", "sinaloa"),
    ("O Cartel do Nordeste atacou", "pt", "cdn", "zetas"),
    ("Wazalendo fighters attacked", "en", "wazalendo", "mai-mai"),
    ("The 3R attacked", "en", "3r", "cpc"),
])
def test_factions_split_from_their_old_umbrella(text: str, lang: str, actor: str, not_actor: str) -> None:
    ids = _ids(text, lang)
    assert actor in ids and not_actor not in ids


def test_shared_acronym_keeps_its_first_owner_without_context() -> None:
    d = actor_dictionary()
    m = d.find(make_units(make_doc("The SNA said", "en")), "en")[0]
    assert [a.id for a in m.actors][:2] == ["sna", "mil-so"]
    assert _ids("FDS troops said", "en")[0] == "fdsmz"


@pytest.mark.parametrize(("lang", "text", "found"), [
    ("en", "FAMa soldiers attacked the camp near Gao.", True),
    ("es", "La fama del cantante creció tras el concierto.", False),
    ("pt", "A fama do cantor cresceu depois do concerto.", False),
])
def test_a_mixed_case_acronym_keeps_its_case(lang: str, text: str, found: bool) -> None:
    ids = [a.id for m in actor_dictionary().find(make_units(make_doc(text, lang)), lang) for a in m.actors]
    assert ("mil-ml" in ids) is found


@pytest.mark.parametrize("row", [["laf"], ["laf", "mil-lb", "extra"], ["", "mil-lb"], ["laf", " "]])
def test_a_malformed_same_as_row_fails_with_the_file_named(row: list[str]) -> None:
    from wirewatch.actors import _same_as
    from wirewatch.errors import ResourceError

    with pytest.raises(ResourceError, match=r"same_as\.tsv"):
        _same_as([row])


def test_every_same_as_target_is_a_built_actor() -> None:
    from wirewatch.actors import _read, _same_as

    actors = actor_dictionary().actors
    for named, built in _same_as(_read("same_as.tsv")).items():
        assert built in actors and named not in actors, (named, built)
