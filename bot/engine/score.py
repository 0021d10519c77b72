"""Engagement score: how much a comment deserves an answer, 0-100, with reasons a person can read."""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUESTION_WORDS = re.compile(
    r"^\s*(who|what|when|where|why|how|which|is|are|can|could|do|does|did|will|would|should|any)\b", re.I
)
_COMPLAINT = re.compile(
    r"\b(broken|refund|worst|terrible|awful|disappoint\w*|angry|useless|never again|scam|complain\w*|"
    r"doesn'?t work|not working|still waiting|bad|hate|problem|issue|late|wrong)\b",
    re.I,
)
_PRAISE = re.compile(r"\b(love|great|awesome|amazing|thank\w*|fantastic|beautiful|brilliant|perfect|best)\b", re.I)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class ScoreContext:
    """What the engine knows of the author's history with this account at the time of the comment."""

    prior_comments_30d: int = 0  # the author's earlier comments on this account in the 30 days before
    replies_to_brand: bool = False  # this comment answers one of the brand's comments
    answered_before: bool = False  # the brand has answered this author before


@dataclass(frozen=True)
class Score:
    value: int
    reasons: tuple[str, ...]


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def score_comment(text: str, context: ScoreContext = ScoreContext()) -> Score:
    words = _WORD.findall(text)
    if not words:
        return Score(0, ("no words",))
    value, reasons = 10, []
    if "?" in text or _QUESTION_WORDS.search(text):
        value += 40
        reasons.append("asked a question")
    if _COMPLAINT.search(text):
        value += 35
        reasons.append("sounds unhappy")
    elif _PRAISE.search(text) and len(words) >= 4:
        value += 25
        reasons.append("praise worth answering")
    if len(words) >= 25:
        value += 10
        reasons.append("took the time to write")
    if context.replies_to_brand or context.answered_before:
        value += 20
        reasons.append("came back after our reply")
    if context.prior_comments_30d >= 1:
        value += min(20, 10 * context.prior_comments_30d)
        reasons.append(f"{ordinal(context.prior_comments_30d + 1)} comment this month")
    if len(words) == 1 and not reasons:
        value = min(value, 15)
        reasons.append("one word")
    return Score(min(100, value), tuple(reasons))
