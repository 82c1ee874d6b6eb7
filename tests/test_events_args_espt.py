"""Event arguments (who did it to whom) in Spanish and Portuguese wire copy (issue 4): active and passive
verbs, dropped subjects, clitic and personal-"a" objects, event nouns with "de", coordination, appositions,
reported speech, quantities, titles and lead-ins. The team's own sentences (invented people and places).

Each case names the trigger's first word, the expected actor texts and the expected recipient texts (None:
not checked, where the object is a thing the actor dictionary does not name).
"""

from __future__ import annotations

import pytest

from events_support import event_on
from wirewatch.pipeline import Pipeline

Case = tuple[str, str, str, list[str], list[str] | None]



def check(pipeline: Pipeline, lang: str, text: str, trigger: str, actors: list[str],
          recipients: list[str] | None) -> None:
    event = event_on(pipeline, lang, text, trigger)
    assert [m.text for m in event.actors] == actors
    if recipients is not None:
        assert [m.text for m in event.recipients] == recipients

ACTIVE_CASES: list[Case] = [
    ("es", "Los guerrilleros atacaron a los soldados en la carretera.", "atacaron", ["guerrilleros"], ["soldados"]),
    ("es", "El Ejército atacó a los disidentes cerca del río.", "atacó", ["Ejército"], ["disidentes"]),
    ("es", "La policía detuvo a los manifestantes frente al Congreso.", "detuvo", ["policía"], ["manifestantes"]),
    ("es", "Los paramilitares mataron a tres campesinos en la vereda.", "mataron", ["paramilitares"], ["campesinos"]),
    ("es", "El Gobierno condenó el atentado contra la estación.", "condenó", ["Gobierno"], None),
    ("es", "El ministro de Defensa acusó a la guerrilla de reclutar menores.",
     "acusó", ["ministro de Defensa"], ["guerrilla"]),
    ("es", "El cartel amenazó a los periodistas de la región.", "amenazó", ["cartel"], ["periodistas"]),
    ("es", "Aviones militares bombardearon el campamento rebelde.", "bombardearon", ["Aviones militares"], None),
    ("es", "La oposición rechazó la propuesta del Gobierno.", "rechazó", ["oposición"], None),
    ("es", "Los policías dispersaron a los estudiantes con gases lacrimógenos.",
     "dispersaron", ["policías"], ["estudiantes"]),
    ("es", "El Gobierno expulsó al embajador de Velmoria.", "expulsó", ["Gobierno"], ["Velmoria"]),
    ("es", "Los rebeldes liberaron a los rehenes el domingo.", "liberaron", ["rebeldes"], ["rehenes"]),
    ("es", "Los disidentes emboscaron a una patrulla del Ejército.", "emboscaron", ["disidentes"],
     ["patrulla del Ejército"]),
    ("es", "Los atacantes hirieron a dos agentes de la policía.", "hirieron", ["atacantes"], ["agentes de la policía"]),
    ("es", "El sindicato denunció a la empresa por despidos.", "denunció", ["sindicato"], ["empresa"]),
    ("es", "Los trabajadores protestaron frente a la fábrica.", "protestaron", ["trabajadores"], None),
    ("es", "Los estudiantes marcharon por el centro de la capital.", "marcharon", ["estudiantes"], None),
    ("es", "El Gobierno y la guerrilla firmaron un acuerdo de paz.", "firmaron", ["Gobierno", "guerrilla"], None),
    ("es", "La policía antidisturbios reprimió a los manifestantes.",
     "reprimió", ["policía antidisturbios"], ["manifestantes"]),
    ("es", "Los pandilleros saquearon varios comercios del centro.", "saquearon", ["pandilleros"], None),
    ("es", "Los manifestantes incendiaron un autobús en la avenida.", "incendiaron", ["manifestantes"], None),
    ("es", "Narcotraficantes atacaron a militares en la sierra.", "atacaron", ["Narcotraficantes"], ["militares"]),
    ("es", "La policía desalojó a los campesinos del predio.", "desalojó", ["policía"], ["campesinos"]),
    ("es", "Los transportistas bloquearon la carretera principal.", "bloquearon", ["transportistas"], None),
    ("es", "Las tropas invadieron el territorio vecino.", "invadieron", ["tropas"], None),
    ("es", "Estados Unidos sancionó a cinco funcionarios venezolanos.",
     "sancionó", ["Estados Unidos"], ["funcionarios venezolanos"]),
    ("es", "El presidente visitó la zona afectada.", "visitó", ["presidente"], None),
    ("pt", "Os guerrilheiros atacaram os soldados na estrada.", "atacaram", ["guerrilheiros"], ["soldados"]),
    ("pt", "O Exército atacou os rebeldes perto do rio.", "atacou", ["Exército"], ["rebeldes"]),
    ("pt", "Homens armados sequestraram um comerciante em Tumbal.", "sequestraram", ["Homens armados"], None),
    ("pt", "A polícia prendeu os manifestantes em frente ao Congresso.", "prendeu", ["polícia"], ["manifestantes"]),
    ("pt", "Os milicianos mataram três agricultores na aldeia.", "mataram", ["milicianos"], None),
    ("pt", "O governo condenou o atentado contra a estação.", "condenou", ["governo"], None),
    ("pt", "O ministro da Defesa acusou a oposição de golpismo.", "acusou", ["ministro da Defesa"], ["oposição"]),
    ("pt", "A facção ameaçou os jornalistas da região.", "ameaçou", ["facção"], ["jornalistas"]),
    ("pt", "Aviões militares bombardearam o acampamento rebelde.", "bombardearam", ["Aviões militares"], None),
    ("pt", "A oposição rejeitou a proposta do governo.", "rejeitou", ["oposição"], None),
    ("pt", "Os policiais dispersaram os estudantes com gás lacrimogêneo.",
     "dispersaram", ["policiais"], ["estudantes"]),
    ("pt", "O governo expulsou o embaixador de Velmória.", "expulsou", ["governo"], ["Velmória"]),
    ("pt", "Os rebeldes libertaram os reféns no domingo.", "libertaram", ["rebeldes"], ["reféns"]),
    ("pt", "Os insurgentes emboscaram uma patrulha do Exército.", "emboscaram", ["insurgentes"], None),
    ("pt", "Os atacantes feriram dois policiais.", "feriram", ["atacantes"], ["policiais"]),
    ("pt", "O sindicato denunciou a empresa por demissões.", "denunciou", ["sindicato"], None),
    ("pt", "Os trabalhadores protestaram em frente à fábrica.", "protestaram", ["trabalhadores"], None),
    ("pt", "Os estudantes marcharam pelo centro da capital.", "marcharam", ["estudantes"], None),
    ("pt", "O governo e a guerrilha assinaram um acordo de paz.", "assinaram", ["governo", "guerrilha"], None),
    ("pt", "A polícia reprimiu os manifestantes com balas de borracha.", "reprimiu", ["polícia"], ["manifestantes"]),
    ("pt", "Os criminosos saquearam várias lojas do centro.", "saquearam", ["criminosos"], None),
    ("pt", "Os manifestantes incendiaram um ônibus na avenida.", "incendiaram", ["manifestantes"], None),
    ("pt", "Traficantes atacaram policiais no morro.", "atacaram", ["Traficantes"], ["policiais"]),
    ("pt", "Uma quadrilha assassinou um vereador do município.", "assassinou", ["quadrilha"], None),
    ("pt", "A polícia despejou as famílias do terreno.", "despejou", ["polícia"], ["famílias"]),
    ("pt", "Os caminhoneiros bloquearam a rodovia principal.", "bloquearam", ["caminhoneiros"], None),
    ("pt", "As tropas invadiram o território vizinho.", "invadiram", ["tropas"], None),
    ("pt", "Os milicianos ameaçaram as lideranças indígenas da aldeia.",
     "ameaçaram", ["milicianos"], ["lideranças indígenas"]),
    ("pt", "Os soldados destruíram um laboratório de cocaína.", "destruíram", ["soldados"], None),
    ("pt", "Os policiais apreenderam duas toneladas de maconha.", "apreenderam", ["policiais"], None),
    ("pt", "Policiais mataram três suspeitos durante a operação.", "mataram", ["Policiais"], None),
    ("pt", "A Rússia invadiu a Ucrânia em 2022.", "invadiu", ["Rússia"], ["Ucrânia"]),
    ("pt", "O Brasil acusou a Venezuela de violar o acordo.", "acusou", ["Brasil"], ["Venezuela"]),
    ("pt", "A ONU condenou os ataques contra civis.", "condenou", ["ONU"], None),
    ("pt", "A Polícia Federal prendeu um empresário em Santos.", "prendeu", ["Polícia Federal"], ["empresário"]),
]

