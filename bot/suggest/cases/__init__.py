"""The case a comment is within its situation, which picks the question bank: a question can be how to do something
in an app, a symptom of a fault, advice on use, a choice, or leaving; a problem can be a parcel that has not come,
a damaged or wrong item, a charge, an app that fails, a fault in a product, a bad episode, a cancelled trip, a
person who was rude; a result can be a race or a lift, something made, or progress over weeks; a thank-you can be
for a fix, after a loss, to a person on the team, or for a piece of content.

The patterns cover the seven languages of the banks at once (lowercased text): the words that mark these cases are
close enough, or different enough, to share one pattern per case without false matches across languages.

Here, what makes a comment's situation another before its case is picked (a question about a price rise is a
complaint, a result thanks for a tip, a question from a business is a collaboration); the cases of each situation
are in its own module: losses, problems, questions (and availability), stories (results, thanks, stories),
feedback, collaborations, with the words several of them look for in words.
"""

from __future__ import annotations

from bot.engine.comment_text import CommentText
from bot.engine.situation import Reading
from bot.suggest.cases.collaborations import collaboration_case, offers_to_work_together
from bot.suggest.cases.feedback import FEATURE_REQUEST, PRAISED, REQUEST, disagree, feedback_case
from bot.suggest.cases.losses import about_loss_or_illness, about_someone_after_a_loss, loss_case
from bot.suggest.cases.problems import ARRIVAL, complaint, problem_case
from bot.suggest.cases.questions import asked_in_a_complaint, follow_up, question_case
from bot.suggest.cases.stories import (FIRST_DONE, FIXED, HELP, MEMORY, OUTINGS, PROGRESS, THANKS_TO,
                                       done_for_someone, result_case, staff_name, story_case, tells_a_result,
                                       thanks_case, thanks_to_staff, thing_kind, turns_critical)
from bot.suggest.cases.words import DISAGREE, THANKS, first, pattern

__all__ = ["OUTINGS", "UNASKED", "about_loss_or_illness", "about_someone_after_a_loss", "case", "complaint",
           "follow_up", "staff_name", "thing_kind"]

_REPEAT = pattern(r"(?:second|third|fourth) time|again|zum (?:zweiten|dritten) mal|schon wieder|encore une fois|"
                  r"(?:deuxième|troisième) fois|de nouveau|(?:segunda|tercera) vez|otra vez|di nuovo|"
                  r"(?:seconda|terza) volta|de novo|outra vez|(?:tweede|derde) keer|alweer|weer\b")
_ASKS_HOW = pattern(r"^(?:how|should i|can i|do i|is it|what|which|when|where|wie|soll ich|comment|dois-je|faut-il|"
                    r"cómo|debo|come|devo|como|hoe|moet ik)\b")
_CONTENT_ASK = pattern(r"slides|recording|replay|video|episode|webinar|article|course|workshop|tutorial|aufzeichnung|"
                       r"folie|enregistrement|grabación|diapositiva|registrazione|gravação|opname|curso|corso|cursus|"
                       r"\bkurs|cours\b|folge|épisode|episodio|episódio|aflevering")
_PRICE = pattern(r"price|preis|prix|precio|prezzo|preço|prijs|cost|kost|coût|cuesta|costa|custa")
_PRICE_UP = pattern(r"go(?:es)? up|went up|increase|raise|more expensive|erhöh|teurer|augment|subi|aument|duurder|"
                    r"verhoog")
