"""Domande di approfondimento in italiano, dando del tu, come fanno di solito i brand sui social."""

PEOPLE = {
    "mother": "tua madre", "father": "tuo padre", "daughter": "tua figlia", "son": "tuo figlio",
    "wife": "tua moglie", "husband": "tuo marito", "girlfriend": "la tua ragazza",
    "boyfriend": "il tuo ragazzo", "grandmother": "tua nonna", "grandfather": "tuo nonno",
    "sister": "tua sorella", "brother": "tuo fratello"
}

# Questions about using what they have rather than choosing it: they get the question_using follow-ups.
USING = r"come (?:posso|faccio|si)|posso usare|devo|dove (?:trovo|posso trovare)|c'è un modo"
# Questions about choosing something: they get the question_choosing follow-ups.
CHOOSING = r"consigli\w*|differenza|quale (?:mi|è meglio)|adatt\w*|va bene per|vale la pena|taglia|compatibile|funziona con|fatto (?:con|di)|abbastanza|buono per"
# Questions about leaving (cancelling, closing an account): they get the question_leaving follow-ups.
LEAVING = r"disdir|annullare l'abbonamento|cancellare il mio account|disiscriver"

BANK = {
    "question": (
        "Così ti diamo qualche consiglio in più: per cosa pensi di usarlo?",
        "Cosa ha suscitato il tuo interesse?",
        "È per te o per qualcun altro?",
    ),
    "question_leaving": (
        "Ci dispiace vederti andare via. Ci racconti cosa ti ha fatto decidere?",
        "Prima di andare: cosa avremmo potuto fare meglio?",
        "C'era qualcosa che mancava e che ti avrebbe fatto restare?",
    ),
    "question_choosing": (
        "person|Per cosa lo userebbe soprattutto {person}? Così ti consigliamo la soluzione giusta.",
        "Così ti consigliamo la soluzione giusta: per cosa pensi di usarlo soprattutto?",
        "È per te o stai cercando qualcosa per un'altra persona?",
        "Cosa conta di più per te nella scelta?",
        "Con quale altra opzione lo stai confrontando?",
    ),
    "question_using": (
        "Facci sapere com'è andata! Su cosa lo stai usando adesso?",
        "Come ti stai trovando finora?",
        "Cosa vorresti riuscire a fare?",
        "Cosa ti piacerebbe provare dopo, una volta risolto?",
    ),
    "availability": (
        "person|Per cosa lo userebbe soprattutto {person}? Così ti consigliamo la soluzione giusta.",
        "Così ti proponiamo un'alternativa nel frattempo: per cosa ti servirebbe?",
        "Vuoi che ti avvisiamo appena è disponibile?",
        "Cosa ti piace di più di quel modello?",
        "Come l'hai scoperto?",
    ),
    "availability_feature": (
        "Per cosa lo useresti soprattutto? Ci aiuta molto saperlo.",
        "Come ti stai organizzando nel frattempo?",
        "Come si inserirebbe nel tuo modo di lavorare attuale?",
    ),
    "availability_shipping": (
        "Cosa ti piacerebbe ordinare per primo?",
        "È per te o vuoi spedirlo a qualcuno come regalo?",
        "Conosci già i nostri prodotti o sarebbe il tuo primo ordine?",
    ),
    "availability_hours": (
        "Passi per qualcosa in particolare? Possiamo fartelo trovare pronto, ti va?",
        "Sarebbe la tua prima visita da noi?",
        "Vuoi che ti mettiamo da parte qualcosa?",
    ),
    "problem_damaged": (
        "Mi dispiace tanto che sia arrivato così. Cosa hai trovato aprendo il pacco?",
        "order|Non dovrebbe arrivarti così, ci dispiace. Ci mandi il numero d'ordine, così ti spediamo subito la sostituzione?",
        "Che delusione, scusaci. Preferisci una sostituzione o un rimborso?",
    ),
    "problem_price": (
        "increase|Ci dispiace che ti sembri troppo caro. Di quale prodotto o piano si tratta, così vediamo cosa ti conviene di più?",
        "change|Ci dispiace che il cambiamento ti abbia colto di sorpresa. Quale prodotto o piano usi, così vediamo cosa ti conviene di più?",
        "Capisco il fastidio, mi dispiace. Cosa conta di più per te in quello che ti offriamo?",
        "change|Scusaci, un aumento di prezzo non fa mai piacere. Vuoi che ti spieghiamo cosa è cambiato?",
    ),
    "problem_billing": (
        "order|Mi dispiace davvero. Ci mandi il numero d'ordine in privato, così lo sistemiamo oggi stesso?",
        "date|Scusaci per il disagio. Quando l'hai notato per la prima volta sull'estratto conto?",
        "Mi dispiace che ci voglia così tanto. Cosa ti ha detto il nostro team l'ultima volta, così ripartiamo da lì?",
    ),
    "problem_delivery": (
        "tracking|Mi dispiace davvero che il tuo ordine non sia ancora arrivato. Cosa indica il tracciamento in questo momento?",
        "order|Scusaci per l'attesa, non dovrebbe andare così. Ci mandi il numero d'ordine, così lo verifichiamo oggi stesso?",
        "Che seccatura, ci dispiace davvero. Entro quando ti serve, così proviamo a fartelo arrivare in tempo?",
    ),
    "problem_app": (
        "Ci dispiace che l'app ti stia dando problemi. Cosa compare sullo schermo subito prima che si blocchi?",
        "device|Scusaci per il disagio. Che dispositivo usi e quale versione dell'app hai?",
        "date|update|Che seccatura, ci dispiace. È iniziato dopo l'ultimo aggiornamento?",
        "Scusaci per il disagio. Cosa stavi cercando di fare quando è successo?",
    ),
    "problem_ignored": (
        "Scusaci se nessuno ti ha risposto. Con cosa hai ancora bisogno di aiuto? Ce ne occupiamo noi adesso.",
        "Scusa il silenzio, non va bene. Di cosa si tratta, così lo risolviamo subito?",
        "Mi dispiace che tu abbia dovuto aspettare tanto. Preferisci che ne parliamo qui o in privato?",
    ),
    "problem_service": (
        "Mi dispiace davvero che tu sia stato trattato così. Ci racconti cosa è successo, così possiamo rimediare?",
        "Non è l'esperienza che vogliamo per nessuno, ci dispiace. Quando e dove è successo?",
        "Ci dispiace moltissimo. In quale negozio o con quale team è successo, così ne parliamo con loro?",
    ),
    "problem": (
        "Mi dispiace molto. Ci racconti qualcosa in più, così possiamo sistemare le cose?",
        "È una delusione e ci dispiace. Cosa potremmo fare per rimediare?",
        "Scusaci, non è quello che dovresti ricevere da noi. Ci dici di quale prodotto si tratta, così verifichiamo?",
    ),
    "result": (
        "person|Che meraviglia! Cosa ne ha pensato {person}?",
        "Complimenti, è venuto benissimo! Cosa ti piacerebbe provare adesso?",
        "Come ti sei sentito quando è andato tutto per il verso giusto?",
        "C'è stato un passaggio più difficile del previsto?",
    ),
    "story_gift": (
        "person|Che bel pensiero! Cosa ne ha pensato {person}?",
        "person|Come ha reagito {person} quando l'ha aperto?",
        "Cosa te l'ha fatto scegliere?",
        "occasion|Era per un'occasione speciale?",
    ),
    "story_memory": (
        "person|Che bel ricordo! Cosa ti ricordi di più di {person}?",
        "Grazie per averlo condiviso con noi. Qual è il ricordo che ti è rimasto di più?",
        "Che bel ricordo! È una cosa che fai ancora oggi?",
        "Cosa lo rendeva così speciale per te?",
    ),
    "story": (
        "person|Che bello! Cosa ha detto {person}?",
        "person|Cosa ne ha pensato {person}?",
        "Grazie per averlo condiviso! Com'è venuto?",
        "Che bello! Cosa ti ha dato l'idea?",
        "Ci piacerebbe saperne di più. Com'è andata poi?",
    ),
    "thanks": (
        "person|Figurati! Cosa ne ha pensato {person}?",
        "È un piacere! Cosa ti è stato più utile?",
        "Siamo felici di averti aiutato! Possiamo fare altro per te?",
        "Che bello leggerti! Di cosa ti piacerebbe vedere di più da noi?",
    ),
    "praise_content": (
        "Grazie, siamo felici che ti sia piaciuto! Quale parte ti è rimasta più impressa?",
        "Di cosa ti piacerebbe che parlassimo la prossima volta?",
        "C'è qualcosa che vorresti approfondire?",
        "Come l'hai scoperto?",
    ),
    "praise": (
        "person|Grazie mille! Cosa è piaciuto di più a {person}?",
        "Grazie di cuore, ci fa davvero piacere! Cosa ti piace di più?",
        "In quali momenti lo usi di più?",
        "Cosa ti piacerebbe vedere da noi prossimamente?",
    ),
    "feedback": (
        "Grazie per la sincerità! Cosa cambieresti per primo?",
        "È utile saperlo. Come ti piacerebbe che funzionasse invece?",
        "Cosa ti ha dato questa impressione? Vorremmo capire bene.",
    ),
    "collaboration": (
        "Grazie per aver pensato a noi! Che tipo di collaborazione hai in mente?",
        "Com'è la tua community e cosa apprezza di più?",
        "Cosa sarebbe per te un risultato ideale?",
    ),
    "fan_reply": (
        "Grazie per aver dato una mano! Com'è andata a te?",
        "Qual è stata la tua esperienza?",
        "Aggiungeresti un consiglio per chi sta leggendo?",
    ),
    "noise": (
        "Grazie per essere passato! Cosa ti porta qui?",
        "Cosa ne pensi?",
        "Cosa ti piacerebbe vedere da noi prossimamente?",
    ),
}
