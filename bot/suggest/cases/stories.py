"""The case of a result (a race or a lift, something made, a recovery, skin care, a pet's progress, a habit kept up
or progress over weeks), of a thank-you (for a fix, for support in a hard time, for help with someone's health, to a
person on the team, for content) and of a story (a birthday, an engagement, a celebration, a memory, a gift, kids,
someone who enjoys a thing of the brand's)."""

from __future__ import annotations

import re

from bot.engine.comment_text import CommentText
from bot.engine.situation import PEOPLE, Reading
from bot.suggest.cases.feedback import feedback_case
from bot.suggest.cases.words import BUT, CONTENT, HARD_TIME, STAFF, THANKS, first, pattern

_SPORT = pattern(
    r"\d+ ?k\b|\d+ ?km|marathon|half|race|\bran (?:my|the|a|\d)|\bride\b|hike|trail|climb|lift|deadlift|pull-?up|"
    r"personal best|\bpb\b|kreuzheben|bestzeit|lauf|wanderung|marat|course|randonnée|carrera|corr[ií]|"
    r"media marat|sentiero|cammino|corsa|corrida|trilha|treino|hardloop|wandel|training|trainen|"
    r"(?:squat|bench|press|snatch|lift|lifted|pulled|kniebeuge|sentadilla|panca|agachamento)\w* .{0,20}\d+ ?kg"
)
_MADE = pattern(r"bak|cook|knit|sew|built|\bmade (?:a|the|my|this|it|some|your)\b|recipe|rezept|recette|receta|"
                r"ricetta|"
                r"receita|recept|\bbrew|pattern|recipe|bread|loaf|gebacken|gekocht|gestrickt|genäht|"
                r"gebaut|\bcuit|\bpain\b|tricot|cousu|horne|cocin|\btej|cosí|"
                r"sfornat|cucinat|\bassei\b|cozinhei|tricô|gebakken|gebreid")
PROGRESS = pattern(r"\d+ (?:weeks|months|days)|weeks on|months on|finally|\bnow my|seit \d+|nach \d+|depuis \d+|"
                   r"après \d+|desde hace|después de \d+|dopo \d+|da \d+ (?:mesi|settimane)|depois de \d+|há \d+|"
                   r"na \d+ (?:weken|maanden)|eindelijk|endlich|enfin|por fin|finalmente")
FIXED = pattern(r"that worked|that did it|that fixed it|hat funktioniert|ha funcionado|ha funzionato|funcionou|"
                r"werkte|"
                r"a marché|\bit works|it worked|works now|sorted|fixed|arrived|came this morning|\bgot it\b|"
                r"funktioniert wieder|angekommen|eingebaut|\bdicht\b|ça marche|reçu|arrivé|llegó|funciona|"
                r"arrivat|funziona|chegou|deu certo|werkt weer|aangekomen|binnen\b")
_ACHIEVED = pattern(r"\bpassed (?:my|the)\b|\bpassei\b|\baprob[éeó]|\bbestanden\b|\bgeslaagd|\bsuperat[oa]\b|"
                    r"\b(?:first|premier|première|primer|primeira|prima|eerste|erste[nr]?) (?:marathon|marat|maratona|"
                    r"half|semi|100k|triathlon)|\bbouclé|\bfinished (?:my|the)|\bgeschafft\b|\bcompleted\b|"
                    r"\b(?:bijna|almost|fast|presque|casi|quase|quasi) (?:weg|gone|verschwunden|parti|disparu|desaparec)|"
                    r"\bgot the job|den job bekommen|die stelle bekommen|j'ai eu le poste|me dieron el (?:trabajo|puesto)|"
                    r"conseguí el (?:trabajo|puesto)|ho ottenuto il (?:lavoro|posto)|mi hanno preso|consegui o emprego|"
                    r"fui contratad[oa]|de baan gekregen|ik ben aangenomen")
