"""Domande di approfondimento in italiano, dando del tu, come fanno di solito i brand sui social: al massimo tre per
caso, ognuna da mandare così com'è a qualsiasi commento del caso."""

PEOPLE = {
    "mother_in_law": "tua suocera",
    "mother": "tua madre", "father": "tuo padre", "daughter": "tua figlia", "son": "tuo figlio",
    "wife": "tua moglie", "husband": "tuo marito", "girlfriend": "la tua ragazza",
    "boyfriend": "il tuo ragazzo", "grandmother": "tua nonna", "grandfather": "tuo nonno",
    "sister": "tua sorella", "brother": "tuo fratello",
}

PEOPLE_TO = {  # "a" with the same people: "alla tua ragazza", "a tua madre"
    "mother_in_law": "a tua suocera",
    "mother": "a tua madre", "father": "a tuo padre", "daughter": "a tua figlia", "son": "a tuo figlio",
    "wife": "a tua moglie", "husband": "a tuo marito", "girlfriend": "alla tua ragazza",
    "boyfriend": "al tuo ragazzo", "grandmother": "a tua nonna", "grandfather": "a tuo nonno",
    "sister": "a tua sorella", "brother": "a tuo fratello",
}

# What they enjoyed (bot/suggest/cases/stories.py: thing_kind), with the article and case the story_thing
# questions need
THINGS = {"workshop": "del workshop", "tour": "della visita", "class": "delle lezioni", "game": "del gioco",
          "book": "del libro", "app": "dell'app"}

# The skin care they use, named with its article (result_skincare)
SKIN = {"serum": "il siero", "cream": "la crema"}

