"""Hand-written follow-up questions, one module per language, written in that language (not translated).

Each module has BANK: situation -> questions, and PEOPLE: person key (bot/engine/situation.PEOPLE) -> how we name
them back ("my mum" -> "your mum"). A question may start with tags before a "|":
- person|  it names {person}, so it is only asked when the comment is about someone;
- change|  it speaks of a price change, so it is only asked when the comment mentions one;
- assortment|  it asks which one they liked best, so only when they got a box, a set, a selection;
- event|   it asks how many people are coming, so only when the comment is about an event (a ride, a fair);
- deadline|  it asks when they need it by, so only for a gift or an occasion (a birthday, a party);
- only_asks|  it asks what they would like, so only when the comment is that one short question and names nothing;
- group|  it speaks to them all ("Volete che vi teniamo i posti?"), so only when they come as a group ("siamo in 2");
- bike|  it asks how the bike rides, so only when the comment is about one;
- skin|  it names the skin care ({skin}: "das Serum", "la crema", from the module's SKIN), so only when the comment names one;
- unshipped|  it checks with the warehouse, so only for an order not handed to a carrier yet ("label created");
- order| device| date| tracking| update| occasion| version| place|  it asks for that, so it is never asked when
  the comment already gives it; increase| is not asked when the comment speaks of a price change;
- !device| (and so on)  it is only asked when the comment gives that ("which version?" once the device is known).
At most three per case, fewer where fewer fit any comment of it: a question that would not be sent as written is
worse than none (docs/suggestions.md). A nudge shows the first that fits. A situation has a bank of its own only
where one question fits any comment of it (a problem: an apology and a DM); praise, thanks, feedback, a story and
availability have none, since their generic questions ("When do you enjoy it most?") were marked bad blind.
Problem questions all open with empathy; question and availability ones are follow-ups to add after the answer.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl")


def bank(code: str) -> ModuleType:
    return import_module(f"{__name__}.{code if code in LANGUAGES else 'en'}")