# A habit kept up for weeks or months ("been using the budgeting app for three months", "na 3 maanden jullie routine
# volgen", "todo santo dia por 8 meses"): not a product taken ("after 6 months on your grain-free")
_STUCK_WITH = pattern(r"\b(?:using|used|doing|following|practi[sc]ing)\b.{0,40}\bfor (?:\d+|a few|two|three|four|five|six|"
                      r"eight|ten|twelve) (?:weeks|months|years)|\b(?:\d+|two|three|four|five|six|eight|ten|twelve) "
                      r"(?:weeks|months) (?:of (?:the|your|using|doing)|using|doing)\b|"
                      r"\b(?:every|each) (?:single )?(?:day|morning|evening|week)\b|\bjeden (?:tag|morgen|abend)|"
                      r"tous les jours|chaque (?:jour|matin|soir|semaine)|todos los días|cada (?:día|mañana|semana)|"
                      r"ogni (?:giorno|mattina|sera|settimana)|todos os dias|todo santo dia|"
                      r"elke (?:dag|ochtend|avond|week)|\bvolgen\b|\bstreak\b|\bdi fila\b|\bop rij\b|am stück")
# A first one or a finished one ("enfin terminé mon premier pull", "finito il puzzle"): what took the most work
FIRST_DONE = pattern(r"\bfirst\b|\bfinished\b|\bersten?\b|\bfertig|\bpremi(?:er|ère)\b|\b(?:fini|terminé)\b|"
                     r"\bprimer[oa]?\b|\bterminad|\bacabad|\bprim[oa]\b|\bfinit[oa]\b|\bprimeir[oa]\b|\bterminei|"
                     r"\bacabei|\beerste\b|\bafgemaakt")
# Better after an operation, an injury or pain: how they feel now, never "what's your next challenge?"
_RECOVERY = pattern(r"surgery|operaci|operaç|operazion|opérat|operatie|\bop\b|cirurgi|cirug|chirurg|injur|recover|rehab|"
                    r"physio|verletz|blessure|lesión|infortun|lesão|(?:back|knee|shoulder|hip|neck) pain|without pain|"
                    r"pain-?free|schmerz|douleur|dolor|dolore|\bdor(?:es)?\b|pijn")
# Skin care that works after weeks: whether they use it morning and night
_SKINCARE = pattern(r"\bserum|sérum|\bsiero|retinol|niacinamid|azela|cleanser|moisturi[sz]er|(?:face|hand|night) cream|"
                    r"crema (?:mani|viso|notte)|\w*creme\b|crème|reiniger|nettoyant|limpiador|hidratante|\btoner\b")
_WEEKS = pattern(r"\b(?:weeks?|months?|wochen|monate?n?|semaines?|mois|semanas?|mes(?:es)?|settiman[ae]|mes[ei]|mês|"
                 r"weken|maand(?:en)?)\b")
# A pet's own progress ("8 months later he's finally at a healthy weight"): not the commenter's achievement
_PET = pattern(r"\b(?:dogs?|pupp(?:y|ies)|pups?|cats?|kittens?|greyhounds?|hunde?s?|welpen?|katzen?|kater|chiens?|chiots?|"
               r"chats?|chatons?|perr[oa]s?|(?<!pies de )(?<!pie de )gat[oa]s?|cachorr[oa]s?|cane|cani|cagnolin[oa]|gattin[oa]|cães|cão|cadela|"
               r"honden?|poes|kat(?:ten)?)\b")
HELP = pattern(r"help|tip|advice|repl|answer|saved me|hilfe|tipp|\brat\b|aide|conseil|réponse|ayuda|consejo|"
               r"respuesta|"
               r"aiuto|consiglio|risposta|ajuda|dica|resposta|hulp|advies|antwoord|sorted|fixed")
_HELP_GIVEN = pattern(r"help|talked me through|sorted|saved|hilfe|geholfen|aide|aidé|ayuda|ayudado|aiut|ajud|geholpen|"
                      r"you (?:got|helped|talked|stayed)")
