"""Domande di approfondimento in italiano, dando del tu, come fanno di solito i brand sui social."""

PEOPLE = {
    "mother": "tua madre", "father": "tuo padre", "daughter": "tua figlia", "son": "tuo figlio",
    "wife": "tua moglie", "husband": "tuo marito", "girlfriend": "la tua ragazza",
    "boyfriend": "il tuo ragazzo", "grandmother": "tua nonna", "grandfather": "tuo nonno",
    "sister": "tua sorella", "brother": "tuo fratello"
}

BANK = {
    "question": (
        "Così ti consigliamo la soluzione giusta: per cosa pensi di usarlo soprattutto?",
        "È per te o stai cercando qualcosa per un'altra persona?",
        "Cosa ti ha incuriosito?",
        "Cosa usi adesso, e cosa vorresti che fosse diverso?",
        "C'è altro che vorresti sapere prima di decidere?",
    ),
    "availability": (
        "Quale taglia o colore ti piacerebbe?",
        "Così ti proponiamo un'alternativa nel frattempo: per cosa ti servirebbe?",
        "È per te o è un regalo?",
        "Cosa ti piace di più di quel modello?",
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
    "problem_delivery": (
        "tracking|Mi dispiace davvero che il tuo ordine non sia ancora arrivato. Cosa indica il tracciamento in questo momento?",
        "order|Scusaci per l'attesa, non dovrebbe andare così. Ci mandi il numero d'ordine, così lo verifichiamo oggi stesso?",
        "Che seccatura, ci dispiace davvero. Entro quando ti serve, così proviamo a fartelo arrivare in tempo?",
    ),
    "problem_app": (
        "Ci dispiace che l'app ti stia dando problemi. Cosa compare sullo schermo subito prima che si blocchi?",
        "device|Scusaci per il disagio. Che dispositivo usi e quale versione dell'app hai?",
        "date|Che seccatura, ci dispiace. È iniziato dopo l'ultimo aggiornamento?",
        "Scusaci per il disagio. Cosa stavi cercando di fare quando è successo?",
    ),
    "problem_service": (
        "Mi dispiace davvero che tu sia stato trattato così. Ci racconti cosa è successo, così possiamo rimediare?",
        "Non è l'esperienza che vogliamo per nessuno, ci dispiace. Quando e dove è successo?",
        "Scusaci se nessuno ti ha risposto. Con cosa hai ancora bisogno di aiuto? Ce ne occupiamo noi adesso.",
    ),
    "problem": (
        "Mi dispiace molto. Ci racconti qualcosa in più, così possiamo sistemare le cose?",
        "È una delusione e ci dispiace. Cosa potremmo fare per rimediare?",
        "Scusaci, non è quello che dovresti ricevere da noi. Qual è stata la prima cosa che hai notato?",
    ),
    "result": (
        "person|Che meraviglia! Cosa ne ha pensato {person}?",
        "Complimenti, è venuto benissimo! Cosa ti piacerebbe provare adesso?",
        "Come ti sei sentito quando è andato tutto per il verso giusto?",
        "C'è stato un passaggio più difficile del previsto?",
    ),
    "story": (
        "person|Che bella storia! Cosa ha detto {person}?",
        "person|Come ha reagito {person}?",
        "Grazie per averlo condiviso. Qual è il ricordo che ti è rimasto di più?",
        "Che bello! Com'è iniziato tutto?",
        "Cosa l'ha reso così speciale per te?",
    ),
    "thanks": (
        "person|Figurati! Cosa ne ha pensato {person}?",
        "È un piacere! Cosa ti è stato più utile?",
        "Siamo felici che ti sia servito! A cosa stai lavorando adesso?",
        "Che bello leggerti! Di cosa ti piacerebbe vedere di più da noi?",
    ),
    "praise": (
        "person|Grazie mille! Cosa è piaciuto di più a {person}?",
        "Grazie di cuore, ci fa davvero piacere! Cosa ti piace di più?",
        "Come ci hai conosciuti?",
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
