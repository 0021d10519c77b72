"""Suggested follow-up questions: keep the conversation going by asking something back."""

from __future__ import annotations

import logging

from bot.config import Settings
from bot.db.queries import WaitingComment
from bot.engine.comment_text import read_comment
from bot.engine.situation import Thread
from bot.suggest.llm import LlmFailed, LlmProvider
from bot.suggest.offline import offline_questions

log = logging.getLogger(__name__)


def suggest_questions(
    text: str,
    *,
    reasons: tuple[str, ...] | list[str] = (),
    author: str | None = None,
    llm: LlmProvider | None = None,
    thread: Thread = Thread(),
) -> list[str]:
    """Three short follow-up questions for what the comment is doing, in its language.

    From the LLM when one is given and it answers with valid questions; otherwise (and always without one) from
    the offline generator (bot/suggest/offline.py), which is deterministic for the same comment and thread.
    """
    comment = read_comment(text)
    if llm is not None:
        try:
            return llm.questions(comment, reasons=reasons, author=author)
        except LlmFailed as error:
            log.warning("LLM suggestions failed, using the offline ones: %s", error)
    return offline_questions(comment, author, thread)


def llm_provider(settings: Settings) -> LlmProvider | None:
    """The LLM provider when LLM_BASE_URL is set; None leaves suggestions to the offline generator."""
    return LlmProvider(settings.llm) if settings.llm else None


def thread_of(item: WaitingComment) -> Thread:
    """What a waiting comment answers, for the suggestions."""
    return Thread(item.parent_text, item.parent_by_brand)
