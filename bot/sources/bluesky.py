"""Bluesky (AT Protocol): replies, mentions and quotes of the brand, each with its thread, and the brand's own replies.

Two streams, each read newest first down to a watermark kept in the cursor, since neither takes a "since"
parameter. Both lists sort by the earlier of the record's `createdAt` and its indexing time, so a post written with
a clock minutes slow (a phone, a draft, a bridge) is listed below newer ones: every read goes LOOK_BACK_SECONDS
below the newest time seen, and the uris of that stretch are kept so none is taken twice. An empty page that
still has a cursor (the AppView filters reasons after reading) does not end a read; its cursor's time does.
- `app.bsky.notification.listNotifications` with reasons reply, mention and quote and `priority=false` (else a
  brand with priority notifications on sees only accounts it follows); new posts bring their threads from
  `app.bsky.feed.getPostThread`: one read of the whole thread per brand post (a burst of replies costs one call),
  so parents, brand replies, users coming back and replies too deep to notify arrive together;
- `app.bsky.feed.getAuthorFeed` of the brand, so a reply written in a Bluesky app counts as an answer; the feed
  carries each reply's parent, so this costs no further call.
An idle poll costs two requests. Every SWEEP_SECONDS one poll checks, in place of the brand's feed (which the next
poll reads), the newest WATCHED user posts, 25 per `app.bsky.feed.getPosts` call in turn: one that is gone was deleted, and one with more replies than were read has
replies the brand was not notified of (the AppView notifies only REPLY_NOTIF_DEPTH levels below the brand's last
post in a branch), so its thread is read. Posts cannot be edited.

Sessions come from `com.atproto.server.createSession` with an app password (limited to 30 per 5 minutes and 300 a
day per account), so they are kept per process, renewed with `refreshSession` before the access token expires,
and the refresh token is kept in the cursor: the next process (a cron `poll --once`) refreshes it instead of
logging in.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any, ClassVar, Iterable, Iterator

from bot.clock import utcnow
from bot.config import AccountConfig
from bot.config_keys import Option
from bot.sources.base import AuthError, CommentRecord, Cursor, Page, Reread, Tally, TemporaryError, parse_time
from bot.sources import tokens
from bot.sources.bluesky_facets import facets
from bot.sources.http import ApiClient, HttpSource, newest_first, pages, url_option
from bot.sources.recency import RECENT_DAYS, recent_days, recent_since
from bot.sources.watermark import LateWatermark

DEFAULT_PDS = "https://bsky.social"
WEB_URL = "https://bsky.app"
PAGE_SIZE = 100
REASONS = ("reply", "mention", "quote")
LOOK_BACK_SECONDS = 900  # how far below newer posts a post may still show up in a list (slow clocks, indexing)
RECORDS_PER_PAGE = 200  # thread records are stored in pages of about this size during a long first sync
POST_COLLECTION = "app.bsky.feed.post"
REPLY_NOTIF_DEPTH = 5  # the AppView notifies ancestors fewer than this many levels above a reply
THREAD_DEPTH = 1000  # getPostThread's maximum: a brand post's whole thread in one read
WATCHED = 100  # user posts checked for deletions and unnotified replies, the newest first
POSTS_PER_CALL = 25  # getPosts' maximum
SWEEP_SECONDS = 300
OPTIONS = (
    Option("handle", "the brand account's handle (or its email)"),
    Option("app_password", "an App Password of the account, never its main password", secret=True),
    Option("pds_url", "the account's PDS, for self-hosted ones", DEFAULT_PDS),
    RECENT_DAYS,
)


class SessionExpired(AuthError):
    """The access or refresh token was refused (`ExpiredToken`, `InvalidToken`): renew the session once."""


class PostNotFound(TemporaryError):
    """`getPostThread` answered `NotFound`: the post was deleted."""


@dataclass(frozen=True)
class Login:
    access_jwt: str
    refresh_jwt: str
    did: str
    handle: str
    pds_url: str


def _access_lifetime(jwt: str) -> float:
    """Seconds until the token's `exp`; tokens that do not say are used until refused."""
    try:
        payload = jwt.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        return float(claims["exp"]) - utcnow().timestamp()
    except (IndexError, ValueError, KeyError, TypeError):
        return float("inf")


