"""What a suggested question must never do, in the languages we answer in: carry a link, offer or promise money or
goods (refunds, replacements, vouchers, discounts, something free), or ask in public for a password, payment details
or personal data. A suggestion is posted in public before anyone has looked at the order or the policy; the remedy is
the team's to offer in the reply it writes. The offline banks follow the same rule (tests/suggest/test_suggest.py checks them).

An LLM's answer that breaks a rule is refused (the offline questions go out instead); a past question of the team's
that breaks one is not offered again in another conversation. The team's own [[questions]] are its own business.
"""

from __future__ import annotations

import re

_RULES = (
    ("a link", re.compile(r"https?://|\bwww\.|\b[\w-]+\.(?:com|net|org|io|ly|co|de|fr|es|it|nl|pt|eu)\b", re.I)),
    (
        "a promise of money",
        re.compile(
            r"[$€£]\s?\d|\d\s?(?:[$€£%]|euros?|dollars?|pounds?)"
            r"|\b(?:refund|reimburs|money back|compensat|replacement|send you a new|ersatz|remplacement|reemplaz|"
            r"sostituzion|substitui|vervang|voucher|coupon|discount|promo code|gift card|store credit"
            r"|free of charge|for free|(?:rück)?erstatt|gutschein|rabatt|entschädig|geld zurück|kostenlos|gratis"
            r"|rembours|bon d'achat|réduction|remise|dédommag|gratuit|reembols|cupón|cupom|descuento|desconto"
            r"|rimbors|buono sconto|sconto|risarci|omaggio|terugbetal|geld terug|korting|tegoedbon|vergoeding)",
            re.I,
        ),
    ),
    (
        "a request for private data",
        re.compile(
            r"\b(?:password|passwort|kennwort|mot de passe|contraseña|senha|wachtwoord|pin\b|cvv|cvc|iban"
            r"|security code|verification code|one-time code|login details|log-in details"
            r"|card (?:number|details)|credit card|debit card|bank (?:details|account)|kreditkart|bankdaten"
            r"|carte bancaire|tarjeta|carta di credito|cartão|creditcard|bankgegevens"
            r"|social security|passport|reisepass|date of birth|geburtsdatum"
            r"|(?:home|postal|shipping|delivery|street|e-?mail) address|your address|phone number|mobile number"
            r"|adresse|dirección|indirizzo|endereço|adres|telefonnummer|handynummer|numéro de téléphone"
            r"|teléfono|telefono|telefone|telefoonnummer|correo electrónico)",
            re.I,
        ),
    ),
)


def unsafe(question: str) -> str | None:
    """What the question does that no suggestion may ("a link", ...), or None."""
    return next((what for what, pattern in _RULES if pattern.search(question)), None)
