"""The case of a complaint: a parcel that has not come, is late or came damaged, a wrong or missing item, a charge or
a refund awaited, an app that fails or gets in the way, a fault in a product (again), a bad episode, a cancelled
trip, a person who was rude, a reaction; or one that tells all there is (praise, then a "but" and what is wrong)."""

from __future__ import annotations

import re

from bot.engine.comment_text import CommentText
from bot.engine.situation import SPOILED, Reading
from bot.suggest.cases.words import BUT, CONTENT, DISAGREE, OLD_DESCRIBED, SOFTWARE, WAS_BEFORE, first, pattern

_DAMAGED = pattern(
    r"fendu|fissur|agrietad|crepat|scheggiat|rachad|gebarsten|squash|crispy|hechas? polvo|zerdrückt|écrasé|aplastad|schiacciat|amassad|geplet|ingedeukt|soaked|ruined|\bwet\b|\btorn\b|ripped|durchnässt|zerrissen|trempé|déchiré|mojad|rasgad|bagnat|strappat|molhad|"
    r"missing (?:a|the|lid|part|piece)|with a missing|fehlte|manquait|faltaba|mancava|faltava|ontbrak|"
    r"gescheurd|doorweekt|broken|smashed|cracked|dented|crushed|leak|spill|\bopen(?:ed)? (?:bag|box|seal)|"
    r"bag (?:was )?open|"
    r"kaputt|beschädigt|zerbrochen|ausgelaufen|cassé|abîmé|endommagé|renversé|\broto\b|\brota\b|dañad|derramad|"
    r"abierta|rott[oa]|danneggiat|rovesciat|apert[oa]|quebrad|danificad|derramou|kapot|beschadigd|gelekt"
)
_WRONG_ITEM = pattern(
    r"ordered (?:a|an) \w+,? (?:and )?got|\w+ bestellt,? \w+ geliefert|bestellt,? (?:und )?\w+ bekommen|"
    r"pedí una? (?:talla )?\w+ y me llegó|"
    r"commandé .{0,20}reçu|ordinato .{0,20}arrivat|pedi .{0,20}(?:chegou|veio)|besteld,? \w+ gekregen|"
    r"wrong (?:item|size|colou?r|one|order)|instead of (?!\w+day)|\by pedí|pero pedí|but i ordered|ma avevo ordinato|"
    r"mas eu pedi|alors que j'ai commandé|different dye lots?|(?:noticeably|visibly) (?:lighter|darker)|"
    r"numeri diversi|(?:taglie|colori) divers|(?:tailles|couleurs|pointures) différentes|(?:tallas|colores|números) distint|"
    r"(?:tamanhos|cores|números) diferentes|unterschiedliche (?:größen|farben|chargen)|verschillende (?:maten|kleuren)|sent me (?:a|the)|\bgeliefert\b|statt|falsche|au lieu|"
    r"mauvaise taille|en vez de|en lugar de|equivocad|invece di|sbagliat|em vez de|errad|verkeerde|in plaats van"
)
# "Twice" is a charge only beside one ("doppelt abgebucht"): "it now crashes twice as fast" is an app fault
_BILLING = pattern(r"charged|double charge|twice on my|refund|invoice|subscription fee|abgebucht|rechnung|"
                   r"débité|facture|\bcobr|addebit|afgeschreven|factuur|taxa|\bfee\b|"
                   r"(?:doppelt|dos veces|due volte|duas vezes|dubbel) (?:\w+ )?(?:bezahlt|gezahlt|pagad|pagat|pago|"
                   r"betaald)")
_TICKET = pattern(r"ticket|case number|support request|\bchamado|\bcaso\b|dossier|anfrage|reclamaci|segnalazion|"
                  r"melding")
_TRAVEL = pattern(r"flight|\bgate\b|airport|luggage|suitcase|\bflug|gepäck|koffer|\bvol\b|valise|bagage|aéroport|"
                  r"vuelo|maleta|equipaje|volo|valigia|bagaglio|\bvoo\b|mala\b|bagagem|vlucht|bagage")
_AUDIO = pattern(r"sound|audio|volume|levels|\bson\b|\bton\b|sonido|suono|\bsom\b|geluid|too quiet|too loud|"
                 r"leise|crackl|\becho|\bmic\b|saute|skipping|springt|salta|hapert")
