"""Instagram (a Business or Creator account) through the Graph API; brand = the account's username.

Media: `/{ig-user-id}/media` of the recency window with `comments_count`; a medium's comments are read only when
that count moved. Comments: `/{media-id}/comments` with their replies nested (`replies{...}`); a top-level
comment whose replies run over a page has the rest read from `/{comment-id}/replies`. The edge takes no "since",
so comments are filtered by the medium's watermark here. Threads are flat: a reply's `parent_id` is always its
top-level comment, and a reply from Slack goes to the top-level comment, as Instagram does with replies to replies.
The brand's own comments are those whose `username` is the account's (asked once and kept in the cursor).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import ClassVar, Iterator

from bot.config import AccountConfig
from bot.config_keys import Option
from bot.sources.base import CommentRecord
from bot.sources.http import api_url, redact_url
from bot.sources.meta_graph import GRAPH_URL, GraphSource, edge, graph_time
from bot.sources.recency import RECENT_DAYS
from bot.sources.watched_posts import CountedPosts, WatchedPost
from bot.sources.watermark import Watermark

MEDIA_FIELDS = "id,caption,permalink,timestamp,comments_count"
COMMENT_FIELDS = "id,text,timestamp,username,from{id,username},parent_id"
COMMENTS_PAGE = 50
OPTIONS = (
    Option("user_id", "the Instagram Business or Creator account's id"),
    Option("access_token", "a token for that account (Facebook Login or Instagram Login)", secret=True),
    api_url(GRAPH_URL, "`https://graph.instagram.com/v25.0` with an Instagram Login token"),
    RECENT_DAYS,
)


class InstagramSource(CountedPosts, GraphSource):
    platform: ClassVar[str] = "instagram"

    def __init__(self, account: AccountConfig):
        self.user_id = str(account.option("user_id", required=True))
        self.profile_path = self.user_id
        super().__init__(
            account,
            hint=(
                "Create a new token with instagram_basic and instagram_manage_comments (Facebook Login) or "
                "instagram_business_basic and instagram_business_manage_comments (Instagram Login) and put it in "
                f"the variable named by {account.where('access_token_env')}."
            ),
        )

    def recent_posts(self, since: datetime) -> Iterator[WatchedPost]:
        url = f"{self.api_url}/{self.user_id}/media"
        for item in self.newest_first(url, MEDIA_FIELDS, "timestamp", since):
            caption = item.get("caption") or ""
            count = item.get("comments_count")
            yield WatchedPost(item["id"], [count], caption[:120] or None, item.get("permalink"), empty=count == 0)

    def post_comments(self, post: WatchedPost, mark: Watermark, notes: dict) -> list[CommentRecord]:
        url = f"{self.api_url}/{post.id}/comments"
        params = {"fields": f"{COMMENT_FIELDS},replies{{{COMMENT_FIELDS}}}", "limit": COMMENTS_PAGE}
        records: list[CommentRecord] = []
        for items in edge(self.http, url, params):
            for item in items:
                with self.http.reading(url):
                    top = self._comment(item, post, url)
                    nested = item.get("replies")
                records.append(top)
                if nested is None:  # Graph leaves an empty edge out
                    continue
                replies_url = f"{self.api_url}/{top.external_id}/replies"
                for replies in edge(self.http, replies_url, {"fields": COMMENT_FIELDS, "limit": COMMENTS_PAGE}, nested):
                    with self.http.reading(replies_url):
                        records.extend(self._comment(reply, post, replies_url, top.external_id) for reply in replies)
        return records

    def reply(self, comment: CommentRecord, text: str) -> CommentRecord:
        root = comment.thread_id or comment.external_id  # only top-level comments take replies
        url = f"{self.api_url}/{root}/replies"
        created = self.http.json("POST", url, data={"message": text}, params={"fields": COMMENT_FIELDS})
        with self.http.reading(url):
            # the documented answer is just the new id; fields are used when Graph reads after the write
            item = {"text": text, "timestamp": self.http.clock().isoformat(), "parent_id": root, **created}
            item["username"] = item.get("username") or self.brand_username()
            post = WatchedPost(comment.post_id, [], comment.post_title, comment.post_url)
            return replace(self._comment(item, post, url, root), is_brand=True)

    def count_now(self, post_id: str) -> int:
        url = f"{self.api_url}/{post_id}"
        media = self.http.get(url, params={"fields": "comments_count"})
        with self.http.reading(url):
            return int(media["comments_count"])

    def check(self) -> str:
        me = self.profile()
        return f"@{me['username']} ({me['id']})"

    def _comment(self, item: dict, post: WatchedPost, source: str, root: str | None = None) -> CommentRecord:
        where = f"instagram: {redact_url(source)}: comment {item.get('id')}"
        author = item.get("from") or {}
        username = str(item.get("username") or author.get("username") or "")
        parent = item.get("parent_id") or root
        comment_id = str(item["id"])
        return CommentRecord(
            external_id=comment_id,
            post_id=post.id,
            author_id=username or str(author.get("id") or f"anonymous:{comment_id}"),
            author_name=username or "Instagram user",
            author_handle=username or None,
            text=str(item.get("text") or ""),
            created_at=graph_time(item, "timestamp", where),
            is_brand=self.is_brand_name(username),
            parent_id=str(parent) if parent else None,
            thread_id=str(parent or comment_id),
            url=post.url,
            post_title=post.title,
            post_url=post.url,
        )
