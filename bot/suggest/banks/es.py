"""Preguntas de seguimiento en español, tuteando, como suelen escribir las marcas en redes: tres como mucho por caso,
cada una lista para enviar tal cual a cualquier comentario del caso."""

PEOPLE = {
    "mother_in_law": "tu suegra",
    "mother": "tu madre", "father": "tu padre", "daughter": "tu hija", "son": "tu hijo",
    "wife": "tu mujer", "husband": "tu marido", "girlfriend": "tu novia", "boyfriend": "tu novio",
    "grandmother": "tu abuela", "grandfather": "tu abuelo", "sister": "tu hermana", "brother": "tu hermano",
    "friend": "tu amigo",
}

# What they enjoyed (bot/suggest/cases/stories.py: thing_kind), with the article and case the story_thing
# questions need
THINGS = {"workshop": "del taller", "tour": "de la visita", "class": "de las clases", "game": "del juego",
          "book": "del libro", "app": "de la app"}

# The skin care they use, named with its article (result_skincare)
SKIN = {"serum": "el sérum", "cream": "la crema"}

BANK = {
    "question_howto_app": (
        "device|¿Usas iPhone o Android? Así te indicamos el menú exacto.",
        "!device|Dinos si sigue sin aparecerte. ¿Qué versión de la app tienes?",
    ),
    "question_symptom": (
        "date|¿Ha sido así desde el principio o empezó hace poco?",
    ),
    "question_choosing": (
        "person|¿Para qué lo va a usar sobre todo {person}? Así te recomendamos el que mejor le va.",
        "¿Para qué lo vas a usar sobre todo? Así te recomendamos el que mejor te va.",
    ),
    "question_leaving": (
        "Nos da pena que te vayas. ¿Nos cuentas qué te ha hecho decidirte?",
    ),
    "availability_restock": (
        "¿Quieres que te avisemos en cuanto volvamos a tener stock?",
    ),
    "availability_variant": (
        "person|¿Para qué lo va a usar sobre todo {person}? Así te recomendamos el que mejor le va.",
    ),
    "availability_release": (
        "¿Quieres que te avisemos en cuanto haya novedades?",
    ),
    "availability_reserve": (
        "group|¿Queréis que os guardemos las plazas?",
        "¿Quieres que te hagamos una reserva?",
    ),
    "availability_store": (
        "¿Quieres que te guardemos tu talla en la tienda para probártela?",
    ),
    "availability_shipping": (
        "deadline|date|¿Para cuándo lo necesitarías? Así te decimos cómo hacer que te llegue a tiempo.",
        "only_asks|¿Qué te gustaría pedir?",
    ),
    "availability_hours": (
        "¿Será tu primera visita?",
        "¿Vienes a por algo en concreto? Te lo podemos tener preparado.",
    ),
    "problem": (
        "Lo sentimos mucho. ¿Nos pasas los detalles por mensaje privado? Lo miramos hoy mismo.",
    ),
    "problem_letdown": (
        "Sentimos que te haya decepcionado. ¿Qué no funcionó como esperabas?",
        "Gracias por tu sinceridad. ¿Qué esperabas encontrar?",
    ),
    "problem_delivery": (
        "order|Sentimos que aún no haya llegado. ¿Nos pasas tu número de pedido por mensaje privado? Lo reclamamos hoy mismo.",
        "unshipped|!order|Sentimos mucho que esté tardando tanto. Hoy mismo lo revisamos con nuestro almacén: ¿te escribimos por mensaje privado en cuanto sepamos algo?",
        "!order|Sentimos mucho que esté tardando tanto. Hoy mismo lo reclamamos a la empresa de transporte: ¿te escribimos por mensaje privado en cuanto sepamos algo?",
    ),
    "problem_damaged": (
        "¡Qué rabia, lo sentimos mucho! ¿Nos mandas una foto por mensaje privado? Lo solucionamos enseguida.",
        "order|Lo sentimos mucho. ¿Nos pasas tu número de pedido por mensaje privado para arreglarlo?",
    ),
    "problem_spoiled": (  # food that arrived cold, warm or thawed: no photo of what they threw away
        "order|Lo sentimos muchísimo, así no debería llegar nunca. ¿Nos pasas tu número de pedido por mensaje privado para arreglarlo?",
        "!order|Lo sentimos muchísimo, así no debería llegar nunca. ¿Te escribimos por mensaje privado para arreglarlo hoy mismo?",
    ),
    "problem_wrong_item": (
        "Lo sentimos mucho, nos hemos equivocado. ¿Nos mandas una foto de lo que te llegó por mensaje privado?",
        "order|¡Perdona la confusión! ¿Nos pasas tu número de pedido por mensaje privado? Lo arreglamos hoy.",
    ),
    "problem_billing": (
        "Lo sentimos mucho. ¿Nos pasas por mensaje privado la fecha del cargo? Lo revisamos hoy mismo.",
    ),
    "problem_ignored": (
        "order|Sentimos mucho que nadie te haya contestado. ¿Nos pasas por mensaje privado tu número de pedido o de incidencia? Lo seguimos nosotros hoy mismo.",
        "!order|Sentimos mucho que nadie te haya contestado. Hoy mismo nos encargamos nosotros: ¿te escribimos por mensaje privado en cuanto sepamos algo?",
    ),
    "problem_price": (
        "change|Sentimos que el cambio te haya pillado por sorpresa. ¿Qué plan o producto tienes? Miramos qué te encaja mejor.",
        "Te entendemos, y lo sentimos. ¿Qué es lo que más valoras de lo que te ofrecemos?",
    ),
    "problem_service": (
        "place|Lo sentimos mucho, así no debería ser. ¿Dónde pasó? Lo hablaremos con el equipo.",
        "No es la experiencia que queremos para nadie, y lo sentimos. ¿Nos cuentas un poco más?",
    ),
    "problem_travel": (
        "Lo sentimos muchísimo. ¿Dónde estás ahora y necesitas algo urgente?",
        "Perdona todo esto. ¿Nos pasas tu localizador por mensaje privado? Miramos las opciones ahora mismo.",
    ),
    "problem_app": (
        "error|Vaya, qué rabia, lo sentimos mucho. ¿Te salió algún mensaje de error?",
        "device|Qué rabia, lo sentimos. ¿En qué móvil te pasa?",
    ),
    "problem_content": (
        "¡Lo sentimos! ¿Desde qué app lo escuchabas? Así revisamos el volumen ahí.",
    ),
    "problem_food": (
        "Lo sentimos mucho, no es lo que queremos darte. ¿En qué tienda fue? Lo hablaremos con el equipo.",
    ),
    "result": (
        "¡Enhorabuena, menudo logro! ¿Qué fue lo que más te costó?",
    ),
    "result_sport": (
        "¡Enhorabuena, menudo logro! ¿Cuál es tu próximo objetivo?",
    ),
    "result_habit": (
        "¡Enhorabuena, eso es todo un hito! ¿Qué es lo que más te ayudó a ser constante?",
    ),
    "result_made": (
        "¡Suena de maravilla, enhorabuena! ¿Qué vas a preparar ahora?",
        "person|¡Qué bien! ¿Qué le pareció a {person}?",
    ),
    "thanks_grief": (
        "Sentimos mucho tu pérdida, y gracias por contárnoslo. ¿Hubo alguna parte que te llegara especialmente?",
    ),
    "feedback_content": (
        "¡Gracias por la sinceridad! ¿Sueles escucharlos de una vez o en varios ratos?",
    ),
    "feedback_disagree": (
        "¡Gracias por tu sinceridad! ¿Qué es lo que más te gustaba de la versión anterior?",
    ),
    "praise": (
        "person|¡Gracias! ¿Qué es lo que más le gustó a {person}?",
    ),
    "praise_content": (
        "¡Gracias, nos alegra que te haya gustado! ¿Qué parte se te quedó más?",
    ),
    "story_memory": (
        "person|¡Qué recuerdo tan bonito! ¿Qué es lo primero que te viene a la mente cuando piensas en {person}?",
        "¡Qué recuerdo tan bonito, gracias por compartirlo! ¿Qué es lo que más recuerdas de aquella época?",
    ),
    "story_gift": (
        "person|assortment|¡Qué detalle! ¿Cuál le está gustando más a {person}?",
        "person|¡Qué buen regalo! ¿Qué es lo que más le gusta a {person}?",
    ),
    "story_engaged": (
        "¡Enhorabuena a los dos! ¿Ya tenéis fecha?",
    ),
    "collaboration": (
        "link|¡Gracias por pensar en nosotros! ¿Nos mandas por mensaje privado el enlace a tu canal o blog? Le echamos un vistazo.",
        "¡Gracias por pensar en nosotros, suena genial! ¿Nos mandas por mensaje privado unos detalles de tu idea? Así te ponemos en contacto con la persona adecuada.",
    ),
    "collaboration_cause": (
        "date|¡Qué buena iniciativa! ¿Para qué fechas la estáis pensando?",
        "event|¡Gracias por pensar en nosotros! ¿Cuántas personas esperáis más o menos?",
        "¡Gracias por pensar en nosotros, qué buena iniciativa! ¿Nos mandáis unos detalles por mensaje privado? Así os ponemos en contacto con la persona adecuada.",
    ),
    "question_content": (
        "¡Buena idea, gracias! ¿Qué más te gustaría que tratáramos?",
    ),
    "question_making": (
        "¿Lo has hecho antes o es tu primera vez?",
    ),
    "problem_fault": (
        "Lo sentimos mucho, no debería pasar. ¿Nos mandas una foto por mensaje privado? Lo solucionamos.",
        "date|Qué rabia, lo sentimos mucho. ¿Cuánto tiempo hace de la compra?",
    ),
    "problem_fault_again": (
        "Lo sentimos mucho, dos veces seguidas no es normal. ¿Nos mandas una foto o un vídeo corto por mensaje privado? Lo revisamos a fondo.",
    ),
    "feedback_discontinued": (
        "¡Lo entendemos, qué pena! ¿Qué era lo que más te gustaba?",
    ),
    "collaboration_stockist": (
        "¡Gracias por pensar en nosotros! ¿Nos cuentas por mensaje privado un poco sobre vuestro negocio? Así os ponemos en contacto con la persona adecuada.",
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
    "question_fit": (
        "¿Qué modelo tienes ahora mismo? Así comprobamos que sea compatible.",
    ),
    "problem_refund": (
        "order|Sentimos mucho que sigas esperando. ¿Nos pasas tu número de pedido por mensaje privado? Lo reclamamos hoy mismo.",
        "!order|Sentimos mucho que sigas esperando. Hoy mismo lo reclamamos: ¿te escribimos por mensaje privado en cuanto sepamos algo?",
    ),
    "story_grief": (
        "Sentimos mucho tu pérdida, y gracias por compartirlo con nosotros. Si te apetece, ¿nos cuentas algún recuerdo bonito?",
    ),
    "problem_not_received": (
        "Sentimos que no te haya llegado. ¿Puede que lo haya recogido algún vecino o un punto de recogida?",
        "order|Perdona. ¿Nos pasas tu número de pedido por mensaje privado? Lo revisamos hoy con la empresa de transporte.",
    ),
    "problem_courier": (
        "order|Lo sentimos mucho. ¿Nos pasas tu número de pedido por mensaje privado? Lo hablamos con la empresa de transporte.",
        "!order|Lo sentimos mucho. Hoy mismo lo hablamos con la empresa de transporte: ¿te escribimos por mensaje privado en cuanto sepamos algo?",
    ),
    "thanks_class": (
        "staff|¡Qué alegría leerlo, se lo diremos a {staff}! ¿Qué es lo que más te gusta de las clases?",
        "¡Qué alegría leerlo! ¿Qué es lo que más te gusta de las clases?",
    ),
    "thanks_trial": (  # a first or trial lesson: no "the classes" they have not taken yet
        "staff|¡Qué alegría, se lo decimos a {staff} ahora mismo! ¿Te volvemos a ver pronto?",
        "¡Qué alegría, se lo pasamos al equipo ahora mismo! ¿Te volvemos a ver pronto?",
    ),
    "question_fit_trip": (
        "¿A dónde te vas?",
    ),
    "question_fit_skin": (
        "¿Has tenido problemas con productos parecidos antes?",
    ),
    "availability_size": (
        "Si tu talla no está disponible, ¿quieres que te avisemos en cuanto vuelva?",
    ),
    "availability_wide": (
        "¿Quieres que te avisemos en cuanto salga en horma ancha?",
    ),
    "thanks_support": (
        "Nos alegra mucho que te haya acompañado en un momento así, gracias por contárnoslo. ¿Cómo estás ahora?",
    ),
    "praise_app": (
        "¡Gracias, nos alegra mucho! ¿Qué más te gustaría que hiciera?",
    ),
    "story_kids": (
        "¡Qué bien! ¿Qué fue lo que más les gustó?",
    ),
    "story_thing": (
        "person|thing|¡Qué bonito! ¿Qué es lo que más le gusta a {person} {thing}?",
        "person|outing|¡Qué bonito! ¿Qué es lo que más le gustó a {person} {outing}?",
    ),
    "thanks_person": (
        "person|¡Nos alegra mucho haber podido ayudar! ¿Cómo está {person} ahora?",
    ),
    "problem_missing": (
        "order|Sentimos mucho que faltara algo. ¿Nos pasas tu número de pedido por mensaje privado? Lo solucionamos hoy.",
        "!order|Sentimos mucho que faltara algo. Hoy mismo revisamos tu pedido: ¿te escribimos por mensaje privado en cuanto sepamos algo?",
    ),
    "problem_reaction": (
        "Lo sentimos mucho, suena muy molesto. ¿Cómo estás ahora?",
    ),
    "problem_smaller": (
        "date|Lo sentimos, y gracias por decírnoslo claramente. ¿Cuándo lo compraste, para que revisemos ese lote?",
    ),
    "problem_wrong_day": (
        "Sentimos mucho que no llegara el día que tocaba. Hoy mismo lo revisamos: ¿te escribimos por mensaje privado en cuanto sepamos qué ha pasado?",
    ),
    "problem_limit": (
        "Lo sentimos, te entendemos, y gracias por decirlo. ¿Con qué frecuencia lo sueles usar?",
    ),
    "problem_ux": (
        "Sentimos que te lo haya complicado, ¡y gracias por contárnoslo! Se lo pasamos al equipo. ¿Hubo algo más que te frenara?",
    ),
    "praise_named": (
        "¡Gracias, nos alegra que te haya gustado! ¿De qué te gustaría que habláramos la próxima vez?",
    ),
    "problem_not_as_pictured": (
        "Sentimos que no se parezca a las fotos. ¿Nos mandas una foto de lo que te llegó por mensaje privado?",
    ),
    "question_allergy": (
        "¿Hay alguna otra alergia que debamos tener en cuenta?",
    ),
    "question_visit": (
        "date|¿Sabes ya qué día tienes pensado venir?",
    ),
    "question_beginner": (
        "¿Vas a venir con alguien?",
    ),
    "question_gift": (
        "person|¿Qué le suele gustar a {person}? Así te ayudamos a elegir.",
        "¿Para quién es el regalo? Así te ayudamos a elegir.",
    ),
    "question_fit_hair": (
        "¿Cómo es tu rutina para el pelo ahora mismo?",
    ),
    "result_recovery": (
        "¡Qué alegría, gracias por compartirlo con nosotros! ¿Cómo te encuentras ahora?",
    ),
    "thanks_staff": (
        "staff|bike|¡Gracias! Se lo diremos a {staff} ahora mismo, le va a hacer mucha ilusión. ¿Qué tal va la bici ahora?",
        "staff|¡Gracias! Se lo diremos a {staff} ahora mismo, le va a hacer mucha ilusión. ¿Qué tal todo desde entonces?",
        "¡Gracias! Se lo diremos al equipo ahora mismo, les va a hacer mucha ilusión. ¿Qué tal todo desde entonces?",
    ),
    "collaboration_proposal": (
        "¡Gracias por pensar en nosotros, suena genial! ¿Nos mandas unos detalles por mensaje privado para ponerte en contacto con la persona adecuada?",
    ),
    "feedback_notifications": (
        "¡Gracias por contárnoslo, la verdad es que son muchas! Si recibieras un solo recordatorio al día, ¿a qué hora te vendría mejor?",
    ),
    "feedback_packaging": (
        "¡Gracias por decírnoslo, tienes razón! ¿Qué parte del embalaje te pareció más innecesaria?",
    ),
    "praise_candle": (
        "¡Gracias, qué alegría leerte! ¿Cuál es la próxima vela que vas a encender?",
    ),
    "praise_drink": (
        "¡Gracias, qué alegría leerte! ¿Cómo te gusta tomarlo?",
    ),
    "praise_bread": (
        "¡Gracias, qué alegría leerte! ¿Cómo te gusta más comerlo?",
    ),
    "result_plant": (
        "¡Qué alegría, gracias por contárnoslo! ¿Dónde tienes la planta ahora, cerca de una ventana?",
    ),
    "result_skincare": (
        "skin|¡Qué alegría leer esto, gracias por contárnoslo! ¿Usas {skin} por la mañana y por la noche, o solo una vez al día?",
        "¡Qué alegría leer esto, gracias por contárnoslo! ¿Usas el producto por la mañana y por la noche, o solo una vez al día?",
    ),
    "story_birthday": (
        "person|¡Qué bonita manera de celebrarlo, feliz cumpleaños! ¿Cuántos años ha cumplido {person}?",
    ),
}