_FOOD = pattern(r"\bcake|bread|pastr|tasted|\bstale|undercooked|\braw\b|\bname was|spelled|kuchen|brot|torte|"
                r"gâteau|\bpain\b|pastel|tarta|\bpan\b|torta|\bcrud|\bpão\b|pastéis|taart|\bbrood")
_SERVICE = pattern(r"sold (?:it |them )?to someone else|an jemand anderen verkauft|vendu à quelqu'un d'autre|"
                   r"vendid[oa] a otra persona|vendut[oa] a qualcun altro|vendid[oa] para outra pessoa|"
                   r"aan iemand anders verkocht|nobody knew|niemand wusste|personne n'était au courant|nadie sabía|nessuno sapeva|ninguém sabia|"
                   r"niemand wist|rude|staff|unfriendly|hung up|hangs up|cancel+ed (?:my|the) (?:class|booking|appointment)|"
                   r"unfreundlich|personal|grossier|raccroch|annulé|grosero|maleducad|cancelan|me cancelaron|"
                   r"scortes|cancellat|grosseir|cancelaram|onbeleefd|onvriendelijk|geannuleerd")
_LETDOWN = pattern(r"not impressed|disappoint|let ?down|underwhelm|enttäusch|déçu|décevant|decepcion|delus|"
                   r"desilud|decepcion|teleurgesteld|mah\.|\bmeh\b")
_FAULT = pattern(r"wobbl|wackel|bancal|traballa|bambo|wiebel|peel|décoll|despeg|si stacca|descasc|laat los|löst sich|"
                 r"strohig|scheef|schief|piept|quietscht|grince|cigola|chirr|(?:dropped|dropping|lost|losing) .{0,12}leaves|"
                 r"yellow(?:ing)? lea|one of them yellow|gelbe blätter|feuilles jaunes|hojas amarillas|foglie gialle|"
                 r"folhas amarelas|gele bladeren|cornée|rasg|ripped|\btorn\b|déchir|strapp|gescheurd|gerissen|rompi|broke|snapped|squeal|stopped|tunnel|"
                 r"shrank|shrunk|way off|faded|peel|came off|fell apart|falling apart|"
                 r"barely|descol|sola|eingelaufen|"
                 r"rétréci|encogi|ristrett|taglia in meno|encolheu|gekrompen|defekt|défectueu|defectuos|difettos|"
                 r"defeito|"
                 r"kapot gegaan|geht nicht mehr|ne marche plus|ya no funciona|non funziona più|parou de funcionar|"
                 r"werkt niet meer|\bzip\b|\bsole\b|brakes|chain")
ARRIVAL = pattern(r"arriv|deliver|came|parcel|package|\bbox\b|order|received|opened|chegou|chegar|llegó|llegar|recib|"
                  r"livr|reçu|angekommen|geliefert|paket|bestell|aangekomen|bezorgd|geleverd|pacco|paquete|pacote|"
                  r"encomenda|pedido|commande|ordine|colis|pakket|consegn|entreg")
_ARRIVED_LATE = pattern(r"(?:arrived|came|turned up|showed up) .{0,40}(?:late|weeks?|days?)|late delivery|"
                        r"est arrivée? avec|"
                        r"kam .{0,30}(?:zu spät|verspätet|wochen|tage)|llegó .{0,30}(?:tarde|retraso)|"
                        r"arrivat\w* .{0,30}"
                        r"(?:ritardo|tardi)|chegou .{0,30}(?:atraso|atrasad)|te laat (?:aangekomen|bezorgd)")
_SIZING = pattern(r"sizing|size chart|runs? (?:\w+ )?(?:\w+ )?(?:small|large|big)|größentabelle|fällt .{0,20}(?:klein|"
                  r"groß) aus|"
                  r"guide des tailles|taille (?:petit|grand)|guía de tallas|talla (?:pequeñ|grande)|"
                  r"tabella (?:delle )?taglie|"
                  r"veste (?:pequen|grand)|tabela de medidas|maattabel|valt .{0,20}(?:klein|groot)")
