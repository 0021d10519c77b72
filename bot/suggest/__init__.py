"""Suggested follow-up questions: keep the conversation going by asking something back."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def suggest_questions(text: str, *, reasons: tuple[str, ...] | list[str] = (), author: str | None = None) -> list[str]:
    """Three short questions, deterministic for the same comment: go deeper, ask for detail, invite an opinion."""
    lowered = text.lower()
    topic = _topic(text)
    if "sounds unhappy" in reasons:
        return [
            f"Sorry about this{f', {author}' if author else ''} - could you tell us what happened with {topic}?",
            "Could you send us the details (order number or steps) so we can fix it?",
            "What would make this right for you?",
        ]
    if "asked a question" in reasons or "?" in lowered:
        return [
            f"(Answer their question first.) Did that help with {topic}?",
            f"What are you hoping to do with {topic}?",
            "Is there anything else you'd like to know?",
        ]
    return [
        f"Thank you! What do you enjoy most about {topic}?",
        f"How did you first come across {topic}?",
        "What would you like to see from us next?",
    ]


def _topic(text: str) -> str:
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    if not words:
        return "this"
    longest = sorted(words, key=lambda w: (-len(w), w))[0]
    return f'"{longest.lower()}"'
