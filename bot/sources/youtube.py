"""YouTube Data API v3: the comment threads of the brand's channel and its videos, replies through OAuth.

`commentThreads.list(allThreadsRelatedToChannelId, order=time)` has no "since": it is read newest first, 100 a
page, down to the watermark kept in the cursor (the newest activity seen and the thread ids at that instant).
A thread carries a few of its replies; `comments.list(parentId)` is called only when `totalReplyCount` says it
has more. Threads are ordered by their top-level comment's time, so a new reply does not bring an older thread up:
the cursor keeps each thread's `totalReplyCount`, the rest of the page where the watermark is reached is checked
against it, and one more page of older threads a poll (a sweep through the recency window, its page token in the
cursor), so a thread whose count moved is read again. Threads are flat (every reply hangs off the top-level comment).
A read that stops at MAX_PAGES moves the watermark past what it read and keeps where it stopped (`behind`): the next
polls read on from there down to the old watermark, and fail until they get there (see `_catch_up`). Only the
thread listing's own cap does that: the cap of a thread's replies read for one of its pages fails the poll, naming
that thread. A saved page token YouTube rejects (400 invalidPageToken) restarts what it was saved for: the catch-up
from the newest thread, the sweep from the watermark.
With OAuth as the channel owner, the moderation queue (`moderationStatus=heldForReview`) is read too, in turn with
the sweep, so an idle poll costs two calls (and more while a queued thread's 5 carried replies no longer include a
held reply of its own: one a page of the thread's replies, and one for each 50 held replies that listing leaves
out, looked up by id): held comments are stored as held, and followed until YouTube says they left the queue
(approved: stored as published; gone: recorded deleted); a comment is never taken to be published only because a
queued thread stopped carrying it. A queue longer than MAX_PAGES is read to the cap and the poll goes on; the
completeness audit tells the channel (see `_held` and `tallies`). Each call is counted against the day's quota
budget (youtube_quota), which also sets the pace of polling.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, ClassVar, Iterator

from bot.clock import utcnow
from bot.config import AccountConfig, MissingSetting
from bot.config.checks import whole_number_option
from bot.config_keys import Option
from bot.sources.base import (
    HELD_QUEUE, QUOTA, AuthError, CommentRecord, Cursor, Page, Reread, SourceError, Tally, TemporaryError, parse_time,
)
from bot.sources.http import (
    MAX_PAGES, ApiClient, PageCapReached, api_url, body_token, ending_at_cap, pages, redact_url, url_option,
)
from bot.sources.recency import RECENT_DAYS, recent_days, recent_since
from bot.sources.tokens import cached_token, forget_token
from bot.sources.youtube_quota import COSTS, QuotaBudget, note_reply_units, take_reply_units

log = logging.getLogger(__name__)

API_URL = "https://www.googleapis.com/youtube/v3"
TOKEN_URL = "https://oauth2.googleapis.com/token"
QUOTA_BUDGET = 10_000  # Google's default daily quota of a project
REPLY_RESERVE = 1_000
PAGE_SIZE = 100
VIDEOS_PER_CALL = 50  # videos.list takes at most 50 ids
COUNTED_THREADS = 1000  # threads whose reply count the cursor keeps
COMMENTS_PER_CALL = 50  # comments.list by id: the ids of one call
HELD = "heldForReview"  # snippet.moderationStatus of a comment awaiting review
AUTH_REASONS = {"keyInvalid", "authError", "insufficientPermissions", "forbidden", "accessNotConfigured"}
QUOTA_REASONS = {"quotaExceeded", "dailyLimitExceeded", "rateLimitExceeded", "userRateLimitExceeded"}
TOKEN_REJECTED = "invalidPageToken"  # badRequest (400): "The request specifies an invalid page token."
OPTIONS = (
    Option("channel_id", "the channel's id (`UC…`); its comments are the brand's"),
    Option("client_id", "the OAuth client's id, to reply", None),
    Option("client_secret", "the OAuth client's secret, with `client_id`", None, secret=True),
    Option("refresh_token", "the channel owner's refresh token (scope `youtube.force-ssl`)", None, secret=True),
    Option("api_key", "an API key instead of OAuth: reads, never replies", None, secret=True),
    Option("quota_budget", "the project's daily quota units", QUOTA_BUDGET, int),
    Option("reply_reserve", "units polling leaves for replies from Slack", REPLY_RESERVE, int),
    api_url(API_URL),
    Option("token_url", "Google's OAuth token endpoint", TOKEN_URL),
    RECENT_DAYS,
)


class YouTubeSource:
    platform: ClassVar[str] = "youtube"
    flat_threads: ClassVar[bool] = True
    paced_by: ClassVar[str] = QUOTA

    def __init__(self, account: AccountConfig, clock: Callable[[], datetime] | None = None):
        self.account = account
        self.clock = clock or utcnow
        self.channel_id = str(account.option("channel_id", required=True))
        self.api_key = account.secret("api_key", required=False)
        self.refresh_token = account.secret("refresh_token", required=False)
        self.client_id = account.option("client_id")
        self.client_secret = account.secret("client_secret", required=False)
        if self.refresh_token and not (self.client_id and self.client_secret):
            missing, secret = ("client_id", False) if not self.client_id else ("client_secret", True)
            raise MissingSetting(f"{account.where('client_id')}: an OAuth refresh token needs client_id and "
                                 "client_secret_env", missing, secret=secret)
        if not (self.api_key or self.refresh_token):
            raise MissingSetting(
                f"{account.where('refresh_token_env')} is required for platform 'youtube' "
                "(or api_key_env for reading only)",
                "refresh_token",
                secret=True,
            )
        self.budget = whole_number_option(account, "quota_budget", QUOTA_BUDGET, 100, 1_000_000)
        self.reserve = whole_number_option(account, "reply_reserve", REPLY_RESERVE, 0, self.budget - 50)
        self.days = recent_days(account)
        self.api_url = url_option(account, "api_url", API_URL, API_URL).rstrip("/")
        self.token_url = url_option(account, "token_url", TOKEN_URL, TOKEN_URL)
        self.http = ApiClient(
            "YouTube",
            auth_hint="Authorize the app again (scope youtube.force-ssl) and store the new refresh token, "
            "or check the API key in the Google Cloud console.",
            secrets=(self.api_key, self.refresh_token, self.client_secret),
            map_error=self._map_error,
            clock=self.clock,
        )
        self.quota = QuotaBudget(self.budget, self.reserve, None, self.clock())
        self.units_per_poll = 1.0

    # --- the Source contract -------------------------------------------------------------------------------

    def fetch(self, cursor: Cursor | None) -> Iterator[Page]:
        cursor = dict(cursor or {})
        now = self.clock()
        self.quota = QuotaBudget(self.budget, self.reserve, cursor.get("quota"), now)
        self.quota.used += take_reply_units(self.channel_id)
        self.quota.polls += 1
        started = self.quota.used
        mark_time = cursor.get("watermark")
        mark_ids = set(cursor.get("watermark_ids", []))
        floor = datetime.fromisoformat(mark_time) if mark_time else recent_since(self.days, now)
        newest, newest_ids = floor, set(mark_ids)
        saved = dict(cursor)  # the cursor of the last page yielded: what a failure may keep
        try:
            for page in self._pages(cursor, floor, mark_ids, newest, newest_ids, started):
                saved = page.cursor if page.cursor is not None else saved
                yield page
        except SourceError:
            # Only what a yielded page covers moves on: the working cursor may already hold a watermark past
            # records that were never yielded (the moderation queue or the sweep failing on the last page).
            yield Page([], {**saved, "quota": self.quota.state()})  # the units of a failed call are spent all the same
            raise

    def _pages(self, cursor, floor, mark_ids, newest, newest_ids, started) -> Iterator[Page]:
        counts: dict[str, int] = dict(cursor.get("reply_counts", {}))
        mark = [newest, newest_ids]
        read = self._down_to(None, floor, mark_ids, counts, mark)
        restarted: TemporaryError | None = None  # the sweep's token rejected: said once the pages are stored
        try:
            for records, page, token, reached in read:
                last = reached or not token
                if last:
                    cursor["watermark"], cursor["watermark_ids"] = mark[0].isoformat(), sorted(mark[1])
                    if self.refresh_token and (cursor.get("turn") != "held" or "sweep" not in cursor):
                        cursor["turn"] = "held"  # the queue, and the sweep when it has a page to read, take turns
                        records.extend(self._held(cursor))
                        if "sweep" not in cursor and token:
                            cursor["sweep"] = token  # the sweep starts at its next turn
                    else:
                        cursor["turn"] = "sweep"
                        try:
                            records.extend(self._sweep(cursor, counts, token))
                        except _TokenRejected as rejected:
                            self._start_sweep(cursor, token)
                            restarted = TemporaryError(f"{rejected}; the sweep starts again from the watermark")
                    cursor["reply_counts"] = counts
                yield self._page(records, cursor, started)
                if last:
                    break
        except _ListingCapped:
            behind = cursor.get("behind") or {"down_to": floor.isoformat(), "down_to_ids": sorted(mark_ids)}
            cursor["behind"] = {**behind, **page.place()}
            cursor["watermark"], cursor["watermark_ids"] = mark[0].isoformat(), sorted(mark[1])
            cursor["reply_counts"] = counts
            yield self._page([], cursor, started)  # what was yielded is stored: read on from here
            raise self._not_read_yet(behind, page) from None
        if cursor.get("behind"):
            yield from self._catch_up(cursor, counts, started)
        if restarted:
            raise restarted

    def _catch_up(self, cursor: dict, counts: dict[str, int], started: int) -> Iterator[Page]:
        """After a read stopped at MAX_PAGES, the threads between where it stopped and the watermark before it, read
        on from the page it stopped at; the poll fails until they are all read, so a catch-up longer than alert_after
        reaches the channel (and its end too). The page read last is read again first (a page token is not
        documented to keep its place): if the listing moved so that the page now starts below the one read then
        (see `_kept_place`), or YouTube rejects the token, the catch-up starts again from the newest thread, so that
        no thread is skipped."""
        behind = cursor["behind"]
        floor, mark_ids = datetime.fromisoformat(behind["down_to"]), set(behind["down_to_ids"])
        first = True
        try:
            for records, page, token, reached in self._down_to(behind["token"], floor, mark_ids, counts, None):
                if first and behind["ids"] and not _kept_place(behind, page):
                    why = (f"YouTube {self.api_url}/commentThreads: the page the last poll stopped at no longer holds "
                           "the threads it held nor newer ones")
                    break
                first = False
                if reached or not token:
                    del cursor["behind"]
                else:
                    cursor["behind"] = {**behind, **page.place()}
                cursor["reply_counts"] = counts
                yield self._page(records, cursor, started)
                if reached or not token:
                    return
        except _ListingCapped:
            raise self._not_read_yet(behind, page) from None
        except _TokenRejected as rejected:
            if not first:
                raise
            why = str(rejected)
        cursor["behind"] = {**behind, "token": None, "ids": []}
        yield self._page([], cursor, started)
        raise TemporaryError(f"{why}; the next poll reads again from the newest thread down to "
                             f"{floor:%Y-%m-%d %H:%M:%S} UTC")

    def _not_read_yet(self, behind: dict, page: "_ThreadPage") -> PageCapReached:
        since = datetime.fromisoformat(behind["down_to"])
        return PageCapReached(f"YouTube {self.api_url}/commentThreads: {MAX_PAGES} pages read; the threads written "
                              f"from {since:%Y-%m-%d %H:%M:%S} to {page.oldest:%Y-%m-%d %H:%M:%S} UTC are not read "
                              "yet, the next poll reads on from where this one stopped")

    def _down_to(self, start: str | None, floor: datetime, mark_ids: set[str], counts: dict[str, int],
                 mark: list | None) -> Iterator[tuple[list[CommentRecord], "_ThreadPage", str | None, bool]]:
        """The pages of threads from `start` (None: the newest) down to the watermark (`floor`, `mark_ids`): each
        page's records, the page, the next page's token and whether the watermark was reached there. `mark` gets the
        newest activity read and its threads; past MAX_PAGES, _ListingCapped."""
        listing = self._listing(start)
        used = start
        for threads, token in listing:
            records: list[CommentRecord] = []
            reached = False
            for thread in threads:
                thread_id, count = self._reply_count(thread)
                if reached:  # an older thread: read again only when its reply count moved
                    records.extend(self._moved(thread, thread_id, count, counts))
                    continue
                thread_records = self._thread(thread)
                activity = max(r.updated_at or r.created_at for r in thread_records)
                if activity < floor or (activity == floor and thread_id in mark_ids):
                    reached = True
                    records.extend(self._moved(thread, thread_id, count, counts, thread_records))
                    continue
                records.extend(thread_records)
                _note(counts, thread_id, count)
                if mark is None:
                    continue
                if activity > mark[0]:
                    mark[0], mark[1] = activity, {thread_id}
                elif activity == mark[0]:
                    mark[1].add(thread_id)
            times = [self._top_time(thread) for thread in threads]
            page = _ThreadPage(used, [str(thread["id"]) for thread in threads], min(times, default=floor),
                               max(times, default=None))
            yield records, page, token, reached
            used = token

    def _listing(self, start: str | None) -> Iterator[tuple[list, str | None]]:
        """The listing's pages from `start`. Its own cap is _ListingCapped: a PageCapReached raised while a page is
        taken in (a thread's replies, the moderation queue) is not this generator's, so it fails the poll as it is."""
        try:
            yield from pages(lambda token: self._thread_page(token or start), lambda page: page[1],
                             f"YouTube {self.api_url}/commentThreads")
        except PageCapReached as cap:
            raise _ListingCapped(str(cap)) from None

    def _page(self, records: list[CommentRecord], cursor: dict, started: int) -> Page:
        self.units_per_poll = max(1.0, float(self.quota.used - started))
        cursor["quota"] = self.quota.state()
        return Page(records, dict(cursor))

    def _thread_page(self, token: str | None) -> tuple[list, str | None]:
        params = {"part": "snippet,replies", "allThreadsRelatedToChannelId": self.channel_id, "order": "time",
                  "maxResults": PAGE_SIZE, "textFormat": "plainText"}
        if token:
            params["pageToken"] = token
        data = self._call("commentThreads.list", "commentThreads", params)
        threads = data.get("items")
        if not isinstance(threads, list):
            raise TemporaryError(f"{self.api_url}/commentThreads: no items in the response")
        return threads, data.get("nextPageToken")

    def _sweep(self, cursor: dict, counts: dict[str, int], after_watermark: str | None) -> list[CommentRecord]:
        """One page of older threads a poll, the next one each poll, back to the recency window; then again from
        the page after the watermark's."""
        token = cursor.pop("sweep", None)
        if token is None:
            self._start_sweep(cursor, after_watermark)
            return []
        threads, next_token = self._thread_page(token)  # a rejected token: _TokenRejected, for _pages to restart
        records: list[CommentRecord] = []
        window = recent_since(self.days, self.clock())
        for thread in threads:
            thread_id, count = self._reply_count(thread)
            records.extend(self._moved(thread, thread_id, count, counts))
        oldest = min((self._top_time(thread) for thread in threads), default=window)
        if next_token and oldest >= window:
            cursor["sweep"] = next_token
        return records

    @staticmethod
    def _start_sweep(cursor: dict, after_watermark: str | None) -> None:
        """The sweep starts (again) at its next turn, from the page after the watermark's, if there is one."""
        cursor.pop("sweep", None)
        if after_watermark:
            cursor["sweep"] = after_watermark

    def _held(self, cursor: dict) -> list[CommentRecord]:
        """The threads whose top-level comment or a reply awaits review ("only in a properly authorized request":
        the channel owner's OAuth). A thread new to the queue is read whole; the held comments are kept in the cursor
        with what a record of them needs, until YouTube says where they went: a comment the queue's listing shows
        has the status shown there; one its queued thread no longer carries (a thread carries its 5 newest replies)
        has the status the thread's replies are listed with (`_uncarried`), and not listed, is looked up by id: not
        there, rejected or deleted; there, still held (by id YouTube does not say whether it is); one whose
        thread left the queue is looked up by id: there, approved; not there, rejected or deleted. A queue longer than
        MAX_PAGES (a spam wave) is read to the cap, newest first: the held comments of threads it did not reach have
        not left it, so they stay in the cursor as they were, and `held_beyond` (the oldest thread read) says so to
        the completeness audit until the queue is read whole; 50 of them a read are looked up by id in turn
        (`held_checked`, the last one), and those gone are recorded deleted and dropped, so that the cursor does not
        keep every comment a long queue ever held."""
        params = {"part": "snippet,replies", "allThreadsRelatedToChannelId": self.channel_id, "moderationStatus": HELD,
                  "maxResults": PAGE_SIZE, "textFormat": "plainText"}
        known: dict[str, dict] = dict(cursor.get("held") or {})
        queued_threads = {entry["thread"] for entry in known.values()}
        with ending_at_cap() as cut_short:
            threads = self._every_page("commentThreads.list", "commentThreads", params, self._call,
                                       "the moderation queue (heldForReview)")
        records: list[CommentRecord] = []
        tops: dict[str, datetime] = {}
        for thread in threads:
            thread_records = self._thread(thread, whole=str(thread.get("id")) not in queued_threads)
            tops[str(thread["id"])] = self._top_time(thread)
            records.extend(thread_records)
        records.extend(self._uncarried(known, {record.external_id for record in records}, tops))
        shown = {record.external_id for record in records}
        held = {record.external_id: _held_entry(record, tops[str(record.thread_id)]) for record in records
                if record.held}
        unlisted = {comment_id: entry for comment_id, entry in known.items()
                    if comment_id not in shown and entry["thread"] in tops}
        held.update(unlisted)
        cursor.pop("held_beyond", None)
        checked: list[str] = []
        if cut_short:
            oldest = min(tops.values())
            cursor["held_beyond"] = oldest.isoformat()
            log.info("%s; the held comments of threads from %s UTC and older are not read", cut_short[0],
                     f"{oldest:%Y-%m-%d %H:%M:%S}")
            beyond = {comment_id: entry for comment_id, entry in known.items()
                      if comment_id not in held and entry["thread"] not in tops and _beyond(entry, oldest)}
            held.update(beyond)
            checked = _in_turn(beyond, cursor.get("held_checked"))[:COMMENTS_PER_CALL]
        if checked:
            cursor["held_checked"] = checked[-1]
        else:
            cursor.pop("held_checked", None)
        left = [comment_id for comment_id in known if comment_id not in held and comment_id not in shown]
        found = self._by_id(left + list(unlisted) + checked)
        for comment_id in left:
            entry = known[comment_id]
            if comment_id in found:
                records.append(self._comment(found[comment_id], entry["post"], entry["parent"], entry["url"],
                                             entry["thread"]))
            else:
                records.append(_gone_record(comment_id, entry))
        records.extend(_gone_record(comment_id, held.pop(comment_id)) for comment_id in [*unlisted, *checked]
                       if comment_id not in found)
        cursor["held"] = held
        return records

    def _uncarried(self, known: dict[str, dict], shown: set[str], tops: dict[str, datetime]) -> list[CommentRecord]:
        """The replies of the queued threads that no longer carry a held comment of theirs (`comments.list?parentId`,
        1 unit a page of 100): by id YouTube does not say whether a comment is held ("moderationStatus … is not set
        if the API request used the id filter parameter"), listed by parent for the owner it does."""
        threads = {entry["thread"]: entry for comment_id, entry in known.items()
                   if comment_id not in shown and entry["thread"] in tops}
        return [self._comment(reply, entry["post"], thread_id, entry["url"], thread_id)
                for thread_id, entry in threads.items() for reply in self._all_replies(thread_id)]

    def _by_id(self, ids: list[str]) -> dict[str, dict]:
        """The comments of `ids` that YouTube still has (`comments.list?id`, 50 a call, 1 unit each)."""
        found: dict[str, dict] = {}
        for first in range(0, len(ids), COMMENTS_PER_CALL):
            batch = ids[first:first + COMMENTS_PER_CALL]
            data = self._call("comments.list", "comments", {"part": "snippet", "id": ",".join(batch),
                                                            "textFormat": "plainText"})
            found.update((str(item.get("id")), item) for item in data.get("items") or [] if isinstance(item, dict))
        return found

    def _moved(self, thread: dict, thread_id: str, count: int, counts: dict[str, int],
               records: list[CommentRecord] | None = None) -> list[CommentRecord]:
        """A thread seen before whose reply count moved, read again; a thread not seen before is only noted."""
        moved = thread_id in counts and counts[thread_id] != count
        _note(counts, thread_id, count)
        return (records if records is not None else self._thread(thread)) if moved else []

    def _reply_count(self, thread: Any) -> tuple[str, int]:
        snippet = thread.get("snippet") if isinstance(thread, dict) else None
        count = snippet.get("totalReplyCount", 0) if isinstance(snippet, dict) else None
        if not isinstance(count, int) or not thread.get("id"):
            raise TemporaryError(f"{self.api_url}/commentThreads: a thread without id or totalReplyCount")
        return str(thread["id"]), count

    def _top_time(self, thread: dict) -> datetime:
        top = ((thread.get("snippet") or {}).get("topLevelComment") or {}).get("snippet") or {}
        return parse_time(top.get("publishedAt"), f"{self.api_url}/commentThreads: publishedAt")

    def reply(self, comment: CommentRecord, text: str) -> CommentRecord:
        if not self.refresh_token:
            raise AuthError(f"{self.account.where('refresh_token_env')}: replying needs OAuth (an API key only reads)")
        parent = comment.thread_id or comment.parent_id or comment.external_id  # YouTube replies are flat
        note_reply_units(self.channel_id, COSTS["comments.insert"])
        data = self._call(
            "comments.insert", "comments", {"part": "snippet"},
            method="POST", json={"snippet": {"parentId": parent, "textOriginal": text}},
        )
        return self._comment(data, comment.post_id, parent, comment.post_url)

    def check(self) -> str:
        data = self._call("channels.list", "channels", {"part": "id", "id": self.channel_id}, count=False)
        if not data.get("items"):
            raise AuthError(f"{self.account.where('channel_id')}: channel {self.channel_id} not found")
        return f"channel {self.channel_id}; daily budget {self.budget} units ({self.reserve} kept for replies)"

    def min_poll_interval(self):
        return self.quota.min_interval(self.units_per_poll, self.clock())

    def usage(self, cursor: Cursor | None) -> str:
        """Today's quota use as recorded in the account's cursor (for `replynudge check`)."""
        now = self.clock()
        return QuotaBudget(self.budget, self.reserve, (cursor or {}).get("quota"), now).describe(now)

    # --- completeness (bot/engine/audit.py) ----------------------------------------------------------------

    def tallies(self, cursor: Cursor | None, budget: int, posts: list[str]) -> list[Tally | Reread]:
        """`statistics.commentCount` of the videos with stored comments, in one `videos.list` call; and, where the
        moderation queue is read, whether its last read reached its end (HELD_QUEUE), at no cost: the fetch read it,
        so it is not read again. Both once the counts are due (a budget), so that the audit's hourly pace holds."""
        if budget < 1:
            return []
        tallies: list[Tally | Reread] = []
        if cursor and "held" in cursor:
            tallies.append(Reread([], Tally(HELD_QUEUE, 1 if "held_beyond" in cursor else 0, exact=False)))
        videos = [post for post in posts if not post.startswith("channel:")][:VIDEOS_PER_CALL]
        if videos:
            data = self._audit_call("videos.list", "videos", {"part": "statistics", "id": ",".join(videos)})
            tallies += [tally for item in data.get("items") or [] if (tally := self._tally(item))]
        return tallies

    def reread(self, post_id: str | None) -> Reread:
        """Every thread of the video with every reply, and its count read afresh."""
        params = {"part": "snippet,replies", "videoId": post_id, "maxResults": PAGE_SIZE, "textFormat": "plainText"}
        threads = self._every_page("commentThreads.list", "commentThreads", params, self._audit_call,
                                   f"the threads of video {post_id}", whole=False)
        records = [record for thread in threads for record in self._thread(thread)]
        video = self._audit_call("videos.list", "videos", {"part": "statistics", "id": post_id})
        tally = next((t for item in video.get("items") or [] if (t := self._tally(item))), Tally(post_id, 0, exact=False))
        return Reread(records, tally)

    def _audit_call(self, call: str, path: str, params: dict) -> dict:
        """A call outside the fetch: its units reach the day's count in the cursor at the next poll, as replies do."""
        data = self._call(call, path, params)
        note_reply_units(self.channel_id, COSTS[call])
        return data

    @staticmethod
    def _tally(video: Any) -> Tally | None:
        """Public comments and replies; held and spam comments are left out, so the count is a floor (a video
        with comments turned off has none)."""
        count = ((video or {}).get("statistics") or {}).get("commentCount")
        return Tally(str(video["id"]), int(count), exact=False) if count is not None else None

    # --- reading ---------------------------------------------------------------------------------------------

    def _thread(self, thread: Any, whole: bool = True) -> list[CommentRecord]:
        """The thread's comments; all its replies (`comments.list` when it carries fewer than it has), unless not
        `whole`: then the replies it carries."""
        where = f"{self.api_url}/commentThreads"
        snippet = thread.get("snippet") if isinstance(thread, dict) else None
        top = snippet.get("topLevelComment") if isinstance(snippet, dict) else None
        if not isinstance(top, dict) or not thread.get("id"):
            raise TemporaryError(f"{where}: a thread without id or topLevelComment")
        thread_id = str(thread["id"])
        post = str(snippet.get("videoId") or f"channel:{snippet.get('channelId') or self.channel_id}")
        post_url = (
            f"https://www.youtube.com/watch?v={snippet['videoId']}" if snippet.get("videoId")
            else f"https://www.youtube.com/channel/{self.channel_id}"
        )
        records = [self._comment(top, post, None, post_url, thread_id)]
        carried = (thread.get("replies") or {}).get("comments") or []
        total = snippet.get("totalReplyCount") or 0
        replies = carried if total <= len(carried) or not whole else self._all_replies(thread_id)
        records.extend(self._comment(reply, post, thread_id, post_url, thread_id) for reply in replies)
        return records

    def _all_replies(self, thread_id: str) -> list[dict]:
        params = {"part": "snippet", "parentId": thread_id, "maxResults": PAGE_SIZE, "textFormat": "plainText"}
        return self._every_page("comments.list", "comments", params, self._call, f"the replies of thread {thread_id}")

    def _every_page(self, call: str, path: str, params: dict, send: Callable[[str, str, dict], dict], what: str,
                    whole: bool = True) -> list[dict]:
        """The items of a list call over its pages (`pageToken`); past MAX_PAGES, PageCapReached naming `what`, or
        where not `whole` is needed (a re-read, which then says it is not whole), the items read."""

        def read(token: str | None) -> dict:
            data = send(call, path, {**params, "pageToken": token} if token else params)
            if not isinstance(data.get("items"), list):
                raise TemporaryError(f"{self.api_url}/{path}: no items in the response")
            return data

        found: list[dict] = []
        try:
            for data in pages(read, body_token("nextPageToken"), f"YouTube {self.api_url}/{path} ({what})",
                              goal="the end of the list", then="the poll fails, and the next one reads it again"):
                found.extend(data["items"])
        except PageCapReached:
            if whole:
                raise
        return found

    def _comment(
        self, item: Any, post: str, parent: str | None, post_url: str | None, thread_id: str | None = None
    ) -> CommentRecord:
        where = f"{self.api_url}: comment"
        snippet = item.get("snippet") if isinstance(item, dict) else None
        if not isinstance(snippet, dict) or not item.get("id"):
            raise TemporaryError(f"{where}: without id or snippet")
        text = snippet.get("textDisplay") if snippet.get("textDisplay") is not None else snippet.get("textOriginal")
        if not isinstance(text, str):
            raise TemporaryError(f"{where} {item['id']}: without text")
        author = (snippet.get("authorChannelId") or {}).get("value") or snippet.get("authorDisplayName") or "unknown"
        created = parse_time(snippet.get("publishedAt"), f"{where} {item['id']}")
        updated = parse_time(snippet["updatedAt"], f"{where} {item['id']}") if snippet.get("updatedAt") else None
        comment_id = str(item["id"])
        return CommentRecord(
            external_id=comment_id,
            post_id=post,
            author_id=str(author),
            author_name=str(snippet.get("authorDisplayName") or author),
            text=text,
            created_at=created,
            is_brand=author == self.channel_id,
            parent_id=snippet.get("parentId") or parent,
            thread_id=thread_id or parent or comment_id,
            url=f"{post_url}&lc={comment_id}" if post_url and "watch?v=" in post_url else post_url,
            updated_at=updated if updated and updated != created else None,
            post_url=post_url,
            held=snippet.get("moderationStatus") == HELD,  # only ever set for the channel owner
        )

    # --- HTTP ------------------------------------------------------------------------------------------------

    def _call(self, call: str, path: str, params: dict, *, method: str = "GET", json: Any = None,
              count: bool = True) -> dict:
        if count:
            self.quota.spend(call, self.clock(), reply=call == "comments.insert")
        headers = {}
        if self.refresh_token:
            headers["Authorization"] = f"Bearer {cached_token(self._token_key(), self._obtain_token)}"
        else:
            params = {**params, "key": self.api_key}
        return self.http.json(method, f"{self.api_url}/{path}", params=params, json=json, headers=headers)

    def _map_error(self, response) -> SourceError | None:
        """Google's error body says why: a spent quota is not a credential problem, a missing video is neither."""
        if response.url.startswith(self.token_url):
            if response.status_code in (400, 401):
                return AuthError(
                    f"{self.account.where('refresh_token_env')}: Google refused the refresh token (expired or "
                    "revoked); authorize the app again and store the new refresh token"
                )
            return None
        try:
            error = response.json().get("error") or {}
            reasons = {str(e.get("reason")) for e in error.get("errors") or [] if isinstance(e, dict)}
        except (ValueError, AttributeError):
            return None
        if reasons & QUOTA_REASONS:
            return self.quota.mark_exhausted(self.clock())
        if TOKEN_REJECTED in reasons:
            return _TokenRejected(f"YouTube: GET {redact_url(response.url)} answered HTTP {response.status_code} "
                                  f"{TOKEN_REJECTED}: it does not take that page token")
        if response.status_code == 401 or reasons & AUTH_REASONS:
            if self.refresh_token:
                forget_token(self._token_key())
            return None  # the framework's AuthError, with the hint on how to fix the credential
        if response.status_code == 403:
            return TemporaryError(f"YouTube: {', '.join(sorted(reasons)) or 'HTTP 403'} at {self.api_url}")
        return None

    def _token_key(self) -> tuple[str, ...]:
        return (self.token_url, str(self.client_id), self.channel_id)

    def _obtain_token(self) -> tuple[str, float]:
        data = self.http.json(
            "POST", self.token_url, idempotent=True,
            data={"grant_type": "refresh_token", "refresh_token": self.refresh_token,
                  "client_id": self.client_id, "client_secret": self.client_secret},
        )
        if not data.get("access_token"):
            raise TemporaryError(f"YouTube: {self.token_url} answered no access_token")
        return str(data["access_token"]), float(data.get("expires_in") or 3600)


class _ListingCapped(PageCapReached):
    """The thread listing's own MAX_PAGES, which starts (or goes on with) a catch-up."""


class _TokenRejected(TemporaryError):
    """YouTube answered a `pageToken` with 400 invalidPageToken (developers.google.com/youtube/v3/docs/errors)."""


@dataclass(frozen=True)
class _ThreadPage:
    """Where a page of threads was read (its token, None for the newest), the threads it held, and the top-level
    comment times of its oldest and newest (None: no threads)."""

    token: str | None
    ids: list[str]
    oldest: datetime
    newest: datetime | None

    def place(self) -> dict:
        """What `behind` keeps of the page a read stopped at, to read on from it."""
        return {"token": self.token, "ids": self.ids, "oldest": self.oldest.isoformat()}


def _kept_place(behind: dict, page: _ThreadPage) -> bool:
    """Whether reading on from `page`, the page the last poll stopped at read again, skips no thread. Not read yet
    are the threads listed below the page read then: older than its oldest, or as old and after it. New threads
    push the page's place down (a token is not documented to keep its place, and the local server's is an offset),
    so it may now show newer threads, read already, and reading on reaches every one below; so does a page that
    starts at a thread it held then. A page that starts older (threads deleted above it moved the listing up), or
    at an as old thread it did not hold, or holds none, may start past threads not read yet."""
    oldest = behind.get("oldest")  # None in a cursor written before it was kept: the first thread decides
    if page.newest is None:
        return False
    return (oldest is not None and page.newest > datetime.fromisoformat(oldest)) or page.ids[0] in behind["ids"]


def _held_entry(record: CommentRecord, top: datetime) -> dict:
    """What the cursor keeps of a held comment, so that it can be recorded deleted once it is gone, and its thread's
    place in the queue (`top`, the top-level comment's time)."""
    return {"thread": record.thread_id, "parent": record.parent_id, "post": record.post_id, "url": record.post_url,
            "author": record.author_id, "name": record.author_name, "text": record.text,
            "at": record.created_at.isoformat(), "top": top.isoformat()}


def _beyond(entry: dict, oldest: datetime) -> bool:
    """Whether a held comment's thread may lie past a queue read that stopped at `oldest` (the queue lists threads
    by their top-level comment's time, newest first): not newer than it, or of a time not kept (a reply noted
    before `top` was)."""
    top = entry.get("top") or (entry["at"] if entry["parent"] is None else None)
    return top is None or datetime.fromisoformat(top) <= oldest


def _in_turn(beyond: dict[str, dict], last: str | None) -> list[str]:
    """The held comments past a queue read cut short, in the order they are looked up by id in turn: from the one
    after `last` (the last looked up), then round again."""
    ids = sorted(beyond)
    start = bisect_right(ids, last) if last is not None else 0
    return ids[start:] + ids[:start]


def _gone_record(comment_id: str, entry: dict) -> CommentRecord:
    """A held comment that is neither in the queue nor to be found: rejected or deleted."""
    return CommentRecord(
        external_id=comment_id, post_id=entry["post"], author_id=entry["author"], author_name=entry["name"],
        text=entry["text"], created_at=datetime.fromisoformat(entry["at"]), parent_id=entry["parent"],
        thread_id=entry["thread"], post_url=entry["url"], deleted=True,
    )


def _note(counts: dict[str, int], thread_id: str, count: int) -> None:
    """Keep the reply count of the threads seen most recently."""
    counts.pop(thread_id, None)
    counts[thread_id] = count
    for stale in list(counts)[: max(0, len(counts) - COUNTED_THREADS)]:
        del counts[stale]
