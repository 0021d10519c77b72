"""The offline questions fit the case a comment is, in each of the seven languages: the kind of question, never one
asking for what the comment gives, never a fragment of the comment, at most three, and none that offers money."""

from __future__ import annotations

import re

import pytest

from bot.engine.comment_text import read_comment
from bot.engine.language import detect_language
from bot.engine.situation import read_situation
from bot.suggest import suggest_questions
from bot.suggest.banks import LANGUAGES, bank
from bot.suggest.cases import case
from bot.suggest.checks import COUNT
from bot.suggest.safety import unsafe

TAGS = {"person", "staff", "thing", "outing", "link", "change", "assortment", "event", "version", "place", "order", "device", "date", "tracking", "update",
        "occasion", "increase", "error", "deadline", "only_asks", "unshipped", "bike", "skin", "group", "!device", "!order"}

# (comment, its case, what the first question must ask), none of them from the labelled sets
CASES = [
    ("How do I change my delivery address in the app? I can't see it under profile.", "question_howto_app",
     r"iPhone or Android"),
    ("My espresso machine keeps making a grinding noise, is that normal?", "question_symptom", r"from the start"),
    ("Will the rhubarb jam be back before Easter?", "availability_restock", r"let you know .* restocked"),
    ("Wird es den Winterkalender dieses Jahr wieder geben?", "availability_restock", r"Bescheid.*Nachschub"),
    ("¿Hacéis envíos a Canarias? Quiero regalar el turrón de almendra a mi abuela.", "availability_shipping",
     r"Para cuándo"),  # a gift: there is a day it is needed by
    ("Ordered on the 2nd, tracking still says processing. Not impressed.", "problem_delivery",
     r"sorry.*order number by DM"),
    ("Mijn bestelling is nog steeds niet bezorgd, al tien dagen.", "problem_delivery", r"sorry.*bestelnummer"),
    ("La lampe est arrivée cassée, le verre en mille morceaux.", "problem_damaged", r"désolés.*photo"),
    ("Ho ordinato una M e mi è arrivata una L, ordine 88412.", "problem_wrong_item", r"dispiace.*foto"),  # the order number is given: no deadline they never told
    ("Cobraram a assinatura duas vezes este mês.", "problem_billing", r"Lamentamos.*data da cobrança"),
    ("love how the app now logs me out every time I switch apps 🙃", "problem_app", r"Sorry.*error message"),
    ("Thank you for the episode about caring for a parent. My mum passed away in May and it helped.",
     "thanks_grief", r"sorry for your loss.*stayed with you"),
    ("Just ran my first half marathon in your trail shoes, 2h05!", "result_sport", r"next goal"),
    # thanks to someone on the team by name, whatever fault it tells of having been fixed: no apology, no photo request
    ("Big thanks to Marco at the Leeds store, he swapped my cracked screen in ten minutes.", "thanks_staff",
     r"pass this on to Marco"),
    ("Obrigada à Carla pelas aulas de pilates de quarta, adoro!", "thanks_class", r"mensagem a Carla!.*aulas"),
    # a result told without a question, which the situation reader leaves as noise
    ("Geslaagd voor mijn rijexamen! Elke dag geoefend met de app.", "result", r"gefeliciteerd.*lastigste"),
    ("Finally passed my driving theory test after three tries, your flashcards saved me", "result",
     r"took the most work"),
    # better after an operation: how they feel, no "next challenge"
    ("Seis semanas después de la operación de rodilla he vuelto a caminar 5 km sin muletas.", "result_recovery",
     r"Cómo te encuentras"),
    # a proposal put as a question is a collaboration; a creator's channel keeps the question for its link
    ("Hi! I'm a ceramicist based in Leeds and would love to run a workshop in your café. Who should I talk to?",
     "collaboration_proposal", r"right person"),
    ("Hi! I run a small baking channel with 12k followers and would love to collab on a video.", "collaboration",
     r"link to your channel"),
    ("The mug arrived with the handle snapped off and the box squashed.", "problem_damaged", r"photo"),
    ("My dad used to take me here every summer. He passed in April and I came back on my own today.", "story_grief",
     r"sorry for your loss"),
    ("Eindelijk mijn eerste zuurdesembrood gebakken met jullie meel!", "result_made", r"hierna maken"),
    ("Le regalé la caja de bombones a mi abuela y ya se ha comido la mitad 😂", "story_gift",
     r"Cuál le está gustando más a tu abuela"),
    ("We run a small book shop in Galway and would love to stock your notebooks. Who should I contact?",
     "collaboration_stockist", r"right person"),
    ("Organizamos una carrera solidaria para el hospital infantil en junio, ¿os gustaría colaborar?",
     "collaboration_cause", r"Cuántas personas"),  # the date is given: only how many are coming
    ("Die neue Rezeptur schmeckt viel schlechter als die alte, schade.", "problem_changed", r"leid.*alten"),
    # the person a story is about, and what they enjoy from a closed list, with its article and case
    ("My mum started your pottery classes in January and now the whole house is full of bowls", "story_thing",
     r"What does your mum enjoy most about the classes\?"),
    ("Mein Vater spielt euer Kartenspiel jetzt jeden Abend mit den Nachbarn 😄", "story_thing",
     r"Was gefällt deinem Vater am Spiel am besten\?"),
    ("Mi abuela se ha apuntado a vuestro taller de acuarela y ya ha pintado medio salón", "story_thing",
     r"le gustó a tu abuela del taller\?"),
    # a thank-you to someone on the team, also without "to" and after "un grand merci"
    ("Thank you Aisha from the Cardiff store, she found my size in the back in two minutes!", "thanks_staff",
     r"pass this on to Aisha right away"),
    ("Un grand merci à Léa du service client pour sa patience au téléphone !", "thanks_staff", r"transmet.*à Léa"),
    # a club, a business or a school that introduces itself and asks for terms: no "link to your channel or blog"
    ("We run a little board game club on Thursdays, would you be up for sponsoring a tournament night?",
     "collaboration_proposal", r"right person"),
    ("Gestisco un piccolo agriturismo vicino a Siena: fate prezzi per ristoranti e agriturismi?",
     "collaboration_stockist", r"vostra attività"),
    ("Hi! I'm a crochet designer (@loopsandlace, 12k followers) and would love to collab on a pattern.",
     "collaboration", r"few details of what you have in mind"),  # the handle is given: no link asked for
    # criticism within praise: that part answered
    ("Die App ist super, aber zu viele Benachrichtigungen, fünf am Tag nerven einfach.", "feedback_notifications",
     r"Uhrzeit"),
    ("Les bougies sont magnifiques mais il y avait tellement d'emballage plastique dans le carton.",
     "feedback_packaging", r"partie de l'emballage"),
    # praise of a thing whose question fits any praise of it; a plant growing again; skin care after weeks
    ("Love the new Earl Grey blend, so smooth and fragrant.", "praise_drink", r"How do you usually take it\?"),
    ("Die Feigen-Kerze ist einfach wunderbar, riecht nach Sommer in Italien.", "praise_candle", r"Welche Kerze"),
    ("Il vostro pane di segale è fantastico, croccante fuori e morbido dentro!", "praise_bread", r"mangiarlo\?"),
    ("Seguí vuestro consejo de riego y mi pothos ya tiene hojas nuevas 🌱 ¡gracias!", "result_plant",
     r"Dónde tienes la planta"),
    ("Two months on the vitamin C serum and my dark spots have faded so much.", "result_skincare",
     r"morning and night"),
    # a habit kept up for months: what kept them at it (progress told otherwise gets none: "what's your routine now?")
    ("Zwei Monate jeden Morgen mit eurer Meditations-App und ich schlafe endlich wieder durch.", "result_habit",
     r"dranzubleiben"),
    ("Depuis 3 mois j'utilise votre appli chaque soir et enfin j'arrive à épargner.", "result_habit", r"tenir sur la durée"),
    # a proposal told: whether they have set a date, not "what was the highlight?"
    ("Le pedí matrimonio a mi novia en vuestra terraza el sábado y dijo que sí!!", "story_engaged", r"Ya tenéis fecha"),
    ("I proposed to my girlfriend at your rooftop bar last night and she said yes!", "story_engaged", r"set a date"),
    # the skin care named with its article where the language needs one (never "das Produkt", "il prodotto")
    ("Dopo sei settimane con la crema notte la mia pelle è finalmente morbida.", "result_skincare", r"Applichi la crema"),
    ("Después de 5 semanas con el sérum de vitamina C tengo muchas menos manchas.", "result_skincare", r"Usas el sérum"),
    # thanks for a bike put right: how it rides, not "how has everything been since?"
    ("Danke an Lena aus der Werkstatt, mein altes Fahrrad läuft wieder wie neu!", "thanks_staff", r"Wie fährt sich das Rad"),
    ("Thanks to Tom from the workshop, my old bike shifts like new again.", "thanks_staff", r"How's the bike riding"),
    # a child's birthday, the age not told
    ("La torta al cioccolato per il compleanno di mio figlio era perfetta, grazie!", "story_birthday",
     r"auguri a tuo figlio! Quanti anni ha compiuto\?"),
    ("Mein Sohn hat sich riesig über den Dino-Kuchen zum Geburtstag gefreut!", "story_birthday",
     r"Wie alt ist dein Sohn geworden\?"),
]