@pytest.mark.parametrize(("lang", "text", "trigger", "actors", "recipients"), ACTIVE_CASES)
def test_active_verb_takes_subject_and_object(pipeline: Pipeline, lang: str, text: str, trigger: str, actors: list[str],
                                              recipients: list[str] | None) -> None:
    """Active verbs: the subject before the verb acts, the object after it receives ("atacaron a los soldados")."""
    check(pipeline, lang, text, trigger, actors, recipients)


PASSIVES_CASES: list[Case] = [
    ("es", "Los soldados fueron atacados por hombres armados en la frontera.",
     "atacados", ["hombres armados"], ["soldados"]),
    ("es", "Los estudiantes fueron detenidos por la policía durante la marcha.",
     "detenidos", ["policía"], ["estudiantes"]),
    ("es", "El empresario fue secuestrado por la guerrilla en la vía.", "secuestrado", ["guerrilla"], ["empresario"]),
    ("es", "Los periodistas han sido amenazados por paramilitares.", "amenazados", ["paramilitares"], ["periodistas"]),
    ("es", "Tres policías resultaron heridos por manifestantes.", "heridos", ["manifestantes"], ["policías"]),
    ("es", "Las familias fueron desalojadas por la policía.", "desalojadas", ["policía"], ["familias"]),
    ("es", "Los funcionarios fueron sancionados por la Unión Europea.",
     "sancionados", ["Unión Europea"], ["funcionarios"]),
    ("es", "El embajador fue expulsado por el Gobierno de Velmoria.",
     "expulsado", ["Gobierno de Velmoria"], ["embajador"]),
    ("es", "Los rehenes fueron liberados por los rebeldes el martes.", "liberados", ["rebeldes"], ["rehenes"]),
    ("es", "El presidente fue criticado por la oposición.", "criticado", ["oposición"], ["presidente"]),
    ("pt", "Os soldados foram atacados por homens armados na fronteira.", "atacados", ["homens armados"], ["soldados"]),
    ("pt", "Os estudantes foram presos pela polícia durante a marcha.", "presos", ["polícia"], ["estudantes"]),
    ("pt", "O empresário foi sequestrado pela guerrilha na estrada.", "sequestrado", ["guerrilha"], ["empresário"]),
    ("pt", "O chefe do grupo foi capturado pelo Exército numa operação.", "capturado", ["Exército"], None),
    ("pt", "Os jornalistas foram ameaçados por milicianos.", "ameaçados", ["milicianos"], ["jornalistas"]),
    ("pt", "Três policiais ficaram feridos por manifestantes.", "feridos", ["manifestantes"], ["policiais"]),
    ("pt", "As famílias foram despejadas pela polícia.", "despejadas", ["polícia"], ["famílias"]),
    ("pt", "O ex-ministro foi acusado pelo Ministério Público de corrupção.", "acusado", ["Ministério Público"], None),
    ("pt", "Os funcionários foram sancionados pela União Europeia.",
     "sancionados", ["União Europeia"], ["funcionários"]),
    ("pt", "O embaixador foi expulso pelo governo.", "expulso", ["governo"], ["embaixador"]),
    ("pt", "A aldeia foi bombardeada pela aviação militar.", "bombardeada", ["aviação"], None),
    ("pt", "Os reféns foram libertados pelos rebeldes na terça-feira.", "libertados", ["rebeldes"], ["reféns"]),
    ("pt", "O presidente foi criticado pela oposição.", "criticado", ["oposição"], ["presidente"]),
    ("pt", "Os manifestantes foram dispersados pela polícia.", "dispersados", ["polícia"], ["manifestantes"]),
    ("pt", "A base foi atacada por insurgentes com drones.", "atacada", ["insurgentes"], None),
    ("pt", "Os ativistas foram detidos pela polícia em Lisboa.", "detidos", ["polícia"], ["ativistas"]),
]

