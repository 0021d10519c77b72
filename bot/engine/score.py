"""Engagement score: how much a comment deserves an answer, 0-100, with reasons a person can read.

Points add up from what the comment says (a question, a problem, strong feelings, substance) and from the
author's history with the account (coming back, commenting often); then caps apply for what never deserves a
nudge on its own (spam, emoji only, a link only, one word, a short reaction). The default `min_score` of 30 is
reached by a question, a complaint, praise of six words or more, or any comment of 15 words or more; docs/suggestions.md
"Scoring and suggestions" lists the points so a team can tune `min_score` knowing what it lets through.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from bot.engine.comment_text import NEGATIVE, POSITIVE, READ_CHARS, CommentText, read_comment
from bot.engine.situation import asks_us, read_situation

BASE = 10
QUESTION = 40
PROBLEM = 30
NEGATIVE_TONE = 15
STRONG_FEELINGS = 5  # on top of the tone, for |sentiment| >= 0.75
PRAISE = 25
SHARES = 25  # a result, a story, feedback or a proposal of six words or more, in any language
SUBSTANCE = 20  # 15 words or more: something to answer even without a question or a strong tone
LENGTH = 5  # 40 words or more, on top of SUBSTANCE
DIRECT = 5
CAME_BACK = 20
PER_EARLIER_COMMENT, MAX_FOR_HISTORY = 8, 20
SUBSTANTIVE_WORDS = 6  # shorter praise or grumbling is a reaction, not a conversation opener
SHORT_REACTION_WORDS, SHORT_REACTION_CAP = 3, 20
SPAM_CAP, ONE_WORD_CAP = 5, 10
FAN_REPLY_CAP = 20  # a fan answering a fan: the conversation is theirs unless they also ask us something
SPAM_COPIES = 3

_SHARED = {"result": "shares a result", "story": "tells a story", "feedback": "gives feedback",
           "collaboration": "proposes working together", "thanks": "thanks us for something"}
_YOU = frozenset("you your yours you're you've you'll y'all u ur".split())


@dataclass(frozen=True)
class ScoreContext:
    """What the engine knows of the author's history with this account at the time of the comment."""

    prior_comments_30d: int = 0  # the author's earlier comments on this account in the 30 days before
    replies_to_brand: bool = False  # this comment answers one of the brand's comments
    replies_to_commenter: bool = False  # this comment answers another commenter's comment
    answered_before: bool = False  # the brand has answered this author before
    copies_before: int = 0  # how often the author posted the same text on this account before


@dataclass(frozen=True)
class Score:
    value: int
    reasons: tuple[str, ...]


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def score_comment(text: str, context: ScoreContext = ScoreContext()) -> Score:
    comment, text_value, text_reasons = _from_text((text or "")[:READ_CHARS])
    if not comment.words:
        why = "emoji only" if comment.emoji_only else "link only" if comment.links else "no words"
        return Score(0, (why,))
    history_value, history_reasons = _from_history(context)
    value, reasons = text_value + history_value, [*text_reasons, *history_reasons]
    cap, why = _cap(comment, context)
    if cap is not None:
        value, reasons = min(value, cap), [why] + [r for r in reasons if r in history_reasons]
    if not comment.language.is_english and comment.language.code != "und":
        reasons.append(f"written in {comment.language.name}")
    return Score(max(0, min(100, value)), tuple(reasons))


@lru_cache(maxsize=4096)
def _from_text(text: str) -> tuple[CommentText, int, tuple[str, ...]]:
    """What the text alone is worth, read once per text: comments repeat ("Thanks!", copies, a bot's spam), and
    reading one costs far more than the rest of its score."""
    comment = read_comment(text)
    if not comment.words:
        return comment, 0, ()
    value, reasons = _text_value(comment)
    return comment, value, tuple(reasons)


def _text_value(comment: CommentText) -> tuple[int, list[str]]:
    value, reasons = BASE, []
    substantive = len(comment.words) >= SUBSTANTIVE_WORDS
    if comment.asks_question:
        value += QUESTION
        reasons.append("asked a question")
    situation = read_situation(comment).situation
    problem = comment.reports_problem or situation == "problem"
    if problem:
        value += PROBLEM
        reasons.append("reports a problem")
    if comment.sentiment <= NEGATIVE and (substantive or problem):
        value += NEGATIVE_TONE
        reasons.append("negative tone")
    elif comment.statement_sentiment >= POSITIVE and substantive and not problem:
        value += PRAISE
        reasons.append("praise worth answering")
    elif situation in _SHARED and substantive and not problem:
        value += SHARES
        reasons.append(_SHARED[situation])
    if abs(comment.sentiment) >= 0.75 and substantive:
        value += STRONG_FEELINGS
        reasons.append("strong feelings")
    if len(comment.words) >= 15:
        value += SUBSTANCE + (LENGTH if len(comment.words) >= 40 else 0)
        reasons.append("wrote at length" if len(comment.words) >= 40 else "took the time to write")
    if any(word.lower() in _YOU for word in comment.words):
        value += DIRECT
        reasons.append("spoke to us directly")
    return value, reasons


def _from_history(context: ScoreContext) -> tuple[int, list[str]]:
    value, reasons = 0, []
    if context.replies_to_brand or context.answered_before:
        value += CAME_BACK
        reasons.append("came back after our reply")
    if context.prior_comments_30d >= 1:
        value += min(MAX_FOR_HISTORY, PER_EARLIER_COMMENT * context.prior_comments_30d)
        reasons.append(f"{ordinal(context.prior_comments_30d + 1)} comment this month")
    return value, reasons


@lru_cache(maxsize=1024)
def _asks_us(comment: CommentText) -> bool:
    return asks_us(comment)


def _cap(comment: CommentText, context: ScoreContext) -> tuple[int | None, str]:
    if comment.spam:
        return SPAM_CAP, f"looks like spam ({comment.spam})"
    if context.copies_before >= SPAM_COPIES - 1:  # asking again once, unanswered, is engagement, not spam
        return SPAM_CAP, f"posted the same text {context.copies_before + 1} times"
    if context.replies_to_commenter and not _asks_us(comment):
        return FAN_REPLY_CAP, "answers another commenter"
    words = len(comment.words)
    if comment.asks_question or comment.reports_problem:
        return None, ""
    if words == 1:
        return ONE_WORD_CAP, "one word"
    if words <= SHORT_REACTION_WORDS:
        return SHORT_REACTION_CAP, "short reaction"
    return None, ""