@pytest.mark.parametrize("text, expected, first", CASES, ids=[c[1] + ":" + c[0][:25] for c in CASES])
def test_each_case_gets_its_kind_of_question_in_its_language_without_a_fragment(text, expected, first):
    comment = read_comment(text)
    assert case(comment, read_situation(comment)) == expected
    questions = suggest_questions(text)
    assert 1 <= len(questions) <= COUNT
    assert re.search(first, questions[0], re.I), questions
    assert {detect_language(q).code for q in questions} == {comment.language.code}
    words = re.findall(r"\w+", text.lower())
    for question in questions:
        said = " ".join(re.findall(r"\w+", question.lower()))
        quoted = [" ".join(words[i:i + 4]) for i in range(len(words) - 3) if " ".join(words[i:i + 4]) in said]
        assert not quoted, question  # no four words of the comment dropped into a template


@pytest.mark.parametrize(
    "text, never",
    [
        ("Order #55120 still hasn't arrived and it's been three weeks.", r"order number|tracking"),
        ("Bestellung 4471122 ist immer noch nicht da.", r"Bestellnummer"),
        ("Commande 20931 toujours pas reçue, rien depuis dix jours.", r"numéro de commande"),
        ("The app crashes on my Pixel 8 every time I open the camera.", r"which phone|iPhone or Android"),
        ("Die App stürzt auf meinem iPhone seit dem letzten Update ständig ab.", r"iPhone oder|Update an"),
        ("La app se cierra desde la última actualización, tengo un Samsung.", r"actualización"),
        ("The zip broke after two weeks. Not great.", r"how long have you had"),
        ("Gave my mum the tea sampler as a birthday present and she loves it.", r"occasion"),
        ("Commande n°FR-4410 reçue hier, la théière est cassée.", r"numéro de commande"),
        ("Hab am 3.5. bestellt (Bestellnr. 55812), das Paket ist immer noch nicht da.", r"Bestellnummer"),
        ("Bought it at the market on Sunday and the lid was missing.", r"order number"),  # no order to number
    ],
)
def test_what_the_comment_gives_is_never_asked_for(text, never):
    questions = suggest_questions(text)
    assert questions
    assert not any(re.search(never, q, re.I) for q in questions), questions


