"""Vervolgvragen in het Nederlands, met "je", zoals de meeste merken op sociale media schrijven: hoogstens drie per
geval, elk zo dat je hem bij elke reactie van dat geval ongewijzigd kunt sturen."""

PEOPLE = {
    "mother_in_law": "je schoonmoeder",
    "mother": "je moeder", "father": "je vader", "daughter": "je dochter", "son": "je zoon",
    "wife": "je vrouw", "husband": "je man", "girlfriend": "je vriendin",
    "boyfriend": "je vriend", "grandmother": "je oma", "grandfather": "je opa", "sister": "je zus",
    "brother": "je broer",
}

# What they enjoyed (bot/suggest/cases/stories.py: thing_kind), with the article and case the story_thing
# questions need
THINGS = {"workshop": "de workshop", "tour": "de rondleiding", "class": "de lessen", "game": "het spel", "book": "het boek",
          "app": "de app"}

BANK = {
    "question_howto_app": (
        "device|Heb je een iPhone of een Android? Dan wijzen we je het juiste menu aan.",
        "!device|Laat het weten als het nog steeds niet verschijnt. Welke versie van de app heb je?",
    ),
    "question_symptom": (
        "date|Is het al zo vanaf het begin, of pas sinds kort?",
    ),
    "question_choosing": (
        "person|Waar gaat {person} het vooral voor gebruiken? Dan helpen we je de juiste te kiezen.",
        "Waar ga je het vooral voor gebruiken? Dan helpen we je de juiste te kiezen.",
    ),
    "question_leaving": (
        "Jammer dat je weggaat. Wil je vertellen waarom je die keuze maakt?",
    ),
    "availability_restock": (
        "Zullen we je een seintje geven zodra we weer voorraad hebben?",
    ),
    "availability_variant": (
        "person|Waar gaat {person} het vooral voor gebruiken? Dan helpen we je de juiste te kiezen.",
    ),
    "availability_release": (
        "Zullen we je een seintje geven zodra er nieuws is?",
    ),
    "availability_reserve": (
        "group|Zullen we de plekken voor jullie vasthouden?",
        "Zullen we er alvast een voor je reserveren?",
    ),
    "availability_store": (
        "Zullen we je maat apart leggen in de winkel om te passen?",
    ),
    "availability_shipping": (
        "deadline|date|Wanneer heb je het uiterlijk nodig? Dan zeggen we hoe het op tijd bij je is.",
        "only_asks|Wat wil je graag bestellen?",
    ),
    "availability_hours": (
        "Wordt het je eerste bezoek?",
        "Kom je voor iets speciaals? Dan leggen we het alvast klaar.",
    ),
    "problem": (
        "Wat vervelend, sorry. Stuur je ons de details via DM? Dan kijken we er vandaag nog naar.",
    ),
    "problem_letdown": (
        "Jammer dat het tegenvalt, sorry. Wat werkte er niet zoals je verwachtte?",
        "Dank je voor je eerlijkheid. Wat had je ervan verwacht?",
    ),
    "problem_delivery": (
        "order|Vervelend dat het er nog steeds niet is, sorry. Stuur je ons je bestelnummer via DM? Dan zoeken we het vandaag nog uit.",
        "unshipped|!order|Sorry dat het zo lang duurt. We gaan vandaag nog na bij ons magazijn: zullen we je via DM laten weten zodra we meer weten?",
        "!order|Sorry dat het zo lang duurt. We gaan vandaag nog bij de vervoerder na: zullen we je via DM laten weten zodra we meer weten?",
    ),
    "problem_damaged": (
        "Wat vervelend dat het zo aankwam, sorry! Stuur je ons via DM een foto? Dan regelen we het meteen.",
        "order|Wat een domper, sorry. Stuur je ons je bestelnummer via DM zodat we het kunnen oplossen?",
    ),
    "problem_spoiled": (  # food that arrived cold, warm or thawed: no photo of what they threw away
        "order|Sorry, wat ontzettend vervelend, zo hoort het nooit aan te komen. Stuur je ons je bestelnummer via DM zodat we het kunnen oplossen?",
        "!order|Sorry, wat ontzettend vervelend, zo hoort het nooit aan te komen. Zullen we je een DM sturen om het vandaag nog op te lossen?",
    ),
    "problem_wrong_item": (
        "Sorry, daar is bij ons iets misgegaan. Stuur je ons via DM een foto van wat er is aangekomen?",
        "order|Sorry voor de verwarring! Stuur je ons je bestelnummer via DM? Dan lossen we het vandaag op.",
    ),
    "problem_billing": (
        "Wat vervelend, sorry. Stuur je ons via DM de datum van de afschrijving? Dan zoeken we het vandaag uit.",
    ),
    "problem_ignored": (
        "order|Sorry dat niemand op je heeft gereageerd. Stuur je ons via DM je bestel- of ticketnummer? Dan pakken we het vandaag zelf op.",
        "!order|Sorry dat niemand op je heeft gereageerd. We pakken het vandaag zelf op: zullen we je via DM laten weten zodra we meer weten?",
    ),
    "problem_price": (
        "change|Sorry dat de verandering je overviel. Welk abonnement of product heb je? Dan kijken we wat het best bij je past.",
        "Dat snappen we, en sorry. Wat vind je het belangrijkst aan wat je bij ons krijgt?",
    ),
    "problem_service": (
        "place|Wat vervelend, sorry, zo hoort het niet te gaan. Welke vestiging was het? Dan bespreken we het met het team.",
        "Zo willen we niet dat iemand het bij ons ervaart, sorry. Wil je er iets meer over vertellen?",
    ),
    "problem_travel": (
        "Wat ontzettend vervelend, sorry. Waar ben je nu, en heb je meteen iets nodig?",
        "Sorry voor dit alles. Stuur je ons via DM je boekingsnummer? Dan kijken we meteen naar de opties.",
    ),
    "problem_app": (
        "error|Wat ontzettend balen, sorry! Kreeg je een foutmelding?",
        "device|Wat vervelend, sorry. Op welke telefoon gebeurt het?",
    ),
    "problem_content": (
        "Sorry daarvoor! In welke app luisterde je? Dan checken we het volume daar.",
    ),
    "problem_food": (
        "Wat vervelend, sorry, zo hoort het niet. In welke winkel was het? Dan bespreken we het met het team.",
    ),
    "result": (
        "Gefeliciteerd, wat een prestatie! Wat was het lastigste deel?",
    ),
    "result_sport": (
        "Geweldig, gefeliciteerd! Wat is je volgende doel?",
    ),
    "result_habit": (
        "Wat een mijlpaal, goed gedaan! Wat hielp je het meest om vol te houden?",
    ),
    "result_made": (
        "Wat knap, goed gedaan! Wat ga je hierna maken?",
        "person|Wat leuk! Wat vond {person} ervan?",
    ),
    "thanks_grief": (
        "Gecondoleerd met je verlies, en dank je dat je dit met ons deelt. Was er een deel dat je het meest is bijgebleven?",
    ),
    "feedback_content": (
        "Dank je voor je eerlijke feedback! Luister je meestal in één keer, of in een paar stukken?",
    ),
    "feedback_disagree": (
        "Dank je voor je eerlijke mening! Wat vond je het fijnst aan de oude versie?",
    ),
    "praise": (
        "person|Dank je! Wat vond {person} er het leukst aan?",
    ),
    "praise_content": (
        "Dank je, fijn dat je ervan genoten hebt! Wat is je het meest bijgebleven?",
    ),
    "story_memory": (
        "person|Wat een mooie herinnering! Waar denk je als eerste aan bij {person}?",
        "Wat een mooie herinnering, dank je voor het delen! Wat is je het meest bijgebleven van die tijd?",
    ),
    "story_gift": (
        "person|assortment|Wat een leuk cadeau! Welke vindt {person} tot nu toe het lekkerst?",
        "person|Wat een leuk cadeau! Wat vindt {person} er het leukst aan?",
    ),
    "story_engaged": (
        "Gefeliciteerd, jullie allebei! Hebben jullie al een datum geprikt?",
    ),
    "collaboration": (
        "link|Leuk dat je aan ons denkt! Stuur je ons via DM een link naar je kanaal of blog? Dan kijken we even mee.",
        "Leuk dat je aan ons denkt, dat klinkt goed! Stuur je ons via DM wat details over je idee? Dan brengen we je in contact met de juiste persoon.",
    ),
    "collaboration_cause": (
        "date|Wat een mooi initiatief! Voor wanneer plannen jullie het?",
        "event|Leuk dat jullie aan ons denken! Met hoeveel mensen rekenen jullie ongeveer?",
        "Leuk dat jullie aan ons denken, wat een mooi initiatief! Sturen jullie ons via DM wat details? Dan brengen we jullie in contact met de juiste persoon.",
    ),
    "question_content": (
        "Goed idee, dank je! Waar moeten we het verder nog over hebben?",
    ),
    "question_making": (
        "Heb je het al eens gemaakt, of is dit je eerste poging?",
    ),
    "problem_fault": (
        "Wat vervelend, sorry, dat hoort niet te gebeuren. Stuur je ons via DM een foto? Dan lossen we het op.",
        "date|Wat vervelend, sorry. Hoe lang heb je het al?",
    ),
    "problem_fault_again": (
        "Sorry, twee keer achter elkaar is echt niet de bedoeling. Stuur je ons via DM een foto of een kort filmpje? Dan zoeken we het goed uit.",
    ),
    "feedback_discontinued": (
        "Jammer, dat snappen we! Wat vond je er het fijnst aan?",
    ),
    "collaboration_stockist": (
        "Leuk dat jullie aan ons denken! Sturen jullie ons via DM wat info over jullie zaak? Dan brengen we jullie in contact met de juiste persoon.",
    ),
    "problem_late": (
        "Sorry dat het zo lang duurde, zo lang hoort niemand te wachten. Is de rest wel in orde?",
    ),
    "problem_sizing": (
        "Sorry, wat vervelend. Om welk artikel gaat het? Dan checken we de maattabel.",
    ),
    "problem_changed": (
        "Sorry dat het je niet meer zo bevalt. Wat vond je het fijnst aan de oude versie?",
    ),
    "question_fit": (
        "Welk model heb je nu? Dan checken we of het past.",
    ),
    "problem_refund": (
        "order|Sorry dat je nog steeds moet wachten. Stuur je ons je bestelnummer via DM? Dan zoeken we het vandaag nog uit.",
        "!order|Sorry dat je nog steeds moet wachten. We zoeken het vandaag nog uit: zullen we je via DM laten weten zodra we meer weten?",
    ),
    "story_grief": (
        "Gecondoleerd met je verlies, en dank je dat je dit met ons deelt. Zou je een mooie herinnering met ons willen delen?",
    ),
    "problem_not_received": (
        "Vervelend dat het niet is aangekomen, sorry. Kan een buur of een afhaalpunt het hebben aangenomen?",
        "order|Sorry hiervoor. Stuur je ons je bestelnummer via DM? Dan checken we het vandaag met de vervoerder.",
    ),
    "problem_courier": (
        "order|Wat vervelend, sorry. Stuur je ons je bestelnummer via DM? Dan spreken wij de vervoerder erop aan.",
        "!order|Wat vervelend, sorry. We spreken de vervoerder er vandaag nog op aan: zullen we je via DM laten weten zodra we meer weten?",
    ),
    "thanks_class": (
        "staff|Wat fijn om te horen, we geven het door aan {staff}! Wat vind je het fijnst aan de lessen?",
        "Wat fijn om te horen! Wat vind je het fijnst aan de lessen?",
    ),
    "thanks_trial": (  # a first or trial lesson: no "the classes" they have not taken yet
        "staff|Wat fijn, we geven het meteen door aan {staff}! Zien we je snel weer?",
        "Wat fijn, we geven het meteen door aan het team! Zien we je snel weer?",
    ),
    "question_fit_trip": (
        "Waar ga je naartoe?",
    ),
    "question_fit_skin": (
        "Heb je eerder problemen gehad met vergelijkbare producten?",
    ),
    "availability_size": (
        "Als je maat er niet is, zullen we je dan een seintje geven zodra hij weer binnen is?",
    ),
    "availability_wide": (
        "Zullen we je laten weten zodra er een brede pasvorm is?",
    ),
    "thanks_support": (
        "Wat fijn dat het je door die tijd heen hielp, dank je dat je het vertelt. Hoe gaat het nu met je?",
    ),
    "praise_app": (
        "Dank je, wat fijn om te horen! Wat zou je willen dat het nog meer kan?",
    ),
    "story_kids": (
        "Wat leuk om te horen! Wat vonden ze het leukst?",
    ),
    "story_thing": (
        "person|thing|Wat leuk om te horen! Wat vindt {person} het leukst aan {thing}?",
        "person|outing|Wat leuk om te horen! Wat vond {person} het leukst aan {outing}?",
    ),
    "thanks_person": (
        "person|Wat fijn dat we konden helpen! Hoe gaat het nu met {person}?",
    ),
    "problem_missing": (
        "order|Sorry dat er iets ontbrak. Stuur je ons je bestelnummer via DM? Dan lossen we het vandaag op.",
        "!order|Sorry dat er iets ontbrak. We zoeken je bestelling vandaag nog uit: zullen we je via DM laten weten zodra we meer weten?",
    ),
    "problem_reaction": (
        "Wat vervelend, sorry, dat klinkt echt onprettig. Hoe gaat het nu met je?",
    ),
    "problem_smaller": (
        "date|Sorry, en bedankt dat je het eerlijk zegt. Wanneer heb je het gekocht, zodat we die partij kunnen nakijken?",
    ),
    "problem_wrong_day": (
        "Sorry dat het niet op de juiste dag kwam. We zoeken het vandaag nog uit: zullen we je via DM laten weten zodra we weten wat er gebeurd is?",
    ),
    "problem_limit": (
        "Sorry, we snappen het, en bedankt dat je het zegt. Hoe vaak gebruik je het meestal?",
    ),
    "problem_ux": (
        "Sorry dat het je in de weg zat, en dank je voor het melden! We geven het door aan het team. Hield iets anders je nog op?",
    ),
    "praise_named": (
        "Dank je, fijn dat je ervan genoten hebt! Waar moeten we het de volgende keer over hebben?",
    ),
    "problem_not_as_pictured": (
        "Sorry dat het er anders uitziet dan op de foto's. Stuur je ons via DM een foto van wat je kreeg?",
    ),
    "question_allergy": (
        "Zijn er nog andere allergieën waar we rekening mee moeten houden?",
    ),
    "question_visit": (
        "date|Weet je al op welke dag je wilt komen?",
    ),
    "question_beginner": (
        "Kom je alleen of neem je iemand mee?",
    ),
    "question_gift": (
        "person|Wat vindt {person} meestal leuk? Dan helpen we je kiezen.",
        "Voor wie is het cadeau? Dan helpen we je kiezen.",
    ),
    "question_fit_hair": (
        "Hoe ziet je haarroutine er nu uit?",
    ),
    "result_recovery": (
        "Wat fijn om te lezen, dank je dat je het met ons deelt! Hoe voel je je nu?",
    ),
    "thanks_staff": (
        "staff|bike|Dank je, we geven het meteen door aan {staff}, die zal het geweldig vinden! Hoe rijdt de fiets nu?",
        "staff|Dank je, we geven het meteen door aan {staff}, die zal het geweldig vinden! Hoe gaat het sindsdien?",
        "Dank je, we geven het meteen door aan het team! Hoe gaat het sindsdien?",
    ),
    "collaboration_proposal": (
        "Leuk dat je aan ons denkt, dat klinkt goed! Stuur je ons via DM wat details? Dan brengen we je in contact met de juiste persoon.",
    ),
    "feedback_notifications": (
        "Dank je voor je eerlijke reactie, dat is inderdaad veel! Als je maar één herinnering per dag kreeg, welk tijdstip zou je dan het beste uitkomen?",
    ),
    "feedback_packaging": (
        "Dank je dat je het laat weten, terecht! Welk deel van de verpakking vond je het meest overbodig?",
    ),
    "praise_candle": (
        "Dank je, wat fijn om te horen! Welke kaars steek je hierna aan?",
    ),
    "praise_drink": (
        "Dank je, wat fijn om te horen! Hoe drink je hem het liefst?",
    ),
    "praise_bread": (
        "Dank je, wat fijn om te horen! Hoe eet je het het liefst?",
    ),
    "result_plant": (
        "Wat fijn, dank je voor de update! Waar staat de plant nu, bij een raam?",
    ),
    "result_skincare": (
        "Wat fijn om te lezen, dank je voor het delen! Gebruik je het 's ochtends en 's avonds, of maar één keer per dag?",
    ),
    "story_birthday": (
        "person|Wat een leuke manier om het te vieren, van harte gefeliciteerd! Hoe oud is {person} geworden?",
    ),
}
