"""The brand's own voice: the questions the team asked in answered conversations like this one, and the ones it
wrote into the config's `[[questions]]` library.

The account's most recent answered conversations (a user comment and the brand reply that answered it) are the
candidates, at most CANDIDATES of them, read through the index of answered comments. They are ranked by TF-IDF
cosine similarity of their words (cut to five letters, so "ordered" meets "order" and "Bestellung" meets
"Bestellungen") against the new comment; a conversation counts when it is similar enough, of the same situation and
in the same language. Its reply's questions are offered when they fit: the earlier commenter's name becomes the new
one's (or goes), and a question naming something of the earlier comment that the new one does not mention ("Which
candle was it?" to someone whose mug broke), a number, a link or a request for private data is left out.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import Select, bindparam, or_, select
from sqlalchemy.orm import Session, aliased

from bot.config import AccountConfig
from bot.db.models import Account, Author, Comment
from bot.engine.comment_text import CommentText, plain_text, read_comment
from bot.engine.language import detect_language, function_words
from bot.engine.situation import Thread, read_situation
from bot.suggest.checks import MAX_CHARS, MIN_CHARS, QUESTION_MARKS, offensive
from bot.suggest.cases import about_someone_after_a_loss
from bot.suggest.safety import unsafe

CANDIDATES = 400  # the most recent answered conversations read per comment
MIN_SIMILARITY = 0.3  # TF-IDF cosine; below it conversations share only a word or two
MOST_SIMILAR = 5  # the conversations whose questions are considered
STEM = 5  # letters kept of each word
OWN_QUESTIONS = 2  # the team's questions (past or library) among the three; the generator's first one stays

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_QUESTION = re.compile(r"[^.!?？\n]*[?？]")
_MENTION = re.compile(r"(?<![\w@])@[\w.-]+")
_FIRST_NAME = re.compile(r"[A-Z][a-zà-ÿ'-]{1,19}")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Voice:
    """How the brand sounds for one comment: its tone in the team's words (config `voice`), the questions it asked
    in similar conversations, and its library's questions for this situation and language."""

    tone: str | None = None
    past: tuple[str, ...] = ()
    library: tuple[str, ...] = ()

    def own_questions(self) -> list[str]:
        return list(dict.fromkeys(self.past + self.library))[:OWN_QUESTIONS]

    def examples(self) -> list[str]:
        """For the LLM prompt: a few of the team's own questions."""
        return list(dict.fromkeys(self.past + self.library))[:3]


@dataclass(frozen=True)
class Conversation:
    comment: str  # what the commenter wrote
    author: str  # their display name
    handle: str | None
    reply: str  # the brand's reply that answered it


def brand_voice(
    session: Session | None,
    account: str,
    config: AccountConfig | None,
    comment: CommentText,
    author: str | None,
    thread: Thread = Thread(),
) -> Voice:
    """The voice for a comment on `account` (a name): `config` gives the tone and library (None: neither), `session`
    the account's past replies (None: no database, so none)."""
    situation = read_situation(comment, thread).situation
    conversations = answered_conversations(session, account) if session else []
    past = past_questions(conversations, comment, situation, author)
    return Voice(
        tone=config.voice if config else None,
        past=tuple(past),
        library=tuple(library_questions(config, comment, situation)) if config else (),
    )


def answered_conversations(session: Session, account: str, limit: int = CANDIDATES) -> list[Conversation]:
    """The account's latest answered conversations whose reply asks something, newest first."""
    rows = session.execute(_conversations(), {"account": account, "limit": limit})
    return [Conversation(*row) for row in rows]


@lru_cache(maxsize=1)
def _conversations() -> Select:
    """Built once: constructing the statement costs about as much as running it on SQLite."""
    recent = (
        select(Comment.text, Comment.author_id, Comment.answered_by_id)
        .where(
            Comment.answered_by_id.is_not(None),  # the partial index of answered comments, read newest first
            Comment.account_id == select(Account.id).where(Account.name == bindparam("account")).scalar_subquery(),
            ~Comment.is_brand,
            ~Comment.deleted,
        )
        .order_by(Comment.answered_by_id.desc())
        .limit(bindparam("limit"))
        .subquery()
    )
    reply = aliased(Comment)
    return (
        select(recent.c.text, Author.name, Author.handle, reply.text)
        .join(reply, reply.id == recent.c.answered_by_id)
        .join(Author, Author.id == recent.c.author_id)
        .where(or_(*(reply.text.contains(mark) for mark in QUESTION_MARKS)), ~reply.deleted)
        .order_by(recent.c.answered_by_id.desc())
    )