def _filled(language, entry: str) -> str:
    return entry.split("|")[-1].format(person=next(iter(language.PEOPLE.values())), staff="Sam",
                                       to_person=next(iter(getattr(language, "PEOPLE_TO", language.PEOPLE).values())),
                                       thing=next(iter(language.THINGS.values())),
                                       outing=next(iter(language.THINGS.values())),
                                       skin=next(iter(getattr(language, "SKIN", {"serum": "-"}).values())))


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_person_reads_right_in_every_question_that_names_them(code):
    """The person after "a" or a dative verb: "Was gefällt deinem Vater?", "à sua namorada", "alla tua ragazza";
    never "dein Vater" as a dative, "a a sua", "a il tuo"."""
    language = bank(code)
    to_people = getattr(language, "PEOPLE_TO", language.PEOPLE)
    assert set(to_people) == set(language.PEOPLE)
    for entries in language.BANK.values():
        for entry in entries:
            for key, person in language.PEOPLE.items():
                for thing in language.THINGS.values():
                    text = entry.split("|")[-1].format(person=person, to_person=to_people[key], staff="Sam",
                                                       thing=thing, outing=thing, skin="-")
                    if code in ("pt", "it"):
                        assert not re.search(r"\ba (?:a|o|as|os|il|la|lo|i|gli) |\bde (?:el|la)\b", text), text
                    if code == "de":
                        assert not re.search(r"(?:gefällt|geht es|Richte) deine?\b|Was hat deine?\b[^?]*gefallen", text), text
                    if code == "es":
                        assert not re.search(r"\bde el\b|\ba el\b", text), text


