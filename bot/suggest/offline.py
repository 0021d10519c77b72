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
import zlib
from types import ModuleType

from bot.engine.comment_text import CommentText, read_comment
from bot.engine.situation import Reading, Thread, read_situation
from bot.suggest.banks import bank
from bot.suggest.checks import COUNT, offensive
from bot.suggest.keyphrases import ENGLISH_STOPWORDS

ANSWER_HERE = "[your answer]"
_SHIPPING = re.compile(r"ship|deliver|post to|envío|envia|envíos|liefer|versend|verschick|livr(?:ez|er|aison|ons)|expédi|spedi|"
                       r"entreg|envio|lever|bezorg|verzend", re.I)
_FEATURE = re.compile(r"version|versão|versión|versione|versie|feature|mode\b|integration|\bapp\b|funktion|fonction|"
                      r"función|funzione|função|functie", re.I)
_SERVICE = re.compile(r"service|support|team|staff|atendimento|atención|servizio|kundenservice|klantenservice|équipe|"
                      r"equipo|squadra|equipe|vendedor|verkäufer|vendeu|commess|medewerker", re.I)
_PRICE_CHANGE = re.compile(r"increase|went up|goes up|rise|raised|hike|erhöh|gestiegen|teurer|augment|hausse|subida|"
                           r"subieron|aument|verhoging|duurder|omhoog", re.I)
_HOURS = re.compile(r"\bopen\b|hours|öffnungs|geöffnet|offen|horaire|ouvert|horario|abren|abierto|orari|aperti|horário|abrem|"
                    r"aberto|openingstijden|geopend|loja|\bstore in|shop in|winkel|negozio|tienda|magasin|laden\b|"
                    r"filiale|boutique", re.I)
_CONTENT = re.compile(r"episode|article|podcast|video|webinar|tutorial|guide|\bpost\b|photo|blog|interview|series|"
                      r"course|\bkurs|cours\b|curso|corso|cursus|workshop|illustration|artwork|"
                      r"newsletter|recipe|folge|artikel|beitrag|foto|rezept|épisode|vidéo|recette|episodio|artículo|"
                      r"receta|articolo|ricetta|episódio|artigo|receita|aflevering|recept", re.I)
_MEMORY = re.compile(r"remind|when i was|years ago|grew up|used to|memor|took me back|erinnert|als ich (?:klein|kind)|"
                     r"früher|vor \w+ jahren|rappelle|quand j'étais|souvenir|enfance|autrefois|recuerda|cuando era|"
                     r"hace \w+ años|de pequeñ|ricorda|quando ero|anni fa|da piccol|lembra|quando eu era|anos atrás|"
                     r"doet me denken|toen ik|jaar geleden|vroeger", re.I)
_GIFT = re.compile(r"gift|present for|bought .{0,40}for my|geschenk|geschenkt|cadeau|offert|"
                   r"regalo|regalé|regalato|presente|presenteei|dei (?:o|a|um|uma) .{0,30}para|gegeven", re.I)
# A noun phrase we can name back: a determiner, then up to three words that are not function words.
_DETERMINER = re.compile(r"\b(the|my|our|your|this)\b", re.I)
_OURS = {"my": "your", "our": "your", "your": "our", "the": "the", "this": "this"}
_NOT_A_NOUN = re.compile(r"(?:ly|ed|ing|ful|ous|ive|est)$", re.I)
_TOPIC_WORDS = ENGLISH_STOPWORDS - {"new", "old", "first"}


def offline_candidates(comment: CommentText, thread: Thread = Thread()) -> list[str]:
    """Every offline question that fits the comment, in its language, the most specific first."""
    reading = read_situation(comment, thread)
    language = bank(comment.language.code)
    slots = {"person": language.PEOPLE.get(reading.person or ""), "topic": _topic(comment),
             "change": "yes" if _PRICE_CHANGE.search(comment.plain) else None}
    given = reading.given | ({"increase"} if slots["change"] else set())
    specific, general = [], []
    key = _bank_key(reading, comment, language)
    # a particular problem falls back on the general problem questions when it has told us most of what we'd ask
    for entry in language.BANK[key] + (language.BANK["problem"] if key.startswith("problem_") else ()):
        *tags, text = entry.split("|")
        if any(tag in given for tag in tags):
            continue  # never ask for what they told us
        if any(tag in slots and not slots[tag] for tag in tags):
            continue
        question = text.format(**{k: v for k, v in slots.items() if v})
        (specific if {"person", "topic"} & set(tags) else general).append(question)
    own = sum(1 for entry in language.BANK[key] if entry.split("|")[-1] in general)
    turn = zlib.crc32(comment.plain.encode("utf-8")) % max(1, own)
    # the plain questions any comment can take come last, so that there are always three
    return specific[:1] + general[turn:own] + general[:turn] + specific[1:] + general[own:] + list(language.BANK["noise"])


def reply_draft(text: str, question: str, thread: Thread = Thread()) -> str:
    """What the reply box starts with: for a comment that asks something, room for the answer (ANSWER_HERE, which
    the modal will not post) and then the follow-up question; for anything else, the question."""
    asks = read_situation(read_comment(text), thread).situation in ("question", "availability")
    return f"{ANSWER_HERE}\n\n{question}" if asks else question


def offline_questions(comment: CommentText, author: str | None = None, thread: Thread = Thread()) -> list[str]:
    """Three distinct questions from offline_candidates."""
    del author  # the questions speak to the person without a name: a handle is no name to greet
    return list(dict.fromkeys(offline_candidates(comment, thread)))[:COUNT]


def _bank_key(reading: Reading, comment: CommentText, language: ModuleType) -> str:
    """The bank for the situation, or for a particular case of it (a problem's kind, a shipping question, ...)."""
    text = comment.plain
    if reading.situation == "problem":
        return "problem" if reading.problem == "general" else f"problem_{reading.problem}"
    if reading.situation == "availability":
        if _SHIPPING.search(text):
            return "availability_shipping"
        if _HOURS.search(text):
            return "availability_hours"
        return "availability_feature" if _FEATURE.search(text) else "availability"
    if reading.situation in ("story", "feedback") and _GIFT.search(text):
        return "story_gift"
    if reading.situation == "story" and reading.praise:  # "my son loves it": what he liked best
        return "praise_content" if _CONTENT.search(text) and not reading.person else "praise"
    if reading.situation == "question" and reading.praise and _CONTENT.search(text):
        return "praise_content"  # "Loved the course! Will there be a part two?"
    if reading.situation == "question":
        if re.search(language.LEAVING, text, re.I):
            return "question_leaving"
        if re.search(language.USING, text, re.I):
            return "question_using"
        return "question_choosing" if re.search(language.CHOOSING, text, re.I) else "question"
    if reading.situation == "feedback" and comment.asks_question and _FEATURE.search(text):
        return "availability_feature"  # "could you make a lactose-free version?"
    if reading.situation == "feedback" and reading.praise:
        if _SERVICE.search(text):
            return "thanks"  # praise of the people who helped them
        return "praise_content" if _CONTENT.search(text) else "praise"
    if reading.situation == "story" and _MEMORY.search(text):
        return "story_memory"

    return reading.situation


def _topic(comment: CommentText) -> str | None:
    """In English, the first noun phrase opened by a determiner that ends where a function word or a sentence
    does ("Love the new Assam blend, ..." -> "the new Assam blend"); None when there is none we can name back."""
    if not comment.language.is_english:
        return None
    for match in _DETERMINER.finditer(comment.plain):
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
