"""What every listener needs, handed to it through Bolt's context as `context["replynudge"]`."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable

from slack_bolt import Respond

from bot.config import AccountConfig, Settings
from bot.db import SessionFactory
from bot.db.models import utcnow
from bot.db.queries import WaitingComment, comment_by_id
from bot.engine import lifecycle, triage
from bot.engine.hours import business_waits_of
from bot.slack.access import Access, Verdict
from bot.slack.home import home_view
from bot.slack.reply_modal import message_modal
from bot.slack.notifier import SlackNotifier
from bot.sources import Source, build_source
from bot.suggest import suggest_for

log = logging.getLogger(__name__)

KEY = "replynudge"
NOTHING_VISIBLE = ("You are not a member of any account's nudge channel, so Reply Nudge shows you no comments: "
                   "ask to be added to the channel where its nudges are posted.")


def on_home(body: dict) -> bool:
    """Whether an action was taken on the Home tab."""
    return (body.get("view") or {}).get("type") == "home"


@dataclass
class AppContext:
    settings: Settings
    session_factory: SessionFactory
    notifier: SlackNotifier
    access: Access
    clock: Callable[[], datetime] = utcnow
    _sources: dict[str, Source] = field(default_factory=dict)
    # Platform calls that may outlast Slack's 3-second acknowledgement window (replies) run here.
    workers: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(4, thread_name_prefix="slack-work"))

    def account(self, name: str) -> AccountConfig | None:
        return next((account for account in self.settings.accounts if account.name == name), None)

    def source(self, account: AccountConfig) -> Source:
        if account.name not in self._sources:
            self._sources[account.name] = build_source(account)
        return self._sources[account.name]

    def load(self, comment_id: int) -> tuple[WaitingComment | None, triage.NudgeStatus | None]:
        with self.session_factory() as session:
            item = comment_by_id(session, comment_id, self.clock(), business_waits_of(self.settings.accounts))
            return item, triage.nudge_status(session, comment_id)

    def reply_taken(self, comment_id: int) -> lifecycle.ReplyClaim | None:
        """Who answered the comment already (from Slack or on the platform), or is replying to it right now, and
        since when; None while anyone may reply."""
        with self.session_factory() as session:
            return lifecycle.reply_taken(session, comment_id, self.clock())

    def suggestions(self, item: WaitingComment, status: triage.NudgeStatus | None) -> list[str]:
        """The questions the nudge showed, or fresh ones for a comment that has no nudge yet."""
        cached = (status.suggestions if status else ()) or item.suggestions
        return list(cached or suggest_for(self.session_factory, item, self.account(item.account)))

    def may(self, user: str, role: str, account_name: str | None) -> Verdict:
        """Whether `user` may act in `role` on the account's comments (bot/slack/access.py)."""
        account = self.account(account_name) if account_name else None
        if account is None:
            return Verdict(False, "This comment's account is no longer configured.")
        return self.access.check(user, role, account)

    def readable(self, user: str) -> list[AccountConfig]:
        return self.access.readable(user, self.settings.accounts)

    def publish_home(self, user: str) -> None:
        accounts = self.readable(user)
        with self.session_factory() as session:
            view = home_view(session, self.clock(), accounts)
        self.notifier.client.views_publish(user_id=user, view=view)

    def refuse(self, body: dict, respond: Respond, why: str) -> None:
        """Tell the person who acted that they may not, and why: ephemerally under the message, or in a modal
        where there is no message (the Home tab)."""
        if body.get("response_url"):
            respond(text=f":no_entry: {why}", response_type="ephemeral", replace_original=False)
        elif body.get("trigger_id"):
            self.notifier.client.views_open(trigger_id=body["trigger_id"], view=message_modal("Not allowed", why))

    def refresh(self, comment_id: int, note: str | None = None) -> None:
        """Edit the comment's nudge message to show its state now; a failed edit is retried by the next cycle."""
        item, status = self.load(comment_id)
        if item is None or status is None or not status.slack_ts or not status.channel:
            return
        try:
            self.notifier.update_nudge(item, list(status.suggestions), status, note)
        except Exception as error:
            log.warning("editing the nudge for comment %s failed: %s", comment_id, error)
            with self.session_factory.begin() as session:
                lifecycle.flag_edit(session, comment_id)