@pytest.mark.parametrize(("lang", "text", "trigger", "actors", "recipients"), PASSIVES_CASES)
def test_passive_agent_after_por_pelo(pipeline: Pipeline, lang: str, text: str, trigger: str, actors: list[str],
                                      recipients: list[str] | None) -> None:
    """Passives: the agent after "por"/"pelo"/"pela" acts, the subject before the participle receives."""
    check(pipeline, lang, text, trigger, actors, recipients)


DROPPED_CASES: list[Case] = [
    ("es", "El Ejército atacó el campamento y capturó a cinco guerrilleros.", "capturó", ["Ejército"], None),
    ("es", "Los guerrilleros atacaron el pueblo y secuestraron a dos maestros.",
     "secuestraron", ["guerrilleros"], None),
    ("es", "La policía llegó al lugar y detuvo a los sospechosos.", "detuvo", ["policía"], None),
    ("es", "Los manifestantes marcharon por la avenida y quemaron una patrulla.", "quemaron", ["manifestantes"], None),
    ("es", "Los atacantes dispararon contra la casa y huyeron en motocicleta.", "huyeron", ["atacantes"], []),
    ("es", "El ministro criticó a la prensa y amenazó con demandas.", "amenazó", ["ministro"], None),
    ("es", "Los disidentes emboscaron a la patrulla y mataron a dos soldados.", "mataron", ["disidentes"], None),
    ("es", "El Ejército rodeó la finca y liberó a los rehenes.", "liberó", ["Ejército"], ["rehenes"]),
    ("es", "El Gobierno recibió la carta y rechazó las exigencias de los rebeldes.", "rechazó", ["Gobierno"], None),
    ("es", "Los campesinos protestaron el lunes y bloquearon la vía.", "bloquearon", ["campesinos"], None),
    ("es", "La Armada interceptó una lancha e incautó dos toneladas de cocaína.", "incautó", ["Armada"], None),
    ("es", "Los agentes allanaron la vivienda y arrestaron a tres personas.", "arrestaron", ["agentes"], None),
    ("pt", "O Exército atacou o acampamento e capturou cinco guerrilheiros.", "capturou", ["Exército"], None),
    ("pt", "Os guerrilheiros atacaram a vila e sequestraram dois professores.",
     "sequestraram", ["guerrilheiros"], None),
    ("pt", "A polícia chegou ao local e prendeu os suspeitos.", "prendeu", ["polícia"], None),
    ("pt", "Os manifestantes marcharam pela avenida e queimaram uma viatura.", "queimaram", ["manifestantes"], None),
    ("pt", "Os atacantes dispararam contra a casa e fugiram de moto.", "fugiram", ["atacantes"], []),
    ("pt", "Os insurgentes emboscaram a patrulha e mataram dois soldados.", "mataram", ["insurgentes"], None),
    ("pt", "O Exército cercou a fazenda e libertou os reféns.", "libertou", ["Exército"], ["reféns"]),
    ("pt", "O governo recebeu a carta e rejeitou as exigências dos rebeldes.", "rejeitou", ["governo"], None),
    ("pt", "Os agentes invadiram a casa e prenderam três pessoas.", "prenderam", ["agentes"], None),
    ("pt", "O ministro reuniu-se com os sindicatos e criticou a greve.", "criticou", ["ministro"], None),
]

