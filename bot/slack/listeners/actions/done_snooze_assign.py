"""Done, snooze and assign from the nudge message."""

from __future__ import annotations


from slack_bolt import Ack, BoltContext, Respond

from bot.db.models import Outcome
from bot.engine import lifecycle, trail, triage
from bot.engine.hours import OfficeHours
from bot.slack.access import SEE, TRIAGE
from bot.slack.blocks import comment_id_of, escape, when
from bot.slack.context import KEY, AppContext, on_home


def _change(app: AppContext, body: dict, respond: Respond, comment_id: int, change, note: str | None = None, *,
            action: str, detail: str | None = None) -> bool:
    """Apply `change(session)` in one transaction, if the person may triage this comment; edit the message when it
    changed, else say why not. Clicked on the Home tab, the tab is published again to show the change."""
    item, _ = app.load(comment_id)
    verdict = app.may(body["user"]["id"], TRIAGE, item.account if item else None)
    if not verdict:
        app.refuse(body, respond, verdict.why)
        return False
    with app.session_factory.begin() as session:
        changed = change(session)
        if changed:
            trail.record(session, body["user"]["id"], action, app.clock(), comment_id=comment_id, detail=detail)
    if changed:
        app.refresh(comment_id, note)
    elif body.get("response_url"):
        respond(text="This nudge was already handled.", response_type="ephemeral", replace_original=False)
    if on_home(body):
        app.publish_home(body["user"]["id"])
    return changed


def mark_done(ack: Ack, body: dict, context: BoltContext, respond: Respond) -> None:
    ack()
    app: AppContext = context[KEY]
    comment_id = comment_id_of(body)
    if comment_id is None:
        return
    user = body["user"]["id"]
    _change(app, body, respond, comment_id,
            lambda session: lifecycle.close(session, comment_id, Outcome.DONE, user, app.clock()), action="done")


def snooze(ack: Ack, body: dict, context: BoltContext, respond: Respond) -> None:
    ack()
    app: AppContext = context[KEY]
    comment_id = comment_id_of(body)
    choice = ((body["actions"][0].get("selected_option") or {}).get("value") or "").partition(":")[2]
    if comment_id is None or choice not in triage.SNOOZE_CHOICES:
        return
    item, _ = app.load(comment_id)
    if item is None:
        return
    account = app.account(item.account)
    now = app.clock()
    until = triage.snooze_until(choice, now, OfficeHours.of(account) if account else OfficeHours())
    note = f"<@{body['user']['id']}> snoozed this {when(now)}"
    _change(app, body, respond, comment_id, lambda session: lifecycle.snooze(session, comment_id, until, now), note,
            action="snooze", detail=f"until {until.isoformat()}")


def assign(ack: Ack, body: dict, context: BoltContext, respond: Respond) -> None:
    ack()
    app: AppContext = context[KEY]
    comment_id = comment_id_of(body)
    assignee = body["actions"][0].get("selected_user")
    user = body["user"]["id"]
    if comment_id is None or not assignee:
        return
    item, _ = app.load(comment_id)
    if item and app.may(user, TRIAGE, item.account):  # else _change refuses the person assigning
        verdict = app.may(assignee, SEE, item.account)
        if not verdict:
            app.refuse(body, respond, f"Not assigned: <@{assignee}> may not see the comments of "
                                      f"*{escape(item.account)}* ({verdict.because}), so the comment stays with the "
                                      "team. Pick someone who may see it, or ask a member of its channel to add them "
                                      "first.")
            return
    note = f"<@{user}> assigned this to <@{assignee}> {when(app.clock())}"
    if not _change(app, body, respond, comment_id, lambda session: lifecycle.assign(session, comment_id, assignee),
                   note, action="assign", detail=assignee):
        return
    item, status = app.load(comment_id)
    where = f" in <#{status.channel}>" if status and status.channel else ""
    what = f": {escape(item.author)} on {item.account} is waiting for an answer" if item else ""
    dm = app.notifier.client.conversations_open(users=assignee)
    text = f"<@{user}> assigned you a comment{where}{what}."
    app.notifier.client.chat_postMessage(channel=dm["channel"]["id"], text=text)
