"""Preguntas de seguimiento en español, tuteando, como suelen escribir las marcas en redes."""

PEOPLE = {
    "mother": "tu madre", "father": "tu padre", "daughter": "tu hija", "son": "tu hijo",
    "wife": "tu mujer", "husband": "tu marido", "girlfriend": "tu novia", "boyfriend": "tu novio",
    "grandmother": "tu abuela", "grandfather": "tu abuelo", "sister": "tu hermana", "brother": "tu hermano",
   
}

BANK = {
    "question": (
        "¿Para qué lo vas a usar sobre todo? Así te recomendamos lo que mejor te encaje.",
        "¿Es para ti o estás buscando algo para otra persona?",
        "¿Qué te despertó la curiosidad?",
        "¿Qué usas ahora mismo y qué te gustaría que fuera distinto?",
        "¿Hay algo más que quieras saber antes de decidirte?",
    ),
    "availability": (
        "¿Qué talla o color te gustaría?",
        "¿Para qué lo necesitas? Así te proponemos una alternativa mientras tanto.",
        "¿Es para ti o es un regalo?",
        "¿Qué es lo que más te gusta de ese modelo?",
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
    "problem_delivery": (
        "tracking|Siento mucho que tu pedido aún no haya llegado. ¿Qué pone ahora mismo el seguimiento?",
        "order|Perdona la espera, así no debería ser. ¿Nos pasas tu número de pedido para que lo revisemos hoy mismo?",
        "Qué rabia, lo sentimos de verdad. ¿Para qué fecha lo necesitas, para intentar que llegue a tiempo?",
    ),
    "problem_app": (
        "Sentimos que la app te esté dando problemas. ¿Qué aparece en pantalla justo antes de que falle?",
        "device|Perdona las molestias. ¿Qué dispositivo usas y qué versión de la app tienes?",
        "date|Qué fastidio, lo sentimos. ¿Empezó después de la última actualización?",
        "Perdona las molestias. ¿Qué estabas intentando hacer cuando pasó?",
    ),
    "problem_service": (
        "Siento muchísimo que te trataran así. ¿Nos cuentas qué pasó para poder solucionarlo?",
        "No es la experiencia que queremos para nadie, lo sentimos. ¿Cuándo y dónde ocurrió?",
        "Perdona que nadie te haya respondido. ¿Con qué necesitas ayuda todavía? Nos encargamos ahora.",
    ),
    "problem": (
        "Lo siento mucho. ¿Nos cuentas un poco más para que podamos arreglarlo?",
        "Es una decepción y lo sentimos. ¿Qué podríamos hacer para compensarte?",
        "Perdona, no es lo que deberías recibir de nosotros. ¿Qué fue lo primero que notaste?",
    ),
    "result": (
        "person|¡Qué maravilla! ¿Qué le pareció a {person}?",
        "¡Enhorabuena, te ha quedado genial! ¿Qué te gustaría probar ahora?",
        "¿Cómo te sentiste cuando todo salió bien?",
        "¿Hubo algún paso más complicado de lo que esperabas?",
    ),
    "story": (
        "person|¡Qué historia tan bonita! ¿Qué dijo {person}?",
        "person|¿Cómo reaccionó {person}?",
        "Gracias por compartirlo. ¿Qué es lo que más recuerdas?",
        "¡Qué bonito! ¿Cómo empezó todo?",
        "¿Qué lo hizo tan especial para ti?",
    ),
    "thanks": (
        "person|¡De nada! ¿Qué le pareció a {person}?",
        "¡Un placer! ¿Qué fue lo que más te ayudó?",
        "¡Nos alegra que te sirviera! ¿En qué estás trabajando ahora?",
        "¡Qué ilusión leerte! ¿De qué te gustaría ver más por aquí?",
    ),
    "praise": (
        "person|¡Muchas gracias! ¿Qué fue lo que más le gustó a {person}?",
        "¡Muchas gracias, nos hace muchísima ilusión! ¿Qué es lo que más te gusta?",
        "¿Cómo nos conociste?",
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
