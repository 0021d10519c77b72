"""A death or a grave illness told: the case it makes of a comment, and whether a question may ask about a person."""

from __future__ import annotations

import re

from bot.engine.comment_text import CommentText
from bot.suggest.banks import bank
from bot.suggest.cases.words import CONTENT, pattern

GRIEF = pattern(
    r"\bgrief|\blost my (?:dad|mum|mom|mother|father|husband|wife|son|daughter|brother|sister|grand\w+|best friend|dog|"
    r"cat)|"
    r"passed away|\b(?:she|he|mum|mom|dad|mother|father) passed\b|\bdied\b|funeral|\btrauer|verstorben|gestorben|beerdigung|\bdeuil\b|décéd|disparu|\bperdu (?:mon|ma)|"
    r"\bduelo\b|falleci|\bperdí a|\blutto\b|scompars|\bho perso (?:mio|mia)|\bluto\b|faleceu|\bperdi (?:meu|minha)|"
    r"\brouw\b|overleden|verloren (?:mijn)|"
    # no longer with us, said of a person (not of a product: "non c'è più" alone is also "discontinued")
    r"no longer with us|non c'è più da|ci ha lasciat|ya no está con nosotros|nos dejó|n'est plus parmi nous|nous a quitté|"
    r"não está mais entre nós|nos deixou|nicht mehr bei uns|uns verlassen|is er niet meer sinds|ons ontvallen"
)
_CARRIED_ON = pattern(r"\bstarted\b|\bbegan\b|\bfinished\b|\bfirst (?!time)\w+|angefangen|begonnen|fertig|commencé|"
                      r"terminé|\bfini\b|empez|comenz|terminad|acabad|iniziat|cominciat|\bfinit[oa]\b|\bprimo\b|"
                      r"\bprima (?!volta)\w+|começ|terminei|acabei|afgemaakt|\bbegonnen\b")
# Late, lost or ill: no question about the person is safe, however kindly meant ("What does your wife enjoy most?")
_LOSS = pattern(
    r"\blate (?:wife|husband|mum|mom|mother|father|dad|son|daughter|partner|brother|sister|grand\w+)|\bwidow|"
    r"\balone now\b|since (?:she|he) (?:died|passed|left us)|\bburied\b|\bhospice|\bchemo|\bcancer|\bhospital|"
    r"intensive care|\bicu\b|terminal(?:ly)? ill|in (?:his|her) memory|"
    r"verwitwet|\bwitwe|allein jetzt|jetzt allein|\bkrebs|krankenhaus|\bklinik|intensivstation|"
    r"\bveuf|\bveuve|seule? maintenant|hôpital|chimio|soins palliatifs|réanimation|"
    r"\bviud[oa]|sol[oa] ahora|\bdifunt|\bcáncer|quimio|cuidados intensivos|"
    r"\bvedov[oa]|da sol[oa] ora|\bdefunt|\bcancro|\btumore|ospedale|chemio|terapia intensiva|"
    r"\bviúv[oa]|sozinh[oa] agora|\bcâncer|\buti\b|"
    r"weduw|alleen nu|nu alleen|\bkanker|ziekenhuis|\bkemo"
)


def loss_case(text: str, situation: str) -> str | None:
    """The case of a comment that tells of a loss, or of an illness ("loss": no bank, the team writes its own); none
    when it tells of neither, or asks, proposes or answers another commenter (or, for an illness, complains)."""
    if GRIEF.search(text) and situation not in ("question", "availability", "collaboration", "fan_reply"):
        if CONTENT.search(text):
            return "thanks_grief"  # a loss is no complaint
        # a loss behind something begun or finished since ("started piano lessons a few months after my dad passed",
        # "ho finito il mio primo maglione"): that is the story; "anything we can do for you?" would make it a request
        return "story_carried_on" if _CARRIED_ON.search(text) else "story_grief"
    if _LOSS.search(text) and situation not in ("question", "availability", "collaboration", "fan_reply", "problem"):
        return "loss"  # an illness or a loss in other words: no bank, the team writes its own
    return None


def about_loss_or_illness(text: str) -> bool:
    """Whether the comment tells of a death or a grave illness: then no suggestion may ask about a person."""
    return bool(GRIEF.search(text) or _LOSS.search(text))


def about_someone_after_a_loss(question: str, comment: CommentText) -> bool:
    """Whether a question asks about a person (one the banks name back: "your wife", "votre mère", also "your late
    wife") when the comment tells of a loss or a grave illness: the offline questions never do, and neither may the
    team's past questions or an LLM's."""
    if not about_loss_or_illness(comment.plain):
        return False
    nouns = {name.split()[-1] for name in bank(comment.language.code).PEOPLE.values()}
    return any(re.search(rf"\b{re.escape(noun)}\b", question, re.I) for noun in nouns)
