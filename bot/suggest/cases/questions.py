"""The case of a question: how to do something in an app or in the kitchen, a symptom of a fault, care, a choice,
whether it fits (a trip, hair, an allergy, skin, an age, a model owned), access for a visit, leaving; of a question
about availability (a reservation, a restock, a wide fit, another size, a store, hours, shipping, a variant, a
release); and the class of a follow-up for a question whose case has no question that fits."""

from __future__ import annotations

import re

from bot.engine.comment_text import CommentText
from bot.engine.situation import Reading
from bot.suggest.cases.words import CONTENT, DISCONTINUED, SOFTWARE, THANKS, first, pattern

_HOWTO = pattern(
    r"\bhow (?:do|can|should) (?:i|we|you)\b|\bhow to\b|is there a way|\bwhere (?:do|can) i (?:find|change|turn|set)|"
    r"\bwie (?:kann|mache|stelle|ändere|entkalke|finde|aktiviere|lösche|exportiere|übertrage|reinige) ich|"
    r"\bkann man\b|\bcomment (?:je|on|faire|activer|changer)|\bcomment\b.*\?|est-ce qu'on peut|\bcómo (?:activo|hago|"
    r"puedo|se|cambio)|"
    r"\bcomo (?:activo|faço|eu|se|mudo|transfiro)|\bse puede\b|\bcome (?:faccio|si|posso)|\bsi può\b|"
    r"\bdá pra\b|\bhoe (?:kan|moet|zet|doe|krijg) ik|\bkan ik\b"
)
_SYMPTOM = pattern(
    r"\b(?:it|mine|that|this|which|and) keeps\b|keeps (?:skipping|crashing|freezing|dropping|disconnecting|leaking|"
    r"beeping|turning|switching|restarting|logging|jumping|slipping|stopping)|is (?:this|that|it) normal|\bnormal\b|c'est normal|ist das normal|es normal|è normale|é normal|"
    r"is dat normaal|\bsmells?\b|riecht|\bsent (?:le|bizarre|mauvais)|huele|puzza|cheira|ruikt|skipping|"
    r"laisse des|\bdeja (?:marcas|manchas)|lascia|deixa (?:marcas|manchas)|is it dead|\bdead\b|"
    r"won'?t|doesn'?t|not working|stopped|no me sale|ne marche|funktioniert nicht|non funziona|não funciona|"
    r"werkt niet|ya no (?:me )?(?:sale|aparece)|antes lo ten[ií]a"
)
_ASKS_IF_FAULT = pattern(
    r"is (?:this|that|it) (?:normal|dead|ok|okay|safe)|c'est normal|ist (?:das|er|sie|es) (?:normal|kaputt)|"
    r"es normal|è normale|é normal|is dat normaal|is (?:hij|het) (?:dood|kapot)"
)
_CHOOSING = pattern(
    r"recommend|which (?:one|size|model|should)|difference between|\bworth it\b|better for|"
    r"empfehl|unterschied|welche\w* (?:soll|ist besser)|lohnt|conseill|différence|lequel|laquelle|"
    r"recomiend|diferencia|cuál (?:me|es mejor)|consigli|differenza|quale (?:mi|è meglio)|recomend|diferença|"
    r"qual (?:é melhor|devo)|aanraden|verschil|welke (?:moet|is beter)"
)
_LEAVING = pattern(r"cancel my|close my account|delete my account|unsubscribe|kündig|abmelden|konto löschen|"
                   r"résilier|supprimer mon compte|darme de baja|cancelar mi|disdire|cancellare il mio|"
                   r"cancelar minha|opzeggen|account verwijderen")
