"""Threads (Meta's Threads API) with a Threads user access token; brand = the account's username.

Posts: `/me/threads` of the recency window with `has_replies` (reposts are skipped). A post without replies costs
nothing more; posts with replies have their conversations read in turn, one a poll (a post whose first replies
just came is read at once): `/{post-id}/conversation` gives every reply at every level, flat, newest first, and is
read down to the post's watermark, so an idle poll is two requests. Threads reports no reply count, so the
completeness audit is a slow sweep (bot/sources/sweep.py): the conversations read to their end, in turn, and
stored whole. Replies nest through `replied_to` (a reply to the post itself answers the post). A reply from Slack is a text container `POST /me/threads` with `reply_to_id`, published with
`POST /me/threads_publish`. Errors, usage headers and paging are the Graph API's (bot.sources.meta_graph).
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Iterator

from bot.config import AccountConfig
from bot.config_keys import Option
from bot.sources.base import CommentRecord, Cursor, Reread, Tally
from bot.sources.http import PageCapReached, api_url, redact_url
from bot.sources.meta_graph import PAGE_LIMIT, GraphSource, edge, graph_time
from bot.sources.recency import RECENT_DAYS
from bot.sources.sweep import sweep
from bot.sources.watched_posts import WatchedPost
from bot.sources.watermark import Watermark

THREADS_URL = "https://graph.threads.net/v1.0"
POST_FIELDS = "id,media_type,text,timestamp,permalink,has_replies"
REPLY_FIELDS = "id,text,timestamp,username,permalink,replied_to,root_post,is_reply_owned_by_me,hide_status"
HIDDEN = frozenset({"HIDDEN", "BLOCKED", "RESTRICTED"})  # hidden by the brand or Meta: nothing to answer
OPTIONS = (
    Option("access_token", "a long-lived Threads user token", secret=True),
    api_url(THREADS_URL),
    RECENT_DAYS,
)


class ThreadsSource(GraphSource):
    platform: ClassVar[str] = "threads"
    flat_threads: ClassVar[bool] = False
    profile_path = "me"
    unsigned_in_turn = True

    def __init__(self, account: AccountConfig):
        super().__init__(
            account,
            hint=(
                "Create a new long-lived Threads token (threads_basic, threads_read_replies, threads_manage_replies, "
                f"threads_content_publish) and put it in the variable named by {account.where('access_token_env')}; "
                "long-lived tokens last 60 days unless refreshed."
            ),
            api_url=THREADS_URL,
        )

    def recent_posts(self, since: datetime) -> Iterator[WatchedPost]:
        for item in self.newest_first(f"{self.api_url}/me/threads", POST_FIELDS, "timestamp", since):
            if item.get("media_type") == "REPOST_FACADE":
                continue
            text = item.get("text") or ""
            # no reply count on Threads posts: posts with replies are read in turn (signature None)
            yield WatchedPost(item["id"], None if item.get("has_replies") else [False], text[:120] or None,
                            item.get("permalink"))

    def post_comments(self, post: WatchedPost, mark: Watermark, notes: dict) -> list[CommentRecord]:
        records, _ = self._conversation(post, mark)
        return records

    def _conversation(self, post: WatchedPost, mark: Watermark | None) -> tuple[list[CommentRecord], bool]:
        """The post's replies, newest first, down to the page that reaches `mark` (None: to the end), and whether
        they are all of them."""
        url = f"{self.api_url}/{post.id}/conversation"
        records: list[CommentRecord] = []
        try:
            for items in edge(self.http, url, {"fields": REPLY_FIELDS, "reverse": "true", "limit": PAGE_LIMIT}):
                with self.http.reading(url):
                    page = [self._reply(item, post, url) for item in items]
                records.extend(page)
                if mark and any(mark.seen(r.created_at.timestamp(), r.external_id) for r in page):
                    return records, False  # newest first: the rest was read by an earlier poll
        except PageCapReached:
            if mark:
                raise
            return records, False  # a re-read that says it is not whole records nothing as deleted
        return records, True

    # --- the completeness audit: a slow sweep of the conversations ------------------------------------------------

    def tallies(self, cursor: Cursor | None, budget: int, posts: list[str]) -> list[Reread]:
        if not budget:
            return []
        self.username = self.username or (cursor or {}).get("username")  # the brand, for a sweep in a new process
        with_replies = [post_id for post_id, seen in ((cursor or {}).get("posts") or {}).items()
                        if seen.get("signature") is None]
        return sweep(cursor, budget, with_replies, self.reread, lambda: self.http.requests_sent)

    def reread(self, post_id: str | None) -> Reread:
        records, complete = self._conversation(WatchedPost(str(post_id), None, None, None), None)
        shown = sum(1 for record in records if not record.deleted)
        return Reread(records, Tally(post_id, shown, exact=complete), complete)  # cut short: a floor

    def reply(self, comment: CommentRecord, text: str) -> CommentRecord:
        url = f"{self.api_url}/me/threads"
        container = self.http.json("POST", url, data={"media_type": "TEXT", "text": text,
                                                      "reply_to_id": comment.external_id})
        with self.http.reading(url):
            creation_id = str(container["id"])
        url = f"{self.api_url}/me/threads_publish"
        published = self.http.json("POST", url, data={"creation_id": creation_id})
        with self.http.reading(url):
            item = {"id": published["id"], "text": text, "timestamp": self.http.clock().isoformat(),
                    "username": self.brand_username(), "replied_to": {"id": comment.external_id},
                    "is_reply_owned_by_me": True}
            post = WatchedPost(comment.post_id, None, comment.post_title, comment.post_url)
            return self._reply(item, post, url)

    def check(self) -> str:
        me = self.profile()
        return f"@{me['username']} ({me['id']})"

    def _reply(self, item: dict, post: WatchedPost, source: str) -> CommentRecord:
        where = f"threads: {redact_url(source)}: reply {item.get('id')}"
        username = str(item.get("username") or "")
        replied_to = str((item.get("replied_to") or {}).get("id") or post.id)
        reply_id = str(item["id"])
        return CommentRecord(
            external_id=reply_id,
            post_id=post.id,
            author_id=username or f"anonymous:{reply_id}",
            author_name=username or "Threads user",
            author_handle=username or None,
            text=str(item.get("text") or ""),
            created_at=graph_time(item, "timestamp", where),
            is_brand=item.get("is_reply_owned_by_me") is True or self.is_brand_name(username),
            parent_id=None if replied_to == post.id else replied_to,
            url=item.get("permalink") or post.url,  # no permalink for a private profile's reply: its post's
            deleted=item.get("hide_status") in HIDDEN,
            post_title=post.title,
            post_url=post.url,
        )
