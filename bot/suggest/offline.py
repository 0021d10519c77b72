"""The offline suggester: hand-written questions for what the comment is doing, in the commenter's language.

The comment is read for its situation (bot/engine/situation.py) and its case within it (bot/suggest/cases/), and
gets that case's questions (bot/suggest/banks/): at most three, fewer when fewer fit, none when no case fits,
never padded with generic ones (the team then writes its own). Words of the comment go into a question only as the
person it is about ("my mum" becomes "your mum"). A question asking for what the comment already gives (an order
number, a device, a date, an app version, the place) is left out.

For a comment that asks something, `reply_draft` leaves room for the answer before the follow-up question.
`offline_candidates` is the seam other sources build on: the fitting questions, best first; a nudge shows only the
best one (`offline_questions`), since blind raters marked the second and third almost always bad and a team wants one
good question rather than three to choose from (docs/suggestions.md). The same comment always gets the same
questions."""

from __future__ import annotations

import re

from bot.engine.comment_text import CommentText, read_comment
from bot.engine.situation import Thread, read_situation
from bot.suggest.banks import bank
from bot.suggest.cases import OUTINGS, UNASKED, about_loss_or_illness, case, complaint, follow_up, staff_name, thing_kind

ANSWER_HERE = "[your answer]"
OFFERED = 1  # offline questions a comment gets: the best one
_PRICE_CHANGE = re.compile(r"increase|went up|goes up|go up|rise|raised|hike|erhöh|gestiegen|teurer|augment|hausse|subida|"
                           r"subieron|aument|verhoging|duurder|omhoog", re.I)
_ASSORTMENT = re.compile(r"sampler|selection|\bbox\b|\bset\b|assortment|probierbox|auswahl|coffret|assortiment|"
                         r"sélection|caja|surtido|selección|scatola|assortimento|selezione|caixa|seleção|"
                         r"proefpakket|doos", re.I)
_EVENT = re.compile(r"\b(?:ride|run|race|walk|event|festival|fair|match|tournament|gala|lauf|rennen|fest|course|"
                    r"marche|fête|carrera|evento|fiesta|feria|corsa|festa|torneo|corrida|passeio|loop|wedstrijd|"
                    r"toernooi)\b", re.I)
ONLY_ASKS_WORDS = 10
_ONE_QUESTION = re.compile(r"^[^.!?]*\?+\s*$")
# Not handed to a carrier yet ("tracking still says label created", "steht auf 'in Bearbeitung'"): ask the warehouse
_UNSHIPPED = re.compile(r"label created|\bprocessing|no tracking|in bearbeitung|keine sendungsnummer|label aangemaakt|"
                        r"in behandeling|geen track|en (?:cours de )?préparation|étiquette créée|pas de (?:numéro de )?suivi|"
                        r"en preparación|procesando|etiqueta creada|sin (?:número de )?seguimiento|in lavorazione|"
                        r"etichetta creata|nessun tracking|em processamento|em preparação|etiqueta criada|"
                        r"sem (?:código de )?rastreio", re.I)
# What was fixed or serviced, from a closed list: a bike ("How's the bike riding now?", not "How has everything been?")
_BIKE = re.compile(r"\bbikes?\b|bicycle|fahrrad|\brad\b|\bvélo|\bbici\b|bicicleta|bicicletta|\bfiets|opoefiets|"
                   r"raleigh|derailleur|schaltwerk|dérailleur", re.I)
# Skin care named back with its article where a language needs it ("das Serum", "la crema"; never "das Produkt")
_SKIN_KINDS = (("serum", re.compile(r"serum|sérum|siero", re.I)), ("cream", re.compile(r"cream|creme|crème|crema", re.I)))
# They come as a group ("siamo in 2", "somos cuatro"): the reservation is asked of them all ("Volete", not "Vuoi")
_GROUP = re.compile(r"\b(?:we(?:'re| are)|there are|nous sommes|on est|wir sind|somos|siamo|zijn we|we zijn)(?: (?:in|met|zu|"
                    r"with))? (?:\d+|two|three|four|five|six|deux|trois|quatre|zwei|drei|vier|dos|tres|cuatro|due|tre|"
                    r"quattro|dois|duas|três|quatro|twee|drie)\b", re.I)
