"""Deutsche Anschlussfragen, in der Du-Form, wie die meisten Marken in sozialen Netzwerken schreiben: höchstens drei
je Fall, jede so, dass man sie zu jedem Kommentar des Falls unverändert schicken kann."""

PEOPLE = {
    "mother_in_law": "deine Schwiegermutter",
    "mother": "deine Mutter", "father": "dein Vater", "daughter": "deine Tochter", "son": "dein Sohn",
    "wife": "deine Frau", "husband": "dein Mann", "girlfriend": "deine Freundin",
    "boyfriend": "dein Freund", "grandmother": "deine Oma", "grandfather": "dein Opa",
    "sister": "deine Schwester", "brother": "dein Bruder",
}

PEOPLE_TO = {  # the same people in the dative: "Was gefällt deinem Vater?", "Richte deiner Mutter ..."
    "mother_in_law": "deiner Schwiegermutter",
    "mother": "deiner Mutter", "father": "deinem Vater", "daughter": "deiner Tochter", "son": "deinem Sohn",
    "wife": "deiner Frau", "husband": "deinem Mann", "girlfriend": "deiner Freundin",
    "boyfriend": "deinem Freund", "grandmother": "deiner Oma", "grandfather": "deinem Opa",
    "sister": "deiner Schwester", "brother": "deinem Bruder",
}

# What they enjoyed (bot/suggest/cases/stories.py: thing_kind), with the article and case the story_thing
# questions need
THINGS = {"workshop": "am Workshop", "tour": "an der Führung", "class": "an den Kursen", "game": "am Spiel",
          "book": "am Buch", "app": "an der App"}

# The skin care they use, named with its article (result_skincare)
SKIN = {"serum": "das Serum", "cream": "die Creme"}

