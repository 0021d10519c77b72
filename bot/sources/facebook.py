"""Facebook Pages through the Graph API with a Page access token; brand = the Page.

Posts: `/{page-id}/published_posts` of the recency window, each with its update time and its comment count
(`comments.filter(stream).summary(true)`); a post's comments are read only when one of them moved. Comments:
`/{post-id}/comments?filter=stream` (every level, flat, each reply naming its `parent`), `since` the post's
watermark. Facebook threads are two levels deep (a reply to a reply hangs off the top-level comment), so they are
read as flat threads, and replies from Slack go to the thread's top-level comment, as Facebook's own UI does.

Graph names a comment's author (`from`) only to the Page's own access token. Without it every commenter would be
"Facebook user" and the Page's own answers unrecognisable, so `check()` proves the token is the Page's (`/me` is
the Page, `/debug_token` lists the permissions reading and replying need), and a post whose comments all come
without `from` stops the account with an `AuthError` saying why (its channel is told once).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import ClassVar, Iterator

from bot.config import AccountConfig
from bot.config_keys import Option
from bot.sources.base import AuthError, CommentRecord, TemporaryError
from bot.sources.http import api_url, redact_url
from bot.sources.meta_graph import GRAPH_URL, PAGE_LIMIT, GraphSource, edge, graph_time
from bot.sources.recency import RECENT_DAYS
from bot.sources.watched_posts import CountedPosts, WatchedPost
from bot.sources.watermark import Watermark

COUNT_FIELD = "comments.filter(stream).limit(0).summary(true)"  # every comment, replies included
POST_FIELDS = f"id,created_time,updated_time,message,permalink_url,{COUNT_FIELD}"
COMMENT_FIELDS = "id,from{id,name},message,created_time,parent{id},permalink_url"
# Reading comments with their authors, and commenting as the Page (Graph reference: Page Comments, Page Feed)
NEEDED_SCOPES = ("pages_read_engagement", "pages_read_user_engagement", "pages_manage_engagement")
OPTIONS = (
    Option("page_id", "the Page's id"),
    Option("access_token", "a Page access token", secret=True),
    api_url(GRAPH_URL),
    RECENT_DAYS,
)


class FacebookSource(CountedPosts, GraphSource):
    platform: ClassVar[str] = "facebook"
    count_at = 1  # the signature is [updated_time, count]

    def __init__(self, account: AccountConfig):
        self.page_id = str(account.option("page_id", required=True))
        self.hint = (
            f"Create a new Page access token (GET /me/accounts with a user token that has {', '.join(NEEDED_SCOPES)}"
            f" gives each Page's own) and put it in the variable named by {account.where('access_token_env')}."
        )
        super().__init__(account, hint=self.hint)

    def recent_posts(self, since: datetime) -> Iterator[WatchedPost]:
        url = f"{self.api_url}/{self.page_id}/published_posts"
        for item in self.newest_first(url, POST_FIELDS, "created_time", since):
            count = ((item.get("comments") or {}).get("summary") or {}).get("total_count")
            message = item.get("message") or ""
            yield WatchedPost(item["id"], [item.get("updated_time"), count], message[:120] or None,
                            item.get("permalink_url"))

    def post_comments(self, post: WatchedPost, mark: Watermark, notes: dict) -> list[CommentRecord]:
        url = f"{self.api_url}/{post.id}/comments"
        params = {"filter": "stream", "order": "chronological", "fields": COMMENT_FIELDS, "limit": PAGE_LIMIT}
        if mark.time:
            params["since"] = int(mark.time) - 1  # whether `since` filters comments is unverified: also filtered here
        records = []
        for items in edge(self.http, url, params):
            if items and not any("from" in item for item in items):
                raise AuthError(
                    f"facebook: the comments on post {post.id} come without their authors (`from`): Graph names "
                    f"them only to the Page's own access token, so the token is not Page {self.page_id}'s. {self.hint}"
                )
            with self.http.reading(url):
                records.extend(self._comment(item, post.id, post.title, post.url, url) for item in items)
        return records

    def reply(self, comment: CommentRecord, text: str) -> CommentRecord:
        root = comment.thread_id or comment.external_id
        url = f"{self.api_url}/{root}/comments"
        # read-after-write: with `fields`, Graph answers the new comment itself
        created = self.http.json("POST", url, data={"message": text}, params={"fields": COMMENT_FIELDS})
        with self.http.reading(url):
            if not created.get("created_time"):
                raise TemporaryError(f"facebook: POST {url} did not answer the new comment")
            record = self._comment(created, comment.post_id, comment.post_title, comment.post_url, url)
        return replace(record, is_brand=True, parent_id=record.parent_id or root, thread_id=root)

    def count_now(self, post_id: str) -> int:
        url = f"{self.api_url}/{post_id}"
        post = self.http.get(url, params={"fields": COUNT_FIELD})
        with self.http.reading(url):
            return int(post["comments"]["summary"]["total_count"])

    def check(self) -> str:
        """Whose the token is (`/me` answers the Page itself for a Page token) and what it may do."""
        url = f"{self.api_url}/me"
        me = self.http.get(url, params={"fields": "id,name"})
        with self.http.reading(url):
            if str(me["id"]) != self.page_id:
                raise AuthError(
                    f"facebook: the access token is {me.get('name') or 'someone'}'s ({me['id']}), not Page "
                    f"{self.page_id}'s own: Graph would leave out every commenter. {self.hint}"
                )
        url = f"{self.api_url}/debug_token"
        about = self.http.get(url, params={"input_token": self.account.secret("access_token")})
        with self.http.reading(url):
            missing = [scope for scope in NEEDED_SCOPES if scope not in about["data"]["scopes"]]
        if missing:
            raise AuthError(f"facebook: the Page access token lacks {', '.join(missing)}. {self.hint}")
        return f"Page {me['name']} ({me['id']}), a Page access token with {', '.join(NEEDED_SCOPES)}"

    def _comment(
        self, item: dict, post_id: str, post_title: str | None, post_url: str | None, source: str
    ) -> CommentRecord:
        where = f"facebook: {redact_url(source)}: comment {item.get('id')}"
        author = item["from"] if "from" in item else {}  # left out for a person the Page may not see
        parent = (item.get("parent") or {}).get("id")
        comment_id = str(item["id"])
        return CommentRecord(
            external_id=comment_id,
            post_id=post_id,
            author_id=str(author["id"]) if author else f"anonymous:{comment_id}",
            author_name=str(author.get("name") or "Facebook user"),
            text=str(item.get("message") or ""),
            created_at=graph_time(item, "created_time", where),
            is_brand=str(author.get("id")) == self.page_id,
            parent_id=str(parent) if parent else None,
            thread_id=str(parent or comment_id),
            url=item.get("permalink_url"),
            post_title=post_title,
            post_url=post_url,
        )

