"""WordPress: a site's comments through the REST API, authenticated with an Application Password.

- The API root comes from the `Link: <…>; rel="https://api.w.org/"` header of the site's home page, so sites with
  pretty permalinks (`/wp-json/`) and without (`/?rest_route=/`) both work. It is kept in the cursor with the brand's
  user id and whether it sees the moderation queue (both from `users/me?context=edit`), so later polls skip both.
- New comments: `after` the newest comment seen, oldest first, 100 a page, every page. WordPress compares `after`
  with the comment's local `date`, so the request uses that (less a second) and the date_gmt + id of the newest
  comment seen decides what is new: comments written in the same second are neither lost nor read twice.
- The moderation queue: a comment keeps its original date when it is approved, so a date watermark alone misses
  every comment approved after newer ones were read. Where the brand's user may edit posts (role Author or above),
  WordPress lists held comments too (`status=all`): they arrive with the watermark, are stored as held for
  moderation, and the cursor keeps their ids until they are approved (stored as approved), spammed or trashed
  (deleted). Held comments older than the recheck window are read again by id (`include=`), in turn with the
  recheck below while there are any. Without that right, a comment approved late is read only if it is among the
  100 newest.
- Edits and deletions (WordPress records no modification time): each poll also reads the 100 most recent comments
  and compares them with what the cursor remembers of them: changed text is an edit, a changed status an approval,
  a comment gone from that window was trashed, marked spam, unapproved or deleted.
An idle poll costs two requests.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any, ClassVar, Iterator
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import requests

from bot.clock import utcnow
from bot.config import AccountConfig, ConfigError
from bot.config_keys import Option
from bot.sources.base import AuthError, CommentRecord, Cursor, Page, Reread, Tally, TemporaryError, parse_time
from bot.sources.http import ApiClient, HttpSource, PageCapReached, pages, redact_url, same_origin, url_option
from bot.sources.text import html_to_text

PER_PAGE = 100
REREAD_PAGES = 3  # a re-read of the whole site reads the 300 newest comments by id
DIGEST, HELD = 1, 2  # positions in what the cursor remembers of a recent comment
API_LINK_REL = "https://api.w.org/"
OPTIONS = (
    Option("url", "the site's home page; the REST API root is found from it"),
    Option("username", "the user the brand replies as; their comments are the brand's"),
    Option("app_password", "an Application Password of that user", secret=True),
)


def endpoint(api_root: str, route: str) -> str:
    """A route under the API root, for either form of root."""
    parts = urlsplit(api_root)
    if "rest_route" in parse_qs(parts.query):
        return urlunsplit(parts._replace(query=urlencode({"rest_route": f"/{route}"})))
    return api_root.rstrip("/") + "/" + route


def _digest(comment: dict) -> str:
    return hashlib.sha256(comment["content"]["rendered"].encode()).hexdigest()[:12]


def _held(comment: dict) -> bool:
    return comment.get("status") == "hold"


def _sees_held(me: dict) -> bool:
    """WordPress lets `status` other than approve through for users who may edit posts (and then lists the held
    comments they may edit)."""
    return bool((me.get("capabilities") or {}).get("edit_posts"))


def _statuses(state: dict) -> dict[str, str]:
    return {"status": "all"} if state.get("sees_held") else {}


def _position(comment: dict) -> tuple[str, int]:
    return comment["date_gmt"], int(comment["id"])


class WordPressSource(HttpSource):
    platform: ClassVar[str] = "wordpress"
    flat_threads: ClassVar[bool] = False

    def __init__(self, account: AccountConfig):
        self.account = account
        url = url_option(account, "url", "https://blog.example.com")
        username = account.option("username", required=True)
        if not isinstance(username, str) or not username:
            raise ConfigError(f"{account.where('username')}: must be the WordPress user name of the brand")
        self.site_url = url
        self.username = username
        self.site: dict[str, Any] | None = None  # API root and brand user ids, once known
        self.site_total: str | None = None  # X-WP-Total of the last poll's recheck: every approved comment
        password = account.secret("app_password")
        self.http = ApiClient(
            "wordpress",
            auth_hint=(
                f"Create an Application Password for {username} (Users > Profile > Application Passwords) and put "
                f"it in the variable named by {account.where('app_password_env')}."
            ),
            secrets=[password],
        )
        self.http.session.auth = (username, password)

    # fetch -----------------------------------------------------------------------------------------------------

    def fetch(self, cursor: Cursor | None) -> Iterator[Page]:
        state = dict(cursor or {})
        if "api_root" not in state:
            state["api_root"] = self._discover_root()
        if "sees_held" not in state:  # also for cursors written before the moderation queue was read
            me = self._me(state["api_root"])
            state["brand_ids"], state["sees_held"] = [me["id"]], _sees_held(me)
            state["recent"] = {key: [date, digest, False, *rest] for key, (date, digest, *rest) in
                               state.get("recent", {}).items()}
        self.site = {"api_root": state["api_root"], "brand_ids": state["brand_ids"], "sees_held": state["sees_held"]}
        recent: dict[str, list] = dict(state.get("recent", {}))
        yield from self._new_comments(state, recent)
        if state.get("held_behind") and state.get("turn") != "held":  # the two take turns: an idle poll is 2 calls
            state["turn"] = "held"
            yield from self._follow_held(state, recent)
        else:
            state["turn"] = "recheck"
            yield from self._recheck(state, recent)

    def _new_comments(self, state: dict, recent: dict[str, list]) -> Iterator[Page]:
        url = endpoint(state["api_root"], "wp/v2/comments")
        params: dict[str, Any] = {
            "orderby": "date_gmt", "order": "asc", "per_page": PER_PAGE, "_embed": "up", **_statuses(state)
        }
        if "after_date" in state:
            local = datetime.fromisoformat(state["after_date"]) - timedelta(seconds=1)
            params["after"] = local.isoformat()
        seen = (state.get("after_gmt", ""), state.get("after_id", 0))

        def read(page: int | None) -> tuple[int, requests.Response]:
            return page or 1, self.http.request("GET", url, params={**params, "page": page or 1})

        def next_page(answer: tuple[int, requests.Response]) -> int | None:
            page, response = answer
            with self.http.reading(url):
                last = int(response.headers.get("X-WP-TotalPages") or page)
            return page + 1 if page < last else None  # not a short page: held comments the user may not edit are left out

        for _, response in pages(read, next_page, f"wordpress {redact_url(url)}", resumes=True):
            items = self.http.json_of(response, expect=list)
            with self.http.reading(url):
                fresh = [item for item in items if _position(item) > seen]
                records = [self._record(item, state) for item in fresh]
                if fresh:
                    newest = max(fresh, key=_position)
                    state.update(after_date=newest["date"], after_gmt=newest["date_gmt"], after_id=int(newest["id"]))
                    self._remember(recent, fresh)
                    state["recent"] = recent
                total = response.headers.get("X-WP-Total", "")  # for progress only: a bad one is no error here
                expected = int(total) if total.isdigit() else None
            if records:
                yield Page(records, dict(state), expected)

    def _recheck(self, state: dict, recent: dict[str, list]) -> Iterator[Page]:
        url = endpoint(state["api_root"], "wp/v2/comments")
        params = {"orderby": "date_gmt", "order": "desc", "per_page": PER_PAGE, **_statuses(state)}
        response = self.http.request("GET", url, params=params)
        items = self.http.json_of(response, expect=list)
        self.site_total = response.headers.get("X-WP-Total")  # the completeness audit's count, at no cost
        with self.http.reading(url):
            listed = {str(item["id"]): item for item in items}
            oldest = min((_position(item) for item in items), default=None)
            window_full = len(items) >= PER_PAGE
            behind = {  # older than the window: not gone, only out of sight
                key for key, (date_gmt, *_rest) in recent.items()
                if key not in listed and window_full and (date_gmt, int(key)) < oldest
            }
        with self.http.reading(url):
            now = utcnow()
            changed = [
                replace(self._record(item, state), updated_at=now if recent[key][DIGEST] != _digest(item) else None)
                for key, item in listed.items()
                if key in recent and recent[key][DIGEST : HELD + 1] != [_digest(item), _held(item)]
            ]
            unseen = [self._record(item, state) for key, item in listed.items() if key not in recent]
        gone = [key for key in recent if key not in listed and key not in behind]
        deleted = [self._deleted(state, key, recent[key]) for key in gone]
        fresh_recent = {key: recent[key] for key in behind if recent[key][HELD]}  # followed by id at their turn
        self._remember(fresh_recent, list(listed.values()))
        state["held_behind"] = sorted(key for key in behind if recent[key][HELD])
        if changed or unseen or deleted or fresh_recent != recent:
            state["recent"] = fresh_recent
        yield Page([*changed, *unseen, *deleted], dict(state))

    def _follow_held(self, state: dict, recent: dict[str, list]) -> Iterator[Page]:
        """The held comments older than the recheck window, read by id: still held, approved since (stored as
        approved) or gone (spam, trash, deleted)."""
        keys = state["held_behind"]
        url = endpoint(state["api_root"], "wp/v2/comments")
        found = self._by_id(state, keys)
        with self.http.reading(url):
            changed = [self._record(item, state) for key, item in found.items() if not _held(item)]
        deleted = [self._deleted(state, key, recent[key]) for key in keys if key not in found]
        state["held_behind"] = [key for key in keys if key in found and _held(found[key])]
        state["recent"] = {key: value for key, value in recent.items()
                           if not value[HELD] or key not in keys or key in state["held_behind"]}
        yield Page([*changed, *deleted], dict(state))

    def _by_id(self, state: dict, keys: list[str]) -> dict[str, dict]:
        """The comments named, as far as they are still held or approved."""
        url = endpoint(state["api_root"], "wp/v2/comments")
        found: dict[str, dict] = {}
        for start in range(0, len(keys), PER_PAGE):
            chunk = keys[start : start + PER_PAGE]
            params = {"include": ",".join(chunk), "per_page": PER_PAGE, **_statuses(state)}
            items = self.http.get(url, params=params, expect=list)
            with self.http.reading(url):
                found.update((str(item["id"]), item) for item in items)
        return found

    @staticmethod
    def _remember(recent: dict[str, list], items: list[dict]) -> None:
        """Keep what a later poll needs to notice an edit, an approval or a deletion: the 100 most recent comments
        and every comment still held for moderation."""
        for item in items:
            author = item["author"] or 0
            recent[str(item["id"])] = [
                item["date_gmt"], _digest(item), _held(item), str(item["post"]), author, item["author_name"]
            ]
        newest = set(sorted(recent, key=lambda k: (recent[k][0], int(k)))[-PER_PAGE:])
        for key in [key for key, value in recent.items() if key not in newest and not value[HELD]]:
            del recent[key]

    def _deleted(self, state: dict, key: str, remembered: list) -> CommentRecord:
        """The comment as WordPress still has it (trash, spam, pending), or what we remember of it."""
        url = endpoint(state["api_root"], f"wp/v2/comments/{key}")
        response = self.http.request("GET", url, params={"context": "edit"}, accept=(401, 403, 404))
        if response.ok:
            item = self.http.json_of(response, expect=dict)
            with self.http.reading(url):
                return replace(self._record(item, state), deleted=True)
        date_gmt, _, _, post, author, author_name = remembered
        return CommentRecord(
            external_id=key, post_id=post, author_id=self._author_key(author, author_name), author_name=author_name,
            text="", created_at=parse_time(date_gmt + "Z", "date_gmt"), deleted=True,
            is_brand=author in state["brand_ids"],
        )

    @staticmethod
    def _author_key(author: int, author_name: str) -> str:
        return str(author) if author else f"guest:{author_name}"

    def _record(self, item: dict, state: dict) -> CommentRecord:
        post = (item.get("_embedded") or {}).get("up") or [{}]
        title = (post[0].get("title") or {}).get("rendered") if isinstance(post[0], dict) else None
        author = int(item["author"] or 0)
        link = item.get("link")
        return CommentRecord(
            external_id=str(item["id"]),
            post_id=str(item["post"]),
            author_id=self._author_key(author, item["author_name"]),
            author_name=item["author_name"] or "Anonymous",
            text=html_to_text(item["content"]["rendered"]),
            created_at=parse_time(item["date_gmt"] + "Z", f"wordpress comment {item['id']}: date_gmt"),
            is_brand=author != 0 and author in state["brand_ids"],
            parent_id=str(item["parent"]) if item.get("parent") else None,
            url=link,
            deleted=item.get("status", "approved") not in ("approved", "approve", "hold"),
            held=_held(item),
            post_title=html_to_text(title) if title else None,
            post_url=link.split("#", 1)[0] if link else None,
        )

    # completeness --------------------------------------------------------------------------------------------

    def tallies(self, cursor: Cursor | None, budget: int, posts: list[str]) -> list[Tally]:
        """The site's approved comments, and held ones where the brand sees them, as the last poll's recheck
        counted them (`X-WP-Total`)."""
        if self.site_total is None or not self.site:
            return []
        return [Tally(None, self._total(self.site_total))]

    def reread(self, post_id: str | None) -> Reread:
        """The newest comments by id (WordPress numbers comments as they are written, so a comment approved late
        is among them although its date is old), REREAD_PAGES pages, or the post's comments; and the count."""
        assert self.site is not None, "reread follows a poll"
        url = endpoint(self.site["api_root"], "wp/v2/comments")
        params: dict[str, Any] = {
            "orderby": "id", "order": "desc", "per_page": PER_PAGE, "_embed": "up", **_statuses(self.site)
        }
        if post_id is not None:
            params["post"] = post_id
        site = self.site

        def read(page: int | None) -> tuple[int, list, int]:
            response = self.http.request("GET", url, params={**params, "page": page or 1})
            return page or 1, self.http.json_of(response, expect=list), self._total(response.headers.get("X-WP-Total"))

        records: list[CommentRecord] = []
        try:
            for _, items, total in pages(read, lambda answer: answer[0] + 1 if len(answer[1]) >= PER_PAGE else None,
                                         f"wordpress {redact_url(url)}", max_pages=REREAD_PAGES):
                with self.http.reading(url):
                    records += [self._record(item, site) for item in items]
        except PageCapReached:
            pass  # a re-read reads the newest REREAD_PAGES pages; `complete` says whether that was all
        return Reread(records, Tally(post_id, total), complete=len(records) == total)

    @staticmethod
    def _total(header: str | None) -> int:
        try:
            return int(header or "")
        except ValueError:
            raise TemporaryError(f"wordpress: X-WP-Total {header!r} is not a number") from None

    # discovery, reply and check --------------------------------------------------------------------------------

    def _discover_root(self) -> str:
        response = self.http.request("GET", self.site_url)
        root = response.links.get(API_LINK_REL, {}).get("url")
        response.close()
        if not root:
            raise TemporaryError(
                f"wordpress: {self.site_url} sent no Link header with rel=\"{API_LINK_REL}\": "
                "is it a WordPress site with the REST API enabled?"
            )
        if not same_origin(root, self.site_url):  # the application password goes only where the config says
            raise AuthError(
                f"wordpress: {self.site_url} names its API at {redact_url(root)}, another origin: the application "
                f"password is sent only to {self.site_url}; set {self.account.where('url')} to the API's origin"
            )
        return root

    def _me(self, api_root: str) -> dict:
        url = endpoint(api_root, "wp/v2/users/me")
        me = self.http.get(url, params={"context": "edit"})  # edit: with the user's capabilities
        with self.http.reading(url):
            if not isinstance(me["id"], int):
                raise TemporaryError(f"wordpress: {url} did not name the user")
        return me

    def reply(self, comment: CommentRecord, text: str) -> CommentRecord:
        """Posts a child comment as the configured user; WordPress answers 409 to an exact duplicate."""
        if self.site is None:
            api_root = self._discover_root()
            self.site = {"api_root": api_root, "brand_ids": [self._me(api_root)["id"]]}
        url = endpoint(self.site["api_root"], "wp/v2/comments")
        item = self.http.json(
            "POST", url, json={"post": int(comment.post_id), "parent": int(comment.external_id), "content": text}
        )
        with self.http.reading(url):
            return replace(
                self._record(item, self.site), author_handle=self.username, post_title=comment.post_title
            )

    def check(self) -> str:
        me = self._me(self._discover_root())
        queue = "sees" if _sees_held(me) else "cannot see (needs a role of Author or above)"
        return f"{me.get('name') or me['id']} (user {me['id']}) on {self.site_url}; {queue} the moderation queue"
