"""The case a comment is within its situation, which picks the question bank: a question can be how to do something
in an app, a symptom of a fault, advice on use, a choice, or leaving; a problem can be a parcel that has not come,
a damaged or wrong item, a charge, an app that fails, a fault in a product, a bad episode, a cancelled trip, a
person who was rude; a result can be a race or a lift, something made, or progress over weeks; a thank-you can be
for a fix, after a loss, to a person on the team, or for a piece of content.

The patterns cover the seven languages of the banks at once (lowercased text): the words that mark these cases are
close enough, or different enough, to share one pattern per case without false matches across languages.
"""

from __future__ import annotations

import re

from bot.engine.comment_text import CommentText
from bot.engine.situation import PEOPLE, SPOILED, Reading
from bot.suggest.banks import bank


def _pattern(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts), re.I)


GRIEF = _pattern(
    r"\bgrief|\blost my (?:dad|mum|mom|mother|father|husband|wife|son|daughter|brother|sister|grand\w+|best friend|dog|"
    r"cat)|"
    r"passed away|\b(?:she|he|mum|mom|dad|mother|father) passed\b|\bdied\b|funeral|\btrauer|verstorben|gestorben|beerdigung|\bdeuil\b|décéd|disparu|\bperdu (?:mon|ma)|"
    r"\bduelo\b|falleci|\bperdí a|\blutto\b|scompars|\bho perso (?:mio|mia)|\bluto\b|faleceu|\bperdi (?:meu|minha)|"
    r"\brouw\b|overleden|verloren (?:mijn)|"
    # no longer with us, said of a person (not of a product: "non c'è più" alone is also "discontinued")
    r"no longer with us|non c'è più da|ci ha lasciat|ya no está con nosotros|nos dejó|n'est plus parmi nous|nous a quitté|"
    r"não está mais entre nós|nos deixou|nicht mehr bei uns|uns verlassen|is er niet meer sinds|ons ontvallen"
)
_CARRIED_ON = _pattern(r"\bstarted\b|\bbegan\b|\bfinished\b|\bfirst (?!time)\w+|angefangen|begonnen|fertig|commencé|"
                       r"terminé|\bfini\b|empez|comenz|terminad|acabad|iniziat|cominciat|\bfinit[oa]\b|\bprimo\b|"
                       r"\bprima (?!volta)\w+|começ|terminei|acabei|afgemaakt|\bbegonnen\b")