# Words that say the thing is gone or coming back; not any "again" ("the buns again this weekend?"), "this year"
# ("ship to Canada this year?") or "encore" (a grinder's name as well as "still").
_RESTOCK = pattern(
    r"\b(?:be|come|coming|comes|get|getting) back\b|back in\b(?! (?:jan|feb|march|april|may|june|july|aug|sept|oct|nov|dec|"
    r"the day|\d))|\bback yet\b|schon wieder da|è tornat|já voltou|\bhave .{0,40} back\b|back before|restock|sold out|"
    r"\bout of stock|been out|(?:in stock|available) again|\b(?:gibt|gibts|habt|kommt|kommen)\b.{0,60}\bwieder\b|"
    r"wieder (?:geben|da|im|auf lager|erhältlich|verfügbar)|ausverkauft|\bweg\b|de retour|"
    r"rupture|réassort|(?:aurez|avez|aura|faites|ferez)[- ](?:vous )?encore|reviendra|\bvuelve|volver[aá]|agotad|"
    r"\bvolta|voltar|esgotad|tornerà|di nuovo disponibil|esaurit|"
    r"\bterug\b|uitverkocht|weer (?:op voorraad|verkrijgbaar|leverbaar|te koop)"
)
_RESERVE = pattern(
    r"avete ancora|still have|noch da|vous avez encore|todavía tenéis|ainda têm|lo vorrei ritirare|pick (?:it )?up on|"
    r"abholen am|\bsigned|edition|pre-?order|reserve|set aside|hold one|dedica|dédicace|gesign|signiert|"
    r"vorbestell|réserv|reservar|prenotar|reserveren|\bfirmad|autografad|gesigneerd"
)
_IN_STORE = pattern(
    r"\bstore\b|\bshop\b|\bin stock\b|\bsize \d+|\bin (?:size|a size)|\bladen|filiale|\bgröße \d+|magasin|boutique|"
    r"taille \d+|\btienda\b|\ben el \d+|\btalla|negozio|\btaglia|\bloja\b|tamanho|winkel|\bmaat\b"
)
_SHIPPING = pattern(
    r"\bship|deliver|post to|pick ?up|collect|liefer|versend|verschick|abhol|livr(?:ez|er|aison|ons|é)|expédi|retrait|"
    r"envío|envia|"
    r"recog|spedi|ritiro|entreg|envio|retirar|lever|bezorg|verzend|ophalen"
)
_RELEASE = pattern(r"version|\bport\b|any news|\bnews on|\bsupport\b|will there be|wird es .{0,30}geben|y aura-t-il|"
                   r"\bhabrá\b|ci sarà|vai ter|komt er|release|launch|come out|\bnews on|verrà|sortira|sortie|saldrá|"
                   r"lanzamiento|"
                   r"lançamento|erscheint|kommt .*(?:raus|heraus)|uitkomen|\bkomt\b|versão|versión|versione|versie")
_VARIANT = pattern(r"\bin (?:a |an )?(?:\w+ )?(?:frame )?size\b|(?:do|make|have) (?:you )?(?:a|an|"
                   r"any) .{0,30}(?:version|size|colou?r|option)|gibt es .{0,30}(?:version|"
                   r"variante|größe|farbe)|existe en|version (?:pour|en)|versión (?:para|en)|versione (?:per|in)|"
                   r"versão (?:para|em)|versie (?:voor|in)|\bin (?:other|more) colou?rs")
_ALSO = pattern(r"(?:gibt es|habt ihr) (?:das|den|die|es) .{0,40}auch|\bauch (?:in|mit|als)\b|\balso (?:in|with|"
                r"come in)\b|"
                r"\banche (?:in|con)\b|\btambién (?:en|con)\b|\btambém (?:em|com|no|na)\b|\baussi (?:en|avec)\b|"
                r"\book (?:in|met|als)\b|come in (?:a|other)")
_HOURS = pattern(r"\bopen\b|hours|öffnungs|geöffnet|horaire|ouvert|horario|abren|abierto|orari|aperti|horário|"
                 r"abrem|aberto|openingstijden|geopend")
_BRACKETED = re.compile(r"\([^()]*\)")
_MAKING = pattern(r"recipe|flour|bak|dough|starter|steep|brew|cook|oven|knit|yarn|rezept|mehl|teig|backen|recette|"
                  r"farine|"
                  r"pâte|levain|receta|harina|masa|ricetta|farina|impasto|lievito|receita|farinha|massa|fermento|"
                  r"recept|"
                  r"meel|deeg|zuurdesem")
