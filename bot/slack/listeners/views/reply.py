"""Posting a reply written in the modal: through the account's source, then recorded as the brand's answer.

The platform gets REPLY_WAIT_SECONDS to answer, so its verdict can be given inside Slack's 3-second window: an
error shows under the text box (`response_action: errors`) with the text still there, and nothing is recorded.
A slower platform turns the modal into "Posting…" and the outcome is shown with views.update when it comes.
"""

from __future__ import annotations

import logging
import unicodedata
from concurrent.futures import TimeoutError as Timeout

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.config import ConfigError
from bot.engine import lifecycle, trail
from bot.engine.replies import record_reply, reply_target
from bot.slack.access import REPLY
from bot.slack.blocks import cut, escape
from bot.slack.context import KEY, AppContext
from bot.slack.reply_modal import ModalState, message_modal, modal_state, reply_modal, taken
from bot.sources import SourceError
from bot.suggest.offline import ANSWER_HERE

log = logging.getLogger(__name__)

REPLY_WAIT_SECONDS = 2.0
ERROR_TEXT = 300


def submit_reply(ack: Ack, body: dict, view: dict, context: BoltContext, client: WebClient) -> None:
    app: AppContext = context[KEY]
    state = modal_state(view)
    text, comment_id, block = publishable(state.text), state.comment_id, state.block
    if comment_id is None or block is None:
        ack()
        return
    if not text:
        ack(response_action="errors", errors={block: "Write a reply first."})
        return
    if ANSWER_HERE in text:
        ack(response_action="errors", errors={block: f"Write your answer in place of {ANSWER_HERE} first."})
        return
    user = body["user"]["id"]
    item, _ = app.load(comment_id)
    verdict = app.may(user, REPLY, item.account if item else None)
    if not verdict:
        # on top of the reply, which keeps its text: the why names channels and people in mrkdwn, which the errors
        # under the text box would show as raw <#C…> and <@U…>
        ack(response_action="push", view=message_modal("Not allowed", verdict.why))
        return
    outcome = app.workers.submit(post_reply, app, comment_id, text, user)
    try:
        error = outcome.result(timeout=REPLY_WAIT_SECONDS)
    except Timeout:
        ack(response_action="update", view=message_modal("Posting…", "Posting your reply…"))
        error = outcome.result()
        client.views_update(view_id=view["id"], view=_after_wait(app, state, text, error))
    else:
        if error:
            ack(response_action="errors", errors={block: cut(error, ERROR_TEXT)})
            return
        ack()
    if error is None:
        app.refresh(comment_id, f"↳ “{escape(cut(text, 500))}”")
        if state.home:
            app.publish_home(user)


def publishable(text: str) -> str:
    """What is published as the brand: control characters pasted or typed into the box (a NUL, which PostgreSQL
    cannot store once the platform has the reply, escape sequences) are dropped; line breaks and tabs stay, and so
    do format characters (the joiners of emoji, direction marks of right-to-left scripts)."""
    return "".join(ch for ch in text.replace("\r\n", "\n") if ch in "\n\t" or unicodedata.category(ch) != "Cc").strip()


def post_reply(app: AppContext, comment_id: int, text: str, user: str) -> str | None:
    """Claim the comment, post on the platform and record the reply. Returns why it was not posted, or None.
    Only one person's reply is posted: a second submit is told who replied (or is replying) and when."""
    with app.session_factory() as session:
        target = reply_target(session, comment_id)
    account = app.account(target.account) if target else None
    if target is None or account is None:
        return "Not posted: this comment's account is no longer configured."
    with app.session_factory.begin() as session:
        claim = lifecycle.claim_reply(session, comment_id, user, app.clock())
    if claim is None:
        return "Not posted: this comment is no longer stored."
    if not claim.granted:
        return f"Not posted: {taken(claim, app.access.name)}."
    try:
        source = app.source(account)
        posted = source.reply(target.comment, text)
    except Exception as error:
        with app.session_factory.begin() as session:
            lifecycle.release_reply(session, comment_id, user)
        if isinstance(error, (SourceError, ConfigError)):
            return f"Not posted: {error}"
        # a bug or an unforeseen answer: the person can still retry, nothing was recorded
        log.exception("replying to comment %s failed", comment_id)
        return f"Not posted: {account.platform} failed unexpectedly ({type(error).__name__})"
    with app.session_factory.begin() as session:
        record_reply(session, target, comment_id, posted, by=user, now=app.clock(), flat_threads=source.flat_threads)
        trail.record(session, user, "reply", app.clock(), comment_id=comment_id, account=target.account, detail=text)
    return None


def _after_wait(app: AppContext, state: ModalState, text: str, error: str | None) -> dict:
    if error is None:
        return message_modal("Reply posted", "Your reply is on the platform, and the nudge says so.")
    item, status = app.load(state.comment_id)
    if item is None:
        return message_modal("Reply", escape(cut(error, ERROR_TEXT)))
    return reply_modal(item, app.suggestions(item, status), text, version=state.version + 1, home=state.home,
                       notice=cut(error, ERROR_TEXT))