def _pds_of(session: dict, fallback: str) -> str:
    """The PDS named in the session's DID document; calls go there rather than to the entryway (bsky.social)."""
    services = (session.get("didDoc") or {}).get("service") or []
    for service in services:
        if isinstance(service, dict) and service.get("id", "").endswith("#atproto_pds"):
            endpoint = service.get("serviceEndpoint")
            if isinstance(endpoint, str) and endpoint.startswith(("https://", "http://")):
                return endpoint.rstrip("/")
    return fallback


def web_url(uri: str, handle: str | None = None) -> str:
    """`at://did/app.bsky.feed.post/rkey` -> `https://bsky.app/profile/<handle or did>/post/rkey`."""
    authority, _, rkey = uri.removeprefix("at://").partition(f"/{POST_COLLECTION}/")
    return f"{WEB_URL}/profile/{handle or authority}/post/{rkey}"


def _author_of(uri: str) -> str:
    return uri.removeprefix("at://").split("/", 1)[0]


def _is_post(view: dict, brand: str) -> bool:
    """A top-level post of the brand is what the comments are on, not a comment."""
    return view["author"]["did"] == brand and not view["record"].get("reply")


def _root_of(view: dict) -> str:
    return ((view["record"].get("reply") or {}).get("root") or {}).get("uri") or view["uri"]


def _cursor_time(cursor: str) -> float | None:
    """The AppView's cursors start with the sort time of the last item read: notifications' are that time
    (`2025-01-01T00:00:00.000Z`), feeds' are `<milliseconds>::<cid>`; None for a cursor of another form."""
    primary = cursor.split("::", 1)[0]
    if primary.isdigit():
        return int(primary) / 1000
    try:
        return parse_time(primary, "cursor").timestamp()
    except TemporaryError:
        return None


def _kept(view: dict) -> dict:
    """What a watched post keeps in the cursor: enough to record it as deleted when it is gone."""
    record = view["record"]
    return {"cid": view["cid"], "author": {key: view["author"].get(key) for key in ("did", "handle", "displayName")},
            "record": {"text": record["text"], "createdAt": record["createdAt"], "reply": record.get("reply")},
            "replyCount": view.get("replyCount", 0)}


