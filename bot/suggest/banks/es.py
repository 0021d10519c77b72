"""Preguntas de seguimiento en español, tuteando, como suelen escribir las marcas en redes: tres como mucho por caso,
cada una lista para enviar tal cual a cualquier comentario del caso."""

PEOPLE = {
    "mother_in_law": "tu suegra",
    "mother": "tu madre", "father": "tu padre", "daughter": "tu hija", "son": "tu hijo",
    "wife": "tu mujer", "husband": "tu marido", "girlfriend": "tu novia", "boyfriend": "tu novio",
    "grandmother": "tu abuela", "grandfather": "tu abuelo", "sister": "tu hermana", "brother": "tu hermano",
    "friend": "tu amigo",
}

BANK = {
    "question": (
        "¡Esperamos que te sirva! ¿Tienes ya algo en mente?",
    ),
    "question_howto_app": (
        "device|¿Usas iPhone o Android? Así te indicamos el menú exacto.",
        "version|¿Qué versión de la app tienes? Con la última actualización cambiaron de sitio algunos menús.",
    ),
    "question_symptom": (
        "¿Ha sido así desde el principio o empezó hace poco?",
        "¿Cuánto tiempo hace de la compra?",
    ),
    "question_choosing": (
        "person|¿Para qué lo va a usar sobre todo {person}? Así te recomendamos el que mejor le va.",
        "¿Para qué lo vas a usar sobre todo? Así te recomendamos el que mejor te va.",
        "¿Qué es lo que más te importa a la hora de elegir?",
    ),
    "question_leaving": (
        "Nos da pena que te vayas. ¿Nos cuentas qué te ha hecho decidirte?",
    ),
    "availability": (
        "¡Esperamos que te sirva! ¿Tienes ya algo en mente?",
    ),
    "availability_restock": (
        "¿Quieres que te avisemos en cuanto vuelva?",
    ),
    "availability_variant": (
        "person|¿Para qué lo va a usar sobre todo {person}? Así te recomendamos el que mejor le va.",
        "Si lo tenemos, ¿quieres que te hagamos una reserva?",
    ),
    "availability_release": (
        "¿Quieres que te avisemos en cuanto haya novedades?",
        "¿Qué es lo que más ganas tienes de ver?",
    ),
    "availability_reserve": (
        "¿Quieres que te hagamos una reserva?",
    ),
    "availability_store": (
        "¿Quieres que te guardemos tu talla en la tienda para probártela?",
        "¿Cuándo tienes pensado pasarte?",
    ),
    "availability_shipping": (
        "¿Para cuándo lo necesitarías? Así te decimos cómo hacer que te llegue a tiempo.",
    ),
    "availability_hours": (
        "¿Será tu primera visita?",
        "¿Vienes a por algo en concreto? Te lo podemos tener preparado.",
    ),
    "problem": (
        "Lo sentimos mucho, así no debería ser. ¿Qué podríamos hacer para arreglarlo?",
    ),
    "problem_letdown": (
        "Sentimos que te haya decepcionado. ¿Qué no funcionó como esperabas?",
        "Gracias por tu sinceridad. ¿Qué esperabas encontrar?",
    ),
    "problem_delivery": (
        "¡Sentimos la espera! ¿Lo necesitas para alguna fecha concreta?",
        "order|Sentimos que aún no haya llegado. ¿Nos pasas tu número de pedido por mensaje privado? Lo reclamamos hoy mismo.",
    ),
    "problem_damaged": (
        "¡Qué rabia, lo sentimos mucho! ¿Nos mandas una foto por mensaje privado? Lo solucionamos enseguida.",
        "order|Lo sentimos mucho. ¿Nos pasas tu número de pedido por mensaje privado para arreglarlo?",
    ),
    "problem_wrong_item": (
        "Lo sentimos mucho, nos hemos equivocado. ¿Nos mandas una foto de lo que te llegó por mensaje privado?",
        "order|¡Perdona la confusión! ¿Nos pasas tu número de pedido por mensaje privado? Lo arreglamos hoy.",
    ),
    "problem_billing": (
        "Lo sentimos mucho. ¿Nos pasas por mensaje privado la fecha del cargo? Lo revisamos hoy mismo.",
        "order|Perdona las molestias. ¿Nos pasas tu número de pedido por mensaje privado para mirarlo ya?",
    ),
    "problem_ignored": (
        "Sentimos mucho que hayas tenido que insistir tanto. ¿Nos pasas por mensaje privado el número de tu reclamación? Le hacemos seguimiento nosotros.",
    ),
    "problem_price": (
        "change|Sentimos que el cambio te haya pillado por sorpresa. ¿Qué plan o producto tienes? Miramos qué te encaja mejor.",
        "Te entendemos, y lo sentimos. ¿Qué es lo que más valoras de lo que te ofrecemos?",
    ),
    "problem_service": (
        "Lo sentimos mucho, así no debería ser. ¿Dónde pasó? Lo hablaremos con el equipo.",
        "No es la experiencia que queremos para nadie, y lo sentimos. ¿Nos cuentas un poco más?",
    ),
    "problem_travel": (
        "Lo sentimos muchísimo. ¿Dónde estás ahora y necesitas algo urgente?",
        "Perdona todo esto. ¿Nos pasas tu localizador por mensaje privado? Miramos las opciones ahora mismo.",
    ),
    "problem_app": (
        "¡Lo sentimos! ¿Te pasa siempre o solo de vez en cuando?",
        "Perdona las molestias. ¿Te sale algún mensaje de error?",
        "update|Qué rabia, lo sentimos. ¿Empezó después de la última actualización?",
    ),
    "problem_content": (
        "¡Lo sentimos! ¿Desde qué app lo escuchabas? Así revisamos el volumen ahí.",
    ),
    "problem_food": (
        "Lo sentimos mucho, no es lo que queremos darte. ¿En qué tienda fue? Lo hablaremos con el equipo.",
    ),
    "result": (
        "¡Enhorabuena, qué pasada! ¿Qué es lo siguiente para ti?",
    ),
    "result_sport": (
        "¡Enhorabuena, menudo logro! ¿Cuál es tu próximo objetivo?",
    ),
    "result_made": (
        "¡Tiene una pinta increíble! ¿Qué vas a preparar ahora?",
        "person|¡Qué bien! ¿Qué le pareció a {person}?",
    ),
    "result_progress": (
        "¡Qué alegría leer esto, gracias por contárnoslo! ¿Qué es lo siguiente para ti?",
    ),
    "thanks": (
        "¡De nada, nos alegra que te haya servido! ¿Qué tal te va ahora?",
    ),
    "thanks_fixed": (
        "¡Qué alivio, nos alegra que esté resuelto! ¿Todo lo demás funciona como debe?",
    ),
    "thanks_staff": (
        "¡Gracias! Se lo transmitimos, le va a hacer mucha ilusión. ¿Al final cómo salió todo?",
    ),
    "thanks_content": (
        "¡Gracias, nos alegra que te haya servido! ¿Qué parte te resultó más útil?",
        "¿Hay algún tema que te gustaría que tratáramos después?",
    ),
    "thanks_grief": (
        "Sentimos mucho tu pérdida, y gracias por contárnoslo. ¿Hubo alguna parte que te llegara especialmente?",
    ),
    "feedback": (
        "Gracias por decírnoslo claro. ¿Qué cambiarías primero?",
    ),
    "feedback_request": (
        "¡Gracias, buena idea, se la pasamos al equipo! Ya puestos, ¿hay algo más que cambiarías?",
    ),
    "feedback_content": (
        "¡Gracias por la sinceridad! ¿Sueles escucharlos de una vez o en varios ratos?",
    ),
    "feedback_disagree": (
        "¡Gracias por tu sinceridad! ¿Qué es lo que más te gustaba de la versión anterior?",
    ),
    "praise": (
        "person|¡Gracias! ¿Qué es lo que más le gustó a {person}?",
        "¡Gracias, nos hace mucha ilusión! ¿Qué es lo que más te gusta?",
    ),
    "praise_content": (
        "¡Gracias, nos alegra que te haya gustado! ¿Qué parte se te quedó más?",
    ),
    "story": (
        "¡Gracias por compartirlo, nos encanta! ¿Qué es lo que más te gusta?",
    ),
    "story_person": (
        "person|¡Nos encanta! ¿Qué es lo que más le gusta a {person}?",
    ),
    "story_memory": (
        "person|¡Qué recuerdo tan bonito! ¿Qué es lo primero que te viene a la mente cuando piensas en {person}?",
        "¡Qué recuerdo tan bonito, gracias por compartirlo! ¿Qué es lo que más recuerdas de aquella época?",
    ),
    "story_celebration": (
        "person|¡Qué momento tan bonito! Felicita a {person} de nuestra parte. ¿Cómo lo celebrasteis?",
    ),
    "story_gift": (
        "person|assortment|¡Qué detalle! ¿Cuál le está gustando más a {person}?",
        "person|¡Qué buen regalo! ¿Qué es lo que más le gusta a {person}?",
    ),
    "collaboration": (
        "¡Suena genial, gracias por pensar en nosotros! ¿Cuándo te gustaría empezar?",
    ),
    "collaboration_cause": (
        "date|¡Qué buena iniciativa! ¿Para qué fechas la estáis pensando?",
        "event|¡Gracias por pensar en nosotros! ¿Cuántas personas esperáis más o menos?",
    ),
    "fan_reply": (
        "date|¡Gracias por contar tu experiencia! ¿Cuánto tiempo llevas usándolo?",
        "¡Gracias por sumarte! ¿Qué es lo que más te gusta?",
    ),
    "noise": (
        "¡Gracias por compartirlo! ¿Qué es lo que más te gusta?",
    ),
    "question_content": (
        "¿De qué te gustaría que habláramos la próxima vez?",
    ),
    "question_making": (
        "¡Ya nos contarás qué tal sale! ¿Lo has hecho antes o es tu primera vez?",
    ),
    "question_owner": (
        "¿Cuánto tiempo hace de la compra?",
    ),
    "problem_fault": (
        "date|Qué rabia, lo sentimos mucho. ¿Cuánto tiempo hace de la compra?",
        "Lo sentimos mucho, así no debería ser. ¿Qué podríamos hacer para arreglarlo?",
    ),
    "feedback_opinion": (
        "¡Gracias por compartir tu punto de vista! ¿Cuál ha sido tu experiencia?",
    ),
    "feedback_discontinued": (
        "¡Gracias por decirnos que lo echas de menos! ¿Qué era lo que más te gustaba?",
    ),
    "collaboration_stockist": (
        "¡Gracias por pensar en nosotros! ¿Qué es lo que más compran vuestros clientes?",
    ),
    "problem_late": (
        "Sentimos que haya tardado tanto, no es la espera que queremos para nadie. ¿Todo lo demás está bien?",
    ),
    "problem_sizing": (
        "Lo sentimos, qué rabia. ¿Qué prenda era? Así revisamos la guía de tallas.",
    ),
    "problem_changed": (
        "Sentimos que ya no te guste tanto. ¿Qué era lo que más te gustaba de la versión anterior?",
    ),
    "question_care": (
        "¿Cada cuánto lo usas ahora mismo?",
        "¿Cuánto tiempo hace de la compra?",
    ),
    "question_fit": (
        "¿Has probado algo parecido antes? Así vemos mejor si te va a ir bien.",
    ),
    "problem_refund": (
        "order|Sentimos mucho que sigas esperando. ¿Nos pasas tu número de pedido por mensaje privado? Lo reclamamos hoy mismo.",
        "Sentimos mucho que sigas esperando. ¿Cuándo fue la última vez que supiste de nosotros?",
    ),
    "story_grief": (
        "person|Sentimos mucho tu pérdida, y gracias por compartirlo con nosotros. ¿Qué es lo que más recuerdas de {person}?",
        "Sentimos mucho tu pérdida, y gracias por compartirlo con nosotros. ¿Podemos hacer algo por ti?",
    ),
    "problem_not_received": (
        "Sentimos que no te haya llegado. ¿Puede que lo haya recogido algún vecino o un punto de recogida?",
        "order|Perdona. ¿Nos pasas tu número de pedido por mensaje privado? Lo revisamos hoy con la empresa de transporte.",
    ),
    "problem_courier": (
        "order|Lo sentimos mucho. ¿Nos pasas tu número de pedido por mensaje privado? Lo hablamos con la empresa de transporte.",
        "Lo sentimos mucho, así no se trata un paquete. ¿Se ha estropeado algo de lo que venía dentro?",
    ),
    "thanks_class": (
        "¡Qué alegría leerlo! ¿Te animas a convertirlo en algo habitual?",
    ),
}
