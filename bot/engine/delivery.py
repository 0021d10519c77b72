"""The outbox's consumer: posts due nudges and account alerts through a notifier (engine/notifier.py), after the
poll committed.

The flood rule: when more nudges fall due for one channel in one cycle than its accounts' `digest_threshold`
(the lowest of them), they go out as one summary message instead; they count as posted (with no message of
their own to edit or escalate) and stay in /unanswered and the App Home with their buttons.

Suggestions are computed here, off the polling path and outside any transaction (an LLM may take seconds), and
cached with the nudge. They come from a `Suggest` function the caller passes in (bot/suggest's `suggester`): the
engine sits below the suggestions in the layers of bot/ (docs/architecture.md).
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import datetime
from typing import Callable, Iterable, Mapping, Sequence

from bot.config import AccountConfig
from bot.db import SessionFactory
from bot.db.models import NudgeState, utcnow
from bot.db.queries import BusinessWaits, WaitingComment, comments_by_id
from bot.engine import escalation, lifecycle, outbox, triage
from bot.engine.hours import business_waits_of
from bot.engine.leases import Lease
from bot.engine.notifier import Notifier, Refused, alert_text
from bot.ongoing_failures import OngoingFailures

log = logging.getLogger(__name__)

EDITS_AT_ONCE = 200  # claimed by one pass; the rest wait for the next

Suggest = Callable[[WaitingComment, AccountConfig | None], Sequence[str]]
"""The follow-up questions for a waiting comment, in its account's voice (None: an account the config no longer has)."""


def deliver_due(
    session_factory: SessionFactory,
    notifier: Notifier,
    suggest: Suggest,
    clock: Callable[[], datetime] = utcnow,
    lease: Lease | None = None,
    accounts: Mapping[int, AccountConfig] | None = None,
    failing_alerts: OngoingFailures[str | None] | None = None,
) -> int:
    """Post every due nudge and alert; returns how many nudges were posted (one by one or in a flood summary).

    Nudges are claimed under `lease` (one per replica) so that replicas sharing a database post each one once.
    `suggest` writes the suggested questions of a nudge that has none stored. `accounts` (by id), the configured
    ones, set the flood rule's thresholds and the suggestions' voice and [[questions]]; the nudges of an account
    not in it (taken out of the config) are neither posted nor raised after a snooze until it is named again.
    None: every account's nudges, with none of those settings. `failing_alerts`: the channels whose alerts failed
    in earlier cycles, as said in the log (the delivery loop keeps them from one cycle to the next).
    """
    lease = lease or Lease.for_this_process()
    failing_alerts = OngoingFailures() if failing_alerts is None else failing_alerts
    with session_factory.begin() as session:
        alerts = outbox.due_alerts(session, clock())
    for alert in alerts:
        if _tell(notifier, alert, failing_alerts):
            with session_factory.begin() as session:
                outbox.mark_alerted(session, alert, clock())

    business_waits = business_waits_of((accounts or {}).values())
    posted = _post_due(session_factory, notifier, suggest, clock, lease, accounts, business_waits)
    update_changed(session_factory, notifier, clock, business_waits, accounts, lease)
    return posted


def _tell(notifier: Notifier, alert: outbox.DueAlert, failing: OngoingFailures[str | None]) -> bool:
    """Post an alert to its account's channel; whether it counts as told. One the channel refuses for good (the bot
    removed, the channel archived, the token revoked) is written to the log instead, once, and counts as told; one
    that fails otherwise (Slack down past its own retries) stays due for the next cycle, said in the log when its
    channel's alerts start failing or fail otherwise, and when one is posted again. Either way the rest of delivery
    goes on."""
    try:
        notifier.post_alert(alert)
    except Refused as error:
        log.error("%s (not posted to %s: %s)", alert_text(alert), alert.channel, error)
    except Exception as error:
        if failing.is_news(alert.channel, f"{type(error).__name__}: {error}"):
            log.warning("an alert to %s is not posted yet, tried again every cycle (said again when the error "
                        "changes, and when it is posted): %s", alert.channel, error)
        return False
    else:
        if (failed := failing.ended(alert.channel)) is not None:
            log.info("the alerts to %s are posted again (they failed: %s)", alert.channel, failed)
    return True