def test_every_language_has_the_same_cases_with_at_most_three_questions_each():
    english = set(bank("en").BANK)
    for code in LANGUAGES:
        language = bank(code)
        assert set(language.BANK) == english, code
        assert set(language.PEOPLE) <= set(bank("en").PEOPLE), code
        for key, entries in language.BANK.items():
            assert 1 <= len(entries) <= COUNT, (code, key)
            for entry in entries:
                *tags, text = entry.split("|")
                assert set(tags) <= TAGS and "?" in text, (code, key, entry)


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_bank_question_offers_money_or_asks_for_private_data(code):
    language = bank(code)
    for entries in language.BANK.values():
        for entry in entries:
            text = _filled(language, entry)
            assert unsafe(text) is None, text


def test_a_bank_question_is_in_its_language():
    wrong = []
    for code in LANGUAGES:
        language = bank(code)
        for entries in language.BANK.values():
            for entry in entries:
                text = _filled(language, entry)
                if detect_language(text).code != code:
                    wrong.append((code, text))
    assert wrong == []


@pytest.mark.parametrize("text", [
    "Are you doing the cardamom buns again this weekend?",
    "What grind setting would you recommend for my Baratza Encore?",
    "Will the advent kit ship to Canada this year?",
    "Do you have a physical store in Leeds? I'd like to try the lipsticks first.",
])
def test_a_question_about_something_else_gets_no_restock_or_size_question(text):
    """"Would you like us to let you know when we've restocked?" only when the thing is gone or coming back; a size set
    aside only when a size is asked for."""
    comment = read_comment(text)
    assert case(comment, read_situation(comment)) not in ("availability_restock", "availability_store",
                                                          "availability_size")


def test_an_order_number_given_with_a_complaint_that_nobody_answered_is_not_asked_for():
    """The demo's grinder lid: "My order #4471 arrived with a broken grinder lid and nobody answered my email."."""
    given = suggest_questions("My order #4471 arrived with a broken grinder lid and nobody answered my email.")
    assert given and not any(re.search(r"order|case number", q, re.I) for q in given), given
    assert re.search(r"order or case number", suggest_questions("My lid arrived broken and nobody answered my email.")[0])


@pytest.mark.parametrize("text, not_this", [
    ("adorei a atualização, agora o app fecha duas vezes mais rápido quando salvo 🙃", "problem_billing"),  # no charge
    ("third time the chain has snapped since I followed your video. great.", "problem_content"),  # not the audio
    ("Fiz o pedido 7712 pelo site há 12 dias e nada. O rastreio parou. Alguém me dá um retorno?",
     "problem_damaged"),  # "retorno" is not "torn"
])
def test_a_word_that_only_occurs_does_not_make_the_case(text, not_this):
    comment = read_comment(text)
    assert case(comment, read_situation(comment)) != not_this


def test_a_parcel_with_tracking_is_a_delivery_and_the_order_number_given_is_not_asked_for():
    text = "Fiz o pedido 7712 pelo site há 12 dias e nada. O rastreio parou. Alguém me dá um retorno?"
    comment = read_comment(text)
    assert case(comment, read_situation(comment)) == "problem_delivery"
    assert "transportadora" in suggest_questions(text)[0] and "número" not in suggest_questions(text)[0]


def test_a_charge_made_twice_and_a_sound_fault_keep_their_cases():
    for text, expected in [("Me cobrasteis el envío dos veces en el mismo pedido, número 44812.", "problem_billing"),
                           ("The sound on the latest episode is awful, it crackles the whole way through.",
                            "problem_content")]:
        comment = read_comment(text)
        assert case(comment, read_situation(comment)) == expected


@pytest.mark.parametrize("text, not_this", [
    # the person came along; what they enjoy is not told
    ("Saved up with the app's 52-week challenge for a trip to Rome with my sister!", "story_thing"),
    ("Meine Oma liebt euer Spiel, aber die Karten sind viel zu klein für ihre Augen.", "story_thing"),  # a criticism
    # sarcasm: a plant that is not growing, bread praised for its new price
    ("Love how my 'healthy' fern arrived with half its leaves brown. Really healthy.", "result_plant"),
    ("Schön, dass das Roggenbrot jetzt 5,90 kostet. Bin begeistert.", "praise_bread"),
    ("Mijn monstera staat nu bij het raam en heeft twee nieuwe bladeren!", "result_plant"),  # the window is told
    ("Mijn dochter werd 6 en de taart van jullie was een groot succes!", "story_birthday"),  # the age is told
    # a result that turns to a request is feedback: no congratulations
    ("Played your co-op game for the first time last night, great art! But the rulebook really needs a summary card.",
     "result"),
])
def test_a_story_a_person_or_a_result_is_not_read_past_what_it_tells(text, not_this):
    comment = read_comment(text)
    assert not case(comment, read_situation(comment)).startswith(not_this)
    assert not any(re.search(r"channel|congratulations|enjoy most|isst du|raam|hoe oud", q, re.I) for q in suggest_questions(text))