@pytest.mark.parametrize(("lang", "text", "trigger", "actors", "recipients"), DROPPED_CASES)
def test_dropped_subject_after_a_first_clause(pipeline: Pipeline, lang: str, text: str, trigger: str, actors: list[str],
                                              recipients: list[str] | None) -> None:
    """A second verb after "y"/"e" shares the first verb's subject, never its object."""
    check(pipeline, lang, text, trigger, actors, recipients)


CLITIC_CASES: list[Case] = [
    ("es", "Los soldados patrullaban la zona cuando hombres armados los atacaron.",
     "atacaron", ["hombres armados"], None),
    ("es", "Los jóvenes salieron de la casa y la policía los detuvo.", "detuvo", ["policía"], None),
    ("es", "Los periodistas denunciaron que los paramilitares los amenazaron.", "amenazaron", ["paramilitares"], None),
    ("es", "Los ingenieros viajaban por la vía cuando los guerrilleros los secuestraron.",
     "secuestraron", ["guerrilleros"], None),
    ("es", "Los rehenes dijeron que los rebeldes los liberaron sin pago.", "liberaron", ["rebeldes"], None),
    ("es", "El embajador criticó la medida y el Gobierno lo expulsó.", "expulsó", ["Gobierno"], None),
    ("pt", "Os soldados patrulhavam a zona quando homens armados atacaram-nos.", "atacaram", ["homens armados"], None),
    ("pt", "Os jovens saíram de casa e a polícia prendeu-os.", "prendeu", ["polícia"], None),
    ("pt", "Os jornalistas denunciaram que os milicianos os ameaçaram.", "ameaçaram", ["milicianos"], None),
    ("pt", "Os reféns disseram que os rebeldes os libertaram sem resgate.", "libertaram", ["rebeldes"], None),
    ("pt", "O embaixador criticou a medida e o governo expulsou-o.", "expulsou", ["governo"], None),
    ("pt", "Os guardas foram cercados e os criminosos atacaram-nos com pedras.", "atacaram", ["criminosos"], None),
]

@pytest.mark.parametrize(("lang", "text", "trigger", "actors", "recipients"), CLITIC_CASES)
def test_clitic_objects_leave_the_subject(pipeline: Pipeline, lang: str, text: str, trigger: str, actors: list[str],
                                          recipients: list[str] | None) -> None:
    """Clitic objects ("los atacaron", "atacaram-nos") do not hide the subject before them."""
    check(pipeline, lang, text, trigger, actors, recipients)


PERSONAL_CASES: list[Case] = [
    ("es", "Hombres armados mataron a tres campesinos en Arauca.", "mataron", ["Hombres armados"], ["campesinos"]),
    ("es", "Los disidentes secuestraron a dos soldados en el Cauca.", "secuestraron", ["disidentes"], ["soldados"]),
    ("es", "Los militares detuvieron a decenas de manifestantes.", "detuvieron", ["militares"], ["manifestantes"]),
    ("es", "Sicarios asesinaron a un periodista en Tijuana.", "asesinaron", ["Sicarios"], None),
    ("es", "Pandilleros atacaron a policías en San Salvador.", "atacaron", ["Pandilleros"], ["policías"]),
    ("es", "Los soldados hirieron a varios civiles durante el operativo.", "hirieron", ["soldados"], ["civiles"]),
    ("es", "Los indígenas denunciaron al Ejército por abusos.", "denunciaron", ["indígenas"], ["Ejército"]),
]

@pytest.mark.parametrize(("lang", "text", "trigger", "actors", "recipients"), PERSONAL_CASES)
def test_personal_a_marks_the_object(pipeline: Pipeline, lang: str, text: str, trigger: str, actors: list[str],
                                     recipients: list[str] | None) -> None:
    """Spanish personal "a": the people after it are the recipients ("mataron a tres campesinos")."""
    check(pipeline, lang, text, trigger, actors, recipients)


