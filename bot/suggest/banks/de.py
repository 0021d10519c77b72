"""Deutsche Anschlussfragen, in der Du-Form, wie die meisten Marken in sozialen Netzwerken schreiben."""

PEOPLE = {
    "mother": "deine Mutter", "father": "dein Vater", "daughter": "deine Tochter", "son": "dein Sohn",
    "wife": "deine Frau", "husband": "dein Mann", "girlfriend": "deine Freundin",
    "boyfriend": "dein Freund", "grandmother": "deine Oma", "grandfather": "dein Opa",
    "sister": "deine Schwester", "brother": "dein Bruder",
}

# Questions about using what they have rather than choosing it: they get the question_using follow-ups.
USING = r"wie (?:kann|soll|mache) ich|wie viel \w+ soll|kann ich|soll ich|wo finde ich|gibt es eine möglichkeit"
# Questions about choosing something: they get the question_choosing follow-ups.
CHOOSING = r"empfehl\w*|unterschied|welche\w* (?:soll|würdet|ist besser)|geeignet|lohnt|passt|größe|kompatibel|funktioniert .* mit|aus welchem|sicher für|groß genug|reicht .* für|gut für|gibt es .* (?:auch|mit)"
# Questions about leaving (cancelling, closing an account): they get the question_leaving follow-ups.
LEAVING = r"kündig|abmelden|konto löschen"