def past_questions(
    conversations: list[Conversation], comment: CommentText, situation: str, author: str | None
) -> list[str]:
    """The team's questions from the most similar conversations that fit this comment (in `situation`), most
    similar first."""
    code = comment.language.code
    query = _terms(comment.plain, code)
    if not query or not conversations:
        return []
    documents = [_terms(plain_text(c.comment), code) for c in conversations]  # read_comment only for the best few
    ranked = sorted(zip(_similarities(query, documents), range(len(documents))), reverse=True)
    found: list[str] = []
    for similarity, index in ranked[:MOST_SIMILAR]:
        if similarity < MIN_SIMILARITY:
            break
        earlier = conversations[index]
        before = read_comment(earlier.comment)
        if read_situation(before).situation != situation or detect_language(earlier.reply) != comment.language:
            continue
        for question in _QUESTION.findall(earlier.reply):
            if (fitted := _fitted(question, earlier, before, comment, author)) and fitted not in found:
                found.append(fitted)
    return found[:OWN_QUESTIONS]


def library_questions(config: AccountConfig, comment: CommentText, situation: str) -> list[str]:
    """The account's [[questions]] for this comment's situation and language, starting at a place picked by a
    checksum of the text: the same comment always gets the same ones, and others get the others."""
    questions = [
        question
        for entry in config.questions
        if entry.situation == situation and entry.language == comment.language.code
        for question in entry.questions
    ]
    if not questions:
        return []
    start = zlib.crc32(comment.plain.encode("utf-8")) % len(questions)
    return questions[start:] + questions[:start]


def _terms(plain: str, code: str) -> Counter[str]:
    """Words of three letters or more but the function words of the language (and English), cut to STEM letters."""
    return Counter(word[:STEM] for word in _WORD.findall(plain.lower()) if word not in _stopwords(code))


@lru_cache(maxsize=16)
def _stopwords(code: str) -> frozenset[str]:
    return function_words(code) | function_words("en")


def _similarities(query: Counter[str], documents: list[Counter[str]]) -> list[float]:
    """Cosine similarity of TF-IDF vectors, with document frequencies over the candidates and the query; a document
    sharing no term with the query scores 0 without being weighed (most of them)."""
    frequency: Counter[str] = Counter(query.keys())
    for terms in documents:
        frequency.update(terms.keys())
    total = len(documents) + 1

    def vector(terms: Counter[str]) -> dict[str, float]:
        return {term: count * (math.log((total + 1) / (frequency[term] + 1)) + 1) for term, count in terms.items()}

    def norm(vec: dict[str, float]) -> float:
        return math.sqrt(sum(value * value for value in vec.values())) or 1.0

    wanted = vector(query)
    wanted_norm = norm(wanted)
    scores = []
    for terms in documents:
        if terms.keys().isdisjoint(wanted):
            scores.append(0.0)
            continue
        candidate = vector(terms)
        dot = sum(value * candidate.get(term, 0.0) for term, value in wanted.items())
        scores.append(dot / (wanted_norm * norm(candidate)))
    return scores


def _fitted(
    question: str, earlier: Conversation, before: CommentText, comment: CommentText, author: str | None
) -> str | None:
    """The question as it would read to this commenter, or None when it belongs to the earlier conversation."""
    text = _SPACE.sub(" ", _MENTION.sub(" ", question)).strip(" ,;:-–—")
    old_name = _first_name(earlier.author)
    if old_name:
        text = _renamed(text, old_name, None if offensive(author or "") else _first_name(author))
    if text is None or any(ch.isdigit() for ch in text) or unsafe(text):
        return None
    if earlier.handle and earlier.handle.lstrip("@").lower() in text.lower():
        return None
    code = comment.language.code
    now, then = _terms(comment.plain, code), _terms(before.plain, code)
    if any(term in then and term not in now for term in _terms(text, code)):
        return None  # names a detail of the earlier comment that this one does not mention
    if about_someone_after_a_loss(text, comment):
        return None
    text = text[:1].upper() + text[1:]
    return text if MIN_CHARS <= len(text) <= MAX_CHARS else None


def _renamed(text: str, old: str, new: str | None) -> str | None:
    """The earlier commenter's first name, addressed at the start or the end, swapped for the new one's (or
    dropped); a name used any other way makes the question theirs alone (None)."""
    lead = re.compile(rf"^((?:[^\W\d_]+ ){{0,2}}?){re.escape(old)}\s*,\s*")  # "Priya, ", "Sorry Priya, "
    tail = re.compile(rf"\s*,\s*{re.escape(old)}(?=\s*[?？]$)")  # ", Priya?"
    text = lead.sub(lambda m: f"{m[1]}{new}, " if new else (f"{m[1].strip()}, " if m[1] else ""), text)
    text = tail.sub(f", {new}" if new else "", text)
    if re.search(rf"\b{re.escape(old)}\b", text) and old != new:
        return None
    return text


def _first_name(name: str | None) -> str | None:
    first = (name or "").split(" ")[0]
    return first if _FIRST_NAME.fullmatch(first) else None
