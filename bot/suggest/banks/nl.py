"""Vervolgvragen in het Nederlands, met "je", zoals de meeste merken op sociale media schrijven."""

PEOPLE = {
    "mother": "je moeder", "father": "je vader", "daughter": "je dochter", "son": "je zoon",
    "wife": "je vrouw", "husband": "je man", "girlfriend": "je vriendin",
    "boyfriend": "je vriend", "grandmother": "je oma", "grandfather": "je opa", "sister": "je zus",
    "brother": "je broer",
}

# Questions about using what they have rather than choosing it: they get the question_using follow-ups.
USING = r"hoe (?:kan|moet|doe) ik|kan ik|moet ik|waar vind ik|is er een manier"
# Questions about choosing something: they get the question_choosing follow-ups.
CHOOSING = r"aanrad\w*|verschil|welke (?:raden|is beter)|geschikt|de moeite waard|maat|compatibel|werkt .* met|gemaakt (?:van|met)|groot genoeg|genoeg voor|goed voor"
# Questions about leaving (cancelling, closing an account): they get the question_leaving follow-ups.
LEAVING = r"opzeggen|opzegg|account verwijderen|uitschrijven"

BANK = {
    "question": (
        "Dan geven we je nog wat extra tips: waarvoor wil je het gebruiken?",
        "Waardoor raakte je erin geïnteresseerd?",
        "Is het voor jezelf of voor iemand anders?",
    ),
    "question_leaving": (
        "Jammer dat je weggaat. Wil je vertellen waarom je hebt besloten te stoppen?",
        "Voordat je gaat: wat hadden we beter kunnen doen?",
        "Miste je iets waardoor je was gebleven?",
    ),
    "question_choosing": (
        "person|Waarvoor zou {person} het vooral gebruiken? Dan kunnen we je wijzen op wat het beste past.",
        "Dan kunnen we je wijzen op wat het beste past: waarvoor wil je het vooral gebruiken?",
        "Is het voor jezelf, of zoek je iets voor iemand anders?",
        "Wat vind je het belangrijkst bij het kiezen?",
        "Met welke andere optie vergelijk je het nu?",
    ),
    "question_using": (
        "Laat je weten hoe het gaat? Waar ben je er nu mee bezig?",
        "Hoe bevalt het tot nu toe?",
        "Wat wil je er graag mee bereiken?",
        "Wat wil je hierna proberen, als dit gelukt is?",
    ),
    "availability": (
        "person|Waarvoor zou {person} het vooral gebruiken? Dan kunnen we je wijzen op wat het beste past.",
        "Dan stellen we alvast een alternatief voor: waarvoor heb je het nodig?",
        "Zullen we je laten weten zodra het beschikbaar is?",
        "Wat spreekt je het meest aan in dit model?",
        "Hoe heb je ons leren kennen?",
    ),
    "availability_feature": (
        "Waarvoor zou je het vooral gebruiken? Dat helpt ons echt.",
        "Hoe los je het in de tussentijd op?",
        "Hoe zou het passen in hoe je nu werkt?",
    ),
    "availability_shipping": (
        "Wat zou je als eerste willen bestellen?",
        "Is het voor jezelf, of wil je het als cadeau naar iemand sturen?",
        "Ken je onze producten al, of zou dit je eerste bestelling zijn?",
    ),
    "availability_hours": (
        "Kom je voor iets speciaals? Zullen we het alvast klaarleggen?",
        "Zou het je eerste bezoek zijn?",
        "Zullen we iets voor je apart leggen?",
    ),
    "problem_damaged": (
        "Sorry dat het zo is aangekomen. Wat zag je toen je het pakket opende?",
        "order|Zo hoort het niet bij je aan te komen, sorry. Stuur je ons je bestelnummer, dan sturen we een nieuwe?",
        "Wat een teleurstelling, sorry. Heb je liever een vervanging of je geld terug?",
    ),
    "problem_price": (
        "increase|Sorry dat je het te duur vindt. Om welk product of abonnement gaat het, zodat we kijken wat het beste bij je past?",
        "change|Sorry dat de verandering je overviel. Welk product of abonnement heb je, zodat we kijken wat het beste bij je past?",
        "Ik snap de frustratie, sorry. Wat vind je het belangrijkst aan wat je van ons krijgt?",
        "change|Sorry, een prijsverhoging is nooit leuk. Zullen we uitleggen wat er precies veranderd is?",
    ),
    "problem_billing": (
        "order|Het spijt me echt. Stuur je ons je bestelnummer in een privébericht, dan lossen we het vandaag op?",
        "date|Sorry voor het gedoe. Wanneer zag je het voor het eerst op je afschrift?",
        "Sorry dat het zo lang duurt. Wat heeft ons team je de vorige keer gezegd, dan gaan we daar verder?",
    ),
    "problem_delivery": (
        "tracking|Wat vervelend dat je bestelling er nog steeds niet is, sorry. Wat zegt de track & trace op dit moment?",
        "order|Sorry voor het wachten, zo hoort het niet. Stuur je ons je bestelnummer, dan zoeken we het vandaag nog uit?",
        "Heel vervelend, het spijt ons echt. Wanneer heb je het uiterlijk nodig, zodat we het op tijd proberen te krijgen?",
    ),
    "problem_app": (
        "Sorry dat de app je dwarszit. Wat zie je op het scherm vlak voordat het misgaat?",
        "device|Excuses voor het ongemak. Welk toestel gebruik je, en welke versie van de app?",
        "date|update|Vervelend, sorry. Begon het na de laatste update?",
        "Sorry voor het gedoe. Wat probeerde je te doen toen het gebeurde?",
    ),
    "problem_ignored": (
        "Sorry dat niemand heeft gereageerd. Waarmee heb je nog hulp nodig? We pakken het nu op.",
        "Sorry voor de stilte, zo hoort het niet. Waar gaat het om, dan lossen we het nu op?",
        "Sorry dat je zo lang moest wachten. Zullen we het hier oplossen of via een privébericht?",
    ),
    "problem_service": (
        "Het spijt me echt dat je zo behandeld bent. Wil je vertellen wat er gebeurde, zodat we het goed kunnen maken?",
        "Zo willen we niemand laten voelen, sorry. Wanneer en waar was dit?",
        "Het spijt ons echt. In welke winkel of bij welk team was dit, zodat we het met hen kunnen bespreken?",
    ),
    "problem": (
        "Wat vervelend, het spijt me echt. Wil je iets meer vertellen, zodat we het kunnen oplossen?",
        "Dat is teleurstellend, sorry. Wat zou het voor jou weer goedmaken?",
        "Sorry, zo hoort het niet. Laat je weten om welk product het gaat, zodat we ernaar kunnen kijken?",
    ),
    "result": (
        "person|Wat mooi! Wat vond {person} ervan?",
        "Gefeliciteerd, wat knap! Wat wil je hierna proberen?",
        "Hoe voelde het toen alles lukte?",
        "Was er een stap die lastiger was dan je had verwacht?",
    ),
    "story_gift": (
        "person|Wat een leuk cadeau! Wat vond {person} ervan?",
        "person|Hoe reageerde {person} bij het uitpakken?",
        "Waarom koos je juist deze?",
        "occasion|Was het voor een speciale gelegenheid?",
    ),
    "story_memory": (
        "person|Wat een mooie herinnering! Wat herinner je je het meest van {person}?",
        "Bedankt dat je dit met ons deelt. Wat is je het meest bijgebleven?",
        "Wat een mooie herinnering! Doe je het nu nog steeds?",
        "Wat maakte het zo bijzonder voor je?",
    ),
    "story": (
        "person|Wat leuk! Wat zei {person}?",
        "person|Wat vond {person} ervan?",
        "Bedankt voor het delen! Hoe is het geworden?",
        "Wat leuk! Hoe kwam je erop?",
        "We horen graag meer. Hoe ging het verder?",
    ),
    "thanks": (
        "person|Graag gedaan! Wat vond {person} ervan?",
        "Graag gedaan! Wat hielp je het meest?",
        "Fijn dat we konden helpen! Kunnen we nog iets anders voor je doen?",
        "Wat leuk om te lezen! Waar zou je meer van willen zien?",
    ),
    "praise_content": (
        "Dank je wel, fijn dat je ervan genoten hebt! Wat is je het meest bijgebleven?",
        "Waar zou je graag willen dat we het de volgende keer over hebben?",
        "Is er iets waar we dieper op in moeten gaan?",
        "Hoe ben je erop gestuit?",
    ),
    "praise": (
        "person|Dank je wel! Wat vond {person} het mooiste?",
        "Dank je wel, wat fijn om te horen! Wat vind je er het leukst aan?",
        "Wanneer gebruik je het het liefst?",
        "Wat zou je hierna graag van ons zien?",
    ),
    "feedback": (
        "Bedankt voor je eerlijke mening! Wat zou je als eerste veranderen?",
        "Goed om te weten. Hoe zou je willen dat het werkt?",
        "Waardoor kreeg je die indruk? We willen het graag goed begrijpen.",
    ),
    "collaboration": (
        "Leuk dat je aan ons denkt! Wat voor samenwerking heb je in gedachten?",
        "Wie zijn je volgers, en waar worden ze het meest enthousiast van?",
        "Wat zou voor jou een mooi resultaat zijn?",
    ),
    "fan_reply": (
        "Bedankt voor het meedenken! Hoe ging het bij jou?",
        "Wat is je eigen ervaring ermee?",
        "Heb je nog een tip voor wie meeleest?",
    ),
    "noise": (
        "Bedankt voor je bezoek! Wat bracht je hier?",
        "Wat vond je ervan?",
        "Wat zou je hierna graag van ons zien?",
    ),
}