_FIT = pattern(r"pode ser usad|can (?:i|you|it) be used|può essere usat|se puede usar|peut-on utiliser|"
               r"kann man .{0,20}verwenden|mag je .{0,20}gebruiken|rentre|fits? (?:in|under|on)|\bcabe\b|\bentra\b|"
               r"\bpast in\b|big enough|small enough|suitable|good for|safe for|okay for|ok for|work(?:s)? with|"
               r"compatible|"
               r"geeignet|groß genug|passt .{0,20}(?:zu|für|auf)|funktioniert .{0,20}mit|kompatibel|convient|adapté|"
               r"assez grand|compatible|sirve para|apto|apta|va bien para|compatibil|va bene|adatt|serve per|"
               r"serve para|funciona com|compatível|geschikt|groot genoeg|werkt .{0,20}met|past .{0,20}(?:bij|op)")
_CARE = pattern(r"dishwasher|spülmaschine|lave-vaisselle|lavavajillas|lavastoviglie|máquina de lavar|vaatwasser|"
                r"pressure|presión|luftdruck|pression|pressione|pressão|bandenspanning|how (?:much|often|long) should|"
                r"wie (?:viel|oft|lange) soll|combien de|cada cuánto|ogni quanto|de quanto em quanto|hoe vaak moet|"
                r"\boil|lube|grease|maintain|ölen|schmier|huiler|graisser|engrasar|lubric|ingrassar|oliën|smeren|"
                r"onderhoud|descal|clean|wash|charg(?:e|ing) (?:the|it|my)|store it|storage|entkalk|reinig|wasch|"
                r"aufladen|lagern|"
                r"détartr|nettoy|laver|lavage|recharger|ranger|descalcific|limpi|lavar|cargar|guardar|decalcific|"
                r"pulir|"
                r"lavare|ricaric|conservar|descalcifica|limpar|carregar|armazenar|ontkalk|schoonmak|wassen|opladen|"
                r"bewaren")
_FIT_SKIN = pattern(r"\bbab(?:y|ies)|bebê|bebé|bébé|\bbimb|enfants? de \d|\bkind(?:er)?\b|child|skin|\bhaut|\bpeau|"
                    r"\bpiel|\bpelle|\bpele\b|\bhuid|sensitive|allerg|empfindlich|sensible|sensibile|"
                    r"sensível|gevoelig|\bnuts?\b|gluten|lactose")
_STORE = pattern(r"\bstore\b|\bshop\b|\bladen|filiale|magasin|boutique|\btienda\b|negozio|\bloja\b|winkel")
# A size asked for: only then is there a size to set aside ("a store in Valencia?" for lipsticks has none)
_OTHER_SIZE = pattern(r"\d+ ?(?:ml|l|g|kg|oz|cl)\b|\b(?:bigger|larger|smaller|größer\w*|kleiner\w*|plus grand\w*|"
                      r"plus petit\w*|más grande|más pequeñ\w*|più grand\w*|più piccol\w*|maior|menor|groter\w*|kleiner\w*)\b")
_SIZE = pattern(r"\bsize|\bgröße|\btaille|\btalla|\btaglia|tamanho|\bmaat\b|\b(?:in|no|na|en|em|im|op) \d{2}(?:[,.]5)?\b|"
                r"\b\d{2}(?:[,.]5)? (?:feminino|masculino|femme|homme|damen|herren|donna|uomo|mujer|hombre)")
_SHIP_TO = pattern(r"ship(?:ping)? to|deliver to|verzenden naar|naar \w+ verzenden|liefern? nach|nach \w+ liefern|"
                   r"livrez (?:en|au|à)|livraison (?:en|au|à)|envíos? a|enviáis a|spedite (?:in|a)|spedizione (?:in|"
                   r"a)|"
                   r"entregam (?:em|no|na)|enviam para|envio para")
_LUGGAGE = pattern(r"cabin|carry-?on|hand luggage|handgepäck|bagage cabine|\bcabine|equipaje de mano|bagaglio a mano|"
                   r"bagagem de mão|handbagage")
