"""A nudge's whole life: its states and every transition between them. Nothing else writes a nudge's state.

    (comment due) --open--> PENDING --post--> POSTED --settle/close--> HANDLED(outcome)
                            PENDING --fail--> PENDING (backoff) ... --fail (the last attempt)--> FAILED
                   PENDING|POSTED|FAILED --settle/close/confirm_reply--> HANDLED
           HANDLED(answered|replied) --reopen--> POSTED|PENDING  (the brand's answer was deleted; not deleted itself)
   HANDLED(deleted|answered|replied) --restore--> POSTED|PENDING  (the comment was restored, still waiting)

An open nudge (pending, posted or failed) also carries facets that are not states: snoozed (`snooze`, `wake`, then its
reminder, posted with an edit), assigned (`assign`), claimed by a replica for posting (`claim_due`, `renew`) or for an
escalation (`claim_escalations`), and claimed by one person replying from Slack (`claim_reply`, then `confirm_reply` or
`release_reply`). A posted nudge, open or handled, is claimed by a replica for an edit of its message
(`claim_edits`, then `edited` or `edit_failed`).

Each transition is one UPDATE guarded by the states it starts from (and by the claim it needs), so two replicas
or two people acting at once change a nudge once: the first wins, the second is told it did nothing. Each one
also decides the Slack edit it needs: a transition made by the platform or the poller flags a posted message
`needs_update` for the background pass (engine/delivery.py); one made from Slack returns whether it changed
anything, the listener edits the message at once and flags it only when that edit fails (`flag_edit`). The
background pass edits a message only under its claim, so replicas never edit one message at once: each edit is
made once, and an edit showing an older state never lands after one showing a newer (`edited` keeps the flag up
when a transition came meanwhile, and the next pass edits again).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from functools import lru_cache
from typing import Callable, Iterable, Mapping

from sqlalchemy import and_, bindparam, case, exists, false, not_, or_, select, true, update
from sqlalchemy.orm import Session

from bot.db.lookup import WANTED, one_of
from bot.db.models import Account, Author, Comment, Nudge, NudgeState as State, Outcome
from bot.db.upsert import insert_ignoring_conflicts
from bot.engine.leases import unclaimed

OPEN = (State.PENDING, State.POSTED, State.FAILED)
REOPENED_BY_A_DELETED_ANSWER = (Outcome.ANSWERED, Outcome.REPLIED)
MAX_ATTEMPTS = 6  # posts of one nudge before it gives up: 1 + 2 + 4 + 8 + 16 minutes of backoff, about half an hour
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=1)
REPLY_CLAIM = timedelta(minutes=5)  # a claim older than this was left by a crash: another person may reply
PLATFORM = "platform"  # handled_by when the platform settled it

outbox = Nudge.__table__


def _is_open():
    return Nudge.state.in_(OPEN)


# -- open --------------------------------------------------------------------------------------------------------


def opened(comment_id: int, account_id: int, channel: str | None, due_at: datetime, now: datetime, *,
           ignored: bool = False, handled: tuple[Outcome, str | None] | None = None) -> dict:
    """The row `open` writes for a comment found due: pending, or handled at once when an ignored phrase says so,
    or as `handled` says (how, by whom)."""
    how, by = (Outcome.IGNORED, "config") if ignored else handled or (None, None)
    return {
        "comment_id": comment_id,
        "account_id": account_id,
        "state": State.HANDLED if how else State.PENDING,
        "channel": channel,
        "due_at": due_at,
        "created_at": now,
        "handled_at": now if how else None,
        "handled_by": by,
        "handled_how": how,
    }


def open_(session: Session, rows: list[dict]) -> None:
    """Write the nudges of comments found due (`opened` rows); a comment that has one already keeps it."""
    insert_ignoring_conflicts(session, outbox, rows, ("comment_id",))


def ensure(session: Session, comment_id: int, *, due_at: datetime, now: datetime) -> bool:
    """A pending nudge for a user comment that has none (acted on from /unanswered or the Home tab before it was
    due). A comment that no longer waits (deleted, answered, its author muted) gets one handled at once, as
    settling would have closed it, so that no action opens a nudge about it. False when there is no such user
    comment (the brand's own have no nudge)."""
    row = session.execute(
        select(Comment.account_id, Account.channel, Comment.deleted, Comment.answered_at, Author.muted,
               Author.muted_by).select_from(Comment)
        .join(Account, Account.id == Comment.account_id).join(Author, Author.id == Comment.author_id)
        .where(Comment.id == comment_id, Comment.is_brand.is_(False))
    ).first()
    if row is None:
        return False
    handled = ((Outcome.DELETED, PLATFORM) if row.deleted else (Outcome.ANSWERED, PLATFORM) if row.answered_at
               else (Outcome.MUTED, row.muted_by) if row.muted else None)
    open_(session, [opened(comment_id, row.account_id, row.channel, due_at, now, handled=handled)])
    return True


# -- posting -----------------------------------------------------------------------------------------------------


def _no_live_reply_claim(now: datetime):
    return or_(Nudge.reply_claimed_by.is_(None), Nudge.reply_claimed_at <= now - REPLY_CLAIM)


def _of_accounts(accounts: Iterable[int] | None) -> list:
    """The conditions that keep the nudges of these accounts (by id); None keeps every account's."""
    return [] if accounts is None else [Nudge.account_id.in_(list(accounts))]


def claim_due(session: Session, owner: str, until: datetime, now: datetime, limit: int,
              accounts: Iterable[int] | None = None) -> list[tuple]:
    """Claim up to `limit` pending nudges of `accounts` (None: every account) that are due, unclaimed, past their
    backoff and not being replied to from Slack; (nudge id, comment id, account id, channel, tried), oldest due
    first. `tried`: someone tried to post it before (a claim that ran out, a failed post), so its message may be in
    Slack already. On PostgreSQL the candidates are picked `FOR UPDATE SKIP LOCKED`, so replicas take disjoint ones
    without waiting."""
    picked = session.execute(
        select(Nudge.id, or_(Nudge.lease_owner.is_not(None), Nudge.attempts > 0))
        .where(
            Nudge.state == State.PENDING,
            Nudge.due_at <= now,
            unclaimed(Nudge, now),
            or_(Nudge.retry_at.is_(None), Nudge.retry_at <= now),
            _no_live_reply_claim(now),
            *_of_accounts(accounts),
        )
        .order_by(Nudge.due_at, Nudge.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    ).all()
    if not picked:
        return []
    tried = dict(picked)
    # Picked first, then claimed: PostgreSQL may run an `IN (… LIMIT … SKIP LOCKED)` subquery more than once
    # within one UPDATE, each run skipping the rows the last one locked, and so claim more than `limit`.
    rows = session.execute(
        update(Nudge)
        .where(Nudge.id.in_(list(tried)), Nudge.state == State.PENDING, unclaimed(Nudge, now))
        .values(lease_owner=owner, lease_until=until)
        .returning(Nudge.id, Nudge.comment_id, Nudge.account_id, Nudge.channel, Nudge.due_at)
        .execution_options(synchronize_session=False)
    ).all()
    ordered = sorted(rows, key=lambda row: (row.due_at, row.id))
    return [(row.id, row.comment_id, row.account_id, row.channel, bool(tried[row.id])) for row in ordered]


def renew(session: Session, nudge_id: int, owner: str, until: datetime, state: State | None = State.PENDING) -> bool:
    """Extend this replica's claim on a nudge (pending, posted for an escalation, None: in any state, for an edit,
    whose nudge may be settled or opened again meanwhile); False when the claim lapsed and another replica took it,
    or the nudge left `state`."""
    in_state = [] if state is None else [Nudge.state == state]
    result = session.execute(
        update(Nudge)
        .where(Nudge.id == nudge_id, *in_state, Nudge.lease_owner == owner)
        .values(lease_until=until)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


class Posted(Enum):
    OPEN = "open"  # recorded: the message is the nudge's, open
    SETTLED_MEANWHILE = "settled meanwhile"  # handled while it was being posted: the message is kept and edited
    LOST = "lost"  # another replica holds the nudge now: nothing recorded


def post(session: Session, nudge_id: int, owner: str, *, channel: str | None, ts: str | None,
         suggestions: list[str], now: datetime, shown_assignee: str | None = None, found: bool = False) -> Posted:
    """Record the message posted for a nudge this replica claimed. `shown_assignee`: the assignee the message
    shows; `found`: the message may be one posted before (a replica that died), showing the nudge as it was then.
    Either way, a message that may not show the nudge as it is now is flagged for an edit: an assignment made
    while the nudge was on its way finds no message to edit."""
    posted = dict(posted_at=now, channel=channel, slack_ts=ts, suggestions=suggestions, attempts=0, last_error=None,
                  retry_at=None, lease_owner=None, lease_until=None)  # attempts from now on: failed edits
    if ts is None:
        stale = false()
    else:
        stale = true() if found else Nudge.assigned_to.is_distinct_from(shown_assignee)
    result = session.execute(
        update(Nudge)
        .where(Nudge.id == nudge_id, Nudge.state == State.PENDING, Nudge.lease_owner == owner)
        .values(state=State.POSTED, escalate_from=now, needs_update=stale, **posted)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount == 1:
        return Posted.OPEN
    # Answered, deleted or done while the message was on its way: keep its ts so that it is edited to say so.
    result = session.execute(
        update(Nudge)
        .where(Nudge.id == nudge_id, Nudge.state == State.HANDLED, Nudge.posted_at.is_(None))
        .values(needs_update=ts is not None, **posted)
        .execution_options(synchronize_session=False)
    )
    return Posted.SETTLED_MEANWHILE if result.rowcount == 1 else Posted.LOST


def backoff(attempts: int) -> timedelta:
    """How long a nudge waits after its `attempts`-th failed post."""
    return min(FIRST_RETRY * 2 ** (attempts - 1), LONGEST_RETRY)


def _one_more_failure(session: Session, *nudge) -> tuple[int, bool] | None:
    """The attempts of the nudge that `nudge` selects counting one more failure, and whether that was its last (a
    post, a follow-up and an edit all give up after MAX_ATTEMPTS); None when no nudge matches."""
    attempts = session.scalar(select(Nudge.attempts).where(*nudge))
    return None if attempts is None else (attempts + 1, attempts + 1 >= MAX_ATTEMPTS)


def fail(session: Session, nudge_id: int, owner: str, error: str, now: datetime) -> bool | None:
    """Count a failed post of a nudge this replica claimed and free it for a later try, after its backoff.
    True when that was its last attempt (it gave up: FAILED); None when the claim was lost meanwhile."""
    counted = _one_more_failure(session, Nudge.id == nudge_id, Nudge.state == State.PENDING, Nudge.lease_owner == owner)
    if counted is None:
        return None
    attempts, gave_up = counted
    session.execute(
        update(Nudge)
        .where(Nudge.id == nudge_id, Nudge.state == State.PENDING, Nudge.lease_owner == owner)
        .values(attempts=attempts, last_error=error[:2000], retry_at=now + backoff(attempts), lease_owner=None,
                lease_until=None, state=State.FAILED if gave_up else State.PENDING)
        .execution_options(synchronize_session=False)
    )
    return gave_up


# -- settling and opening again -----------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _settle_statement(dialect: str, edit_later: bool):
    return (
        update(outbox)
        .where(one_of(dialect, outbox.c.comment_id), outbox.c.state.in_(OPEN))
        .values(
            state=State.HANDLED,
            handled_at=bindparam("now"),
            handled_by=bindparam("by"),
            handled_how=bindparam("how"),
            snoozed_until=None,
            # A message already in Slack is edited to say what happened; an unposted nudge just closes.
            needs_update=outbox.c.posted_at.is_not(None) if edit_later else false(),
        )
        .returning(outbox.c.comment_id)
    )


def settle(session: Session, comment_ids: Iterable[int], how: Outcome, by: str, now: datetime, *,
           edit_later: bool = True) -> list[int]:
    """Settle the open nudges of these comments; returns the comments whose nudge this closed. `edit_later`: the
    background pass edits their messages (the platform, the config); without, the caller edits them itself."""
    wanted = set(comment_ids)
    if not wanted:
        return []
    connection = session.connection()
    statement = _settle_statement(connection.dialect.name, edit_later)
    return list(connection.execute(statement, {WANTED: wanted, "now": now, "by": by, "how": how}).scalars())


def close(session: Session, comment_id: int, how: Outcome, by: str, now: datetime) -> bool:
    """Settle a comment's nudge from Slack (made now for a comment listed before its nudge was due). False when it
    was settled already (by someone else, or the platform), or there is no such comment."""
    if not ensure(session, comment_id, due_at=now, now=now):
        return False
    return settle(session, [comment_id], how, by, now, edit_later=False) == [comment_id]


def settle_muted(session: Session, authors: Iterable[int], by: str, now: datetime, *, edit_later: bool) -> list[int]:
    """Settle the open nudges about these authors as muted by `by` (from Slack, or `config`); returns their
    comments."""
    open_ids = session.scalars(
        select(Nudge.comment_id).join(Comment, Comment.id == Nudge.comment_id)
        .where(Comment.author_id.in_(list(authors)), _is_open())
    )
    return settle(session, open_ids, Outcome.MUTED, by, now, edit_later=edit_later)


def _open_again(dialect: str, *conditions):
    """Open a handled nudge again, unless its author was muted meanwhile."""
    unmuted = exists().where(Comment.id == outbox.c.comment_id, Author.id == Comment.author_id, not_(Author.muted))
    return (
        update(outbox)
        .where(one_of(dialect, outbox.c.comment_id), unmuted, *conditions)
        .values(
            state=case((outbox.c.posted_at.is_not(None), State.POSTED), else_=State.PENDING),
            handled_at=None,
            handled_by=None,
            handled_how=None,
            needs_update=outbox.c.posted_at.is_not(None),
        )
    )


def _waiting():
    return exists().where(Comment.id == outbox.c.comment_id, Comment.answered_at.is_(None), not_(Comment.deleted))


@lru_cache(maxsize=None)
def _reopen_statement(dialect: str):
    # A comment deleted while its nudge was settled as answered stays settled when it loses its answer.
    return _open_again(dialect, outbox.c.state == State.HANDLED,
                       outbox.c.handled_how.in_(REOPENED_BY_A_DELETED_ANSWER), _waiting())


@lru_cache(maxsize=None)
def _restore_statement(dialect: str):
    # Settled as deleted, or as answered before it was deleted and lost its answer meanwhile: it waits again.
    return _open_again(dialect, outbox.c.state == State.HANDLED,
                       outbox.c.handled_how.in_((Outcome.DELETED, *REOPENED_BY_A_DELETED_ANSWER)), _waiting())


@lru_cache(maxsize=None)
def _muted_meanwhile_statement(dialect: str):
    """A nudge that would open again (its comment waits again) while its author is muted is closed by the mute
    instead, as if the mute had found it open."""
    muted = exists().where(Comment.id == outbox.c.comment_id, Comment.answered_at.is_(None), not_(Comment.deleted),
                           Author.id == Comment.author_id, Author.muted)
    muted_by = select(Author.muted_by).join(Comment, Comment.author_id == Author.id).where(
        Comment.id == outbox.c.comment_id).scalar_subquery()
    return (
        update(outbox)
        .where(one_of(dialect, outbox.c.comment_id), outbox.c.state == State.HANDLED,
               outbox.c.handled_how.in_((*REOPENED_BY_A_DELETED_ANSWER, Outcome.DELETED)), muted)
        .values(handled_how=Outcome.MUTED, handled_by=muted_by, handled_at=bindparam("now"),
                needs_update=outbox.c.posted_at.is_not(None))
    )


def _run(session: Session, statement_for, comment_ids: Iterable[int], **parameters) -> None:
    wanted = set(comment_ids)
    if wanted:
        connection = session.connection()
        connection.execute(statement_for(connection.dialect.name), {WANTED: wanted, **parameters})


def comments_changed(session: Session, *, answered: list[int], unanswered: list[int], deleted: list[int],
                     present: list[int], now: datetime) -> None:
    """What a page of comments does to their nudges: user comments that are `present` again after a deletion
    (restored, unhidden) and still wait are open again; those `unanswered` again (the brand's answer, from the
    platform or from Slack, was deleted) too, unless their author was muted meanwhile (then the mute closes
    them); the `answered` and the `deleted` are settled."""
    _run(session, _restore_statement, present)
    _run(session, _reopen_statement, unanswered)
    _run(session, _muted_meanwhile_statement, [*present, *unanswered], now=now)
    settle(session, answered, Outcome.ANSWERED, PLATFORM, now)
    settle(session, deleted, Outcome.DELETED, PLATFORM, now)


# -- what the team does ---------------------------------------------------------------------------------------------


def snooze(session: Session, comment_id: int, until: datetime, now: datetime) -> bool:
    """Quiet a comment until `until`. A posted nudge keeps its message (edited to say so) and is raised again
    then; an unposted (or failed) one is simply due then, with its attempts counted afresh; a comment without a
    nudge gets one due then. False when handled already, or when there is no such comment."""
    if not ensure(session, comment_id, due_at=until, now=now):
        return False
    posted = Nudge.state == State.POSTED
    result = session.execute(
        update(Nudge)
        .where(Nudge.comment_id == comment_id, _is_open())
        .values(
            snoozed_until=case((posted, until), else_=None),
            due_at=until,
            state=case((posted, State.POSTED), else_=State.PENDING),
            attempts=case((posted, Nudge.attempts), else_=0),
            retry_at=case((posted, Nudge.retry_at), else_=None),
        )
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def wake(session: Session, now: datetime, accounts: Iterable[int] | None = None) -> None:
    """Posted nudges of `accounts` (None: every account) whose snooze ran out: flagged for an edit and a reminder
    (`reminder_due`), the escalation clock started again."""
    session.execute(
        update(Nudge)
        .where(Nudge.state == State.POSTED, Nudge.snoozed_until.is_not(None), Nudge.snoozed_until <= now,
               *_of_accounts(accounts))
        .values(snoozed_until=None, needs_update=True, escalate_from=now, reminder_due=True)
        .execution_options(synchronize_session=False)
    )


def reminder_due(session: Session, nudge_id: int) -> bool:
    """Whether the snooze of a nudge whose edit this replica holds ran out unremarked: its reminder goes with the
    edit, and stays due until `edited` records it posted. The edit's claim makes the reminder this replica's too;
    read after `renew`, in its transaction, no other replica changes the nudge before the read."""
    return bool(session.scalar(select(Nudge.reminder_due).where(Nudge.id == nudge_id)))


def assign(session: Session, comment_id: int, assignee: str) -> bool:
    result = session.execute(
        update(Nudge)
        .where(Nudge.comment_id == comment_id, _is_open())
        .values(assigned_to=assignee)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


@dataclass(frozen=True)
class ReplyClaim:
    """The outcome of `claim_reply` (refused ones also from `answer_of` and `reply_taken`): granted, or who holds
    the comment (or replied to it) and since when."""

    granted: bool
    by: str | None = None  # PLATFORM: the brand answered it on the platform
    at: datetime | None = None
    replied: bool = False  # someone replied already (else: someone is replying right now)


def claim_reply(session: Session, comment_id: int, by: str, now: datetime) -> ReplyClaim | None:
    """Let `by` post a reply to this comment, alone: refused while someone else's claim is live (younger than
    REPLY_CLAIM), once someone replied from Slack, and once the brand answered it on the platform (a modal opened
    before would otherwise post a second answer). None when there is no such comment."""
    if not ensure(session, comment_id, due_at=now, now=now):
        return None
    replied = and_(Nudge.state == State.HANDLED, Nudge.handled_how == Outcome.REPLIED)
    answered = exists().where(Comment.id == comment_id, Comment.answered_at.is_not(None))
    result = session.execute(
        update(Nudge)
        .where(Nudge.comment_id == comment_id, not_(replied), not_(answered), _no_live_reply_claim(now))
        .values(reply_claimed_by=by, reply_claimed_at=now)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount == 1:
        return ReplyClaim(True, by, now)
    return reply_taken(session, comment_id, now) or ReplyClaim(False)


def reply_taken(session: Session, comment_id: int, now: datetime) -> ReplyClaim | None:
    """Why `claim_reply` would refuse now, as a refused claim: who answered the comment already (`answer_of`), else
    who is replying to it right now (their claim is live: they submitted a reply that is on its way to the
    platform). None while anyone may reply: a claim older than REPLY_CLAIM was left by a crash and holds nobody."""
    answer = answer_of(session, comment_id)
    if answer is not None:
        return answer
    holder = session.execute(select(Nudge.reply_claimed_by, Nudge.reply_claimed_at)
                             .where(Nudge.comment_id == comment_id, not_(_no_live_reply_claim(now)))).first()
    return None if holder is None else ReplyClaim(False, holder.reply_claimed_by, holder.reply_claimed_at)


def answer_of(session: Session, comment_id: int) -> ReplyClaim | None:
    """Who answered the comment already, as a refused claim: someone from Slack (when they replied), else the brand
    on the platform (PLATFORM, when its answer was written). None while it waits for an answer, or is not stored."""
    row = session.execute(
        select(Nudge.handled_how, Nudge.handled_by, Nudge.handled_at, Comment.answered_at)
        .select_from(Comment).outerjoin(Nudge, Nudge.comment_id == Comment.id)
        .where(Comment.id == comment_id)
    ).first()
    if row is None:
        return None
    if row.handled_how == Outcome.REPLIED:
        return ReplyClaim(False, row.handled_by, row.handled_at, replied=True)
    if row.answered_at is not None:
        return ReplyClaim(False, PLATFORM, row.answered_at, replied=True)
    return None


def release_reply(session: Session, comment_id: int, by: str) -> None:
    """The reply was not posted: anyone may reply again."""
    session.execute(
        update(Nudge)
        .where(Nudge.comment_id == comment_id, Nudge.reply_claimed_by == by)
        .values(reply_claimed_by=None, reply_claimed_at=None)
        .execution_options(synchronize_session=False)
    )


def confirm_reply(session: Session, comment_id: int, by: str, now: datetime) -> bool:
    """The reply `by` claimed is on the platform: the nudge is settled as replied by them (a nudge settled
    otherwise meanwhile, done or answered, now says replied too, so nobody replies twice). True when this closed
    an open nudge. The caller edits the message."""
    claimed = (Nudge.comment_id == comment_id, Nudge.reply_claimed_by == by)
    state = session.scalar(select(Nudge.state).where(*claimed))
    session.execute(
        update(Nudge)
        .where(*claimed)
        .values(state=State.HANDLED, handled_how=Outcome.REPLIED, handled_by=by, handled_at=now, snoozed_until=None,
                reply_claimed_by=None, reply_claimed_at=None)
        .execution_options(synchronize_session=False)
    )
    return state in OPEN


# -- escalations and edits -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EscalationRule:
    """An account's follow-ups: at most `most` of them, each `after` a wait counted by `is_due`."""

    most: int
    after: timedelta
    is_due: Callable[[datetime], bool]  # the wait since this moment is over (business hours may stretch it)


def claim_escalations(session: Session, rules: Mapping[int, EscalationRule], owner: str, until: datetime,
                      now: datetime, limit: int) -> list:
    """Claim the posted, unsnoozed, unclaimed nudges of these accounts (id -> rule) whose next follow-up is due;
    (nudge id, comment id, account id, escalations so far, assignee) rows, the longest waiting first. On
    PostgreSQL the candidates are picked `FOR UPDATE SKIP LOCKED`, as `claim_due` picks them."""
    if not rules:
        return []
    # Calendar time bounds business time from above, so this catches every due row; `is_due` filters below.
    per_account = [
        and_(Nudge.account_id == account_id, Nudge.escalations < rule.most, Nudge.escalate_from <= now - rule.after)
        for account_id, rule in rules.items()
    ]
    candidates = session.execute(
        select(Nudge.id, Nudge.account_id, Nudge.escalate_from)
        .where(
            Nudge.state == State.POSTED,
            Nudge.slack_ts.is_not(None),
            Nudge.snoozed_until.is_(None),
            unclaimed(Nudge, now),
            or_(Nudge.retry_at.is_(None), Nudge.retry_at <= now),  # a failed follow-up or edit waits its backoff
            or_(*per_account),
        )
        .order_by(Nudge.escalate_from, Nudge.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    ).all()
    due = {
        row.id: position
        for position, row in enumerate(candidates)
        if rules[row.account_id].is_due(row.escalate_from)
    }
    if not due:
        return []
    rows = session.execute(
        update(Nudge)
        .where(Nudge.id.in_(list(due)), Nudge.state == State.POSTED, unclaimed(Nudge, now))
        .values(lease_owner=owner, lease_until=until)
        .returning(Nudge.id, Nudge.comment_id, Nudge.account_id, Nudge.escalations, Nudge.assigned_to)
        .execution_options(synchronize_session=False)
    ).all()
    return sorted(rows, key=lambda row: due[row.id])


def escalated(session: Session, nudge_id: int, owner: str, now: datetime) -> None:
    """A follow-up was posted for a nudge this replica claimed: the clock starts again."""
    session.execute(
        update(Nudge)
        .where(Nudge.id == nudge_id, Nudge.lease_owner == owner)
        .values(escalations=Nudge.escalations + 1, escalated_at=now, escalate_from=now, lease_owner=None,
                lease_until=None, attempts=0, retry_at=None, last_error=None)
        .execution_options(synchronize_session=False)
    )


def escalation_failed(session: Session, nudge_id: int, owner: str, error: str, now: datetime) -> bool:
    """A follow-up of a nudge this replica claimed failed: freed, and not tried again before its backoff, as for a
    post. True when that was its last attempt: this follow-up is skipped (counted, its clock starts again), and the
    count starts afresh for the next."""
    counted = _one_more_failure(session, Nudge.id == nudge_id, Nudge.lease_owner == owner)
    if counted is None:
        return False
    attempts, gave_up = counted
    skipped = dict(attempts=0, retry_at=None, escalations=Nudge.escalations + 1, escalate_from=now)
    session.execute(
        update(Nudge)
        .where(Nudge.id == nudge_id, Nudge.lease_owner == owner)
        .values(lease_owner=None, lease_until=None, last_error=error[:2000],
                **(skipped if gave_up else dict(attempts=attempts, retry_at=now + backoff(attempts))))
        .execution_options(synchronize_session=False)
    )
    return gave_up


def claim_edits(session: Session, owner: str, until: datetime, now: datetime, limit: int) -> list[int]:
    """Claim up to `limit` posted nudges whose message needs an edit, past the backoff of a failed edit and held by
    no replica; their comment ids, in the order they were posted. The edit is this replica's alone until `edited`
    or `edit_failed` releases it, or the claim runs out (its replica died). On PostgreSQL the candidates are picked
    `FOR UPDATE SKIP LOCKED`, as `claim_due` picks them."""
    picked = session.scalars(
        select(Nudge.id)
        .where(Nudge.needs_update.is_(True), Nudge.slack_ts.is_not(None), Nudge.channel.is_not(None),
               unclaimed(Nudge, now),
               or_(Nudge.retry_at.is_(None), Nudge.retry_at <= now))
        .order_by(Nudge.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    ).all()
    if not picked:
        return []
    rows = session.execute(
        update(Nudge)
        .where(Nudge.id.in_(picked), Nudge.needs_update.is_(True), unclaimed(Nudge, now))
        .values(lease_owner=owner, lease_until=until)
        .returning(Nudge.id, Nudge.comment_id)
        .execution_options(synchronize_session=False)
    ).all()
    return [row.comment_id for row in sorted(rows)]


def flag_edit(session: Session, comment_id: int) -> None:
    """An edit the caller could not make: the background pass makes it later."""
    session.execute(update(Nudge).where(Nudge.comment_id == comment_id, Nudge.slack_ts.is_not(None))
                    .values(needs_update=True).execution_options(synchronize_session=False))


def edited(session: Session, nudge_id: int, owner: str, *, state: State, handled_how: Outcome | None,
           snoozed_until: datetime | None, assigned_to: str | None, reminded: bool) -> None:
    """This replica edited the message of a nudge it claimed to show the nudge as it was read (and, `reminded`,
    posted its due reminder): the claim is released, and the flag lowered unless a transition changed the nudge
    since (then the next pass edits it again, showing the newer state last). A reminder not posted stays due, unless
    the nudge is settled: its snooze is moot then. Nothing when the claim ran out and another replica took the
    edit."""
    shown = and_(
        Nudge.state == state,
        Nudge.handled_how.is_not_distinct_from(handled_how),
        Nudge.snoozed_until.is_not_distinct_from(snoozed_until),
        Nudge.assigned_to.is_not_distinct_from(assigned_to),
    )
    session.execute(
        update(Nudge)
        .where(Nudge.id == nudge_id, Nudge.lease_owner == owner)
        .values(needs_update=not_(shown), attempts=0, retry_at=None, last_error=None, lease_owner=None,
                lease_until=None,
                reminder_due=false() if reminded else and_(Nudge.reminder_due, Nudge.state == State.POSTED))
        .execution_options(synchronize_session=False)
    )


def edit_failed(session: Session, nudge_id: int, owner: str, error: str, now: datetime, *,
                reminding: bool = False) -> bool:
    """Count a failed edit of the message of a nudge this replica claimed (with `reminding`, of the edit and the
    reminder due with it), release the claim and hold the next try for its backoff, as for a post; the reminder
    stays due with it. True when that was its last attempt: the flag is lowered (the message stays as it was, the
    reminder is dropped unposted) and the count starts afresh for the next change. False too when the claim ran out
    meanwhile."""
    claimed = (Nudge.id == nudge_id, Nudge.lease_owner == owner)
    counted = _one_more_failure(session, *claimed)
    if counted is None:
        return False
    attempts, gave_up = counted
    session.execute(
        update(Nudge)
        .where(*claimed)
        .values(attempts=0 if gave_up else attempts, last_error=error[:2000], needs_update=not gave_up,
                retry_at=None if gave_up else now + backoff(attempts), lease_owner=None, lease_until=None,
                **({"reminder_due": False} if reminding and gave_up else {}))
        .execution_options(synchronize_session=False)
    )
    return gave_up