_AWAITED_REMEDY = pattern(r"nada na (?:minha )?conta|nothing in my (?:bank|account)|not (?:back )?in my (?:bank|account)|"
                          r"nichts auf (?:dem|meinem) konto|rien sur mon compte|nada en (?:la|mi) cuenta|"
                          r"niente sul (?:mio )?conto|niets op mijn rekening|"
                          r"(?:see|ver|voir|vedere|sehen|zien) (?:that|my|esse|meu|ese|mi|cet|mon|quei|miei|das|mein|dat|mijn) "
                          r"(?:money|dinheiro|dinero|argent|soldi|geld)|devuelvan el dinero|money back|geld zurück|rembourser|rimborsare|devolvam o dinheiro|"
                          r"geld terug|"
                          r"(?:still|waiting|no) .{0,30}(?:refund|replacement)|(?:refund|replacement) .{0,30}(?:still|"
                          r"yet|after)|"
                          r"(?:warte|immer noch|noch keine?) .{0,30}(?:erstattung|ersatz)|(?:toujours|attends?|"
                          r"pas de) .{0,30}"
                          r"(?:rembourse|remplacement)|(?:sigo|esperando|todavía|aún) .{0,30}(?:reembolso|reemplazo|"
                          r"cambio)|"
                          r"(?:ancora|aspetto|aspettando) .{0,30}(?:rimborso|sostituzione)|(?:ainda|esperando|"
                          r"aguardando) "
                          r".{0,30}(?:reembolso|estorno|troca)|(?:nog steeds|wacht|wachten) .{0,30}(?:terugbetaling|"
                          r"vervanging)")
_SAYS_DELIVERED = pattern(r"says delivered|shows (?:as )?delivered|marked (?:as )?delivered|als zugestellt|zugestellt "
                          r"angezeigt|marqu[ée]e? (?:comme )?livr[ée]e?|marcado como entregado|risulta consegnat|"
                          r"consta como entregue|aparece como entregue|staat (?:op|als) bezorgd")
_COURIER = pattern(r"left (?:it |the parcel |my parcel )?(?:in the rain|outside|on the doorstep)|thrown over|"
                   r"sotto la pioggia|sous la pluie|bajo la lluvia|im regen|vor die tür|debaixo de chuva|na chuva|"
                   r"in de regen|over het hek|courier|kurier|livreur|mensajero|repartidor|corriere|entregador|bezorger")
_IGNORED = pattern(r"no (?:answer|reply|response)|nobody(?! knew)|(?:picking|picks|picked) up the phone|nobody picks up|"
                   r"no one(?:'s| is) picking up|niemand (?:geht|ging) ran|niemand nimmt ab|personne ne décroche|"
                   r"nadie (?:coge|cogió) el teléfono|nessuno risponde al telefono|ninguém atende|niemand neemt op|no one (?:has )?(?:answered|replied|got back)|zero replies|"
                   r"(?:third|fourth|fifth|\d+(?:st|nd|rd|th)) (?:comment|email|message|time asking)|keine antwort|"
                   r"niemand (?:antwortet|meldet)|personne ne (?:répond|m'a répondu)|aucune réponse|nadie (?:contesta|"
                   r"responde)|"
                   r"nessuno (?:risponde|mi ha risposto)|ninguém (?:responde|respondeu)|niemand reageert|geen reactie")
_MISSING = pattern(r"il (?:en )?manque|te missen|(?:missen|ontbreken) er|me (?:han|ha) llegado (?:solo )?(?:\d|dos|tres|una?\b)|"
                   r"ne mancano|(?:vieram|chegaram) só|só (?:vieram|chegaram)|only (?:\d+|one|two|three) (?:of them )?"
                   r"(?:arrived|came)|nur (?:\d+|zwei|drei|eine?) (?:von|statt)|came without|arrived without|without the|was missing|were missing|is missing|faltou|veio sem|"
                   r"chegou sem|"
                   r"faltaba|faltaban|llegó sin|mancava|mancavano|arrivato senza|manquait|manquaient|arrivé sans|"
                   r"fehlte|"
                   r"fehlten|ohne (?:die|den|das) .{0,20}(?:geliefert|gekommen)|ontbrak|ontbraken|zonder de")