_HEALTH = pattern(r"fever|\bill\b|sick|hospital|surgery|pain|injur|krank|fieber|schmerz|malade|fièvre|douleur|enferm|"
                  r"fiebre|"
                  r"dolor|malat|febbre|dolore|doente|febre|\bdor\b|ziek|koorts|pijn")
_CELEBRATION = pattern(r"\b\d+(?:th|st|nd|rd|\.|e|º|°|o)\b|birthday|anniversary|wedding|geburtstag|hochzeit|"
                       r"anniversaire|mariage|cumpleaños|boda|compleanno|matrimonio|aniversário|casamento|"
                       r"verjaardag|bruiloft|jarig")
MEMORY = pattern(r"remind|when i was|years ago|grew up|used to|memor|took me back|in the \d0s|erinnert|"
                 r"als ich (?:klein|kind)|früher|vor \w+ jahren|rappelle|quand j'étais|souvenir|enfance|autrefois|"
                 r"recuerda|cuando era|hace \w+ años|de pequeñ|ricorda|quando ero|anni fa|da piccol|lembra|"
                 r"quando eu era|anos atrás|sempre (?:bebia|fazia|ia)|(?:bebia|fazia|ia) sempre|doet me denken|"
                 r"toen ik|jaar geleden|vroeger")
_TODAY = pattern(r"\btoday\b|this morning|heute|aujourd'hui|\bhoy\b|\boggi\b|\bhoje\b|vandaag")
_BIRTHDAY = pattern(r"birthday|geburtstag|anniversaire|cumpleaños|compleanno|aniversário|bolo de anos|verjaardag|jarig")
_GIFT = pattern(r"gift|\bgave\b|\bfor my\b|offert|\bpour (?:ma|mon)\b|regal|\bpara (?:mi|a minha|minha|o meu|meu)\b|"
                r"geschenk|\bfür meine?\b|\bper (?:mia|mio)\b|presente|\bdei\b|cadeau|\bvoor mijn\b")
# A proposal told ("I proposed at your rooftop bar", "Pedi minha namorada em casamento")
_ENGAGED = pattern(r"\bproposed\b|(?:got|we're|are) engaged|verlobt|heiratsantrag|fiançailles|demandée? en mariage|"
                   r"pedí (?:matrimonio|la mano)|\bcomprometid|proposta di matrimonio|chiesto di sposarmi|"
                   r"em casamento|noivado|ten huwelijk gevraagd|verloofd")
_GIVEN_AS_GIFT = pattern(r"\bgift|\bpresent\b|geschenk|cadeau|offert|\bofferto|regal|presente|\bgegeven\b|\bdei\b")
_KIDS = pattern(r"\b(?:the|my|our) (?:kids|children|boys|girls)\b|meine kinder|unsere kinder|mes enfants|nos enfants|"
                r"mis hijos|mis niños|i miei figli|i miei bambini|meus filhos|os miúdos|mijn kinderen|onze kinderen")
# Thanks to someone on the team by name, as the comment's opening ("Danke an Jonas vom Kundenservice! Hat mir den
# falschen Schuh umgetauscht"): a thank-you, whatever problem it tells of having been solved
THANKS_TO = re.compile(
    r"^\W*(?:(?:a |big |huge |massive )?(?:thank you|thanks|shout-?out|kudos)|(?:un (?:grand|énorme) )?merci(?: beaucoup)?|"
    r"(?:vielen |großes )?dank(?:e|je ?wel|jewel)?|(?:mil |muchas )?gracias|grazie(?: mille)?|(?:muito )?obrigad[oa]|"
    r"bedankt|hartelijk dank|(?:queria|quero|quiero|vorrei|je voudrais|ich möchte) (?:agradecer|ringraziare|remercier)"
    r")\s+(?:so much |a lot |mille )?"
    r"(?:(?:to |an |à |a |para |aan |ao |al |alla )(?-i:([A-Z]\w+))|"
    # no "to" ("Thank you Priya from customer service"): only a name said to be from somewhere, not the brand's name
    r"(?-i:([A-Z]\w+))\s+(?:from|at|in|vom|von|aus|du|de|del|della|dal|do|da|van|uit|bij)\b)",
    re.I)