# Too many notifications or reminders: when one would suit them, not "did you get an error message?"
_TOO_MANY_NOTIFICATIONS = pattern(
    r"(?:too|so) many (?:\w+ )?(?:notifications|reminders|push)|(?:zu|so) viele (?:\w+ )?(?:benachrichtigungen|"
    r"mitteilungen|erinnerungen|push)|(?:trop|tellement) de (?:notifications|rappels)|(?:demasiadas|tantas) "
    r"(?:notificaciones|alertas)|(?:troppe|tante) notifiche|notifiche (?:sono )?troppe|(?:muitas|tantas) "
    r"notificações|notificações demais|(?:te|zo) veel (?:meldingen|notificaties|herinneringen)"
)
# Packaging felt wasteful: which part, not an apology for a fault ("SO much plastic wrapping around the pot")
_WASTEFUL_PACKAGING = pattern(
    r"(?:so much|too much|all (?:the|that)|excess\w*|lots of|wasteful) (?:\w+ )?(?:plastic|packaging|wrapping|bubble wrap)|"
    r"packaging (?:is|was) (?:so )?(?:wasteful|excessive)|(?:so )?viel (?:\w+ )?(?:plastik|verpackung|folie)|"
    r"halben sack müll|tellement d'emballage|trop d'(?:emballage|plastique)|(?:tanto|demasiado) (?:plástico|embalaje)|"
    r"(?:tanta|troppa) plastica|(?:troppo|tanto) imballaggio|(?:tanto|muito) plástico|plástico demais|"
    r"(?:zoveel|te veel|veel te veel) (?:plastic|verpakking)"
)
# Relief after a worry ("I was so worried", "Estaba preocupadísima"): a thank-you, not an achievement
_RELIEF = pattern(r"worried|relieved|what a relief|besorgt|erleichtert|sorgen gemacht|inquiet|soulag|preocupad|aliviad|"
                  r"qué alivio|preoccupat|sollievo|che sollievo|que alívio|bezorgd|opgelucht")
# A plant doing well again, which the question asks where it lives now (unless they said: by the window)
_PLANT = pattern(r"\bplants?\b|(?<!loose )(?<!loose-)\bleaf\b|\bleaves\b|pflanze|\bblätter|\bplante\b|(?<!en )\bfeuilles\b|"
                 r"\bplanta\b|\bpianta\b|\bfoglie\b|\bfolhas?\b|\bbladeren\b|\bmonstera|\bcalathea|\bpothos|\bficus|"
                 r"\bpilea|succulent|suculent|orchid|orquídea|costela-de-adão|citronnier|kamerplant|zimmerpflanze")
# New growth told in words: "thriving" alone is said in sarcasm too ("my 'thriving' monstera arrived with 3 leaves")
_GROWING = pattern(r"new (?:leaf|leaves|growth|shoots?)|putting out|neue[sn]? (?:blatt|blätter|triebe)|nouvelles? feuilles?|"
                   r"des fleurs|en forme|hojas nuevas|nuevas hojas|brotes nuevos|foglie nuove|nuove foglie|folhas? novas?|"
                   r"nova folha|nieuwe? blad(?:eren)?|prachtig|in bloom|blooming|in bloei|flowers|blüht")
_WINDOW = pattern(r"window|fenster|fenêtre|ventana|finestra|janela|\braam\b|vensterbank")
# Cases with no question that fits every comment of them, and no falling back to their situation's: the team writes
# its own. A loss; progress over weeks ("what does your routine look like now?" asks what they told: "1:16, 3:10");
# a complaint that tells all there is (mixed feedback, equipment out of order), where "could you DM us the details?"
# asks it again and deflects; a checkout that fails, where no order number or parcel exists to ask about; a choice
# whose use is told ("per la moka"), where "what will you mainly use it for?" and a gift's "whom is it for?" ask it.
UNASKED = frozenset({"loss", "result_pet", "result_progress", "problem_told", "problem_checkout", "question_use_told"})

# Questions for someone who gave praise or an opinion: to someone who asked the brand something they read as a
# misreading. A change they dislike ("why did you change the recipe?") keeps its own: what they liked about the old one.
_NOT_FOR_A_QUESTION = frozenset({"praise", "praise_app", "feedback", "feedback_opinion"})


def case(comment: CommentText, reading: Reading) -> str:
    """The bank key for the comment: its situation, or a finer case of it. A question put to the brand never gets a
    case for opinions or praise ("Who designed these? They're lovely."): it gets "question", which has no bank of
    its own, so when nothing finer fits the team writes its own follow-up."""
    key = _case(comment, reading)
    if key in _NOT_FOR_A_QUESTION and comment.asks_question and reading.situation != "fan_reply":
        return "question"
    if key in ("praise", "thanks", "thanks_fixed", "noise", "result") and not comment.asks_question \
            and _PLANT.search(comment.plain) \
            and _GROWING.search(comment.plain) and not _WINDOW.search(comment.plain) \
            and not first(comment.plain, PRAISED):
        return "result_plant"  # "Fatto come dicevate, dopo 3 settimane ha messo foglie nuove!!"
    return key


