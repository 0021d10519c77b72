"""A small Graph API speaking the wire format the Facebook and Instagram sources use, shaped on the recorded
responses (sns-sdks/python-facebook fixtures): `{"data": [...], "paging": {"cursors": {...}, "next": ...}}`
pages with opaque `after` cursors, Graph times (`2026-11-20T08:00:00+0000`), compound Facebook ids, the usage
headers on every answer, Graph error bodies (code 190 for a bad token), and `fail_next` for one-off failures.

Facebook: `/{page}/published_posts` (with the `comments...summary(true)` field), `/{post}/comments` with
`filter=stream|toplevel`, `since` and `parent{id}`, `POST /{comment}/comments` (read-after-write with `fields`;
a reply to a reply lands on the top-level comment), `/{post}?fields=comments...summary(true)`; `from` only for the
Page's own token, as Graph does: with `page_token` False the token is a Page admin's user token (what Graph API
Explorer hands out), so `/me` is the person and comments come without `from`; `/debug_token` answers the token's
`type`, `profile_id` and `scopes`. Instagram: `/{user}/media`, `/{media}/comments` with nested
`replies{...}` (the first `nested_replies` of them), `/{media}?fields=comments_count`, `/{comment}/replies`, `POST /{comment}/replies` (answers
only the id, as documented). Threads (`/v1.0/`): `/me`, `/me/threads` (with `has_replies`), `/{post}/conversation`
(every reply at every level, flat, newest first unless `reverse=false`, each with `replied_to` and `root_post`;
`username` and `permalink` only for public profiles and the brand's own, as the reply fields' reference says:
an author `{"private": True}` is a private profile),
and replies as a text container (`POST /me/threads` with `reply_to_id`) published by `POST /me/threads_publish`.
"""

from __future__ import annotations

import base64
import itertools
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from urllib.parse import urlencode

from werkzeug import Request, Response

from bot.config import AccountConfig
from bot.config_file import parse_accounts
from tests.support.connectors import FailureQueue

TOKEN = "EAAGm0PX4ZCpsBAtest-page-token"
PAGE = {"id": "104560000000001", "name": "Acme Coffee"}
IG_USER = {"id": "17841400000000001", "username": "acmecoffee"}
ADMIN = {"id": "10160000000000001", "name": "Ana Admin"}  # a person who manages the Page
THREADS_USER = {"id": "25980000000000001", "username": "acme.coffee"}
VERSION = "v25.0"
THREADS_VERSION = "v1.0"