def test_every_language_names_the_same_things():
    for code in LANGUAGES:
        assert set(bank(code).THINGS) <= set(bank("en").THINGS), code
# Complaints told between the lines, one class each, none of them from the labelled sets: read as a problem, and
# answered with an apology and the question of their case, in their language
IMPLICIT_COMPLAINTS = [
    ("Called the shop four times about my repair, nobody picks up.", r"sorry nobody got back.*order or case number"),
    ("Schon wieder kam die Gemüsekiste einen Tag zu spät.", r"leid|sorry"),
    ("Reçu le colis hier mais il manque deux bougies sur les six.", r"manque quelque chose.*numéro de commande"),
    ("Me han llegado 2 de los 4 botes que pedí.", r"faltara algo.*número de pedido"),
    ("Le scarpe nuove si staccano già in punta dopo due settimane, è normale?", r"dispiace.*foto"),
    ("Passei o creme e deu alergia no pescoço todo.", r"Lamentamos.*Como está agora"),
    ("Kaars brandt helemaal scheef, beetje jammer.", r"sorry.*foto"),
    ("Same price as before but the jar is half the size now. Great.", r"sorry.*When did you buy it"),
    ("Ho chiamato tre volte, nessuno risponde al telefono.", r"dispiace.*nessuno"),
    ("Me llegó la talla M y pedí la L.", r"equivocado"),
    ("The mug arrived, but the handle is wobbly. That's two now.", r"sorry.*photo"),
    ("Reserved two croissants for 8am, came at 8:05 and they'd sold them to someone else. Not the first time.",
     r"sorry.*which location"),
    # sarcasm in scare quotes, a colour off from the photos, sound that skips, a taste that changed
    ("Love how my 'fresh' bouquet showed up with half the roses wilted. Really fresh.", r"sorry"),
    ("The rug is way more grey than the photos. Not what I wanted for the nursery tbh", r"photos.*DM us a photo"),
    ("Super épisode, mais le son saute toutes les deux minutes.", r"Désolés.*appli"),
    ("Il caffè nuovo sa di poco, prima era molto più intenso.", r"dispiace"),
    # a delivery on another day than promised; a free plan cut back, however glad it sounds
    ("Third week in a row the veg box showed up on Thursday instead of Tuesday.", r"didn't come on the day"),
    ("Me encanta que la versión gratuita ahora solo deje hacer una lección al día. Qué generosos. 🙃", r"frecuencia"),
]


@pytest.mark.parametrize("text", [
    "Nach eurem Video die Bremse entlüftet, quietscht nix mehr!",  # a fix, not a squeak
    "Ordered the blue one and it arrived on Tuesday, love it.",
    "The linen is so much nicer in person than in the photos, bought two at the market.",
    "Love the 'Regen auf Moos' scent, it fills the whole flat.",  # a product's name in quotes
    "Is the oat loaf back yet? My dad's really missing it at breakfast.",  # longing, not a part gone
    "Ik ben 60 en wil pottenbakken leren, of is dat te laat?",  # too late to learn, not a late parcel
])
def test_a_fix_a_glad_arrival_or_a_wish_is_no_complaint(text):
    assert read_situation(read_comment(text)).situation != "problem"


# A question asked for someone or something (an allergy, a diet, a visit that needs access, a first time at a class
# or a tour, a gift), none of them from the labelled sets: after the answer, the follow-up of its class
FOLLOW_UPS = [
    ("Are the oat cookies safe for someone with a peanut allergy?", r"other allergies"),
    ("Le musée est-il accessible en fauteuil roulant ?", r"quel jour"),
    ("¿El taller de cerámica sirve para principiantes? Nunca he tocado el barro.", r"con alguien"),
    ("Le candele vanno bene come regalo per mia madre? Ama i profumi legnosi.", r"piace di solito a tua madre"),
    ("O chá de hibisco é uma boa opção para oferecer de presente?", r"Para quem é o presente"),
    ("Kan ik de cursus volgen als beginner? Ik heb nog nooit geschilderd.", r"alleen of neem je iemand mee"),
    ("Does this shampoo bar work on fine, oily hair?", r"hair routine"),
    ("Liefert ihr auch nach Österreich?", r"Was möchtest du denn bestellen"),  # only that: what they would like
]