def _post_due(
    session_factory: SessionFactory,
    notifier: Notifier,
    suggest: Suggest,
    clock: Callable[[], datetime],
    lease: Lease,
    accounts: Mapping[int, AccountConfig] | None,
    business_waits: BusinessWaits,
) -> int:
    """Claim and post batches until none is due. A failed nudge waits out its backoff (engine/lifecycle.py), so
    nudges that keep failing never hold up the others; once a channel fails in a batch, its other nudges there
    count the same failure without a call, and those that gave up are told about once per channel."""
    configured = accounts or {}
    thresholds = {account_id: account.digest_threshold for account_id, account in configured.items()}
    posted = 0
    while True:
        with session_factory.begin() as session:
            due = outbox.due_nudges(session, clock(), lease, accounts=accounts)
            items = comments_by_id(session, [nudge.comment_id for nudge in due], clock(), business_waits)
            statuses = triage.nudge_statuses(session, [nudge.comment_id for nudge in due])
        if not due:
            return posted
        floods = _floods(due, thresholds)
        gave_up: list[outbox.DueNudge] = []
        for channel, batch in floods.items():
            posted += _post_flood(session_factory, notifier, channel, batch, items, lease, clock, gave_up)
        failing: dict[str | None, str] = {}  # channel -> the error of its first failure in this batch
        for nudge in channels_in_turn(due):
            if nudge.channel in floods:
                continue
            if nudge.channel in failing:
                _fail(session_factory, nudge, lease, clock, f"not tried: {failing[nudge.channel]}", gave_up)
                continue
            done, error = _deliver_one(session_factory, notifier, suggest, nudge, items[nudge.comment_id],
                                       statuses.get(nudge.comment_id), lease, clock,
                                       configured.get(nudge.account_id))
            posted += done
            if error is not None:
                failing[nudge.channel] = error
                _fail(session_factory, nudge, lease, clock, error, gave_up)
        _tell_gave_up(notifier, gave_up, items)


def _fail(session_factory, nudge: outbox.DueNudge, lease: Lease, clock, error: str, gave_up: list) -> None:
    with session_factory.begin() as session:
        if lifecycle.fail(session, nudge.nudge_id, lease.owner, error, clock()):
            gave_up.append(nudge)


def _tell_gave_up(notifier: Notifier, gave_up: list[outbox.DueNudge], items: Mapping[int, WaitingComment]) -> None:
    """One notice per channel for the nudges that just gave up; the log when there is no channel or the notice
    fails too (a channel the bot may not post in)."""
    by_channel: dict[str | None, list[outbox.DueNudge]] = {}
    for nudge in gave_up:
        by_channel.setdefault(nudge.channel, []).append(nudge)
    for channel, nudges in by_channel.items():
        text = gave_up_text(len(nudges), [items[n.comment_id] for n in nudges if n.comment_id in items])
        if channel:
            try:
                notifier.post_notice(channel, text)
                continue
            except Exception as error:
                log.warning("telling %s that nudges gave up failed: %s", channel, error)
        log.error("%s (channel %s)", text, channel or "none")


def gave_up_text(count: int, items: Sequence[WaitingComment]) -> str:
    accounts = ", ".join(sorted({item.account for item in items}))
    what = "a nudge" if count == 1 else f"{count} nudges"
    return (f"Reply Nudge could not post {what} after {lifecycle.MAX_ATTEMPTS} attempts ({accounts}) and stopped "
            "trying: the comments still wait, listed by /unanswered. Invite the bot to the channel or fix its "
            "channel in the config.")


def _floods(due: list[outbox.DueNudge], thresholds: Mapping[int, int]) -> dict[str, list[outbox.DueNudge]]:
    """The channels with more nudges due than the lowest threshold among their accounts, and those nudges."""
    by_channel: dict[str, list[outbox.DueNudge]] = {}
    for nudge in due:
        if nudge.channel:
            by_channel.setdefault(nudge.channel, []).append(nudge)
    return {
        channel: batch
        for channel, batch in by_channel.items()
        if len(batch) > min((thresholds[n.account_id] for n in batch if n.account_id in thresholds), default=len(batch))
    }