def _case(comment: CommentText, reading: Reading) -> str:
    text = comment.plain
    situation = reading.situation
    loss = loss_case(text, situation)
    if loss:
        return loss
    if situation in ("noise", "feedback", "question", "problem") and _TOO_MANY_NOTIFICATIONS.search(text):
        return "feedback_notifications"
    if situation in ("noise", "feedback", "question", "problem") and reading.problem in (None, "general") \
            and _WASTEFUL_PACKAGING.search(text):
        return "feedback_packaging"
    short = len(comment.words) < 30 and not _REPEAT.search(text)
    if situation == "question" and _PRICE.search(text) and _PRICE_UP.search(text):
        return "problem_price"  # "why did the price go up?" is a complaint put as a question
    if situation == "feedback" and comment.asks_question and _ASKS_HOW.search(text):
        situation = "question"  # "should I feed it first?" is no opinion
    if situation == "problem" and comment.asks_question and short:
        asked = asked_in_a_complaint(text)
        if asked:
            return asked
    if situation == "problem" and REQUEST.search(text) and reading.problem not in ("damaged", "delivery", "billing"):
        return "feedback_request"
    if situation in ("question", "result", "feedback", "thanks") and FIXED.search(text) and THANKS.search(text) \
            and "?" not in text:
        return "thanks_fixed"  # "ist angekommen und eingebaut, danke!" opens like a question in German
    if situation == "result" and THANKS.search(text) and _RELIEF.search(text):
        return "thanks"  # "Mil gracias!! ... se lo come todo otra vez. Estaba preocupadísima": relief, no "menudo logro"
    if situation == "problem" and reading.problem == "general" and THANKS.search(text) and FIRST_DONE.search(text) \
            and PROGRESS.search(text) and not ARRIVAL.search(text):
        situation = "result"  # "FINALLY sent my first V5 ... thank you to whoever set it, it broke me": no apology
    if situation == "result" and THANKS.search(text) and HELP.search(text):
        return "thanks"  # a result of our tip is a thank-you: no "what's your next challenge?"
    if situation == "result" and turns_critical(comment) and (REQUEST.search(text) or FEATURE_REQUEST.search(text)):
        situation = "feedback"  # "first game last night, gorgeous art! But the rulebook really needs an example turn"
    if situation in ("result", "story") and turns_critical(comment) and DISAGREE.search(text):
        return disagree(text)  # "der Rand ist seit der Rezeptumstellung viel zu dünn ... Früher war der besser"
    if situation == "result" and MEMORY.search(text):
        return "story_memory"
    if situation in ("question", "feedback") and REQUEST.search(text) and _CONTENT_ASK.search(text):
        return "question_content"  # "could you do a video on ...?"
    if situation == "question" and REQUEST.search(text):
        return "feedback_request"  # "vocês podiam fazer a granola sem açúcar"
    if situation == "result" and done_for_someone(text, reading):
        situation = "story"  # what they did for someone: the person is the story
    if situation in ("noise", "story") and REQUEST.search(text):
        return "feedback_request"
    if situation in ("problem", "result", "thanks", "feedback", "story", "noise") and THANKS_TO.search(text) \
            and not comment.asks_question:
        return thanks_to_staff(text)
    if offers_to_work_together(comment, situation):
        situation = "collaboration"  # "I run a small taco truck ... Open to a collab?", "Fate prezzi per ristoranti?"
    if situation == "noise" and not comment.asks_question and tells_a_result(text):
        situation = "result"
    if situation == "problem":
        return problem_case(comment, reading)
    if situation in ("question", "availability"):
        return question_case(comment, reading, situation)
    if situation == "result":
        return result_case(text)
    if situation == "thanks":
        return thanks_case(text, reading)
    if situation == "feedback":
        return feedback_case(text, reading)
    if situation == "story":
        return story_case(comment, reading)
    if situation == "collaboration":
        return collaboration_case(text)
    return situation