BANK = {
    "question": (
        "Wofür möchtest du es nutzen? Dann geben wir dir gern noch ein paar passende Tipps.",
        "Was hat dein Interesse daran geweckt?",
        "Ist es für dich oder für jemand anderen?",
    ),
    "question_leaving": (
        "Schade, dass du gehen möchtest. Magst du uns sagen, was dich zu der Entscheidung gebracht hat?",
        "Bevor du gehst: Was hätten wir besser machen können?",
        "Hat dir etwas gefehlt, das dich zum Bleiben gebracht hätte?",
    ),
    "question_choosing": (
        "person|Wofür möchte {person} es vor allem nutzen? Dann finden wir das Passende.",
        "Wofür möchtest du es hauptsächlich nutzen? Dann können wir dir genau das Passende empfehlen.",
        "Ist es für dich selbst oder suchst du etwas für jemand anderen?",
        "Worauf kommt es dir bei der Auswahl am meisten an?",
        "Womit vergleichst du es gerade?",
    ),
    "question_using": (
        "Sag gern Bescheid, wie es geworden ist! Woran arbeitest du gerade damit?",
        "Wie kommst du bisher damit zurecht?",
        "Was möchtest du damit erreichen?",
        "Was möchtest du als Nächstes ausprobieren, wenn das geklappt hat?",
    ),
    "availability": (
        "person|Wofür möchte {person} es vor allem nutzen? Dann finden wir das Passende.",
        "Wofür brauchst du es? Dann schlagen wir dir gern eine Alternative für die Zwischenzeit vor.",
        "Sollen wir dir Bescheid geben, sobald es verfügbar ist?",
        "Was gefällt dir daran besonders?",
        "Wie bist du darauf aufmerksam geworden?",
    ),
    "availability_feature": (
        "Wofür würdest du es am meisten nutzen? Das hilft uns sehr.",
        "Womit behilfst du dich in der Zwischenzeit?",
        "Wie würde es in deinen Alltag damit passen?",
    ),
    "availability_shipping": (
        "Was möchtest du als Erstes bestellen?",
        "Ist es für dich oder soll es als Geschenk an jemanden gehen?",
        "Kennst du unsere Produkte schon, oder wäre das deine erste Bestellung?",
    ),
    "availability_hours": (
        "Weswegen möchtest du vorbeikommen? Dann legen wir es dir gern bereit.",
        "Wäre es dein erster Besuch bei uns?",
        "Sollen wir dir schon etwas zurücklegen?",
    ),
    "problem_damaged": (
        "Es tut mir leid, dass es so bei dir angekommen ist. Was genau war beim Auspacken nicht in Ordnung?",
        "order|So sollte es nicht bei dir ankommen, entschuldige bitte. Schickst du uns deine Bestellnummer, damit wir Ersatz losschicken?",
        "Das ist wirklich enttäuschend, tut mir leid. Möchtest du lieber Ersatz oder dein Geld zurück?",
    ),
    "problem_price": (
        "increase|Tut mir leid, dass es dir zu teuer ist. Um welches Produkt oder welchen Tarif geht es, damit wir schauen, was am besten passt?",
        "change|Tut mir leid, dass dich die Änderung überrascht hat. Welches Produkt oder welchen Tarif nutzt du, damit wir schauen, was am besten passt?",
        "Ich verstehe den Ärger, das tut mir leid. Was ist dir bei uns am wichtigsten?",
        "change|Entschuldige, Preisänderungen sind nie schön. Sollen wir dir erklären, was sich genau geändert hat?",
    ),
    "problem_billing": (
        "order|Das tut mir wirklich leid. Schickst du uns deine Bestellnummer per DM, damit wir es heute noch klären?",
        "date|Entschuldige den Ärger. Wann ist es dir auf dem Kontoauszug zuerst aufgefallen?",
        "Tut mir leid, dass es so lange dauert. Was hat dir unser Team beim letzten Mal gesagt, damit wir dort weitermachen können?",
    ),
    "problem_delivery": (
        "tracking|Das tut mir wirklich leid, dass deine Bestellung noch nicht da ist. Was zeigt die Sendungsverfolgung gerade an?",
        "order|Entschuldige die lange Wartezeit, so sollte es nicht laufen. Schickst du uns deine Bestellnummer, damit wir uns heute noch darum kümmern?",
        "Das ist wirklich ärgerlich, tut mir leid. Bis wann brauchst du die Sachen, damit wir es noch rechtzeitig schaffen?",
    ),
    "problem_app": (
        "Tut mir leid, dass die App dir Ärger macht. Was passiert auf dem Bildschirm, kurz bevor es schiefgeht?",
        "device|Entschuldige den Ärger. Welches Gerät nutzt du, und welche Version der App ist installiert?",
        "date|update|Das ist ärgerlich, tut mir leid. Hat es nach dem letzten Update angefangen oder schon früher?",
        "Sorry für den Ärger! Was wolltest du gerade machen, als es passiert ist?",
    ),
    "problem_ignored": (
        "Entschuldige, dass sich niemand gemeldet hat. Wobei brauchst du noch Hilfe? Wir kümmern uns jetzt darum.",
        "Sorry für die Funkstille, das geht so nicht. Worum geht es denn, damit wir es jetzt klären können?",
        "Tut mir leid, dass du so lange warten musstest. Sollen wir es hier klären oder per DM?",
    ),
    "problem_service": (
        "Es tut mir wirklich leid, dass du so behandelt wurdest. Magst du uns erzählen, was genau passiert ist?",
        "So soll sich bei uns niemand fühlen, das tut mir leid. Wann und wo war das?",
        "Das tut mir wirklich leid. In welcher Filiale oder mit welchem Team war das, damit wir nachhaken können?",
    ),
    "problem": (
        "Das tut mir wirklich leid. Magst du uns etwas mehr erzählen, damit wir es in Ordnung bringen können?",
        "Das ist enttäuschend, entschuldige bitte. Was würde es für dich wieder gutmachen?",
        "Tut mir leid, so sollte es nicht sein. Magst du uns sagen, um welches Produkt es geht, damit wir uns das ansehen können?",
    ),
    "result": (
        "person|Wie schön! Was hat {person} dazu gesagt?",
        "Großartig, Glückwunsch! Was möchtest du als Nächstes ausprobieren?",
        "Wie hat es sich angefühlt, als alles geklappt hat?",
        "Gab es einen Schritt, der kniffliger war als gedacht?",
    ),
    "story_gift": (
        "person|Wie schön! Wie fand {person} es?",
        "person|Wie hat {person} beim Auspacken reagiert?",
        "Warum hast du dich gerade dafür entschieden?",
        "occasion|War es für einen besonderen Anlass?",
    ),
    "story_memory": (
        "person|Was für eine schöne Erinnerung. Was hat {person} sonst noch gern gemacht?",
        "Danke, dass du das mit uns teilst. Woran erinnerst du dich am liebsten?",
        "Was für eine schöne Erinnerung! Machst du das heute noch?",
        "Was hat es für dich so besonders gemacht?",
    ),
    "story": (
        "person|Wie schön! Was hat {person} gesagt?",
        "person|Wie hat es {person} gefallen?",
        "Danke fürs Teilen! Wie ist es geworden?",
        "Klingt schön! Wie bist du darauf gekommen?",
        "Wir würden gern mehr hören. Wie ging es weiter?",
    ),
    "thanks": (
        "person|Sehr gern! Wie hat es {person} gefallen?",
        "Sehr gern! Was hat dir am meisten geholfen?",
        "Freut uns, dass wir helfen konnten! Können wir sonst noch etwas für dich tun?",
        "Wie schön zu hören! Wovon würdest du gern mehr von uns sehen?",
    ),
    "praise_content": (
        "Danke, schön, dass es dir gefallen hat! Was ist dir am meisten hängen geblieben?",
        "Worüber sollen wir als Nächstes berichten?",
        "Gibt es etwas, worauf wir genauer eingehen sollen?",
        "Wie bist du darauf gestoßen?",
    ),
    "praise": (
        "person|Danke dir! Was hat {person} am besten gefallen?",
        "Vielen Dank, das freut uns riesig! Was gefällt dir am meisten daran?",
        "Wann greifst du am liebsten dazu?",
        "Was würdest du gern als Nächstes von uns sehen?",
    ),
    "feedback": (
        "Danke für deine ehrliche Meinung! Was würdest du als Erstes ändern?",
        "Gut, dass du das sagst. Wie sollte es deiner Meinung nach stattdessen funktionieren?",
        "Was hat dich zu diesem Eindruck gebracht? Wir möchten es gern richtig verstehen.",
    ),
    "collaboration": (
        "Danke, dass du an uns denkst! Was für eine Zusammenarbeit schwebt dir vor?",
        "Wer ist deine Community, und was kommt bei ihr besonders gut an?",
        "Was wäre für dich ein richtig gutes Ergebnis?",
    ),
    "fan_reply": (
        "Danke, dass du aushilfst! Wie hat es bei dir funktioniert?",
        "Welche Erfahrungen hast du selbst damit gemacht?",
        "Möchtest du noch etwas für alle ergänzen, die mitlesen?",
    ),
    "noise": (
        "Danke fürs Vorbeischauen! Was hat dich heute hergeführt?",
        "Wie hat es dir gefallen?",
        "Was würdest du gern als Nächstes von uns sehen?",
    ),
}