# Something owned that a part must fit: only then "which model do you have?" ("sirve para principiantes" has none)
_OWNED = pattern(r"compatib|kompatib|charger|adapter|adaptador|adattatore|cargador|caricatore|carregador|oplader|"
                 r"ladegerät|chargeur|battery|batter|bateria|akku|accu|\bmodel|\bversion|versión|versione|versão|versie|"
                 r"\bbike|\bbici|fahrrad|vélo|fiets|phone|handy|téléphone|teléfono|telefono|telefone|telefoon|machine|"
                 r"maschine|máquina|macchina|grinder|mühle|moulin|molinillo|macinino|moedor|molen|console|konsole|"
                 r"camera|kamera|caméra|cámara|câmera|printer|drucker|imprimante|impresora|stampante|impressora")
_AGE = pattern(r"\d+[ -]?(?:year|yr)s?[ -]old|toddler|older kids|de \d+ ans|\d+ jahre|\d+-jährig|de \d+ años|"
               r"di \d+ anni|"
               r"de \d+ anos|van \d+ jaar|\d+-jarig")
# Hair, which has a routine and no model ("sirve para pelo rizado?")
_HAIR = pattern(r"\bhair|\bhaar\b|\bhaare|cheveux|\bpelo\b|cabello|capelli|cabelo|\bcurls?\b|\blocken|\bboucl|\brizos|"
                r"\bricci|cachos|krullen")
_ALLERGY = pattern(r"allerg|alérg|alerg")
# An allergy to a fabric or a yarn is the pattern's business, not "any other allergies we should keep in mind?"
_MATERIAL = pattern(r"\bwool|yarn|fabric|\bpattern|material|\bwolle|\bgarn|\bstoff|\blaine|\btissu|\blana\b|\bhilo|"
                    r"\btela\b|filato|tessuto|\blã\b|\bfio\b|tecido|\bwol\b|garen|\bstof\b")
# A diet asked about ("gluten free", "sans lactose"): no follow-up fits it
_DIET = pattern(r"gluten|gl[úu]ten|coeliac|celiac|zöliakie|cœliaque|coeliaque|celíac|celiach|coeliakie|lactose|laktose|"
                r"lactosa|lattosio|\bvegan|végan|vegano|veganistisch|\bhefe\b|yeast|levure|levadura|lievito|fermento|gist\b|"
                r"caffeine|koffein|caféine|cafeína|caffeina|cafeïne")
# Access for a visit ("is the show wheelchair accessible?"): which day they are coming
_ACCESS = pattern(r"wheelchair|step-free|accessible|rollstuhl|barrierefrei|fauteuil roulant|accessible aux|silla de ruedas|"
                  r"accesible|sedia a rotelle|accessibile|cadeira de rodas|acessível|rolstoel|toegankelijk")
# A first time, at something they would come to (a class, a tour): on their own or with someone
_BEGINNER = pattern(r"beginner|never (?:done|tried|been|touched)|no experience|any experience|first time|hasn'?t done|"
                    r"haven'?t done|anfänger|noch nie|keine erfahrung|débutant|jamais fait|aucune expérience|"
                    r"principiante|nunca he|sin experiencia|mai fatto|senza esperienza|iniciante|nunca fiz|sem experiência|"
                    r"beginner|nooit (?:eerder|gedaan)|geen ervaring")
# A worry or a limit told with a first time: that is what the answer is about
_WORRY = pattern(r"nervous|worried|scared|afraid|anxious|can'?t (?:touch|bend|kneel|swim|run|walk)|\binjur|bad (?:back|knee)|"
                 r"nervös|angst|sorge|kann nicht|peur|inquiet|stress|je ne peux pas|nervios|miedo|preocup|no puedo|"
                 r"paura|preoccup|non riesco|non posso|medo|receio|não consigo|não posso|zenuw|bang|zorgen|kan niet")