NOMINAL_CASES: list[Case] = [
    ("es", "El ataque de las FARC dejó dos muertos en la vereda.", "ataque", ["FARC"], None),
    ("es", "El Gobierno condenó el ataque del ELN contra la estación de policía.", "ataque", ["ELN"], None),
    ("es", "La ofensiva del Ejército contra las disidencias continúa en el sur.", "ofensiva", ["Ejército"], None),
    ("es", "La protesta de los maestros paralizó la ciudad.", "protesta", ["maestros"], None),
    ("es", "La huelga de los camioneros entró en su tercer día.", "huelga", ["camioneros"], None),
    ("es", "El bombardeo de la Fuerza Aérea destruyó el campamento.", "bombardeo", ["Fuerza Aérea"], None),
    ("es", "La toma del pueblo por los rebeldes duró tres días.", "toma", ["rebeldes"], None),
    ("es", "La emboscada de los guerrilleros dejó cuatro soldados heridos.", "emboscada", ["guerrilleros"], None),
    ("es", "La marcha de los estudiantes terminó en la plaza principal.", "marcha", ["estudiantes"], None),
    ("es", "La expulsión de los diplomáticos tensó las relaciones.", "expulsión", [], ["diplomáticos"]),
    ("pt", "O ataque dos insurgentes deixou dois mortos na vila.", "ataque", ["insurgentes"], None),
    ("pt", "O governo condenou o ataque do PCC contra a delegacia.", "ataque", ["PCC"], None),
    ("pt", "A prisão do opositor gerou críticas internacionais.", "prisão", [], None),
    ("pt", "A ofensiva do Exército contra os rebeldes continua no norte.", "ofensiva", ["Exército"], None),
    ("pt", "O protesto dos professores paralisou a cidade.", "protesto", ["professores"], None),
    ("pt", "A greve dos caminhoneiros entrou no terceiro dia.", "greve", ["caminhoneiros"], None),
    ("pt", "O bombardeio da Força Aérea destruiu o acampamento.", "bombardeio", ["Força Aérea"], None),
    ("pt", "A tomada da cidade pelos rebeldes durou três dias.", "tomada", ["rebeldes"], None),
    ("pt", "A emboscada dos guerrilheiros deixou quatro soldados feridos.", "emboscada", ["guerrilheiros"], None),
    ("pt", "A marcha dos estudantes terminou na praça principal.", "marcha", ["estudantes"], None),
    ("pt", "A expulsão dos diplomatas agravou as relações.", "expulsão", [], ["diplomatas"]),
    ("pt", "A manifestação dos indígenas bloqueou a Esplanada.", "manifestação", ["indígenas"], None),
]

@pytest.mark.parametrize(("lang", "text", "trigger", "actors", "recipients"), NOMINAL_CASES)
def test_event_nouns_with_de(pipeline: Pipeline, lang: str, text: str, trigger: str, actors: list[str],
                             recipients: list[str] | None) -> None:
    """Event nouns: an armed side or protesters after "de"/"do"/"da" act; others are only the patient."""
    check(pipeline, lang, text, trigger, actors, recipients)


COORDINATION_CASES: list[Case] = [
    ("es", "Estudiantes y maestros protestaron contra los recortes.", "protestaron", ["Estudiantes", "maestros"], None),
    ("es", "Colombia y Venezuela firmaron un acuerdo comercial.", "firmaron", ["Colombia", "Venezuela"], None),
    ("es", "La policía detuvo a manifestantes y periodistas.", "detuvo", ["policía"], ["manifestantes", "periodistas"]),
    ("es", "El Gobierno y la oposición condenaron el atentado.", "condenaron", ["Gobierno", "oposición"], None),
    ("es", "Campesinos e indígenas marcharon hacia la capital.", "marcharon", ["Campesinos", "indígenas"], None),
    ("es", "La policía y el Ejército atacaron un campamento de la banda.", "atacaron", ["policía", "Ejército"], None),
    ("es", "Los paramilitares amenazaron a líderes sociales y periodistas.",
     "amenazaron", ["paramilitares"], ["líderes sociales", "periodistas"]),
    ("es", "El canciller y el embajador se reunieron en Lima.", "reunieron", ["canciller", "embajador"], None),
    ("pt", "A polícia e o exército atacaram o acampamento da facção.", "atacaram", ["polícia", "exército"], None),
    ("pt", "Estudantes e professores protestaram contra os cortes.",
     "protestaram", ["Estudantes", "professores"], None),
    ("pt", "O Brasil e a Argentina assinaram um acordo comercial.", "assinaram", ["Brasil", "Argentina"], None),
    ("pt", "A polícia prendeu manifestantes e jornalistas.", "prendeu", ["polícia"], ["manifestantes", "jornalistas"]),
    ("pt", "O governo e a oposição condenaram o atentado.", "condenaram", ["governo", "oposição"], None),
    ("pt", "Os milicianos ameaçaram ativistas e jornalistas.",
     "ameaçaram", ["milicianos"], ["ativistas", "jornalistas"]),
    ("pt", "Rebeldes e milicianos atacaram a vila de Sarane.", "atacaram", ["Rebeldes", "milicianos"], ["Sarane"]),
]

@pytest.mark.parametrize(("lang", "text", "trigger", "actors", "recipients"), COORDINATION_CASES)
def test_coordinated_actors_and_objects(pipeline: Pipeline, lang: str, text: str, trigger: str, actors: list[str],
                                        recipients: list[str] | None) -> None:
    """Coordination makes lists of actors or recipients ("el ELN y las disidencias", "polícia e exército")."""
    check(pipeline, lang, text, trigger, actors, recipients)