def _post_flood(
    session_factory: SessionFactory,
    notifier: Notifier,
    channel: str,
    batch: Sequence[outbox.DueNudge],
    items: Mapping[int, WaitingComment],
    lease: Lease,
    clock: Callable[[], datetime],
    gave_up: list[outbox.DueNudge],
) -> int:
    """Post one summary for a channel's claimed nudges still held; returns how many it listed. Suggestions wait
    for someone to open a comment's Reply."""
    with session_factory.begin() as session:
        held = [nudge for nudge in batch
                if lifecycle.renew(session, nudge.nudge_id, lease.owner, lease.until(clock()))]
    if not held:
        return 0
    listed = [items[nudge.comment_id] for nudge in held]
    try:
        notifier.post_summary(channel, listed)
    except Exception as error:  # retried after the backoff, with whatever is due then
        log.warning("posting the summary of %d nudges to %s failed: %s", len(held), channel, error)
        for nudge in held:
            _fail(session_factory, nudge, lease, clock, str(error), gave_up)
        return 0
    with session_factory.begin() as session:
        for nudge in held:
            lifecycle.post(session, nudge.nudge_id, lease.owner, channel=channel, ts=None, suggestions=[], now=clock())
    return len(held)


def channels_in_turn(due: list[outbox.DueNudge]) -> list[outbox.DueNudge]:
    """The nudges with their channels taking turns, each channel's in their own order: a channel posts at most a
    message a second, so a run of one channel's nudges would hold up the others' behind its pace."""
    seen: Counter[str | None] = Counter()
    turns = []
    for position, nudge in enumerate(due):
        turns.append((seen[nudge.channel], position))
        seen[nudge.channel] += 1
    return [due[position] for _, position in sorted(turns)]


def update_changed(
    session_factory: SessionFactory,
    notifier: Notifier,
    clock: Callable[[], datetime] = utcnow,
    business_waits: BusinessWaits = {},
    accounts: Iterable[int] | None = None,
    lease: Lease | None = None,
) -> int:
    """Edit the posted nudges whose comment changed (answered, deleted, a snooze of one of `accounts` ran out; None:
    of any account); returns how many. `business_waits`: the accounts whose waits are shown in open hours.

    Each edit is claimed under `lease` (engine/lifecycle.py `claim_edits`), so that replicas sharing a database
    edit each message once, one at a time; the claim is renewed right before each edit, as a post's is.

    A nudge whose snooze ran out also gets its reminder, which stays due with the edit until both went through.
    A failed edit (or reminder) is tried again after the backoff of a failed post, and gives up after as many
    attempts, said once at ERROR: a channel archived or left, a message deleted, would otherwise cost a call and a
    warning every cycle without end."""
    lease = lease or Lease.for_this_process()
    with session_factory.begin() as session:
        now = clock()
        lifecycle.wake(session, now, accounts)
        claimed = lifecycle.claim_edits(session, lease.owner, lease.until(now), now, EDITS_AT_ONCE)
    with session_factory() as session:
        statuses = triage.nudge_statuses(session, claimed)
        items = comments_by_id(session, claimed, clock(), business_waits)
    updated = 0
    for comment_id in claimed:
        status, item = statuses[comment_id], items[comment_id]
        with session_factory.begin() as session:  # a long pass may have lost the claim to another replica
            if not lifecycle.renew(session, status.nudge_id, lease.owner, lease.until(clock()), state=None):
                continue
            reminder_due = lifecycle.reminder_due(session, status.nudge_id)
        # The status was read before the claim was renewed: a nudge that woke since is still shown snoozed, and its
        # reminder waits for the next pass's edit (`edited` keeps the flag up); none for a nudge settled or snoozed
        # again since it woke.
        reminding = reminder_due and status.state == NudgeState.POSTED and status.snoozed_until is None
        try:
            notifier.update_nudge(item, list(status.suggestions), status)
            if reminding:
                notifier.remind(item, status)
        except Exception as error:
            log.warning("updating nudge %s failed: %s", status.nudge_id, error)
            with session_factory.begin() as session:
                gave_up = lifecycle.edit_failed(session, status.nudge_id, lease.owner,
                                                str(error) or type(error).__name__, clock(), reminding=reminding)
            if gave_up:
                log.error("Reply Nudge could not edit nudge %s (%s) in %s after %d attempts and stopped trying: its "
                          "message may not show what became of the comment%s (%s)", status.nudge_id, item.account,
                          status.channel, lifecycle.MAX_ATTEMPTS,
                          ", and the team was not reminded that its snooze ran out" if reminding else "", error)
            continue
        with session_factory.begin() as session:
            lifecycle.edited(session, status.nudge_id, lease.owner, state=status.state,
                             handled_how=status.handled_how, snoozed_until=status.snoozed_until,
                             assigned_to=status.assigned_to, reminded=reminding)
        updated += 1
    return updated


