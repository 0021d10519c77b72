"""Suggested follow-up questions: keep the conversation going by asking something back."""

from __future__ import annotations

from bot.engine.comment_text import read_comment
from bot.suggest.offline import offline_questions


def suggest_questions(text: str, *, reasons: tuple[str, ...] | list[str] = (), author: str | None = None) -> list[str]:
    """Three short questions, deterministic for the same comment: go deeper, ask for detail, invite an opinion."""
    return offline_questions(read_comment(text), author)
