"""What every set of suggestions must be, whoever wrote it: one to three distinct questions, short enough to post
(fewer when fewer fit: a question nobody would send as written is worse than none).

A suggestion asks a question; it may close with a short sentence after it ("What will you mainly use it for? That
way we can point you to the plan that fits.").
"""

from __future__ import annotations

import re
from functools import lru_cache

from glin_profanity import Filter

COUNT = 3  # at most
MAX_CHARS = 280  # the shortest reply limit of the platforms we post to (Bluesky 300, X 280)
MIN_CHARS = 8
QUESTION_MARKS = ("?", "？", "؟")  # an LLM may write in the comment's language: Japanese, Chinese, Arabic

_SPACE = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=1)
def _offensive_terms() -> Filter:
    return Filter({"all_languages": True})  # loaded once, on first use (about half a second)


def offensive(text: str) -> bool:
    """Whether glin-profanity's offensive-terms lists (every language) flag something in `text`: a commenter's name
    or phrase so flagged is never echoed in a suggestion the brand might publish."""
    return bool(text) and _offensive_terms().is_profane(text)


class InvalidSuggestions(ValueError):
    """Says which rule a set of suggestions broke."""


def checked_questions(candidates: object) -> list[str]:
    """The candidates tidied (whitespace collapsed), or InvalidSuggestions naming what is wrong."""
    if not isinstance(candidates, list) or not all(isinstance(item, str) for item in candidates):
        raise InvalidSuggestions("not a list of strings")
    questions = [_SPACE.sub(" ", item).strip() for item in candidates]
    if not 1 <= len(questions) <= COUNT:
        raise InvalidSuggestions(f"{len(questions)} questions instead of 1 to {COUNT}")
    for question in questions:
        if not any(mark in question for mark in QUESTION_MARKS):
            raise InvalidSuggestions(f"not a question: {question[:60]!r}")
        if not MIN_CHARS <= len(question) <= MAX_CHARS:
            raise InvalidSuggestions(f"{len(question)} characters (allowed {MIN_CHARS}-{MAX_CHARS})")
    if len({_NOT_WORD.sub(" ", q.lower()).strip() for q in questions}) != len(questions):
        raise InvalidSuggestions("the questions repeat each other")
    return questions
