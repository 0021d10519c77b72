"""Nudges as Slack messages: posted with metadata, paced per channel, edited in place when things change.

Every nudge carries message metadata (event type `reply_nudge`, the comment id). The first time this process
posts to a channel, and again after any failed post, it reads the channel's recent history for those
messages: a nudge posted before a crash, whose `ts` never reached the database, is found there instead of
being posted twice.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Callable

from slack_sdk import WebClient

from bot.db.queries import WaitingComment
from bot.engine.outbox import DueAlert
from bot.engine.triage import NudgeStatus
from bot.slack.blocks import cut, escalation_text, nudge_blocks, nudge_fallback
from bot.slack.delivery import alert_text

log = logging.getLogger(__name__)

EVENT_TYPE = "reply_nudge"
POST_INTERVAL = 1.0  # seconds between messages to one channel: Slack's chat.postMessage limit
LOOKBACK_SECONDS = 14 * 86400  # how far back recovery looks: a nudge's age limit
HISTORY_PAGES = 10


class SlackNotifier:
    def __init__(
        self,
        client: WebClient,
        *,
        interval: float = POST_INTERVAL,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.client = client
        self.interval = interval
        self._monotonic, self._sleep = monotonic, sleep
        self._last_post: dict[str, float] = {}
        self._posted: dict[str, dict[int, str]] = {}  # channel -> comment id -> ts, recovered or posted here
        self._lock = threading.Lock()

    def post_nudge(self, item: WaitingComment, suggestions: list[str], channel: str | None) -> str | None:
        if not channel:
            log.warning("account %s has no channel: nudge for comment %s not posted", item.account, item.id)
            return None
        known = self._known(channel)
        if item.id in known:
            return known[item.id]
        try:
            response = self._post(
                channel=channel,
                text=nudge_fallback(item),
                blocks=nudge_blocks(item, suggestions),
                metadata={"event_type": EVENT_TYPE, "event_payload": {"comment_id": item.id}},
                unfurl_links=False,
            )
        except Exception:
            self._forget(channel)  # the post may have gone through: look again before the next one
            raise
        known[item.id] = response["ts"]
        return response["ts"]

    def update_nudge(
        self, item: WaitingComment, suggestions: list[str], status: NudgeStatus, note: str | None = None
    ) -> None:
        self.client.chat_update(
            channel=status.channel,
            ts=status.slack_ts,
            text=nudge_fallback(item),
            blocks=nudge_blocks(item, suggestions, status, note),
        )

    def remind(self, item: WaitingComment, status: NudgeStatus) -> None:
        """A snooze ran out: say so in the nudge's thread, also sent to the channel."""
        self._post(
            channel=status.channel,
            thread_ts=status.slack_ts,
            reply_broadcast=True,
            text=cut(f":alarm_clock: Snooze over: {item.author} is still waiting for an answer.", 300),
        )

    def escalate(self, item: WaitingComment, status: NudgeStatus, number: int, target: str | None) -> None:
        """Still unanswered: a follow-up in the nudge's thread; with nobody to mention, also sent to the channel."""
        self._post(
            channel=status.channel,
            thread_ts=status.slack_ts,
            reply_broadcast=target is None,
            text=escalation_text(item, number, target),
        )

    def post_digest(self, channel: str, text: str, blocks: list[dict]) -> str:
        return self._post(channel=channel, text=text, blocks=blocks, unfurl_links=False)["ts"]

    def post_report(self, channel: str, text: str, image: bytes, filename: str, title: str) -> None:
        """An image with a message, through Slack's upload steps (getUploadURLExternal, the upload,
        completeUploadExternal), which slack_sdk's files_upload_v2 takes in turn."""
        self.client.files_upload_v2(channel=channel, file=image, filename=filename, title=title, alt_txt=title,
                                    initial_comment=text)

    def post_alert(self, alert: DueAlert) -> None:
        if not alert.channel:
            log.warning(alert_text(alert))
            return
        self._post(channel=alert.channel, text=alert_text(alert))

    def _post(self, **message):
        channel = message["channel"]
        with self._lock:
            wait = self._last_post.get(channel, float("-inf")) + self.interval - self._monotonic()
            if wait > 0:
                self._sleep(wait)
            try:
                return self.client.chat_postMessage(**message)
            finally:
                self._last_post[channel] = self._monotonic()

    def _known(self, channel: str) -> dict[int, str]:
        with self._lock:
            if channel not in self._posted:
                self._posted[channel] = self._recover(channel)
            return self._posted[channel]

    def _forget(self, channel: str) -> None:
        with self._lock:
            self._posted.pop(channel, None)

    def _recover(self, channel: str) -> dict[int, str]:
        """comment id -> ts of the newest `reply_nudge` message in the channel's recent history."""
        found: dict[int, str] = {}
        cursor = None
        for _ in range(HISTORY_PAGES):
            response = self.client.conversations_history(
                channel=channel,
                oldest=str(time.time() - LOOKBACK_SECONDS),
                limit=200,
                include_all_metadata=True,
                cursor=cursor,
            )
            for message in response.get("messages", []):
                metadata = message.get("metadata") or {}
                comment_id = (metadata.get("event_payload") or {}).get("comment_id")
                if metadata.get("event_type") == EVENT_TYPE and str(comment_id).isdigit():
                    found.setdefault(int(comment_id), message["ts"])  # newest first
            cursor = (response.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                break
        return found