_OUTING = pattern(r"\bclass|\bcourse\b|workshop|\btour\b|session|lesson|weekend|\bflow\b|kurs|führung|stunde|bouldern|"
                  r"klettern|\bcours\b|atelier|visite|séance|\bclase|\bcurso|taller|\bvisita|sesión|\bcorso|lezione|"
                  r"\baula|oficina|sessão|\bles\b|cursus|rondleiding")
# Someone a thing is for, named ("pour ma filleule", "pros meus sogros"): then "who is it for?" asks what they said
_RECIPIENT = pattern(r"\b(?:for|to) (?:my|our)\b|\b(?:pour|à) (?:ma|mon|mes|notre|nos)\b|\bpara (?:mi|mis|a minha|o meu|"
                     r"minha|meu|meus|minhas)\b|\bpros? meus?\b|\b(?:ao|à) (?:meu|minha)|\b(?:per|a|al|alla) (?:mia|mio|"
                     r"miei)\b|\bfür (?:meine?n?|unsere?n?)\b|\b(?:voor|aan) (?:mijn|onze)\b")
# A question about something to give ("want to gift one to my mum", "es para regalar", "queria oferecer")
_GIFT_ASKED = pattern(r"\bgift|as a present|present for|regal|offrir|cadeau|geschenk|verschenk|schenken|oferecer|"
                      r"de presente|\bkado")
# A wide fit asked for ("comes back in a wide fit?"): a variant, not a restock
_WIDE_FIT = pattern(r"wide (?:fit|width|version)|\bin (?:a )?wide\b|weite[nr]? passform|breite[nr]? (?:passform|ausführung)|"
                    r"pied large|version large|horma ancha|calzata larga|pianta larga|forma larga|pé largo|"
                    r"brede (?:pasvorm|leest)")
# A severe allergy, or traces asked about: the answer is the point
_SEVERE = pattern(r"severe|anaphyla|epipen|cross-?contam|same (?:lines?|equipment|surfaces?)|\btraces?\b|schwer|"
                  r"anaphylax|spuren|sévère|grave|trazas|tracce|vestígios|ernstig|sporen|stesse linee|misma línea")
# What it is for, told ("per la moka", "planning a cardigan for my son"): "what will you mainly use it for?" asks it
_USE_TOLD = pattern(r"\b(?:for|per|pour|para|für|voor) (?:the |my |a |la |il |ma |mi |mia |meine?n? |mijn |een |une? |"
                    r"uma? |o |a )?(?:moka|espresso|filter|french press|aeropress|v60|cafeti[eè]re|cafetera|siebträger|"
                    r"cardigan|sweater|jumper|pull|jersey|maglione|camisola|trui|pullover|socks|chaussettes|calcetines|"
                    r"calzini|meias|sokken|socken)\b|planning an? \w+ for")

_AVAILABILITY_CASES = (
    ("availability_reserve", _RESERVE), ("availability_restock", _RESTOCK), ("availability_hours", _HOURS),
    ("availability_shipping", _SHIPPING),
    ("availability_variant", _VARIANT),
    ("availability_variant", _ALSO), ("availability_release", _RELEASE),
)
# A word of the case is not enough where its question presumes more: "Have you made it before?" fits "how do I keep
# the dough from sticking?", not "any gluten-free food at the café?"; "What else should we cover?" fits a request for
# content, not "do I need a course first?" (which gets none).
_QUESTION_CASES = (
    ("question_choosing", _CHOOSING), ("question_symptom", _SYMPTOM), ("question_care", _CARE),
)


def question_case(comment: CommentText, reading: Reading, situation: str) -> str:
    """The case of a comment read as a question or as a question about availability."""
    text = comment.plain
    if THANKS.match(text.lstrip()) and "?" not in _BRACKETED.sub(" ", text):
        return "question"  # "Merci à la libraire (Camille je crois ?) qui m'a conseillé...": thanks, asking nothing
    asked = _question(text, situation)
    if asked == "availability_release" and _DIET.search(text):
        return "question"  # "instructions for a gluten free version?" asks about a diet, not a release
    if asked == "question_choosing" and _USE_TOLD.search(text):
        return "question_use_told"  # "per la moka", "a cardigan for my son": no "what will you mainly use it for?"
    if asked == "question" and reading.praise and not THANKS.search(text):
        return "praise_content" if CONTENT.search(text) else "praise"  # "Who drew these? They're lovely."
    return asked