CLASSES = [(text, ("problem",), first) for text, first in IMPLICIT_COMPLAINTS] + [
    (text, ("question", "availability"), first) for text, first in FOLLOW_UPS]


@pytest.mark.parametrize("text, situations, first", CLASSES, ids=[c[0][:30] for c in CLASSES])
def test_a_comment_of_a_class_is_read_so_and_gets_the_question_of_its_class(text, situations, first):
    """A complaint told between the lines gets an apology and its case's question; a question asked for someone or
    something gets, after the answer, the follow-up of its class; in the comment's language."""
    comment = read_comment(text)
    assert read_situation(comment).situation in situations
    questions = suggest_questions(text)
    assert questions and re.search(first, questions[0], re.I), questions
    assert detect_language(questions[0]).code == comment.language.code


@pytest.mark.parametrize("text, never", [
    ("¿El acondicionador sirve para pelo rizado? Tengo rizos muy secos.", r"modelo"),  # hair has no model
    ("Vous livrez en Suisse ? C'est pour offrir à ma filleule.", r"pour qui"),  # whom it is for: told
    ("Is the gallery wheelchair accessible? The website doesn't say.", r"from the start"),  # no symptom
    ("Can I knit the scarf pattern in acrylic? My son is allergic to wool.", r"other allergies"),  # a yarn
    ("Do you ship to Norway? I'd love the blue teapot.", r"thinking of ordering"),  # they said what
])
def test_a_follow_up_never_misreads_the_class_or_asks_what_was_told(text, never):
    assert not any(re.search(never, q, re.I) for q in suggest_questions(text))


# Classes whose every question a blind rater marked bad (asks what was told, or generic, or treats a story as a service
# request), none of them from the labelled sets: no question, the team writes its own; a loss in other words than
# "loss"; a diet, a first time, an age asked about; mixed feedback that tells what is wrong; equipment out of order
@pytest.mark.parametrize("text", [
    "Surprised my sister with your lemon cake for her 30th and she cried a little.",  # a celebration: no "highlight"
    "Abbiamo festeggiato il matrimonio di mia figlia con le vostre torte, tutti entusiasti!",
    "After 6 weeks on your grain-free food our old cat finally has a shiny coat again.",  # progress: no routine
    "Después de 3 meses con vuestro plan por fin corro sin parar media hora.",
    "Works now, thanks so much for sorting it so fast!",  # a fix: no "anything else we can do for you?"
    "Enfin reçu le remplaçant, merci pour votre rapidité !",
    # a loss behind something begun or finished since: no "is there anything we can do for you?", no "è un peccato"
    "Mia nonna mi ha insegnato a cucire. Non c'è più da tre anni, ma oggi ho finito la mia prima gonna con la sua "
    "macchina.",
    "Mein Vater ist letztes Jahr gestorben, und meine Mutter hat mit 70 bei euch mit dem Töpfern angefangen.",
    "Thank you for the video on watering, it saved my succulents!",  # content: no "which part was most useful?"
    "Tenéis pan sin gluten?",  # a diet: no "for you, or someone in your family?"
    "Is de beginnerscursus keramiek geschikt? Ik heb nog nooit met klei gewerkt en ben bang dat ik te onhandig ben.",
    # a first time with a worry told: no "on your own, or with someone?"
    "Is the Sunday climbing session ok for a first timer? I'm a bit nervous about heights.",
    "Is the museum trail ok for a 3 year old?",  # no "will it be their first time?"
    "Great shop, but the music on Saturdays is far too loud to talk.",  # mixed: no "details"
    "Third time this week the rowing machine is out of order when I come in.",  # out of order: no order, no photo
])
def test_a_class_whose_questions_were_marked_bad_gets_none(text):
    assert suggest_questions(text) == []


@pytest.mark.parametrize("text, warehouse", [
    ("Order #44120 was due Tuesday, tracking still says label created.", r"warehouse"),
    ("Bestellung 55013 steht seit einer Woche auf 'in Bearbeitung'. Langsam nervt es.", r"Lager"),
    ("Pedido 7781: lleva diez días en preparación y todavía no ha salido.", r"almacén"),
])
def test_an_order_not_handed_to_a_carrier_is_checked_with_the_warehouse(text, warehouse):
    questions = suggest_questions(text)
    assert questions and re.search(warehouse, questions[0]), questions
    assert not re.search(r"courier|Paketdienst|transporte", questions[0])