APPOSITIONS_CASES: list[Case] = [
    ("es", "Ramiro Quintana, líder del partido, acusó al Gobierno de corrupción.",
     "acusó", ["Ramiro Quintana"], ["Gobierno"]),
    ("es", "El ministro Óscar Valdivia, líder del partido, condenó el ataque.",
     "condenó", ["ministro Óscar Valdivia"], None),
    ("es", "Lucía Pardo, portavoz de la ONG, denunció la masacre.", "denunció", ["Lucía Pardo"], None),
    ("es", "Tomás Ibarra, jefe de la bancada opositora, rechazó el presupuesto.", "rechazó", ["Tomás Ibarra"], None),
    ("es", "Los guerrilleros, que operan en la zona, atacaron a la patrulla.", "atacaron", ["guerrilleros"], None),
    ("es", "Marta Quiroga, senadora de la oposición, criticó al presidente.",
     "criticó", ["Marta Quiroga"], ["presidente"]),
    ("es", "Julián Mora, alias el Tigre, amenazó a los comerciantes.", "amenazó", ["Julián Mora"], None),
    ("es", "Elena Suárez, presidenta del sindicato, exigió aumentos salariales.", "exigió", ["Elena Suárez"], None),
    ("pt", "Aurélio Fontes, líder do partido, acusou o governo de corrupção.",
     "acusou", ["Aurélio Fontes"], ["governo"]),
    ("pt", "O ministro Paulo Teixeira, líder do partido, condenou o ataque.",
     "condenou", ["ministro Paulo Teixeira"], None),
    ("pt", "Luísa Prado, porta-voz da ONG, denunciou a chacina.", "denunciou", ["Luísa Prado"], None),
    ("pt", "Tomás Ibarra, chefe da bancada da oposição, rejeitou o orçamento.", "rejeitou", ["Tomás Ibarra"], None),
    ("pt", "Marta Quirino, senadora da oposição, criticou o presidente.",
     "criticou", ["Marta Quirino"], ["presidente"]),
    ("pt", "Helena Souza, presidente do sindicato, exigiu aumentos salariais.", "exigiu", ["Helena Souza"], None),
    ("pt", "Os guerrilheiros, que atuam na região, atacaram a patrulha.", "atacaram", ["guerrilheiros"], None),
]

@pytest.mark.parametrize(("lang", "text", "trigger", "actors", "recipients"), APPOSITIONS_CASES)
def test_apposition_is_skipped_for_its_head(pipeline: Pipeline, lang: str, text: str, trigger: str, actors: list[str],
                                            recipients: list[str] | None) -> None:
    """An apposition between commas describes the name before it, which is the actor."""
    check(pipeline, lang, text, trigger, actors, recipients)


REPORTED_CASES: list[Case] = [
    ("es", "Según la policía, los hombres armados atacaron la estación.", "atacaron", ["hombres armados"], None),
    ("es", "La policía dijo que los disidentes atacaron la estación.", "atacaron", ["disidentes"], None),
    ("es", "Según el Ejército, los guerrilleros secuestraron a dos soldados.", "secuestraron", ["guerrilleros"], None),
    ("es", "La Fiscalía informó que sicarios asesinaron a un concejal.", "asesinaron", ["sicarios"], None),
    ("es", "Según testigos, los agentes detuvieron a varios estudiantes.", "detuvieron", ["agentes"], None),
    ("es", "El Ejército afirmó que los rebeldes emboscaron a una patrulla.", "emboscaron", ["rebeldes"], None),
    ("es", "Según los vecinos, los aviones bombardearon el poblado.", "bombardearon", ["aviones"], None),
    ("es", "Las autoridades dijeron que los pandilleros mataron a dos policías.", "mataron", ["pandilleros"], None),
    ("es", "De acuerdo con el Ejército, los insurgentes atacaron la base.", "atacaron", ["insurgentes"], None),
    ("es", "Según la ONG, los agentes dispararon contra los manifestantes.", "dispararon", ["agentes"], None),
    ("pt", "Segundo a polícia, os homens armados atacaram a delegacia.", "atacaram", ["homens armados"], None),
    ("pt", "A polícia disse que os insurgentes atacaram a delegacia.", "atacaram", ["insurgentes"], None),
    ("pt", "Segundo o Exército, os guerrilheiros sequestraram dois soldados.", "sequestraram", ["guerrilheiros"], None),
    ("pt", "A polícia informou que pistoleiros assassinaram um vereador.", "assassinaram", ["pistoleiros"], None),
    ("pt", "Segundo testemunhas, os agentes prenderam vários estudantes.", "prenderam", ["agentes"], None),
    ("pt", "O Exército afirmou que os rebeldes emboscaram uma patrulha.", "emboscaram", ["rebeldes"], None),
    ("pt", "Segundo os moradores, os aviões bombardearam a aldeia.", "bombardearam", ["aviões"], None),
    ("pt", "As autoridades disseram que os traficantes mataram dois policiais.", "mataram", ["traficantes"], None),
    ("pt", "De acordo com o Exército, os insurgentes atacaram a base.", "atacaram", ["insurgentes"], None),
    ("pt", "Segundo a ONG, os agentes dispararam contra os manifestantes.", "dispararam", ["agentes"], None),
]

