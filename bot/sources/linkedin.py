"""LinkedIn organization pages through the Community Management API (versioned REST); brand = the organization.

Posts: `GET /rest/posts?q=author&author=<organization urn>&sortBy=CREATED` down to the recency window, and their
comment counts in one batch call (`GET /rest/socialMetadata?ids=List(...)`); a post's comments are read only when
its count moved, so an idle poll is two requests. Comments: `GET /rest/socialActions/<post urn>/comments` (every
page, `start`/`count`), and for a comment whose `commentsSummary` says it has replies,
`GET /rest/socialActions/<comment urn>/comments`. LinkedIn nests replies one level deep (a reply to a reply hangs
off the top-level comment), so threads are flat and replies from Slack go to the top-level comment, posted as the
organization. Every call carries `LinkedIn-Version` and `X-Restli-Protocol-Version: 2.0.0`; URNs in paths are
percent-encoded. Request limits are per day and reset at midnight UTC: a 429 without `Retry-After` waits until then.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta, timezone
from typing import Any, ClassVar, Iterator
from urllib.parse import quote

import requests

from bot.config import AccountConfig, ConfigError
from bot.config_keys import Option
from bot.sources.base import CommentRecord, RateLimited, SourceError, TemporaryError
from bot.sources.http import ApiClient, api_url, newest_first, pages
from bot.sources.meta_graph import api_url_option
from bot.sources.recency import RECENT_DAYS, recent_days
from bot.sources.watched_posts import CountedPosts, WatchedPost
from bot.sources.watermark import Watermark

API_URL = "https://api.linkedin.com/rest"
API_VERSION = "202610"  # LinkedIn supports each monthly version for about a year
PAGE_SIZE = 100
METADATA_BATCH = 50
OPTIONS = (
    Option("organization_id", "the company Page's organization id"),
    Option("access_token", "an OAuth access token of a Page administrator", secret=True),
    Option("api_version", "the `LinkedIn-Version` the calls ask for", API_VERSION),
    api_url(API_URL),
    RECENT_DAYS,
)
FINDER, GET_ALL, BATCH_GET, CREATE = "finder", "get_all", "batch_get", "create"  # Rest.li methods, as sent
_ACTIVITY = re.compile(r"^urn:li:comment:\((urn:li:[A-Za-z]+:[^,]+),")


def restli(method: str) -> dict[str, str]:
    """The Rest.li method a request makes, named as LinkedIn's own client names it on every call
    (linkedin-developers/linkedin-api-js-client `getRestliRequestHeaders`: `X-RestLi-Method`, lower case)."""
    return {"X-RestLi-Method": method}


def encoded(urn: str) -> str:
    return quote(urn, safe="")


def millis(value: Any, where: str) -> datetime:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TemporaryError(f"{where}: the time is not a number of milliseconds")
    return datetime.fromtimestamp(value / 1000, timezone.utc)


def next_utc_midnight(now: datetime) -> datetime:
    return datetime.combine(now.astimezone(timezone.utc).date() + timedelta(days=1), time(0), tzinfo=timezone.utc)


class LinkedInSource(CountedPosts):
    platform: ClassVar[str] = "linkedin"
    flat_threads: ClassVar[bool] = True
    requests_per_poll = 2

    def __init__(self, account: AccountConfig):
        self.account = account
        organization = str(account.option("organization_id", required=True))
        if not re.fullmatch(r"(urn:li:organization:)?\d+", organization):
            raise ConfigError(f"{account.where('organization_id')}: must be the organization's number, e.g. 2414183")
        self.organization = organization if organization.startswith("urn:") else f"urn:li:organization:{organization}"
        version = str(account.option("api_version", API_VERSION))
        if not re.fullmatch(r"20\d{4}", version):
            raise ConfigError(f"{account.where('api_version')}: must be a LinkedIn API version YYYYMM, e.g. {API_VERSION}")
        self.api_url = api_url_option(account, API_URL)
        self.days = recent_days(account)
        token = account.secret("access_token")
        self.http = ApiClient(
            "LinkedIn",
            auth_hint=(
                "Authorize the app again as an administrator of the Page (scopes r_organization_social_feed and "
                "w_organization_social_feed, or r_organization_social and w_organization_social for an app approved "
                f"with those; tokens last 60 days) and put the token in the variable named by "
                f"{account.where('access_token_env')}."
            ),
            secrets=[token],
            map_error=self._map_error,
        )
        self.http.session.headers.update(
            {"Authorization": f"Bearer {token}", "LinkedIn-Version": version, "X-Restli-Protocol-Version": "2.0.0"}
        )

    # --- reading -----------------------------------------------------------------------------------------------

    def recent_posts(self, since: datetime) -> Iterator[WatchedPost]:
        url = f"{self.api_url}/posts"

        def too_old(item: dict) -> bool:
            with self.http.reading(url):
                return millis(item.get("createdAt"), f"LinkedIn post {item.get('id')}") < since

        listing = self._collection(url, {"q": "author", "author": self.organization, "sortBy": "CREATED"}, FINDER)
        posts = list(newest_first([listing], too_old))
        counts = self._comment_counts([str(post["id"]) for post in posts])
        for post in posts:
            urn = str(post["id"])
            count = counts.get(urn)
            yield WatchedPost(urn, None if count is None else [count], (post.get("commentary") or "")[:120] or None,
                              f"https://www.linkedin.com/feed/update/{urn}/")

    def post_comments(self, post: WatchedPost, mark: Watermark, notes: dict) -> list[CommentRecord]:
        """`notes` holds each top-level comment's reply count: replies are read again only where it moved."""
        if post.signature == [0]:
            return []  # socialMetadata says there is nothing to read
        records: list[CommentRecord] = []
        url = f"{self.api_url}/socialActions/{encoded(post.id)}/comments"
        for item in self._collection(url, {}, GET_ALL):
            with self.http.reading(url):
                top = self._comment(item, post)
                replies = (item.get("commentsSummary") or {}).get("aggregatedTotalComments") or 0
            records.append(top)
            if replies and notes.get(top.external_id) != replies:
                nested_url = f"{self.api_url}/socialActions/{encoded(top.external_id)}/comments"
                for reply in self._collection(nested_url, {}, GET_ALL):
                    with self.http.reading(nested_url):
                        records.append(self._comment(reply, post, top.external_id))
                notes[top.external_id] = replies
        return records

    def _collection(self, url: str, params: dict, method: str) -> Iterator[dict]:
        """A Rest.li collection's elements over every page (`start`/`count`)."""

        def read(start: int | None) -> tuple[int, list[dict]]:
            start = start or 0
            body = self.http.get(url, params={**params, "start": start, "count": PAGE_SIZE}, headers=restli(method))
            with self.http.reading(url):
                elements = body["elements"]
                if not isinstance(elements, list) or not all(isinstance(e, dict) for e in elements):
                    raise TypeError("elements is not a list of objects")
            return start, elements

        def next_start(page: tuple[int, list[dict]]) -> int | None:
            start, elements = page
            return start + len(elements) if len(elements) >= PAGE_SIZE else None

        for _, elements in pages(read, next_start, f"LinkedIn: {url}", goal="the end of the collection",
                                 then="the next poll reads it again"):
            yield from elements

    def _comment_counts(self, urns: list[str]) -> dict[str, int]:
        """Each post's comment count (replies included) from socialMetadata, a batch call per 50 posts."""
        counts: dict[str, int] = {}
        for first in range(0, len(urns), METADATA_BATCH):
            batch = urns[first:first + METADATA_BATCH]
            # Rest.li 2.0 list syntax: the URNs are encoded, the List(...) around them is not
            url = f"{self.api_url}/socialMetadata?ids=List({','.join(encoded(urn) for urn in batch)})"
            body = self.http.get(url, headers=restli(BATCH_GET))
            with self.http.reading(url):
                for urn, metadata in (body.get("results") or {}).items():
                    count = (metadata.get("commentSummary") or {}).get("count")
                    if isinstance(count, int):
                        counts[urn] = count
        return counts

    def _comment(self, item: dict, post: WatchedPost, root: str | None = None) -> CommentRecord:
        urn = str(item.get("commentUrn") or item["$URN"])
        where = f"LinkedIn comment {urn}"
        actor = str(item["actor"])
        created = millis((item.get("created") or {}).get("time"), where)
        modified = (item.get("lastModified") or {}).get("time")
        updated = millis(modified, where) if modified and modified != item["created"]["time"] else None
        parent = item.get("parentComment") or root
        return CommentRecord(
            external_id=urn,
            post_id=post.id,
            author_id=actor,
            author_name="the organization" if actor == self.organization else "LinkedIn member",
            text=str((item.get("message") or {}).get("text") or ""),
            created_at=created,
            updated_at=updated,
            is_brand=actor == self.organization,
            parent_id=str(parent) if parent else None,
            thread_id=str(parent or urn),
            url=f"https://www.linkedin.com/feed/update/{post.id}/?commentUrn={encoded(urn)}",
            post_title=post.title,
            post_url=post.url,
        )

    # --- replying and checking ---------------------------------------------------------------------------------

    def reply(self, comment: CommentRecord, text: str) -> CommentRecord:
        root = comment.thread_id or comment.external_id
        activity = _ACTIVITY.match(root)
        body = {"actor": self.organization, "object": activity.group(1) if activity else comment.post_id,
                "parentComment": root, "message": {"text": text}}
        url = f"{self.api_url}/socialActions/{encoded(root)}/comments"
        response = self.http.request("POST", url, json=body, headers=restli(CREATE))
        created = self._created_comment(response, body)
        post = WatchedPost(comment.post_id, None, comment.post_title, comment.post_url)
        with self.http.reading(url):
            return self._comment(created, post, root)

    def _created_comment(self, response: requests.Response, sent: dict) -> dict:
        """201 with the comment as body; where the body is empty, the new id from `x-restli-id`."""
        try:
            created = response.json()
        except ValueError:
            created = None
        if isinstance(created, dict) and (created.get("commentUrn") or created.get("$URN")):
            return created
        new_id = response.headers.get("x-restli-id") or response.headers.get("x-linkedin-id")
        if not new_id:
            raise TemporaryError(f"LinkedIn: POST {response.url} answered no comment and no x-restli-id")
        urn = new_id if new_id.startswith("urn:") else f"urn:li:comment:({sent['object']},{new_id})"
        now_ms = int(self.http.clock().timestamp() * 1000)
        return {**sent, "commentUrn": urn, "created": {"time": now_ms}}

    def count_now(self, post_id: str) -> int:
        count = self._comment_counts([post_id]).get(post_id)
        if count is None:
            raise TemporaryError(f"LinkedIn: socialMetadata gave no comment count for {post_id}")
        return count

    def check(self) -> str:
        url = f"{self.api_url}/posts"
        self.http.get(url, params={"q": "author", "author": self.organization, "count": 1}, headers=restli(FINDER))
        return f"{self.organization}: its posts are readable"

    def _map_error(self, response: requests.Response) -> SourceError | None:
        """LinkedIn's request limits are daily, reset at midnight UTC; a 429 without Retry-After waits for it."""
        if response.status_code == 429 and not response.headers.get("Retry-After"):
            retry_at = next_utc_midnight(self.http.clock())
            return RateLimited(
                f"LinkedIn: the daily request limit is spent (HTTP 429 at {response.request.method} "
                f"{response.url.split('?')[0]}); waiting until midnight UTC", retry_at,
            )
        return None
