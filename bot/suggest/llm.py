"""Suggested questions from an LLM: any OpenAI-compatible chat-completions endpoint (OpenAI, Azure's compatible
endpoint, OpenRouter, Ollama, vLLM, llama.cpp's server), over plain `requests`.

The answer goes through the same checks as the offline questions; whatever goes wrong (no answer within
LLM_TIMEOUT, a refused key, a 429 or 5xx, a body that is not the expected JSON, questions that fail the checks)
raises LlmFailed, and the caller falls back to the offline questions. After a failure of the endpoint itself the
provider pauses (for Retry-After on a 429, else a minute), so a backlog of nudges does not wait on a dead
endpoint one timeout after another.
"""

from __future__ import annotations

import json
import logging
import re
import time
from datetime import timedelta
from typing import Callable

import requests

from bot.clock import utcnow
from bot.config import LlmSettings
from bot.engine.comment_text import CommentText, read_comment
from bot.sources.http import make_session, parse_reset
from bot.suggest.checks import COUNT, MAX_CHARS, InvalidSuggestions, checked_questions
from bot.engine.language import detect_language
from bot.engine.situation import Reading, Thread, read_situation
from bot.suggest.keyphrases import key_phrases
from bot.suggest.cases import about_someone_after_a_loss
from bot.suggest.safety import unsafe
from bot.suggest.thread import ThreadContext
from bot.suggest.voice import Voice

PAUSE = timedelta(minutes=1)  # after the endpoint failed, when it does not say how long
MAX_PAUSE = timedelta(hours=1)
MAX_COMMENT_CHARS = 2000  # a 10,000-character comment's opening says what it is about; the rest costs tokens
CONNECT_TIMEOUT = 3.05
CHECK_COMMENT = "Do you ship to Portugal? I'd love to order the new Assam blend for my mum."

SYSTEM_PROMPT = f"""You help a brand's social media team keep conversations going with the people who comment.
Given one comment, write one to {COUNT} short follow-up questions the team could post in reply as written; fewer
when fewer fit, since a question nobody would send is worse than none.
First read what the comment is doing: asking how to do something, whether something is in stock or ships, reporting a
fault, a late or damaged order, a charge, asking for a feature, disagreeing, sharing a result or a story about
someone, thanking someone, proposing a collaboration. Sarcasm ("great job 👏", "love it 🙃") is a complaint. A
thank-you after a loss is no complaint; after a death or in a grave illness never ask about the person.
Then ask what a good community manager would: plain, specific to this comment, in its tone, inviting a story or a
detail. A complaint gets empathy first and a question that helps fix it; a question will be answered by the team
first, so ask about their situation rather than whether the answer helped; a result, a story or praise gets a warm
question about the detail they shared (a person: "my mum" becomes "your mum"). No sales questions ("is it for you
or for someone else?") on a how-to, stock or fault question; no "did that answer everything?" check-ins.
Read the thread: never ask for what the comment or the thread already says (an order number, a device, a date,
what happened, who it was for).
Each question ends with a question mark, is distinct from the others and is at most {MAX_CHARS // 2} characters.
Write in the comment's language, given below, as a native speaker would.
Never include a link; never offer or promise refunds, replacements, vouchers, discounts or anything free; never ask
for passwords, card or bank details, addresses, phone numbers or other personal data.
Answer with JSON only, no other text: {{"questions": ["...", "..."]}}"""
VOICE_PROMPT = "\nThe team's voice, in its own words: {voice}"

log = logging.getLogger(__name__)

_FENCE = re.compile(r"^```(?:json)?\s*(.*?)\s*```$", re.S)


class LlmFailed(Exception):
    """Why the LLM gave no usable questions, in one line; `told`: the endpoint still fails as it did when that was
    last said, so saying it again adds nothing."""

    def __init__(self, reason: str, *, told: bool = False):
        super().__init__(reason)
        self.told = told


