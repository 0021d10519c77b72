"""Suggested follow-up questions: keep the conversation going by asking something back."""

from __future__ import annotations

import logging

from bot.config import Settings
from bot.engine.comment_text import read_comment
from bot.suggest.llm import LlmFailed, LlmProvider
from bot.suggest.offline import offline_questions

log = logging.getLogger(__name__)


def suggest_questions(
    text: str,
    *,
    reasons: tuple[str, ...] | list[str] = (),
    author: str | None = None,
    llm: LlmProvider | None = None,
) -> list[str]:
    """Three short questions: go deeper, ask for detail, invite an opinion.

    From the LLM when one is given and it answers with valid questions; otherwise (and always without one) from
    the offline generator, which is deterministic for the same comment.
    """
    comment = read_comment(text)
    if llm is not None:
        try:
            return llm.questions(comment, reasons=reasons, author=author)
        except LlmFailed as error:
            log.warning("LLM suggestions failed, using the offline ones: %s", error)
    return offline_questions(comment, author)


def llm_provider(settings: Settings) -> LlmProvider | None:
    """The LLM provider when LLM_BASE_URL is set; None leaves suggestions to the offline generator."""
    return LlmProvider(settings.llm) if settings.llm else None
