"""What several situations' cases look for (content, an app, thanks, the team, a hard time, a thing no longer sold,
a disagreement with a change, "but"), and how a pattern is made and tried."""

from __future__ import annotations

import re


def pattern(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts), re.I)


def first(text: str, cases: tuple[tuple[str, re.Pattern[str]], ...]) -> str | None:
    """The first case whose pattern the text matches."""
    return next((key for key, pattern in cases if pattern.search(text)), None)


CONTENT = pattern(
    r"episode|podcast|video|article|newsletter|webinar|tutorial|\bpost\b|blog|audio|\bfolge|artikel|beitrag|"
    r"épisode|vidéo|émission|episodio|artículo|puntata|articolo|episódio|artigo|aflevering|nieuwsbrief"
)
SOFTWARE = pattern(
    r"won'?t (?:pair|connect)|koppel|verbind|jumel|conect|colleg|emparelh|\bapp\b|\bappli|aplicaci|applicazion|"
    r"aplicativo|setting|einstellung|paramètre|\bajustes\b|impostazion|"
    r"configura|instelling|\bmenu|\bexport|account|\bkonto\b|\bcompte\b|\bcuenta\b|\bconta\b|log ?in|\bsync|"
    r"notification|dark mode|widget|bizum|\bpix\b|transfer|überweis|\blimit|progress|markdown|\bpc\b|celular|"
    r"android|iphone|\bweb(?:site)?\b|\bsite\b|\bspiel\b|\bgame\b|\bjeu\b|\bjuego\b|\bgioco\b|\bjogo\b"
)
THANKS = pattern(r"thank|danke|merci|gracias|grazie|obrigad|bedankt|dank je|dank jullie")
STAFF = pattern(r"\bcoach\b|\bteam (?:at|in)|the staff|(?:your|the|support|service) team|équipe du|l'équipe|"
                r"customer (?:service|support)|servicio al cliente|servizio clienti|atendimento|kundenservice|"
                r"service client|klantenservice|vendedor|vendedora|commess|verkäufer|medewerker|\bpersonal\b|trainer|"
                r"entrenador|allenat|treinador|instructor|monitor|"
                r"(?:thank you|thanks|danke|merci|gracias|grazie|obrigad[oa]|bedankt) (?:to |an |à |a |para |aan )?"
                r"(?-i:[A-Z])\w+|aus dem support|support team|du support|del soporte|dal supporto|do suporte|"
                r"van de support")
HARD_TIME = pattern(r"rough|hard time|tough|difficult|got me through|anxiety|depress|lonely|schwere zeit|"
                    r"durchgeholfen|"
                    r"période difficile|traverser|momento difícil|me ayudó a superar|periodo difficile|"
                    r"aiutato a superare|"
                    r"me ajudou a passar|moeilijke tijd|erdoorheen")
DISCONTINUED = pattern(r"gibt es .{0,40}nicht mehr|ne faites plus|ya no hay|non c'è più|não tem mais|"
                       r"(?:fassiez|vendiez|faites|vendez) plus|no longer (?:sell|make|stock)|discontinued|"
                       r"don'?t (?:sell|make) .{0,30} any ?more|nicht mehr "
                       r"(?:gibt|verkauft|im sortiment)|ne (?:vendez|faites) plus|ya no (?:venden|hacen|tienen)|"
                       r"non (?:vendete|fate) più|não (?:vendem|fazem) mais|niet meer (?:te koop|verkrijgbaar|"
                       r"verkopen)")
DISAGREE = pattern(r"\bera (?:bem |mucho |molto )?(?:mais|más|più)|was (?:much |veel )?(?:better|beter|handiger)|"
                   r"war (?:viel )?(?:besser|praktischer)|war (?:der|die|das|er|sie|es) (?:viel )?besser|était (?:bien )?(?:plus|mieux)|compared to the old|"
                   r"than the old|worse than|nicht mehr wie|schlechter|moins bien que|peor que|"
                   r"peggio di|pior que|slechter dan|minder handig|weniger praktisch|moins pratique|menos práctic|"
                   r"meno pratic|menos prátic|less (?:practical|handy)|disagree|was better|used to be better|"
                   r"prefer(?:red)? the old|old \w+ was|sehe ich anders|"
                   r"war besser|früher war|pas d'accord|était mieux|no estoy de acuerdo|era mejor|non sono d'accordo|"
                   r"era meglio|não concordo|era melhor|niet mee eens|was beter")
WAS_BEFORE = pattern(r"\bold\b|\bbefore\b|used to|\balt\w*|früher|ancien|avant|antigu|antes|vecchi|prima|antig|"
                     r"\boud\w*|vroeger|changed|geändert|changé|cambia|mudaram|veranderd|new|neu|nouv|nuev|nuov|"
                     r"novo|nieuw")
OLD_DESCRIBED = pattern(r"\b(?:old|alte|alten|ancien\w*|antig\w*|vecchi\w*|oude?)\b.{0,20}\b(?:was|war|était|era|"
                        r"is|ist|est|es|è|é)\s+(?!better|besser|mieux|mejor|meglio|melhor|beter)\w{4,}|"
                        r"\b(?:das|die|der|it|that|ça|c'|eso|quello|isso|dat) (?:war|was|était|era|was) (?:\w+ )?"
                        r"(?:saftiger|weicher|relaxing|\w+er\b|plus \w+|más \w+|più \w+|mais \w+|\w+der\b)")
# "but" in each language, for feedback that turns to a criticism ("ma" is no "but" in French: "ma fille")
BUT = {"en": r"\bbut\b", "de": r"\baber\b", "fr": r"\bmais\b", "es": r"\bpero\b", "it": r"\b(?:ma|però)\b",
       "pt": r"\b(?:mas|porém)\b", "nl": r"\bmaar\b"}
