"""Preguntas de seguimiento en español, tuteando, como suelen escribir las marcas en redes."""

PEOPLE = {
    "mother": "tu madre", "father": "tu padre", "daughter": "tu hija", "son": "tu hijo",
    "wife": "tu mujer", "husband": "tu marido", "girlfriend": "tu novia", "boyfriend": "tu novio",
    "grandmother": "tu abuela", "grandfather": "tu abuelo", "sister": "tu hermana", "brother": "tu hermano",
   
}

# Questions about using what they have rather than choosing it: they get the question_using follow-ups.
USING = r"cómo (?:puedo|hago|se)|puedo usar|debo|dónde (?:encuentro|puedo encontrar)|hay alguna forma"
# Questions about choosing something: they get the question_choosing follow-ups.
CHOOSING = r"recomiend\w*|recomendar\w*|diferencia|cuál (?:me|es mejor)|adecuad\w*|sirve para|vale la pena|talla|compatible|funciona con|hecho (?:con|de)|suficiente|bueno para"
# Questions about leaving (cancelling, closing an account): they get the question_leaving follow-ups.
LEAVING = r"cancelar|darme de baja|dar de baja|borrar mi cuenta"

BANK = {
    "question": (
        "¿Para qué lo quieres usar? Así te damos algún consejo más que te sirva.",
        "¿Qué te despertó el interés?",
        "¿Es para ti o para otra persona?",
    ),
    "question_leaving": (
        "Sentimos que te vayas. ¿Nos cuentas qué te hizo tomar la decisión?",
        "Antes de irte: ¿qué podríamos haber hecho mejor?",
        "¿Echaste en falta algo que te habría hecho quedarte?",
    ),
    "question_choosing": (
        "person|¿Para qué lo usaría sobre todo {person}? Así te recomendamos lo que mejor encaje.",
        "¿Para qué lo vas a usar sobre todo? Así te recomendamos lo que mejor te encaje.",
        "¿Es para ti o estás buscando algo para otra persona?",
        "¿Qué es lo que más te importa a la hora de elegir?",
        "¿Con qué otra opción lo estás comparando?",
    ),
    "question_using": (
        "¡Ya nos contarás qué tal! ¿En qué lo estás usando ahora mismo?",
        "¿Qué tal te está yendo hasta ahora?",
        "¿Qué te gustaría conseguir con ello?",
        "¿Qué te gustaría probar después, cuando lo tengas resuelto?",
    ),
    "availability": (
        "person|¿Para qué lo usaría sobre todo {person}? Así te recomendamos lo que mejor encaje.",
        "¿Para qué lo necesitas? Así te proponemos una alternativa mientras tanto.",
        "¿Quieres que te avisemos en cuanto esté disponible?",
        "¿Qué es lo que más te gusta de ese modelo?",
        "¿Cómo nos conociste?",
    ),
    "availability_feature": (
        "¿Para qué lo usarías sobre todo? Nos ayuda mucho saberlo.",
        "¿Cómo te estás apañando mientras tanto?",
        "¿Cómo encajaría en tu forma de trabajar ahora?",
    ),
    "availability_shipping": (
        "¿Qué te gustaría pedir primero?",
        "¿Es para ti o quieres enviarlo a alguien como regalo?",
        "¿Ya conoces nuestros productos o sería tu primer pedido?",
    ),
    "availability_hours": (
        "¿Vienes a por algo en concreto? Te lo podemos dejar preparado.",
        "¿Sería tu primera visita?",
        "¿Quieres que te guardemos algo?",
    ),
    "problem_damaged": (
        "Siento mucho que haya llegado así. ¿Qué te encontraste al abrir el paquete?",
        "order|Así no debería llegarte, lo sentimos. ¿Nos pasas tu número de pedido para enviarte uno nuevo?",
        "Qué decepción, perdona. ¿Prefieres que te lo cambiemos o que te devolvamos el dinero?",
    ),
    "problem_price": (
        "increase|Sentimos que te parezca demasiado caro. ¿De qué producto o plan se trata, para ver qué te encaja mejor?",
        "change|Sentimos que el cambio te haya pillado por sorpresa. ¿Qué producto o plan tienes, para ver qué te encaja mejor?",
        "Entiendo el enfado, lo siento. ¿Qué es lo que más valoras de lo que te ofrecemos?",
        "change|Perdona, sabemos que una subida de precio nunca gusta. ¿Quieres que te expliquemos qué ha cambiado?",
    ),
    "problem_billing": (
        "order|Lo siento mucho. ¿Nos mandas tu número de pedido por mensaje privado para solucionarlo hoy mismo?",
        "date|Perdona las molestias. ¿Cuándo lo viste por primera vez en tu extracto?",
        "Siento que esté tardando tanto. ¿Qué te dijo nuestro equipo la última vez, para seguir desde ahí?",
    ),
    "problem_delivery": (
        "tracking|Siento mucho que tu pedido aún no haya llegado. ¿Qué pone ahora mismo el seguimiento?",
        "order|Perdona la espera, así no debería ser. ¿Nos pasas tu número de pedido para que lo revisemos hoy mismo?",
        "Qué rabia, lo sentimos de verdad. ¿Para qué fecha lo necesitas, para intentar que llegue a tiempo?",
    ),
    "problem_app": (
        "Sentimos que la app te esté dando problemas. ¿Qué aparece en pantalla justo antes de que falle?",
        "device|Perdona las molestias. ¿Qué dispositivo usas y qué versión de la app tienes?",
        "date|update|Qué fastidio, lo sentimos. ¿Empezó después de la última actualización?",
        "Perdona las molestias. ¿Qué estabas intentando hacer cuando pasó?",
    ),
    "problem_ignored": (
        "Perdona que nadie te haya respondido. ¿Con qué necesitas ayuda todavía? Nos encargamos ahora.",
        "Perdona el silencio, así no debería ser. ¿De qué se trata, para solucionarlo ahora?",
        "Siento que hayas tenido que esperar tanto. ¿Prefieres que lo veamos aquí o por mensaje privado?",
    ),
    "problem_service": (
        "Siento muchísimo que te trataran así. ¿Nos cuentas qué pasó para poder solucionarlo?",
        "No es la experiencia que queremos para nadie, lo sentimos. ¿Cuándo y dónde ocurrió?",
        "Lo sentimos muchísimo. ¿En qué tienda o con qué equipo fue, para hablar con ellos?",
    ),
    "problem": (
        "Lo siento mucho. ¿Nos cuentas un poco más para que podamos arreglarlo?",
        "Es una decepción y lo sentimos. ¿Qué podríamos hacer para compensarte?",
        "Perdona, no es lo que deberías recibir de nosotros. ¿Nos dices de qué producto se trata para revisarlo?",
    ),
    "result": (
        "person|¡Qué maravilla! ¿Qué le pareció a {person}?",
        "¡Enhorabuena, te ha quedado genial! ¿Qué te gustaría probar ahora?",
        "¿Cómo te sentiste cuando todo salió bien?",
        "¿Hubo algún paso más complicado de lo que esperabas?",
    ),
    "story_gift": (
        "person|¡Qué detalle! ¿Qué le pareció a {person}?",
        "person|¿Cómo reaccionó {person} al abrirlo?",
        "¿Qué te hizo elegirlo?",
        "occasion|¿Era para una ocasión especial?",
    ),
    "story_memory": (
        "person|¡Qué recuerdo tan bonito! ¿Qué es lo que más recuerdas de {person}?",
        "Gracias por compartirlo con nosotros. ¿Qué es lo que más recuerdas?",
        "¡Qué recuerdo tan bonito! ¿Lo sigues haciendo hoy en día?",
        "¿Qué lo hacía tan especial para ti?",
    ),
    "story": (
        "person|¡Qué bonito! ¿Qué dijo {person}?",
        "person|¿Qué le pareció a {person}?",
        "¡Gracias por compartirlo! ¿Qué tal salió?",
        "¡Qué bonito! ¿Qué te dio la idea?",
        "Nos encantaría saber más. ¿Qué pasó después?",
    ),
    "thanks": (
        "person|¡De nada! ¿Qué le pareció a {person}?",
        "¡Un placer! ¿Qué fue lo que más te ayudó?",
        "¡Nos alegra haberte ayudado! ¿Podemos hacer algo más por ti?",
        "¡Qué ilusión leerte! ¿De qué te gustaría ver más por aquí?",
    ),
    "praise_content": (
        "¡Gracias, nos alegra que te haya gustado! ¿Con qué parte te quedaste?",
        "¿De qué te gustaría que habláramos la próxima vez?",
        "¿Hay algo en lo que te gustaría que profundizáramos?",
        "¿Cómo llegaste a él?",
    ),
    "praise": (
        "person|¡Muchas gracias! ¿Qué fue lo que más le gustó a {person}?",
        "¡Muchas gracias, nos hace muchísima ilusión! ¿Qué es lo que más te gusta?",
        "¿En qué momentos lo usas más?",
        "¿Qué te gustaría ver de nosotros próximamente?",
    ),
    "feedback": (
        "¡Gracias por tu sinceridad! ¿Qué cambiarías primero?",
        "Nos viene muy bien saberlo. ¿Cómo te gustaría que funcionara?",
        "¿Qué te ha llevado a verlo así? Queremos entenderlo bien.",
    ),
    "collaboration": (
        "¡Gracias por pensar en nosotros! ¿Qué tipo de colaboración tienes en mente?",
        "¿Cómo es tu comunidad y qué es lo que más le gusta?",
        "¿Qué sería para ti un resultado ideal?",
    ),
    "fan_reply": (
        "¡Gracias por echar una mano! ¿Cómo te fue a ti?",
        "¿Cuál ha sido tu experiencia?",
        "¿Añadirías algún consejo para quien lo esté leyendo?",
    ),
    "noise": (
        "¡Gracias por pasarte! ¿Qué te trae por aquí?",
        "¿Qué te pareció?",
        "¿Qué te gustaría ver de nosotros próximamente?",
    ),
}
