"""The case of feedback: a request, a thing no longer sold, a change they do not like, an opinion they do not share,
content too long or too short, or praise (of content, of a person on the team, of a candle, a drink, bread, an app)."""

from __future__ import annotations

from bot.engine.situation import Reading
from bot.suggest.cases.words import (CONTENT, DISAGREE, DISCONTINUED, HARD_TIME, OLD_DESCRIBED, SOFTWARE, STAFF,
                                     WAS_BEFORE, first, pattern)

REQUEST = pattern(r"would be (?:great|nice|amazing) (?:to|if)|seria (?:ótimo|bom|incrível) ter|wäre (?:toll|super|schön|gut),? wenn|"
                  r"sería (?:genial|estupendo|ideal) (?:tener|que)|sarebbe (?:bello|utile|ottimo) (?:avere|se)|"
                  r"zou (?:fijn|handig|mooi|top) zijn|any chance (?:of|you(?:'?ll| could| can)) (?:get |add |do )?(?:more|some)\b|gibt es (?:bald )?mehr|"
                  r"(?:y aura-t-il|pourrait-on avoir) plus de|(?:habrá|podría haber) más|ci saranno più|vai haver mais|"
                  r"komen er (?:nog )?meer|podiam fazer|please (?:add|bring|make)|could you (?:do|make|add)|would love (?:a|an)\b|"
                  r"könnt(?:et)? ihr .{0,30}(?:machen|"
                  r"bringen|anbieten)|pourriez-vous|ce serait (?:top|bien|génial|super) d'avoir|podr[ií]ais|podrían|"
                  r"potreste|poderiam|zouden jullie|bring back|i wish|really needs|bitte (?:wieder|bringt|macht)|"
                  r"remettez|"
                  r"ramenez|manque vraiment|vuelvan a|volved a|rimettete|manca (?:la|il|l'|un|una)|voltem com|"
                  r"voltem a|"
                  r"breng \w+ terug|zet \w+ terug|jammer dat .{0,60}(?:alleen|niet meer|geen)")
FEATURE_REQUEST = pattern(
    r"please (?:add|bring|make)|bring back|needs? (?:an?|the)?\s*\w+|\bmissing\b|i wish|would be (?:nice|great)|"
    r"could you (?:add|make)|feature|toggle|mode|shortcut|translation|bitte (?:wieder|mehr|macht|bringt)|fehlt|"
    r"wünsche|wäre (?:schön|toll)|manque|ajoutez|remettez|ce serait|falta|añadid|ojalá|vuelvan|manca|"
    r"aggiung|sarebbe|faltando|voltem|coloquem|seria bom|mis\b|missen|zou fijn|terug(?:brengen)?|"
    r"alleen nog|only in|nur noch|seulement en|solo en|solo in|só em"
)
_NAMED_PART = pattern(r"the (?:part|bit|section) about|the interview with|(?:was|is) my favou?rite|especially|"
                      r"vor allem|"
                      r"besonders|surtout|en particulier|sobre todo|especialmente|soprattutto|in particolare|"
                      r"principalmente|"
                      r"vooral|met name")
_LENGTH = pattern(r"too long|too short|zu lang|zu kurz|trop long|trop court|demasiado larg|troppo lung|"
                  r"muito long|te lang")
_PRODUCT_WORDS = pattern(r"candle|tea|blend|milk|jacket|shoe|bag|cream|coffee|bike|tent|kerze|tee|jacke|bougie|thé|"
                         r"vela|"
                         r"té\b|candela|vela|kaars|thee")
# Praise of a thing whose question fits any praise of it: a candle (which one next), tea or coffee (how they take it),
# bread (how they eat it). "café" and "pain" are left out: a place, and a word in English
PRAISED = (
    ("praise_candle", pattern(r"\bcandles?\b|\bkerzen?\b|\bbougies?\b|\bvelas?\b|\bcandele?\b|\bkaars(?:en)?\b")),
    ("praise_drink", pattern(r"\btea\b|\bcoffee\b|\bblend\b|\bespresso\b|\btee\b|\bkaffee\b|\bthé\b|\bté\b|\btè\b|"
                             r"\bcaffè\b|\bchá\b|\bkoffie\b|\bthee\b")),
    ("praise_bread", pattern(r"\bbread\b|\bloaf\b|\brye\b|sourdough|\w*brot\b|\bpain (?:au|de)\b|\bpan de\b|\bpane\b|"
                             r"\bpão\b|\w*brood\b")),
)
_PRICED = pattern(r"\d+[,.]\d\d|[£$€]\s?\d|\d\s?(?:€|eur|euro)\b|price|preis|prix|precio|prezzo|preço|prijs|\bkost|"
                  r"co[uû]t|cuesta|costa|custa|half (?:the size|as big)|halb so|smaller|kleiner|plus petit|más pequeñ|"
                  r"più piccol|menor")


def disagree(text: str) -> str:
    """A change they do not like ("the old recipe was better"), or an opinion they do not share; none when they
    said what the old one was like ("das war saftiger"): asking what they liked about it would ask it again."""
    if OLD_DESCRIBED.search(text):
        return "feedback"
    return "feedback_disagree" if WAS_BEFORE.search(text) else "feedback_opinion"


def feedback_case(text: str, reading: Reading) -> str:
    if _LENGTH.search(text):
        return "feedback_content"
    if DISCONTINUED.search(text):
        return "feedback_discontinued"
    if DISAGREE.search(text):
        return disagree(text)
    if REQUEST.search(text) or (not reading.praise and FEATURE_REQUEST.search(text)):
        return "feedback_request"
    if reading.praise or reading.situation == "story":
        if HARD_TIME.search(text):
            return "thanks_support"  # "got me through a really rough month"
        if STAFF.search(text):
            return "thanks_staff"
        if CONTENT.search(text):
            return "praise_named" if _NAMED_PART.search(text) else "praise_content"
        # praise that names a price or a smaller size is sarcasm more often than not ("Bin begeistert.")
        praised = None if reading.person or _PRICED.search(text) else first(text, PRAISED)
        if praised:
            return praised
        return "praise_app" if SOFTWARE.search(text) and not _PRODUCT_WORDS.search(text) else "praise"
    return "feedback"
