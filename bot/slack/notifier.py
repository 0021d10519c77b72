"""Nudges as Slack messages: posted with metadata, paced per channel, edited in place when things change.

Every nudge carries message metadata (event type `reply_nudge`, the comment id), and every flood summary its
comments' ids (`reply_nudge_summary`). The first time this process posts to a channel, again after any failed
post, and before posting a nudge someone tried to post before (a replica that died holding it), it reads the
channel's recent history for those messages: a nudge or summary posted before a crash, whose posting never
reached the database, is found there instead of being posted twice.
"""

from __future__ import annotations

import logging
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterator, Sequence

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.clock import utcnow
from bot.db.queries import WaitingComment
from bot.engine.outbox import DueAlert
from bot.engine.triage import NudgeStatus
from bot.slack.blocks import cut, escalation_text, escape, nudge_blocks, nudge_fallback
from bot.engine.notifier import Refused, alert_text
from bot.slack.flood import flood_blocks, flood_fallback

log = logging.getLogger(__name__)
# Slack's answers that say it is having trouble, not that it refuses the post: a later try may get through
_OUTAGE = {"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"}

EVENT_TYPE = "reply_nudge"
SUMMARY_EVENT_TYPE = "reply_nudge_summary"
POST_INTERVAL = 1.0  # seconds between messages to one channel: Slack's chat.postMessage limit
LOOKBACK_SECONDS = 14 * 86400  # how far back recovery looks: a nudge's age limit
HISTORY_PAGES = 10

# Told what became of a nudge in Slack (bot/metrics.py counts it): "posted" (a message of its own),
# "summarized" (listed in a flood summary), "edited", or "failed" (Slack refused the post or the edit).
Tally = Callable[[WaitingComment, str], None]


def no_tally(item: WaitingComment, action: str) -> None:
    """A notifier nobody counts (`replynudge poll --once`, tests)."""


@dataclass
class _Shown:
    """What a channel already shows: comment id -> its nudge's ts, and the comments summed up in flood summaries."""

    nudges: dict[int, str] = field(default_factory=dict)
    summarized: set[int] = field(default_factory=set)


