"""Mastodon: mentions and quotes of the brand and the brand's own replies, each with its whole thread.

Two streams, each paged forward with `min_id` by following the `Link: rel="prev"` URL Mastodon sends:
- notifications of type `mention` (replies to the brand mention it), `quote` (Mastodon 4.5) and `update`, with
  `include_filtered=true` so that a notification policy (Mastodon 4.3+) filtering new or unfollowed accounts
  hides no one. The first sync reads them newest first back to `recent_days`, not the whole history;
- the brand's own statuses, so replies written in a Mastodon app count as answers too.
Every new status brings its thread from `statuses/:id/context` (one call per thread and poll), so parents, brand
replies and users coming back arrive together.

Edits: Mastodon sends `update` notifications only to accounts that boosted the status, so the cursor keeps the 20
most recent user statuses read and every other poll reads them again (`GET statuses?id[]=`, Mastodon 4.3+, 20 at
most) in place of the brand's statuses: a newer `edited_at` is an edit. An idle poll costs two requests: the
notifications and one of those two.

The cursor holds both streams' `min_id` and the brand's account id (from `verify_credentials`, asked once).
A status that is gone when its thread is read (HTTP 404) is recorded as deleted. Ids stay opaque strings.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any, ClassVar, Iterable, Iterator
from urllib.parse import parse_qs, urlsplit

from bot.config import AccountConfig
from bot.config_keys import Option
from bot.sources.base import CommentRecord, Cursor, Page, Reread, Tally, TemporaryError, parse_time
from bot.sources.http import ApiClient, HttpSource, next_link, pages, url_option
from bot.sources.recency import RECENCY_KEY, RECENT_DAYS, recent_days, recent_since
from bot.sources.text import html_to_text

PAGE_SIZE = 40  # the documented default; statuses allow at most 40
NOTIFICATION_TYPES = ("mention", "quote", "update")
COUNTED_VISIBILITY = ("public", "unlisted")  # the replies `replies_count` counts (Status#increment_counter_caches)
WATCHED = 20  # user statuses read again for edits; GET /api/v1/statuses takes at most 20 ids
# Not public: "direct" reaches only the people mentioned (a private message), "private" only followers.
PRIVATE_VISIBILITY = ("direct", "private")
OPTIONS = (
    Option("base_url", "the brand account's server, e.g. `https://mastodon.social`"),
    Option("access_token", "an access token with scopes `read` and `write:statuses`", secret=True),
    RECENT_DAYS,
)


def _query_value(link: str | None, name: str) -> str | None:
    if not link:
        return None
    values = parse_qs(urlsplit(link).query).get(name)
    return values[0] if values else None


def _min_id_of(link: str | None) -> str | None:
    return _query_value(link, "min_id")


def _max_id_of(link: str | None) -> str | None:
    return _query_value(link, "max_id")


class MastodonSource(HttpSource):
    platform: ClassVar[str] = "mastodon"
    flat_threads: ClassVar[bool] = False

    def __init__(self, account: AccountConfig):
        self.account = account
        self.base_url = url_option(account, "base_url", "https://mastodon.social").rstrip("/")
        self.days = recent_days(account)
        token = account.secret("access_token")
        self.http = ApiClient(
            "mastodon",
            auth_hint=(
                f"Create a new access token (Preferences > Development, scopes read and write:statuses) and put it "
                f"in the variable named by {account.where('access_token_env')}."
            ),
            secrets=[token],
        )
        self.http.session.headers["Authorization"] = f"Bearer {token}"
        self.brand_id: str | None = None  # from the cursor, for the completeness audit's re-reads

    def _url(self, path: str) -> str:
        return f"{self.base_url}/api/v1/{path}"

    # fetch -----------------------------------------------------------------------------------------------------

    def fetch(self, cursor: Cursor | None) -> Iterator[Page]:
        state = dict(cursor or {})
        if "brand_id" not in state:
            state["brand_id"] = self._me()["id"]
        brand_id = state["brand_id"]
        threads: dict[str, list[CommentRecord]] = {}  # status id -> its thread, read at most once per poll

        url = self._url("notifications")
        params = {"types[]": list(NOTIFICATION_TYPES), "limit": PAGE_SIZE, "include_filtered": "true"}
        if "notifications_min_id" in state:
            pages = self._forward_pages(url, {**params, "min_id": state["notifications_min_id"]}, expect=list)
        else:
            pages = self._recent_pages(url, params)
        for items, next_min_id in pages:
            with self.http.reading(url):
                statuses = [item["status"] for item in items if item.get("status")]
            records = self._with_threads(statuses, brand_id, threads)
            if next_min_id is None and "notifications_min_id" not in state:
                yield Page(records, None)  # a first sync's older page: the cursor moves with its last page
                continue
            state["notifications_min_id"] = next_min_id or state.get("notifications_min_id")
            yield Page(records, self._watching(state, records))

        url = self._url(f"accounts/{brand_id}/statuses")
        if "statuses_min_id" not in state:  # older brand replies arrive with the threads of the mentions
            newest = self.http.get(url, params={"limit": 1}, expect=list)
            with self.http.reading(url):
                state["statuses_min_id"] = newest[0]["id"] if newest else "0"
            yield Page([], dict(state))
            return
        if state.get("watched"):  # every other poll reads the watched statuses again instead
            state["edits_next"] = not state.get("edits_next", False)
            if not state["edits_next"]:
                yield self._edits(state, brand_id)
                return
        params = {"limit": PAGE_SIZE, "exclude_reblogs": "true", "min_id": state["statuses_min_id"]}
        for statuses, next_min_id in self._forward_pages(url, params, expect=list):
            replies = [status for status in statuses if status.get("in_reply_to_id")]
            state["statuses_min_id"] = next_min_id or state["statuses_min_id"]
            records = self._with_threads(replies, brand_id, threads)
            yield Page(records, self._watching(state, records))
        if state.get("watched"):
            yield Page([], dict(state))

    def _recent_pages(self, url: str, params: dict) -> Iterator[tuple[list, str | None]]:
        """A first sync: notifications newest first, back to `recent_days`; the last page carries the `min_id`
        of the newest, the others None."""
        since = recent_since(self.days, self.http.clock())

        def read(max_id: str | None) -> tuple[list, list, str | None]:
            response = self.http.request("GET", url, params={**params, "max_id": max_id} if max_id else params)
            items = self.http.json_of(response, expect=list)
            with self.http.reading(url):
                recent = [item for item in items if parse_time(item["created_at"], "created_at") >= since]
            older = _max_id_of(next_link(response))
            return items, recent, None if len(recent) < len(items) or len(items) < PAGE_SIZE else older

        newest: str | None = None
        for items, recent, older in pages(
            read, lambda page: page[2], f"mastodon {url}", goal=f"{self.days} days back ({RECENCY_KEY})",
            then=f"the next poll starts the first sync again; a smaller {self.account.where(RECENCY_KEY)} reads less",
        ):
            with self.http.reading(url):
                newest = newest or (items[0]["id"] if items else "0")
            yield recent, newest if older is None else None

    @staticmethod
    def _watching(state: dict, records: list[CommentRecord]) -> dict:
        """The cursor, with the most recent user statuses to read again for edits."""
        watched = dict(state.get("watched", {}))
        for record in records:
            if not record.is_brand and not record.deleted:
                edited = record.updated_at.isoformat() if record.updated_at else ""
                watched[record.external_id] = [record.post_id, record.parent_id, edited]
        newest = sorted(watched, key=lambda key: (len(key), key))[-WATCHED:]
        state["watched"] = {key: watched[key] for key in newest}
        return dict(state)

    def _edits(self, state: dict, brand_id: str) -> Page:
        url = self._url("statuses")
        watched = state["watched"]
        statuses = self.http.get(url, params={"id[]": list(watched)}, expect=list)
        edited = []
        with self.http.reading(url):
            for status in statuses:
                post_id, parent_id, seen = watched.get(status["id"]) or [None, None, ""]
                if post_id is None or not status.get("edited_at"):
                    continue
                record = replace(self._record(status, brand_id, root=None), post_id=post_id, parent_id=parent_id,
                                 post_title=None, post_url=None)
                if record.updated_at and record.updated_at.isoformat() != seen:
                    edited.append(record)
        return Page(edited, self._watching(state, edited))

    def _forward_pages(self, url: str, params: dict, expect: type) -> Iterator[tuple[list, str | None]]:
        """Pages newer than `min_id`, oldest page first, each with the `min_id` that resumes after it.

        The next `min_id` comes from the `Link: rel="prev"` URL; our own parameters are sent again with it,
        because Mastodon's link leaves out `limit`. Each page is stored with its `min_id`, so a read that takes
        MAX_PAGES pages ends there and the next poll goes on from it.
        """

        def read(min_id: str | None) -> tuple[list, str | None]:
            response = self.http.request("GET", url, params={**params, "min_id": min_id} if min_id else params)
            return self.http.json_of(response, expect=expect), _min_id_of(next_link(response, "prev"))

        def next_min_id(page: tuple[list, str | None]) -> str | None:
            body, min_id = page
            return min_id if len(body) >= PAGE_SIZE else None

        for body, min_id in pages(read, next_min_id, f"mastodon {url}", resumes=True):
            if not body:
                return
            yield body, min_id

    def _with_threads(
        self, statuses: Iterable[dict], brand_id: str, threads: dict[str, list[CommentRecord]]
    ) -> list[CommentRecord]:
        records: dict[str, CommentRecord] = {}
        for status in statuses:
            with self.http.reading(self._url("notifications")):
                status_id = status["id"]
            if status_id not in threads:
                thread = self._thread(status, brand_id)
                for record in thread:
                    threads[record.external_id] = thread
                threads.setdefault(status_id, thread)
            for record in threads[status_id]:
                records[record.external_id] = record
        return list(records.values())

    def _thread(self, status: dict, brand_id: str) -> list[CommentRecord]:
        url = self._url(f"statuses/{status['id']}/context")
        response = self.http.request("GET", url, accept=(404,))
        if response.status_code == 404:  # deleted before we read its thread
            with self.http.reading(url):
                gone = self._record(status, brand_id, root=None)
            return [replace(gone, deleted=True)]
        context = self.http.json_of(response, expect=dict)
        with self.http.reading(url):
            chain = [*context["ancestors"], status, *context["descendants"]]
            root = chain[0]
            return [
                self._record(item, brand_id, root=root)
                for item in chain
                if not (item is root and item["account"]["id"] == brand_id)  # the brand's own post is the post
            ]

    def _record(self, status: dict, brand_id: str, root: dict | None) -> CommentRecord:
        root = root or status
        account = status["account"]
        parent = status.get("in_reply_to_id")
        if parent == root["id"] and root["account"]["id"] == brand_id:
            parent = None  # answers the post itself
        text = html_to_text(status["content"])
        if status.get("spoiler_text"):
            text = f"[{status['spoiler_text']}] {text}"
        return CommentRecord(
            external_id=status["id"],
            post_id=root["id"],
            author_id=account["id"],
            author_name=account.get("display_name") or account["username"],
            author_handle=account["acct"],
            text=text,
            created_at=parse_time(status["created_at"], f"mastodon status {status['id']}: created_at"),
            updated_at=parse_time(status["edited_at"], "edited_at") if status.get("edited_at") else None,
            is_brand=account["id"] == brand_id,
            parent_id=parent,
            url=status.get("url") or status.get("uri"),
            post_title=html_to_text(root["content"])[:120] or None,
            post_url=root.get("url") or root.get("uri"),
            extra=self._reply_context(status, brand_id),
            private=status.get("visibility") in PRIVATE_VISIBILITY,
        )

    @staticmethod
    def _reply_context(status: dict, brand_id: str) -> dict[str, Any]:
        """What a reply keeps of the status it answers, as Mastodon's own clients do: its visibility, its content
        warning, and everyone it mentions besides the brand and its author (the author is mentioned first)."""
        context: dict[str, Any] = {"visibility": status.get("visibility", "public")}
        if status.get("spoiler_text"):
            context["spoiler_text"] = status["spoiler_text"]
        others = [m["acct"] for m in status.get("mentions") or [] if m["id"] not in (brand_id, status["account"]["id"])]
        if others:
            context["mentions"] = others
        return context

    # completeness (bot/engine/audit.py) ----------------------------------------------------------------------

    def tallies(self, cursor: Cursor | None, budget: int, posts: list[str]) -> list[Tally]:
        """`replies_count` of the brand's newest posts (one request): direct replies, public and unlisted only."""
        self.brand_id = (cursor or {}).get("brand_id")
        if budget < 1 or not self.brand_id:
            return []
        url = self._url(f"accounts/{self.brand_id}/statuses")
        posts = self.http.get(url, params={"limit": PAGE_SIZE, "exclude_replies": "true", "exclude_reblogs": "true"},
                              expect=list)
        with self.http.reading(url):
            return [self._tally(post) for post in posts]

    def reread(self, post_id: str | None) -> Reread:
        """The post's whole thread (`context`), with its count read afresh."""
        url = self._url(f"statuses/{post_id}")
        post = self.http.get(url)
        with self.http.reading(url):
            tally = self._tally(post)
        return Reread(self._thread(post, str(self.brand_id)), tally, complete=True)

    @staticmethod
    def _tally(post: dict) -> Tally:
        return Tally(str(post["id"]), int(post["replies_count"]), top_level=True, exact=False,
                     extra_in=("visibility", COUNTED_VISIBILITY))

    # reply and check -------------------------------------------------------------------------------------------

    def reply(self, comment: CommentRecord, text: str) -> CommentRecord:
        """Answers as the brand the way Mastodon's own clients do: mentioning the author and everyone else the
        comment mentions (so they are notified), in the comment's visibility, under its content warning."""
        context = comment.extra or {}
        handles = [comment.author_handle, *context.get("mentions", [])]
        missing = [f"@{handle}" for handle in dict.fromkeys(handles) if handle and f"@{handle}".lower() not in text.lower()]
        text = " ".join([*missing, text])
        key = hashlib.sha256(f"{self.account.name}\0{comment.external_id}\0{text}".encode()).hexdigest()
        form = {"status": text, "in_reply_to_id": comment.external_id, "visibility": context.get("visibility", "public")}
        if context.get("spoiler_text"):
            form["spoiler_text"] = context["spoiler_text"]
        url = self._url("statuses")
        response = self.http.request("POST", url, data=form, headers={"Idempotency-Key": key}, idempotent=True)
        status = self.http.json_of(response, expect=dict)
        with self.http.reading(url):
            posted = self._record(status, status["account"]["id"], root=None)
        return replace(
            posted, post_id=comment.post_id, parent_id=comment.external_id,
            post_title=comment.post_title, post_url=comment.post_url,
        )

    def check(self) -> str:
        me = self._me()
        return f"@{me['acct']} on {self.base_url}"

    def _me(self) -> dict[str, Any]:
        url = self._url("accounts/verify_credentials")
        me = self.http.get(url)
        with self.http.reading(url):
            if not isinstance(me["id"], str) or not me["acct"]:
                raise TemporaryError(f"mastodon: {url} did not name the account")
        return me