# A subscription given: no day it is needed by
_SUBSCRIPTION = re.compile(r"subscription|abonnement|\babo\b|suscripci|abbonament|assinatura", re.I)
# A gift or an occasion: then there is a day it is needed by ("pour ses 6 ans")
_GIFT_OR_OCCASION = re.compile(r"gift|present|regal|offrir|offert|cadeau|geschenk|schenken|\d+ (?:ans|años|anni|anos|jaar|"
                               r"jahre)\b|party|fiesta|festa|feest|fête", re.I)


def offline_candidates(comment: CommentText, thread: Thread = Thread()) -> list[str]:
    """The offline questions that fit the comment, in its language, the most specific first: those of its case
    (bot/suggest/cases/), or of its situation when none of the case's fits; none when neither fits (a plain
    question the rules cannot place gets none): never a generic question, which a rater marks bad."""
    reading = read_situation(comment, thread)
    language = bank(comment.language.code)
    sensitive = about_loss_or_illness(comment.plain)
    kind = thing_kind(comment.plain) or ""
    person = None if sensitive else reading.person or ""
    slots = {"person": language.PEOPLE.get(person) if person else None,
             # after "to" or a dative verb ("Was gefällt deinem Vater?", "à sua namorada"), where that differs
             "to_person": getattr(language, "PEOPLE_TO", language.PEOPLE).get(person) if person else None,
             "staff": staff_name(comment.plain),
             # what they enjoyed, from a closed list named back with its article ("am Spiel", "de las clases")
             "thing": language.THINGS.get(kind) if kind not in OUTINGS else None,
             "outing": language.THINGS.get(kind) if kind in OUTINGS else None,
             "change": "yes" if _PRICE_CHANGE.search(comment.plain) else None,
             "assortment": "yes" if _ASSORTMENT.search(comment.plain) else None,
             "event": "yes" if _EVENT.search(comment.plain) else None,
             # the comment is that one short question and nothing else ("Vous livrez en Belgique ?")
             "only_asks": "yes" if len(comment.words) <= ONLY_ASKS_WORDS and _ONE_QUESTION.match(comment.plain) else None,
             "unshipped": "yes" if _UNSHIPPED.search(comment.plain) else None,
             "bike": "yes" if _BIKE.search(comment.plain) else None,
             "group": "yes" if _GROUP.search(comment.plain) else None,
             "skin": getattr(language, "SKIN", {}).get(
                 next((kind for kind, pattern in _SKIN_KINDS if pattern.search(comment.plain)), "")),
             "deadline": "yes" if ("occasion" in reading.given or _GIFT_OR_OCCASION.search(comment.plain))
             and not _SUBSCRIPTION.search(comment.plain) else None}
    key = case(comment, reading)
    if key in UNASKED:
        return []
    fallbacks = [key, key.split("_")[0]]
    if reading.situation == "problem" and key.startswith(("question", "availability")):
        fallbacks += [complaint(comment, reading), "problem"]  # a complaint put as a question still gets empathy
    elif reading.situation in ("question", "availability"):
        fallbacks.append(follow_up(comment, reading) or "")  # asked for someone or something: an allergy, a gift
    for fallback in fallbacks:
        questions = _fitting(language.BANK.get(fallback, ()), slots, reading.given)
        if questions:
            return questions
    return []


def _fitting(entries: tuple[str, ...], slots: dict[str, str | None], given: frozenset[str]) -> list[str]:
    fitting = []
    for entry in entries:
        *tags, text = entry.split("|")
        if any(tag in given for tag in tags):
            continue  # never ask for what they told us
        if any(tag.startswith("!") and tag[1:] not in given for tag in tags):
            continue  # a question for when they told us that (which version, once the device is known)
        if any(tag in slots and not slots[tag] for tag in tags):
            continue
        fitting.append(text.format(**{k: v for k, v in slots.items() if v}))
    return fitting


def reply_draft(text: str, question: str, thread: Thread = Thread()) -> str:
    """What the reply box starts with: for a comment that asks something, room for the answer (ANSWER_HERE, which
    the modal will not post) and then the follow-up question; for anything else, the question."""
    asks = read_situation(read_comment(text), thread).situation in ("question", "availability")
    return f"{ANSWER_HERE}\n\n{question}" if asks else question


def offline_questions(comment: CommentText, author: str | None = None, thread: Thread = Thread()) -> list[str]:
    """The best of offline_candidates, or none when none fits."""
    del author  # the questions speak to the person without a name: a handle is no name to greet
    return offline_candidates(comment, thread)[:OFFERED]
