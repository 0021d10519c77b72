"""Reply state, derived from thread structure alone, so the order comments arrive in never matters.

A user comment is answered by the earliest non-deleted brand comment that is
- one of its descendants (a reply to it, or to any reply below it), or
- on flat-threaded platforms, a later comment in the same thread.
Each user turn counts: a brand reply answers the turns above it, never a user's later follow-up.

The state is kept incrementally, so a page costs the same however large the table has grown. Arriving comments
only ever add candidates, so a stored answer becomes the earlier of itself and what the page brings:
- each arriving comment carries the best answer in its own subtree (itself, if it is a brand comment; below it
  only when replies arrived first) up to its ancestors;
- on flat platforms, each arriving brand comment is offered to the earlier user comments of its thread.
Only a deleted brand comment takes an answer away: the comments it answered are worked out again from their
subtrees, as are the arriving user comments. Walking down a subtree, an untouched user comment's stored answer
stands for everything below it (except on flat platforms, where that answer may come from elsewhere in its thread).
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any, Iterable, NamedTuple

from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.orm import Session

from bot.db.bulk import execute_many
from bot.db.lookup import WANTED, one_of
from bot.db.models import Comment

# Bound on how deep we follow parent links; real threads are far shallower, a cycle in bad data is not.
MAX_DEPTH = 500


# Tuples, not frozen dataclasses: a page reads its comments' rows back and more, and a frozen dataclass's
# constructor sets each field through object.__setattr__ (about five times the cost of a tuple's).
class Answer(NamedTuple):  # ordered by time, then external id and id, as tuples are
    created_at: datetime
    external_id: str
    id: int


class Node(NamedTuple):
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

    @property
    def answers(self) -> bool:
        return self.is_brand and not self.deleted


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


# Filters for nodes_where, as constants so that each query is built once (its parameters are passed by name).
USERS_NOT_ANSWERED_BEFORE = (  # "earliest"
    Comment.is_brand.is_(False),
    or_(Comment.answered_at.is_(None), Comment.answered_at >= bindparam("earliest")),
)
ANSWERING = (Comment.is_brand.is_(True), Comment.deleted.is_(False))


def nodes_where(
    session: Session, account_id: int, column, values: Iterable, conditions: tuple = (), **parameters: Any
) -> list[Node]:
    """The account's comments whose `column` is among `values`, and that meet `conditions` (one of the filters
    above, given their `parameters`)."""
    values = set(values)
    if not values:
        return []
    connection = session.connection()
    query = _nodes_query(connection.dialect.name, column, conditions)
    rows = connection.execute(query, {"account": account_id, WANTED: values, **parameters}).all()
    return [Node(*row) for row in rows]


@lru_cache(maxsize=None)
def _nodes_query(dialect: str, column, conditions: tuple):
    return select(*NODE_COLUMNS).where(Comment.account_id == bindparam("account"), one_of(dialect, column), *conditions)


def refresh_reply_state(
    session: Session, account_id: int, flat_threads: bool, touched: list[Node], brand_deleted_ids: list[int]
) -> tuple[list[int], list[int]]:
    """Bring the answers the touched comments can affect up to date.

    Returns (ids that became answered, ids that became unanswered again).
    """
    refresh = _Refresh(session, account_id, flat_threads)
    stale = nodes_where(session, account_id, Comment.answered_by_id, brand_deleted_ids)
    refresh.remember([*touched, *stale])
    refresh.rework = {n.id: n for n in [*touched, *stale] if not n.is_brand}
    below = refresh.best_below([*touched, *stale])
    for user in refresh.rework.values():
        refresh.offer(user, below.get(user.external_id))
    carried: dict[str, Answer] = {}
    for node in touched:
        best = _earliest(node.as_answer() if node.answers else None, below.get(node.external_id))
        if best and node.parent_external_id:
            carried[node.parent_external_id] = _earliest(carried.get(node.parent_external_id), best)
    refresh.carry_up(carried)
    if flat_threads:
        refresh.offer_to_threads([n for n in touched if n.answers])
        refresh.offer_threads_to_rework()
    return refresh.save()


def _earliest(a: Answer | None, b: Answer | None) -> Answer | None:
    return b if a is None or (b is not None and b < a) else a


class _Refresh:
    def __init__(self, session: Session, account_id: int, flat_threads: bool):
        self.session, self.account_id, self.flat = session, account_id, flat_threads
        self.rework: dict[int, Node] = {}  # user comments whose answer is worked out again, not just improved
        self.users: dict[int, Node] = {}  # every user comment that may change, as stored before this page
        self.best: dict[int, Answer] = {}  # the best answer found for each of them this time
        # Comments read so far, by external id, and the children of those whose children have all been read:
        # a page's own comments mostly reply to each other, so most lookups end here.
        self._nodes: dict[str, Node] = {}
        self._children: dict[str, list[Node]] = {}

    def remember(self, nodes: Iterable[Node]) -> None:
        self._nodes.update((node.external_id, node) for node in nodes)

    def nodes(self, external_ids: Iterable[str]) -> list[Node]:
        wanted = set(external_ids)
        self.remember(nodes_where(self.session, self.account_id, Comment.external_id, wanted - self._nodes.keys()))
        return [self._nodes[external_id] for external_id in wanted if external_id in self._nodes]

    def children(self, parents: Iterable[str]) -> list[Node]:
        wanted = set(parents)
        missing = wanted - self._children.keys()
        for external_id in missing:
            self._children[external_id] = []
        for child in nodes_where(self.session, self.account_id, Comment.parent_external_id, missing):
            self._children[child.parent_external_id or ""].append(child)
            self._nodes.setdefault(child.external_id, child)
        return [child for parent in wanted for child in self._children[parent]]

    def offer(self, user: Node, answer: Answer | None) -> None:
        self.users[user.id] = user
        if answer and (user.id not in self.best or answer < self.best[user.id]):
            self.best[user.id] = answer

    def _stands_for_subtree(self, node: Node) -> bool:
        return not self.flat and not node.is_brand and node.id not in self.rework

    def best_below(self, roots: list[Node]) -> dict[str, Answer]:
        """The earliest answering brand comment strictly below each root, by the root's external id."""
        best: dict[str, Answer] = {}

        def offer(above: set[str], answer: Answer) -> None:
            for root in above:
                best[root] = _earliest(best.get(root), answer)

        # One level at a time for all roots at once; `origins` maps a node to the roots above it that have not
        # been carried below it yet (a root may itself sit below another root).
        origins = {root.external_id: {root.external_id} for root in roots}
        reached = {external_id: set(above) for external_id, above in origins.items()}
        stored: list[tuple[set[str], int]] = []
        for _ in range(MAX_DEPTH):
            if not origins:
                break
            next_origins: dict[str, set[str]] = {}
            for child in self.children(origins):
                above = origins[child.parent_external_id or ""]
                if child.answers:
                    offer(above, child.as_answer())
                elif self._stands_for_subtree(child):
                    if child.answered_by_id is not None:
                        stored.append((above, child.answered_by_id))
                    continue
                new = above - reached.setdefault(child.external_id, set())
                if new:
                    reached[child.external_id] |= new
                    next_origins.setdefault(child.external_id, set()).update(new)
            origins = next_origins
        answers = self._answers({answer_id for _, answer_id in stored})
        for above, answer_id in stored:
            offer(above, answers[answer_id])
        return best

    def carry_up(self, carried: dict[str, Answer]) -> None:
        """Offer each answer to every user comment above the node it came from (keyed by that node's parent)."""
        carried_through: dict[str, Answer] = {}
        for _ in range(MAX_DEPTH):
            carried = {
                parent: answer
                for parent, answer in carried.items()
                if parent not in carried_through or answer < carried_through[parent]
            }
            if not carried:
                break
            carried_through.update(carried)
            next_carried: dict[str, Answer] = {}
            for node in self.nodes(carried):
                answer = carried[node.external_id]
                if not node.is_brand:
                    if self._stands_for_subtree(node) and _stored_is_no_later(node, answer):
                        continue  # so is every stored answer above it
                    self.offer(node, answer)
                if node.parent_external_id:
                    next_carried[node.parent_external_id] = _earliest(next_carried.get(node.parent_external_id), answer)
            carried = next_carried

    def offer_to_threads(self, brands: list[Node]) -> None:
        """Flat platforms: an arriving brand comment answers the earlier user comments of its thread."""
        by_thread: dict[str, list[Answer]] = {}
        for brand in brands:
            if brand.thread_external_id:
                by_thread.setdefault(brand.thread_external_id, []).append(brand.as_answer())
        if not by_thread:
            return
        earliest = min(answer.created_at for answers in by_thread.values() for answer in answers)
        for user in nodes_where(
            self.session, self.account_id, Comment.thread_external_id, by_thread, USERS_NOT_ANSWERED_BEFORE,
            earliest=earliest,
        ):
            for answer in by_thread[user.thread_external_id or ""]:
                if answer.created_at > user.created_at:
                    self.offer(user, answer)

    def offer_threads_to_rework(self) -> None:
        by_thread: dict[str, list[Node]] = {}
        for user in self.rework.values():
            if user.thread_external_id:
                by_thread.setdefault(user.thread_external_id, []).append(user)
        for brand in nodes_where(self.session, self.account_id, Comment.thread_external_id, by_thread, ANSWERING):
            for user in by_thread[brand.thread_external_id or ""]:
                if brand.created_at > user.created_at:
                    self.offer(user, brand.as_answer())

    def save(self) -> tuple[list[int], list[int]]:
        improved = [user for user in self.users.values() if user.id not in self.rework]
        stored = self._answers(  # only equal times need the stored answer's external id to decide
            user.answered_by_id
            for user in improved
            if user.answered_by_id is not None and user.id in self.best
            and user.answered_at == self.best[user.id].created_at
        )
        became_answered, became_unanswered, changes = [], [], []
        for user in self.users.values():
            answer = self.best.get(user.id)
            if user.id not in self.rework and user.answered_at is not None and user.answered_by_id is not None:
                answer = _earliest(stored.get(user.answered_by_id, Answer(user.answered_at, "", user.answered_by_id)), answer)
            new = (answer.created_at, answer.id) if answer else (None, None)
            if new != (user.answered_at, user.answered_by_id):
                changes.append({"changed_id": user.id, "answered_at": new[0], "answered_by_id": new[1]})
                if answer and user.answered_at is None:
                    became_answered.append(user.id)
                elif not answer:
                    became_unanswered.append(user.id)
        if changes:
            execute_many(self.session.connection(), _SAVE_ANSWER, changes)
        return became_answered, became_unanswered

    def _answers(self, ids: Iterable[int]) -> dict[int, Answer]:
        ids = set(ids)
        if not ids:
            return {}
        connection = self.session.connection()
        rows = connection.execute(_answers_query(connection.dialect.name), {WANTED: ids}).all()
        return {row.id: Answer(*row) for row in rows}


_SAVE_ANSWER = (
    update(Comment.__table__)
    .where(Comment.__table__.c.id == bindparam("changed_id"))
    .values(answered_at=bindparam("answered_at"), answered_by_id=bindparam("answered_by_id"))
)


@lru_cache(maxsize=None)
def _answers_query(dialect: str):
    return select(Comment.created_at, Comment.external_id, Comment.id).where(one_of(dialect, Comment.id))


def _stored_is_no_later(user: Node, answer: Answer | None) -> bool:
    """Whether the stored answer is surely as early as `answer` (equal times need the external ids to decide)."""
    if user.answered_at is None:
        return answer is None
    return answer is None or user.answered_at < answer.created_at or user.answered_by_id == answer.id
