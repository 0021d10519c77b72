"""Suggested follow-up questions: keep the conversation going by asking something back."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable

from bot.config import AccountConfig, Settings
from bot.db import SessionFactory
from bot.db.queries import WaitingComment
from bot.engine.comment_text import read_comment
from bot.engine.situation import Thread
from bot.suggest.checks import COUNT
from bot.suggest.llm import LlmFailed, LlmProvider
from bot.suggest.offline import offline_questions
from bot.suggest.thread import ThreadContext, thread_context
from bot.suggest.voice import Voice, brand_voice

log = logging.getLogger(__name__)

LLM, PAST, LIBRARY, OFFLINE = "llm", "past reply", "team library", "offline"
NO_SUGGESTION = "No suggested question fits this comment: write your own follow-up."  # rather than a generic one


@dataclass(frozen=True)
class Suggestion:
    text: str
    source: str  # LLM, PAST (the team asked it in a similar conversation), LIBRARY ([[questions]]) or OFFLINE


def suggest_questions(text: str, **options) -> list[str]:
    """Three short questions: go deeper, ask for detail, invite an opinion (`suggestions`' texts)."""
    return [suggestion.text for suggestion in suggestions(text, **options)]


def suggestions(
    text: str,
    *,
    reasons: tuple[str, ...] | list[str] = (),
    author: str | None = None,
    llm: LlmProvider | None = None,
    voice: Voice = Voice(),
    thread: Thread = Thread(),
    context: ThreadContext = ThreadContext(),
) -> list[Suggestion]:
    """Three short follow-up questions for what the comment is doing, in its language.

    From the LLM when one is given and it answers with valid questions (the thread, the voice and the team's own
    questions in its prompt). Otherwise (and always without one) the team's own questions first, at most two of
    them, from similar past conversations, then from the [[questions]] library, and the offline generator's
    (bot/suggest/offline.py) for the rest; the same comment and thread always get the same ones. `thread` is what
    the situation reader needs (the parent's text, whether the brand wrote it), `context` what the LLM is shown.
    """
    comment = read_comment(text)
    if llm is not None:
        try:
            return [Suggestion(q, LLM) for q in llm.questions(comment, reasons=reasons, author=author, voice=voice,
                                                                thread=thread, context=context)]
        except LlmFailed as error:  # an outage is said once, and again when the LLM answers (bot/suggest/llm.py)
            if not error.told:
                log.warning("LLM suggestions failed, using the offline ones: %s", error)
    own = voice.own_questions()
    chosen = {q: (PAST if q in voice.past else LIBRARY) for q in own}
    for question in offline_questions(comment, author, thread):
        chosen.setdefault(question, OFFLINE)
    return [Suggestion(q, source) for q, source in list(chosen.items())[:COUNT]]


def suggest_for(
    session_factory: SessionFactory,
    item: WaitingComment,
    account: AccountConfig | None,
    llm: LlmProvider | None = None,
) -> list[str]:
    """Questions for a stored comment, in the brand's voice: its past questions and library for `account` (the
    config's, None when the file no longer has it), and the thread for the LLM. The lookups are read in a session
    of their own, closed before the LLM is asked."""
    thread = thread_of(item)
    with session_factory() as session:
        voice = brand_voice(session, item.account, account, read_comment(item.text), item.author, thread)
        context = thread_context(session, item) if llm is not None else ThreadContext()
    return suggest_questions(item.text, reasons=item.reasons, author=item.author, llm=llm, voice=voice,
                             thread=thread, context=context)


def suggester(
    session_factory: SessionFactory, llm: LlmProvider | None = None
) -> Callable[[WaitingComment, AccountConfig | None], list[str]]:
    """`suggest_for` on this database with this LLM (None: the offline generator): what delivery
    (bot/engine/delivery.py) asks for a nudge's questions."""
    return lambda item, account: suggest_for(session_factory, item, account, llm)


def llm_provider(settings: Settings) -> LlmProvider | None:
    """The LLM provider when LLM_BASE_URL is set; None leaves suggestions to the offline generator."""
    return LlmProvider(settings.llm) if settings.llm else None


def thread_of(item: WaitingComment) -> Thread:
    """What a waiting comment answers, for the suggestions."""
    return Thread(item.parent_text, item.parent_by_brand, item.parent_by_author)
