"""Spanish event vocabulary (issue 4): everyday news-wire and UN-report verbs and nouns that gave no event or the
wrong PLOVER type, and ordinary senses that must give none. The team's own sentences; places and people are
made up where they are not countries."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from wirewatch.pipeline import Pipeline
from wirewatch.stages.events import main_event

PUBLISHED = datetime(2025, 3, 10, tzinfo=UTC)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.default()


def main_type(pipeline: Pipeline, text: str) -> str | None:
    article = pipeline.analyze_text(text, lang="es", published=PUBLISHED)
    event = main_event(article.events, view="plover")
    return event.plover_type if event is not None else None


@pytest.mark.parametrize(("expected", "text"), [
    ("AGREE", "Las facciones se comprometieron a respetar el resultado electoral."),
    ("AGREE", "El gobierno se comprometió a liberar a los presos políticos antes de fin de mes."),
    ("AGREE", "Las partes convinieron en reanudar las conversaciones en marzo."),
    ("AGREE", "El Consejo aprobó por unanimidad la resolución sobre Haití."),
    ("AGREE", "El gobierno se ha comprometido a investigar los hechos."),
    ("AGREE", "Los sindicatos y la patronal convinieron en prorrogar el convenio."),
    ("CONSULT", "El ministro conversó por teléfono con el primer ministro de Italia."),
    ("CONSULT", "El embajador fue recibido por el presidente en el palacio de gobierno."),
    ("CONSULT", "El primer ministro recibió al secretario general de la OTAN."),
    ("CONSULT", "El mediador se entrevistó con los jefes de ambas milicias."),
    ("CONSULT", "La canciller se entrevistará mañana con el enviado de la ONU."),
    ("CONSULT", "El rey recibió a la presidenta de Chile en el palacio."),
    ("CONSULT", "La delegación fue recibida por el canciller en Asunción."),
    ("SUPPORT", "El presidente pidió disculpas a las víctimas de la dictadura."),
    ("SUPPORT", "El gobierno alabó el trabajo de los bomberos."),
    ("SUPPORT", "El Parlamento votó a favor de la propuesta del gobierno."),
    ("SUPPORT", "Los ministros aplaudieron la decisión del tribunal."),
    ("SUPPORT", "El presidente defendió la actuación de la policía."),
    ("SUPPORT", "El ministro se disculpó públicamente ante las familias."),
    ("SUPPORT", "La oposición aplaudió la decisión de convocar elecciones."),
    ("SUPPORT", "El senador alabó la gestión de la alcaldesa."),
    ("SUPPORT", "La diputada ofreció disculpas por sus declaraciones."),
    ("CONCEDE", "El gobierno accedió a las demandas de los camioneros."),
    ("CONCEDE", "El gobierno retiró el polémico proyecto de ley tras las protestas."),
    ("CONCEDE", "El ministro dio marcha atrás en la subida de impuestos."),
    ("CONCEDE", "El gobierno suavizó las condiciones para obtener la residencia."),
    ("CONCEDE", "El tribunal levantó la prohibición de salir del país al exalcalde."),
    ("CONCEDE", "El gobierno accedió a las peticiones de los agricultores."),
    ("CONCEDE", "Las autoridades levantaron las restricciones a la navegación."),
    ("CONCEDE", "El ministerio retiró la reforma tras la huelga."),
    ("COOPERATE", "Ambas agencias trabajaron juntas para desmantelar la red de trata."),
    ("AID", "La misión prestó apoyo logístico a las fuerzas armadas nacionales."),
    ("AID", "El gobierno de Chile acogió a cien refugiados sirios."),
    ("AID", "Las brigadas médicas atendieron a más de mil pacientes."),
    ("AID", "El Fondo Monetario desembolsó un tramo de 500 millones de dólares."),
    ("AID", "La misión facilitó apoyo técnico a la comisión electoral."),
    ("AID", "El gobierno japonés prestó apoyo financiero al programa de vacunación."),
    ("AID", "Alemania acogió a miles de refugiados afganos."),
    ("AID", "El banco desembolsó 40 millones para los damnificados."),
    ("AID", "La misión presta apoyo logístico a la comisión electoral."),
    ("RETREAT", "El ejército se replegó hacia la frontera."),
    ("RETREAT", "Los guerrilleros se rindieron ante el ejército."),
    ("RETREAT", "El ejército evacuó sus bases en el sur."),
    ("RETREAT", "Las columnas rebeldes se han replegado hacia las montañas."),
    ("RETREAT", "Los soldados evacuaron la base de Tarsal durante la noche."),
    ("REQUEST", "El sindicato demandó un aumento salarial del 20 por ciento."),
    ("REQUEST", "El papa abogó por una solución negociada del conflicto."),
    ("REQUEST", "La comunidad internacional urgió a las partes a negociar."),
    ("REQUEST", "Los obispos abogaron por una salida pacífica."),
    ("REQUEST", "La Unión Africana urge a las partes a respetar la tregua."),
    ("REQUEST", "Los vecinos demandan agua potable para el barrio."),
    ("ACCUSE", "La oposición cuestionó la legitimidad de las elecciones."),
    ("ACCUSE", "La defensora del pueblo señaló a la policía como responsable de los abusos."),
    ("ACCUSE", "El opositor tachó de fraude los resultados."),
    ("ACCUSE", "Los expertos cuestionaron la independencia del tribunal."),
    ("ACCUSE", "El sindicato demandó al ministerio por despido improcedente."),
    ("ACCUSE", "El juzgado procesó al empresario por fraude."),
    ("REJECT", "La oposición se opuso a la reforma constitucional."),
    ("REJECT", "Los huelguistas desoyeron la orden de volver al trabajo."),
    ("REJECT", "El grupo desafió la prohibición de manifestarse."),
    ("REJECT", "El Parlamento votó en contra del presupuesto."),
    ("REJECT", "La junta militar descartó celebrar elecciones este año."),
    ("REJECT", "El gobierno ignoró el ultimátum de los transportistas."),
    ("REJECT", "La ministra se opone a la construcción de la represa."),
    ("REJECT", "El gobierno descartó cualquier negociación con los secuestradores."),
    ("REJECT", "Los rebeldes ignoraron el llamamiento del Consejo."),
    ("REJECT", "El senado votó en contra de la reforma tributaria."),
    ("REJECT", "El ministro desafió abiertamente al tribunal."),
    ("REJECT", "El jefe de la milicia desafió al gobierno central."),
    ("REJECT", "Moscú objetó la propuesta de los observadores."),
    ("THREATEN", "El ministro alertó de represalias si se cruzaba la frontera."),
    ("THREATEN", "El líder rebelde amagó con abandonar el proceso de paz."),
    ("THREATEN", "El gobierno advirtió de represalias contra los responsables."),
    ("PROTEST", "Cientos de personas se manifestaron en la plaza mayor."),
    ("PROTEST", "Los reclusos se amotinaron en la cárcel de San Remigio."),
    ("PROTEST", "Los vecinos se concentraron frente a la alcaldía para exigir agua."),
    ("PROTEST", "Los indígenas tomaron las calles de la capital."),
    ("PROTEST", "Los jubilados se manifiestan cada miércoles frente al Congreso."),
    ("PROTEST", "Los presos se amotinaron para exigir mejores condiciones."),
    ("PROTEST", "Los jóvenes tomaron la plaza principal durante tres días."),
    ("SANCTION", "El gobierno declaró persona non grata al cónsul."),
    ("SANCTION", "El país cerró su embajada en Caracas en protesta."),
    ("SANCTION", "El gobierno prohibió la importación de productos del país vecino en represalia."),
    ("SANCTION", "Ecuador cerró su embajada en Managua."),
    ("SANCTION", "El gobierno prohibió las importaciones de carne del país vecino."),
    ("MOBILIZE", "Los rebeldes concentraron fuerzas cerca de la capital."),
    ("MOBILIZE", "Miles de soldados fueron enviados a la zona del conflicto."),
    ("MOBILIZE", "El ejército concentró tropas en la frontera norte."),
    ("MOBILIZE", "Cientos de policías fueron trasladados a la provincia."),
    ("COERCE", "Las autoridades clausuraron el diario opositor."),
    ("COERCE", "El tribunal condenó al exgeneral a 25 años de prisión."),
    ("COERCE", "El régimen bloqueó el acceso a las redes sociales."),
    ("COERCE", "La Guardia Civil requisó un cargamento de armas."),
    ("COERCE", "La policía capturó al jefe de la banda."),
    ("COERCE", "La policía capturó a dos presuntos sicarios."),
    ("COERCE", "La gobernación clausuró la emisora comunitaria."),
    ("COERCE", "El juez condenó al exalcalde a ocho años de cárcel."),
    ("ASSAULT", "El ejército abatió a cuatro presuntos guerrilleros."),
    ("ASSAULT", "Los militares fusilaron a cinco prisioneros."),
    ("ASSAULT", "Los milicianos se apoderaron de dos camiones de la ONU."),
    ("ASSAULT", "La marina abatió a tres piratas frente a la costa."),
    ("ASSAULT", "Los soldados fusilaron a varios civiles en la aldea."),
])
def test_spanish_words_are_coded(pipeline: Pipeline, expected: str, text: str) -> None:
    assert main_type(pipeline, text) == expected


@pytest.mark.parametrize("text", [
    "El equipo local atacó por la banda izquierda durante todo el partido.",
    "El portero detuvo un penalti en el último minuto.",
    "Los estudiantes celebraron el fin del curso con una fiesta.",
    "El equipo celebró el título con sus aficionados.",
    "El portero atajó el penalti en el descuento.",
    "El equipo se concentró en el hotel antes del partido.",
    "Los turistas no pudieron acceder a la playa por la marea.",
    "El presidente recibió un premio en Madrid.",
    "El médico atendió a su familia durante las fiestas.",
    "La ciudad celebró su aniversario con fuegos artificiales.",
    "Los científicos descubrieron una nueva especie de rana.",
    "Los estudiantes se concentraron en sus exámenes.",
    "El mercado de valores cerró con ganancias.",
    "Los pronósticos alertan de lluvias intensas en el sur.",
    "El club presentó a su nuevo entrenador.",
    "El alcalde inauguró un parque infantil.",
    "La escuela suspendió las clases por el calor.",
    "Se levanta la sesión a las 13.00 horas.",
    "Tema 4 del programa provisional.",
    "El informe consta de tres capítulos.",
    "La ciudad tiene unos 200.000 habitantes.",
    "El río atraviesa la provincia de norte a sur.",
    "La temperatura alcanzará los 35 grados este fin de semana.",
    "El equipo ganó el partido por dos goles a cero.",
    "El museo abre sus puertas de martes a domingo.",
    "La inflación se situó en el 4 por ciento en febrero.",
    "El documento se publicará en los seis idiomas oficiales.",
    "Las exportaciones de cobre crecieron un 8 por ciento.",
    "El nuevo puente mide 800 metros de largo.",
    "El delantero marcó su tercer gol de la temporada.",
    "La película se estrenará en diciembre.",
    "La región produce café y cacao.",
    "La escuela tiene capacidad para 500 alumnos.",
    "El presente informe abarca el período comprendido entre enero y junio.",
    "El tren sale de la estación a las ocho.",
    "Los precios del petróleo bajaron por tercera semana consecutiva.",
    "La novela narra la historia de una familia de pescadores.",
    "El cantante lanzó su nuevo disco en Bogotá.",
    "El dólar cerró la jornada a 950 pesos.",
    "La tienda vende ropa y calzado.",
    "La lluvia cayó durante toda la noche.",
    "El jugador sufrió una lesión en la rodilla.",
    "La empresa presentó sus resultados trimestrales.",
    "El tenista derrotó a su rival en tres sets.",
    "La cosecha de trigo fue abundante este año.",
    "El autobús tarda dos horas en llegar a la capital.",
    "La selección se enfrentará a Uruguay el martes.",
    "La obra de teatro se representa en el centro cultural.",
    "La tasa de desempleo bajó al 7 por ciento.",
])
def test_ordinary_senses_give_no_event(pipeline: Pipeline, text: str) -> None:
    assert main_type(pipeline, text) is None