BANK = {
    "question_howto_app": (
        "device|Usi iPhone o Android? Così ti indichiamo il menu giusto.",
        "!device|Facci sapere se ancora non la trovi. Che versione dell'app hai?",
    ),
    "question_symptom": (
        "date|È così fin dall'inizio o è cominciato da poco?",
    ),
    "question_choosing": (
        "person|Per cosa lo userà soprattutto {person}? Così ti consigliamo quello giusto.",
        "Per cosa lo userai soprattutto? Così ti consigliamo quello giusto.",
    ),
    "question_leaving": (
        "Ci dispiace vederti andare via. Ci racconti cosa ti ha fatto decidere?",
    ),
    "availability_restock": (
        "Vuoi che ti avvisiamo appena arrivano i nuovi rifornimenti?",
    ),
    "availability_variant": (
        "person|Per cosa lo userà soprattutto {person}? Così ti consigliamo quello giusto.",
    ),
    "availability_release": (
        "Vuoi che ti avvisiamo appena ci sono novità?",
    ),
    "availability_reserve": (
        "group|Volete che vi teniamo i posti?",
        "Vuoi che ti facciamo una prenotazione?",
    ),
    "availability_store": (
        "Vuoi che ti teniamo da parte la tua taglia in negozio per provarla?",
    ),
    "availability_shipping": (
        "deadline|date|Per quando ti servirebbe? Così ti diciamo come fartelo arrivare in tempo.",
        "only_asks|Cosa ti piacerebbe ordinare?",
    ),
    "availability_hours": (
        "Sarà la tua prima visita?",
        "Passi per qualcosa in particolare? Possiamo fartelo trovare pronto.",
    ),
    "problem": (
        "Ci dispiace davvero. Ci mandi i dettagli in privato? Ce ne occupiamo oggi stesso.",
    ),
    "problem_letdown": (
        "Ci dispiace che ti abbia deluso. Cosa non ha funzionato come ti aspettavi?",
        "Grazie per la sincerità. Cosa ti aspettavi?",
    ),
    "problem_delivery": (
        "order|Ci dispiace che non sia ancora arrivato. Ci mandi il numero d'ordine in privato? Lo sollecitiamo oggi stesso.",
        "unshipped|!order|Ci dispiace davvero che ci stia mettendo così tanto. Oggi stesso verifichiamo con il nostro magazzino: ti scriviamo in privato appena abbiamo notizie?",
        "!order|Ci dispiace davvero che ci stia mettendo così tanto. Oggi stesso sollecitiamo il corriere: ti scriviamo in privato appena abbiamo notizie?",
    ),
    "problem_damaged": (
        "Ci dispiace davvero che sia arrivato così. Ci mandi una foto in privato? Ce ne occupiamo subito.",
        "order|Che delusione, ci dispiace. Ci mandi il numero d'ordine in privato così sistemiamo tutto?",
    ),
    "problem_spoiled": (  # food that arrived cold, warm or thawed: no photo of what they threw away
        "order|Ci dispiace davvero, non sarebbe mai dovuto arrivare così. Ci mandi il numero d'ordine in privato così sistemiamo tutto?",
        "!order|Ci dispiace davvero, non sarebbe mai dovuto arrivare così. Ti scriviamo in privato per sistemare tutto oggi stesso?",
    ),
    "problem_wrong_item": (
        "Ci dispiace davvero, abbiamo sbagliato noi. Ci mandi in privato una foto di quello che ti è arrivato?",
        "order|Scusa per lo scambio! Ci mandi il numero d'ordine in privato? Sistemiamo oggi.",
    ),
    "problem_billing": (
        "Ci dispiace davvero. Ci scrivi in privato la data dell'addebito? Controlliamo oggi stesso.",
    ),
    "problem_ignored": (
        "order|Ci dispiace davvero che nessuno ti abbia risposto. Ci mandi in privato il numero d'ordine o della segnalazione? Ce ne occupiamo noi oggi stesso.",
        "!order|Ci dispiace davvero che nessuno ti abbia risposto. Ce ne occupiamo noi oggi stesso: ti scriviamo in privato appena ne sappiamo di più?",
    ),
    "problem_price": (
        "change|Ci dispiace che il cambiamento ti abbia colto di sorpresa. Che piano o prodotto hai? Vediamo cosa ti conviene di più.",
        "Ti capiamo, e ci dispiace. Cosa conta di più per te in quello che ti offriamo?",
    ),
    "problem_service": (
        "place|Ci dispiace davvero, non dovrebbe andare così. In quale sede è successo? Ne parleremo con il team.",
        "Non è l'esperienza che vogliamo per nessuno, ci dispiace. Ci racconti qualcosa in più?",
    ),
    "problem_travel": (
        "Ci dispiace tantissimo. Dove sei adesso, e ti serve qualcosa subito?",
        "Scusa per tutto questo. Ci mandi il codice di prenotazione in privato? Guardiamo subito le alternative.",
    ),
    "problem_app": (
        "error|Che rabbia, ci dispiace davvero! Ti è comparso un messaggio di errore?",
        "device|Che rabbia, ci dispiace. Su quale smartphone succede?",
    ),
    "problem_content": (
        "Ci dispiace! Da quale app stavi ascoltando? Così controlliamo il volume lì.",
    ),
    "problem_food": (
        "Ci dispiace davvero, non è quello che vogliamo servirti. In quale negozio è successo? Ne parleremo con il team.",
    ),
    "result": (
        "Complimenti, è un bel traguardo! Qual è stata la parte più impegnativa?",
    ),
    "result_sport": (
        "Complimenti, che impresa! Qual è la prossima meta?",
    ),
    "result_habit": (
        "Complimenti, è un vero traguardo! Cosa ti ha aiutato di più a essere costante?",
    ),
    "result_made": (
        "Complimenti, che bel risultato! Cosa pensi di fare adesso?",
        "person|Che bello! Cosa ne ha pensato {person}?",
    ),
    "thanks_grief": (
        "Ci dispiace tanto per la tua perdita, e grazie per avercelo raccontato. C'è una parte che ti è rimasta dentro più delle altre?",
    ),
    "feedback_content": (
        "Grazie per il feedback sincero! Di solito ascolti tutto di fila o in più volte?",
    ),
    "feedback_disagree": (
        "Grazie per la sincerità! Cosa ti piaceva di più della versione di prima?",
    ),
    "praise": (
        "person|Grazie! Cosa è piaciuto di più {to_person}?",
    ),
    "praise_content": (
        "Grazie, siamo felici che ti sia piaciuto! Quale parte ti è rimasta di più?",
    ),
    "story_memory": (
        "person|Che bel ricordo! Cosa ti viene in mente per primo, se pensi {to_person}?",
        "Che bel ricordo, grazie per averlo condiviso! Cosa ricordi di più di quel periodo?",
    ),
    "story_gift": (
        "person|assortment|Che bel pensiero! Quale è piaciuto di più {to_person} finora?",
        "person|Che bel regalo! Cosa piace di più {to_person}?",
    ),
    "story_engaged": (
        "Congratulazioni a entrambi! Avete già fissato la data?",
    ),
    "collaboration": (
        "link|Grazie per aver pensato a noi! Ci mandi in privato il link al tuo canale o blog? Ci diamo un'occhiata.",
        "Grazie per aver pensato a noi, sembra un'idea bellissima! Ci mandi in privato qualche dettaglio, così ti mettiamo in contatto con la persona giusta?",
    ),
    "collaboration_cause": (
        "date|Che bella iniziativa! Per quando la state organizzando?",
        "event|Grazie per aver pensato a noi! Quante persone vi aspettate più o meno?",
        "Grazie per aver pensato a noi, che bella iniziativa! Ci mandate qualche dettaglio in privato, così vi mettiamo in contatto con la persona giusta?",
    ),
    "question_content": (
        "Bella idea, grazie! Di cos'altro ti piacerebbe che parlassimo?",
    ),
    "question_making": (
        "L'hai già fatto altre volte o è il tuo primo tentativo?",
    ),
    "problem_fault": (
        "Ci dispiace davvero, non dovrebbe succedere. Ci mandi una foto in privato? Ce ne occupiamo noi.",
        "date|Che rabbia, ci dispiace davvero. Da quanto tempo ce l'hai, più o meno?",
    ),
    "problem_fault_again": (
        "Ci dispiace davvero, due volte di fila non va bene. Ci mandi in privato una foto o un breve video? Lo esaminiamo con attenzione.",
    ),
    "feedback_discontinued": (
        "Ti capiamo, è un peccato! Cosa ti piaceva di più?",
    ),
    "collaboration_stockist": (
        "Grazie per aver pensato a noi! Ci mandi in privato qualche informazione sulla vostra attività? Vi mettiamo in contatto con la persona giusta.",
    ),
    "problem_late": (
        "Ci dispiace che ci sia voluto così tanto, non è l'attesa che vogliamo per nessuno. Per il resto è tutto a posto?",
    ),
    "problem_sizing": (
        "Ci dispiace, che fastidio. Di quale capo si tratta? Così controlliamo la tabella delle taglie.",
    ),
    "problem_changed": (
        "Ci dispiace che non ti piaccia più come prima. Cosa ti piaceva di più della versione di prima?",
    ),
    "question_fit": (
        "Che modello hai adesso? Così verifichiamo che sia compatibile.",
    ),
    "problem_refund": (
        "order|Ci dispiace davvero che tu stia ancora aspettando. Ci mandi il numero d'ordine in privato? Lo sollecitiamo oggi stesso.",
        "!order|Ci dispiace davvero che tu stia ancora aspettando. Lo sollecitiamo oggi stesso: ti scriviamo in privato appena abbiamo notizie?",
    ),
    "story_grief": (
        "Ci dispiace tanto per la tua perdita, e grazie per averlo condiviso con noi. Se ti va, ci racconti un bel ricordo?",
    ),
    "problem_not_received": (
        "Ci dispiace che non ti sia arrivato. Può averlo ritirato un vicino o un punto di ritiro?",
        "order|Scusa. Ci mandi il numero d'ordine in privato? Controlliamo oggi con il corriere.",
    ),
    "problem_courier": (
        "order|Ci dispiace davvero. Ci mandi il numero d'ordine in privato, così ne parliamo noi con il corriere?",
        "!order|Ci dispiace davvero. Oggi stesso ne parliamo con il corriere: ti scriviamo in privato appena abbiamo notizie?",
    ),
    "thanks_class": (
        "staff|Che bello sentirlo, lo riferiamo subito a {staff}! Cosa ti piace di più delle lezioni?",
        "Che bello sentirlo! Cosa ti piace di più delle lezioni?",
    ),
    "thanks_trial": (  # a first or trial lesson: no "the classes" they have not taken yet
        "staff|Che bello, lo diciamo subito a {staff}! Ti rivediamo presto?",
        "Che bello, lo diciamo subito al team! Ti rivediamo presto?",
    ),
    "question_fit_trip": (
        "Dove vai di bello?",
    ),
    "question_fit_skin": (
        "Hai già avuto problemi con prodotti simili?",
    ),
    "availability_size": (
        "Se la tua taglia non è disponibile, vuoi che ti avvisiamo appena torna?",
    ),
    "availability_wide": (
        "Vuoi che ti avvisiamo appena esce nella calzata larga?",
    ),
    "thanks_support": (
        "Siamo felici che ti abbia aiutato in un momento così, grazie per avercelo raccontato. Come stai adesso?",
    ),
    "praise_app": (
        "Grazie, ci fa piacere! Cos'altro ti piacerebbe che facesse?",
    ),
    "story_kids": (
        "Che bello! Cosa gli è piaciuto di più?",
    ),
    "story_thing": (
        "person|thing|Che bello! Cosa piace di più {to_person} {thing}?",
        "person|outing|Che bello! Che cosa è piaciuto di più {to_person} {outing}?",
    ),
    "thanks_person": (
        "person|Siamo felici di aver potuto aiutare! Come sta {person} adesso?",
    ),
    "problem_missing": (
        "order|Ci dispiace davvero che mancasse qualcosa. Ci mandi il numero d'ordine in privato? Sistemiamo oggi stesso.",
        "!order|Ci dispiace davvero che mancasse qualcosa. Oggi stesso controlliamo il tuo ordine: ti scriviamo in privato appena abbiamo notizie?",
    ),
    "problem_reaction": (
        "Ci dispiace davvero, sembra molto fastidioso. Come stai adesso?",
    ),
    "problem_smaller": (
        "date|Ci dispiace, e grazie per la franchezza. Quando l'hai comprato, così controlliamo quel lotto?",
    ),
    "problem_wrong_day": (
        "Ci dispiace davvero che non sia arrivato il giorno giusto. Oggi stesso verifichiamo: ti scriviamo in privato appena sappiamo cos'è successo?",
    ),
    "problem_limit": (
        "Ci dispiace, ti capiamo, e grazie di avercelo detto. Quanto spesso lo usi di solito?",
    ),
    "problem_ux": (
        "Ci dispiace che ti abbia complicato le cose, e grazie per avercelo detto! Lo giriamo al team. C'è altro che ti ha rallentato?",
    ),
    "praise_named": (
        "Grazie, siamo felici che ti sia piaciuto! Di cosa vorresti che parlassimo la prossima volta?",
    ),
    "problem_not_as_pictured": (
        "Ci dispiace che non corrisponda alle foto. Ci mandi in privato una foto di quello che ti è arrivato?",
    ),
    "question_allergy": (
        "Ci sono altre allergie di cui dovremmo tenere conto?",
    ),
    "question_visit": (
        "date|Sai già in che giorno pensi di venire?",
    ),
    "question_beginner": (
        "Verrai con qualcuno?",
    ),
    "question_gift": (
        "person|Cosa piace di solito {to_person}? Così ti aiutiamo a scegliere.",
        "Per chi è il regalo? Così ti aiutiamo a scegliere.",
    ),
    "question_fit_hair": (
        "Com'è la tua routine per i capelli in questo momento?",
    ),
    "result_recovery": (
        "Che bella notizia, grazie per averla condivisa con noi! Come ti senti adesso?",
    ),
    "thanks_staff": (
        "staff|bike|Grazie di cuore, lo riferiamo subito a {staff}! Come va la bici adesso?",
        "staff|Grazie di cuore, lo riferiamo subito a {staff}! Com'è andata da allora?",
        "Grazie, lo riferiamo subito al team: farà tanto piacere! Com'è andata da allora?",
    ),
    "collaboration_proposal": (
        "Grazie per aver pensato a noi, sembra bellissimo! Ci mandi qualche dettaglio in privato, così ti mettiamo in contatto con la persona giusta?",
    ),
    "feedback_notifications": (
        "Grazie per avercelo detto, in effetti sono tante! Se ricevessi un solo promemoria al giorno, a che ora ti farebbe più comodo?",
    ),
    "feedback_packaging": (
        "Grazie per la segnalazione, hai ragione! Quale parte dell'imballaggio ti è sembrata più superflua?",
    ),
    "praise_candle": (
        "Grazie, che bello leggerlo! Qual è la prossima candela che accenderai?",
    ),
    "praise_drink": (
        "Grazie, che bello leggerlo! Come ti piace berlo?",
    ),
    "praise_bread": (
        "Grazie, che bello leggerlo! Come ti piace di più mangiarlo?",
    ),
    "result_plant": (
        "Che bello, grazie per l'aggiornamento! Dove tieni la pianta adesso, vicino a una finestra?",
    ),
    "result_skincare": (
        "skin|Che bello leggerlo, grazie per avercelo raccontato! Applichi {skin} mattina e sera, o solo una volta al giorno?",
        "Che bello leggerlo, grazie per avercelo raccontato! Applichi il prodotto mattina e sera, o solo una volta al giorno?",
    ),
    "story_birthday": (
        "person|Che bel modo di festeggiare, tanti auguri {to_person}! Quanti anni ha compiuto?",
    ),
}
