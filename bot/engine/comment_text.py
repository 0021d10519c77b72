"""What a comment's text says, read once for the scorer and the suggester: plain text, words, links, language,
question, sentiment, problem report, spam, emoji only.

Sentiment is VADER's compound score for English (a lexicon made for social media: it reads "!!!", capitals,
"not good" and emoji). VADER knows only English, so other languages get a small lexicon of frequent praise and
complaint words instead, which tells the tone of a short comment well enough to pick the right kind of question.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from bot.engine.language import Language, detect_language
from bot.sources.text import html_to_text

READ_CHARS = 5000  # what is read of a comment: its opening (WordPress allows 65,525 characters) says what it is
SENTIMENT_CHARS = 4000  # VADER's cost grows with length; the opening of a long comment carries its tone
NEGATION_CHARS = 20  # how far before a problem word a negation is looked for ("never had any ")
NEGATIVE = -0.3
POSITIVE = 0.4
OPINION_VALENCE = 1.8  # below it, VADER's words are often topics too ("support", "party", "problem")

# Every pattern runs in time linear in the text: a bare domain starts where its run of letters and dashes does, a
# question sentence where a sentence does.
_LINK = re.compile(r"(?:https?://|www\.)\S+|(?<![\w-])[\w-]++\.(?:com|net|org|biz|info|io|ly|co)(?:/\S*)?\b", re.I)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_EMOTICON = re.compile(r"(?<!\w)(?:[:;=][-']?[()DPp3*]|<3+|\^\^|xD)(?!\w)")
_SENTENCE = re.compile(r"[.!\n…]+")
_QUESTION_SENTENCE = re.compile(r"(?<![^.!?？\n…])[^.!?\n…]*[?？]+")  # a sentence that ends with a question mark
_QUESTION_START = re.compile(
    r"^\s*(?:hi|hello|hey|ok|okay|so|and|also|but|btw)?[\s,!]*(?:how|what|when|where|why|which|who|whom|whose|"
    r"is|are|was|were|can|could|do|does|did|will|would|should|shall|may|might|any(?:one| chance)|has|have|"
    r"wondering|i wonder)\b",
    re.I,
)
_PROBLEM = re.compile(
    r"\b(?:broken|broke|breaks?|crash(?:es|ed|ing)?|refund\w*|charged (?:twice|me|again)|overcharged|"
    r"(?:not|n'?t|never|nothing) (?:working|work|load|arrived?|open|respond\w*|answer\w*|help\w*)|"
    r"wo?n'?t (?:load|work|open|let)|can'?t (?:log ?in|login|find|access|open|get)|errors?|bugs?|glitch\w*|"
    r"(?<!really )(?<!so )(?<!i'm )(?<!she's )(?<!he's )missing|never (?:came|arrived|got)|still (?:waiting|no|not|nothing|broken)|no (?:answer|reply|response)|"
    r"(?:arrived|delivered|is|was|so|very) late|delayed|damaged|faulty|defect\w*|"
    r"wrong (?:size|item|order|colou?r)|rude|on hold|scam|"
    r"disappoint\w*|unacceptable|not (?:acceptable|ok(?:ay)?|good enough)|ridiculous|frustrat\w*|annoy\w*|complain\w*|problems?|issues?|fix (?:it|this)|"
    r"leak\w*|dead links?|deleted|lost my|logg(?:ing|ed) me out|unhappy)\b",
    re.I,
)
# A fault told as gone ("my mugs finally don't leak", "lecken nicht mehr", "ya no gotea") or a complaint of someone
# else in a story that turns out well ("He complained the whole drive up and then slept like a baby"): no problem of
# theirs. Only fault words: "no longer works" stays a problem.
_FAULTS = (r"(?:leak|crack|break|wobbl|crash|freez|itch|hurt|burn|peel|flak|chafe|rub|slip|leck|tropf|reiß|wackel|juck|"
           r"brenn|stürz|scheuer|fui|coul|craqu|cass|gratt|brûl|plant|gote|agriet|rompe|pica|arde|rozad|perd|gocciol|"
           r"crep|prud|brucia|blocc|traball|vaz|pinga|rach|quebr|coç|trav|lek|druppel|scheur|breek|jeuk|wiebel|schur)")
GLAD_TURN = re.compile(
    rf"\b(?:(?:do|does|did|is|are|was|were)n'?t|no longer|never|stopped) (?:\w+ )?{_FAULTS}\w*|"
    rf"\b{_FAULTS}\w* (?:\w+ ){{0,2}}?(?:nicht mehr|niet meer|any ?more)|\b(?:nicht|niet|kein\w*|geen) (?:\w+ )?meer? "
    rf"{_FAULTS}|\bne {_FAULTS}\w* (?:plus|jamais)|\bya no (?:se )?{_FAULTS}|\bno (?:se )?{_FAULTS}\w* más|"
    rf"\bnon (?:si )?{_FAULTS}\w* più|\bnão (?:se )?{_FAULTS}\w* mais|\bjá não (?:se )?{_FAULTS}|"
    r"\b(?:he|she|they|(?:my|our) \w+)\b (?:\w+ ){0,2}?(?:complain|moan|grumbl|whing)\w*(?=.{0,120}\b(?:then|now|ended up)\b)|"
    r"\b(?:er|sie)\b (?:\w+ ){0,4}?(?:gemeckert|gejammert|genörgelt|gemault|beschwert|meckerte|jammerte|nörgelte)"
    r"(?=.{0,120}\b(?:dann|jetzt|danach)\b)|"
    r"\b(?:il|elle|ils|elles) (?:a|ont|s'est|se sont) (?:\w+ )?(?:râlé|grogné|rouspété|plaint\w*)"
    r"(?=.{0,120}\b(?:puis|maintenant|finalement)\b)|"
    r"\b(?:se quej(?:ó|aron|aba)|protestó|refunfuñó)(?=.{0,120}\b(?:luego|después|ahora|al final)\b)|"
    r"\b(?:si (?:è|sono) lamentat\w*|si lamentava|ha brontolato)(?=.{0,120}\b(?:poi|adesso|ora|alla fine)\b)|"
    r"\b(?:reclamou|reclamava|resmungou|resmungava|se queixou)(?=.{0,120}\b(?:depois|agora|no fim)\b)|"
    r"\b(?:hij|zij|ze)\b (?:\w+ ){0,3}?(?:geklaagd|gemopperd|gezeurd|klaagde|mopperde|zeurde)"
    r"(?=.{0,120}\b(?:daarna|toen|nu|uiteindelijk)\b)",
    re.I,
)
_NEGATED = re.compile(r"\b(?:without|no|never had) (?:a |an |any )?$", re.I)  # "without complaint"
# Frequent praise and complaint words of the other languages `language` recognises (stems match word starts).
_LEXICON = {
    "es": ("encant gracias excelente increíble genial maravill perfect buenísim recomiend feliz precios",
           "roto rota nadie decepcion pésim terrible horrible reembolso queja tarde malo mala problema error estafa"),
    "fr": ("merci génial super excellent parfait magnifique ador bravo clair top",
           "rembours inadmissible jamais déçu nul horrible cassé problème retard arnaque honteux"),
    "de": ("super toll danke begeistert großartig perfekt liebe klasse wunderbar",
           "kaputt ärgerlich stürzt absturz enttäuscht schlecht problem fehler beheben rückerstattung"),
    "pt": ("adorei obrigad maravilh ótim excelente perfeit amei incrível",
           "péssim descol quebrad problema atraso reembolso troca ruim decepcion"),
    "it": ("grazie bellissim ottim perfett adoro fantastic stupend",
           "pessim rotto mancav problema ritardo rimborso delus schifo"),
    "nl": ("mooi prachtig geweldig bedankt super fantastisch heerlijk",
           "kapot slecht teleurgesteld probleem nooit terugbetaling vertraging"),
    "ja": ("ありがとう 素晴らしい 最高 好き 使いやすい 嬉しい 感謝",
           "壊れ 届かない 遅い 残念 問題 返金 最悪 不満"),
    "ru": ("спасибо отлично класс люблю супер прекрасн",
           "недовол повреж опозда ужасн плохо сломан возврат проблем"),
}
_SPAM = re.compile(
    r"\b(?:(?:check|visit|see)(?: out)? my (?:profile|page|channel|bio|account|website|shop)|"
    r"link in (?:my )?(?:bio|profile)|dm me|message me|contact (?:him|her|me|them) (?:on|via)|whats ?app|telegram|"
    r"free (?:gift|iphone|money)|(?:cheap|free|buy|get|more|real|\d+k?) (?:real )?(?:followers|likes|subscribers)|"
    r"visit (?:https?://|www\.|[\w-]+\.(?:ly|com|net|biz))|"
    r"(?:sub|subscribe|follow)(?: (?:and|&) i'?ll| 4| for) (?:sub|subscribe|follow)\w*|follow me|"
    r"earn (?:money|\$)|make money|from home|crypto|bitcoin|forex|\d+% returns|guaranteed (?:reach|returns|profit)|"
    r"giveaways?|(?:sub|subscribe|follow) (?:to )?my (?:channel|page|account|profile)|promote (?:it|your)|replica|friend request|click (?:the|this) link|"
    r"sígueme|gana dinero|link en mi perfil)\b",
    re.I,
)


@dataclass(frozen=True)
class CommentText:
    plain: str  # without HTML, entities decoded, whitespace collapsed
    words: tuple[str, ...]  # links left out; Chinese, Japanese or Korean text: one word per two characters
    links: tuple[str, ...]
    language: Language
    asks_question: bool
    sentiment: float  # -1 (angry) .. 1 (delighted)
    statement_sentiment: float  # the same without the questions: asking for "a less bitter cup" is no complaint
    reports_problem: bool
    spam: str | None  # why it looks like spam, or None
    emoji_only: bool

    @property
    def tone(self) -> str:
        """complaint, question, praise or neutral: the kind of answer the comment calls for."""
        if self.reports_problem or self.statement_sentiment <= NEGATIVE:
            return "complaint"
        if self.asks_question:
            return "question"
        if self.sentiment >= POSITIVE:
            return "praise"
        return "neutral"


def read_comment(text: str) -> CommentText:
    """What the opening READ_CHARS characters of the text say."""
    return _read((text or "")[:READ_CHARS])


@lru_cache(maxsize=2048)
def _read(text: str) -> CommentText:
    plain = plain_text(text)
    links = tuple(_LINK.findall(plain))
    prose = _LINK.sub(" ", plain)
    words = _words(_EMOTICON.sub(" ", prose))
    language = detect_language(prose)
    sentiment = _sentiment(prose[:SENTIMENT_CHARS], language) if words else 0.0
    statements = " ".join(s for s in _QUESTION_SENTENCE.split(prose) if s.strip())
    statement_sentiment = sentiment if statements == prose else _sentiment(statements[:SENTIMENT_CHARS], language)
    return CommentText(
        plain=plain,
        words=words,
        links=links,
        language=language,
        asks_question=bool(words) and _asks_question(prose, language),
        sentiment=sentiment,
        statement_sentiment=statement_sentiment,
        reports_problem=language.is_english and _reports_problem(prose),
        spam=_spam(plain, words, links),
        emoji_only=not words and not links and _has_emoji(prose),
    )


def plain_text(text: str) -> str:
    """The text as a person reads it, on one line: tags dropped by the one HTML reader (bot/sources/text.py, so
    that "@<span>acme</span>" stays "@acme" and a script's text is not read), entities decoded."""
    if "<" not in text and "&" not in text:  # most comments: nothing to parse
        return " ".join(text.split())
    return " ".join(html_to_text(text).split())


def _words(prose: str) -> tuple[str, ...]:
    words: list[str] = []
    for word in _WORD.findall(prose):
        if _CJK.search(word):  # no spaces between words: count each two characters as one
            words.extend(word[start : start + 2] for start in range(0, len(word), 2))
        else:
            words.append(word)
    return tuple(words)


def _asks_question(prose: str, language: Language) -> bool:
    if any(mark in prose for mark in "?？¿؟"):
        return True
    return language.is_english and any(_QUESTION_START.match(s) for s in _SENTENCE.split(prose))


def _reports_problem(prose: str) -> bool:
    prose = GLAD_TURN.sub(" ", prose)
    return any(
        not _NEGATED.search(prose, max(0, match.start() - NEGATION_CHARS), match.start())
        for match in _PROBLEM.finditer(prose)
    )


def _sentiment(prose: str, language: Language) -> float:
    if language.is_english or language.code == "und":
        return _vader().polarity_scores(prose)["compound"]
    positive, negative = _LEXICON.get(language.code, ("", ""))
    lowered = prose.lower()
    tokens = _WORD.findall(lowered)
    if language.code in ("ja", "zh"):
        score = sum(stem in lowered for stem in positive.split()) - sum(stem in lowered for stem in negative.split())
    else:
        score = sum(any(t.startswith(stem) for t in tokens) for stem in positive.split()) - sum(
            any(t.startswith(stem) for t in tokens) for stem in negative.split()
        )
    return max(-1.0, min(1.0, score / 2))


def opinion_words(code: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """Words that say how the commenter feels rather than what about: exact words, and word starts."""
    if code == "en":
        return frozenset(w for w, v in _vader().lexicon.items() if abs(v) >= OPINION_VALENCE and w.isalpha()), ()
    positive, negative = _LEXICON.get(code, ("", ""))
    return frozenset(), tuple(positive.split() + negative.split())


@lru_cache(maxsize=1)
def _vader() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def _spam(plain: str, words: tuple[str, ...], links: tuple[str, ...]) -> str | None:
    if _SPAM.search(plain):
        return "promotes something"
    lowered = [w.lower() for w in words]
    # Short spam repeats a few words; a long comment reuses its words naturally, so it needs far fewer to count.
    share = 3 if len(lowered) <= 60 else 10
    if len(lowered) >= 6 and len(set(lowered)) * share <= len(lowered):
        return "repeats itself"
    if any(len(w) >= 10 and len(set(w.lower())) <= 2 for w in words):
        return "repeats itself"
    if len(links) >= 2 and (len(set(links)) < len(links) or len(words) < 4 * len(links)):
        return "mostly links"
    return None


def _has_emoji(prose: str) -> bool:
    return bool(_EMOTICON.search(prose)) or any(unicodedata.category(c) in ("So", "Sk") for c in prose)
