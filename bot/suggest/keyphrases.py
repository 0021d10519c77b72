"""Key phrases: what a comment is about, as a short noun-phrase-ish run of its own words.

Runs of content words between stopwords, opinion words and punctuation are the candidates ("Love the new Assam
blend!" gives "new Assam blend"); a run that follows a determiner ("the", "my", "your") is most likely a noun
phrase and keeps it, turned to our side of the conversation ("my order" becomes "your order"). Candidates rank by
length, capitalised names, repetition and position. YAKE does this with more statistics and five dependencies;
comments are short enough that the plain version picks the same phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.engine.comment_text import CommentText, opinion_words
from bot.engine.language import function_words

MAX_WORDS, MAX_CHARS = 3, 40

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[^\w\s]", re.UNICODE)
_SENTENCE_END = frozenset(".!?;:…")
_TRAILING = re.compile(r"(?:ed|ing|ly|able|ible)$|^(?:open|valid|safe|keeps|stays|makes|tastes|smells|says)$", re.I)
# Our side of the conversation: the commenter's "my order" is "your order" when we ask about it.
_DETERMINERS = {
    "the": "the", "this": "this", "these": "these", "those": "those",
    "my": "your", "our": "your", "your": "our", "his": "his", "her": "her", "their": "their",
}
ENGLISH_STOPWORDS = frozenset(
    """a an and or but if then so than too very just also only even still again already really quite
    i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
    this that these those there here who whom whose what which when where why how all any some every each
    no not nor none nothing something anything everything someone anyone everyone nobody somebody
    am is are was were be been being have has had having do does did doing done will would shall should
    can could may might must ought cannot can't won't don't doesn't didn't isn't aren't wasn't weren't
    haven't hasn't hadn't wouldn't shouldn't couldn't i'm i've i'd i'll you're you've you'll it's that's
    there's what's let's we're they're he's she's
    of to in on at by for with about from into onto over under after before since until up down out off
    through during without within around near between against among via per as like unlike
    get gets got getting gotten go goes went going gone make makes made making take takes took taking
    come comes came coming see saw seen look looks looked looking know knew known think thought
    want wants wanted need needs needed try tries tried trying use uses used using find found give gave
    tell told say said says keep kept let put seem seems feel felt buy bought bring brought show showed
    work works worked working start started finish finished finally actually honestly literally
    ever never always often sometimes usually now today yesterday tomorrow tonight soon later ago
    time times day days week weeks month months year years morning night evening weekend
    thing things stuff lot lots bit way ways kind sort guys guy folks people everyone
    hi hello hey thanks thank please yes yeah yep no nope ok okay oh wow lol haha btw omg pls plz
    one two three first second last next new old much many more most less least own same other another
    such well back away right left sure maybe probably
    answer answers answered reply replies replied response responses email emails message messages
    question questions comment comments post posts""".split()
)


@dataclass(frozen=True)
class KeyPhrase:
    words: str  # as the commenter wrote them (a sentence's capital dropped)
    determiner: str | None  # ours, already turned: "your" for their "my"

    def english(self) -> str:
        """For an English question: "your order", "the new Assam blend", "Portugal"."""
        return f"{self.determiner} {self.words}" if self.determiner else self.words

    def quoted(self) -> str:
        """For a comment in another language: their own words, marked as theirs."""
        return f"“{self.words}”"


def key_phrases(comment: CommentText, limit: int = 3) -> list[KeyPhrase]:
    code = comment.language.code
    if code in ("ja", "zh", "ko", "th", "und"):
        return []  # no spaces between words: runs would be whole sentences
    stop = _stopwords(code)
    candidates: list[tuple[float, int, KeyPhrase]] = []
    seen: set[str] = set()
    most = MAX_WORDS if comment.language.is_english else 2
    for position, (run, determiner) in enumerate(_runs(comment.plain, stop)):
        words = _trim(run, determiner, most)
        text = " ".join(words)
        if text.lower() in seen or len(text) > MAX_CHARS or not any(w.isalpha() and len(w) > 2 for w in words):
            continue
        if len(words) == 1 and comment.language.is_english and _TRAILING.search(words[0]):
            continue  # "ordered", "pouring": a verb, not a topic
        seen.add(text.lower())
        counts = sum(comment.plain.lower().count(w.lower()) for w in words)
        weight = (
            len(words)
            + 0.5 * sum(len(w) >= 6 for w in words)
            + sum(w[:1].isupper() for w in words)
            + 0.5 * (counts - len(words))
            + (1.5 if determiner else 0)
            - 0.1 * position
        )
        candidates.append((weight, position, KeyPhrase(text, _DETERMINERS.get(determiner or ""))))
    candidates.sort(key=lambda item: (-item[0], item[1]))
    return [phrase for _, _, phrase in candidates[:limit]]


def _trim(run: list[str], determiner: str | None, most: int) -> list[str]:
    """After a determiner the noun phrase opens the run ("the app | keeps logging"); without one, its head ends it
    ("gluten free | flour"). Verb and adverb forms and one- or two-letter words do not end a phrase."""
    words = run[:most] if determiner else run[-most:]
    while len(words) > 1 and (len(words[-1]) <= 2 or _TRAILING.search(words[-1])):
        words = words[:-1]
    while len(words) > 1 and len(words[0]) <= 2:
        words = words[1:]
    return words


def _runs(plain: str, stop: tuple[frozenset[str], tuple[str, ...], frozenset[str]]):
    """Maximal runs of content words, each with the determiner just before it (or None)."""
    words, stems, opinions = stop
    run: list[str] = []
    determiner: str | None = None
    previous = "."
    for token in _TOKEN.findall(plain):
        lowered = token.lower().replace("’", "'")
        starts_sentence = previous in _SENTENCE_END
        previous = token
        content = token[:1].isalnum() and lowered not in words and not lowered.startswith(stems or "\0")
        if content and not (token.isdigit() and not run):
            run.append(lowered if starts_sentence and not token.isupper() else token)
            continue
        if run:
            yield run, determiner
            run = []
        elif determiner and lowered in opinions:
            continue  # "the broken lid": the determiner still opens the phrase after an opinion word
        determiner = lowered if lowered in _DETERMINERS else None
    if run:
        yield run, determiner


@lru_cache(maxsize=16)
def _stopwords(code: str) -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    opinions, opinion_stems = opinion_words(code)
    return ENGLISH_STOPWORDS | function_words(code) | opinions, opinion_stems, frozenset(opinions)
