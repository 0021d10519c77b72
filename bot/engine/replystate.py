"""Reply state, derived from thread structure alone, so the order comments arrive in never matters.

A user comment is answered by the earliest non-deleted brand comment that is
- one of its descendants (a reply to it, or to any reply below it), or
- on flat-threaded platforms, a later comment in the same thread.
Each user turn counts: a brand reply answers the turns above it, never a user's later follow-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.db.models import Comment

# Bound on how deep we follow parent links; real threads are far shallower, a cycle in bad data is not.
MAX_DEPTH = 500
_IN_CHUNK = 500


@dataclass(frozen=True, order=True)
class Answer:
    created_at: datetime
    external_id: str
    id: int


@dataclass(frozen=True)
class Node:
    id: int
    external_id: str
    parent_external_id: str | None
    thread_external_id: str | None
    is_brand: bool
    deleted: bool
    created_at: datetime
    answered_at: datetime | None
    answered_by_id: int | None

    def as_answer(self) -> Answer:
        return Answer(self.created_at, self.external_id, self.id)


NODE_COLUMNS = (
    Comment.id,
    Comment.external_id,
    Comment.parent_external_id,
    Comment.thread_external_id,
    Comment.is_brand,
    Comment.deleted,
    Comment.created_at,
    Comment.answered_at,
    Comment.answered_by_id,
)


def _chunks(values: list, size: int = _IN_CHUNK) -> Iterable[list]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def nodes_where(session: Session, account_id: int, column, values: Iterable[str]) -> list[Node]:
    found: list[Node] = []
    for chunk in _chunks(sorted(set(values))):
        rows = session.execute(select(*NODE_COLUMNS).where(Comment.account_id == account_id, column.in_(chunk)))
        found.extend(Node(*row) for row in rows)
    return found


def refresh_reply_state(
    session: Session, account_id: int, flat_threads: bool, touched: list[Node], brand_deleted_ids: list[int]
) -> tuple[list[int], list[int]]:
    """Recompute the answer of every user comment the touched comments can affect.

    Returns (ids that became answered, ids that became unanswered again).
    """
    affected: dict[int, Node] = {n.id: n for n in touched if not n.is_brand}
    brands = [n for n in touched if n.is_brand]

    # Any arriving comment can answer its ancestors: a brand comment directly, a user comment by linking them to
    # brand replies that arrived before it ...
    frontier = {n.parent_external_id for n in touched if n.parent_external_id}
    seen: set[str] = set()
    for _ in range(MAX_DEPTH):
        frontier -= seen
        if not frontier:
            break
        seen |= frontier
        parents = nodes_where(session, account_id, Comment.external_id, frontier)
        affected.update((p.id, p) for p in parents if not p.is_brand)
        frontier = {p.parent_external_id for p in parents if p.parent_external_id}
    # ... and, on flat platforms, the earlier user comments of its thread.
    if flat_threads:
        threads = {n.thread_external_id for n in brands if n.thread_external_id}
        affected.update(
            (n.id, n) for n in nodes_where(session, account_id, Comment.thread_external_id, threads) if not n.is_brand
        )
    # A deleted brand comment stops answering what it answered.
    for chunk in _chunks(brand_deleted_ids):
        rows = session.execute(select(*NODE_COLUMNS).where(Comment.answered_by_id.in_(chunk)))
        affected.update((node.id, node) for node in (Node(*row) for row in rows))

    best = _best_answers(session, account_id, flat_threads, list(affected.values()))
    became_answered, became_unanswered, changes = [], [], []
    for node in affected.values():
        answer = best.get(node.id)
        new = (answer.created_at, answer.id) if answer else (None, None)
        if new != (node.answered_at, node.answered_by_id):
            changes.append({"id": node.id, "answered_at": new[0], "answered_by_id": new[1]})
            if answer and node.answered_at is None:
                became_answered.append(node.id)
            elif not answer:
                became_unanswered.append(node.id)
    if changes:
        session.execute(update(Comment), changes)
    return became_answered, became_unanswered


def _best_answers(session: Session, account_id: int, flat_threads: bool, users: list[Node]) -> dict[int, Answer]:
    best: dict[int, Answer] = {}

    def offer(user_id: int, candidate: Node) -> None:
        if candidate.is_brand and not candidate.deleted:
            answer = candidate.as_answer()
            if user_id not in best or answer < best[user_id]:
                best[user_id] = answer

    # Descendants, one level at a time for all users at once; `origins` maps a node to the users above it that
    # have not been carried below it yet (a user's own node may also sit below another user).
    origins: dict[str, set[int]] = {}
    for user in users:
        origins.setdefault(user.external_id, set()).add(user.id)
    reached = {external_id: set(above) for external_id, above in origins.items()}
    for _ in range(MAX_DEPTH):
        if not origins:
            break
        children = nodes_where(session, account_id, Comment.parent_external_id, origins)
        next_origins: dict[str, set[int]] = {}
        for child in children:
            above = origins.get(child.parent_external_id or "", set())
            for user_id in above:
                offer(user_id, child)
            new = above - reached.setdefault(child.external_id, set())
            if new:
                reached[child.external_id] |= new
                next_origins.setdefault(child.external_id, set()).update(new)
        origins = next_origins

    if flat_threads:
        by_thread: dict[str, list[Node]] = {}
        for user in users:
            if user.thread_external_id:
                by_thread.setdefault(user.thread_external_id, []).append(user)
        for member in nodes_where(session, account_id, Comment.thread_external_id, by_thread):
            for user in by_thread.get(member.thread_external_id or "", []):
                if member.created_at > user.created_at:
                    offer(user.id, member)
    return best