class SlackNotifier:
    def __init__(
        self,
        client: WebClient,
        *,
        interval: float = POST_INTERVAL,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        tally: Tally = no_tally,
    ):
        self.client = client
        self._tally = tally
        self.interval = interval
        self._monotonic, self._sleep = monotonic, sleep
        self._last_post: dict[str, float] = {}
        self._shown: dict[str, _Shown] = {}  # per channel, recovered from its history or posted here
        self._lock = threading.Lock()

    def post_nudge(
        self, item: WaitingComment, suggestions: list[str], channel: str | None, *, tried: bool = False,
        status: NudgeStatus | None = None,
    ) -> str | None:
        if not channel:
            log.warning("account %s has no channel: nudge for comment %s not posted", item.account, item.id)
            return None
        with self._failing([item], channel):
            if tried:  # another process may have posted it since this one read the channel
                self._forget(channel)
            known = self._known(channel).nudges
            if item.id in known:  # posted before, by a process that died before recording it
                return known[item.id]
            response = self._post(
                channel=channel,
                text=nudge_fallback(item),
                blocks=nudge_blocks(item, suggestions, status),
                metadata={"event_type": EVENT_TYPE, "event_payload": {"comment_id": item.id}},
                unfurl_links=False,
            )
        known[item.id] = response["ts"]
        self._tally(item, "posted")
        return response["ts"]

    def update_nudge(
        self, item: WaitingComment, suggestions: list[str], status: NudgeStatus, note: str | None = None
    ) -> None:
        with self._failing([item]):
            self.client.chat_update(
                channel=status.channel,
                ts=status.slack_ts,
                text=nudge_fallback(item),
                blocks=nudge_blocks(item, suggestions, status, note),
            )
        self._tally(item, "edited")

    def remind(self, item: WaitingComment, status: NudgeStatus) -> None:
        """A snooze ran out: say so in the nudge's thread, also sent to the channel."""
        self._post(
            channel=status.channel,
            thread_ts=status.slack_ts,
            reply_broadcast=True,
            text=cut(f":alarm_clock: Snooze over: {escape(item.author)} is still waiting for an answer.", 300),
        )

    def escalate(self, item: WaitingComment, status: NudgeStatus, number: int, target: str | None) -> None:
        """Still unanswered: a follow-up in the nudge's thread; with nobody to mention, also sent to the channel."""
        self._post(
            channel=status.channel,
            thread_ts=status.slack_ts,
            reply_broadcast=target is None,
            text=escalation_text(item, number, target),
        )

    def post_summary(self, channel: str, items: list[WaitingComment]) -> None:
        """One message for the nudges due at once (the flood rule), leaving out comments a summary already shows."""
        with self._failing(items, channel):
            shown = self._known(channel)
            fresh = [item for item in items if item.id not in shown.summarized]
            if not fresh:
                return
            self._post(
                channel=channel,
                text=flood_fallback(fresh),
                blocks=flood_blocks(fresh),
                metadata={"event_type": SUMMARY_EVENT_TYPE, "event_payload": {"comment_ids": [i.id for i in fresh]}},
                unfurl_links=False,
            )
        shown.summarized.update(item.id for item in fresh)
        for item in fresh:
            self._tally(item, "summarized")

    def post_digest(self, channel: str, text: str, blocks: list[dict]) -> str:
        return self._post(channel=channel, text=text, blocks=blocks, unfurl_links=False)["ts"]

    def post_report(self, channel: str, text: str, image: bytes, filename: str, title: str) -> None:
        """An image with a message, through Slack's upload steps (getUploadURLExternal, the upload,
        completeUploadExternal), which slack_sdk's files_upload_v2 takes in turn."""
        self.client.files_upload_v2(channel=channel, file=image, filename=filename, title=title, alt_txt=title,
                                    initial_comment=text)

    def post_notice(self, channel: str, text: str) -> None:
        self._post(channel=channel, text=text)

    def post_alert(self, alert: DueAlert) -> None:
        if not alert.channel:
            log.warning(alert_text(alert))
            return
        try:
            self._post(channel=alert.channel, text=alert_text(alert))
        except SlackApiError as error:
            if error.response.status_code < 500 and error.response.get("error") not in _OUTAGE:
                raise Refused(str(error)) from error
            raise

    @contextmanager
    def _failing(self, items: Sequence[WaitingComment], posting_to: str | None = None) -> Iterator[None]:
        """When Slack refuses a call (or the history read before it): the items tally as failed, and a post's
        channel is read again before the next post there (the post may have gone through)."""
        try:
            yield
        except Exception:
            if posting_to:
                self._forget(posting_to)
            for item in items:
                self._tally(item, "failed")
            raise

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

    def _known(self, channel: str) -> _Shown:
        with self._lock:
            if channel not in self._shown:
                self._shown[channel] = self._recover(channel)
            return self._shown[channel]

    def _forget(self, channel: str) -> None:
        with self._lock:
            self._shown.pop(channel, None)

    def _recover(self, channel: str) -> _Shown:
        """The `reply_nudge` messages (the newest for each comment) and summaries in the channel's recent history."""
        found = _Shown()
        cursor = None
        for _ in range(HISTORY_PAGES):
            response = self.client.conversations_history(
                channel=channel,
                oldest=str(utcnow().timestamp() - LOOKBACK_SECONDS),
                limit=200,
                include_all_metadata=True,
                cursor=cursor,
            )
            for message in response.get("messages", []):
                metadata = message.get("metadata") or {}
                payload = metadata.get("event_payload") or {}
                comment_id = payload.get("comment_id")
                if metadata.get("event_type") == EVENT_TYPE and str(comment_id).isdigit():
                    found.nudges.setdefault(int(comment_id), message["ts"])  # newest first
                if metadata.get("event_type") == SUMMARY_EVENT_TYPE and isinstance(payload.get("comment_ids"), list):
                    found.summarized.update(int(i) for i in payload["comment_ids"] if str(i).isdigit())
            cursor = (response.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                break
        return found