# Late, lost or ill: no question about the person is safe, however kindly meant ("What does your wife enjoy most?")
_LOSS = _pattern(
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
_HOWTO = _pattern(
    r"\bhow (?:do|can|should) (?:i|we|you)\b|\bhow to\b|is there a way|\bwhere (?:do|can) i (?:find|change|turn|set)|"
    r"\bwie (?:kann|mache|stelle|ändere|entkalke|finde|aktiviere|lösche|exportiere|übertrage|reinige) ich|"
    r"\bkann man\b|\bcomment (?:je|on|faire|activer|changer)|\bcomment\b.*\?|est-ce qu'on peut|\bcómo (?:activo|hago|"
    r"puedo|se|cambio)|"
    r"\bcomo (?:activo|faço|eu|se|mudo|transfiro)|\bse puede\b|\bcome (?:faccio|si|posso)|\bsi può\b|"
    r"\bdá pra\b|\bhoe (?:kan|moet|zet|doe|krijg) ik|\bkan ik\b"
)
_SOFTWARE = _pattern(
    r"won'?t (?:pair|connect)|koppel|verbind|jumel|conect|colleg|emparelh|\bapp\b|\bappli|aplicaci|applicazion|"
    r"aplicativo|setting|einstellung|paramètre|\bajustes\b|impostazion|"
    r"configura|instelling|\bmenu|\bexport|account|\bkonto\b|\bcompte\b|\bcuenta\b|\bconta\b|log ?in|\bsync|"
    r"notification|dark mode|widget|bizum|\bpix\b|transfer|überweis|\blimit|progress|markdown|\bpc\b|celular|"
    r"android|iphone|\bweb(?:site)?\b|\bsite\b|\bspiel\b|\bgame\b|\bjeu\b|\bjuego\b|\bgioco\b|\bjogo\b"
)
_SYMPTOM = _pattern(
    r"\b(?:it|mine|that|this|which|and) keeps\b|keeps (?:skipping|crashing|freezing|dropping|disconnecting|leaking|"
    r"beeping|turning|switching|restarting|logging|jumping|slipping|stopping)|is (?:this|that|it) normal|\bnormal\b|c'est normal|ist das normal|es normal|è normale|é normal|"
    r"is dat normaal|\bsmells?\b|riecht|\bsent (?:le|bizarre|mauvais)|huele|puzza|cheira|ruikt|skipping|"
    r"laisse des|\bdeja (?:marcas|manchas)|lascia|deixa (?:marcas|manchas)|is it dead|\bdead\b|"
    r"won'?t|doesn'?t|not working|stopped|no me sale|ne marche|funktioniert nicht|non funziona|não funciona|"
    r"werkt niet|ya no (?:me )?(?:sale|aparece)|antes lo ten[ií]a"
)
_ASKS_IF_FAULT = _pattern(
    r"is (?:this|that|it) (?:normal|dead|ok|okay|safe)|c'est normal|ist (?:das|er|sie|es) (?:normal|kaputt)|"
    r"es normal|è normale|é normal|is dat normaal|is (?:hij|het) (?:dood|kapot)"
)
_ASKS_HOW = _pattern(r"^(?:how|should i|can i|do i|is it|what|which|when|where|wie|soll ich|comment|dois-je|faut-il|"
                     r"cómo|debo|come|devo|como|hoe|moet ik)\b")
_REQUEST = _pattern(r"would be (?:great|nice|amazing) (?:to|if)|seria (?:ótimo|bom|incrível) ter|wäre (?:toll|super|schön|gut),? wenn|"
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
_CHOOSING = _pattern(
    r"recommend|which (?:one|size|model|should)|difference between|\bworth it\b|better for|"
    r"empfehl|unterschied|welche\w* (?:soll|ist besser)|lohnt|conseill|différence|lequel|laquelle|"
    r"recomiend|diferencia|cuál (?:me|es mejor)|consigli|differenza|quale (?:mi|è meglio)|recomend|diferença|"
    r"qual (?:é melhor|devo)|aanraden|verschil|welke (?:moet|is beter)"
)
_LEAVING = _pattern(r"cancel my|close my account|delete my account|unsubscribe|kündig|abmelden|konto löschen|"
                    r"résilier|supprimer mon compte|darme de baja|cancelar mi|disdire|cancellare il mio|"
                    r"cancelar minha|opzeggen|account verwijderen")
# Words that say the thing is gone or coming back; not any "again" ("the buns again this weekend?"), "this year"
# ("ship to Canada this year?") or "encore" (a grinder's name as well as "still").
_RESTOCK = _pattern(
    r"\b(?:be|come|coming|comes|get|getting) back\b|back in\b(?! (?:jan|feb|march|april|may|june|july|aug|sept|oct|nov|dec|"
    r"the day|\d))|\bback yet\b|schon wieder da|è tornat|já voltou|\bhave .{0,40} back\b|back before|restock|sold out|"
    r"\bout of stock|been out|(?:in stock|available) again|\b(?:gibt|gibts|habt|kommt|kommen)\b.{0,60}\bwieder\b|"
    r"wieder (?:geben|da|im|auf lager|erhältlich|verfügbar)|ausverkauft|\bweg\b|de retour|"
    r"rupture|réassort|(?:aurez|avez|aura|faites|ferez)[- ](?:vous )?encore|reviendra|\bvuelve|volver[aá]|agotad|"
    r"\bvolta|voltar|esgotad|tornerà|di nuovo disponibil|esaurit|"
    r"\bterug\b|uitverkocht|weer (?:op voorraad|verkrijgbaar|leverbaar|te koop)"
)
_RESERVE = _pattern(
    r"avete ancora|still have|noch da|vous avez encore|todavía tenéis|ainda têm|lo vorrei ritirare|pick (?:it )?up on|"
    r"abholen am|\bsigned|edition|pre-?order|reserve|set aside|hold one|dedica|dédicace|gesign|signiert|"
    r"vorbestell|réserv|reservar|prenotar|reserveren|\bfirmad|autografad|gesigneerd"
)
_IN_STORE = _pattern(
    r"\bstore\b|\bshop\b|\bin stock\b|\bsize \d+|\bin (?:size|a size)|\bladen|filiale|\bgröße \d+|magasin|boutique|"
    r"taille \d+|\btienda\b|\ben el \d+|\btalla|negozio|\btaglia|\bloja\b|tamanho|winkel|\bmaat\b"
)
_SHIPPING = _pattern(
    r"\bship|deliver|post to|pick ?up|collect|liefer|versend|verschick|abhol|livr(?:ez|er|aison|ons|é)|expédi|retrait|"
    r"envío|envia|"
    r"recog|spedi|ritiro|entreg|envio|retirar|lever|bezorg|verzend|ophalen"
)
_RELEASE = _pattern(r"version|\bport\b|any news|\bnews on|\bsupport\b|will there be|wird es .{0,30}geben|y aura-t-il|"
                    r"\bhabrá\b|ci sarà|vai ter|komt er|release|launch|come out|\bnews on|verrà|sortira|sortie|saldrá|"
                    r"lanzamiento|"
                    r"lançamento|erscheint|kommt .*(?:raus|heraus)|uitkomen|\bkomt\b|versão|versión|versione|versie")
_VARIANT = _pattern(r"\bin (?:a |an )?(?:\w+ )?(?:frame )?size\b|(?:do|make|have) (?:you )?(?:a|an|"
                    r"any) .{0,30}(?:version|size|colou?r|option)|gibt es .{0,30}(?:version|"
                    r"variante|größe|farbe)|existe en|version (?:pour|en)|versión (?:para|en)|versione (?:per|in)|"
                    r"versão (?:para|em)|versie (?:voor|in)|\bin (?:other|more) colou?rs")
_ALSO = _pattern(r"(?:gibt es|habt ihr) (?:das|den|die|es) .{0,40}auch|\bauch (?:in|mit|als)\b|\balso (?:in|with|"
                 r"come in)\b|"
                 r"\banche (?:in|con)\b|\btambién (?:en|con)\b|\btambém (?:em|com|no|na)\b|\baussi (?:en|avec)\b|"
                 r"\book (?:in|met|als)\b|come in (?:a|other)")
_HOURS = _pattern(r"\bopen\b|hours|öffnungs|geöffnet|horaire|ouvert|horario|abren|abierto|orari|aperti|horário|"
                  r"abrem|aberto|openingstijden|geopend")

_DAMAGED = _pattern(
    r"fendu|fissur|agrietad|crepat|scheggiat|rachad|gebarsten|squash|crispy|hechas? polvo|zerdrückt|écrasé|aplastad|schiacciat|amassad|geplet|ingedeukt|soaked|ruined|\bwet\b|\btorn\b|ripped|durchnässt|zerrissen|trempé|déchiré|mojad|rasgad|bagnat|strappat|molhad|"
    r"missing (?:a|the|lid|part|piece)|with a missing|fehlte|manquait|faltaba|mancava|faltava|ontbrak|"
    r"gescheurd|doorweekt|broken|smashed|cracked|dented|crushed|leak|spill|\bopen(?:ed)? (?:bag|box|seal)|"
    r"bag (?:was )?open|"
    r"kaputt|beschädigt|zerbrochen|ausgelaufen|cassé|abîmé|endommagé|renversé|\broto\b|\brota\b|dañad|derramad|"
    r"abierta|rott[oa]|danneggiat|rovesciat|apert[oa]|quebrad|danificad|derramou|kapot|beschadigd|gelekt"
)
_WRONG_ITEM = _pattern(
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
_BILLING = _pattern(r"charged|double charge|twice on my|refund|invoice|subscription fee|abgebucht|rechnung|"
                    r"débité|facture|\bcobr|addebit|afgeschreven|factuur|taxa|\bfee\b|"
                    r"(?:doppelt|dos veces|due volte|duas vezes|dubbel) (?:\w+ )?(?:bezahlt|gezahlt|pagad|pagat|pago|"
                    r"betaald)")
_TICKET = _pattern(r"ticket|case number|support request|\bchamado|\bcaso\b|dossier|anfrage|reclamaci|segnalazion|"
                   r"melding")
_TRAVEL = _pattern(r"flight|\bgate\b|airport|luggage|suitcase|\bflug|gepäck|koffer|\bvol\b|valise|bagage|aéroport|"
                   r"vuelo|maleta|equipaje|volo|valigia|bagaglio|\bvoo\b|mala\b|bagagem|vlucht|bagage")
_CONTENT = _pattern(
    r"episode|podcast|video|article|newsletter|webinar|tutorial|\bpost\b|blog|audio|\bfolge|artikel|beitrag|"
    r"épisode|vidéo|émission|episodio|artículo|puntata|articolo|episódio|artigo|aflevering|nieuwsbrief"
)
_AUDIO = _pattern(r"sound|audio|volume|levels|\bson\b|\bton\b|sonido|suono|\bsom\b|geluid|too quiet|too loud|"
                  r"leise|crackl|\becho|\bmic\b|saute|skipping|springt|salta|hapert")
_FOOD = _pattern(r"\bcake|bread|pastr|tasted|\bstale|undercooked|\braw\b|\bname was|spelled|kuchen|brot|torte|"
                 r"gâteau|\bpain\b|pastel|tarta|\bpan\b|torta|\bcrud|\bpão\b|pastéis|taart|\bbrood")
_SERVICE = _pattern(r"sold (?:it |them )?to someone else|an jemand anderen verkauft|vendu à quelqu'un d'autre|"
                    r"vendid[oa] a otra persona|vendut[oa] a qualcun altro|vendid[oa] para outra pessoa|"
                    r"aan iemand anders verkocht|nobody knew|niemand wusste|personne n'était au courant|nadie sabía|nessuno sapeva|ninguém sabia|"
                    r"niemand wist|rude|staff|unfriendly|hung up|hangs up|cancel+ed (?:my|the) (?:class|booking|appointment)|"
                    r"unfreundlich|personal|grossier|raccroch|annulé|grosero|maleducad|cancelan|me cancelaron|"
                    r"scortes|cancellat|grosseir|cancelaram|onbeleefd|onvriendelijk|geannuleerd")
_REPEAT = _pattern(r"(?:second|third|fourth) time|again|zum (?:zweiten|dritten) mal|schon wieder|encore une fois|"
                   r"(?:deuxième|troisième) fois|de nouveau|(?:segunda|tercera) vez|otra vez|di nuovo|"
                   r"(?:seconda|terza) volta|de novo|outra vez|(?:tweede|derde) keer|alweer|weer\b")
_LETDOWN = _pattern(r"not impressed|disappoint|let ?down|underwhelm|enttäusch|déçu|décevant|decepcion|delus|"
                    r"desilud|decepcion|teleurgesteld|mah\.|\bmeh\b")

_SPORT = _pattern(
    r"\d+ ?k\b|\d+ ?km|marathon|half|race|\bran (?:my|the|a|\d)|\bride\b|hike|trail|climb|lift|deadlift|pull-?up|"
    r"personal best|\bpb\b|kreuzheben|bestzeit|lauf|wanderung|marat|course|randonnée|carrera|corr[ií]|"
    r"media marat|sentiero|cammino|corsa|corrida|trilha|treino|hardloop|wandel|training|trainen|"
    r"(?:squat|bench|press|snatch|lift|lifted|pulled|kniebeuge|sentadilla|panca|agachamento)\w* .{0,20}\d+ ?kg"
)
_MADE = _pattern(r"bak|cook|knit|sew|built|\bmade (?:a|the|my|this|it|some|your)\b|recipe|rezept|recette|receta|"
                 r"ricetta|"
                 r"receita|recept|\bbrew|pattern|recipe|bread|loaf|gebacken|gekocht|gestrickt|genäht|"
                 r"gebaut|\bcuit|\bpain\b|tricot|cousu|horne|cocin|\btej|cosí|"
                 r"sfornat|cucinat|\bassei\b|cozinhei|tricô|gebakken|gebreid")
_PROGRESS = _pattern(r"\d+ (?:weeks|months|days)|weeks on|months on|finally|\bnow my|seit \d+|nach \d+|depuis \d+|"
                     r"après \d+|desde hace|después de \d+|dopo \d+|da \d+ (?:mesi|settimane)|depois de \d+|há \d+|"
                     r"na \d+ (?:weken|maanden)|eindelijk|endlich|enfin|por fin|finalmente")
_FIXED = _pattern(r"that worked|that did it|that fixed it|hat funktioniert|ha funcionado|ha funzionato|funcionou|"
                  r"werkte|"
                  r"a marché|\bit works|it worked|works now|sorted|fixed|arrived|came this morning|\bgot it\b|"
                  r"funktioniert wieder|angekommen|eingebaut|\bdicht\b|ça marche|reçu|arrivé|llegó|funciona|"
                  r"arrivat|funziona|chegou|deu certo|werkt weer|aangekomen|binnen\b")
_ACHIEVED = _pattern(r"\bpassed (?:my|the)\b|\bpassei\b|\baprob[éeó]|\bbestanden\b|\bgeslaagd|\bsuperat[oa]\b|"
                      r"\b(?:first|premier|première|primer|primeira|prima|eerste|erste[nr]?) (?:marathon|marat|maratona|"
                      r"half|semi|100k|triathlon)|\bbouclé|\bfinished (?:my|the)|\bgeschafft\b|\bcompleted\b|"
                      r"\b(?:bijna|almost|fast|presque|casi|quase|quasi) (?:weg|gone|verschwunden|parti|disparu|desaparec)|"
                      r"\bgot the job|den job bekommen|die stelle bekommen|j'ai eu le poste|me dieron el (?:trabajo|puesto)|"
                      r"conseguí el (?:trabajo|puesto)|ho ottenuto il (?:lavoro|posto)|mi hanno preso|consegui o emprego|"
                      r"fui contratad[oa]|de baan gekregen|ik ben aangenomen")
# A habit kept up for weeks or months ("been using the budgeting app for three months", "na 3 maanden jullie routine
# volgen", "todo santo dia por 8 meses"): not a product taken ("after 6 months on your grain-free")
_STUCK_WITH = _pattern(r"\b(?:using|used|doing|following|practi[sc]ing)\b.{0,40}\bfor (?:\d+|a few|two|three|four|five|six|"
                       r"eight|ten|twelve) (?:weeks|months|years)|\b(?:\d+|two|three|four|five|six|eight|ten|twelve) "
                       r"(?:weeks|months) (?:of (?:the|your|using|doing)|using|doing)\b|"
                       r"\b(?:every|each) (?:single )?(?:day|morning|evening|week)\b|\bjeden (?:tag|morgen|abend)|"
                       r"tous les jours|chaque (?:jour|matin|soir|semaine)|todos los días|cada (?:día|mañana|semana)|"
                       r"ogni (?:giorno|mattina|sera|settimana)|todos os dias|todo santo dia|"
                       r"elke (?:dag|ochtend|avond|week)|\bvolgen\b|\bstreak\b|\bdi fila\b|\bop rij\b|am stück")
# A first one or a finished one ("enfin terminé mon premier pull", "finito il puzzle"): what took the most work
_FIRST_DONE = _pattern(r"\bfirst\b|\bfinished\b|\bersten?\b|\bfertig|\bpremi(?:er|ère)\b|\b(?:fini|terminé)\b|"
                       r"\bprimer[oa]?\b|\bterminad|\bacabad|\bprim[oa]\b|\bfinit[oa]\b|\bprimeir[oa]\b|\bterminei|"
                       r"\bacabei|\beerste\b|\bafgemaakt")
_CELEBRATION = _pattern(r"\b\d+(?:th|st|nd|rd|\.|e|º|°|o)\b|birthday|anniversary|wedding|geburtstag|hochzeit|"
                        r"anniversaire|mariage|cumpleaños|boda|compleanno|matrimonio|aniversário|casamento|"
                        r"verjaardag|bruiloft|jarig")
_MEMORY = _pattern(r"remind|when i was|years ago|grew up|used to|memor|took me back|in the \d0s|erinnert|"
                   r"als ich (?:klein|kind)|früher|vor \w+ jahren|rappelle|quand j'étais|souvenir|enfance|autrefois|"
                   r"recuerda|cuando era|hace \w+ años|de pequeñ|ricorda|quando ero|anni fa|da piccol|lembra|"
                   r"quando eu era|anos atrás|sempre (?:bebia|fazia|ia)|(?:bebia|fazia|ia) sempre|doet me denken|"
                   r"toen ik|jaar geleden|vroeger")
# A pet's own progress ("8 months later he's finally at a healthy weight"): not the commenter's achievement
_PET = _pattern(r"\b(?:dogs?|pupp(?:y|ies)|pups?|cats?|kittens?|greyhounds?|hunde?s?|welpen?|katzen?|kater|chiens?|chiots?|"
                r"chats?|chatons?|perr[oa]s?|(?<!pies de )(?<!pie de )gat[oa]s?|cachorr[oa]s?|cane|cani|cagnolin[oa]|gattin[oa]|cães|cão|cadela|"
                r"honden?|poes|kat(?:ten)?)\b")
_BIRTHDAY = _pattern(r"birthday|geburtstag|anniversaire|cumpleaños|compleanno|aniversário|bolo de anos|verjaardag|jarig")
_GIFT = _pattern(r"gift|\bgave\b|\bfor my\b|offert|\bpour (?:ma|mon)\b|regal|\bpara (?:mi|a minha|minha|o meu|meu)\b|"
                 r"geschenk|\bfür meine?\b|\bper (?:mia|mio)\b|presente|\bdei\b|cadeau|\bvoor mijn\b")
# A proposal told ("I proposed at your rooftop bar", "Pedi minha namorada em casamento")
_ENGAGED = _pattern(r"\bproposed\b|(?:got|we're|are) engaged|verlobt|heiratsantrag|fiançailles|demandée? en mariage|"
                    r"pedí (?:matrimonio|la mano)|\bcomprometid|proposta di matrimonio|chiesto di sposarmi|"
                    r"em casamento|noivado|ten huwelijk gevraagd|verloofd")
_GIVEN_AS_GIFT = _pattern(r"\bgift|\bpresent\b|geschenk|cadeau|offert|\bofferto|regal|presente|\bgegeven\b|\bdei\b")
# Thanks to someone on the team by name, as the comment's opening ("Danke an Jonas vom Kundenservice! Hat mir den
# falschen Schuh umgetauscht"): a thank-you, whatever problem it tells of having been solved
_THANKS_TO = re.compile(
    r"^\W*(?:(?:a |big |huge |massive )?(?:thank you|thanks|shout-?out|kudos)|(?:un (?:grand|énorme) )?merci(?: beaucoup)?|"
    r"(?:vielen |großes )?dank(?:e|je ?wel|jewel)?|(?:mil |muchas )?gracias|grazie(?: mille)?|(?:muito )?obrigad[oa]|"
    r"bedankt|hartelijk dank|(?:queria|quero|quiero|vorrei|je voudrais|ich möchte) (?:agradecer|ringraziare|remercier)"
    r")\s+(?:so much |a lot |mille )?"
    r"(?:(?:to |an |à |a |para |aan |ao |al |alla )(?-i:([A-Z]\w+))|"
    # no "to" ("Thank you Priya from customer service"): only a name said to be from somewhere, not the brand's name
    r"(?-i:([A-Z]\w+))\s+(?:from|at|in|vom|von|aus|du|de|del|della|dal|do|da|van|uit|bij)\b)",
    re.I)
_BRACKETED = re.compile(r"\([^()]*\)")
_THANKS = _pattern(r"thank|danke|merci|gracias|grazie|obrigad|bedankt|dank je|dank jullie")
_STAFF = _pattern(r"\bcoach\b|\bteam (?:at|in)|the staff|(?:your|the|support|service) team|équipe du|l'équipe|"
                  r"customer (?:service|support)|servicio al cliente|servizio clienti|atendimento|kundenservice|"
                  r"service client|klantenservice|vendedor|vendedora|commess|verkäufer|medewerker|\bpersonal\b|trainer|"
                  r"entrenador|allenat|treinador|instructor|monitor|"
                  r"(?:thank you|thanks|danke|merci|gracias|grazie|obrigad[oa]|bedankt) (?:to |an |à |a |para |aan )?"
                  r"(?-i:[A-Z])\w+|aus dem support|support team|du support|del soporte|dal supporto|do suporte|"
                  r"van de support")
_STOCKIST = _pattern(r"\bstock (?:your|you)|wholesale|in our (?:shop|store|caf[eé])|bei uns anbieten|ins sortiment|"
                     r"revend|mayorista|vender vuestr|rivend|revend|wederverk|verkopen in onze|in unserem (?:laden|"
                     r"café)|"
                     r"unser\w* (?:café|laden)|\bcafé in|\bcaffè\b|trade prices?|fate forniture|prezzi per (?:ristoranti|locali|bar)|"
                     r"zakelijke bestelling|tarifs? (?:pro|professionnels)|precios? para (?:hostelería|restaurantes|bares)|"
                     r"preços? para (?:restaurantes|lojas)|gastronomiepreise|großkunden")
# Someone offering to do something with the brand (host, teach, sell, sponsor), often put as a question
_PROPOSAL = _pattern(r"would you (?:ever |guys )?(?:be up for|host|hold)|(?:host|hold|organi[sz]e|organiser|organizar|"
                     r"organizzare|ospitare|veranstalten|organiseren) (?:\w+ )?(?:book )?(?:launch|signing|reading|lesung|"
                     r"dédicace|présentation|presentaci[oó]n|presentazione|lançamento|boekpresentatie)|would love to (?:co-?host|collaborate|work|partner|team up|run|host|hold|do a)|\bco-?host|"
                     r"partner(?:ship)? with|work together|\b(?:i|we) run an? |je tiens une?|j'aimerais (?:vendre|proposer|"
                     r"organiser)|teriam interesse|\bsou (?:ilustrador|fotógraf|artista|professor)|podríamos (?:organizar|"
                     r"colaborar|hacer)|somos un (?:club|grupo|colectivo)|zusammenarbeit|kooperation|samenwerk|"
                     r"ik ontwerp|zoek een plek|vorremmo organizzare|mi piacerebbe (?:organizzare|proporre)|parceria|"
                     r"collaborer|colaboraci|collaborazion")
# Someone who introduces a business, a club, a school or a channel of their own ("I run a small taco truck",
# "Gestisco un piccolo B&B", "Wij zijn een klein koffiebarretje") and asks for terms or proposes something: a
# collaboration, even put as a question ("Fate prezzi per ristoranti?", "Vocês mandam cópia pra análise?")
_INTRO = _pattern(r"\b(?:i|we) (?:run|own|manage|host|teach|organi[sz]e)\b|\bwe'?re an? (?:small |little |local )?|"
                  r"\bi'?m an? \w+ (?:in|at|based|from)\b|\bich (?:betreibe|leite|unterrichte)|\bwir sind eine?\b|"
                  r"\bje (?:tiens|gère|suis prof)|\bnous sommes une?\b|\bgestisco|\binsegno\b|\bsiamo una?\b|"
                  r"\bsomos una?\b|\borganizamos\b|\btengo una?\b|\bdoy clases|\btenho uma?\b|\bsou (?:professor|dono|dona)|"
                  r"\bwij (?:zijn|hebben) een\b|\bik (?:run|heb|geef les)")
_TERMS = _pattern(r"discount|group (?:rate|trip|booking)|trade|wholesale|sponsor|collab|pop-?up|tasting|review cop|"
                  r"would you (?:ever )?(?:be )?(?:up for|open to|consider|be interested)|open to|rabatt|gruppen|"
                  r"hättet ihr lust|tarifs?|groupes? scolaires|auriez-vous|louez|descuento|patrocin|os interesar[ií]a|"
                  r"alquil|prezzi|sconto|forniture|vi interessa|affitt|desconto|mandam cópia|teriam interesse|"
                  r"aluga|korting|zakelijk|zouden jullie|verhuren|doen jullie ook")
# A creator's channel: the proposal then gets the question asking for a link to it
_CREATOR = _pattern(r"channel|follower|\bsubs\b|subscriber|seguidor|abonné|abonnent|iscritt|volger|\bkanal|\bcanal|canale|kanaal|"
                    r"\bblog|instagram|tiktok|youtube|\bperfil|\bprofil")
# Better after an operation, an injury or pain: how they feel now, never "what's your next challenge?"
_RECOVERY = _pattern(r"surgery|operaci|operaç|operazion|opérat|operatie|\bop\b|cirurgi|cirug|chirurg|injur|recover|rehab|"
                     r"physio|verletz|blessure|lesión|infortun|lesão|(?:back|knee|shoulder|hip|neck) pain|without pain|"
                     r"pain-?free|schmerz|douleur|dolor|dolore|\bdor(?:es)?\b|pijn")
_SHELTER = _pattern(r"shelter|\brescue|tierheim|tierschutz|refuge|refugio|protectora|rifugio|canile|gattile|"
                    r"abrigo|asiel")
_CHARITY = _pattern(r"charity|hospice|fundrais|school|donat|volunteer|cause|spende|schule|verein|ehrenamt|"
                    r"association|école|caritativ|solidari|escuela|colegio|beneficen|scuola|benefic|escola|"
                    r"doação|goede doel|school|vereniging|inzamel|recogida|campaña")
_FEATURE_REQUEST = _pattern(
    r"please (?:add|bring|make)|bring back|needs? (?:an?|the)?\s*\w+|\bmissing\b|i wish|would be (?:nice|great)|"
    r"could you (?:add|make)|feature|toggle|mode|shortcut|translation|bitte (?:wieder|mehr|macht|bringt)|fehlt|"
    r"wünsche|wäre (?:schön|toll)|manque|ajoutez|remettez|ce serait|falta|añadid|ojalá|vuelvan|manca|"
    r"aggiung|sarebbe|faltando|voltem|coloquem|seria bom|mis\b|missen|zou fijn|terug(?:brengen)?|"
    r"alleen nog|only in|nur noch|seulement en|solo en|solo in|só em"
)
_DISAGREE = _pattern(r"\bera (?:bem |mucho |molto )?(?:mais|más|più)|was (?:much |veel )?(?:better|beter|handiger)|"
                     r"war (?:viel )?(?:besser|praktischer)|war (?:der|die|das|er|sie|es) (?:viel )?besser|était (?:bien )?(?:plus|mieux)|compared to the old|"
                     r"than the old|worse than|nicht mehr wie|schlechter|moins bien que|peor que|"
                     r"peggio di|pior que|slechter dan|minder handig|weniger praktisch|moins pratique|menos práctic|"
                     r"meno pratic|menos prátic|less (?:practical|handy)|disagree|was better|used to be better|"
                     r"prefer(?:red)? the old|old \w+ was|sehe ich anders|"
                     r"war besser|früher war|pas d'accord|était mieux|no estoy de acuerdo|era mejor|non sono d'accordo|"
                     r"era meglio|não concordo|era melhor|niet mee eens|was beter")
_WAS_BEFORE = _pattern(r"\bold\b|\bbefore\b|used to|\balt\w*|früher|ancien|avant|antigu|antes|vecchi|prima|antig|"
                       r"\boud\w*|vroeger|changed|geändert|changé|cambia|mudaram|veranderd|new|neu|nouv|nuev|nuov|"
                       r"novo|nieuw")
_OLD_DESCRIBED = _pattern(r"\b(?:old|alte|alten|ancien\w*|antig\w*|vecchi\w*|oude?)\b.{0,20}\b(?:was|war|était|era|"
                          r"is|ist|est|es|è|é)\s+(?!better|besser|mieux|mejor|meglio|melhor|beter)\w{4,}|"
                          r"\b(?:das|die|der|it|that|ça|c'|eso|quello|isso|dat) (?:war|was|était|era|was) (?:\w+ )?"
                          r"(?:saftiger|weicher|relaxing|\w+er\b|plus \w+|más \w+|più \w+|mais \w+|\w+der\b)")
_DISCONTINUED = _pattern(r"gibt es .{0,40}nicht mehr|ne faites plus|ya no hay|non c'è più|não tem mais|"
                         r"(?:fassiez|vendiez|faites|vendez) plus|no longer (?:sell|make|stock)|discontinued|"
                         r"don'?t (?:sell|make) .{0,30} any ?more|nicht mehr "
                         r"(?:gibt|verkauft|im sortiment)|ne (?:vendez|faites) plus|ya no (?:venden|hacen|tienen)|"
                         r"non (?:vendete|fate) più|não (?:vendem|fazem) mais|niet meer (?:te koop|verkrijgbaar|"
                         r"verkopen)")
_HELP = _pattern(r"help|tip|advice|repl|answer|saved me|hilfe|tipp|\brat\b|aide|conseil|réponse|ayuda|consejo|"
                 r"respuesta|"
                 r"aiuto|consiglio|risposta|ajuda|dica|resposta|hulp|advies|antwoord|sorted|fixed")
_CONTENT_ASK = _pattern(r"slides|recording|replay|video|episode|webinar|article|course|workshop|tutorial|aufzeichnung|"
                        r"folie|enregistrement|grabación|diapositiva|registrazione|gravação|opname|curso|corso|cursus|"
                        r"\bkurs|cours\b|folge|épisode|episodio|episódio|aflevering")
_MAKING = _pattern(r"recipe|flour|bak|dough|starter|steep|brew|cook|oven|knit|yarn|rezept|mehl|teig|backen|recette|"
                   r"farine|"
                   r"pâte|levain|receta|harina|masa|ricetta|farina|impasto|lievito|receita|farinha|massa|fermento|"
                   r"recept|"
                   r"meel|deeg|zuurdesem")
_FAULT = _pattern(r"wobbl|wackel|bancal|traballa|bambo|wiebel|peel|décoll|despeg|si stacca|descasc|laat los|löst sich|"
                  r"strohig|scheef|schief|piept|quietscht|grince|cigola|chirr|(?:dropped|dropping|lost|losing) .{0,12}leaves|"
                  r"yellow(?:ing)? lea|one of them yellow|gelbe blätter|feuilles jaunes|hojas amarillas|foglie gialle|"
                  r"folhas amarelas|gele bladeren|cornée|rasg|ripped|\btorn\b|déchir|strapp|gescheurd|gerissen|rompi|broke|snapped|squeal|stopped|tunnel|"
                  r"shrank|shrunk|way off|faded|peel|came off|fell apart|falling apart|"
                  r"barely|descol|sola|eingelaufen|"
                  r"rétréci|encogi|ristrett|taglia in meno|encolheu|gekrompen|defekt|défectueu|defectuos|difettos|"
                  r"defeito|"
                  r"kapot gegaan|geht nicht mehr|ne marche plus|ya no funciona|non funziona più|parou de funcionar|"
                  r"werkt niet meer|\bzip\b|\bsole\b|brakes|chain")
_ARRIVAL = _pattern(r"arriv|deliver|came|parcel|package|\bbox\b|order|received|opened|chegou|chegar|llegó|llegar|recib|"
                    r"livr|reçu|angekommen|geliefert|paket|bestell|aangekomen|bezorgd|geleverd|pacco|paquete|pacote|"
                    r"encomenda|pedido|commande|ordine|colis|pakket|consegn|entreg")
_ARRIVED_LATE = _pattern(r"(?:arrived|came|turned up|showed up) .{0,40}(?:late|weeks?|days?)|late delivery|"
                         r"est arrivée? avec|"
                         r"kam .{0,30}(?:zu spät|verspätet|wochen|tage)|llegó .{0,30}(?:tarde|retraso)|"
                         r"arrivat\w* .{0,30}"
                         r"(?:ritardo|tardi)|chegou .{0,30}(?:atraso|atrasad)|te laat (?:aangekomen|bezorgd)")
_SIZING = _pattern(r"sizing|size chart|runs? (?:\w+ )?(?:\w+ )?(?:small|large|big)|größentabelle|fällt .{0,20}(?:klein|"
                   r"groß) aus|"
                   r"guide des tailles|taille (?:petit|grand)|guía de tallas|talla (?:pequeñ|grande)|"
                   r"tabella (?:delle )?taglie|"
                   r"veste (?:pequen|grand)|tabela de medidas|maattabel|valt .{0,20}(?:klein|groot)")
_FIT = _pattern(r"pode ser usad|can (?:i|you|it) be used|può essere usat|se puede usar|peut-on utiliser|"
                r"kann man .{0,20}verwenden|mag je .{0,20}gebruiken|rentre|fits? (?:in|under|on)|\bcabe\b|\bentra\b|"
                r"\bpast in\b|big enough|small enough|suitable|good for|safe for|okay for|ok for|work(?:s)? with|"
                r"compatible|"
                r"geeignet|groß genug|passt .{0,20}(?:zu|für|auf)|funktioniert .{0,20}mit|kompatibel|convient|adapté|"
                r"assez grand|compatible|sirve para|apto|apta|va bien para|compatibil|va bene|adatt|serve per|"
                r"serve para|funciona com|compatível|geschikt|groot genoeg|werkt .{0,20}met|past .{0,20}(?:bij|op)")
_CARE = _pattern(r"dishwasher|spülmaschine|lave-vaisselle|lavavajillas|lavastoviglie|máquina de lavar|vaatwasser|"
                 r"pressure|presión|luftdruck|pression|pressione|pressão|bandenspanning|how (?:much|often|long) should|"
                 r"wie (?:viel|oft|lange) soll|combien de|cada cuánto|ogni quanto|de quanto em quanto|hoe vaak moet|"
                 r"\boil|lube|grease|maintain|ölen|schmier|huiler|graisser|engrasar|lubric|ingrassar|oliën|smeren|"
                 r"onderhoud|descal|clean|wash|charg(?:e|ing) (?:the|it|my)|store it|storage|entkalk|reinig|wasch|"
                 r"aufladen|lagern|"
                 r"détartr|nettoy|laver|lavage|recharger|ranger|descalcific|limpi|lavar|cargar|guardar|decalcific|"
                 r"pulir|"
                 r"lavare|ricaric|conservar|descalcifica|limpar|carregar|armazenar|ontkalk|schoonmak|wassen|opladen|"
                 r"bewaren")
_AWAITED_REMEDY = _pattern(r"nada na (?:minha )?conta|nothing in my (?:bank|account)|not (?:back )?in my (?:bank|account)|"
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
_SAYS_DELIVERED = _pattern(r"says delivered|shows (?:as )?delivered|marked (?:as )?delivered|als zugestellt|zugestellt "
                          r"angezeigt|marqu[ée]e? (?:comme )?livr[ée]e?|marcado como entregado|risulta consegnat|"
                          r"consta como entregue|aparece como entregue|staat (?:op|als) bezorgd")
_COURIER = _pattern(r"left (?:it |the parcel |my parcel )?(?:in the rain|outside|on the doorstep)|thrown over|"
                    r"sotto la pioggia|sous la pluie|bajo la lluvia|im regen|vor die tür|debaixo de chuva|na chuva|"
                    r"in de regen|over het hek|courier|kurier|livreur|mensajero|repartidor|corriere|entregador|bezorger")
_PRODUCT_WORDS = _pattern(r"candle|tea|blend|milk|jacket|shoe|bag|cream|coffee|bike|tent|kerze|tee|jacke|bougie|thé|"
                          r"vela|"
                          r"té\b|candela|vela|kaars|thee")
_TRIAL_LESSON = _pattern(r"intro(?:duct\w*)?[ -]?(?:class|lesson|session|les\b|kurs|stunde)|introductieles|proefles|"
                         r"\bfirst (?:class|lesson|session)|trial (?:class|lesson|session)|taster|schnupper|probestunde|"
                         r"probetraining|cours d'essai|séance d'essai|premier cours|clase de prueba|primera clase|"
                         r"lezione di prova|prima lezione|aula experimental|primeira aula|eerste les\b")
_CLASS = _pattern(r"\bclass\b|session|workout|kurs|training|cours\b|séance|clase|sesión|lezione|allenamento|aula|"
                  r"treino|"
                  r"\bles\b|training")
_FIT_SKIN = _pattern(r"\bbab(?:y|ies)|bebê|bebé|bébé|\bbimb|enfants? de \d|\bkind(?:er)?\b|child|skin|\bhaut|\bpeau|"
                     r"\bpiel|\bpelle|\bpele\b|\bhuid|sensitive|allerg|empfindlich|sensible|sensibile|"
                     r"sensível|gevoelig|\bnuts?\b|gluten|lactose")
_STORE = _pattern(r"\bstore\b|\bshop\b|\bladen|filiale|magasin|boutique|\btienda\b|negozio|\bloja\b|winkel")
# A size asked for: only then is there a size to set aside ("a store in Valencia?" for lipsticks has none)
_OTHER_SIZE = _pattern(r"\d+ ?(?:ml|l|g|kg|oz|cl)\b|\b(?:bigger|larger|smaller|größer\w*|kleiner\w*|plus grand\w*|"
                       r"plus petit\w*|más grande|más pequeñ\w*|più grand\w*|più piccol\w*|maior|menor|groter\w*|kleiner\w*)\b")
_SIZE = _pattern(r"\bsize|\bgröße|\btaille|\btalla|\btaglia|tamanho|\bmaat\b|\b(?:in|no|na|en|em|im|op) \d{2}(?:[,.]5)?\b|"
                 r"\b\d{2}(?:[,.]5)? (?:feminino|masculino|femme|homme|damen|herren|donna|uomo|mujer|hombre)")
_HARD_TIME = _pattern(r"rough|hard time|tough|difficult|got me through|anxiety|depress|lonely|schwere zeit|"
                      r"durchgeholfen|"
                      r"période difficile|traverser|momento difícil|me ayudó a superar|periodo difficile|"
                      r"aiutato a superare|"
                      r"me ajudou a passar|moeilijke tijd|erdoorheen")
_KIDS = _pattern(r"\b(?:the|my|our) (?:kids|children|boys|girls)\b|meine kinder|unsere kinder|mes enfants|nos enfants|"
                 r"mis hijos|mis niños|i miei figli|i miei bambini|meus filhos|os miúdos|mijn kinderen|onze kinderen")
_IGNORED = _pattern(r"no (?:answer|reply|response)|nobody(?! knew)|(?:picking|picks|picked) up the phone|nobody picks up|"
                    r"no one(?:'s| is) picking up|niemand (?:geht|ging) ran|niemand nimmt ab|personne ne décroche|"
                    r"nadie (?:coge|cogió) el teléfono|nessuno risponde al telefono|ninguém atende|niemand neemt op|no one (?:has )?(?:answered|replied|got back)|zero replies|"
                    r"(?:third|fourth|fifth|\d+(?:st|nd|rd|th)) (?:comment|email|message|time asking)|keine antwort|"
                    r"niemand (?:antwortet|meldet)|personne ne (?:répond|m'a répondu)|aucune réponse|nadie (?:contesta|"
                    r"responde)|"
                    r"nessuno (?:risponde|mi ha risposto)|ninguém (?:responde|respondeu)|niemand reageert|geen reactie")
_HELP_GIVEN = _pattern(r"help|talked me through|sorted|saved|hilfe|geholfen|aide|aidé|ayuda|ayudado|aiut|ajud|geholpen|"
                       r"you (?:got|helped|talked|stayed)")
_TODAY = _pattern(r"\btoday\b|this morning|heute|aujourd'hui|\bhoy\b|\boggi\b|\bhoje\b|vandaag")
_MISSING = _pattern(r"il (?:en )?manque|te missen|(?:missen|ontbreken) er|me (?:han|ha) llegado (?:solo )?(?:\d|dos|tres|una?\b)|"
                    r"ne mancano|(?:vieram|chegaram) só|só (?:vieram|chegaram)|only (?:\d+|one|two|three) (?:of them )?"
                    r"(?:arrived|came)|nur (?:\d+|zwei|drei|eine?) (?:von|statt)|came without|arrived without|without the|was missing|were missing|is missing|faltou|veio sem|"
                    r"chegou sem|"
                    r"faltaba|faltaban|llegó sin|mancava|mancavano|arrivato senza|manquait|manquaient|arrivé sans|"
                    r"fehlte|"
                    r"fehlten|ohne (?:die|den|das) .{0,20}(?:geliefert|gekommen)|ontbrak|ontbraken|zonder de")
_IN_THE_WAY = _pattern(r"(?:have to|need to|hay que|tienes que|muss man|musst du|il faut|bisogna|devi|tem que|moet je) (?:\w+ ){0,3}?(?:tap|click|press|tocar|pulsar|tippen|klicken|cliquer|appuyer|toccare|cliccare|premere|clicar|apertar|tikken|klikken)|"
                       r"\b\d+ (?:taps|clicks|buttons|botones|klicks|clics|cliques|botões|knoppen|pulsanti|boutons|tasten|toques)\b|makes you|forces you|forced to|have to (?:create|sign|log|register)|no way to|can'?t even|"
                       r"muss man|zwingt|oblige à|obligé de|te obliga|obliga a|ti costringe|obriga a|je moet eerst|"
                       r"verplicht")
_NAMED_PART = _pattern(r"the (?:part|bit|section) about|the interview with|(?:was|is) my favou?rite|especially|"
                       r"vor allem|"
                       r"besonders|surtout|en particulier|sobre todo|especialmente|soprattutto|in particolare|"
                       r"principalmente|"
                       r"vooral|met name")
_NOT_AS_PICTURED = _pattern(r"than (?:in )?the (?:photos?|pictures?)|als auf dem (?:foto|bild)|que sur la photo|"
                            r"que en la foto|che in foto|rispetto alla foto|do que na foto|dan op de foto|"
                            r"nothing like the (?:photo|picture)|not as (?:pictured|described)|n'a rien à voir|"
                            r"pas comme sur la photo|"
                            r"nada que ver|no se parece|niente a che vedere|divers\w* dalla foto|nada a ver|"
                            r"diferente da foto|"
                            r"lijkt niet op|heel anders dan|sieht ganz anders aus|nicht wie auf dem foto")
_SHIP_TO = _pattern(r"ship(?:ping)? to|deliver to|verzenden naar|naar \w+ verzenden|liefern? nach|nach \w+ liefern|"
                    r"livrez (?:en|au|à)|livraison (?:en|au|à)|envíos? a|enviáis a|spedite (?:in|a)|spedizione (?:in|"
                    r"a)|"
                    r"entregam (?:em|no|na)|enviam para|envio para")
_LUGGAGE = _pattern(r"cabin|carry-?on|hand luggage|handgepäck|bagage cabine|\bcabine|equipaje de mano|bagaglio a mano|"
                    r"bagagem de mão|handbagage")
_COMPATIBLE = _pattern(r"compatib|kompatib|work(?:s)? with|fits? (?:on|my)|charger|adapter|adaptador|adattatore|"
                       r"cargador|"
                       r"caricatore|carregador|oplader|ladegerät|chargeur|sirve para|va bene (?:sul|sull|con)|"
                       r"passt (?:auf|zu)|"
                       r"funktioniert .{0,20}mit|werkt .{0,20}met|funciona com|serve per")
# Something owned that a part must fit: only then "which model do you have?" ("sirve para principiantes" has none)
_OWNED = _pattern(r"compatib|kompatib|charger|adapter|adaptador|adattatore|cargador|caricatore|carregador|oplader|"
                  r"ladegerät|chargeur|battery|batter|bateria|akku|accu|\bmodel|\bversion|versión|versione|versão|versie|"
                  r"\bbike|\bbici|fahrrad|vélo|fiets|phone|handy|téléphone|teléfono|telefono|telefone|telefoon|machine|"
                  r"maschine|máquina|macchina|grinder|mühle|moulin|molinillo|macinino|moedor|molen|console|konsole|"
                  r"camera|kamera|caméra|cámara|câmera|printer|drucker|imprimante|impresora|stampante|impressora")
_AGE = _pattern(r"\d+[ -]?(?:year|yr)s?[ -]old|toddler|older kids|de \d+ ans|\d+ jahre|\d+-jährig|de \d+ años|"
                r"di \d+ anni|"
                r"de \d+ anos|van \d+ jaar|\d+-jarig")
_HEALTH = _pattern(r"fever|\bill\b|sick|hospital|surgery|pain|injur|krank|fieber|schmerz|malade|fièvre|douleur|enferm|"
                   r"fiebre|"
                   r"dolor|malat|febbre|dolore|doente|febre|\bdor\b|ziek|koorts|pijn")
_PRICE = _pattern(r"price|preis|prix|precio|prezzo|preço|prijs|cost|kost|coût|cuesta|costa|custa")
_PRICE_UP = _pattern(r"go(?:es)? up|went up|increase|raise|more expensive|erhöh|teurer|augment|subi|aument|duurder|"
                     r"verhoog")
# Too many notifications or reminders: when one would suit them, not "did you get an error message?"
_TOO_MANY_NOTIFICATIONS = _pattern(
    r"(?:too|so) many (?:\w+ )?(?:notifications|reminders|push)|(?:zu|so) viele (?:\w+ )?(?:benachrichtigungen|"
    r"mitteilungen|erinnerungen|push)|(?:trop|tellement) de (?:notifications|rappels)|(?:demasiadas|tantas) "
    r"(?:notificaciones|alertas)|(?:troppe|tante) notifiche|notifiche (?:sono )?troppe|(?:muitas|tantas) "
    r"notificações|notificações demais|(?:te|zo) veel (?:meldingen|notificaties|herinneringen)"
)
# Packaging felt wasteful: which part, not an apology for a fault ("SO much plastic wrapping around the pot")
_WASTEFUL_PACKAGING = _pattern(
    r"(?:so much|too much|all (?:the|that)|excess\w*|lots of|wasteful) (?:\w+ )?(?:plastic|packaging|wrapping|bubble wrap)|"
    r"packaging (?:is|was) (?:so )?(?:wasteful|excessive)|(?:so )?viel (?:\w+ )?(?:plastik|verpackung|folie)|"
    r"halben sack müll|tellement d'emballage|trop d'(?:emballage|plastique)|(?:tanto|demasiado) (?:plástico|embalaje)|"
    r"(?:tanta|troppa) plastica|(?:troppo|tanto) imballaggio|(?:tanto|muito) plástico|plástico demais|"
    r"(?:zoveel|te veel|veel te veel) (?:plastic|verpakking)"
)
# Hair, which has a routine and no model ("sirve para pelo rizado?")
_HAIR = _pattern(r"\bhair|\bhaar\b|\bhaare|cheveux|\bpelo\b|cabello|capelli|cabelo|\bcurls?\b|\blocken|\bboucl|\brizos|"
                 r"\bricci|cachos|krullen")
_ALLERGY = _pattern(r"allerg|alérg|alerg")
# An allergy to a fabric or a yarn is the pattern's business, not "any other allergies we should keep in mind?"
_MATERIAL = _pattern(r"\bwool|yarn|fabric|\bpattern|material|\bwolle|\bgarn|\bstoff|\blaine|\btissu|\blana\b|\bhilo|"
                     r"\btela\b|filato|tessuto|\blã\b|\bfio\b|tecido|\bwol\b|garen|\bstof\b")
# A diet asked about ("gluten free", "sans lactose"): no follow-up fits it
_DIET = _pattern(r"gluten|gl[úu]ten|coeliac|celiac|zöliakie|cœliaque|coeliaque|celíac|celiach|coeliakie|lactose|laktose|"
                 r"lactosa|lattosio|\bvegan|végan|vegano|veganistisch|\bhefe\b|yeast|levure|levadura|lievito|fermento|gist\b|"
                 r"caffeine|koffein|caféine|cafeína|caffeina|cafeïne")
# Access for a visit ("is the show wheelchair accessible?"): which day they are coming
_ACCESS = _pattern(r"wheelchair|step-free|accessible|rollstuhl|barrierefrei|fauteuil roulant|accessible aux|silla de ruedas|"
                   r"accesible|sedia a rotelle|accessibile|cadeira de rodas|acessível|rolstoel|toegankelijk")
# A first time, at something they would come to (a class, a tour): on their own or with someone
_BEGINNER = _pattern(r"beginner|never (?:done|tried|been|touched)|no experience|any experience|first time|hasn'?t done|"
                     r"haven'?t done|anfänger|noch nie|keine erfahrung|débutant|jamais fait|aucune expérience|"
                     r"principiante|nunca he|sin experiencia|mai fatto|senza esperienza|iniciante|nunca fiz|sem experiência|"
                     r"beginner|nooit (?:eerder|gedaan)|geen ervaring")
# A worry or a limit told with a first time: that is what the answer is about
_WORRY = _pattern(r"nervous|worried|scared|afraid|anxious|can'?t (?:touch|bend|kneel|swim|run|walk)|\binjur|bad (?:back|knee)|"
                  r"nervös|angst|sorge|kann nicht|peur|inquiet|stress|je ne peux pas|nervios|miedo|preocup|no puedo|"
                  r"paura|preoccup|non riesco|non posso|medo|receio|não consigo|não posso|zenuw|bang|zorgen|kan niet")
_OUTING = _pattern(r"\bclass|\bcourse\b|workshop|\btour\b|session|lesson|weekend|\bflow\b|kurs|führung|stunde|bouldern|"
                   r"klettern|\bcours\b|atelier|visite|séance|\bclase|\bcurso|taller|\bvisita|sesión|\bcorso|lezione|"
                   r"\baula|oficina|sessão|\bles\b|cursus|rondleiding")
# Someone a thing is for, named ("pour ma filleule", "pros meus sogros"): then "who is it for?" asks what they said
_RECIPIENT = _pattern(r"\b(?:for|to) (?:my|our)\b|\b(?:pour|à) (?:ma|mon|mes|notre|nos)\b|\bpara (?:mi|mis|a minha|o meu|"
                      r"minha|meu|meus|minhas)\b|\bpros? meus?\b|\b(?:ao|à) (?:meu|minha)|\b(?:per|a|al|alla) (?:mia|mio|"
                      r"miei)\b|\bfür (?:meine?n?|unsere?n?)\b|\b(?:voor|aan) (?:mijn|onze)\b")
# A question about something to give ("want to gift one to my mum", "es para regalar", "queria oferecer")
_GIFT_ASKED = _pattern(r"\bgift|as a present|present for|regal|offrir|cadeau|geschenk|verschenk|schenken|oferecer|"
                       r"de presente|\bkado")
_LENGTH = _pattern(r"too long|too short|zu lang|zu kurz|trop long|trop court|demasiado larg|troppo lung|"
                   r"muito long|te lang")


# What someone enjoyed, from a closed list the banks name back with their article and case (THINGS: "an der App",
# "del juego", "nas aulas"): the first kind named. A workshop or a tour was once: asked about in the past tense.
_THING_KINDS = (
    ("workshop", _pattern(r"\bworkshop|\batelier\b|\btaller\b")),
    ("tour", _pattern(r"\b(?:guided )?tour\b|\bführung\b|visite guidée|visita guiada|visita guidata|rondleiding")),
    ("class", _pattern(r"\bclasses\b|\blessons\b|\bkurse?\b|\bunterricht|\bcours\b|\bclases\b|\blezioni\b|\baulas\b|"
                       r"\blessen\b")),
    ("game", _pattern(r"\b(?:board ?)?game\b|\b(?:brett|lern|karten|kinder)?spiel\b|\bjeu\b|\bjuego\b|\bgioco\b|"
                      r"\bjogo\b|\b(?:bord|kaart)?spel\b")),
    ("book", _pattern(r"\bbook\b|\bbuch\b|\blivre\b|\blibro\b|\blivro\b|\bboek\b")),
    ("app", _pattern(r"\bapp\b|\bappli\b")),
)
OUTINGS = frozenset({"workshop", "tour"})
# Praise of a thing whose question fits any praise of it: a candle (which one next), tea or coffee (how they take it),
# bread (how they eat it). "café" and "pain" are left out: a place, and a word in English
_PRAISED = (
    ("praise_candle", _pattern(r"\bcandles?\b|\bkerzen?\b|\bbougies?\b|\bvelas?\b|\bcandele?\b|\bkaars(?:en)?\b")),
    ("praise_drink", _pattern(r"\btea\b|\bcoffee\b|\bblend\b|\bespresso\b|\btee\b|\bkaffee\b|\bthé\b|\bté\b|\btè\b|"
                              r"\bcaffè\b|\bchá\b|\bkoffie\b|\bthee\b")),
    ("praise_bread", _pattern(r"\bbread\b|\bloaf\b|\brye\b|sourdough|\w*brot\b|\bpain (?:au|de)\b|\bpan de\b|\bpane\b|"
                              r"\bpão\b|\w*brood\b")),
)
# A plant doing well again, which the question asks where it lives now (unless they said: by the window)
_PLANT = _pattern(r"\bplants?\b|(?<!loose )(?<!loose-)\bleaf\b|\bleaves\b|pflanze|\bblätter|\bplante\b|(?<!en )\bfeuilles\b|"
                  r"\bplanta\b|\bpianta\b|\bfoglie\b|\bfolhas?\b|\bbladeren\b|\bmonstera|\bcalathea|\bpothos|\bficus|"
                  r"\bpilea|succulent|suculent|orchid|orquídea|costela-de-adão|citronnier|kamerplant|zimmerpflanze")
# New growth told in words: "thriving" alone is said in sarcasm too ("my 'thriving' monstera arrived with 3 leaves")
_GROWING = _pattern(r"new (?:leaf|leaves|growth|shoots?)|putting out|neue[sn]? (?:blatt|blätter|triebe)|nouvelles? feuilles?|"
                    r"des fleurs|en forme|hojas nuevas|nuevas hojas|brotes nuevos|foglie nuove|nuove foglie|folhas? novas?|"
                    r"nova folha|nieuwe? blad(?:eren)?|prachtig|in bloom|blooming|in bloei|flowers|blüht")
_WINDOW = _pattern(r"window|fenster|fenêtre|ventana|finestra|janela|\braam\b|vensterbank")
# Skin care that works after weeks: whether they use it morning and night
_SKINCARE = _pattern(r"\bserum|sérum|\bsiero|retinol|niacinamid|azela|cleanser|moisturi[sz]er|(?:face|hand|night) cream|"
                     r"crema (?:mani|viso|notte)|\w*creme\b|crème|reiniger|nettoyant|limpiador|hidratante|\btoner\b")
_PRICED = _pattern(r"\d+[,.]\d\d|[£$€]\s?\d|\d\s?(?:€|eur|euro)\b|price|preis|prix|precio|prezzo|preço|prijs|\bkost|"
                   r"co[uû]t|cuesta|costa|custa|half (?:the size|as big)|halb so|smaller|kleiner|plus petit|más pequeñ|"
                   r"più piccol|menor")
_WEEKS = _pattern(r"\b(?:weeks?|months?|wochen|monate?n?|semaines?|mois|semanas?|mes(?:es)?|settiman[ae]|mes[ei]|mês|"
                  r"weken|maand(?:en)?)\b")
# "but" in each language, for feedback that turns to a criticism ("ma" is no "but" in French: "ma fille")
_BUT = {"en": r"\bbut\b", "de": r"\baber\b", "fr": r"\bmais\b", "es": r"\bpero\b", "it": r"\b(?:ma|però)\b",
        "pt": r"\b(?:mas|porém)\b", "nl": r"\bmaar\b"}


def thing_kind(text: str) -> str | None:
    """The kind of thing a comment names from the closed list ("class", "game", "book", ...), if any."""
    return _first(text, _THING_KINDS)


def _opens_with_person(comment: CommentText, person: str) -> bool:
    """The person is who the comment is about ("Meine Oma lernt mit eurer App ..."), not someone who came along
    ("... the app got me to Cusco with my sister"): then what they enjoy is theirs to tell."""
    found = re.search(PEOPLE.get(comment.language.code, PEOPLE["en"])[person], comment.plain.lower())
    return found is not None and found.start() < 20


def _turns_critical(comment: CommentText) -> bool:
    return bool(re.search(_BUT.get(comment.language.code, _BUT["en"]), comment.plain, re.I))


def _praised_first(comment: CommentText) -> bool:
    """Mixed feedback: praise, then a "but" and what is wrong."""
    but = re.search(_BUT.get(comment.language.code, _BUT["en"]), comment.plain, re.I)
    return bool(but and _PRAISE_WORDS.search(comment.plain[:but.start()]))

# A reaction to the product (a rash, an allergy): how they feel now, before anything else
_REACTION = _pattern(r"allerg|\brash\b|broke me out|ausschlag|juckt|réaction|irrit|sarpullido|reaz|prurito|alergia|reação|"
                     r"coceira|uitslag|jeuk")
# Arrived, but on another day than promised ("showed up on Friday instead of Wednesday"): late, not the wrong item
_LATE_DAY = _pattern(r"(?:showed up|arrived|came|turned up|delivered) on \w+day instead of|kam (?:erst )?am \w+tag statt|"
                     r"arrivée? (?:le )?\w+di au lieu|llegó el \w+ en (?:vez|lugar) del|arrivat[oa] (?:di )?\w+dì invece|"
                     r"chegou n[ao] \w+ em vez|kwam (?:pas )?op \w+dag in plaats van")

# Equipment out of service ("it's 'out of order' again when I come in"): no order to chase, nothing to photograph
_OUT_OF_ORDER = _pattern(r"out of order|außer betrieb|hors service|en panne|fuera de servicio|fuori servizio|"
                         r"fora de serviço|buiten gebruik|\bdefect\b")
# Relief after a worry ("I was so worried", "Estaba preocupadísima"): a thank-you, not an achievement
_RELIEF = _pattern(r"worried|relieved|what a relief|besorgt|erleichtert|sorgen gemacht|inquiet|soulag|preocupad|aliviad|"
                   r"qué alivio|preoccupat|sollievo|che sollievo|que alívio|bezorgd|opgelucht")
# A checkout that fails: nothing has been ordered, so no parcel to chase
_CHECKOUT = _pattern(r"checkout|check-out|kasse|caisse|paiement|pago|pagamento|afrekenen|betalen")
_ERROR = _pattern(r"\berror|fehler|erreur|errore|\berro\b|foutmelding|\bfout\b")
# A wide fit asked for ("comes back in a wide fit?"): a variant, not a restock
_WIDE_FIT = _pattern(r"wide (?:fit|width|version)|\bin (?:a )?wide\b|weite[nr]? passform|breite[nr]? (?:passform|ausführung)|"
                     r"pied large|version large|horma ancha|calzata larga|pianta larga|forma larga|pé largo|"
                     r"brede (?:pasvorm|leest)")
# The replacement faulty too: the second one
_AGAIN_FAULTY = _pattern(r"two now|second one|the replacement|same (?:problem|fault|issue)|\bersatz|\bzweite[sn]?\b|"
                         r"remplaçant|deuxième|reemplazo|\b(?:el|la|o|a) segund[oa]\b|sostitut|\b(?:il|la) second[oa]\b|"
                         r"substitu|vervang|"
                         r"\btweede\b")
# A visit or a tour a team member made good: a one-off, so no "how has everything been since?"
_VISIT = _pattern(r"museum|museo|musée|museu|\btour\b|paddle|\bvisit|\bvisite|\bvisita|besuch|bezoek|biglietteria|"
                  r"ticket desk|billetterie|taquilla|bilheteira|kassa|führung|rondleiding|\bguide[d]?\b|\bguida\b|\bgids\b")
# A severe allergy, or traces asked about: the answer is the point
_SEVERE = _pattern(r"severe|anaphyla|epipen|cross-?contam|same (?:lines?|equipment|surfaces?)|\btraces?\b|schwer|"
                   r"anaphylax|spuren|sévère|grave|trazas|tracce|vestígios|ernstig|sporen|stesse linee|misma línea")
# What it is for, told ("per la moka", "planning a cardigan for my son"): "what will you mainly use it for?" asks it
_USE_TOLD = _pattern(r"\b(?:for|per|pour|para|für|voor) (?:the |my |a |la |il |ma |mi |mia |meine?n? |mijn |een |une? |"
                     r"uma? |o |a )?(?:moka|espresso|filter|french press|aeropress|v60|cafeti[eè]re|cafetera|siebträger|"
                     r"cardigan|sweater|jumper|pull|jersey|maglione|camisola|trui|pullover|socks|chaussettes|calcetines|"
                     r"calzini|meias|sokken|socken)\b|planning an? \w+ for")
# Praise before the "but" of mixed feedback ("Love the place but the music was way too loud")
_PRAISE_WORDS = _pattern(r"\blov|great|lovely|amazing|beautiful|brilliant|fantastic|perfe|genial|super|toll|\btop\b|hammer|"
                         r"klasse|leuk|mooi|geweldig|génial|magnifique|clair|\bbell|ottim|ótim|lind|ador|amei|encant")
# Cases with no question that fits every comment of them, and no falling back to their situation's: the team writes
# its own. A loss; progress over weeks ("what does your routine look like now?" asks what they told: "1:16, 3:10");
# a complaint that tells all there is (mixed feedback, equipment out of order), where "could you DM us the details?"
# asks it again and deflects; a checkout that fails, where no order number or parcel exists to ask about; a choice
# whose use is told ("per la moka"), where "what will you mainly use it for?" and a gift's "whom is it for?" ask it.
UNASKED = frozenset({"loss", "result_pet", "result_progress", "problem_told", "problem_checkout", "question_use_told"})

# What a free plan allows, cut back ("the 'free' version now lets me do one lesson a day before the paywall")
_FREE_LIMIT = _pattern(r"paywall|free (?:version|plan|tier)|gratisversion|kostenlose version|version gratuite|"
                       r"versión gratuita|plan gratuito|versione gratuita|piano gratuito|versão gratuita|plano gratuito|"
                       r"gratis versie|gratis abonnement")

# Checked in this order: the first whose pattern matches is the case.
_PROBLEM_CASES = (
    ("problem_travel", _TRAVEL), ("problem_wrong_day", _LATE_DAY), ("problem_limit", _FREE_LIMIT), ("problem_wrong_item", _WRONG_ITEM), ("problem_missing", _MISSING),
    ("problem_not_as_pictured", _NOT_AS_PICTURED), ("problem_not_received", _SAYS_DELIVERED),
    ("problem_courier", _COURIER), ("problem_refund", _AWAITED_REMEDY), ("problem_billing", _BILLING),
    ("problem_service", _SERVICE),
)
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


def staff_name(text: str) -> str | None:
    """The name of the team member a comment opens by thanking ("Big thank you to Priya ..."), if any."""
    found = _THANKS_TO.search(text)
    return (found.group(1) or found.group(2)) if found else None


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
            and not _first(comment.plain, _PRAISED):
        return "result_plant"  # "Fatto come dicevate, dopo 3 settimane ha messo foglie nuove!!"
    return key


def _case(comment: CommentText, reading: Reading) -> str:
    text = comment.plain
    situation = reading.situation
    if GRIEF.search(text) and situation not in ("question", "availability", "collaboration", "fan_reply"):
        if _CONTENT.search(text):
            return "thanks_grief"  # a loss is no complaint
        # a loss behind something begun or finished since ("started piano lessons a few months after my dad passed",
        # "ho finito il mio primo maglione"): that is the story; "anything we can do for you?" would make it a request
        return "story_carried_on" if _CARRIED_ON.search(text) else "story_grief"
    if _LOSS.search(text) and situation not in ("question", "availability", "collaboration", "fan_reply", "problem"):
        return "loss"  # an illness or a loss in other words: no bank, the team writes its own
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
        if _HOWTO.search(text) or _ASKS_IF_FAULT.search(text):
            return _question(text, "question")
        if _RELEASE.search(text):
            return "availability_release"
    if situation == "problem" and _REQUEST.search(text) and reading.problem not in ("damaged", "delivery", "billing"):
        return "feedback_request"
    if situation in ("question", "result", "feedback", "thanks") and _FIXED.search(text) and _THANKS.search(text) \
            and "?" not in text:
        return "thanks_fixed"  # "ist angekommen und eingebaut, danke!" opens like a question in German
    if situation == "result" and _THANKS.search(text) and _RELIEF.search(text):
        return "thanks"  # "Mil gracias!! ... se lo come todo otra vez. Estaba preocupadísima": relief, no "menudo logro"
    if situation == "problem" and reading.problem == "general" and _THANKS.search(text) and _FIRST_DONE.search(text) \
            and _PROGRESS.search(text) and not _ARRIVAL.search(text):
        situation = "result"  # "FINALLY sent my first V5 ... thank you to whoever set it, it broke me": no apology
    if situation == "result" and _THANKS.search(text) and _HELP.search(text):
        return "thanks"  # a result of our tip is a thank-you: no "what's your next challenge?"
    if situation == "result" and _turns_critical(comment) and (_REQUEST.search(text) or _FEATURE_REQUEST.search(text)):
        situation = "feedback"  # "first game last night, gorgeous art! But the rulebook really needs an example turn"
    if situation in ("result", "story") and _turns_critical(comment) and _DISAGREE.search(text):
        return _disagree(text)  # "der Rand ist seit der Rezeptumstellung viel zu dünn ... Früher war der besser"
    if situation == "result" and _MEMORY.search(text):
        return "story_memory"
    if situation in ("question", "feedback") and _REQUEST.search(text) and _CONTENT_ASK.search(text):
        return "question_content"  # "could you do a video on ...?"
    if situation == "question" and _REQUEST.search(text):
        return "feedback_request"  # "vocês podiam fazer a granola sem açúcar"
    if situation == "result" and reading.person and not _SPORT.search(text) and (
            not _MADE.search(text) or _GIFT.search(text) or _CELEBRATION.search(text)):
        situation = "story"  # what they did for someone: the person is the story
    if situation in ("noise", "story") and _REQUEST.search(text):
        return "feedback_request"
    if situation in ("problem", "result", "thanks", "feedback", "story", "noise") and _THANKS_TO.search(text) \
            and not comment.asks_question:
        return _to_staff(text)
    if situation in ("question", "availability", "collaboration") and _PROPOSAL.search(text) \
            and not _CREATOR.search(text):
        situation = "collaboration"
    if situation in ("question", "availability", "feedback", "noise") and _INTRO.search(text) and _TERMS.search(text) \
            and len(comment.words) < 60:  # not a customer's long question that ends asking for a charity discount
        situation = "collaboration"  # "I run a small taco truck ... Open to a collab?", "Fate prezzi per ristoranti?"
    if situation == "noise" and not comment.asks_question and (_ACHIEVED.search(text) or (
            _PROGRESS.search(text) and (_SPORT.search(text) or _RECOVERY.search(text))) or (
            _WEEKS.search(text) and _SKINCARE.search(text))):
        situation = "result"
    if situation == "problem":
        key = _problem(text, reading)
        return "problem_told" if key == "problem" and _praised_first(comment) else key
    if situation in ("question", "availability"):
        if _THANKS.match(text.lstrip()) and "?" not in _BRACKETED.sub(" ", text):
            return "question"  # "Merci à la libraire (Camille je crois ?) qui m'a conseillé...": thanks, asking nothing
        asked = _question(text, situation)
        if asked == "availability_release" and _DIET.search(text):
            return "question"  # "instructions for a gluten free version?" asks about a diet, not a release
        if asked == "question_choosing" and _USE_TOLD.search(text):
            return "question_use_told"  # "per la moka", "a cardigan for my son": no "what will you mainly use it for?"
        if asked == "question" and reading.praise and not _THANKS.search(text):
            return "praise_content" if _CONTENT.search(text) else "praise"  # "Who drew these? They're lovely."
        return asked
    if situation == "result":
        if _PET.search(text) and not _SPORT.search(text):
            return "result_pet"  # no bank: "which part took the most work?" does not fit a dog's recovery
        if _FIXED.search(text) and not _SPORT.search(text) and not _MADE.search(text):
            return "thanks_fixed"
        if _RECOVERY.search(text):
            return "result_recovery"
        if _SKINCARE.search(text) and _WEEKS.search(text):
            return "result_skincare"  # "6 weeks on the retinol and my forehead lines are genuinely softer"
        if _SPORT.search(text) or _MADE.search(text):
            return "result_sport" if _SPORT.search(text) else "result_made"
        if not _PROGRESS.search(text) or _ACHIEVED.search(text) or _FIRST_DONE.search(text):
            return "result"
        # progress over weeks: what kept them at a habit ("6 months of the envelope feature and I've paid off my card")
        return "result_habit" if _STUCK_WITH.search(text) else "result_progress"
    if situation == "thanks":
        if reading.person and _HELP_GIVEN.search(text) and _HEALTH.search(text):
            return "thanks_person"
        if _FIXED.search(text):
            return "thanks_fixed"
        if _HARD_TIME.search(text):
            return "thanks_support"
        if _STAFF.search(text):
            return _to_staff(text)
        if _CONTENT.search(text):
            return "thanks_content"
        return "thanks" if _HELP.search(text) else "praise"  # "really appreciate the packaging" is praise
    if situation == "feedback":
        return _feedback(text, reading)
    if situation == "story":
        if reading.praise and not reading.person and not _KIDS.search(text):
            return _feedback(text, reading)
        if reading.person and _THANKS.search(text) and _HELP_GIVEN.search(text) and _HEALTH.search(text):
            return "thanks_person"  # "you talked me through my son's fever": how is he now
        if reading.person in ("daughter", "son", "child") and _BIRTHDAY.search(text) and not re.search(r"\d", text):
            return "story_birthday"  # a child's birthday, its age not told: how old they turned
        if _ENGAGED.search(text):
            return "story_engaged"  # a proposal: have they set a date (not "what was the highlight?")
        if reading.person and _CELEBRATION.search(text):
            # a present for it: what the person likes about it; else none ("what was the highlight?" asks what they told)
            return "story_gift" if _GIVEN_AS_GIFT.search(text) else "story_celebration"
        if _MEMORY.search(text) and not _TODAY.search(text):
            return "story_memory"
        if reading.person and _GIFT.search(text):
            return "story_gift"
        if _KIDS.search(text):
            return "story_kids"
        if reading.person not in (None, "kids") and _opens_with_person(comment, reading.person) and thing_kind(text) \
                and not _turns_critical(comment):
            return "story_thing"  # "mi madre ha empezado vuestras clases de yoga": what she enjoys most about them
        return "story_person" if reading.person else "story"
    if situation == "collaboration":
        if _STOCKIST.search(text):
            return "collaboration_stockist"
        if _SHELTER.search(text):
            return "collaboration_proposal"  # an animal shelter: no event to date, no channel to link
        # a link to their channel only from a creator: a club or a taco truck has none
        return "collaboration_cause" if _CHARITY.search(text) else (
            "collaboration" if _CREATOR.search(text) else "collaboration_proposal")
    return situation


def complaint(comment: CommentText, reading: Reading) -> str:
    """The case of a comment read as a problem, as a complaint: for one whose own case (a question, a stock
    question) has no question that fits it, so that every complaint gets an empathetic one."""
    return _problem(comment.plain, reading)


def _problem(text: str, reading: Reading) -> str:
    if _OUT_OF_ORDER.search(text):
        return "problem_told"
    if _CHECKOUT.search(text) and _ERROR.search(text) and not _ARRIVAL.search(text):
        return "problem_checkout"  # "siempre me salta error en el checkout": no order yet, nothing to chase
    if reading.problem == "smaller":
        return "problem_smaller"  # less for the same money
    if _REACTION.search(text):
        return "problem_reaction"
    if reading.problem == "ignored" or _IGNORED.search(text) or (_TICKET.search(text) and _BILLING.search(text)):
        return "problem_ignored"
    if reading.problem in ("damaged", "delivery", "general") and SPOILED.search(text) and _ARRIVAL.search(text):
        return "problem_spoiled"  # "showed up at 8:25 stone cold": not a parcel to chase
    if reading.problem in ("damaged", "delivery", "general") and _DAMAGED.search(text) and _ARRIVAL.search(text) \
            and not (_TRAVEL.search(text) or _WRONG_ITEM.search(text) or _SAYS_DELIVERED.search(text)
                     or _COURIER.search(text)):
        return "problem_fault_again" if _AGAIN_FAULTY.search(text) else "problem_damaged"
    by_words = _first(text, _PROBLEM_CASES)
    if by_words:
        return by_words
    if reading.problem in ("billing", "price", "service"):
        return f"problem_{reading.problem}"
    if _SIZING.search(text):
        return "problem_sizing"
    if reading.problem == "delivery" and not ("tracking" in reading.given or _ARRIVED_LATE.search(text)):
        if _FAULT.search(text):
            return _fault(text, "problem_fault")  # it came, with a fault ("arrived ... the same wobbly handle")
    if reading.problem == "delivery" or ("tracking" in reading.given and _ARRIVAL.search(text)):
        return "problem_late" if _ARRIVED_LATE.search(text) else "problem_delivery"  # tracking: a parcel, not an app
    if _DISAGREE.search(text):
        return "feedback" if _OLD_DESCRIBED.search(text) else (
            "problem_changed" if _WAS_BEFORE.search(text) else "feedback_opinion")
    if _IN_THE_WAY.search(text):
        return "problem_ux"
    if _LETDOWN.search(text) and len(text.split()) < 12:
        return "problem_letdown"
    if _CONTENT.search(text) and _AUDIO.search(text):
        return "problem_content"  # its question asks which app they listened in: not for a video's advice
    if reading.problem == "app" or _SOFTWARE.search(text):
        return "problem_app"
    return _fault(text, _first(text, (("problem_food", _FOOD), ("problem_fault", _FAULT))) or "problem")


def _fault(text: str, key: str) -> str:
    """A fault in a replacement too ("the same wobbly handle lol. That's two now"): not "that shouldn't happen"."""
    return "problem_fault_again" if key == "problem_fault" and _AGAIN_FAULTY.search(text) else key


def _to_staff(text: str) -> str:
    """Thanks to someone on the team: for a first or trial lesson (will we see you again?), for a class, for a visit
    or a tour (none: "how has everything been since?" fits no one-off visit), or for anything else."""
    if _TRIAL_LESSON.search(text):
        return "thanks_trial"
    return "thanks_class" if _CLASS.search(text) else "thanks_visit" if _VISIT.search(text) else "thanks_staff"


def _first(text: str, cases: tuple[tuple[str, re.Pattern[str]], ...]) -> str | None:
    """The first case whose pattern the text matches."""
    return next((key for key, pattern in cases if pattern.search(text)), None)


def _disagree(text: str) -> str:
    """A change they do not like ("the old recipe was better"), or an opinion they do not share; none when they
    said what the old one was like ("das war saftiger"): asking what they liked about it would ask it again."""
    if _OLD_DESCRIBED.search(text):
        return "feedback"
    return "feedback_disagree" if _WAS_BEFORE.search(text) else "feedback_opinion"


def _question(text: str, situation: str) -> str:
    if _LEAVING.search(text):
        return "question_leaving"
    if situation != "availability" and _FIT.search(text) and not _CARE.search(text):
        return _fit(text)
    if _DISCONTINUED.search(text):
        return "feedback_discontinued"  # "warum gibt es die Familienpackung nicht mehr?"
    if _CARE.search(text):
        return "question_care"
    if situation == "availability" or any(p.search(text) for p in (_RESERVE, _RELEASE, _RESTOCK, _ALSO, _SHIP_TO, _WIDE_FIT)) or (
            _STORE.search(text) and _IN_STORE.search(text)):
        held = _first(text, (("availability_reserve", _RESERVE), ("availability_wide", _WIDE_FIT),
                             ("availability_restock", _RESTOCK)))
        if not held and _OTHER_SIZE.search(text):
            return "availability_variant"  # "auch in der 100ml Größe?": no "if your size is out of stock"
        if not held and _SIZE.search(text):
            return "availability_store" if _STORE.search(text) else "availability_size"
        return held or _first(text, _AVAILABILITY_CASES) or "availability"
    if _HOWTO.search(text) and _SOFTWARE.search(text) and not _CHOOSING.search(text) and not _FIT.search(text):
        return "question_howto_app"
    if _HOWTO.search(text) and _MAKING.search(text):
        return "question_making"
    if _ACCESS.search(text):
        return "question_visit"  # "the website doesn't say" is no symptom
    return _first(text, _QUESTION_CASES) or ("question_care" if _HOWTO.search(text) else "question")


def _fit(text: str) -> str:
    """Whether it fits: a trip (luggage), hair, an allergy, skin, a device (which model), or anything else (what it
    is for). "Which model do you have?" only where a model is owned: not for curly hair."""
    if _SOFTWARE.search(text):
        return "question_choosing"  # "does the app work with joint accounts?": what for, not which model
    fit = _first(text, (("question_fit_trip", _LUGGAGE), ("question_fit_hair", _HAIR), ("question_allergy", _ALLERGY),
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


def _feedback(text: str, reading: Reading) -> str:
    if _LENGTH.search(text):
        return "feedback_content"
    if _DISCONTINUED.search(text):
        return "feedback_discontinued"
    if _DISAGREE.search(text):
        return _disagree(text)
    if _REQUEST.search(text) or (not reading.praise and _FEATURE_REQUEST.search(text)):
        return "feedback_request"
    if reading.praise or reading.situation == "story":
        if _HARD_TIME.search(text):
            return "thanks_support"  # "got me through a really rough month"
        if _STAFF.search(text):
            return "thanks_staff"
        if _CONTENT.search(text):
            return "praise_named" if _NAMED_PART.search(text) else "praise_content"
        # praise that names a price or a smaller size is sarcasm more often than not ("Bin begeistert.")
        praised = None if reading.person or _PRICED.search(text) else _first(text, _PRAISED)
        if praised:
            return praised
        return "praise_app" if _SOFTWARE.search(text) and not _PRODUCT_WORDS.search(text) else "praise"
    return "feedback"
