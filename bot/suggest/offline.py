"""The offline suggester: three questions from templates, one per intent, chosen by the comment's tone and filled
with its key phrase. The same comment always gets the same questions (the variant is picked by a checksum of the
text, not at random), and different comments of the same tone do not all read alike.

It writes English only. A comment in another language gets the same tone-aware questions with the commenter's own
words quoted, and the score's reasons say which language it is in, so the team answers in that language.
"""

from __future__ import annotations

import re
import zlib

from bot.engine.comment_text import CommentText
from bot.suggest.keyphrases import KeyPhrase, key_phrases

# tone -> the three intents (go deeper into their experience; ask for the detail that helps; invite their opinion
# on what comes next) -> variants. {p} is the comment's key phrase, {lead} a thanks or sorry with the first name.
TEMPLATES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "complaint": (
        ("{lead}we're sorry about {p}. What happened exactly?",
         "{lead}sorry to hear about {p}. Could you walk us through what went wrong?"),
        ("So we can look into {p}: could you send us the details, such as an order number or what you see?",
         "So we can put {p} right: when did it start, and what have you tried so far?"),
        ("What would make this right for you with {p}?",
         "Once {p} is sorted, is there anything else we should look at for you?"),
    ),
    "question": (
        ("(Answer their question first.) Did that answer everything you wanted to know about {p}?",
         "(Answer their question first.) Does that help with {p}, or should we go into more detail?"),
        ("What would help you most with {p} right now?",
         "Is there anything else we should know about what you need around {p}?"),
        ("What else would you like to know about {p}?",
         "What would you like us to explain next about {p}?"),
    ),
    "praise": (
        ("{lead}thank you! What do you enjoy most about {p}?",
         "{lead}thanks so much! What stood out to you about {p}?"),
        ("What would you tell a friend about {p}?",
         "What made you try {p} in the first place?"),
        ("What would you love to see from us next, after {p}?",
         "Is there anything about {p} you'd like us to do more of?"),
    ),
    "neutral": (
        ("{lead}thanks for sharing! How are things going with {p} so far?",
         "{lead}thanks for telling us! What got you interested in {p}?"),
        ("Could you tell us a bit more about {p}?",
         "What should we know about your experience with {p}?"),
        ("What would you like to see from us next on {p}?",
         "Is there anything about {p} you'd like us to cover next?"),
    ),
}
FALLBACK_TOPIC = "this"
_FIRST_NAME = re.compile(r"[A-Z][a-zà-ÿ'-]{1,19}")


def offline_questions(comment: CommentText, author: str | None = None) -> list[str]:
    phrases = key_phrases(comment)
    topic = _topic(phrases[0], comment) if phrases else FALLBACK_TOPIC
    lead = _lead(author)
    choice = zlib.crc32(comment.plain.encode("utf-8"))
    questions = []
    for intent, variants in enumerate(TEMPLATES[comment.tone]):
        template = variants[(choice >> intent) % len(variants)]
        question = template.format(p=topic, lead=lead)
        questions.append(question[:1].upper() + question[1:])
    return questions


def _topic(phrase: KeyPhrase, comment: CommentText) -> str:
    return phrase.english() if comment.language.is_english else phrase.quoted()


def _lead(author: str | None) -> str:
    """"Priya, " when the author's name starts with a first name; nothing for handles such as "user_4711"."""
    first = (author or "").split(" ")[0]
    return f"{first}, " if _FIRST_NAME.fullmatch(first) else ""