# Misreadings of the situation, by class (none from the labelled sets): a success thanked for is no fault, relief is
# no achievement, a refund not in the account is no parcel, a checkout that fails has no order, a wide fit is no
# restock, a faulty replacement is the second fault
@pytest.mark.parametrize("text, first, never", [
    ("Finally sent my first 7a after a year of trying, thank you to the setters, that route broke me!",
     r"Congratulations", r"sorry|photo"),
    ("Gracias de verdad!! Mi perro ha vuelto a comer con ganas después de 2 semanas, estaba muy preocupada", None,
     r"Enhorabuena|logro|rutina"),
    ("Já passaram duas semanas e nada na minha conta, pedido 3321.", r"Lamentamos", r"transportadora"),
    ("Liefert ihr nach Österreich? Bei mir kommt immer ein Fehler an der Kasse.", None, r"Bestellnummer|Warterei"),
    ("Will the Trail 4 come back in a wide fit?", r"wide fit", r"restocked"),
    ("¿Sacaréis las zapatillas Ruta en horma ancha?", r"horma ancha", r"reponer"),
    ("The replacement arrived and the zip is broken again, that's two now.", r"two in a row", r"reached you like that"),
    ("Le remplaçant est arrivé et la poignée est encore cassée, c'est le deuxième.", r"deux fois de suite", r"réception"),
])
def test_a_misread_class_gets_the_question_of_what_it_is(text, first, never):
    questions = suggest_questions(text)
    if first is None:
        assert questions == []
    else:
        assert questions and re.search(first, questions[0]), questions
    assert not any(re.search(never, q, re.I) for q in questions), questions


# Questions and thanks whose class question asked what was told or did not fit (none of them from the labelled sets)
@pytest.mark.parametrize("text, first, never", [
    ("Thanks to Ana at the ticket desk who let us in just before closing and told us what not to miss!", None,
     r"since"),  # a one-off visit: no "how has everything been since?"
    ("Does the bread kit come with a gluten free version of the recipe? My wife is coeliac.", None, r"news"),
    ("Meine Tochter hat eine schwere Nussallergie. Backt ihr das Dinkelbrot auf denselben Blechen wie die Nussbrote?",
     None, r"andere Allergien"),
    ("Quale macinatura consigliate per la moka? Ho preso il Guatemala in grani.", None, r"Per cosa"),
    ("¿Todavía tenéis plazas para el torneo de Catan del sábado? Somos cuatro.", r"Queréis que os", r"Quieres"),
    ("Je voudrais offrir un abonnement café à mon frère, vous livrez à Nantes ?", r"frère", r"C'est pour quand"),
    ("I design board games and would love to host a playtest night at your café. Are you open on Tuesday evenings?",
     r"DM", r"first visit"),  # a proposal put as an opening-hours question
])
def test_a_question_or_a_thank_you_gets_none_rather_than_ask_what_was_told(text, first, never):
    questions = suggest_questions(text)
    if first is None:
        assert questions == []
    else:
        assert questions and re.search(first, questions[0]), questions
    assert not any(re.search(never, q, re.I) for q in questions), questions


# A glad result or story whose words name a fault or a complaint (heldout-5 ratings: an apology-and-DM template
# for "my mugs finally don't leak" and for a dad who "complained the whole drive up" and then loved it)
@pytest.mark.parametrize("text", [
    "Eight weeks of lessons and my teapots finally don't leak! Made one for my mum's birthday",
    "The new firmware is great, the app doesn't crash anymore and syncing is instant",
    "My grandad complained all the way to the lake and then caught three trout and now he wants to go every Sunday 😂",
])
def test_a_fault_gone_or_a_complaint_in_a_story_that_ends_well_gets_no_apology(text):
    assert read_situation(read_comment(text)).situation != "problem"
    assert not any(re.search(r"sorry|DM us", q) for q in suggest_questions(text))