@pytest.mark.parametrize(("lang", "text", "trigger", "actors", "recipients"), REPORTED_CASES)
def test_reported_clause_has_its_own_subject(pipeline: Pipeline, lang: str, text: str, trigger: str, actors: list[str],
                                             recipients: list[str] | None) -> None:
    """Reported speech: the reported clause's subject acts, not the source ("según la policía")."""
    check(pipeline, lang, text, trigger, actors, recipients)


QUANTITIES_CASES: list[Case] = [
    ("es", "Unos 200 manifestantes protestaron frente a la alcaldía.", "protestaron", ["manifestantes"], None),
    ("es", "Miles de estudiantes marcharon por el centro de Bogotá.", "marcharon", ["estudiantes"], None),
    ("es", "Un grupo de guerrilleros atacó el puesto de control.", "atacó", ["guerrilleros"], None),
    ("es", "Un grupo de guerrilleros atacó el puesto de control.", "atacó", ["guerrilleros"], None),
    ("es", "Cientos de camioneros bloquearon las vías del país.", "bloquearon", ["camioneros"], None),
    ("es", "La policía detuvo a unos 50 manifestantes.", "detuvo", ["policía"], ["manifestantes"]),
    ("es", "Una decena de hombres armados asaltaron el banco.", "asaltaron", ["hombres armados"], None),
    ("es", "Decenas de maestros protestaron contra la reforma educativa.", "protestaron", ["maestros"], None),
    ("es", "Al menos 30 disidentes atacaron la base militar.", "atacaron", ["disidentes"], None),
    ("pt", "Cerca de 200 manifestantes protestaram em frente à prefeitura.", "protestaram", ["manifestantes"], None),
    ("pt", "Milhares de estudantes marcharam pelo centro de São Paulo.", "marcharam", ["estudantes"], None),
    ("pt", "Um grupo de guerrilheiros atacou o posto de controle.", "atacou", ["guerrilheiros"], None),
    ("pt", "Centenas de caminhoneiros bloquearam as estradas do país.", "bloquearam", ["caminhoneiros"], None),
    ("pt", "A polícia prendeu cerca de 50 manifestantes.", "prendeu", ["polícia"], ["manifestantes"]),
    ("pt", "Dezenas de professores protestaram contra a reforma.", "protestaram", ["professores"], None),
    ("pt", "Pelo menos 30 insurgentes atacaram a base militar.", "atacaram", ["insurgentes"], None),
]

@pytest.mark.parametrize(("lang", "text", "trigger", "actors", "recipients"), QUANTITIES_CASES)
def test_quantities_stay_outside_the_actor(pipeline: Pipeline, lang: str, text: str, trigger: str, actors: list[str],
                                           recipients: list[str] | None) -> None:
    """Quantities ("unos 200", "milhares de", "un grupo de") are not part of the actor."""
    check(pipeline, lang, text, trigger, actors, recipients)


TITLES_CASES: list[Case] = [
    ("es", "El presidente Gabriel Boric condenó la violencia en el sur.",
     "condenó", ["presidente Gabriel Boric"], None),
    ("es", "El presidente Lula criticó las sanciones.", "criticó", ["presidente Lula"], None),
    ("es", "El gobernador Raúl Peña acusó a los rebeldes del ataque.", "acusó", ["gobernador Raúl Peña"], None),
    ("es", "El canciller Amaro Rivas visitó Caracas el lunes.", "visitó", ["canciller Amaro Rivas"], None),
    ("es", "El alcalde Mauricio Ledesma denunció amenazas de muerte.", "denunció", ["alcalde Mauricio Ledesma"], None),
    ("es", "La senadora Inés Calvo rechazó el proyecto de ley.", "rechazó", ["senadora Inés Calvo"], None),
    ("es", "El general Ignacio Paredes amenazó con atacar los campamentos.",
     "amenazó", ["general Ignacio Paredes"], None),
    ("pt", "O presidente Lula criticou as sanções.", "criticou", ["presidente Lula"], None),
    ("pt", "O governador Tarcísio condenou a violência na capital.", "condenou", ["governador Tarcísio"], None),
    ("pt", "O governador Raul Pena acusou os rebeldes do ataque.", "acusou", ["governador Raul Pena"], ["rebeldes"]),
    ("pt", "O prefeito Maurício Leme denunciou ameaças de morte.", "denunciou", ["prefeito Maurício Leme"], None),
    ("pt", "A senadora Inês Calvo rejeitou o projeto de lei.", "rejeitou", ["senadora Inês Calvo"], None),
    ("pt", "O general Inácio Paredes ameaçou atacar os acampamentos.", "ameaçou", ["general Inácio Paredes"], None),
    ("pt", "O primeiro-ministro Luís Montenegro condenou o ataque.",
     "condenou", ["primeiro-ministro Luís Montenegro"], None),
]

@pytest.mark.parametrize(("lang", "text", "trigger", "actors", "recipients"), TITLES_CASES)
def test_titles_join_the_name(pipeline: Pipeline, lang: str, text: str, trigger: str, actors: list[str],
                              recipients: list[str] | None) -> None:
    """Titles join the name they precede ("el presidente Lula", "o governador Tarcísio")."""
    check(pipeline, lang, text, trigger, actors, recipients)