def asked_in_a_complaint(text: str) -> str | None:
    """The case of a short complaint put as a question: how to do something, whether it is a fault ("is this
    normal?"), or when a release comes; none when it asks none of these."""
    if _HOWTO.search(text) or _ASKS_IF_FAULT.search(text):
        return _question(text, "question")
    if _RELEASE.search(text):
        return "availability_release"
    return None


def _question(text: str, situation: str) -> str:
    if _LEAVING.search(text):
        return "question_leaving"
    if situation != "availability" and _FIT.search(text) and not _CARE.search(text):
        return _fit(text)
    if DISCONTINUED.search(text):
        return "feedback_discontinued"  # "warum gibt es die Familienpackung nicht mehr?"
    if _CARE.search(text):
        return "question_care"
    if situation == "availability" or any(p.search(text) for p in (_RESERVE, _RELEASE, _RESTOCK, _ALSO, _SHIP_TO, _WIDE_FIT)) or (
            _STORE.search(text) and _IN_STORE.search(text)):
        held = first(text, (("availability_reserve", _RESERVE), ("availability_wide", _WIDE_FIT),
                            ("availability_restock", _RESTOCK)))
        if not held and _OTHER_SIZE.search(text):
            return "availability_variant"  # "auch in der 100ml Größe?": no "if your size is out of stock"
        if not held and _SIZE.search(text):
            return "availability_store" if _STORE.search(text) else "availability_size"
        return held or first(text, _AVAILABILITY_CASES) or "availability"
    if _HOWTO.search(text) and SOFTWARE.search(text) and not _CHOOSING.search(text) and not _FIT.search(text):
        return "question_howto_app"
    if _HOWTO.search(text) and _MAKING.search(text):
        return "question_making"
    if _ACCESS.search(text):
        return "question_visit"  # "the website doesn't say" is no symptom
    return first(text, _QUESTION_CASES) or ("question_care" if _HOWTO.search(text) else "question")


def _fit(text: str) -> str:
    """Whether it fits: a trip (luggage), hair, an allergy, skin, a device (which model), or anything else (what it
    is for). "Which model do you have?" only where a model is owned: not for curly hair."""
    if SOFTWARE.search(text):
        return "question_choosing"  # "does the app work with joint accounts?": what for, not which model
    fit = first(text, (("question_fit_trip", _LUGGAGE), ("question_fit_hair", _HAIR), ("question_allergy", _ALLERGY),
                       ("question_fit_skin", _FIT_SKIN), ("question_fit_age", _AGE),
                       ("question_fit", _OWNED)))
    return fit or ("question_choosing" if _CHOOSING.search(text) else "question")  # "ok for beginners?": none


def follow_up(comment: CommentText, reading: Reading) -> str | None:
    """For a question whose case has no question that fits, the class of who or what it is asked for: an allergy,
    hair, a visit that needs access, a first time at a class or a tour (unless they tell a worry), a gift. None for a
    diet (its follow-up was marked bad blind), and when it is none of these: the team writes its own."""
    text = comment.plain
    if _ALLERGY.search(text) and not _MATERIAL.search(text):
        # a severe one ("made on the same lines?"): "any other allergies?" sidesteps it
        return None if _SEVERE.search(text) else "question_allergy"
    if _HAIR.search(text):
        return "question_fit_hair"
    if _DIET.search(text):
        return None  # "for you, or someone in your family?" was marked nosy
    if _ACCESS.search(text):
        return "question_visit"
    if _BEGINNER.search(text) and _OUTING.search(text):
        # a worry told ("nervous about waves", "can't touch my toes"): "on your own, or with someone?" is beside it
        return None if _WORRY.search(text) else "question_beginner"
    if _GIFT_ASKED.search(text) and (reading.person or not _RECIPIENT.search(text)):
        return "question_gift"  # what the person likes, or whom it is for: never for someone named we cannot name back
    return None
