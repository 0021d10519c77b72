"""The Reply button: a modal prefilled with a suggestion; the other suggestions replace the text in one click. A
comment someone already replied to from Slack, or the brand answered on the platform, or someone is replying to right
now (their reply on its way to the platform), gets a modal saying who and since when instead."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.slack.access import REPLY
from bot.slack.blocks import comment_id_of
from bot.slack.context import KEY, AppContext, on_home
from bot.slack.reply_modal import message_modal, modal_state, reply_modal, taken_modal
from bot.suggest import thread_of
from bot.suggest.offline import reply_draft


def open_reply_modal(ack: Ack, body: dict, context: BoltContext, client: WebClient, respond: Respond) -> None:
    ack()
    app: AppContext = context[KEY]
    comment_id = comment_id_of(body)
    item, status = app.load(comment_id) if comment_id is not None else (None, None)
    verdict = app.may(body["user"]["id"], REPLY, item.account) if item else None
    if verdict is not None and not verdict:
        app.refuse(body, respond, verdict.why)
        return
    if item is None:
        view = message_modal("Reply", "This comment is no longer stored: it may have been deleted.")
    elif (claim := app.reply_taken(item.id)) is not None:
        view = taken_modal(claim, app.access.name)
    else:
        suggestions = app.suggestions(item, status)
        draft = reply_draft(item.text, suggestions[0], thread_of(item)) if suggestions else ""
        view = reply_modal(item, suggestions, draft, home=on_home(body))
    client.views_open(trigger_id=body["trigger_id"], view=view)


def use_suggestion(ack: Ack, body: dict, context: BoltContext, client: WebClient) -> None:
    ack()
    app: AppContext = context[KEY]
    view = body.get("view") or {}
    state = modal_state(view)
    chosen = str(body["actions"][0].get("value") or "")
    item, status = app.load(state.comment_id) if state.comment_id is not None else (None, None)
    if item is None or not chosen.isdigit() or not app.may(body["user"]["id"], REPLY, item.account):
        return
    suggestions = app.suggestions(item, status)
    if int(chosen) >= len(suggestions):
        return
    client.views_update(view_id=view["id"], hash=view.get("hash"),
                        view=reply_modal(item, suggestions, reply_draft(item.text, suggestions[int(chosen)],
                                                                        thread_of(item)),
                                         version=state.version + 1, home=state.home))
