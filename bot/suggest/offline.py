"""The offline suggester: hand-written questions for what the comment is doing, in the commenter's language.

The comment is read for its situation (bot/engine/situation.py): a problem gets empathy and a question that helps
fix it, a question gets a follow-up to add after the answer, a result or a story a question that invites the rest
of it. Words of the comment go into a question only when they read right there: the person it is about ("my mum"
becomes "your mum") and, in English, a noun phrase of two or three words opened by a determiner ("the new Assam blend"). A question
asking for what the comment already gives (an order number, a device, a date) is left out.

For a comment that asks something, `reply_draft` leaves room for the answer before the follow-up question.
`offline_candidates` is the seam other sources build on: every fitting question, best first. The same comment
always gets the same questions (variants rotate by a checksum of the text, not at random).
"""

from __future__ import annotations

import re

from bot.engine.comment_text import CommentText, read_comment
from bot.engine.situation import Reading, Thread, read_situation
from bot.suggest.banks import bank
from bot.suggest.cases import case
from bot.suggest.checks import COUNT, offensive
from bot.suggest.keyphrases import ENGLISH_STOPWORDS

ANSWER_HERE = "[your answer]"
_PRICE_CHANGE = re.compile(r"increase|went up|goes up|go up|rise|raised|hike|erhöh|gestiegen|teurer|augment|hausse|subida|"
                           r"subieron|aument|verhoging|duurder|omhoog", re.I)
_ASSORTMENT = re.compile(r"sampler|selection|\bbox\b|\bset\b|assortment|probierbox|auswahl|coffret|assortiment|"
                         r"sélection|caja|surtido|selección|scatola|assortimento|selezione|caixa|seleção|"
                         r"proefpakket|doos", re.I)
_EVENT = re.compile(r"\b(?:ride|run|race|walk|event|festival|fair|match|tournament|gala|lauf|rennen|fest|course|"
                    r"marche|fête|carrera|evento|fiesta|feria|corsa|festa|torneo|corrida|passeio|loop|wedstrijd|"
                    r"toernooi)\b", re.I)
_VERSION = re.compile(r"\bv\d|\b\d+\.\d+\b|\b(?:version|versión|versione|versão|versie) \d", re.I)
# A noun phrase we can name back: a determiner, then up to three words that are not function words.
_DETERMINER = re.compile(r"\b(the|my|our|your|this)\b", re.I)
_OURS = {"my": "your", "our": "your", "your": "our", "the": "the", "this": "this"}
_NOT_A_NOUN = re.compile(r"(?:ly|ed|ing|ful|ous|ive|est)$", re.I)
_TOPIC_WORDS = ENGLISH_STOPWORDS - {"new", "old", "first"}
_LIKED = re.compile(r"\b(?:love|loved|loving|adore|adored|enjoyed|enjoying|like|liked)$", re.I)


def offline_candidates(comment: CommentText, thread: Thread = Thread()) -> list[str]:
    """The offline questions that fit the comment, in its language, the most specific first: those of its case
    (bot/suggest/cases.py), or of its situation when none of the case's fits; never padded with generic ones."""
    reading = read_situation(comment, thread)
    language = bank(comment.language.code)
    slots = {"person": language.PEOPLE.get(reading.person or ""), "topic": _topic(comment),
             "change": "yes" if _PRICE_CHANGE.search(comment.plain) else None,
             "assortment": "yes" if _ASSORTMENT.search(comment.plain) else None,
             "event": "yes" if _EVENT.search(comment.plain) else None}
    given = reading.given | ({"version"} if _VERSION.search(comment.plain) else set())
    key = case(comment, reading)
    for fallback in (key, key.split("_")[0], "noise"):
        questions = _fitting(language.BANK.get(fallback, ()), slots, given)
        if questions:
            return questions
    return []


def _fitting(entries: tuple[str, ...], slots: dict[str, str | None], given: frozenset[str]) -> list[str]:
    fitting = []
    for entry in entries:
        *tags, text = entry.split("|")
        if any(tag in given for tag in tags):
            continue  # never ask for what they told us
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
    """At most three distinct questions from offline_candidates: fewer when fewer fit."""
    del author  # the questions speak to the person without a name: a handle is no name to greet
    return list(dict.fromkeys(offline_candidates(comment, thread)))[:COUNT]


def _topic(comment: CommentText) -> str | None:
    """In English, the first noun phrase opened by a determiner that opens a sentence or follows "love" (or a verb
    like it) and ends where a function word or a sentence does ("Love the new Assam blend, ..." -> "the new Assam
    blend"); None when there is none we can name back."""
    if not comment.language.is_english:
        return None
    for match in _DETERMINER.finditer(comment.plain):
        before = comment.plain[:match.start()].rstrip()
        if before and not before.endswith((".", "!", "?")) and not _LIKED.search(before):
            continue  # "thanks for keeping the library open late": an object of another verb, not a topic
        words: list[str] = []
        clean_end = False
        for token in comment.plain[match.end():].split()[:4]:
            bare = token.strip(".,!?;:\"'()")
            if bare.lower() in _TOPIC_WORDS or not bare.isalpha() or len(words) == 3:
                clean_end = bool(words)
                break
            words.append(bare)
            if bare != token:  # punctuation ends the phrase
                clean_end = True
                break
        else:
            clean_end = bool(words)
        if clean_end and len(words) >= 2 and not _NOT_A_NOUN.search(words[-1]) and len(words[-1]) > 2:
            return None if offensive(" ".join(words)) else f"{_OURS[match.group(1).lower()]} {' '.join(words)}"
    return None
