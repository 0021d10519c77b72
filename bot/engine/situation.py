"""What a comment is doing, read in its own language: asks for help, asks whether something is to be had, reports a
problem (also between the lines: "not impressed", "still says", a sarcastic "great job"), shares a result or a
story, thanks, gives feedback, proposes a collaboration, or talks to another commenter rather than to us; and what
it already tells (an order number, a device, a date, a person it is about), so that nobody asks for it again.

The scorer reads it to tell a fan answering a fan from a comment for us; the suggester picks its questions by it.
Each language has its own markers, written for how people write in it, not translated word for word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.engine.comment_text import GLAD_TURN, CommentText

ANGRY = -0.75  # upset enough to read as a problem without a problem word (two complaint words in other languages)
STRONG_PRAISE = 0.6  # glad enough to read as praise without a praise word (VADER reads "like you asked" as 0.4)
SITUATIONS = (
    "question", "availability", "problem", "result", "story", "thanks", "feedback", "collaboration", "fan_reply",
    "noise",
)


@dataclass(frozen=True)
class Thread:
    """What the comment answers: its parent's text, and whether the brand wrote it or the comment's own author did
    (parent_text None: a top-level comment)."""

    parent_text: str | None = None
    parent_by_brand: bool = False
    parent_by_author: bool = False  # a follow-up to their own comment ("Still no answer about the lid?")

    @property
    def answers_a_commenter(self) -> bool:
        return self.parent_text is not None and not self.parent_by_brand and not self.parent_by_author


@dataclass(frozen=True)
class Reading:
    situation: str  # one of SITUATIONS
    problem: str | None  # "smaller", "damaged", "price", "billing", "delivery", "app", "ignored", "service", "general"
    praise: bool  # the feedback or result is glad rather than critical
    person: str | None  # who they did it for or with, as a key of the question banks' PEOPLE ("mother", "friend")
    given: frozenset[str]  # what they told: "order" (or bought in a shop), "device", "date", "tracking", "update",
    # "occasion", "version", "place", "error", "link" (a handle or a link: where their work is)


# Per language: markers of each situation (regular expressions over the lowercased text, word-bounded).
_MARKERS: dict[str, dict[str, str]] = {
    "en": {
        "problem": r"hasn'?t (?:even )?(?:left|shipped|moved|been sent)|still (?:in|at) the warehouse|not ok(?:ay)?\b|\bhmm+\b|\bsplit\b|came without|arrived without|makes you|forced to|no way to|can'?t even|🙃|🙄|👏👏|hangs? up|shrank|shrunk|not impressed|way off|still (?:says|shows|waiting|no\b|not|nothing|broken|hasn'?t)|"
        r"runs? (?:(?:\w+ )?sizes? )?(?:small|large|big)\b(?! \w)|(?:second|third|fourth) time (?:my|the|it|this|that)|"
        r"(?:still|is|been|got|gets|it'?s) stuck|(?:has|have)n'?t (?:arrived|come|heard|received)|"
        r"been waiting|stopped working|keeps (?:crashing|freezing|logging|failing|closing)|charged (?:twice|me|again)|"
        r"double charged|overcharged|rude|ignored|waste of|so slow|slow since|laggy|lagging|torn|"
        r"nothing like|not as (?:pictured|described|shown|advertised)|says delivered|marked (?:as )?delivered|never received|"
        r"haven'?t received|zero (?:replies|responses?|help)|no replies|👏|"
        r"too expensive|costs? too much|overpriced|nothing yet|still nothing|(?:does|do)n'?t look like|"
        r"won'?t (?:charge|turn on|start|connect|pair|close|stay)|(?:does|do)n'?t (?:charge|turn on|connect|pair)|"
        r"where is my (?:order|parcel|package|refund|delivery)|hello\?+|anyone there|\?{3,}|still (?:dies|drains|breaks|leaks|fails|crashes|freezes)|drains|"
        r"thanks for nothing|yeah right|(?<!you )(?<!thanks )so much for|love that for us|another price|great job\W+(?:not|guys)|oh great|just great|what a joke|"
        r"/s\b|never again|fell apart|falling apart|ripped|torn|stained|smells? (?:off|weird|bad)|tastes? (?:off|stale)|"
        r"cancel+ed my|lost my|won'?t (?:let|load|work|open|sync)|doesn'?t (?:work|fit|sync|load)|"
        r"didn'?t (?:work|fit|arrive|get)|can'?t (?:log ?in|login|find|access|open|get|reach)|"
        r"\brefund|broken|broke|crash\w*|damaged|faulty|defect\w*|(?<!really )(?<!so )(?<!i'm )(?<!she's )(?<!he's )missing|wrong (?:size|item|order|colou?r)|"
        r"disappoint\w*|unacceptable|ridiculous|frustrat\w*|annoy\w*|terrible|awful|horrible|useless|"
        r"no (?:answer|reply|response)|nobody (?:answer|repl|respond|got back)\w*|on hold|scam|delayed|late again|"
        r"(?:such a )?shame|overbooked|barely|so quiet|couldn'?t (?:even )?(?:see|hear|get|use)|thanks a lot\W*$|"
        r"got (?:a|the wrong)|instead of (?:a|the|my)|soaked|ruined|spel+(?:ed|t) wrong|(?:super|too|very|really) quiet|too loud|"
        r"snapped|came off",
        "availability": r"do you (?:ship|deliver|sell|stock|carry|have|make|still)|ship(?:ping)? to|deliver to|"
        r"in stock|back in stock|restock|sold out|available|pre-?order|come in (?:a |other )?(?:size|colou?r|\w+ size)|"
        r"(?:is|are) (?:there|it|they) (?:a|an|any)? ?\w* ?(?:version|size)|when (?:will|does|do|is) .{0,40}"
        r"(?:back|available|out|release|launch|open|get|have|support|come)|open on|opening hours|where can i (?:buy|get)",
        "collaboration": r"for our (?:school|team|club|charity)|do you do anything for|who (?:can|should) i (?:talk|speak) to|would you be open to|collab\w*|(?<!my )(?<!your )partner(?:ship)?|sponsor\w*|work together|working together|ambassador|"
        r"affiliate|pr (?:package|list)|my (?:channel|followers|audience|blog|podcast|shop|store)|wholesale|"
        r"stock your|in our (?:shop|store|caf[eé]|restaurant)|feature (?:you|your)|interview (?:you|your)|guest on",
        "feedback": r"should|would be (?:nice|great|better|good|cool|amazing)|discontinued|bring (?:it|them) back|worse|used to be (?:better|good)|no longer|"
        r"confusing|not a fan|don'?t like|less (?:useful|handy|practical)|clunky|wish|please (?:add|bring|make|consider)|"
        r"(?:i'?d|i would) love (?:it|to see|if)|disagree|not sure (?:about|i agree)|i prefer|suggestion|"
        r"bring back|miss the old|why did you (?:change|remove|drop)|could you (?:add|make)|feature request|"
        r"don'?t agree|i think|in my opinion|imo|honestly",
        "result": r"finally|made (?:it|the|this|your|my)|baked|cooked|built|finished|completed|ran (?:my|the|a)|"
        r"first (?:time|ever|marathon|race|ride|loaf|batch|attempt)|personal best|marathon|race|hike|\d+k\b|\bpb\b|\bpr\b|turned out|"
        r"it worked|worked (?:great|perfectly|like)|passed|nailed|managed to|lost \d+|\d+ ?(?:km|k|miles|kg|lbs)|"
        r"just (?:got|tried|made|finished|did)|tried (?:it|the|your)|here'?s (?:my|how)|streak|\d+ (?:weeks|months) (?:on|in|of|with)|"
        r"didn'?t think it would work|(?:is|are) (?:genuinely|finally|actually) (?:softer|better|gone)",
        "story": r"reminds? me|when i was|years ago|grew up|used to|my (?:late|first)|memories|took me back|"
        r"back in|every (?:morning|sunday|year|christmas)|tradition|gift|birthday|wedding|anniversary|christmas",
        "thanks": r"thank|thanks|thx|grateful|appreciate|cheers|you (?:saved|made) my",
        "brand": r"@\w+|you guys|y'?all|your (?:team|store|shop|site|website|app|company|support|staff)|admin|"
        r"do you|can you|will you|are you",
    },
    "de": {
        "problem": r"nur noch \d+|echt schwach|zucht|nervig|bestellt und .{0,20}bekommen|wieder nicht|🙃|🙄|👏👏|nervt|eingelaufen|(?:zum )?(?:zweiten|dritten) mal|geliefert statt|\w+ bestellt,? \w+ geliefert|kaputt|beschädigt|defekt|fehlt|fehlte|falsch\w*|immer noch (?:nicht|kein|nichts)|noch immer|"
        r"seit \w+ (?:tagen|wochen)|warte\w* seit|nicht angekommen|nie angekommen|keine antwort|niemand antwortet|"
        r"stürzt|abstürz\w*|absturz|funktioniert (?:nicht|nicht mehr)|geht nicht|lässt sich nicht|"
        r"enttäuscht|enttäuschend|ärgerlich|unverschämt|unfreundlich|frech|schlecht|schlechter|katastrophe|"
        r"unmöglich|frechheit|zu klein|zu groß|fällt (?:\w+ )?(?:klein|groß) aus|doppelt (?:abgebucht|belastet)|"
        r"rückerstattung|erstattung|reklamation|beschwerde|ein problem mit|fehler|na toll|danke für nichts|"
        r"super gemacht\W+nicht|nie wieder|leider|ausverkauft und|langsam|lahm|zerrissen|verbeult|nervt|"
        r"nicht mehr wie|schmeckt nicht|öffnet nicht|lädt nicht|startet nicht|als zugestellt|nichts bekommen|nicht erhalten|zu teuer|kostet zu viel|immer noch nichts|sieht ganz anders aus|nicht wie auf dem foto|wo (?:ist|bleibt) meine (?:bestellung|lieferung|rückerstattung)",
        "availability": r"gibt es|habt ihr .{0,40}(?:auch|noch|wieder|vorrätig|auf lager|in größe|in farbe)|liefert ihr|versendet ihr|verschickt ihr|lieferbar|verfügbar|"
        r"auf lager|wieder da|wieder (?:erhältlich|verfügbar)|vorbestell\w*|in (?:größe|grösse|farbe)|"
        r"wann kommt|wann gibt|ab wann|öffnungszeiten|geöffnet|offen|wo kann man|wo bekomme",
        "collaboration": r"ansprechpartner|an wen (?:kann|können) (?:ich|wir) uns wenden|kooperation|zusammenarbeit|zusammenarbeiten|bei uns (?:anbieten|verkaufen)|ins sortiment|unser\w* (?:café|laden|geschäft)|sponsor\w*|(?<!mein )(?<!meine )(?<!meinem )(?<!meinen )(?<!meiner )(?<!dein )(?<!deine )partner\w*|mein(?:em)? (?:kanal|blog|"
        r"podcast|laden)|meine follower|influencer|botschafter|großhandel|wiederverkäufer",
        "feedback": r"solltet|sollte|wäre (?:schön|toll|super|gut|besser|cool)|würde mir wünschen|wünsche mir|"
        r"bitte (?:wieder|mehr|macht|bringt)|vorschlag|finde ich (?:nicht|schade)|schade,? dass|sehe ich anders|"
        r"bin (?:nicht )?(?:der|einer) meinung|ich finde|nicht mehr gibt|meiner meinung|verwirrend|unübersichtlich|gefällt mir nicht|"
        r"schlechter|umständlich|könnt(?:et)? ihr .{0,30}(?:machen|bringen|anbieten)",
        "result": r"endlich|geschafft|gebacken|gekocht|gebaut|fertig|zum ersten mal|erstes mal|mein erster|"
        r"meine erste|bestzeit|hat geklappt|klappt|ausprobiert|nachgemacht|nachgebacken|\d+ ?(?:km|kg)",
        "story": r"erinnert mich|als ich|vor (?:\w+ )?jahren|aufgewachsen|früher|jedes jahr|tradition|"
        r"geschenk|geburtstag|hochzeit|weihnachten",
        "thanks": r"danke|vielen dank|dankeschön|herzlichen dank|bedanke",
        "brand": r"@\w+|habt ihr|könnt ihr|werdet ihr|seid ihr|liefert ihr|euer|eure|euch|ihr (?:habt|seid)",
        "ask": r"^(?:wann|wo|wie|was(?! für)|warum|wieso|weshalb|welche\w*|gibt es|kann man|könnt ihr|habt ihr|ist|sind)\b",
    },
    "fr": {
        "problem": r"refuse encore|impossible de|commandé .{0,30}reçu|au lieu d[ue']|🙃|🙄|👏👏|se déconnecte|(?:deuxième|troisième) fois|rétréci\w*|cassé\w*|abîmé\w*|endommagé\w*|défectueu\w*|manquant\w*|manquait|toujours pas|"
        r"jamais (?:reçu|arrivé)|pas (?:encore )?(?:reçu|arrivé)|aucune (?:réponse|nouvelle)|personne ne répond|"
        r"ne répond|plante|crash\w*|bug\w*|ne (?:marche|fonctionne) (?:pas|plus)|impossible de|déçu\w*|"
        r"décevant\w*|inadmissible|inacceptable|honteu\w*|nul(?:le)?|lamentable|scandaleu\w*|grossier|impoli|"
        r"taille (?:petit|grand)|trop (?:petit|grand)|débité deux fois|rembours\w*|réclamation|un problème avec|"
        r"erreur|merci pour rien|ne s'ouvre (?:pas|plus)|ne charge pas|ne démarre pas|rien reçu|pas reçu|marqué livré|trop cher|coûte trop|toujours rien|raccroch\w*|rien à voir|pas comme sur la photo|déchiré\w*|lent\w*|rame|casse\w*|ne marche plus|où (?:est|en est) ma commande|où est mon colis|bravo\W+(?:vraiment|encore)|génial\.\.\.|plus jamais|arnaque|en retard|retard",
        "availability": r"vous livrez|livrez-vous|livraison (?:en|au|aux|à)|expédiez|vous avez|avez-vous|"
        r"disponible|en stock|de retour|réassort|rupture|précommande|existe-t-(?:il|elle)|existe en|"
        r"en taille|quand (?:est-ce que|sortira|revient|arrive)|horaires|ouvert\w*|où (?:peut-on|acheter|trouver)",
        "collaboration": r"à qui (?:puis-je|peut-on|dois-je) (?:m'adresser|nous adresser|parler|écrire)|collab\w*|partenariat|(?<!mon )(?<!ma )partenaire|sponsor\w*|travailler ensemble|ma chaîne|mon blog|"
        r"mon podcast|ma boutique|mes abonnés|ambassad\w*|revendeur|grossiste|revendre|dans notre (?:boutique|café|magasin)",
        "feedback": r"manque (?:vraiment|un|une|le|la|l')|devriez|faudrait|ce serait (?:bien|top|génial|mieux|super)|j'aimerais (?:bien|que|voir)|"
        r"dommage que|je ne suis pas d'accord|pas d'accord|suggestion|je trouve|à mon avis|je préfère|"
        r"remettez|ramenez|pourquoi avoir (?:changé|supprimé)|ne vendez plus|n'existe plus|confus\w*|pas pratique|moins bien|je n'aime pas|compliqué|"
        r"pourriez-vous (?:faire|ajouter|proposer)|vous pourriez (?:faire|ajouter|proposer)",
        "result": r"enfin|réussi|fait (?:le|la|les|votre|ma|mon)|cuisiné|construit|terminé|fini|première fois|"
        r"mon premier|ma première|record|ça a marché|ça marche|testé|essayé|\d+ ?(?:km|kg)",
        "story": r"me rappelle|quand j'étais|il y a \w+ ans|enfance|grandi|autrefois|chaque année|tradition|"
        r"cadeau|anniversaire|mariage|noël",
        "thanks": r"merci|reconnaissant\w*",
        "brand": r"@\w+|vous|votre|vos",
        "ask": r"^(?:quand|où|comment|pourquoi|quel\w*|est-ce|combien|y a-t-il|peut-on)\b",
    },
    "es": {
        "problem": r"cobrasteis|cobraron|me cobr\w+ .{0,30}dos veces|llevo .{0,30}esperando|devuelvan el dinero|me queda (?:enorme|grande|pequeñ\w*|fatal)|no tiene sentido|🙃|🙄|👏👏|derramad\w*|bolsa abierta|llegó (?:roto|rota|abiert\w*|mal)|(?:segunda|tercera|cuarta) vez que|me cancelan|me cancelaron|encogi\w*|roto|rota|rotos|dañad\w*|defectuos\w*|falta\w*|faltaba|todavía no|aún no|sigue sin|"
        r"nunca (?:llegó|recibí)|no (?:ha )?llegado|no llegó|nadie (?:contesta|responde)|sin respuesta|"
        r"se cierra|se cuelga|no funciona|no puedo|decepcion\w*|pésim\w*|terrible|horrible|fatal|vergüenza|"
        r"maleducad\w*|grosero|tall\w* (?:pequeñ|grande)|muy (?:pequeñ|grande)|cobrado dos veces|reembolso|"
        r"devolución|queja|reclamación|un problema con|error|gracias por nada|qué bien\W+(?:no|otra)|nunca más|"
        r"estafa|tarde|retraso|no (?:se )?abre|no carga|no arranca|no he recibido|marcado como entregado|muy caro|demasiado caro|cuesta demasiado|todavía nada|nada que ver|no se parece|dónde está mi pedido|esperando (?:respuesta|una respuesta)|llevo \w+ \w+ esperando|rasgad\w*|abollad\w*|va lent\w*|ya es la (?:segunda|tercera) vez|equivocad\w*|en (?:vez|lugar) de",
        "availability": r"hacen envíos|envían a|envíos? a|tienen|hay (?:stock|talla|disponible)|disponible|"
        r"en stock|vuelve|reposición|agotad\w*|preventa|en talla|en (?:color|colores)|cuándo (?:sale|llega|vuelve)|"
        r"horario|abren|abierto\w*|dónde (?:puedo|se puede) (?:comprar|conseguir)",
        "collaboration": r"con quién (?:puedo|podemos) hablar|nos gustaría (?:organizar|proponer|colaborar)|colab\w*|colaboración|patrocin\w*|trabajar juntos|mi canal|mi blog|mi podcast|"
        r"mi tienda|mis seguidores|embajador\w*|distribuidor\w*|mayorista|en nuestra tienda|nuestro café|vender vuestr\w*",
        "feedback": r"deberían|debería|estaría (?:bien|genial|mejor)|me gustaría (?:que|ver)|ojalá|"
        r"no estoy de acuerdo|sugerencia|creo que|en mi opinión|prefiero|vuelvan a|por qué (?:cambiaron|quitaron)|"
        r"confus\w*|no me gusta|peor|complicad\w*|ya no (?:venden|hay|está|tienen)|podr[ií]ais (?:hacer|sacar|añadir)|podrían (?:hacer|sacar|añadir)",
        "result": r"ya no me duele|(?:tras|después de) \d+ (?:meses|semanas)|por fin|logré|conseguí|hice|horneé|cociné|construí|terminé|primera vez|mi primer|mi primera|"
        r"récord|funcionó|salió|probé|\d+ ?(?:km|kg)",
        "story": r"me recuerda|cuando era|hace \w+ años|crecí|de pequeñ\w*|cada año|tradición|regalo|cumpleaños|"
        r"boda|navidad",
        "thanks": r"gracias|agradecid\w*|agradezco",
        "brand": r"@\w+|ustedes|vosotros|tienen|hacen|su tienda|vuestr\w*",
        "ask": r"^(?:cuándo|dónde|cómo|qué|por qué|cuál\w*|cuánto\w*|hay|tienen|se puede)\b",
    },
    "it": {
        "problem": r"il terzo\?|sotto la pioggia|ho ordinato .{0,30}(?:e )?(?:mi )?è arrivat\w*|invece (?:di|della|del|dello)|🙃|🙄|👏👏|bloccat\w*|taglia in meno|ristrett\w*|infeltrit\w*|mah\.|bravi\W*$|rott\w*|danneggiat\w*|difettos\w*|mancava|manca\b|ancora (?:non|niente|nessun)|"
        r"mai (?:arrivat|ricevut)\w*|non (?:è )?(?:ancora )?arrivat\w*|nessuna risposta|nessuno risponde|"
        r"si blocca|crash\w*|non funziona|non riesco|delus\w*|pessim\w*|vergogn\w*|scortes\w*|maleducat\w*|"
        r"taglia (?:piccol|grand)|troppo (?:piccol|grand)|addebitato due volte|rimborso|reclamo|un problema con|"
        r"errore|grazie di niente|non si apre|non carica|non parte|non ho ricevuto|risulta consegnat\w*|costa troppo|troppo car\w*|ancora niente|niente a che vedere|divers\w* dalla foto|dov'è il mio (?:ordine|pacco)|strappat\w*|ammaccat\w*|lentissim\w*|complimenti\W+(?:davvero|proprio)|mai più|truffa|ritardo|schifo",
        "availability": r"spedite|spedizion\w* (?:in|a|per)|consegnate|avete|c'è (?:la|il|in)|disponibil\w*|"
        r"in magazzino|di nuovo|rifornit\w*|esaurit\w*|preordin\w*|in taglia|in (?:colore|altri colori)|"
        r"quando (?:arriva|esce|torna|riapre)|orari|aperti|siete aperti|dove (?:posso|si può) (?:comprar|trovar)",
        "collaboration": r"con chi (?:posso|possiamo) parlare|a chi (?:posso|possiamo) (?:rivolger|scriver)\w*|collab\w*|partnership|sponsor\w*|lavorare insieme|il mio canale|il mio blog|"
        r"il mio podcast|il mio negozio|i miei follower|ambassador|rivenditor\w*|ingrosso|nel nostro (?:negozio|bar)|rivendere",
        "feedback": r"manca (?:la|il|l'|un|una)|dovreste|dovrebbe|sarebbe (?:bello|bellissimo|utile|meglio|fantastico)|mi piacerebbe|"
        r"vorrei (?:che|vedere)|non sono d'accordo|suggerimento|secondo me|penso che|preferisco|"
        r"rimettete|perché avete (?:cambiato|tolto)|non vendete più|non c'è più|confus\w*|non mi piace|peggio|scomod\w*|complicat\w*|"
        r"potreste (?:fare|aggiungere|creare)",
        "result": r"fatto (?:il|la|i|le)|\d+ ore di|finalmente|riuscit\w*|ho fatto|ho preparato|ho cucinato|ho costruito|finito|prima volta|"
        r"il mio primo|la mia prima|record|ha funzionato|provat\w*|\d+ ?(?:km|kg)",
        "story": r"mi ricorda|quando ero|anni fa|cresciut\w*|da piccol\w*|ogni anno|tradizione|regalo|"
        r"compleanno|matrimonio|natale",
        "thanks": r"grazie|ringrazio|riconoscent\w*",
        "brand": r"@\w+|voi|avete|spedite|vostr\w*",
        "ask": r"^(?:quando|dove|come|cosa|perché|quale|quanto|c'è|avete|si può)\b",
    },
    "pt": {
        "problem": r"não aparece|não carrega|faltou|veio sem|chegou sem|rasgou|descosturou|quebrou|estragou|furou|pedi .{0,30}(?:e )?(?:chegou|veio)|em vez d[aeo]|🙃|🙄|👏👏|cobraram|duas vezes no cartão|e nada\b|crus|desiludi\w*|encolheu|quebrad\w*|danificad\w*|defeito\w*|com defeito|faltando|faltava|descol\w*|ainda não|até agora|"
        r"nunca (?:chegou|recebi)|não chegou|ninguém (?:responde|respondeu)|sem resposta|trava|fecha sozinho|"
        r"não funciona|não consigo|decepcion\w*|péssim\w*|horrível|vergonha|grosseir\w*|mal educad\w*|"
        r"(?:veste|tamanho) (?:pequen|grand)|muito (?:pequen|grand)|cobrad\w* duas vezes|reembolso|estorno|"
        r"troca|devolução|reclamação|um problema com|erro|obrigad\w* por nada|parabéns\W+(?:só que não|mesmo)|"
        r"nunca mais|golpe|não abre|não carrega|não liga|parou de funcionar|não recebi|consta como entregue|muito caro|caro demais|custa muito|até agora nada|nada a ver|diferente da foto|cadê meu pedido|onde está meu pedido|atrasad\w*|demorando|muita demora|rasgad\w*|amassad\w*|estragad\w*|veio errad\w*|lent[oa]|travando",
        "availability": r"entregam|enviam para|envio para|prazo de entrega|entrega (?:para|em)|vocês têm|tem (?:no|em|na)|disponível|em estoque|"
        r"em stock|volta a|reposição|esgotad\w*|pré-venda|no tamanho|em (?:outras )?cores|quando (?:chega|sai|volta)|"
        r"horário|abrem|aberto\w*|onde (?:posso|dá pra) (?:comprar|encontrar)",
        "collaboration": r"com quem (?:posso|podemos) falar|parceria|(?<!meu )(?<!minha )parceir\w*|colab\w*|patrocín\w*|trabalhar juntos|meu canal|meu blog|"
        r"meu podcast|minha loja|meus seguidores|embaixador\w*|revend\w*|atacado|na nossa loja",
        "feedback": r"voltem com|sinto falta|deveriam|deveria|seria (?:bom|ótimo|legal|melhor)|gostaria (?:que|de ver)|tomara|"
        r"não concordo|sugestão|acho que|não vendem mais|não tem mais|na minha opinião|prefiro|voltem a|por que (?:mudaram|tiraram)|confus\w*|"
        r"não gostei|pior|complicad\w*|poderiam (?:fazer|lançar|ter|criar)",
        "result": r"finalmente|consegui|fiz|assei|cozinhei|construí|terminei|primeira vez|meu primeiro|"
        r"minha primeira|recorde|deu certo|funcionou|testei|experimentei|\d+ ?(?:km|kg)",
        "story": r"me lembra|quando eu era|anos atrás|há \w+ anos|cresci|de pequen\w*|todo ano|tradição|presente|"
        r"aniversário|casamento|natal",
        "thanks": r"obrigad\w*|agradeço|grat\w*",
        "brand": r"@\w+|vocês|sua loja|de vocês",
        "ask": r"^(?:quando|onde|como|o que|por que|qual|quanto|tem|vocês)\b",
    },
    "nl": {
        "problem": r"jeuk|nooit last|zucht|kapotte|niks weet|al \w+ keer gebeld|besteld .{0,30}(?:gekregen|ontvangen)|in plaats van|🙃|🙄|👏👏|gekrompen|kapot|beschadigd|defect|ontbr\w*|nog steeds (?:niet|geen|niks)|nooit (?:aangekomen|ontvangen)|"
        r"niet (?:aangekomen|ontvangen|geleverd)|geen (?:reactie|antwoord)|niemand reageert|crash\w*|"
        r"loopt vast|werkt niet|werkt niet meer|lukt niet|teleurgesteld|teleurstellend|slecht\w*|schandalig|"
        r"onbeleefd|onvriendelijk|valt (?:\w+ )?(?:klein|groot)|te (?:klein|groot)|dubbel afgeschreven|"
        r"terugbetaling|geld terug|klacht|een probleem met|fout|bedankt voor niks|goed bezig\W+(?:niet|hoor)|"
        r"nooit meer|oplichting|opent niet|laadt niet|start niet|niet ontvangen|niks ontvangen|staat op bezorgd|te duur|kost te veel|nog steeds niks|lijkt niet op|heel anders dan|vertraging|(?<!dat )te laat|waar blijft mijn (?:bestelling|pakket)|traag|langzaam|gescheurd|gedeukt",
        "availability": r"leveren jullie|versturen jullie|verzenden naar|hebben jullie|is er|op voorraad|"
        r"leverbaar|beschikbaar|weer (?:binnen|op voorraad)|uitverkocht|voorbestel\w*|in maat|in (?:andere )?kleur|"
        r"wanneer (?:komt|is|zijn)|openingstijden|open|geopend|waar (?:kan ik|koop)",
        "collaboration": r"met wie kan ik|bij wie kan ik|samenwerk\w*|(?<!mijn )partner\w*|sponsor\w*|mijn kanaal|mijn blog|mijn podcast|mijn winkel|"
        r"mijn volgers|ambassadeur|wederverkop\w*|groothandel|in onze winkel|verkopen in",
        "feedback": r"jammer dat|zouden jullie|zou (?:fijn|mooi|leuk|handig|beter) zijn|ik zou graag|ik mis|"
        r"niet mee eens|suggestie|ik vind|niet meer (?:te koop|verkrijgbaar)|volgens mij|liever|breng \w+ terug|waarom hebben jullie|verwarrend|"
        r"minder handig|onhandig|vind ik niet|kunnen jullie .{0,30}(?:maken|toevoegen)",
        "result": r"eindelijk|gelukt|gemaakt|gebakken|gekookt|gebouwd|klaar|voor het eerst|mijn eerste|"
        r"record|werkte|geprobeerd|uitgeprobeerd|\d+ ?(?:km|kg)",
        "story": r"doet me denken|toen ik|jaar geleden|opgegroeid|vroeger|elk jaar|traditie|cadeau|verjaardag|"
        r"bruiloft|kerst",
        "thanks": r"bedankt|dank je|dank jullie|dankjewel|dankuwel|dank u",
        "brand": r"@\w+|jullie|jouw winkel|uw",
        "ask": r"^(?:wanneer|waar|hoe|wat(?! een)|waarom|welke|hoeveel|is er|kan ik|hebben jullie)\b",
    },
}

# Complaints told between the lines, by class, in each language: nobody picks up the phone, it happened before
# ("not the first time", "weeks in a row"), an understated let-down ("beetje jammer", "bit of a wasted trip"), fewer
# than were ordered or not the ones ordered, a fault named by what it does (peeling, wobbly, tunnelling, "se me
# borraron"), a reaction to the product, a status that has not moved ("zegt nog steeds"). Read as a problem whatever
# else the comment says, like the markers above.
_IMPLICIT_PROBLEM: dict[str, str] = {
    "en": r"nobody (?:picks|picked) up|no one(?:'s| is)? (?:picking|picks|picked) up|no call(?: back)?|never called (?:me )?back|"
    r"nobody knew|not the first time|(?:weeks?|days?|times|months?) in a row|that'?s (?:two|three|the second|the third) now|"
    r"bit of a (?:wasted|letdown|let-down|shame|pain|joke)|wasted (?:trip|journey|morning|afternoon|day|evening)|"
    r"only (?:\d+|one|two|three|half) (?:of them )?(?:arrived|came|were in)|but i ordered|when i ordered|"
    r"(?:noticeably |much )?(?:lighter|darker) than the (?:others|rest)|(?:noticeably|visibly) (?:lighter|darker)|"
    r"different dye lots?|wobbly|peeling|(?:dropped|dropping|lost|losing) (?:\d+|all|most|half|a few|its) (?:of its )?leaves|"
    r"tunnel(?:l?ing|l?ed)|burns? (?:unevenly|crooked|lopsided)|(?:aren'?t|isn'?t|not) showing up|gone (?:soft|mouldy|moldy)|"
    r"not what i (?:wanted|expected|ordered|paid for)|"
    r"(?:sound|audio) (?:skips|keeps skipping|cuts out|drops out)|tastes? (?:different|weaker|bland)|deleted (?:all )?my|wiped (?:all )?my|allergic reaction|gave me a rash|broke me out|instead of (?:\w+day)",
    "de": r"niemand (?:geht|ging) ran|niemand nimmt ab|kein rückruf|nie zurückgerufen|wusste niemand|nicht (?:das )?erste mal|"
    r"schon wieder|(?:wochen|tage|mal) (?:hintereinander|in folge)|(?:etwas|ziemlich|bisschen|nur|echt) schade|"
    r"nur (?:\d+|zwei|drei|eine?) (?:von|statt)|obwohl ich .{0,30}bestellt|unterschiedliche (?:größen|farben|chargen)|"
    r"wackel\w*|löst sich|quietscht(?! (?:nix|nichts|nicht|kein))|strohig|schimmel\w*|einen tunnel|brennt (?:\w+ )?schief|wird nicht (?:mehr )?angezeigt|"
    r"nicht das,? was ich (?:wollte|erwartet\w*|bestellt\w*)|(?:ton|audio) (?:springt|setzt aus|hakt)|"
    r"schmeckt (?:anders|nach nichts|fad)|(?:alles )?gelöscht|allergische reaktion|ausschlag|steht immer noch|zeigt immer noch|hallo\?+|wie geht das bitte",
    "fr": r"personne ne décroche|personne ne (?:m'a )?rappel\w*|aucun rappel|personne n'était au courant|pas la première fois|"
    r"(?:semaines?|fois|jours) de suite|un peu dommage|un peu déçu\w*|il (?:en )?manque|alors que j'ai commandé|"
    r"(?:tailles|couleurs|pointures) différentes|fendu\w*|fissur\w*|décoll\w*|bancal\w*|grince|cornée?s|moisi\w*|"
    r"pas ce que j'(?:attendais|voulais|ai commandé)|le son saute|le son (?:se )?coupe|"
    r"n'a plus le même goût|n'apparai\w* pas|ne s'affiche pas|(?:tout )?effacé\w*|réaction allergique|des boutons partout|affiche toujours|"
    r"indique toujours",
    "es": r"nadie (?:coge|cogió|contesta|contestó) el teléfono|nadie me (?:ha )?llama\w*|nadie sabía|no es la primera vez|"
    r"(?:semanas?|veces|días) seguid[oa]s|(?:un poco|bastante) decepcionante|me (?:han|ha) llegado (?:solo )?(?:\d+|dos|tres|una?)\b|"
    r"y pedí|pero pedí|(?:tallas|colores|números) distint\w*|se (?:despeg|descos)\w*|agrietad\w*|se me borr(?:aron|ó)|"
    r"no es lo que (?:quería|esperaba|pedí)|el (?:sonido|audio) (?:salta|se corta)|sabe (?:diferente|distinto|a poco)|"
    r"se borr(?:aron|ó)|mohos\w*|no aparece\w*|reacción alérgica|me dio alergia|sarpullido|sigue (?:diciendo|poniendo)",
    "it": r"nessuno risponde al telefono|nessuno (?:mi )?(?:ha )?richiamat\w*|nessuno sapeva|non è la prima volta|"
    r"(?:settimane|volte|giorni) di (?:fila|seguito)|un po' un peccato|ne mancano|ma avevo ordinato|due numeri diversi|"
    r"(?:taglie|colori|numeri) divers\w*|si (?:stacca|scolla)\w*|crepat\w*|scheggiat\w*|cigola|mi fa (?:malissimo|male)|"
    r"non è quello che (?:volevo|mi aspettavo|ho ordinato)|l'audio (?:salta|si interrompe)|"
    r"sa di poco|ha un sapore divers\w*|ammuffit\w*|non (?:compare|appare|si vede)\w*|reazione allergica|prurito|risulta ancora|dice ancora",
    "pt": r"ninguém atende|ninguém (?:me )?(?:ligou|retornou)|ninguém sabia|não é a primeira vez|(?:semanas?|vezes|dias) seguid[oa]s|"
    r"(?:um pouco|meio) decepcionad\w*|(?:vieram|chegaram) só|só (?:vieram|chegaram) \d|mas eu pedi|só que pedi|"
    r"(?:tamanhos|cores|números) diferentes|descascand\w*|rachad\w*|bambo\w*|deu alergia|reação alérgica|coceira|mofad\w*|"
    r"não é o que eu (?:queria|esperava|pedi)|o (?:som|áudio) (?:falha|corta|pula)|sabe a pouco|"
    r"tem outro sabor|continua a pedir|continua pedindo|não aparece\w*|apag(?:ou|aram)|sumiram|ainda diz|continua (?:dizendo|a dizer)",
    "nl": r"niemand neemt op|niet teruggebeld|niemand wist|niet de eerste keer|alweer|(?:weken|keer|dagen) achter elkaar|"
    r"(?:beetje|wel|best|erg) jammer|beetje teleurgesteld|te missen|(?:missen|ontbreken) er|terwijl ik .{0,30}besteld|"
    r"verschillende (?:maten|kleuren)|scheef|piept|wiebel\w*|laat los|gebarsten|(?:al|nu) een tunnel|beschimmeld|"
    r"niet wat ik (?:wilde|verwachtte|besteld)|(?:geluid|audio) (?:hapert|valt weg)|smaakt (?:anders|naar niks|flauw)|"
    r"verschijnt niet|allergische reactie|uitslag|zegt nog steeds|staat nog steeds|hallo\?+",
}
# Less for the same money ("smaller than before for the same price", "kostet jetzt 6,90 und ist halb so groß"),
# however glad the words around it sound: a complaint about the price
# Sarcasm in scare quotes: a lowercase word quoted after an article or a possessive ("my 'thriving' monstera", "the
# 'free' version"), in a comment that sounds glad: the praise is the irony. Product names are capitalised.
_SCARE_QUOTED = re.compile(r"\b(?:my|the|your|our|a|mein\w*|die|der|das|ma|mon|la|le|mi|el|il|lo|minha|meu|a|o|mijn|de|het)\s"
                           r"['‘\"“][a-zà-ÿ]{3,20}['’\"”]\s\w")
_SMALLER = re.compile(r"smaller|half the size|less in (?:the|a) (?:bag|box|pack)|kleiner|halb so groß|plus petit|moitié moins|"
                      r"más pequeñ|la mitad de|più piccol|la metà|menor|metade do|half zo groot", re.I)
_PRICED = re.compile(r"[€£$]|\d+[,.]\d\d\b|price|preis|kost|prix|coûte|precio|cuesta|prezzo|costa|preço|custa|prijs", re.I)

# Who the comment is about: a family member, a friend, a partner. Per language: pattern -> key of PEOPLE in the
# question banks (bot/suggest/banks), which turn it to our side of the conversation ("my mum" -> "your mum").
PEOPLE: dict[str, dict[str, str]] = {
    "en": {"mother_in_law": r"my mother-in-law", "mother": r"my (?:mum|mom|mother|mama)", "father": r"my (?:dad|father|papa)",
           "daughter": r"my (?:daughter|girl)\b", "son": r"my (?:son|boy)\b", "kids": r"my (?:kids|children)",
           "wife": r"my wife", "husband": r"my husband", "girlfriend": r"my girlfriend",
           "boyfriend": r"my boyfriend", "partner": r"my partner", "grandmother": r"my (?:grandma|gran|nan|grandmother)",
           "grandfather": r"my (?:grandpa|grandad|grandfather)", "child": r"my (?:\d+|little|youngest|eldest)[ -]?(?:year[ -]old|yo|one)\b", "sister": r"my (?:little |big |older |younger )?sister", "brother": r"my (?:little |big |older |younger )?brother",
           "friend": r"my (?:best )?friend\b"},
    "de": {"mother_in_law": r"meine(?:r)? schwiegermutter", "mother": r"meine(?:r|n)? (?:mutter|mama)", "father": r"mein(?:em|en)? (?:vater|papa)",
           "daughter": r"(?:meine|unsere)(?:r)? tochter", "son": r"(?:mein|unser)(?:em|en)? sohn", "kids": r"meine(?:n)? kinde?r",
           "wife": r"meine(?:r)? frau", "husband": r"mein(?:em|en)? mann", "girlfriend": r"meine(?:r)? freundin",
           "boyfriend": r"mein(?:em|en)? freund\b", "grandmother": r"meine(?:r)? (?:oma|großmutter)",
           "grandfather": r"mein(?:em|en)? (?:opa|großvater)", "sister": r"meine(?:r)? schwester",
           "brother": r"mein(?:em|en)? bruder"},
    "fr": {"mother_in_law": r"ma belle-mère", "mother": r"ma (?:mère|maman)", "father": r"mon (?:père|papa)", "daughter": r"ma fille",
           "son": r"mon fils", "kids": r"mes enfants", "wife": r"ma femme", "husband": r"mon mari",
           "girlfriend": r"ma copine", "boyfriend": r"mon copain", "grandmother": r"ma (?:grand-mère|mamie)",
           "grandfather": r"mon (?:grand-père|papi)", "sister": r"ma sœur|ma soeur", "brother": r"mon frère",
           "friend": r"mon amie?\b|ma meilleure amie"},
    "es": {"mother_in_law": r"mi suegra", "mother": r"mi (?:madre|mamá)", "father": r"mi (?:padre|papá)", "daughter": r"mi hija",
           "son": r"mi hijo\b", "kids": r"mis hijos|mis niños", "wife": r"mi (?:esposa|mujer)",
           "husband": r"mi (?:esposo|marido)", "girlfriend": r"mi novia", "boyfriend": r"mi novio",
           "grandmother": r"mi abuela", "grandfather": r"mi abuelo", "sister": r"mi hermana",
           "brother": r"mi hermano", "friend": r"mi (?:mejor )?amig[oa]"},
    "it": {"mother_in_law": r"mia suocera", "mother": r"mia (?:madre|mamma)", "father": r"mio (?:padre|papà)", "daughter": r"mia figlia",
           "son": r"mio figlio", "kids": r"miei figli|miei bambini", "wife": r"mia moglie",
           "husband": r"mio marito", "girlfriend": r"mia ragazza|mia fidanzata",
           "boyfriend": r"mio ragazzo|mio fidanzato", "grandmother": r"mia nonna", "grandfather": r"mio nonno",
           "sister": r"mia sorella", "brother": r"mio fratello", "friend": r"mi[oa] amic[oa]"},
    "pt": {"mother_in_law": r"minha sogra", "mother": r"minha (?:mãe|mae)", "father": r"meu pai", "daughter": r"minha filha",
           "son": r"meu filho", "kids": r"meus filhos", "wife": r"minha (?:esposa|mulher)",
           "husband": r"meu (?:marido|esposo)", "girlfriend": r"minha namorada", "boyfriend": r"meu namorado",
           "grandmother": r"minha avó", "grandfather": r"meu avô", "sister": r"minha irmã",
           "brother": r"meu irmão", "friend": r"minha amiga|meu amigo"},
    "nl": {"mother_in_law": r"mijn schoonmoeder", "mother": r"mijn (?:moeder|mama)", "father": r"mijn (?:vader|papa)", "daughter": r"mijn dochter",
           "son": r"mijn zoon", "kids": r"mijn kinderen", "wife": r"mijn vrouw", "husband": r"mijn man",
           "girlfriend": r"mijn vriendin", "boyfriend": r"mijn vriend\b", "grandmother": r"mijn (?:oma|grootmoeder)",
           "grandfather": r"mijn (?:opa|grootvader)", "sister": r"mijn zus", "brother": r"mijn broer"},
}

# What a problem is about, in any of the languages (the words are close enough to share one pattern each).
_PROBLEM_KINDS = {
    "damaged": r"broken|broke|damaged|smashed|cracked|dented|crushed|torn|ripped|leak\w*|missing (?!parcel|package|order)|"
    r"zerrissen|verbeult|déchiré\w*|rasgad\w*|amassad\w*|abollad\w*|strappat\w*|ammaccat\w*|gescheurd|gedeukt|"
    r"wrong (?:item|size|colou?r)|soaked|ruined|got (?:a|the wrong)|instead of|"
    r"kaputt|beschädigt|zerbrochen|fehlte|falsch\w* (?:artikel|größe)|cassé\w*|abîmé\w*|endommagé\w*|manquant\w*|"
    r"roto|rota|dañad\w*|faltaba|rott\w*|danneggiat\w*|mancava|aperto|quebrad\w*|danificad\w*|faltando|"
    r"kapot|beschadigd|ontbr\w*",
    "price": r"price (?:increase|rise|hike|went up|goes up|is going up)|price of|prices|more expensive|"
    r"preis\w*|teuer\w*|prix|cher|precio\w*|caro|cuesta|prezz\w*|costa|car[oi]|preço\w*|custa|prijs\w*|duur\w*|"
    r"expensive|overpriced|costs? too much|kost te veel|kostet",
    "billing": r"refund\w*|charged|charge|overcharg\w*|payment|invoice|billing|subscription|membership|"
    r"taking money|money back|rückerstattung|erstattung|abgebucht|rechnung|abo\b|rembours\w*|débité|facture|"
    r"abonnement|reembolso|cobrad\w*|cobro|factura|suscripción|rimborso|addebit\w*|fattura|abbonamento|estorno|"
    r"cobrança|fatura|assinatura|terugbetaling|afgeschreven|factuur|geld terug",
    "delivery": r"nothing yet|still nothing|immer noch nichts|toujours rien|todavía nada|ancora niente|até agora nada|"
    r"nog steeds niks|order\w*|deliver\w*|shipp\w*|tracking|tracked|parcel|package|courier|arriv\w*|postage|label created|"
    r"bestell\w*|liefer\w*|paket|sendung|versand\w*|angekommen|commande|livr(?!aria|os?\b|es?\b)\w*|colis|reçu|pedido|envío|paquete|"
    r"llegó|llegado|ordine|spedizion\w*|pacco|consegna|arrivat\w*|encomenda|entrega|chegou|bestelling|pakket|"
    r"bezorg\w*|geleverd|verzend\w*",
    "app": r"\bapp\b|crash\w*|log ?in|login|logg\w*|password|update|sync\w*|bug\w*|error|fehler|absturz|stürzt|"
    r"anmeld\w*|plante|connexion|mise à jour|se cierra|actualizaci\w*|aggiorn\w*|si blocca|trava|atualiza\w*|"
    r"inloggen|loopt vast",
    "ignored": r"nobody (?:answer|repl|respond|got back)\w*|no (?:answer|reply|response)|zero replies|no replies|"
    r"on hold|ignored|"
    r"keine antwort|niemand antwortet|meldet sich (?:niemand|keiner)|personne ne répond|aucune réponse|ne répond|"
    r"nadie (?:contesta|responde)|sin respuesta|esperando respuesta|nessuno risponde|nessuna risposta|"
    r"ninguém responde|sem resposta|geen reactie|niemand reageert|reageert niet",
    "service": r"rude|staff|unfriendly|unfreundlich|frech|grossier|impoli|grosero|maleducad\w*|scortes\w*|"
    r"grosseir\w*|mal educad\w*|onbeleefd|onvriendelijk|das personal|personnel|vendedor\w*|commess\w*|medewerker\w*",
}
# An order, booking or ticket number however it is written ("#48213", "Bestellnr. 30917", "commande n°FR-2291",
# "Sub #CT-1193"), or the lack of one: who bought in a shop has no order number to ask for.
_ORDER = re.compile(r"#\s?(?:[A-Z]{1,3}-?)?\d{3,}|\b\d{6,}\b|"
                    r"\b(?:order|bestell|auftrag|commande|pedido|ordine|encomenda|bestel)\w*[.,]?\s*"
                    r"(?:no\.?|nr\.?|n[°º.]|number|nummer|numéro|número|numero)?\s*[:#]?\s*[A-Z]{0,3}-?\d{3,}|"
                    r"\b(?:ticket|case|booking|dossier|référence|referencia|riferimento|referência|boeking|buchung)\w*"
                    r"\s*(?:no\.?|nr\.?|number|nummer|numéro|número|n°)?\s*[:#]?\s*[A-Z]*\d{4,}|"
                    r"\bbought (?:it |them |one )?(?:at|in|from) (?:our|the|a|my) (?:local )?\w*\s?(?:shop|store|market)|"
                    r"\bin store\b|im laden gekauft|in der filiale gekauft|acheté en (?:magasin|boutique)|"
                    r"comprad[oa] en (?:la )?tienda|comprat[oa] in negozio|comprei na loja|in de winkel gekocht", re.I)
_ARRIVED = re.compile(r"arriv|deliver|parcel|package|box|came|received|opened|unpacked|order|shows up|got a|"
                      r"angekommen|geliefert|paket|bestell|arrivé|livré|colis|reçu|commande|llegó|paquete|pedido|"
                      r"arrivat|consegnat|pacco|ordine|chegou|caixa|pedido|encomenda|aangekomen|geleverd|pakket|"
                      r"bestelling|me llegó|kwam")
# Food that arrived cold, warm or thawed: it came, so nothing to chase, and it is gone, so no photo
SPOILED = re.compile(r"stone cold|ice ?packs?|(?:arrived|came|showed up|turned up|was|were) (?:\w+ ){0,3}?(?:cold|warm|lukewarm|"
                     r"melted|thawed|defrosted)\b|\bmelted|\bthawed|kühlakku|(?:kam|war|waren|ist) (?:\w+ ){0,3}?(?:\w*kalt|"
                     r"lauwarm|warm|geschmolzen|aufgetaut)\b|geschmolzen|aufgetaut|pains? de glace|(?:arriv\w*|était|étaient) "
                     r"(?:\w+ ){0,3}?(?:froide?s?|tièdes?|fondu\w*|décongel\w*)\b|(?:acumuladores|bolsas?) de hielo|(?:lleg\w*|"
                     r"estaba\w*) (?:\w+ ){0,3}?(?:fr[ií][oa]s?|templad\w*|derretid\w*|descongelad\w*)\b|ghiaccio|siberin|"
                     r"(?:arrivat\w*|era|erano) (?:\w+ ){0,3}?(?:fredd\w*|tiepid\w*|sciolt\w*|scongelat\w*)\b|gelo reutiliz|"
                     r"(?:cheg\w*|estava\w*) (?:\w+ ){0,3}?(?:fri[oa]s?|morn[oa]s?|derretid\w*|descongelad\w*)\b|derretid|"
                     r"koelelement|(?:kwam\w*|was|waren) (?:\w+ ){0,3}?(?:koud|lauw|gesmolten|ontdooid)\b|gesmolten|ontdooid", re.I)
_OCCASION = re.compile(r"birthday|christmas|wedding|anniversary|mother'?s day|father'?s day|geburtstag|weihnacht|hochzeit|"
                       r"jahrestag|muttertag|anniversaire|noël|mariage|fête des|cumpleaños|navidad|boda|aniversario|"
                       r"compleanno|natale|matrimonio|anniversario|aniversário|natal|casamento|dia das mães|"
                       r"verjaardag|kerst|bruiloft|moederdag", re.I)
_UPDATE = re.compile(r"update|mise à jour|actualización|aggiornamento|atualização", re.I)
_TRACKING = re.compile(r"track|sendungsverfolgung|suivi|seguimiento|tracciamento|rastreio|rastreamento|says delivered|"
                       r"marked (?:as )?delivered|als zugestellt|marqué livré|marcado como entregado|risulta consegnat|"
                       r"consta como entregue|staat op bezorgd", re.I)
_DEVICE = re.compile(r"\b(?:iphone|ipad|android|pixel|samsung|galaxy|huawei|xiaomi|oneplus|macbook|mac|windows|"
                     r"chromebook|kindle|ios|ipados|macos|linux|tablet|laptop)\b", re.I)
_DATE = re.compile(r"\b(?:yesterday|today|last (?:week|month|night|\w+day)|ago|since|on \w+day|\d+ (?:days|weeks)|"
                   r"after (?:one|a|an|two|three|\d+) (?:day|week|month|night|wash|burn)s?|(?:first|second|third) (?:night|wash|week|day)|"
                   r"two weeks|gestern|heute|seit|vor \w+ (?:tagen|wochen)|hier|depuis|il y a|ayer|hace|desde|ieri|"
                   r"settimane fa|giorni fa|ontem|há \w+ (?:dias|semanas)|faz \w+ (?:dias|semanas)|gisteren|sinds|"
                   r"geleden|(?:\w+) (?:weeks?|months?|years?|jahren?|ans|años|anni|anos|jaar|semanas|meses|wochen|monate|semaines|mois|settimane|"
                   r"mesi|weken|maanden)|(?:in|im|en|em|a|di|de|op|this|next|last) (?:january|february|april|june|july|august|september|"
                   r"october|november|december|januar|februar|märz|juni|juli|oktober|dezember|janvier|février|mars|avril|"
                   r"juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|"
                   r"agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|"
                   r"settembre|ottobre|dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|"
                   r"dezembro|januari|februari|maart|mei|augustus|oktober))\b", re.I)
_VERSION = re.compile(r"\bv\d|\b\d+\.\d+\b|\b(?:version|versión|versione|versão|versie) \d", re.I)
_PLACE = re.compile(r"\b(?:store|shop|branch|filiale|laden|magasin|boutique|tienda|negozio|sede|loja|winkel|vestiging)\s+"
                    r"(?:in|at|de|di|da|do|van|von)\s+(?-i:[A-Z])|(?-i:[A-Z])\w+\s+(?:store|shop|branch)\b", re.I)
_ERROR = re.compile(r"\b(?:error|errore|erreur|fehler|erro|fout)\w*\s*(?:code\s*)?\d{3}|\bcódigo de error|foutmelding", re.I)
# A day named ("on Saturday", "no sábado"), or when it began, told as a span ("after about 300km", "seit drei Wochen")
_DAY_OR_SINCE = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|montag|dienstag|mittwoch|donnerstag|"
    r"freitag|samstag|sonntag|wochenende|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|"
    r"jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|segunda|terça|quarta|"
    r"quinta|sexta|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b|"
    r"\bafter (?:about |around )?\d+|\bsince\b|\bseit\b|\bdepuis\b|\bdesde\b|\bsinds\b|\bnach \d+|\baprès \d+|"
    r"\bdespués de \d+|\bdopo \d+|\bdepois de \d+|\bna \d+|\bstarted\b", re.I)
# Where they can be found already: a handle or a link ("@stitchandfjord"), so nobody asks for a link to it
_LINK = re.compile(r"@\w{3,}|https?://|\bwww\.", re.I)
# What the comment tells, by the name a question bank's tag gives it (bot/suggest/banks): never asked for again
_GIVEN = (("order", _ORDER), ("device", _DEVICE), ("date", _DATE), ("date", _DAY_OR_SINCE), ("tracking", _TRACKING),
          ("update", _UPDATE), ("occasion", _OCCASION), ("version", _VERSION), ("place", _PLACE), ("error", _ERROR),
          ("link", _LINK))
_THANKS_FOR_HELP = re.compile(
    r"thanks? (?:you )?for (?:the|your) (?:quick )?(?:tip|help|advice|reply|answer)|danke für (?:den|die|deine|eure) "
    r"(?:tipp|hilfe|antwort)|merci pour (?:le|la|l'|votre) ?(?:conseil|aide|réponse|astuce)|gracias por (?:el|la|tu|vuestra|"
    r"su) (?:consejo|ayuda|respuesta|truco)|grazie per (?:il|la|l') ?(?:consiglio|aiuto|risposta|dritta)|obrigad[oa] pela "
    r"(?:dica|ajuda|resposta)|bedankt voor (?:de|je|jullie) (?:tip|hulp|reactie)")
_BUT = re.compile(r"\b(?:but|aber|mais|pero|però|ma|mas|maar)\b")  # "love it, but ...": feedback, not praise
_PRAISE = re.compile(r"\b(?:love|loved|loves|obsessed|helpful|top|brilliant|impressed|excellent|gorgeous|stunning|lovely|wonderful|fascinating|thoughtful|game.?changer|changed my life|never been (?:this|so)|"
                     r"hilfreich|nützlich|utile|útil|handig|nuttig|entusiast\w*|begeistert|enthousiaste|fan van|amazing|great|awesome|beautiful|delicious|perfect|best|fantastic|"
                     r"liebe|toll|super|genial|großartig|wunderbar|perfekt|génial|adore|magnifique|parfait|"
                     r"encanta|increíble|maravill\w*|perfect[oa]|adoro|bellissim\w*|ottim\w*|fantastic\w*|"
                     r"adorei|amei|ótim\w*|maravilh\w*|prachtig|geweldig|heerlijk|mooi)\b", re.I)


def read_situation(comment: CommentText, thread: Thread = Thread()) -> Reading:
    lowered = comment.plain.lower()
    situation = rules_situation(comment, thread)
    # What they told us, in this comment or in the one of theirs it follows up (an order number given once)
    told = f"{comment.plain}\n{thread.parent_text}" if thread.parent_by_author and thread.parent_text else comment.plain
    given = frozenset(name for name, pattern in _GIVEN if pattern.search(told))
    person = next((key for key, pattern in _people(_code(comment)).items() if pattern.search(lowered)), None)
    kind = None
    if situation == "problem":
        kinds = [name for name, pattern in _kinds().items() if pattern.search(lowered)]
        if "damaged" in kinds and not _ARRIVED.search(lowered):
            kinds.remove("damaged")  # broke on the second night: not how it arrived
        if _shrunk(lowered):
            kinds.insert(0, "smaller")  # less for the same money: about the price, whatever else it names
        kind = kinds[0] if kinds else "general"
    return Reading(situation, kind, _praise(comment) and situation != "problem", person, given)


def rules_situation(comment: CommentText, thread: Thread = Thread()) -> str:
    """The situation as the hand-written markers read it."""
    lowered = comment.plain.lower()
    told = GLAD_TURN.sub(" ", lowered)  # a fault gone ("finally don't leak") marks no problem
    found = {name for name, pattern in _compiled(_code(comment)).items() if pattern.search(told)}
    asks = comment.asks_question or "ask" in found
    person = next((key for key, pattern in _people(_code(comment)).items() if pattern.search(lowered)), None)
    praise_words = bool(_PRAISE.search(lowered)) and comment.statement_sentiment >= 0
    praise = _praise(comment)
    angry = comment.statement_sentiment <= ANGRY and len(comment.words) >= 6
    sarcastic = praise_words and bool(_SCARE_QUOTED.search(comment.plain))
    problem = "problem" in found or comment.reports_problem or angry or sarcastic or _shrunk(lowered) or (
        bool(SPOILED.search(lowered)) and bool(_ARRIVED.search(lowered)))
    if thread.answers_a_commenter and not _asks_us(asks, found):
        return "fan_reply"
    if problem:
        return "problem"
    if "collaboration" in found:
        return "collaboration"
    if "feedback" in found and not praise and (asks or not found & {"result", "story"}):
        return "feedback"
    if "availability" in found and asks:
        return "availability"
    if asks:
        return "question"
    if "feedback" in found and not praise:
        return "feedback"
    if "result" in found:
        return "result"
    if "story" in found or person:
        return "story"
    if "thanks" in found and (not praise_words or _THANKS_FOR_HELP.search(lowered)):
        return "thanks"
    if praise or praise_words:
        return "feedback"
    return "noise"


def _shrunk(lowered: str) -> bool:
    return bool(_SMALLER.search(lowered) and _PRICED.search(lowered))


def _praise(comment: CommentText) -> bool:
    lowered = comment.plain.lower()
    praise_words = bool(_PRAISE.search(lowered)) and comment.statement_sentiment >= 0
    return (praise_words or comment.statement_sentiment >= STRONG_PRAISE) and not _BUT.search(lowered)


def _code(comment: CommentText) -> str:
    return comment.language.code if comment.language.code in _MARKERS else "en"


def asks_us(comment: CommentText) -> bool:
    """The comment asks the brand something (not only the person it answers): "do you ship to ...", "@brand"."""
    lowered = comment.plain.lower()
    found = {name for name, pattern in _compiled(_code(comment)).items() if pattern.search(lowered)}
    return _asks_us(comment.asks_question or "ask" in found, found)


def _asks_us(asks: bool, found: set[str]) -> bool:
    return asks and bool({"brand", "availability"} & found)


@lru_cache(maxsize=None)
def _compiled(code: str) -> dict[str, re.Pattern[str]]:
    markers = {**_MARKERS[code], "problem": f"{_MARKERS[code]['problem']}|{_IMPLICIT_PROBLEM[code]}"}
    return {name: re.compile(rf"(?:^|(?<=\W))(?:{pattern})(?=\W|$)") for name, pattern in markers.items()
            if pattern}


@lru_cache(maxsize=None)
def _people(code: str) -> dict[str, re.Pattern[str]]:
    return {key: re.compile(rf"\b(?:{pattern})\b") for key, pattern in PEOPLE.get(code, {}).items()}


@lru_cache(maxsize=1)
def _kinds() -> dict[str, re.Pattern[str]]:
    return {name: re.compile(rf"(?:{pattern})") for name, pattern in _PROBLEM_KINDS.items()}
