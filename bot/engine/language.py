"""Which language a comment is written in, so that the team answers, and the suggestions ask, in that language.

The script of the letters first (Cyrillic, Japanese, ...). Latin script goes to Lingua, a detector made for short
texts, restricted to the seven languages the suggestions are written in (LATIN): a restricted detector is faster,
smaller in memory and far less often wrong. Lingua's confidence in a two-word reaction is low and spread ("so cute"
comes out French at 0.23), so each language's frequent function words add to its confidence, and English, the
default of most accounts, gets a small head start: a comment stays English unless another language clearly wins.
When the function words alone put one language more than 1 ahead (Lingua's confidence, at most 1, could not
change the outcome), Lingua is not asked: it costs about a third of a millisecond a comment, and loading its
models over a second, the first time.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import lingua

# Function words frequent in each language and rare in the others (words shared by two lists are left out).
_FUNCTION_WORDS = {
    "en": "the and is are was were you your it this that with for have has not but what how when where why "
    "will would can could should do does did my our we they them there of to in on at be been i me just so "
    "very really from about any thanks thank please",
    "es": "el la los las es son está están que de del con para por una un muy pero como cuando dónde qué "
    "mi mis tu su sus nos hay ya también gracias hacen tienen llegó nadie quiero me encanta jajaja bueno",
    "fr": "le les est sont que qui pour dans avec une un très mais comme quand où quoi mon ma mes vous nous "
    "pas c'est je j'ai il elle cet cette merci toujours jamais trop aussi",
    "de": "der die das ist sind und nicht mit für ein eine einen sehr aber wie wann wo warum mein meine "
    "ich sie wir ihr es gibt auch noch schon bitte danke seit dem den von zu vielen vom euch eure euer habt",
    "pt": "o os as é são que do da dos das com para uma um muito mas como quando onde meu minha você vocês "
    "nós não já também obrigado obrigada há foi desta deste em",
    "it": "il lo gli è sono che di del della con per una un molto ma come quando dove mio mia tuo voi noi "
    "non già anche grazie nei negozi arriva",
    "nl": "de het een is zijn en niet met voor van maar hoe wanneer waar waarom mijn jij wij ook nog al "
    "bedankt dank wat bij op",
}
_WORDS_BY_LANGUAGE: dict[str, frozenset[str]] = {}
for _code, _words in _FUNCTION_WORDS.items():
    _others = {w for other, words in _FUNCTION_WORDS.items() if other != _code for w in words.split()}
    _WORDS_BY_LANGUAGE[_code] = frozenset(w for w in _words.split() if w not in _others)

NAMES = {
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "pt": "Portuguese",
    "it": "Italian",
    "nl": "Dutch",
    "ja": "Japanese",
    "zh": "Chinese",
    "ko": "Korean",
    "ru": "Russian",
    "uk": "Ukrainian",
    "el": "Greek",
    "ar": "Arabic",
    "he": "Hebrew",
    "hi": "Hindi",
    "th": "Thai",
    "other": "another language",
    "und": "no language",
}
LATIN = ("en", "de", "fr", "es", "it", "pt", "nl")
FUNCTION_WORD_WEIGHT = 0.25  # added to Lingua's confidence (0..1) for each function word of the language
ENGLISH_HEAD_START = 0.1
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)


def function_words(code: str) -> frozenset[str]:
    """The frequent function words we know for a language (empty for the ones told by their script)."""
    return frozenset(_FUNCTION_WORDS.get(code, "").split())


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, or "und" when there are no letters

    @property
    def name(self) -> str:
        return NAMES[self.code]

    @property
    def is_english(self) -> bool:
        return self.code == "en"


def detect_language(text: str) -> Language:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return Language("und")
    script = _dominant_script(letters)
    if script != "latin":
        return Language(script)
    tokens = _TOKEN.findall(text.lower())
    votes = {code: FUNCTION_WORD_WEIGHT * sum(t in _WORDS_BY_LANGUAGE[code] for t in tokens) for code in LATIN}
    votes["en"] += ENGLISH_HEAD_START
    leader, runner_up = sorted(LATIN, key=votes.__getitem__, reverse=True)[:2]
    if votes[leader] - votes[runner_up] > 1:  # Lingua's confidence (0..1) could not change the winner: not asked
        return Language(leader)
    for value in _detector().compute_language_confidence_values(text):
        code = value.language.iso_code_639_1.name.lower()
        if code in votes:
            votes[code] += value.value
    return Language(max(LATIN, key=votes.__getitem__))


@lru_cache(maxsize=1)
def _detector() -> lingua.LanguageDetector:
    languages = [lingua.Language.from_iso_code_639_1(getattr(lingua.IsoCode639_1, code.upper())) for code in LATIN]
    return lingua.LanguageDetectorBuilder.from_languages(*languages).build()


def _dominant_script(letters: list[str]) -> str:
    counts: dict[str, int] = {}
    for char in letters:
        script = _script(char)
        counts[script] = counts.get(script, 0) + 1
    if counts.get("kana"):
        return "ja"  # Japanese mixes kana with Han; kana alone marks it
    script = max(counts, key=counts.get)
    if script == "ru" and any(char in "іїєґІЇЄҐ" for char in letters):
        return "uk"
    return script


def _script(char: str) -> str:
    code = ord(char)
    if code < 0x250 or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    if 0x3040 <= code <= 0x30FF:
        return "kana"
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF:
        return "zh"
    if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF:
        return "ko"
    if 0x400 <= code <= 0x4FF:
        return "ru"
    if 0x370 <= code <= 0x3FF:
        return "el"
    if 0x600 <= code <= 0x6FF:
        return "ar"
    if 0x590 <= code <= 0x5FF:
        return "he"
    if 0x900 <= code <= 0x97F:
        return "hi"
    if 0xE00 <= code <= 0xE7F:
        return "th"
    return "latin" if unicodedata.name(char, "").startswith("LATIN") else "other"