def escalate_due(
    session_factory: SessionFactory,
    notifier: Notifier,
    accounts: Mapping[int, AccountConfig],
    clock: Callable[[], datetime] = utcnow,
    lease: Lease | None = None,
) -> int:
    """Post the follow-ups that fell due (see engine/escalation.py); returns how many were posted. A follow-up
    Slack refuses waits the backoff of a failed post and is skipped after as many attempts, said once at ERROR."""
    lease = lease or Lease.for_this_process()
    with session_factory.begin() as session:
        due = escalation.claim_due(session, accounts, lease, clock())
    with session_factory() as session:
        business_waits = business_waits_of(accounts.values())
        items = comments_by_id(session, [each.comment_id for each in due], clock(), business_waits)
        statuses = triage.nudge_statuses(session, [each.comment_id for each in due])  # one query for the batch
    posted = 0
    for each in due:
        with session_factory.begin() as session:  # a long batch may have lost the claim to another replica
            if not lifecycle.renew(session, each.nudge_id, lease.owner, lease.until(clock()), NudgeState.POSTED):
                continue
        try:
            notifier.escalate(items[each.comment_id], statuses[each.comment_id], each.number, each.mention)
        except Exception as error:  # retried after its backoff, as a post is
            log.warning("escalating nudge %s failed: %s", each.nudge_id, error)
            with session_factory.begin() as session:
                gave_up = lifecycle.escalation_failed(session, each.nudge_id, lease.owner,
                                                      str(error) or type(error).__name__, clock())
            if gave_up:
                log.error("Reply Nudge could not post follow-up %d of nudge %s (%s) in %s after %d attempts and "
                          "skipped it (%s)", each.number, each.nudge_id, items[each.comment_id].account,
                          statuses[each.comment_id].channel, lifecycle.MAX_ATTEMPTS, error)
            continue
        with session_factory.begin() as session:
            lifecycle.escalated(session, each.nudge_id, lease.owner, clock())
        posted += 1
    return posted


def _deliver_one(
    session_factory: SessionFactory,
    notifier: Notifier,
    suggest: Suggest,
    nudge: outbox.DueNudge,
    item: WaitingComment,
    status: triage.NudgeStatus | None,
    lease: Lease,
    clock: Callable[[], datetime],
    account: AccountConfig | None,
) -> tuple[bool, str | None]:
    """Post one claimed nudge: (whether it was posted, the error when the post failed). A nudge settled while it
    was being posted counts as posted: its message is edited to say what happened.

    A batch can outlive its lease (a slow Slack, a slow LLM, a busy machine); the claim is renewed right before
    each post, after the suggestions are written, so that a nudge another replica took over meanwhile is left to
    that replica instead of being posted twice.
    """
    suggestions = list(item.suggestions or suggest(item, account))
    with session_factory.begin() as session:
        if not lifecycle.renew(session, nudge.nudge_id, lease.owner, lease.until(clock())):
            return False, None
    try:
        ts = notifier.post_nudge(item, suggestions, nudge.channel, tried=nudge.tried, status=status)
    except Exception as error:  # one failed post must not hold up the others; it is retried after its backoff
        log.warning("posting nudge %s failed: %s", nudge.nudge_id, error)
        return False, str(error) or type(error).__name__
    with session_factory.begin() as session:
        posted = lifecycle.post(session, nudge.nudge_id, lease.owner, channel=nudge.channel, ts=ts,
                                suggestions=suggestions, now=clock(),
                                shown_assignee=status.assigned_to if status else None, found=nudge.tried)
    if posted is lifecycle.Posted.LOST:
        log.warning("nudge %s was taken over by another replica while it was being posted", nudge.nudge_id)
    return posted is not lifecycle.Posted.LOST, None