_TRIAL_LESSON = pattern(r"intro(?:duct\w*)?[ -]?(?:class|lesson|session|les\b|kurs|stunde)|introductieles|proefles|"
                        r"\bfirst (?:class|lesson|session)|trial (?:class|lesson|session)|taster|schnupper|probestunde|"
                        r"probetraining|cours d'essai|séance d'essai|premier cours|clase de prueba|primera clase|"
                        r"lezione di prova|prima lezione|aula experimental|primeira aula|eerste les\b")
_CLASS = pattern(r"\bclass\b|session|workout|kurs|training|cours\b|séance|clase|sesión|lezione|allenamento|aula|"
                 r"treino|"
                 r"\bles\b|training")
# A visit or a tour a team member made good: a one-off, so no "how has everything been since?"
_VISIT = pattern(r"museum|museo|musée|museu|\btour\b|paddle|\bvisit|\bvisite|\bvisita|besuch|bezoek|biglietteria|"
                 r"ticket desk|billetterie|taquilla|bilheteira|kassa|führung|rondleiding|\bguide[d]?\b|\bguida\b|\bgids\b")


# What someone enjoyed, from a closed list the banks name back with their article and case (THINGS: "an der App",
# "del juego", "nas aulas"): the first kind named. A workshop or a tour was once: asked about in the past tense.
_THING_KINDS = (
    ("workshop", pattern(r"\bworkshop|\batelier\b|\btaller\b")),
    ("tour", pattern(r"\b(?:guided )?tour\b|\bführung\b|visite guidée|visita guiada|visita guidata|rondleiding")),
    ("class", pattern(r"\bclasses\b|\blessons\b|\bkurse?\b|\bunterricht|\bcours\b|\bclases\b|\blezioni\b|\baulas\b|"
                      r"\blessen\b")),
    ("game", pattern(r"\b(?:board ?)?game\b|\b(?:brett|lern|karten|kinder)?spiel\b|\bjeu\b|\bjuego\b|\bgioco\b|"
                     r"\bjogo\b|\b(?:bord|kaart)?spel\b")),
    ("book", pattern(r"\bbook\b|\bbuch\b|\blivre\b|\blibro\b|\blivro\b|\bboek\b")),
    ("app", pattern(r"\bapp\b|\bappli\b")),
)
OUTINGS = frozenset({"workshop", "tour"})


def tells_a_result(text: str) -> bool:
    """Something achieved, progress at a sport or after an injury, or skin care that worked over weeks."""
    return bool(_ACHIEVED.search(text) or (PROGRESS.search(text) and (_SPORT.search(text) or _RECOVERY.search(text)))
                or (_WEEKS.search(text) and _SKINCARE.search(text)))


def done_for_someone(text: str, reading: Reading) -> bool:
    """A result with someone in it that is no sport, and nothing made unless as a gift or for a celebration: what
    they did for someone, whose story it is."""
    return bool(reading.person and not _SPORT.search(text)
                and (not _MADE.search(text) or _GIFT.search(text) or _CELEBRATION.search(text)))


