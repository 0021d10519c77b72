"""A small Bluesky PDS + AppView speaking the XRPC wire format the source uses, shaped on the atproto lexicons.

Sessions are JWT-shaped tokens with an `exp` claim (createSession, refreshSession rotating the refresh token,
getSession); errors are `{"error", "message"}` with the PDS's statuses (400 ExpiredToken/InvalidToken, 401
AuthenticationRequired, 400 NotFound for a missing thread). Notifications and author feeds come newest first with
an opaque `cursor` while items remain; threads are `threadViewPost` trees with `$type`s. Every answer carries
`RateLimit-*` headers (createSession its own 30-per-5-minutes limit), and `fail_next` queues one-off failures.
The DID document names `<base>/pds` as the account's PDS, as bsky.social's entryway does for its hosts.

Checked against a real network (`@atproto/dev-env` 0.3.181, tests/sources/test_bluesky_real.py) and the AppView's code
(packages/bsky in bluesky-social/atproto): notifications sort by `sortAt`, the earlier of the indexing time and
`createdAt`, which is also their `indexedAt`, and their cursor is that time; with `reasons` the AppView reads up to
10 raw pages of `limit` and answers what passed the filter, so a page can be empty and still have a cursor;
without `priority` it uses the brand's own preference (priority: only accounts the brand follows). A reply notifies
the authors of its ancestors up to REPLY_NOTIF_DEPTH - 1 levels above it. Feed cursors are `<ms>::<cid>`;
`getPostThread` reads `depth` (6) levels of replies; `getPosts` answers at most 25 uris and leaves out the gone.
"""

from __future__ import annotations

import base64
import hashlib
import json
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from werkzeug import Request, Response

from tests.support.connectors import FailureQueue

APP_PASSWORD = "abcd-efgh-ijkl-mnop"
BRAND = {"did": "did:plc:brandacme4k3nyv2tjztfx", "handle": "acme.bsky.social", "displayName": "Acme Coffee"}
POST = "app.bsky.feed.post"
REPLY_NOTIF_DEPTH = 5
FILTER_ATTEMPTS = 10  # raw pages the AppView reads to fill one page of filtered notifications
TID_CHARS = "234567abcdefghijklmnopqrstuvwxyz"


def user(number: int) -> dict:
    return {"did": f"did:plc:user{number:04}q7ziiuw3cxkqhbxn", "handle": f"user{number}.bsky.social",
            "displayName": f"User {number}"}


def stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_stamp(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


@dataclass
class FakeBluesky:
    base_url: str
    app_password: str = APP_PASSWORD
    access_lifetime: float = 7200.0  # seconds, as the PDS issues them
    posts: dict[str, dict] = field(default_factory=dict)  # uri -> post view
    deleted: set[str] = field(default_factory=set)
    notifications: list[dict] = field(default_factory=list)
    access_tokens: dict[str, str] = field(default_factory=dict)  # token -> did
    refresh_tokens: dict[str, str] = field(default_factory=dict)
    expired: set[str] = field(default_factory=set)
    failures: FailureQueue = field(default_factory=FailureQueue)
    requests: list[str] = field(default_factory=list)
    created: list[dict] = field(default_factory=list)  # createRecord inputs
    remaining: int = 3000
    sessions_remaining: int = 30
    clock: datetime = field(default_factory=lambda: datetime.now(timezone.utc).replace(microsecond=0) - timedelta(1))
    sequence: int = 0
    priority_on: bool = False  # the brand's "priority notifications" preference
    follows: set[str] = field(default_factory=set)  # dids the brand follows

    # building the world ----------------------------------------------------------------------------------------

    def _tid(self) -> str:
        self.sequence += 1
        number, text = (1_700_000_000_000_000 + self.sequence) << 10, ""
        while number:
            number, digit = divmod(number, 32)
            text = TID_CHARS[digit] + text
        return text.rjust(13, "2")

    def post(self, author: dict, text: str, *, reply_to: str | None = None, quote: str | None = None,
             created_at: datetime | None = None) -> str:
        self.clock += timedelta(minutes=1)
        uri = f"at://{author['did']}/{POST}/{self._tid()}"
        record: dict = {"$type": POST, "text": text, "createdAt": stamp(created_at or self.clock), "langs": ["en"]}
        if reply_to:
            parent = self.posts[reply_to]
            root = parent["record"].get("reply", {}).get("root") or {"uri": parent["uri"], "cid": parent["cid"]}
            record["reply"] = {"root": root, "parent": {"uri": parent["uri"], "cid": parent["cid"]}}
        if quote:
            record["embed"] = {"$type": "app.bsky.embed.record",
                               "record": {"uri": quote, "cid": self.posts[quote]["cid"]}}
        self.posts[uri] = {
            "uri": uri,
            "cid": "bafyrei" + hashlib.sha256(f"{uri}{text}".encode()).hexdigest()[:52],
            "author": {**author, "avatar": f"https://cdn.bsky.app/img/avatar/plain/{author['did']}/x@jpeg",
                       "labels": [], "createdAt": "2024-01-01T00:00:00.000Z"},
            "record": record,
            "replyCount": 0, "repostCount": 0, "likeCount": 0, "quoteCount": 0,
            "indexedAt": stamp(self.clock),
            "labels": [],
        }
        if (at := text.find(f"@{BRAND['handle']}")) >= 0:  # the facet a Bluesky app adds
            start = len(text[:at].encode())
            record["facets"] = [{"index": {"byteStart": start, "byteEnd": start + len(BRAND["handle"]) + 1},
                                 "features": [{"$type": "app.bsky.richtext.facet#mention", "did": BRAND["did"]}]}]
        if author["did"] != BRAND["did"]:  # one notification per post, in the AppView's order (notifsForInsert)
            mentions = {feature.get("did") for facet in record.get("facets", []) for feature in facet["features"]}
            if BRAND["did"] in mentions:
                self._notify(uri, "mention", None)
            elif quote and quote.startswith(f"at://{BRAND['did']}/"):
                self._notify(uri, "quote", quote)
            elif reply_to and (above := self._brand_above(uri)):
                self._notify(uri, "reply", above)
        return uri

    def _brand_above(self, uri: str) -> str | None:
        """The nearest post of the brand among the reply's ancestors that the AppView notifies (post.ts)."""
        at = uri
        for _ in range(REPLY_NOTIF_DEPTH - 1):
            refs = self.posts[at]["record"].get("reply")
            if not refs or refs["parent"]["uri"] not in self.posts:
                return None
            at = refs["parent"]["uri"]
            if self.posts[at]["author"]["did"] == BRAND["did"]:
                return at
        return None

    def like(self, author: dict, uri: str) -> None:
        """A like of the brand's post: a notification of its own reason, newer than everything before it."""
        self.clock += timedelta(seconds=1)
        like = f"at://{author['did']}/app.bsky.feed.like/{self._tid()}"
        self.notifications.append({"uri": like, "reason": "like", "reasonSubject": uri, "author": author,
                                   "indexedAt": stamp(self.clock)})

    def delete(self, uri: str) -> None:
        self.deleted.add(uri)

    def _notify(self, uri: str, reason: str, subject: str | None) -> None:
        self.notifications.append({"uri": uri, "reason": reason, "reasonSubject": subject,
                                   "indexedAt": self.posts[uri]["indexedAt"]})

    def expire_sessions(self) -> None:
        """Every access token issued so far is refused as expired, though its `exp` claim says otherwise."""
        self.expired |= set(self.access_tokens)

    def revoke_refresh_tokens(self) -> None:
        self.refresh_tokens.clear()

    def fail_next(self, path_part: str, response: Response) -> None:
        self.failures.add(path_part, response)

    def calls(self, nsid: str) -> int:
        return sum(1 for path in self.requests if f"/xrpc/{nsid}" in path)

    # serving ---------------------------------------------------------------------------------------------------

    def __call__(self, request: Request) -> Response:
        self.requests.append(request.full_path)
        if (failure := self.failures.take(request.path)) is not None:
            return failure
        nsid = request.path.rpartition("/xrpc/")[2]
        if nsid == "com.atproto.server.createSession":
            return self._create_session(request)
        if nsid == "com.atproto.server.refreshSession":
            return self._refresh_session(request)
        did, refused = self._authorize(request, self.access_tokens)
        if refused:
            return refused
        self.remaining -= 1
        if nsid == "com.atproto.server.getSession":
            return self._json({"handle": BRAND["handle"], "did": did, "email": "social@acme.example",
                               "emailConfirmed": True, "active": True, "didDoc": self._did_doc()})
        if nsid == "app.bsky.notification.listNotifications":
            return self._notifications(request)
        if nsid == "app.bsky.feed.getAuthorFeed":
            return self._author_feed(request)
        if nsid == "app.bsky.feed.getPostThread":
            return self._thread(request.args["uri"], int(request.args.get("depth", 6)))
        if nsid == "app.bsky.feed.getPosts":
            return self._posts(request.args.getlist("uris"))
        if nsid == "com.atproto.identity.resolveHandle":
            return self._resolve(request.args.get("handle", ""))
        if nsid == "com.atproto.repo.createRecord" and request.method == "POST":
            return self._create_record(request.get_json(), did)
        return self._json({"error": "MethodNotImplemented", "message": "Method Not Implemented"}, status=501)

    def _did_doc(self) -> dict:
        return {
            "@context": ["https://www.w3.org/ns/did/v1"], "id": BRAND["did"],
            "alsoKnownAs": [f"at://{BRAND['handle']}"],
            "service": [{"id": "#atproto_pds", "type": "AtprotoPersonalDataServer",
                         "serviceEndpoint": f"{self.base_url}/pds"}],
        }

    def _issue(self, did: str) -> dict:
        now = time.time()
        claims = {"scope": "com.atproto.appPass", "sub": did, "iat": int(now), "aud": "did:web:bsky.social"}
        expires = int(now + self.access_lifetime)
        access = ".".join((_b64({"typ": "at+jwt", "alg": "HS256"}), _b64({**claims, "exp": expires}),
                           _b64({"n": len(self.access_tokens)})))
        refresh = ".".join((_b64({"typ": "refresh+jwt", "alg": "HS256"}),
                            _b64({"scope": "com.atproto.refresh", "sub": did, "jti": f"r{len(self.refresh_tokens)}",
                                  "exp": int(now + 90 * 86400)}), _b64({"n": len(self.access_tokens)})))
        self.access_tokens[access] = did
        self.refresh_tokens[refresh] = did
        return {"accessJwt": access, "refreshJwt": refresh, "handle": BRAND["handle"], "did": did,
                "didDoc": self._did_doc(), "active": True}

    def _create_session(self, request: Request) -> Response:
        self.sessions_remaining -= 1
        body = request.get_json(silent=True) or {}
        if body.get("identifier") not in (BRAND["handle"], BRAND["did"]) or body.get("password") != self.app_password:
            return self._json({"error": "AuthenticationRequired", "message": "Invalid identifier or password"},
                              status=401, session=True)
        return self._json({**self._issue(BRAND["did"]), "email": "social@acme.example", "emailConfirmed": True},
                          session=True)

    def _refresh_session(self, request: Request) -> Response:
        did, refused = self._authorize(request, self.refresh_tokens)
        if refused:
            return refused
        del self.refresh_tokens[request.headers["Authorization"].removeprefix("Bearer ")]  # rotated
        return self._json(self._issue(did), session=True)

    def _authorize(self, request: Request, tokens: dict[str, str]) -> tuple[str, Response | None]:
        header = request.headers.get("Authorization", "")
        if not header.startswith("Bearer "):
            return "", self._json({"error": "AuthMissing", "message": "Authentication Required"}, status=401)
        token = header.removeprefix("Bearer ")
        if token in self.expired:
            return "", self._json({"error": "ExpiredToken", "message": "Token has expired"}, status=400)
        if token not in tokens:
            return "", self._json({"error": "InvalidToken", "message": "Token could not be verified"}, status=400)
        return tokens[token], None

    def _replies(self, uri: str) -> list[str]:
        return [other for other, post in self.posts.items() if other not in self.deleted
                and post["record"].get("reply", {}).get("parent", {}).get("uri") == uri]

    def _view(self, uri: str) -> dict:
        if uri in self.deleted or uri not in self.posts:
            return {"$type": "app.bsky.feed.defs#notFoundPost", "uri": uri, "notFound": True}
        # the AppView counts a post's direct replies
        return {"$type": "app.bsky.feed.defs#postView", **self.posts[uri], "replyCount": len(self._replies(uri))}

    def _posts(self, uris: list[str]) -> Response:
        if len(uris) > 25:
            return self._json({"error": "InvalidRequest", "message": "Error: uris must not have more than 25 elements"},
                              status=400)
        return self._json({"posts": [self._view(uri) for uri in uris if uri in self.posts and uri not in self.deleted]})

    def _resolve(self, handle: str) -> Response:
        known = {BRAND["handle"]: BRAND["did"], **{post["author"]["handle"]: post["author"]["did"]
                                                  for post in self.posts.values()}}
        if handle.lower() in known:
            return self._json({"did": known[handle.lower()]})
        return self._json({"error": "InvalidRequest", "message": "Unable to resolve handle"}, status=400)

    @staticmethod
    def _sort_key(post: dict) -> str:
        """The AppView sorts by the earlier of the indexing and the record's own creation time."""
        return f"{min(post['indexedAt'], post['record']['createdAt'])}::{post['cid']}"

    def _feed_cursor_key(self, cursor: str) -> str:
        ms, _, cid = cursor.partition("::")
        return f"{stamp(datetime.fromtimestamp(int(ms) / 1000, timezone.utc))}::{cid}"

    @staticmethod
    def _page(cursor: str | None, limit: int, items: list[tuple[str, dict]]) -> tuple[list[tuple[str, dict]], bool]:
        """Items as (sort key, item), newest first, after the cursor; and whether more remain."""
        ordered = sorted(items, key=lambda pair: pair[0], reverse=True)
        if cursor:
            ordered = [pair for pair in ordered if pair[0] < cursor]
        return ordered[:limit], len(ordered) > limit

    def _notifications(self, request: Request) -> Response:
        """As the AppView: sorted by sortAt, cursor = the last raw item's sortAt; with `reasons`, up to
        FILTER_ATTEMPTS raw pages are read until half a page passed the filter."""
        reasons, limit = request.args.getlist("reasons"), int(request.args.get("limit", 50))
        priority = {"true": True, "false": False}.get(request.args.get("priority", ""), self.priority_on)
        raw = []
        for note in self.notifications:
            if note["uri"] in self.deleted:
                continue
            post = self.posts.get(note["uri"])
            author = post["author"] if post else note["author"]
            if priority and author["did"] not in self.follows:
                continue
            sort_at = min(post["indexedAt"], post["record"]["createdAt"]) if post else note["indexedAt"]
            record = post["record"] if post else {"$type": "app.bsky.feed.like", "createdAt": sort_at,
                                                  "subject": {"uri": note["reasonSubject"]}}
            item = {"uri": note["uri"], "cid": post["cid"] if post else "bafyreilike", "author": author,
                    "reason": note["reason"], "record": record, "isRead": False, "indexedAt": sort_at, "labels": []}
            if note["reasonSubject"]:
                item["reasonSubject"] = note["reasonSubject"]
            raw.append((sort_at, item))
        cursor, chosen = request.args.get("cursor"), []
        for _ in range(FILTER_ATTEMPTS if reasons else 1):
            page, more = self._page(cursor, limit, raw)
            chosen += [item for _, item in page if not reasons or item["reason"] in reasons]
            cursor = page[-1][0] if page and more else None
            if len(chosen) >= -(-limit // 2) or not cursor:
                break
        body = {"notifications": chosen, "priority": priority, "seenAt": stamp(self.clock)}
        return self._json({**body, "cursor": cursor} if cursor else body)

    def _author_feed(self, request: Request) -> Response:
        actor = request.args["actor"]
        items = []
        for uri, post in self.posts.items():
            if uri in self.deleted or post["author"]["did"] != actor:
                continue
            if request.args.get("filter") == "posts_no_replies" and post["record"].get("reply"):
                continue
            item: dict = {"post": self._view(uri)}
            if refs := post["record"].get("reply"):
                item["reply"] = {"root": self._view(refs["root"]["uri"]), "parent": self._view(refs["parent"]["uri"])}
            items.append((self._sort_key(post), item))
        cursor = request.args.get("cursor")
        chosen, more = self._page(cursor and self._feed_cursor_key(cursor), int(request.args.get("limit", 50)), items)
        body: dict = {"feed": [item for _, item in chosen]}
        if chosen and more:  # `<ms>::<cid>`, the AppView's TimeCidKeyset
            at, _, cid = chosen[-1][0].partition("::")
            body["cursor"] = f"{int(parse_stamp(at).timestamp() * 1000)}::{cid}"
        return self._json(body)

    def _thread(self, uri: str, depth: int) -> Response:
        if uri in self.deleted or uri not in self.posts:
            return self._json({"error": "NotFound", "message": f"Post not found: {uri}"}, status=400)

        def node(at: str, below: int) -> dict:
            found = {"$type": "app.bsky.feed.defs#threadViewPost", "post": self._view(at)}
            if below > 0:
                found["replies"] = [node(reply, below - 1) for reply in self._replies(at)]
            return found

        def parent(at: str) -> dict | None:
            refs = self.posts[at]["record"].get("reply")
            if not refs:
                return None
            above = refs["parent"]["uri"]
            if above in self.deleted:
                return self._view(above)
            return {"$type": "app.bsky.feed.defs#threadViewPost", "post": self._view(above), "parent": parent(above)}

        thread = node(uri, depth)
        if above := parent(uri):
            thread["parent"] = above
        return self._json({"thread": thread, "threadgate": None})

    def _create_record(self, body: dict, did: str) -> Response:
        self.created.append(body)
        record = body.get("record") or {}
        if body.get("repo") != did or body.get("collection") != POST or record.get("$type") != POST:
            return self._json({"error": "InvalidRequest", "message": "Invalid repo or collection"}, status=400)
        if len(record.get("text", "")) > 300:  # the lexicon's maxGraphemes (every character here is one grapheme)
            return self._json({"error": "InvalidRequest", "message": "Invalid app.bsky.feed.post record: "
                               "Record/text must not be longer than 300 graphemes"}, status=400)
        refs = record.get("reply") or {}
        for ref in (refs.get("root"), refs.get("parent")):
            known = self.posts.get((ref or {}).get("uri"))
            if ref and (not known or known["cid"] != ref.get("cid")):
                return self._json({"error": "InvalidRequest", "message": "Invalid reply reference"}, status=400)
        parent = refs.get("parent", {}).get("uri")
        if parent:
            above = self.posts[parent]["record"]
            if refs["root"] != (above.get("reply", {}).get("root") or refs["parent"]):
                return self._json({"error": "InvalidRequest", "message": "reply root is not the parent's root"},
                                  status=400)
        uri = self.post(BRAND, record["text"], reply_to=parent)
        self.posts[uri]["record"]["createdAt"] = record["createdAt"]
        if "facets" in record:
            self.posts[uri]["record"]["facets"] = record["facets"]
        return self._json({"uri": uri, "cid": self.posts[uri]["cid"],
                           "commit": {"cid": "bafyreicommit", "rev": self._tid()}, "validationStatus": "valid"})

    def _json(self, body, status: int = 200, session: bool = False) -> Response:
        limit, remaining = (30, self.sessions_remaining) if session else (3000, self.remaining)
        reset = int(time.time()) + 300
        headers = {"RateLimit-Limit": str(limit), "RateLimit-Remaining": str(max(remaining, 0)),
                   "RateLimit-Reset": str(reset), "RateLimit-Policy": f"{limit};w=300"}
        return Response(json.dumps(body), status=status, headers=headers,
                        content_type="application/json; charset=utf-8")
