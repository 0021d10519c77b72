"""A local Reddit speaking the wire format of the recorded PRAW cassettes (Listings of t1/t3 things, the
`x-ratelimit-*` headers, the password-grant token endpoint, `/api/comment`, `/api/morechildren`).

Comments the brand cannot see are kept as Reddit keeps them: `num_comments` counts every comment ever written,
removed, deleted and spam-filtered ones included (PRAW, "Comment Extraction and Parsing"); in a tree a deleted
comment shows as `[deleted]` by `[deleted]`, a removed one as `[removed]` by `[deleted]`, and only while it has
replies; a comment the spam filter holds shows nowhere (not in the tree, nor in the inbox) until a moderator
approves it, with its original `created_utc`."""

from __future__ import annotations

import base64
import json
import re
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qs

from werkzeug import Request, Response

T0 = float(int(time.time()) - 7 * 86400)  # a week ago: inside the default 30-day recency window


@dataclass
class Thing:
    id: str
    author: str
    body: str
    created_utc: float
    parent: str  # fullname: t1_... or t3_...
    article: str
    edited: float | bool = False
    state: str = "live"  # "deleted" by its author, "removed" by a moderator, "filtered" (held by the spam filter)


@dataclass
class FakeReddit:
    brand: str = "BrandCo"
    password: str = "hunter2"
    client_id: str = "cid"
    client_secret: str = "csecret"
    submissions: dict[str, dict] = field(default_factory=dict)
    comments: dict[str, Thing] = field(default_factory=dict)
    requests: list[tuple[str, str, dict]] = field(default_factory=list)
    token_requests: int = 0
    ratelimit: dict = field(default_factory=lambda: {"remaining": "999.0", "reset": "572", "used": "1"})
    failures: list[Response] = field(default_factory=list)  # served (once each) before anything else
    more_after: int = 0  # top-level comments beyond this many in a tree become a "more" stub
    max_depth: int = 0  # replies this deep in a tree become a "continue this thread" stub (0: every depth shown)
    next_id: int = 1000

    def install(self, httpserver) -> str:
        httpserver.expect_request(re.compile(".*")).respond_with_handler(self.handle)
        return httpserver.url_for("").rstrip("/")

    # --- building the world ----------------------------------------------------------------------------------

    def post(self, article: str, title: str, created: float, author: str | None = None) -> None:
        self.submissions[article] = {"id": article, "title": title, "created_utc": created, "author": author or self.brand}

    def comment(self, id: str, author: str, body: str, created: float, parent: str, article: str) -> Thing:
        thing = Thing(id, author, body, created, parent, article)
        self.comments[id] = thing
        return thing

    # --- wire format -----------------------------------------------------------------------------------------

    def handle(self, request: Request) -> Response:
        self.requests.append((request.method, request.path, dict(request.args)))
        if self.failures:
            return self.failures.pop(0)
        if request.path == "/api/v1/access_token":
            return self._token(request)
        if request.headers.get("Authorization") != "bearer tok-1":
            return Response(json.dumps({"message": "Unauthorized", "error": 401}), 401, content_type="application/json")
        routes = [
            (r"/message/inbox/?", self._inbox),
            (rf"/user/{self.brand}/comments/?", self._own_comments),
            (rf"/user/{self.brand}/submitted/?", self._submitted),
            (r"/comments/(\w+)/?", self._tree),
            (r"/api/morechildren/?", self._morechildren),
            (r"/api/comment/?", self._reply),
            (r"/api/v1/me/?", lambda request: {"name": self.brand, "id": "abc"}),
        ]
        for pattern, route in routes:
            match = re.fullmatch(pattern, request.path)
            if match:
                body = route(request, *match.groups())
                if request.args.get("raw_json") != "1":
                    body = _legacy_escaped(body)
                return Response(json.dumps(body), 200, headers=self._headers(), content_type="application/json; charset=UTF-8")
        return Response("not found", 404)

    def _headers(self) -> dict:
        return {f"x-ratelimit-{key}": value for key, value in self.ratelimit.items()}

    def _token(self, request: Request) -> Response:
        self.token_requests += 1
        expected = base64.b64encode(f"{self.client_id}:{self.client_secret}".encode()).decode()
        form = parse_qs(request.get_data(as_text=True))
        if request.headers.get("Authorization") != f"Basic {expected}":
            return Response(json.dumps({"message": "Unauthorized", "error": 401}), 401, content_type="application/json")
        if form.get("grant_type") != ["password"] or form.get("password") != [self.password]:
            return Response(json.dumps({"error": "invalid_grant"}), 200, content_type="application/json")
        body = {"access_token": "tok-1", "token_type": "bearer", "expires_in": 86400, "scope": "*"}
        return Response(json.dumps(body), 200, content_type="application/json; charset=UTF-8")

    def _listing(self, request: Request, items: list[dict], kind: str = "t1") -> dict:
        limit = int(request.args.get("limit", 25))
        after = request.args.get("after")
        names = [item["name"] for item in items]
        start = names.index(after) + 1 if after in names else 0
        chunk = items[start : start + limit]
        more = start + limit < len(items)
        return {
            "kind": "Listing",
            "data": {
                "after": chunk[-1]["name"] if more and chunk else None,
                "dist": len(chunk),
                "modhash": None,
                "geo_filter": "",
                "children": [{"kind": kind, "data": item} for item in chunk],
                "before": None,
            },
        }

    def _newest_first(self, things) -> list[Thing]:
        return sorted(things, key=lambda t: (t.created_utc, t.id), reverse=True)

    def _inbox_type(self, thing: Thing) -> str | None:
        if thing.author == self.brand:
            return None
        kind, parent = thing.parent.split("_", 1)
        if kind == "t1" and parent in self.comments and self.comments[parent].author == self.brand:
            return "comment_reply"
        if kind == "t3" and self.submissions.get(parent, {}).get("author") == self.brand:
            return "post_reply"
        if f"/u/{self.brand}".lower() in thing.body.lower():
            return "username_mention"
        return None

    def _inbox(self, request: Request) -> dict:
        items = []
        for thing in self._newest_first(self.comments.values()):
            kind = self._inbox_type(thing)
            if kind is None or thing.state != "live":
                continue
            title = self.submissions.get(thing.article, {}).get("title", "A post")
            items.append(
                {
                    "first_message": None, "subreddit": "brandsub", "likes": None, "replies": "",
                    "author_fullname": f"t2_{thing.author.lower()}", "id": thing.id,
                    "subject": kind.replace("_", " "), "author": thing.author, "parent_id": thing.parent,
                    "new": True, "type": kind, "body": thing.body, "link_title": title, "dest": self.brand,
                    "was_comment": True, "name": f"t1_{thing.id}", "created": thing.created_utc,
                    "created_utc": thing.created_utc,
                    "context": f"/r/brandsub/comments/{thing.article}/slug/{thing.id}/?context=3",
                    "distinguished": None,
                }
            )
        items.append(self._private_message())  # the inbox also holds private messages: not comments
        items.sort(key=lambda item: item["created_utc"], reverse=True)
        return self._listing(request, items)

    def _private_message(self) -> dict:
        return {
            "id": "pm1", "name": "t4_pm1", "author": "someone", "body": "a private message", "was_comment": False,
            "type": "unknown", "created_utc": T0 + 0.5, "parent_id": None, "context": "", "subject": "hi",
        }

    def _comment_data(self, thing: Thing, replies="") -> dict:
        author, body = (thing.author, thing.body) if thing.state == "live" else ("[deleted]", f"[{thing.state}]")
        return {
            "id": thing.id, "name": f"t1_{thing.id}", "author": author, "body": body,
            "parent_id": thing.parent, "link_id": f"t3_{thing.article}", "created_utc": thing.created_utc,
            "created": thing.created_utc, "edited": thing.edited, "replies": replies, "subreddit": "brandsub",
            "permalink": f"/r/brandsub/comments/{thing.article}/slug/{thing.id}/", "score": 1,
            "is_submitter": thing.author == self.submissions.get(thing.article, {}).get("author"),
        }

    def _own_comments(self, request: Request) -> dict:
        mine = [t for t in self._newest_first(self.comments.values()) if t.author == self.brand and t.state == "live"]
        items = []
        for thing in mine:
            data = self._comment_data(thing)
            data["link_title"] = self.submissions.get(thing.article, {}).get("title", "A post")
            items.append(data)
        return self._listing(request, items)

    def _submitted(self, request: Request) -> dict:
        posts = sorted(self.submissions.values(), key=lambda p: p["created_utc"], reverse=True)
        items = []
        for post in posts:
            if post["author"] != self.brand:
                continue
            count = sum(1 for t in self.comments.values() if t.article == post["id"])
            items.append(
                {"id": post["id"], "name": f"t3_{post['id']}", "title": post["title"], "author": post["author"],
                 "created_utc": post["created_utc"], "num_comments": count,
                 "permalink": f"/r/brandsub/comments/{post['id']}/slug/"}
            )
        return self._listing(request, items, kind="t3")

    def _children_of(self, parent: str) -> list[Thing]:
        """The comments under `parent` a tree shows, newest first."""
        return sorted((t for t in self.comments.values() if t.parent == parent and self._shown(t)),
                      key=lambda t: t.created_utc, reverse=True)

    def _shown(self, thing: Thing) -> bool:
        if thing.state == "live":
            return True
        return thing.state != "filtered" and any(self._shown(t) for t in self.comments.values()
                                                 if t.parent == f"t1_{thing.id}")

    def _subtree(self, thing: Thing, depth: int = 0) -> dict:
        children = self._children_of(f"t1_{thing.id}")
        if children and self.max_depth and depth + 1 >= self.max_depth:  # a `more` with no ids: Reddit's link
            shown = [{"kind": "more", "data": {"count": 0, "name": "t1__", "id": "_", "parent_id": f"t1_{thing.id}",
                                               "depth": depth + 1, "children": []}}]
        else:
            shown = [self._subtree(c, depth + 1) for c in children]
        replies = {"kind": "Listing", "data": {"children": shown, "after": None}} if children else ""
        return {"kind": "t1", "data": self._comment_data(thing, replies)}

    def _tree(self, request: Request, article: str) -> list:
        post = self.submissions[article]
        top = self._children_of(f"t3_{article}")
        shown = top[: self.more_after] if self.more_after else top
        children = [self._subtree(t) for t in shown]
        if len(shown) < len(top):
            hidden = [t.id for t in top[len(shown):]]
            children.append({"kind": "more", "data": {"count": len(hidden), "name": "t1__", "id": "_",
                                                     "parent_id": f"t3_{article}", "depth": 0, "children": hidden}})
        submission = {"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {
            "id": article, "name": f"t3_{article}", "title": post["title"], "author": post["author"],
            "created_utc": post["created_utc"], "num_comments": sum(1 for t in self.comments.values() if t.article == article)}}], "after": None}}
        return [submission, {"kind": "Listing", "data": {"children": children, "after": None}}]

    def _morechildren(self, request: Request) -> dict:
        ids = request.args.get("children", "").split(",")
        things = []
        for id in ids:  # Reddit returns the hidden comments and their descendants flat, each with parent_id
            stack = [self.comments[id]]
            while stack:
                thing = stack.pop()
                things.append({"kind": "t1", "data": self._comment_data(thing)})
                stack.extend(self._children_of(f"t1_{thing.id}"))
        return {"json": {"errors": [], "data": {"things": things}}}

    def _reply(self, request: Request) -> dict:
        form = parse_qs(request.get_data(as_text=True))
        parent = form["thing_id"][0]
        kind, bare = parent.split("_", 1)
        article = bare if kind == "t3" else self.comments[bare].article
        self.next_id += 1
        thing = self.comment(f"r{self.next_id}", self.brand, form["text"][0], T0 + 10**6 + self.next_id, parent, article)
        return {"json": {"errors": [], "data": {"things": [{"kind": "t1", "data": self._comment_data(thing)}]}}}


def _legacy_escaped(value):
    """What Reddit answers without `raw_json=1`: `&`, `<` and `>` in every string as HTML entities (the API's
    documented legacy escaping)."""
    if isinstance(value, str):
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if isinstance(value, list):
        return [_legacy_escaped(item) for item in value]
    if isinstance(value, dict):
        return {key: _legacy_escaped(item) for key, item in value.items()}
    return value