# Food that arrived cold, warm or thawed (heldout-5 ratings: a cold pizza and a box with melted ice packs were
# answered as a parcel still on its way, "we'll chase it with the courier")
@pytest.mark.parametrize("text, first", [
    ("Ordered two burgers at 6:30, they turned up at 8 and were completely cold. Order #BB-20114", r"reach you"),
    ("Pizza kam nach 80 Minuten und war eiskalt. Bestellung 55123, so nicht.", r"ankommen"),
    ("El pedido llegó con el hielo derretido y el pollo templado, lo he tenido que tirar", r"número de pedido"),
    ("De box kwam aan met gesmolten koelelementen en de kip was lauw. Bestelling 661234", r"aan te komen"),
])
def test_food_that_arrived_cold_or_thawed_is_no_parcel_to_chase(text, first):
    questions = suggest_questions(text)
    assert questions and re.search(first, questions[0]), questions
    assert not any(re.search(r"courier|Paketdienst|transportista|pakketdienst|foto|photo", q, re.I) for q in questions)


# Feedback, requests and thanks that were read as another case (heldout-5 ratings): each gets the question of what
# it is, or none rather than a wrong one
@pytest.mark.parametrize("text, first, never", [
    ("Adoro a livraria mas a app é muito confusa, não consigo procurar livros por autor. Seria ótimo ter essa opção",
     None, r"chegado|pedido"),  # "livraria" is no delivery
    ("Any chance of more crimpy problems on the comp wall? Since the reset it's all slopers", None, r"sorry"),
    ("Das neue Brot ist lecker, aber die Kruste ist seit der Umstellung viel zu weich. Früher war die besser.",
     r"alten", r"Erinnerung"),
    ("Gibt's die Handcreme auch in der 200ml Größe? Die kleine ist bei mir so schnell leer", None, r"verfügbar"),
    ("Thank you to the bookseller (Tom, I think?) who recommended Piranesi last week, loved every page", None,
     r"use it for"),
    ("I'm a local poet with a first collection out in June, would you ever host a reading?", r"DM", r"news"),
    ("Wir betreiben ein Tierheim in Graz mit 40 Hunden. Hättet ihr Interesse an einer Zusammenarbeit, Futterspende "
     "gegen Sichtbarkeit auf unseren Kanälen?", r"Details", r"Kanal|Blog|Für wann"),
    ("Great update, now you have to tap 4 times just to log a set 🙃", r"got in the way", r"error"),
])
def test_feedback_and_requests_get_the_case_they_are(text, first, never):
    questions = suggest_questions(text)
    if first is None:
        assert questions == []
    else:
        assert questions and re.search(first, questions[0]), questions
    assert not any(re.search(never, q, re.I) for q in questions), questions


# A pet's progress is no achievement to ask "what next?" about; after a loss, a memory is invited rather than
# "anything we can do for you?"; a lost streak is no "Sorry about that!" (heldout-5 ratings)
@pytest.mark.parametrize("text, first, never", [
    ("Our old cat Miso wouldn't touch her biscuits for weeks. Three months on your senior food and she's back to 4kg 🥹",
     None, r"make next|most work"),
    ("My dad used to take me here every summer. He passed in April and I came back on my own today.", r"memory",
     r"anything we can do"),
    ("Mein Opa ist letzte Woche gestorben. Euer Apfelkuchen war sein Lieblingskuchen.", r"Erinnerung",
     r"für dich tun"),
    ("app logged me out and my 90 day streak is gone, really gutted. iphone 12", r"frustrating", r"^Sorry about that"),
])
def test_a_pet_a_loss_and_a_lost_streak_get_a_fitting_tone(text, first, never):
    questions = suggest_questions(text)
    if first is None:
        assert questions == []
    else:
        assert questions and re.search(first, questions[0]), questions
    assert not any(re.search(never, q, re.I) for q in questions), questions


# Thanks to a team member for a first or trial lesson (heldout-5 ratings: "Hoe gaat het sindsdien?" for yesterday's
# intro lesson): will we see them again, never "since" or "the classes"
@pytest.mark.parametrize("text, first", [
    ("Dank aan Joris voor de proefles gisteren, super geduldig met mij 🙏", r"Joris.*Zien we je snel weer"),
    ("Thanks to Jonas from the front desk for my first lesson on Saturday, I wasn't scared at all",
     r"Jonas.*see you again"),
    ("Grazie a Giulia per la lezione di prova di ieri, pazientissima!", r"Giulia.*rivediamo"),
])
def test_thanks_for_a_trial_lesson_asks_to_come_again(text, first):
    questions = suggest_questions(text)
    assert questions and re.search(first, questions[0]), questions
    assert not any(re.search(r"since|sindsdien|classes|lessen|lezioni", q, re.I) for q in questions), questions