_IN_THE_WAY = pattern(r"(?:have to|need to|hay que|tienes que|muss man|musst du|il faut|bisogna|devi|tem que|moet je) (?:\w+ ){0,3}?(?:tap|click|press|tocar|pulsar|tippen|klicken|cliquer|appuyer|toccare|cliccare|premere|clicar|apertar|tikken|klikken)|"
                      r"\b\d+ (?:taps|clicks|buttons|botones|klicks|clics|cliques|botões|knoppen|pulsanti|boutons|tasten|toques)\b|makes you|forces you|forced to|have to (?:create|sign|log|register)|no way to|can'?t even|"
                      r"muss man|zwingt|oblige à|obligé de|te obliga|obliga a|ti costringe|obriga a|je moet eerst|"
                      r"verplicht")
_NOT_AS_PICTURED = pattern(r"than (?:in )?the (?:photos?|pictures?)|als auf dem (?:foto|bild)|que sur la photo|"
                           r"que en la foto|che in foto|rispetto alla foto|do que na foto|dan op de foto|"
                           r"nothing like the (?:photo|picture)|not as (?:pictured|described)|n'a rien à voir|"
                           r"pas comme sur la photo|"
                           r"nada que ver|no se parece|niente a che vedere|divers\w* dalla foto|nada a ver|"
                           r"diferente da foto|"
                           r"lijkt niet op|heel anders dan|sieht ganz anders aus|nicht wie auf dem foto")
# A reaction to the product (a rash, an allergy): how they feel now, before anything else
_REACTION = pattern(r"allerg|\brash\b|broke me out|ausschlag|juckt|réaction|irrit|sarpullido|reaz|prurito|alergia|reação|"
                    r"coceira|uitslag|jeuk")
# Arrived, but on another day than promised ("showed up on Friday instead of Wednesday"): late, not the wrong item
_LATE_DAY = pattern(r"(?:showed up|arrived|came|turned up|delivered) on \w+day instead of|kam (?:erst )?am \w+tag statt|"
                    r"arrivée? (?:le )?\w+di au lieu|llegó el \w+ en (?:vez|lugar) del|arrivat[oa] (?:di )?\w+dì invece|"
                    r"chegou n[ao] \w+ em vez|kwam (?:pas )?op \w+dag in plaats van")
# Equipment out of service ("it's 'out of order' again when I come in"): no order to chase, nothing to photograph
_OUT_OF_ORDER = pattern(r"out of order|außer betrieb|hors service|en panne|fuera de servicio|fuori servizio|"
                        r"fora de serviço|buiten gebruik|\bdefect\b")
# A checkout that fails: nothing has been ordered, so no parcel to chase
_CHECKOUT = pattern(r"checkout|check-out|kasse|caisse|paiement|pago|pagamento|afrekenen|betalen")
_ERROR = pattern(r"\berror|fehler|erreur|errore|\berro\b|foutmelding|\bfout\b")
# The replacement faulty too: the second one
_AGAIN_FAULTY = pattern(r"two now|second one|the replacement|same (?:problem|fault|issue)|\bersatz|\bzweite[sn]?\b|"
                        r"remplaçant|deuxième|reemplazo|\b(?:el|la|o|a) segund[oa]\b|sostitut|\b(?:il|la) second[oa]\b|"
                        r"substitu|vervang|"
                        r"\btweede\b")
# Praise before the "but" of mixed feedback ("Love the place but the music was way too loud")
_PRAISE_WORDS = pattern(r"\blov|great|lovely|amazing|beautiful|brilliant|fantastic|perfe|genial|super|toll|\btop\b|hammer|"
                        r"klasse|leuk|mooi|geweldig|génial|magnifique|clair|\bbell|ottim|ótim|lind|ador|amei|encant")
# What a free plan allows, cut back ("the 'free' version now lets me do one lesson a day before the paywall")
_FREE_LIMIT = pattern(r"paywall|free (?:version|plan|tier)|gratisversion|kostenlose version|version gratuite|"
                      r"versión gratuita|plan gratuito|versione gratuita|piano gratuito|versão gratuita|plano gratuito|"
                      r"gratis versie|gratis abonnement")

