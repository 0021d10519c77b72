"""The case of a collaboration: someone who would stock the brand, a creator's channel, a charity, an animal shelter,
or any other proposal; and when a question or an opinion is one (an offer to host, a business asking for terms)."""

from __future__ import annotations

from bot.engine.comment_text import CommentText
from bot.suggest.cases.words import pattern

_STOCKIST = pattern(r"\bstock (?:your|you)|wholesale|in our (?:shop|store|caf[eé])|bei uns anbieten|ins sortiment|"
                    r"revend|mayorista|vender vuestr|rivend|revend|wederverk|verkopen in onze|in unserem (?:laden|"
                    r"café)|"
                    r"unser\w* (?:café|laden)|\bcafé in|\bcaffè\b|trade prices?|fate forniture|prezzi per (?:ristoranti|locali|bar)|"
                    r"zakelijke bestelling|tarifs? (?:pro|professionnels)|precios? para (?:hostelería|restaurantes|bares)|"
                    r"preços? para (?:restaurantes|lojas)|gastronomiepreise|großkunden")
# Someone offering to do something with the brand (host, teach, sell, sponsor), often put as a question
_PROPOSAL = pattern(r"would you (?:ever |guys )?(?:be up for|host|hold)|(?:host|hold|organi[sz]e|organiser|organizar|"
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
_INTRO = pattern(r"\b(?:i|we) (?:run|own|manage|host|teach|organi[sz]e)\b|\bwe'?re an? (?:small |little |local )?|"
                 r"\bi'?m an? \w+ (?:in|at|based|from)\b|\bich (?:betreibe|leite|unterrichte)|\bwir sind eine?\b|"
                 r"\bje (?:tiens|gère|suis prof)|\bnous sommes une?\b|\bgestisco|\binsegno\b|\bsiamo una?\b|"
                 r"\bsomos una?\b|\borganizamos\b|\btengo una?\b|\bdoy clases|\btenho uma?\b|\bsou (?:professor|dono|dona)|"
                 r"\bwij (?:zijn|hebben) een\b|\bik (?:run|heb|geef les)")
_TERMS = pattern(r"discount|group (?:rate|trip|booking)|trade|wholesale|sponsor|collab|pop-?up|tasting|review cop|"
                 r"would you (?:ever )?(?:be )?(?:up for|open to|consider|be interested)|open to|rabatt|gruppen|"
                 r"hättet ihr lust|tarifs?|groupes? scolaires|auriez-vous|louez|descuento|patrocin|os interesar[ií]a|"
                 r"alquil|prezzi|sconto|forniture|vi interessa|affitt|desconto|mandam cópia|teriam interesse|"
                 r"aluga|korting|zakelijk|zouden jullie|verhuren|doen jullie ook")
# A creator's channel: the proposal then gets the question asking for a link to it
_CREATOR = pattern(r"channel|follower|\bsubs\b|subscriber|seguidor|abonné|abonnent|iscritt|volger|\bkanal|\bcanal|canale|kanaal|"
                   r"\bblog|instagram|tiktok|youtube|\bperfil|\bprofil")
_SHELTER = pattern(r"shelter|\brescue|tierheim|tierschutz|refuge|refugio|protectora|rifugio|canile|gattile|"
                   r"abrigo|asiel")
_CHARITY = pattern(r"charity|hospice|fundrais|school|donat|volunteer|cause|spende|schule|verein|ehrenamt|"
                   r"association|école|caritativ|solidari|escuela|colegio|beneficen|scuola|benefic|escola|"
                   r"doação|goede doel|school|vereniging|inzamel|recogida|campaña")


def offers_to_work_together(comment: CommentText, situation: str) -> bool:
    """Whether a question, an opinion or a plain comment is a collaboration: an offer to do something with the brand
    (from no creator's channel), or a business, a club or a school that introduces itself and asks for terms."""
    text = comment.plain
    if situation in ("question", "availability", "collaboration") and _PROPOSAL.search(text) \
            and not _CREATOR.search(text):
        return True
    return situation in ("question", "availability", "feedback", "noise") and bool(_INTRO.search(text)) \
        and bool(_TERMS.search(text)) \
        and len(comment.words) < 60  # not a customer's long question that ends asking for a charity discount


def collaboration_case(text: str) -> str:
    if _STOCKIST.search(text):
        return "collaboration_stockist"
    if _SHELTER.search(text):
        return "collaboration_proposal"  # an animal shelter: no event to date, no channel to link
    # a link to their channel only from a creator: a club or a taco truck has none
    return "collaboration_cause" if _CHARITY.search(text) else (
        "collaboration" if _CREATOR.search(text) else "collaboration_proposal")