DATES_CASES: list[Case] = [
    ("es", "Los guerrilleros el martes atacaron a la patrulla.", "atacaron", ["guerrilleros"], None),
    ("es", "La policía este lunes detuvo a cinco personas.", "detuvo", ["policía"], None),
    ("es", "El domingo, los rebeldes atacaron el pueblo de Sarán.", "atacaron", ["rebeldes"], None),
    ("es", "El viernes, el Gobierno condenó el atentado.", "condenó", ["Gobierno"], None),
    ("es", "Este jueves, miles de campesinos protestaron en la capital.", "protestaron", ["campesinos"], None),
    ("es", "En la madrugada del sábado, disidentes secuestraron a un soldado.", "secuestraron", ["disidentes"], None),
    ("pt", "Os guerrilheiros na terça-feira atacaram a patrulha.", "atacaram", ["guerrilheiros"], None),
    ("pt", "No domingo, os rebeldes atacaram a vila de Sarane.", "atacaram", ["rebeldes"], None),
    ("pt", "Na sexta-feira, o governo condenou o atentado.", "condenou", ["governo"], None),
    ("pt", "Na madrugada de sábado, insurgentes sequestraram um soldado.", "sequestraram", ["insurgentes"], None),
    ("pt", "A polícia nesta segunda-feira prendeu cinco pessoas.", "prendeu", ["polícia"], None),
]

@pytest.mark.parametrize(("lang", "text", "trigger", "actors", "recipients"), DATES_CASES)
def test_dates_and_lead_ins_are_skipped(pipeline: Pipeline, lang: str, text: str, trigger: str, actors: list[str],
                                        recipients: list[str] | None) -> None:
    """Dates and lead-in adverbials between or before subject and verb are skipped."""
    check(pipeline, lang, text, trigger, actors, recipients)


ADDED_CASES: list[Case] = [
    ("es", "La policía detuvo estudiantes y periodistas.", "detuvo", ["policía"], ["estudiantes", "periodistas"]),
    ("es", "Los manifestantes protestaron frente a la sede del Gobierno.", "protestaron", ["manifestantes"], None),
    ("es", "El paro de los camioneros afectó el abastecimiento.", "paro", ["camioneros"], None),
    ("es", "La movilización de los indígenas llegó a la capital.", "movilización", ["indígenas"], None),
    ("es", "El cacerolazo de los vecinos se escuchó en toda la ciudad.", "cacerolazo", ["vecinos"], None),
    ("es", "Irán acusó a Israel de atacar la embajada.", "acusó", ["Irán"], ["Israel"]),
    ("es", "La Cancillería condenó el ataque contra la embajada.", "condenó", ["Cancillería"], None),
    ("es", "La concejala Ana López criticó el operativo policial.", "criticó", ["concejala Ana López"], None),
    ("es", "El diputado Caio Ramos denunció la masacre.", "denunció", ["diputado Caio Ramos"], None),
    ("es", "La Policía Nacional reprimió la protesta de los estudiantes.", "reprimió", ["Policía Nacional"], None),
    ("pt", "A polícia prendeu estudantes e jornalistas.", "prendeu", ["polícia"], ["estudantes", "jornalistas"]),
    ("pt", "Os manifestantes protestaram em frente ao Palácio do Planalto.", "protestaram", ["manifestantes"], None),
    ("pt", "A greve dos professores chegou ao segundo mês.", "greve", ["professores"], None),
    ("pt", "O protesto dos camponeses bloqueou a rodovia.", "protesto", ["camponeses"], None),
    ("pt", "A expulsão do embaixador agravou a crise.", "expulsão", [], None),
    ("pt", "A vereadora Ana Lopes criticou a operação policial.", "criticou", ["vereadora Ana Lopes"], None),
    ("pt", "O deputado Caio Ramos denunciou a chacina.", "denunciou", ["deputado Caio Ramos"], None),
    ("pt", "O juiz Sérgio Prates condenou os réus.", "condenou", ["juiz Sérgio Prates"], None),
    ("pt", "Na semana passada, os rebeldes atacaram a vila.", "atacaram", ["rebeldes"], None),
    ("pt", "Neste domingo, policiais dispararam contra os manifestantes.", "dispararam", ["policiais"], None),
    ("pt", "A Polícia Militar reprimiu o protesto dos estudantes.", "reprimiu", ["Polícia Militar"], None),
    ("pt", "O Irã acusou Israel de atacar a embaixada.", "acusou", ["Irã"], ["Israel"]),
    ("pt", "O Itamaraty condenou o ataque contra a embaixada.", "condenou", ["Itamaraty"], None),
]

@pytest.mark.parametrize(("lang", "text", "trigger", "actors", "recipients"), ADDED_CASES)
def test_review_fixes(pipeline: Pipeline, lang: str, text: str, trigger: str, actors: list[str],
                      recipients: list[str] | None) -> None:
    """Rules from this review: protest nouns' "de" phrase, bare coordinated objects, "frente al", lower-case titles."""
    check(pipeline, lang, text, trigger, actors, recipients)