def result_case(text: str) -> str:
    if _PET.search(text) and not _SPORT.search(text):
        return "result_pet"  # no bank: "which part took the most work?" does not fit a dog's recovery
    if FIXED.search(text) and not _SPORT.search(text) and not _MADE.search(text):
        return "thanks_fixed"
    if _RECOVERY.search(text):
        return "result_recovery"
    if _SKINCARE.search(text) and _WEEKS.search(text):
        return "result_skincare"  # "6 weeks on the retinol and my forehead lines are genuinely softer"
    if _SPORT.search(text) or _MADE.search(text):
        return "result_sport" if _SPORT.search(text) else "result_made"
    if not PROGRESS.search(text) or _ACHIEVED.search(text) or FIRST_DONE.search(text):
        return "result"
    # progress over weeks: what kept them at a habit ("6 months of the envelope feature and I've paid off my card")
    return "result_habit" if _STUCK_WITH.search(text) else "result_progress"


def thanks_case(text: str, reading: Reading) -> str:
    if reading.person and _HELP_GIVEN.search(text) and _HEALTH.search(text):
        return "thanks_person"
    if FIXED.search(text):
        return "thanks_fixed"
    if HARD_TIME.search(text):
        return "thanks_support"
    if STAFF.search(text):
        return thanks_to_staff(text)
    if CONTENT.search(text):
        return "thanks_content"
    return "thanks" if HELP.search(text) else "praise"  # "really appreciate the packaging" is praise


def story_case(comment: CommentText, reading: Reading) -> str:
    text = comment.plain
    if reading.praise and not reading.person and not _KIDS.search(text):
        return feedback_case(text, reading)
    if reading.person and THANKS.search(text) and _HELP_GIVEN.search(text) and _HEALTH.search(text):
        return "thanks_person"  # "you talked me through my son's fever": how is he now
    if reading.person in ("daughter", "son", "child") and _BIRTHDAY.search(text) and not re.search(r"\d", text):
        return "story_birthday"  # a child's birthday, its age not told: how old they turned
    if _ENGAGED.search(text):
        return "story_engaged"  # a proposal: have they set a date (not "what was the highlight?")
    if reading.person and _CELEBRATION.search(text):
        # a present for it: what the person likes about it; else none ("what was the highlight?" asks what they told)
        return "story_gift" if _GIVEN_AS_GIFT.search(text) else "story_celebration"
    if MEMORY.search(text) and not _TODAY.search(text):
        return "story_memory"
    if reading.person and _GIFT.search(text):
        return "story_gift"
    if _KIDS.search(text):
        return "story_kids"
    if reading.person not in (None, "kids") and _opens_with_person(comment, reading.person) and thing_kind(text) \
            and not turns_critical(comment):
        return "story_thing"  # "mi madre ha empezado vuestras clases de yoga": what she enjoys most about them
    return "story_person" if reading.person else "story"


def thanks_to_staff(text: str) -> str:
    """Thanks to someone on the team: for a first or trial lesson (will we see you again?), for a class, for a visit
    or a tour (none: "how has everything been since?" fits no one-off visit), or for anything else."""
    if _TRIAL_LESSON.search(text):
        return "thanks_trial"
    return "thanks_class" if _CLASS.search(text) else "thanks_visit" if _VISIT.search(text) else "thanks_staff"


def staff_name(text: str) -> str | None:
    """The name of the team member a comment opens by thanking ("Big thank you to Priya ..."), if any."""
    found = THANKS_TO.search(text)
    return (found.group(1) or found.group(2)) if found else None


def thing_kind(text: str) -> str | None:
    """The kind of thing a comment names from the closed list ("class", "game", "book", ...), if any."""
    return first(text, _THING_KINDS)


def _opens_with_person(comment: CommentText, person: str) -> bool:
    """The person is who the comment is about ("Meine Oma lernt mit eurer App ..."), not someone who came along
    ("... the app got me to Cusco with my sister"): then what they enjoy is theirs to tell."""
    found = re.search(PEOPLE.get(comment.language.code, PEOPLE["en"])[person], comment.plain.lower())
    return found is not None and found.start() < 20


def turns_critical(comment: CommentText) -> bool:
    return bool(re.search(BUT.get(comment.language.code, BUT["en"]), comment.plain, re.I))
