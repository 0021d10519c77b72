"""What a comment already tells is read in one place (bot/engine/situation.py's Reading.given), so the offline
questions and the LLM's prompt both know it and never ask for it again."""

from __future__ import annotations

import pytest

from bot.engine.comment_text import read_comment
from bot.engine.situation import read_situation


@pytest.mark.parametrize("text, told", [
    ("Commande n°FR-2291 reçue hier, la théière est cassée.", {"order", "date"}),
    ("Second week in a row my loaf showed up late. Sub #CT-1193.", {"order", "date"}),
    ("Bought it at the market on Sunday and the lid was missing.", {"order", "date"}),  # no order to number
    ("Ticket 88231 has been open for ten days.", {"order"}),
    ("The staff at the Leeds store were really rude to my mum.", {"place"}),
    ("Fehler 503 beim Bezahlen, jedes Mal.", {"error"}),
    ("Since v2.4 the app logs me out on my Pixel.", {"version", "device", "date"}),
    ("Le talon s'est décollé après 300 km.", {"date"}),
    ("Lo compré el sábado en la tienda de Valencia y ya no enciende.", {"date", "place"}),
])
def test_what_the_comment_tells_is_given(text, told):
    assert read_situation(read_comment(text)).given == frozenset(told)


def test_a_comment_that_tells_nothing_gives_nothing():
    assert read_situation(read_comment("Do you ship the grinder to Norway?")).given == frozenset()