class BlueskySource(HttpSource):
    platform: ClassVar[str] = "bluesky"
    flat_threads: ClassVar[bool] = False

    def __init__(self, account: AccountConfig):
        self.account = account
        self.identifier = str(account.option("handle", required=True)).removeprefix("@")
        self.pds_url = (
            url_option(account, "pds_url", DEFAULT_PDS) if "pds_url" in account.options else DEFAULT_PDS
        ).rstrip("/")
        self.app_password = account.secret("app_password")
        self.days = recent_days(account)
        hint = (
            f"Create a new app password (Bluesky Settings > Privacy and security > App passwords) and put it in the "
            f"variable named by {account.where('app_password_env')}; check {account.where('handle')}."
        )
        self.http = ApiClient("bluesky", auth_hint=hint, secrets=[self.app_password], map_error=self._map_error)
        # createSession and refreshSession have their own, much smaller limit: their headroom is kept apart.
        self.sessions = ApiClient(
            "bluesky", auth_hint=hint, secrets=[self.app_password], session=self.http.session,
            map_error=self._map_error,
        )
        self._key = (self.pds_url, self.identifier.lower())

    # fetch -----------------------------------------------------------------------------------------------------

    def fetch(self, cursor: Cursor | None) -> Iterator[Page]:
        state = dict(cursor or {})
        brand = self._resume(state.get("session")).did
        now = self.http.clock()
        since = recent_since(self.days, now).timestamp()
        watched: dict[str, dict] = dict(state.get("watched") or {})
        state.setdefault("swept", now.timestamp())  # the first sync reads every thread: no sweep before the next

        notified = LateWatermark(state.get("notifications"), LOOK_BACK_SECONDS)
        params = {"reasons": list(REASONS), "priority": "false"}
        items = self._newest_first("app.bsky.notification.listNotifications", params, "notifications", notified, since)
        batch: list[CommentRecord] = []
        for records in self._threads(list(reversed(items)), brand, watched):  # oldest first
            batch.extend(records)
            if len(batch) >= RECORDS_PER_PAGE:
                yield Page(batch, None)
                batch = []
        state["notifications"] = notified.state()
        yield Page(batch, self._state(state, watched, since))

        # the sweep takes the place of the brand's feed, at most every other poll, so a poll costs two requests
        if not state.get("swept_last") and watched and now.timestamp() - float(state["swept"]) >= SWEEP_SECONDS:
            records = self._sweep(state, watched, brand)
            state.update(swept=now.timestamp(), swept_last=True)
            yield Page(records, self._state(state, watched, since))
            return
        state["swept_last"] = False
        own = LateWatermark(state.get("own"), LOOK_BACK_SECONDS)
        params = {"actor": brand, "filter": "posts_with_replies"}
        items = self._newest_first("app.bsky.feed.getAuthorFeed", params, "feed", own, since)
        state["own"] = own.state()
        with self.http.reading(self._url("app.bsky.feed.getAuthorFeed")):
            records = [record for item in reversed(items) for record in self._brand_reply(item, brand, watched)]
        yield Page(records, self._state(state, watched, since))

    def _state(self, state: dict, watched: dict[str, dict], since: float) -> dict:
        """The cursor: the lists' watermarks, the newest watched posts of the recency window and the session."""
        newest = sorted(((view["record"]["createdAt"], uri) for uri, view in watched.items()), reverse=True)
        kept = {uri: watched[uri] for at, uri in newest[:WATCHED]
                if parse_time(at, f"bluesky post {uri}: createdAt").timestamp() >= since}
        watched.clear()
        watched.update(kept)
        login = self._kept()
        session = {"refresh": login.refresh_jwt, "did": login.did, "handle": login.handle, "pds": login.pds_url} \
            if login else state.get("session")
        return {**state, "watched": dict(kept), "session": session}

    def _newest_first(self, nsid: str, params: dict, key: str, mark: LateWatermark, since: float) -> list[dict]:
        """Items not seen before, down to the watermark (and to `since` on the first read), newest first; moves the
        watermark.

        Feed items wrap a post view in `{"post": …}`; notifications carry the post view's fields themselves. Both
        lists are sorted by the earlier of the indexing time and the record's `createdAt` (a notification's
        `indexedAt` is that time already), which is the time compared.
        """
        floor = since if mark.time == 0.0 else mark.time - mark.overlap
        url = self._url(nsid)

        def read(cursor: str | None) -> dict:
            return self._xrpc("GET", nsid, params={**params, "limit": PAGE_SIZE, "cursor": cursor})

        def next_cursor(body: dict) -> str | None:
            with self.http.reading(url):
                cursor = body.get("cursor")
                at = _cursor_time(cursor) if cursor else None
            return None if at is not None and at < floor else cursor  # an empty (filtered) page past the floor

        def dated(body: dict) -> Iterator[tuple[float, str, dict]]:
            with self.http.reading(url):
                for item in body[key]:
                    post = item.get("post", item)
                    if post is not item and item.get("reason"):
                        continue  # a repost in the brand's feed
                    where = f"bluesky {nsid}: {post['uri']}"
                    yield min(parse_time(post["indexedAt"], f"{where}: indexedAt"),
                              parse_time(post["record"]["createdAt"], f"{where}: createdAt")).timestamp(), post["uri"], item

        listing = pages(read, next_cursor, f"bluesky {nsid}")
        found = [entry for entry in newest_first(map(dated, listing), lambda entry: entry[0] < floor)
                 if not mark.seen(entry[1])]
        for moment, uri, _ in found:
            mark.advance(moment, uri)
        return [item for _, _, item in found]

    def _threads(self, items: list[dict], brand: str, watched: dict[str, dict]) -> Iterator[list[CommentRecord]]:
        """Each new post with its thread: one read of the whole thread for posts under a brand post, one read of
        the post's own thread (its ancestors and replies) for posts elsewhere; a post the read lacks is read alone."""
        read: set[str] = set()  # uris already in a thread read this poll
        for item in items:
            uri = item["uri"]
            if uri in read:
                continue
            root = _root_of(item)
            records = None
            if _author_of(root) == brand and root not in read:
                records = self._thread(root, brand, watched, read, THREAD_DEPTH)
            if uri not in read:
                records = (records or []) + (self._thread(uri, brand, watched, read, None) or
                                             [self._record(item, brand, deleted=True)])
                read.add(uri)
            yield records or []

    def _thread(self, uri: str, brand: str, watched: dict[str, dict], read: set[str],
                depth: int | None) -> list[CommentRecord] | None:
        """The records of the thread at `uri` (None when the post is gone); notes their uris in `read`."""
        url = self._url("app.bsky.feed.getPostThread")
        params = {"uri": uri} if depth is None else {"uri": uri, "depth": depth}
        try:
            body = self._xrpc("GET", "app.bsky.feed.getPostThread", params=params)
        except PostNotFound:
            return None
        with self.http.reading(url):
            thread = body["thread"]
            if "post" not in thread:  # a notFoundPost or blockedPost
                return None
            chain = [*self._ancestors(thread), thread["post"], *self._descendants(thread)]
            read.update(view["uri"] for view in chain)
            return self._records(chain, brand, watched, chain[0])

    def _records(self, views: Iterable[dict], brand: str, watched: dict[str, dict],
                 root: dict | None) -> list[CommentRecord]:
        """Post views as comments; the users' posts are watched from now on."""
        records = []
        for view in views:
            if _is_post(view, brand):
                continue
            records.append(self._record(view, brand, root=root))
            if view["author"]["did"] != brand:
                watched[view["uri"]] = _kept(view)
        return records

    @staticmethod
    def _ancestors(thread: dict) -> list[dict]:
        chain, node = [], thread.get("parent")
        while isinstance(node, dict) and "post" in node:  # a notFoundPost or blockedPost ends the climb
            chain.insert(0, node["post"])
            node = node.get("parent")
        return chain

    @classmethod
    def _descendants(cls, thread: dict) -> list[dict]:
        found = []
        for reply in thread.get("replies") or []:
            if isinstance(reply, dict) and "post" in reply:
                found.append(reply["post"])
                found.extend(cls._descendants(reply))
        return found

    def _brand_reply(self, item: dict, brand: str, watched: dict[str, dict]) -> list[CommentRecord]:
        """A reply from the brand's feed with the posts it answers (carried in the feed item). A watched parent
        shown as a `notFoundPost` was deleted."""
        post = item["post"]
        reply = item.get("reply")
        if not (post["record"].get("reply") and isinstance(reply, dict)):
            return []  # a post of the brand's own, not an answer
        root, parent = (view if isinstance(view, dict) and "author" in view else None for view in (
            reply.get("root"), reply.get("parent")))  # a notFoundPost or blockedPost has no author
        views = {view["uri"]: view for view in (root, parent, post) if view}
        records = self._records(views.values(), brand, watched, root)
        gone = post["record"]["reply"]["parent"]["uri"]
        if parent is None and gone in watched:
            records.append(self._record({"uri": gone, **watched.pop(gone)}, brand, deleted=True))
        return records

    def _sweep(self, state: dict, watched: dict[str, dict], brand: str) -> list[CommentRecord]:
        """Checks the next POSTS_PER_CALL watched posts: gone ones are recorded as deleted, and the thread of one
        with more replies than were read is read from it down."""
        uris = sorted(watched)
        start = int(state.get("sweep_from", 0)) % len(uris)
        chosen = (uris[start:] + uris[:start])[:POSTS_PER_CALL]
        state["sweep_from"] = start + len(chosen)
        url = self._url("app.bsky.feed.getPosts")
        body = self._xrpc("GET", "app.bsky.feed.getPosts", params={"uris": chosen})
        with self.http.reading(url):
            found = {view["uri"]: view for view in body["posts"]}
        records: list[CommentRecord] = []
        read: set[str] = set()
        for uri in chosen:
            view = found.get(uri)
            if view is None:  # deleted, or its author's account is gone
                records.append(self._record({"uri": uri, **watched.pop(uri)}, brand, deleted=True))
            elif uri not in read and view.get("replyCount", 0) > watched[uri]["replyCount"]:
                records.extend(self._thread(uri, brand, watched, read, THREAD_DEPTH) or [])
        return records

    def _record(self, post: dict, brand: str, root: dict | None = None, deleted: bool = False) -> CommentRecord:
        """A post view (or a notification, which has the same fields) as a comment."""
        record, author = post["record"], post["author"]
        refs = record.get("reply") or {}
        root_ref = refs.get("root") or {"uri": post["uri"], "cid": post["cid"]}
        parent = (refs.get("parent") or {}).get("uri")
        if parent == root_ref["uri"] and _author_of(parent) == brand:
            parent = None  # answers the brand's post itself
        root_view = root if root and root["uri"] == root_ref["uri"] else None
        return CommentRecord(
            external_id=post["uri"],
            post_id=root_ref["uri"],
            author_id=author["did"],
            author_name=author.get("displayName") or author["handle"],
            author_handle=author["handle"],
            text=record["text"],
            created_at=parse_time(record["createdAt"], f"bluesky post {post['uri']}: createdAt"),
            is_brand=author["did"] == brand,
            parent_id=parent,
            url=web_url(post["uri"], author["handle"]),
            deleted=deleted,
            post_title=(root_view["record"]["text"][:120] or None) if root_view else None,
            post_url=web_url(root_ref["uri"]),
            extra={"cid": post["cid"], "root": {"uri": root_ref["uri"], "cid": root_ref["cid"]}},
        )

    # completeness (bot/engine/audit.py) ----------------------------------------------------------------------

    def tallies(self, cursor: Cursor | None, budget: int, posts: list[str]) -> list[Tally]:
        """`replyCount` of the brand's newest posts (one request: its feed without replies)."""
        if budget < 1:
            return []
        params = {"actor": self._login().did, "filter": "posts_no_replies", "limit": PAGE_SIZE}
        body = self._xrpc("GET", "app.bsky.feed.getAuthorFeed", params=params)
        with self.http.reading(self._url("app.bsky.feed.getAuthorFeed")):
            return [self._tally(item["post"]) for item in body["feed"] if not item.get("reason")]

    def reread(self, post_id: str | None) -> Reread:
        """The post's thread, every level the AppView gives (`depth` at most 1000), with its count read afresh."""
        brand = self._login().did
        body = self._xrpc("GET", "app.bsky.feed.getPostThread", params={"uri": post_id, "depth": THREAD_DEPTH})
        with self.http.reading(self._url("app.bsky.feed.getPostThread")):
            root = body["thread"]["post"]
            posts = [post for post in self._descendants(body["thread"]) if not _is_post(post, brand)]
            return Reread([self._record(post, brand, root=root) for post in posts], self._tally(root))

    @staticmethod
    def _tally(post: dict) -> Tally:
        """Direct replies, as the AppView counts them: those of accounts the brand blocked are counted but not
        shown, so the count is a floor for what is stored."""
        return Tally(post["uri"], int(post["replyCount"]), top_level=True, exact=False)

    # reply and check -------------------------------------------------------------------------------------------

    def reply(self, comment: CommentRecord, text: str) -> CommentRecord:
        """Posts a reply whose `root` is the comment's thread root and whose `parent` is the comment."""
        extra = comment.extra or {}
        if not extra.get("cid") or not isinstance(extra.get("root"), dict):
            raise TemporaryError(f"bluesky: {comment.external_id} has no stored cid; it is read again at the next poll")
        login = self._login()
        created = utcnow()
        record = {
            "$type": POST_COLLECTION,
            "text": text,
            "createdAt": created.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "reply": {"root": extra["root"], "parent": {"uri": comment.external_id, "cid": extra["cid"]}},
        }
        if found := facets(text, self._did_of):
            record["facets"] = found
        url = self._url("com.atproto.repo.createRecord")
        body = self._xrpc(
            "POST", "com.atproto.repo.createRecord",
            json={"repo": login.did, "collection": POST_COLLECTION, "record": record},
        )
        with self.http.reading(url):
            uri, cid = body["uri"], body["cid"]
        return CommentRecord(
            external_id=uri,
            post_id=comment.post_id,
            author_id=login.did,
            author_name=login.handle,
            author_handle=login.handle,
            text=text,
            created_at=created,
            is_brand=True,
            parent_id=comment.external_id,
            url=web_url(uri, login.handle),
            post_title=comment.post_title,
            post_url=comment.post_url,
            extra={"cid": cid, "root": extra["root"]},
        )

    def _did_of(self, handle: str) -> str | None:
        """A mentioned handle's DID; None for a handle that does not resolve (the mention stays plain text)."""
        url = self._url("com.atproto.identity.resolveHandle")
        body = self._xrpc("GET", "com.atproto.identity.resolveHandle", params={"handle": handle}, accept=(400,))
        with self.http.reading(url):
            did = body.get("did")
            return did if isinstance(did, str) and did.startswith("did:") else None

    def check(self) -> str:
        url = self._url("com.atproto.server.getSession")
        me = self._xrpc("GET", "com.atproto.server.getSession")
        with self.http.reading(url):
            return f"@{me['handle']} ({me['did']}) on {self._login().pds_url}"

    # XRPC and the session --------------------------------------------------------------------------------------

    def _kept(self) -> Login | None:
        """This process's session (kept in bot/sources/tokens.py under (PDS, identifier)), fresh or not."""
        entry = tokens.kept(self._key)
        return entry[0] if entry else None

    def _url(self, nsid: str) -> str:
        login = self._kept()
        return f"{login.pds_url if login else self.pds_url}/xrpc/{nsid}"

    def _xrpc(self, method: str, nsid: str, **kwargs: Any) -> Any:
        """One call with the session's access token; a refused token renews the session and the call is sent again."""
        login = self._login()
        try:
            return self._send(method, nsid, login, **kwargs)
        except SessionExpired:
            renewed = self._renew(login)
        try:
            return self._send(method, nsid, renewed, **kwargs)
        except SessionExpired:
            tokens.forget_token(self._key)  # the next poll starts from the app password
            raise

    def _send(self, method: str, nsid: str, login: Login, **kwargs: Any) -> Any:
        headers = {"Authorization": f"Bearer {login.access_jwt}"}
        return self.http.json(method, f"{login.pds_url}/xrpc/{nsid}", headers=headers, **kwargs)

    def _resume(self, stored: Any) -> Login:
        """The process's session; else the one an earlier process kept in the cursor, refreshed (no login)."""
        login = self._kept()
        if login is None and isinstance(stored, dict) and isinstance(stored.get("refresh"), str):
            for client in (self.http, self.sessions):
                client.add_secret(stored["refresh"])
            return self._renew(Login(access_jwt="", refresh_jwt=stored["refresh"], did=str(stored.get("did")),
                                     handle=str(stored.get("handle")), pds_url=str(stored.get("pds") or self.pds_url)))
        return self._login()

    def _login(self) -> Login:
        entry = tokens.kept(self._key)
        if entry is None:
            return self._create_session()
        login, fresh = entry
        return login if fresh else self._renew(login)

    def _renew(self, login: Login) -> Login:
        try:
            body = self.sessions.json(
                "POST", f"{login.pds_url}/xrpc/com.atproto.server.refreshSession",
                headers={"Authorization": f"Bearer {login.refresh_jwt}"}, idempotent=True,
            )
        except AuthError:  # the refresh token expired or was revoked: log in again with the app password
            return self._create_session()
        return self._keep(body, login.pds_url)

    def _create_session(self) -> Login:
        body = self.sessions.json(
            "POST", f"{self.pds_url}/xrpc/com.atproto.server.createSession",
            json={"identifier": self.identifier, "password": self.app_password}, idempotent=True,
        )
        return self._keep(body, _pds_of(body, self.pds_url))

    def _keep(self, body: dict, pds_url: str) -> Login:
        with self.sessions.reading(f"{pds_url}/xrpc/com.atproto.server.createSession"):
            lifetime = _access_lifetime(body["accessJwt"])
            login = Login(
                access_jwt=body["accessJwt"], refresh_jwt=body["refreshJwt"], did=body["did"], handle=body["handle"],
                pds_url=pds_url,
            )
        for client in (self.http, self.sessions):
            client.add_secret(login.access_jwt)
            client.add_secret(login.refresh_jwt)
        tokens.keep(self._key, login, lifetime)
        return login

    def _map_error(self, response) -> TemporaryError | AuthError | None:
        """XRPC errors are `{"error": name, "message": …}`; a refused token and a missing post are 400s."""
        if response.status_code != 400:
            return None
        try:
            body = response.json()
        except ValueError:
            return None
        name = body.get("error") if isinstance(body, dict) else None
        message = self.http.scrub(str(body.get("message") or name))[:200] if name else ""
        if name in ("ExpiredToken", "InvalidToken"):
            return SessionExpired(f"bluesky refused the session ({name}: {message}). {self.http.auth_hint}")
        if name == "NotFound":
            return PostNotFound(f"bluesky: {message}")
        return None
