"""Facebook Pages through the Graph API with a Page access token; brand = the Page.

Posts: `/{page-id}/published_posts` of the recency window, each with its update time and its comment count
(`comments.filter(stream).summary(true)`); a post's comments are read only when one of them moved. Comments:
`/{post-id}/comments?filter=stream` (every level, flat, each reply naming its `parent`), `since` the post's
watermark. Facebook threads are two levels deep (a reply to a reply hangs off the top-level comment), so they are
read as flat threads, and replies from Slack go to the thread's top-level comment, as Facebook's own UI does.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import ClassVar, Iterator

from bot.config import AccountConfig
from bot.sources.base import CommentRecord, TemporaryError
from bot.sources.http import redact_url
from bot.sources.meta_graph import PAGE_LIMIT, GraphSource, edge, graph_time
from bot.sources.watched_posts import CountedPosts, WatchedPost
from bot.sources.watermark import Watermark

COUNT_FIELD = "comments.filter(stream).limit(0).summary(true)"  # every comment, replies included
POST_FIELDS = f"id,created_time,updated_time,message,permalink_url,{COUNT_FIELD}"
COMMENT_FIELDS = "id,from{id,name},message,created_time,parent{id},permalink_url"


class FacebookSource(CountedPosts, GraphSource):
    platform: ClassVar[str] = "facebook"
    count_at = 1  # the signature is [updated_time, count]

    def __init__(self, account: AccountConfig):
        self.page_id = str(account.option("page_id", required=True))
        super().__init__(
            account,
            hint=(
                f"Create a new Page access token (pages_read_engagement, pages_read_user_engagement, "
                f"pages_manage_engagement) and put it in the variable named by {account.where('access_token_env')}."
            ),
        )

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
        url = f"{self.api_url}/{self.page_id}"
        page = self.http.get(url, params={"fields": "id,name"})
        with self.http.reading(url):
            return f"Page {page['name']} ({page['id']})"

    def _comment(
        self, item: dict, post_id: str, post_title: str | None, post_url: str | None, source: str
    ) -> CommentRecord:
        where = f"facebook: {redact_url(source)}: comment {item.get('id')}"
        author = item.get("from") or {}  # Meta leaves `from` out when the token may not see the person
        parent = (item.get("parent") or {}).get("id")
        comment_id = str(item["id"])
        return CommentRecord(
            external_id=comment_id,
            post_id=post_id,
            author_id=str(author.get("id") or f"anonymous:{comment_id}"),
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