def graph_time(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S+0000")


def graph_error(code: int, message: str, status: int = 400, subcode: int | None = None, **headers) -> Response:
    error = {"message": message, "type": "OAuthException", "code": code, "fbtrace_id": "AbCdEfGh123"}
    if subcode:
        error["error_subcode"] = subcode
    return Response(json.dumps({"error": error}), status=status, headers=headers, content_type="application/json")


def serve(httpserver) -> "FakeGraph":
    fake = FakeGraph(base_url=httpserver.url_for("").rstrip("/"))
    httpserver.expect_request(re.compile(".*")).respond_with_handler(fake)
    return fake


def account(fake: "FakeGraph", platform: str, name: str, *, version: str = VERSION, token_var: str = "META_TOKEN",
            **keys) -> AccountConfig:
    """A validated account of the platform, on the fake's URL; the variable BAD holds an expired token."""
    entry = {"name": name, "platform": platform, "access_token_env": token_var,
             "api_url": f"{fake.base_url}/{version}", **keys}
    return parse_accounts({"accounts": [entry]}, "replynudge.toml", {"META_TOKEN": TOKEN, "BAD": "EAAexpired"})[0]


def fb_user(number: int) -> dict:
    return {"id": f"2711636948859{number:03d}", "name": f"User {number}"}


def ig_user(number: int) -> dict:
    return {"id": f"17841500000000{number:03d}", "username": f"user_{number}"}


@dataclass
class FakeGraph:
    base_url: str
    token: str = TOKEN
    posts: dict[str, dict] = field(default_factory=dict)
    comments: dict[str, dict] = field(default_factory=dict)
    failures: FailureQueue = field(default_factory=FailureQueue)
    requests: list[tuple[str, str, dict]] = field(default_factory=list)
    app_usage: dict = field(default_factory=lambda: {"call_count": 2, "total_cputime": 1, "total_time": 1})
    business_usage: dict = field(default_factory=lambda: {"call_count": 1, "total_cputime": 1, "total_time": 1,
                                                          "estimated_time_to_regain_access": 0})
    nested_replies: int = 3
    page_token: bool = True
    scopes: list[str] = field(default_factory=lambda: [
        "pages_show_list", "pages_read_engagement", "pages_read_user_engagement", "pages_manage_engagement"])
    honour_since: bool = True
    containers: dict[str, dict] = field(default_factory=dict)
    clock: datetime = field(default_factory=lambda: datetime.now(timezone.utc).replace(microsecond=0) - timedelta(days=2))
    ids: itertools.count = field(default_factory=lambda: itertools.count(1000))

    # building the world ----------------------------------------------------------------------------------------

    def _tick(self, minutes: float = 1) -> datetime:
        self.clock += timedelta(minutes=minutes)
        return self.clock

    def fb_post(self, message: str, *, days_ago: float | None = None) -> str:
        post_id = f"{PAGE['id']}_{next(self.ids)}"
        return self._post("facebook", post_id, message, f"https://www.facebook.com/{PAGE['id']}/posts/{post_id}", days_ago)

    def ig_media(self, caption: str, *, days_ago: float | None = None) -> str:
        media_id = f"1789{next(self.ids):011d}"
        return self._post("instagram", media_id, caption, f"https://www.instagram.com/p/C{media_id[-6:]}/", days_ago)

    def thread(self, text: str, *, days_ago: float | None = None) -> str:
        post_id = f"1801{next(self.ids):011d}"
        return self._post("threads", post_id, text, f"https://www.threads.net/@{THREADS_USER['username']}/post/{post_id}",
                          days_ago)

    def _post(self, kind: str, post_id: str, text: str, url: str, days_ago: float | None) -> str:
        if days_ago is None:
            created = self._tick()
        else:
            created = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(days=days_ago)
        self.posts[post_id] = {"kind": kind, "id": post_id, "created": created, "updated": created, "text": text,
                               "url": url}
        return post_id

    def comment(self, post_id: str, author: dict, text: str, *, reply_to: str | None = None,
                same_second: bool = False) -> str:
        post = self.posts[post_id]
        parent = reply_to
        while post["kind"] != "threads" and parent and self.comments[parent]["parent"]:
            parent = self.comments[parent]["parent"]  # Facebook and Instagram hang replies off the top level
        number = next(self.ids)
        comment_id = f"{post_id.split('_')[-1]}_{number}" if post["kind"] == "facebook" else f"1806{number:011d}"
        created = self.clock if same_second else self._tick()
        self.comments[comment_id] = {"id": comment_id, "post": post_id, "parent": parent, "author": author,
                                     "text": text, "created": created}
        post["updated"] = created
        return comment_id

    def fail_next(self, path_part: str, response: Response) -> None:
        self.failures.add(path_part, response)

    def paths(self, method: str = "GET") -> list[str]:
        return [path for verb, path, _ in self.requests if verb == method]

    # serving ---------------------------------------------------------------------------------------------------

    def __call__(self, request: Request) -> Response:
        self.requests.append((request.method, request.path, dict(request.values)))
        if (failure := self.failures.take(request.path)) is not None:
            return failure
        if request.headers.get("Authorization") != f"Bearer {self.token}":
            return graph_error(190, "Error validating access token: Session has expired on Friday, 20-Nov-26 "
                                    "09:00:00 PST.", subcode=463, **self._usage())
        path = re.sub(r"^/v\d+\.\d+/", "", request.path)
        fields = request.values.get("fields", "")
        routes = [
            ("GET", rf"{PAGE['id']}/published_posts", self._published_posts),
            ("GET", rf"{IG_USER['id']}/media", self._media),
            ("GET", r"([\d_]+)/comments", self._comments),
            ("POST", r"([\d_]+)/comments", self._fb_reply),
            ("GET", r"(\d+)/replies", self._ig_replies),
            ("POST", r"(\d+)/replies", self._ig_reply),
            ("GET", "me", lambda request: self._me(request, fields)),
            ("GET", "debug_token", self._debug_token),
            ("GET", "me/threads", self._threads),
            ("POST", "me/threads", self._container),
            ("POST", "me/threads_publish", self._publish),
            ("GET", r"(\d+)/conversation", self._conversation),
            ("GET", PAGE["id"], lambda request: {key: PAGE[key] for key in fields.split(",") if key in PAGE}),
            ("GET", IG_USER["id"], lambda request: {key: IG_USER[key] for key in fields.split(",") if key in IG_USER}),
            ("GET", r"(\d+_\d+|\d+)", self._node),
        ]
        for method, pattern, route in routes:
            if request.method == method and (match := re.fullmatch(pattern, path)):
                body = route(request, *match.groups())
                if isinstance(body, Response):
                    return body
                return Response(json.dumps(body), headers=self._usage(), content_type="application/json; charset=UTF-8")
        return graph_error(100, f"Unsupported {request.method} request. Object with ID '{path}' does not exist",
                           subcode=33, **self._usage())

    def _me(self, request: Request, fields: str) -> dict:
        if request.path.startswith(f"/{THREADS_VERSION}/"):
            node = THREADS_USER
        else:
            node = PAGE if self.page_token else ADMIN
        return {key: node[key] for key in fields.split(",") if key in node}

    def _debug_token(self, request: Request) -> dict | Response:
        if request.values.get("input_token") != self.token:
            return graph_error(190, "Invalid OAuth access token - Cannot parse access token")
        data = {"app_id": "1234567890123456", "type": "PAGE" if self.page_token else "USER", "application": "Acme",
                "data_access_expires_at": 1798761600, "expires_at": 0, "is_valid": True, "issued_at": 1763000000,
                "scopes": list(self.scopes), "user_id": ADMIN["id"]}
        if self.page_token:
            data["profile_id"] = PAGE["id"]
        return {"data": data}

    def _usage(self) -> dict:
        return {
            "X-App-Usage": json.dumps(self.app_usage),
            "X-Business-Use-Case-Usage": json.dumps({PAGE["id"]: [{"type": "pages", **self.business_usage}]}),
        }

    def _page(self, request: Request, items: list[dict], path: str) -> dict:
        limit = int(request.values.get("limit", 25))
        after = request.values.get("after")
        start = int(base64.b64decode(after)) if after else 0
        chunk = items[start:start + limit]
        body: dict = {"data": chunk}
        if chunk:
            cursors = {"before": base64.b64encode(str(start).encode()).decode(),
                       "after": base64.b64encode(str(start + len(chunk)).encode()).decode()}
            body["paging"] = {"cursors": cursors}
            if start + limit < len(items):
                query = {k: v for k, v in request.values.items() if k != "after"} | {"after": cursors["after"]}
                body["paging"]["next"] = f"{self.base_url}/{VERSION}/{path}?{urlencode(query)}"
        return body

    def _since(self, request: Request, items: list[dict]) -> list[dict]:
        if not self.honour_since or "since" not in request.values:
            return items
        since = datetime.fromtimestamp(int(request.values["since"]), timezone.utc)
        return [item for item in items if item["created"] >= since]

    def _posts_of(self, kind: str, request: Request) -> list[dict]:
        posts = self._since(request, [p for p in self.posts.values() if p["kind"] == kind])
        return sorted(posts, key=lambda p: p["created"], reverse=True)

    def _published_posts(self, request: Request) -> dict:
        fields = request.values["fields"]
        items = []
        for post in self._posts_of("facebook", request):
            item = {"id": post["id"], "created_time": graph_time(post["created"]),
                    "updated_time": graph_time(post["updated"]), "message": post["text"],
                    "permalink_url": post["url"]}
            if "summary(true)" in fields:
                item["comments"] = self._summary(post["id"])
            items.append(item)
        return self._page(request, items, f"{PAGE['id']}/published_posts")

    def _summary(self, post_id: str) -> dict:
        return {"data": [], "summary": {"order": "chronological", "total_count": self._count(post_id),
                                        "can_comment": True}}

    def _count(self, post_id: str) -> int:
        return sum(1 for c in self.comments.values() if c["post"] == post_id)

    def _node(self, request: Request, object_id: str) -> dict | Response:
        """A post or medium read by id, with its comment count (`comments...summary(true)` / `comments_count`)."""
        post = self.posts.get(object_id)
        if post is None:
            return graph_error(100, f"Object with ID '{object_id}' does not exist", subcode=33, **self._usage())
        fields = request.values.get("fields", "")
        item: dict = {"id": object_id}
        if post["kind"] == "facebook" and "summary(true)" in fields:
            item["comments"] = self._summary(object_id)
        if post["kind"] == "instagram" and "comments_count" in fields:
            item["comments_count"] = self._count(object_id)
        return item

    def _media(self, request: Request) -> dict:
        items = [
            {"id": post["id"], "caption": post["text"], "permalink": post["url"],
             "timestamp": graph_time(post["created"]), "comments_count": self._count(post["id"])}
            for post in self._posts_of("instagram", request)
        ]
        return self._page(request, items, f"{IG_USER['id']}/media")

    def _fb_comment(self, comment: dict, fields: str) -> dict:
        item = {"id": comment["id"], "message": comment["text"], "created_time": graph_time(comment["created"]),
                "permalink_url": f"{self.posts[comment['post']]['url']}?comment_id={comment['id']}"}
        if "from" in fields and self.page_token:
            item["from"] = comment["author"]
        if "parent" in fields and comment["parent"]:
            item["parent"] = {"id": comment["parent"]}
        return item

    def _ig_comment(self, comment: dict, fields: str) -> dict:
        item = {"id": comment["id"], "text": comment["text"], "timestamp": graph_time(comment["created"]),
                "username": comment["author"]["username"]}
        if "from" in fields:
            item["from"] = comment["author"]
        if comment["parent"]:
            item["parent_id"] = comment["parent"]
        return item

    def _children(self, parent: str) -> list[dict]:
        return sorted((c for c in self.comments.values() if c["parent"] == parent), key=lambda c: c["created"])

    def _comments(self, request: Request, object_id: str) -> dict:
        fields = request.values.get("fields", "")
        if object_id not in self.posts:
            return graph_error(100, f"Object with ID '{object_id}' does not exist", subcode=33, **self._usage())
        post = self.posts[object_id]
        chosen = [c for c in self.comments.values() if c["post"] == object_id]
        if post["kind"] == "instagram":
            top = sorted((c for c in chosen if not c["parent"]), key=lambda c: c["created"], reverse=True)
            items = []
            for comment in top:
                item = self._ig_comment(comment, fields)
                replies = self._children(comment["id"])
                if "replies{" in fields and replies:
                    shown = [self._ig_comment(r, fields) for r in replies[: self.nested_replies]]
                    item["replies"] = {"data": shown}
                    if len(replies) > self.nested_replies:
                        after = base64.b64encode(str(self.nested_replies).encode()).decode()
                        item["replies"]["paging"] = {"cursors": {"after": after},
                                                     "next": f"{self.base_url}/{VERSION}/{comment['id']}/replies"}
                items.append(item)
            return self._page(request, items, f"{object_id}/comments")
        if request.values.get("filter", "toplevel") != "stream":
            chosen = [c for c in chosen if not c["parent"]]
        chosen = sorted(self._since(request, chosen), key=lambda c: c["created"],
                        reverse=request.values.get("order") == "reverse_chronological")
        return self._page(request, [self._fb_comment(c, fields) for c in chosen], f"{object_id}/comments")

    def _ig_replies(self, request: Request, comment_id: str) -> dict:
        fields = request.values.get("fields", "")
        items = [self._ig_comment(r, fields) for r in self._children(comment_id)]
        return self._page(request, items, f"{comment_id}/replies")

    def _fb_reply(self, request: Request, comment_id: str) -> dict:
        post_id = self.comments[comment_id]["post"]
        new_id = self.comment(post_id, PAGE, request.values["message"], reply_to=comment_id)
        fields = request.values.get("fields")
        return self._fb_comment(self.comments[new_id], fields) if fields else {"id": new_id}

    def _ig_reply(self, request: Request, comment_id: str) -> dict:
        post_id = self.comments[comment_id]["post"]
        return {"id": self.comment(post_id, IG_USER, request.values["message"], reply_to=comment_id)}

    def _threads(self, request: Request) -> dict:
        items = [
            {"id": post["id"], "media_type": "TEXT_POST", "text": post["text"], "permalink": post["url"],
             "timestamp": graph_time(post["created"]),
             "has_replies": any(c["post"] == post["id"] for c in self.comments.values())}
            for post in self._posts_of("threads", request)
        ]
        return self._page(request, items, "me/threads")

    def _conversation(self, request: Request, post_id: str) -> dict:
        replies = sorted((c for c in self.comments.values() if c["post"] == post_id), key=lambda c: c["created"],
                         reverse=request.values.get("reverse", "true") == "true")
        items = [
            {"id": c["id"], "text": c["text"], "timestamp": graph_time(c["created"]),
             **({} if c["author"].get("private") else  # "only works for public users or your own user"
                {"username": c["author"]["username"], "permalink": f"{self.posts[post_id]['url']}#{c['id']}"}),
             "replied_to": {"id": c["parent"] or post_id}, "root_post": {"id": post_id},
             "is_reply_owned_by_me": c["author"] == THREADS_USER, "hide_status": c.get("hide_status", "NOT_HUSHED")}
            for c in replies
        ]
        return self._page(request, items, f"{post_id}/conversation")

    def _container(self, request: Request) -> dict:
        container_id = f"1790{next(self.ids):011d}"
        self.containers[container_id] = {"media_type": request.values["media_type"], "text": request.values["text"],
                                         "reply_to_id": request.values.get("reply_to_id")}
        return {"id": container_id}

    def _publish(self, request: Request) -> dict | Response:
        container = self.containers.pop(request.values["creation_id"], None)
        if container is None:
            return graph_error(24, "The requested resource does not exist", subcode=4279009, **self._usage())
        target = container["reply_to_id"]
        post_id = self.comments[target]["post"] if target in self.comments else target
        return {"id": self.comment(post_id, THREADS_USER, container["text"],
                                   reply_to=target if target in self.comments else None)}
