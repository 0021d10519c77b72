"""Reddit through OAuth as a "script" app: the brand account's inbox, its own comments, its submissions' trees.

- The inbox (`/message/inbox`) brings comment replies, post replies and username mentions, also on old posts.
- `/user/{brand}/comments` brings the brand's own comments, so a reply typed in Reddit's UI answers its parent.
- `/user/{brand}/submitted` lists the brand's posts of the recency window; a post's tree (`/comments/{id}`) is
  read again only when its `num_comments` changed.
The inbox is read every poll; the brand's comments and its posts take turns (a poll whose inbox brought something
reads both), so an idle poll costs two requests. Listings come newest first and have no "since": each is read
down to a watermark (time plus the ids seen at that second), kept in the cursor. `num_comments` also counts
removed, deleted and spam comments, so it cannot be compared with the store: the completeness audit is a slow
sweep (bot/sources/sweep.py) reading the recent posts' trees whole, in turn. Pacing follows the `X-Ratelimit-*`
headers (100 queries a minute per client id, reported as a 10-minute window).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any, ClassVar, Iterator

from bot.clock import utcnow
from bot.config import AccountConfig, ConfigError
from bot.config_keys import Option
from bot.sources.base import AuthError, CommentRecord, Cursor, Headroom, Page, RateLimited, Reread, Tally
from bot.sources.base import TemporaryError
from bot.sources.http import (
    ApiClient, HttpSource, api_url, make_session, newest_first, pages, standard_headroom, url_option,
)
from bot.sources.recency import RECENT_DAYS, recent_days, recent_since
from bot.sources.sweep import sweep
from bot.sources.tokens import cached_token, forget_token
from bot.sources.watermark import Watermark

API_URL = "https://oauth.reddit.com"
AUTH_URL = "https://www.reddit.com"
WEB_URL = "https://www.reddit.com"
LISTING_LIMIT = 100
MORECHILDREN_BATCH = 100
OPTIONS = (
    Option("username", "the brand's Reddit account; the script app acts as it"),
    Option("client_id", "the script app's id (under its name on reddit.com/prefs/apps)"),
    Option("client_secret", "the script app's secret", secret=True),
    Option("password", "the brand account's password", secret=True),
    Option("user_agent", "the User-Agent Reddit asks apps to set", None,
           shown_default="`python:reply-nudge:0.1 (by /u/<username>)`"),
    api_url(API_URL),
    Option("auth_url", "where Reddit's OAuth tokens come from", AUTH_URL),
    RECENT_DAYS,
)
_ARTICLE = re.compile(r"/comments/([a-z0-9]+)/", re.IGNORECASE)
_TRY_AGAIN = re.compile(r"try again in (\d+) (second|minute)", re.IGNORECASE)


def _utc(seconds: Any, where: str) -> datetime:
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        raise TemporaryError(f"{where}: created_utc is not a number")
    return datetime.fromtimestamp(seconds, timezone.utc)


def _bare(fullname: str | None) -> str | None:
    """`t1_abc` -> `abc`; the prefix says the kind, the rest is the id."""
    return fullname.split("_", 1)[1] if fullname and "_" in fullname else fullname


def reddit_headroom(response, now: datetime) -> Headroom | None:
    """Reddit sends no limit header, but remaining + used is the window's size."""
    headroom = standard_headroom(response, now)
    used = response.headers.get("X-Ratelimit-Used")
    if headroom is None or headroom.limit or not used:
        return headroom
    try:
        return Headroom(headroom.remaining, headroom.remaining + int(float(used)), headroom.reset_at)
    except ValueError:
        return headroom