# Checked in this order: the first whose pattern matches is the case.
_PROBLEM_CASES = (
    ("problem_travel", _TRAVEL), ("problem_wrong_day", _LATE_DAY), ("problem_limit", _FREE_LIMIT), ("problem_wrong_item", _WRONG_ITEM), ("problem_missing", _MISSING),
    ("problem_not_as_pictured", _NOT_AS_PICTURED), ("problem_not_received", _SAYS_DELIVERED),
    ("problem_courier", _COURIER), ("problem_refund", _AWAITED_REMEDY), ("problem_billing", _BILLING),
    ("problem_service", _SERVICE),
)


def problem_case(comment: CommentText, reading: Reading) -> str:
    """The case of a comment read as a problem: its complaint's, or "problem_told" for mixed feedback that has none
    finer."""
    key = _problem(comment.plain, reading)
    return "problem_told" if key == "problem" and _praised_first(comment) else key


def complaint(comment: CommentText, reading: Reading) -> str:
    """The case of a comment read as a problem, as a complaint: for one whose own case (a question, a stock
    question) has no question that fits it, so that every complaint gets an empathetic one."""
    return _problem(comment.plain, reading)


def _problem(text: str, reading: Reading) -> str:
    if _OUT_OF_ORDER.search(text):
        return "problem_told"
    if _CHECKOUT.search(text) and _ERROR.search(text) and not ARRIVAL.search(text):
        return "problem_checkout"  # "siempre me salta error en el checkout": no order yet, nothing to chase
    if reading.problem == "smaller":
        return "problem_smaller"  # less for the same money
    if _REACTION.search(text):
        return "problem_reaction"
    if reading.problem == "ignored" or _IGNORED.search(text) or (_TICKET.search(text) and _BILLING.search(text)):
        return "problem_ignored"
    if reading.problem in ("damaged", "delivery", "general") and SPOILED.search(text) and ARRIVAL.search(text):
        return "problem_spoiled"  # "showed up at 8:25 stone cold": not a parcel to chase
    if reading.problem in ("damaged", "delivery", "general") and _DAMAGED.search(text) and ARRIVAL.search(text) \
            and not (_TRAVEL.search(text) or _WRONG_ITEM.search(text) or _SAYS_DELIVERED.search(text)
                     or _COURIER.search(text)):
        return "problem_fault_again" if _AGAIN_FAULTY.search(text) else "problem_damaged"
    by_words = first(text, _PROBLEM_CASES)
    if by_words:
        return by_words
    if reading.problem in ("billing", "price", "service"):
        return f"problem_{reading.problem}"
    if _SIZING.search(text):
        return "problem_sizing"
    if reading.problem == "delivery" and not ("tracking" in reading.given or _ARRIVED_LATE.search(text)):
        if _FAULT.search(text):
            return _fault(text, "problem_fault")  # it came, with a fault ("arrived ... the same wobbly handle")
    if reading.problem == "delivery" or ("tracking" in reading.given and ARRIVAL.search(text)):
        return "problem_late" if _ARRIVED_LATE.search(text) else "problem_delivery"  # tracking: a parcel, not an app
    if DISAGREE.search(text):
        return "feedback" if OLD_DESCRIBED.search(text) else (
            "problem_changed" if WAS_BEFORE.search(text) else "feedback_opinion")
    if _IN_THE_WAY.search(text):
        return "problem_ux"
    if _LETDOWN.search(text) and len(text.split()) < 12:
        return "problem_letdown"
    if CONTENT.search(text) and _AUDIO.search(text):
        return "problem_content"  # its question asks which app they listened in: not for a video's advice
    if reading.problem == "app" or SOFTWARE.search(text):
        return "problem_app"
    return _fault(text, first(text, (("problem_food", _FOOD), ("problem_fault", _FAULT))) or "problem")


def _fault(text: str, key: str) -> str:
    """A fault in a replacement too ("the same wobbly handle lol. That's two now"): not "that shouldn't happen"."""
    return "problem_fault_again" if key == "problem_fault" and _AGAIN_FAULTY.search(text) else key


def _praised_first(comment: CommentText) -> bool:
    """Mixed feedback: praise, then a "but" and what is wrong."""
    but = re.search(BUT.get(comment.language.code, BUT["en"]), comment.plain, re.I)
    return bool(but and _PRAISE_WORDS.search(comment.plain[:but.start()]))