class LlmProvider:
    def __init__(
        self,
        settings: LlmSettings,
        session: requests.Session | None = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.settings = settings
        self.url = f"{settings.base_url}/chat/completions"
        self.session = session or make_session()
        self.clock = clock
        self.paused_until = 0.0
        self.pause_reason = ""

    def questions(self, comment: CommentText, *, reasons: tuple[str, ...] | list[str] = (),
                  author: str | None = None, voice: Voice = Voice(), thread: Thread = Thread(),
                  context: ThreadContext = ThreadContext()) -> list[str]:
        """Three checked questions, or LlmFailed."""
        if (left := self.paused_until - self.clock()) > 0:
            raise LlmFailed(f"paused for {left:.0f}s more after: {self.pause_reason}", told=True)
        body = self._post(self._request(comment, reasons, author, voice, read_situation(comment, thread), context))
        if self.pause_reason:
            log.info("the LLM answers again (it failed: %s): its suggestions are used from now on", self.pause_reason)
            self.pause_reason = ""
        try:
            return _screened(checked_questions(_questions_in(body)), comment)
        except InvalidSuggestions as error:
            raise LlmFailed(f"the answer failed the checks: {error}") from None

    def check(self) -> str:
        """One request with a sample comment: "ok: ..." with the first question, or "FAILED: <why>"."""
        started = time.monotonic()
        try:
            questions = self.questions(read_comment(CHECK_COMMENT), reasons=("asked a question",))
        except LlmFailed as error:
            return f"FAILED: {error}"
        return f"ok: 3 valid questions in {time.monotonic() - started:.1f}s, e.g. {questions[0]!r}"

    def _request(self, comment: CommentText, reasons, author: str | None, voice: Voice, reading: Reading,
                 context: ThreadContext) -> dict:
        phrases = key_phrases(comment, limit=2)
        examples = voice.examples()
        facts = [
            f"tone: {comment.tone}",
            f"situation: {reading.situation}" + (f" ({reading.problem})" if reading.problem else ""),
            *([f"already told, never ask for it: {', '.join(sorted(reading.given))}"] if reading.given else []),
            f"language: {comment.language.name} (write the questions in {comment.language.name})",
            *([f"key phrases: {', '.join(p.words for p in phrases)}"] if phrases else []),
            *([f"why it matters: {', '.join(reasons)}"] if reasons else []),
            *([f"commenter: {author}"] if author else []),
            *(_cut(line) for line in context.lines()),
            *(["questions this team asked in similar conversations (match their style):",
               *(f"- {question}" for question in examples)] if examples else []),
        ]
        text = comment.plain[:MAX_COMMENT_CHARS]
        system = SYSTEM_PROMPT + (VOICE_PROMPT.format(voice=voice.tone) if voice.tone else "")
        return {
            "model": self.settings.model,
            "messages": [
                {"role": "system", "content": system},
                {"role": "user", "content": "\n".join(facts) + f"\n\nComment:\n{text}"},
            ],
            "temperature": 0.3,
            "max_tokens": 400,
        }

    def _post(self, payload: dict) -> object:
        timeout = self.settings.timeout.total_seconds()
        headers = {"Authorization": f"Bearer {self.settings.api_key}"} if self.settings.api_key else {}
        try:
            response = self.session.post(
                self.url, json=payload, headers=headers, timeout=(min(CONNECT_TIMEOUT, timeout), timeout)
            )
        except requests.Timeout:
            raise self._pause(f"no answer within {timeout:g}s", PAUSE) from None
        except requests.RequestException as error:
            raise self._pause(f"cannot reach {self.settings.base_url} ({type(error).__name__})", PAUSE) from None
        if response.status_code != 200:
            raise self._pause(f"HTTP {response.status_code}: {_error_message(response)}", _retry_after(response))
        try:
            return response.json()
        except ValueError:
            raise LlmFailed("the answer is not JSON") from None

    def _pause(self, reason: str, wait: timedelta) -> LlmFailed:
        self.paused_until = self.clock() + min(wait, MAX_PAUSE).total_seconds()
        told, self.pause_reason = reason == self.pause_reason, reason
        return LlmFailed(reason, told=told)


def _screened(questions: list[str], comment: CommentText) -> list[str]:
    """The questions, or InvalidSuggestions when one breaks a rule of bot/suggest/safety.py or they are written in
    another language than the comment (told by the three together: one short question says little)."""
    for question in questions:
        if what := unsafe(question):
            raise InvalidSuggestions(f"{what} in {question[:60]!r}")
        if about_someone_after_a_loss(question, comment):
            raise InvalidSuggestions(f"asks about a person after a loss or in illness: {question[:60]!r}")
    expected = comment.language
    if expected.code not in ("und", "other"):
        written = detect_language(" ".join(questions))
        if written != expected:
            raise InvalidSuggestions(f"written in {written.name}, the comment is in {expected.name}")
    return questions


def _cut(line: str, most: int = 500) -> str:
    """A line of context, its first `most` characters: the thread tells the model where it is, the comment what."""
    line = " ".join(line.split())
    return line if len(line) <= most else line[: most - 1] + "…"


def _questions_in(body: object) -> object:
    """The questions in a chat completion: choices[0].message.content, a JSON object (or list) of questions."""
    try:
        content = body["choices"][0]["message"]["content"]  # type: ignore[index]
    except (KeyError, IndexError, TypeError):
        raise LlmFailed("the answer has no choices[0].message.content") from None
    if not isinstance(content, str):
        raise LlmFailed("the answer's message content is not text")
    content = content.strip()
    if fenced := _FENCE.match(content):
        content = fenced.group(1)
    try:
        parsed = json.loads(content)
    except ValueError:
        raise LlmFailed(f"the message is not the JSON asked for: {content[:60]!r}") from None
    return parsed.get("questions") if isinstance(parsed, dict) else parsed


def _retry_after(response: requests.Response) -> timedelta:
    now = utcnow()
    retry_at = parse_reset(response.headers.get("Retry-After"), now) if response.status_code == 429 else None
    return retry_at - now if retry_at else PAUSE


def _error_message(response: requests.Response) -> str:
    """OpenAI-style {"error": {"message": ...}} when there is one, else the start of the body."""
    try:
        error = response.json().get("error")
        message = error.get("message") if isinstance(error, dict) else error
    except (ValueError, AttributeError):
        message = None
    return str(message or response.text or response.reason)[:120]