class RedditSource(HttpSource):
    platform: ClassVar[str] = "reddit"
    flat_threads: ClassVar[bool] = False
    requests_per_poll = 2

    def __init__(self, account: AccountConfig):
        self.account = account
        self.username = str(account.option("username", required=True))
        self.client_id = str(account.option("client_id", required=True))
        self.client_secret = account.secret("client_secret")
        self.password = account.secret("password")
        self.days = recent_days(account)
        user_agent = account.option("user_agent") or f"python:reply-nudge:0.1 (by /u/{self.username})"
        if not isinstance(user_agent, str):
            raise ConfigError(f"{account.where('user_agent')}: must be a string")
        self.api_url = url_option(account, "api_url", API_URL, API_URL).rstrip("/")
        self.auth_url = url_option(account, "auth_url", AUTH_URL, AUTH_URL).rstrip("/")
        session = make_session()
        session.headers["User-Agent"] = user_agent  # Reddit asks for one naming the app and its owner
        self.http = ApiClient(
            "Reddit",
            auth_hint="Check the script app's client id and secret (reddit.com/prefs/apps) and the account's password.",
            secrets=(self.client_secret, self.password),
            session=session,
            read_headroom=reddit_headroom,
        )
        self._token_key = (self.auth_url, self.client_id, self.username.lower())

    # --- the Source contract -------------------------------------------------------------------------------

    def fetch(self, cursor: Cursor | None) -> Iterator[Page]:
        cursor = dict(cursor or {})
        since = recent_since(self.days, utcnow()).timestamp()
        turn = cursor.get("turn")  # "own" or "posts": what this poll reads after the inbox (None: both)

        inbox = Watermark(cursor.get("inbox"))
        records = [self._record(item) for item in self._listing("/message/inbox", inbox, since) if item.get("was_comment")]
        cursor["inbox"] = inbox.state()
        yield Page(records, dict(cursor))
        busy = bool(records)

        if turn != "posts" or busy:
            own = Watermark(cursor.get("own"))
            records = [self._record(item) for item in self._listing(f"/user/{self.username}/comments", own, since)]
            cursor["own"] = own.state()
            yield Page(records, dict(cursor))

        if turn != "own" or busy:
            yield from self._changed_trees(cursor, since)
        cursor["turn"] = "posts" if turn == "own" else "own"
        yield Page([], dict(cursor))

    def _changed_trees(self, cursor: dict, since: float) -> Iterator[Page]:
        """The brand's recent posts, and the tree of each whose `num_comments` moved."""
        counts: dict[str, int] = dict(cursor.get("posts", {}))
        watched: dict[str, int] = {}
        for post in self._recent_submissions(since):
            article, count = str(post["id"]), int(post.get("num_comments") or 0)
            watched[article] = count
            if counts.get(article) == count:
                continue
            records, _ = self._tree(article)
            counts[article] = count
            cursor["posts"] = {key: value for key, value in counts.items() if key in watched or key == article}
            yield Page(records, dict(cursor))
        cursor["posts"] = watched

    # --- the completeness audit: a slow sweep of the recent posts' trees -----------------------------------------

    def tallies(self, cursor: Cursor | None, budget: int, posts: list[str]) -> list[Reread]:
        if not budget:
            return []
        commented = [article for article, count in ((cursor or {}).get("posts") or {}).items() if count]
        return sweep(cursor, budget, commented, self.reread, lambda: self.http.requests_sent)

    def reread(self, post_id: str | None) -> Reread:
        records, complete = self._tree(str(post_id))
        shown = sum(1 for record in records if not record.deleted)
        return Reread(records, Tally(post_id, shown, exact=complete), complete)  # cut short: a floor

    def reply(self, comment: CommentRecord, text: str) -> CommentRecord:
        data = self._call(
            "POST", "/api/comment", params={"raw_json": 1},
            data={"api_type": "json", "thing_id": f"t1_{comment.external_id}", "text": text},
        )
        answer = data.get("json")
        if not isinstance(answer, dict):
            raise TemporaryError(f"{self.api_url}/api/comment: unexpected response shape")
        if answer.get("errors"):
            self._raise_action_error(answer["errors"])
        things = (answer.get("data") or {}).get("things") or []
        if not things or not isinstance(things[0], dict) or not isinstance(things[0].get("data"), dict):
            raise TemporaryError(f"{self.api_url}/api/comment: the response names no new comment")
        created = things[0]["data"]
        created.setdefault("link_title", comment.post_title)
        return self._record(created)

    def check(self) -> str:
        me = self._call("GET", "/api/v1/me")
        name = me.get("name")
        if not isinstance(name, str) or name.lower() != self.username.lower():
            raise AuthError(
                f"{self.account.where('username')}: the credentials belong to u/{name}, not u/{self.username}"
            )
        return f"u/{name}"

    # --- reading ---------------------------------------------------------------------------------------------

    def _listing(self, path: str, mark: Watermark, since: float) -> list[dict]:
        """Items newer than the watermark (and than `since` on the first read), newest first."""
        first_read = mark.time == 0.0
        where = f"{self.api_url}{path}"

        def dated(page: tuple[list[dict], str | None]) -> Iterator[tuple[float, str, dict]]:
            for child in page[0]:
                yield _utc(child.get("created_utc"), where).timestamp(), str(child.get("name") or ""), child

        def reached(entry: tuple[float, str, dict]) -> bool:
            created, name, _ = entry
            return mark.seen(created, name) or (first_read and created < since)

        listing = pages(lambda after: self._page(path, {}, after), lambda page: page[1], f"Reddit {where}")
        found = [child for _, _, child in newest_first(map(dated, listing), reached)]
        for child in found:
            mark.advance(float(child["created_utc"]), str(child.get("name") or ""))
        return found

    def _recent_submissions(self, since: float) -> list[dict]:
        path = f"/user/{self.username}/submitted"
        where = f"{self.api_url}{path}"

        def read(after: str | None) -> tuple[list[dict], str | None]:
            children, after = self._page(path, {"sort": "new"}, after)
            recent = [c for c in children if _utc(c.get("created_utc"), where).timestamp() >= since and c.get("id")]
            return recent, after if len(recent) == len(children) else None  # an older post ends the window

        posts: list[dict] = []
        for recent, _ in pages(read, lambda page: page[1], f"Reddit {where}", goal="the end of the recency window",
                               then="the next poll reads it again"):
            posts.extend(recent)
        return posts

    def _page(self, path: str, params: dict, after: str | None) -> tuple[list[dict], str | None]:
        """One page of a listing (`after` the last item of the page before) and the `after` of the next."""
        params = {"limit": LISTING_LIMIT, **params, "raw_json": 1}
        if after:
            params["after"] = after
        return self._children(self._call("GET", path, params=params), path)

    def _tree(self, article: str) -> tuple[list[CommentRecord], bool]:
        """Every comment the post's tree shows, and whether that is all of them: a "continue this thread" stub
        (a `more` without ids, for branches deeper than the tree goes) leaves comments out."""
        path = f"/comments/{article}"
        data = self._call("GET", path, expect=list, params={"sort": "new", "limit": 500, "raw_json": 1})
        if len(data) != 2:
            raise TemporaryError(f"{self.api_url}{path}: expected [submission, comments] listings")
        submissions, _ = self._children(data[0], path)
        title = submissions[0].get("title") if submissions else None
        records: list[CommentRecord] = []
        hidden: list[str] = []
        deeper = self._walk(data[1], title, records, hidden)
        while hidden:  # "more" stubs: comments Reddit left out of the first response
            batch, hidden = hidden[:MORECHILDREN_BATCH], hidden[MORECHILDREN_BATCH:]
            answer = self._call(
                "GET",
                "/api/morechildren",
                params={"api_type": "json", "link_id": f"t3_{article}", "children": ",".join(batch), "raw_json": 1},
            )
            things = ((answer.get("json") or {}).get("data") or {}).get("things")
            if not isinstance(things, list):
                raise TemporaryError(f"{self.api_url}/api/morechildren: unexpected response shape")
            for thing in things:
                deeper |= self._visit(thing, title, records, hidden)
        return records, not deeper

    def _walk(self, listing: Any, title: str | None, records: list[CommentRecord], hidden: list[str]) -> bool:
        """Collect the listing's comments and `more` ids; True when a branch goes on past what was sent."""
        if listing in ("", None):
            return False
        if not isinstance(listing, dict) or not isinstance((listing.get("data") or {}).get("children"), list):
            raise TemporaryError(f"{self.api_url}: a comment tree holds something that is not a listing")
        deeper = False
        for thing in listing["data"]["children"]:
            deeper |= self._visit(thing, title, records, hidden)
        return deeper

    def _visit(self, thing: Any, title: str | None, records: list[CommentRecord], hidden: list[str]) -> bool:
        if not isinstance(thing, dict) or not isinstance(thing.get("data"), dict):
            raise TemporaryError(f"{self.api_url}: a comment tree holds something that is not a thing")
        data = thing["data"]
        if thing.get("kind") == "more":
            children = [str(child) for child in data.get("children") or []]
            hidden.extend(children)
            return not children
        if thing.get("kind") != "t1":
            return False
        data.setdefault("link_title", title)
        records.append(self._record(data))
        return self._walk(data.get("replies"), title, records, hidden)

    def _children(self, listing: Any, path: str) -> tuple[list[dict], str | None]:
        data = listing.get("data") if isinstance(listing, dict) else None
        children = data.get("children") if isinstance(data, dict) else None
        if not isinstance(children, list) or not all(isinstance(c, dict) for c in children):
            raise TemporaryError(f"{self.api_url}{path}: expected a Listing")
        items = [c.get("data") for c in children]
        if not all(isinstance(item, dict) for item in items):
            raise TemporaryError(f"{self.api_url}{path}: a Listing child has no data")
        return items, data.get("after") or None

    def _record(self, item: dict) -> CommentRecord:
        where = f"{self.api_url}: comment {item.get('name') or item.get('id')}"
        if not item.get("id") or not isinstance(item.get("body"), str):
            raise TemporaryError(f"{where}: missing id or body")
        article = _bare(item.get("link_id"))
        if not article:
            match = _ARTICLE.search(str(item.get("context") or item.get("permalink") or ""))
            if not match:
                raise TemporaryError(f"{where}: names no post (no link_id or context)")
            article = match.group(1)
        parent = item.get("parent_id")
        author = str(item.get("author") or "[deleted]")
        permalink = item.get("permalink") or item.get("context")
        edited = item.get("edited")
        return CommentRecord(
            external_id=str(item["id"]),
            post_id=article,
            author_id=author.lower(),
            author_name=author,
            author_handle=f"u/{author}",
            text=item["body"],
            created_at=_utc(item.get("created_utc"), where),
            is_brand=author.lower() == self.username.lower(),
            parent_id=_bare(parent) if isinstance(parent, str) and parent.startswith("t1_") else None,
            url=f"{WEB_URL}{permalink}" if isinstance(permalink, str) and permalink.startswith("/") else None,
            updated_at=_utc(edited, where) if isinstance(edited, (int, float)) and not isinstance(edited, bool) else None,
            deleted=author == "[deleted]" or item["body"] in ("[deleted]", "[removed]"),
            post_title=item.get("link_title"),
            post_url=f"{WEB_URL}/comments/{article}/",
        )

    # --- HTTP ------------------------------------------------------------------------------------------------

    def _call(self, method: str, path: str, *, expect: type = dict, **kwargs) -> Any:
        token = cached_token(self._token_key, self._obtain_token)
        try:
            return self.http.json(
                method, f"{self.api_url}{path}", expect=expect, headers={"Authorization": f"bearer {token}"}, **kwargs
            )
        except AuthError:
            forget_token(self._token_key)  # revoked or expired early: the next poll logs in again
            raise

    def _obtain_token(self) -> tuple[str, float]:
        data = self.http.json(
            "POST",
            f"{self.auth_url}/api/v1/access_token",
            auth=(self.client_id, self.client_secret),
            data={"grant_type": "password", "username": self.username, "password": self.password},
            idempotent=True,
        )
        if data.get("error") or not data.get("access_token"):  # a wrong password is a 200 with {"error": ...}
            raise AuthError(
                f"{self.account.where('password_env')}: Reddit refused the script-app login "
                f"({data.get('error') or 'no access_token'}); check username, password, client id and secret"
            )
        return str(data["access_token"]), float(data.get("expires_in") or 3600)

    def _raise_action_error(self, errors: list) -> None:
        first = errors[0] if isinstance(errors[0], list) else [str(errors[0])]
        code, message = str(first[0]), str(first[1]) if len(first) > 1 else str(first[0])
        if code == "RATELIMIT":
            match = _TRY_AGAIN.search(message)
            seconds = int(match.group(1)) * (60 if match and match.group(2).lower() == "minute" else 1) if match else 600
            raise RateLimited(f"Reddit: {message}", retry_at=utcnow() + timedelta(seconds=seconds))
        raise TemporaryError(f"Reddit refused the reply: {code}: {message}")