BANK = {
    "question_howto_app": (
        "device|Nutzt du ein iPhone oder ein Android-Handy? Dann können wir dir genau sagen, wo du es findest.",
        "!device|Sag Bescheid, falls es bei dir trotzdem nicht auftaucht. Welche Version der App hast du?",
    ),
    "question_symptom": (
        "date|War das von Anfang an so, oder ist es erst seit Kurzem?",
    ),
    "question_choosing": (
        "person|Wofür möchte {person} es vor allem nutzen? Dann finden wir das Passende.",
        "Wofür möchtest du es hauptsächlich nutzen? Dann können wir dir genau das Passende empfehlen.",
    ),
    "question_leaving": (
        "Schade, dass du gehen möchtest. Magst du uns sagen, was dich zu der Entscheidung gebracht hat?",
    ),
    "availability_restock": (
        "Sollen wir dir Bescheid geben, sobald wir wieder Nachschub haben?",
    ),
    "availability_variant": (
        "person|Wofür möchte {person} es vor allem nutzen? Dann finden wir das Passende.",
    ),
    "availability_release": (
        "Sollen wir dir Bescheid geben, sobald es Neuigkeiten gibt?",
    ),
    "availability_reserve": (
        "group|Sollen wir euch die Plätze freihalten?",
        "Sollen wir dir etwas zurücklegen?",
    ),
    "availability_store": (
        "Sollen wir dir deine Größe zum Anprobieren zurücklegen?",
    ),
    "availability_shipping": (
        "deadline|date|Bis wann brauchst du es? Dann sagen wir dir, wie es rechtzeitig bei dir ist.",
        "only_asks|Was möchtest du denn bestellen?",
    ),
    "availability_hours": (
        "Kommst du zum ersten Mal zu uns?",
        "Weswegen möchtest du vorbeikommen? Dann legen wir es dir gern bereit.",
    ),
    "problem": (
        "Das tut uns wirklich leid. Schickst du uns die Details per DM? Dann kümmern wir uns noch heute darum.",
    ),
    "problem_letdown": (
        "Schade, das tut uns leid. Was hat nicht so funktioniert, wie du es erwartet hast?",
        "Danke für die ehrliche Meinung. Was hättest du dir davon erhofft?",
    ),
    "problem_delivery": (
        "order|Sorry für die Warterei. Schickst du uns deine Bestellnummer per DM? Dann haken wir heute noch nach.",
        "unshipped|!order|Tut uns echt leid, dass es so lange dauert. Wir fragen heute noch in unserem Lager nach: Sollen wir dir per DM Bescheid geben, sobald wir mehr wissen?",
        "!order|Tut uns echt leid, dass es so lange dauert. Wir haken heute noch beim Paketdienst nach: Sollen wir dir per DM Bescheid geben, sobald wir mehr wissen?",
    ),
    "problem_damaged": (
        "Oh nein, das tut uns wirklich leid. Schickst du uns per DM ein Foto? Dann kümmern wir uns sofort darum.",
        "order|Wie ärgerlich, sorry! Schickst du uns deine Bestellnummer per DM, damit wir das in Ordnung bringen?",
    ),
    "problem_spoiled": (  # food that arrived cold, warm or thawed: no photo of what they threw away
        "order|Das tut uns wirklich leid, so darf das nie bei dir ankommen. Schickst du uns deine Bestellnummer per DM, damit wir das wiedergutmachen?",
        "!order|Das tut uns wirklich leid, so darf das nie bei dir ankommen. Sollen wir dir per DM schreiben, damit wir das heute noch wiedergutmachen?",
    ),
    "problem_wrong_item": (
        "Das tut uns wirklich leid, da ist bei uns etwas schiefgelaufen. Schickst du uns per DM ein Foto von dem, was angekommen ist?",
        "order|Sorry für die Verwechslung! Schickst du uns deine Bestellnummer per DM? Dann klären wir das heute.",
    ),
    "problem_billing": (
        "Das tut uns wirklich leid. Schickst du uns per DM das Datum der Abbuchung? Dann gehen wir dem heute nach.",
    ),
    "problem_ignored": (
        "order|Tut uns wirklich leid, dass sich niemand gemeldet hat. Schickst du uns deine Bestell- oder Ticketnummer per DM? Dann kümmern wir uns heute selbst darum.",
        "!order|Tut uns wirklich leid, dass sich niemand gemeldet hat. Wir kümmern uns heute selbst darum: Sollen wir dir per DM Bescheid geben, sobald wir mehr wissen?",
    ),
    "problem_price": (
        "change|Tut uns leid, dass dich die Änderung überrascht hat. Welchen Tarif oder welches Produkt hast du? Dann schauen wir, was am besten passt.",
        "Verstehen wir, und es tut uns leid. Was ist dir bei uns am wichtigsten?",
    ),
    "problem_service": (
        "place|Das tut uns wirklich leid, so sollte das nicht laufen. In welcher Filiale war das? Dann sprechen wir mit dem Team.",
        "So etwas soll niemand bei uns erleben, das tut uns leid. Magst du uns ein bisschen mehr erzählen?",
    ),
    "problem_travel": (
        "Das tut uns so leid. Wo bist du gerade, und brauchst du sofort etwas?",
        "Sorry für das alles. Schickst du uns per DM deine Buchungsnummer? Dann schauen wir sofort nach Alternativen.",
    ),
    "problem_app": (
        "error|Oh nein, das ist echt ärgerlich, und es tut uns leid! Hast du dabei eine Fehlermeldung bekommen?",
        "device|Wie ärgerlich, sorry. Auf welchem Handy passiert das?",
    ),
    "problem_content": (
        "Sorry dafür! In welcher App hast du gehört? Dann prüfen wir die Lautstärke dort.",
    ),
    "problem_food": (
        "Das tut uns wirklich leid, so soll es nicht sein. In welcher Filiale war das? Dann sprechen wir mit dem Team.",
    ),
    "result": (
        "Herzlichen Glückwunsch, das ist eine tolle Leistung! Was war dabei am schwierigsten?",
    ),
    "result_sport": (
        "Wahnsinn, Glückwunsch! Was ist dein nächstes Ziel?",
    ),
    "result_habit": (
        "Das ist ein echter Meilenstein, stark! Was hat dir am meisten geholfen, dranzubleiben?",
    ),
    "result_made": (
        "Klingt großartig, Glückwunsch! Was möchtest du als Nächstes ausprobieren?",
        "person|Wie schön! Was hat {person} dazu gesagt?",
    ),
    "thanks_grief": (
        "Es tut uns sehr leid um deinen Verlust, und danke, dass du das mit uns teilst. Gab es einen Teil, der dir besonders geblieben ist?",
    ),
    "feedback_content": (
        "Danke für das ehrliche Feedback! Hörst du die Folgen meist am Stück oder in mehreren Etappen?",
    ),
    "feedback_disagree": (
        "Danke für deine ehrliche Meinung! Was mochtest du an der alten Version am liebsten?",
    ),
    "praise": (
        "person|Danke dir! Was hat {to_person} daran am besten gefallen?",
    ),
    "praise_content": (
        "Danke dir, schön, dass es dir gefallen hat! Was ist dir davon am meisten hängen geblieben?",
    ),
    "story_memory": (
        "Was für eine schöne Erinnerung, danke fürs Teilen! Woran erinnerst du dich am liebsten?",
    ),
    "story_gift": (
        "person|assortment|Wie schön! Was davon mag {person} bisher am liebsten?",
        "person|Was für ein schönes Geschenk! Was gefällt {to_person} daran am besten?",
    ),
    "story_engaged": (
        "Herzlichen Glückwunsch euch beiden! Steht das Datum schon?",
    ),
    "collaboration": (
        "link|Danke, dass du an uns denkst! Schickst du uns per DM einen Link zu deinem Kanal oder Blog? Dann schauen wir gern rein.",
        "Danke, dass du an uns denkst, das klingt spannend! Schickst du uns per DM ein paar Details zu deiner Idee? Dann bringen wir dich mit der richtigen Person zusammen.",
    ),
    "collaboration_cause": (
        "date|Was für eine tolle Sache! Für wann plant ihr das?",
        "event|Danke, dass ihr an uns denkt! Mit wie vielen Leuten rechnet ihr ungefähr?",
        "Danke, dass ihr an uns denkt, was für eine tolle Sache! Schickt ihr uns per DM ein paar Details? Dann bringen wir euch mit der richtigen Person zusammen.",
    ),
    "question_content": (
        "Gute Idee, danke! Was sollen wir noch behandeln?",
    ),
    "question_making": (
        "Hast du es schon mal gemacht, oder ist es dein erster Versuch?",
    ),
    "problem_fault": (
        "Das tut uns wirklich leid, das sollte nicht passieren. Schickst du uns per DM ein Foto? Dann kümmern wir uns darum.",
        "date|Das ist wirklich ärgerlich, tut uns leid. Wie lange hast du das gute Stück schon?",
    ),
    "problem_fault_again": (
        "Das tut uns wirklich leid, zweimal hintereinander geht gar nicht. Schickst du uns per DM ein Foto oder ein kurzes Video? Dann schauen wir uns das genau an.",
    ),
    "feedback_discontinued": (
        "Schade, dass du es vermisst, das verstehen wir! Was mochtest du daran am liebsten?",
    ),
    "collaboration_stockist": (
        "Danke, dass ihr an uns denkt! Schickt ihr uns per DM ein paar Infos zu eurem Geschäft? Dann bringen wir euch mit der richtigen Person zusammen.",
    ),
    "problem_late": (
        "Sorry, dass es so lange gedauert hat, so lange soll niemand warten. Ist sonst alles in Ordnung damit?",
    ),
    "problem_sizing": (
        "Tut uns leid, das ist wirklich ärgerlich. Um welchen Artikel geht es? Dann prüfen wir die Größentabelle.",
    ),
    "problem_changed": (
        "Schade, dass es dir nicht mehr so gefällt, das tut uns leid. Was mochtest du an der alten Version am liebsten?",
    ),
    "question_fit": (
        "Welches Modell hast du im Moment? Dann prüfen wir, ob es passt.",
    ),
    "problem_refund": (
        "order|Tut uns wirklich leid, dass du immer noch wartest. Schickst du uns deine Bestellnummer per DM? Dann haken wir heute nach.",
        "!order|Tut uns wirklich leid, dass du immer noch wartest. Wir haken heute noch nach: Sollen wir dir per DM Bescheid geben, sobald wir mehr wissen?",
    ),
    "story_grief": (
        "Es tut uns sehr leid um deinen Verlust, und danke, dass du das mit uns teilst. Magst du uns von einer schönen Erinnerung erzählen?",
    ),
    "problem_not_received": (
        "Das tut uns leid, dass nichts angekommen ist. Könnte ein Nachbar oder eine Packstation es angenommen haben?",
        "order|Sorry dafür. Schickst du uns deine Bestellnummer per DM? Dann klären wir es heute mit dem Paketdienst.",
    ),
    "problem_courier": (
        "order|Das tut uns wirklich leid. Schickst du uns deine Bestellnummer per DM? Dann klären wir das mit dem Paketdienst.",
        "!order|Das tut uns wirklich leid. Wir klären das heute noch mit dem Paketdienst: Sollen wir dir per DM Bescheid geben, sobald wir mehr wissen?",
    ),
    "thanks_class": (
        "staff|Wie schön zu hören, das geben wir an {staff} weiter! Was gefällt dir an den Stunden am besten?",
        "Wie schön zu hören! Was gefällt dir an den Stunden am besten?",
    ),
    "thanks_trial": (  # a first or trial lesson: no "the classes" they have not taken yet
        "staff|Wie schön, wir geben das gleich an {staff} weiter! Sehen wir dich bald wieder?",
        "Wie schön, wir geben das gleich ans Team weiter! Sehen wir dich bald wieder?",
    ),
    "question_fit_trip": (
        "Wohin geht die Reise?",
    ),
    "question_fit_skin": (
        "Hattest du mit ähnlichen Produkten schon mal Probleme?",
    ),
    "availability_size": (
        "Falls deine Größe gerade nicht da ist: Sollen wir dir Bescheid geben, sobald sie wieder verfügbar ist?",
    ),
    "availability_wide": (
        "Sollen wir dir Bescheid geben, sobald es eine weite Passform gibt?",
    ),
    "thanks_support": (
        "Wie schön, dass es dir durch diese Zeit geholfen hat, danke fürs Erzählen. Wie geht es dir inzwischen?",
    ),
    "praise_app": (
        "Danke, das freut uns sehr! Was sollte es als Nächstes noch können?",
    ),
    "story_kids": (
        "Wie schön zu hören! Was hat ihnen am besten gefallen?",
    ),
    "story_thing": (
        "person|thing|Wie schön zu hören! Was gefällt {to_person} {thing} am besten?",
        "person|outing|Wie schön zu hören! Was hat {to_person} {outing} am besten gefallen?",
    ),
    "thanks_person": (
        "person|Wie schön, dass wir helfen konnten! Wie geht es {to_person} inzwischen?",
    ),
    "problem_missing": (
        "order|Tut uns wirklich leid, dass etwas gefehlt hat. Schickst du uns deine Bestellnummer per DM? Dann klären wir das heute.",
        "!order|Tut uns wirklich leid, dass etwas gefehlt hat. Wir schauen uns deine Bestellung heute noch an: Sollen wir dir per DM Bescheid geben, sobald wir mehr wissen?",
    ),
    "problem_reaction": (
        "Das tut uns wirklich leid, das klingt sehr unangenehm. Wie geht es dir jetzt?",
    ),
    "problem_smaller": (
        "date|Tut uns leid, und danke für die offenen Worte. Wann hast du es gekauft, damit wir die Charge prüfen können?",
    ),
    "problem_wrong_day": (
        "Tut uns echt leid, dass es nicht am richtigen Tag kam. Wir gehen dem heute nach: Sollen wir dir per DM Bescheid geben, sobald wir wissen, was passiert ist?",
    ),
    "problem_limit": (
        "Sorry, wir verstehen dich, und danke, dass du es sagst. Wie oft nutzt du es normalerweise?",
    ),
    "problem_ux": (
        "Sorry, dass dir das im Weg stand, und danke für den Hinweis! Wir geben es ans Team weiter. Hat dich sonst noch etwas aufgehalten?",
    ),
    "praise_named": (
        "Danke dir, schön, dass es dir gefallen hat! Worüber sollen wir als Nächstes sprechen?",
    ),
    "problem_not_as_pictured": (
        "Tut uns leid, dass es anders aussieht als auf den Fotos. Schickst du uns per DM ein Foto davon? Dann schauen wir uns das an.",
    ),
    "question_allergy": (
        "Gibt es noch andere Allergien, auf die wir achten sollten?",
    ),
    "question_visit": (
        "date|Weißt du schon, an welchem Tag du kommen möchtest?",
    ),
    "question_beginner": (
        "Kommst du allein oder bringst du jemanden mit?",
    ),
    "question_gift": (
        "person|Was mag {person} denn so? Dann helfen wir dir bei der Auswahl.",
        "Für wen ist das Geschenk? Dann helfen wir dir bei der Auswahl.",
    ),
    "question_fit_hair": (
        "Wie sieht deine Haarpflege gerade aus?",
    ),
    "result_recovery": (
        "Wie schön, das freut uns riesig, danke fürs Teilen! Wie geht es dir jetzt?",
    ),
    "thanks_staff": (
        "staff|bike|Danke dir, das geben wir gleich an {staff} weiter, das freut uns riesig! Wie fährt sich das Rad jetzt?",
        "staff|Danke dir, das geben wir gleich an {staff} weiter, das freut uns riesig! Wie läuft es seitdem?",
        "Danke dir, das geben wir gleich ans Team weiter, das wird allen den Tag versüßen! Wie läuft es seitdem?",
    ),
    "collaboration_proposal": (
        "Danke, dass du an uns denkst, das klingt toll! Schickst du uns per DM ein paar Details? Dann bringen wir dich mit der richtigen Person zusammen.",
    ),
    "feedback_notifications": (
        "Danke für die ehrliche Rückmeldung, das ist wirklich viel! Wenn du nur eine Erinnerung am Tag bekämst: Welche Uhrzeit wäre dir am liebsten?",
    ),
    "feedback_packaging": (
        "Danke für den Hinweis, da hast du recht! Welcher Teil der Verpackung kam dir am überflüssigsten vor?",
    ),
    "praise_candle": (
        "Danke dir, das freut uns sehr! Welche Kerze zündest du als Nächstes an?",
    ),
    "praise_drink": (
        "Danke dir, das freut uns sehr! Wie trinkst du ihn am liebsten?",
    ),
    "praise_bread": (
        "Danke dir, das freut uns sehr! Wie isst du es am liebsten?",
    ),
    "result_plant": (
        "Wie schön, dass es ihr so gut geht, danke fürs Update! Wo steht die Pflanze jetzt, nah am Fenster?",
    ),
    "result_skincare": (
        "skin|Wie schön, dass es so gut wirkt, danke fürs Erzählen! Benutzt du {skin} morgens und abends oder nur einmal am Tag?",
        "Wie schön, dass es so gut wirkt, danke fürs Erzählen! Benutzt du das Produkt morgens und abends oder nur einmal am Tag?",
    ),
    "story_birthday": (
        "person|Wie schön, herzlichen Glückwunsch! Wie alt ist {person} geworden?",
    ),
}
