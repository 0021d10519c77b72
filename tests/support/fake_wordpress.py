"""A small WordPress speaking the REST API's comment routes, shaped on WordPress's own API fixtures.

The home page announces the API root in a `Link` header, as `/wp-json/` (pretty permalinks) or `/?rest_route=/`
(plain). The site's clock runs two hours ahead of GMT and `after` compares with the local `date`, as WordPress
does. Application Password basic auth, `X-WP-Total(Pages)` (the comments matching the query), `post`,
`orderby=date_gmt|id`, `_embed=up`, 409 on duplicates, `fail_next`. A comment held for moderation keeps its
`date` when it is approved, as in WordPress (`wp_set_comment_status` changes only `comment_approved`).
`status` (approve, hold, all) and `include` as WordPress reads them: a status other than approve needs the
`edit_posts` capability (`rest_forbidden_param` otherwise), which `users/me?context=edit` lists.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from werkzeug import Request, Response

from tests.support.connectors import FailureQueue

USER, APP_PASSWORD = "acme", "abcd EFGH 1234 ijkl MNOP 5678"
BRAND_ID = 3
OFFSET = timedelta(hours=2)


@dataclass
class FakeWordPress:
    base_url: str
    pretty: bool = True
    comments: dict[int, dict] = field(default_factory=dict)
    posts: dict[int, str] = field(default_factory=lambda: {4: "Brewing with a moka pot", 9: "Our new roastery"})
    failures: FailureQueue = field(default_factory=FailureQueue)
    requests: list[str] = field(default_factory=list)
    # GMT, naive as WordPress's date_gmt; a day back from the test's clock, so nothing ages out of a recency window.
    clock: datetime = field(default_factory=lambda: datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
                            - timedelta(days=1))
    next_id: int = 1
    edits_posts: bool = True  # the brand's role: Administrator here, Subscriber when False

    def add(self, author_name: str, text: str, *, post: int = 4, parent: int = 0, author: int = 0,
            same_second: bool = False, status: str = "approved") -> int:
        if not same_second:
            self.clock += timedelta(seconds=30)
        comment_id, self.next_id = self.next_id, self.next_id + 1
        self.comments[comment_id] = {
            "id": comment_id, "post": post, "parent": parent, "author": author, "author_name": author_name,
            "author_url": "", "date": (self.clock + OFFSET).isoformat(), "date_gmt": self.clock.isoformat(),
            "content": {"rendered": f"<p>{text}</p>\n"}, "link": f"{self.base_url}/?p={post}#comment-{comment_id}",
            "status": status, "type": "comment",
            "author_avatar_urls": {"24": "https://secure.gravatar.com/avatar/x?s=24"},
        }
        return comment_id

    def fail_next(self, part: str, response: Response) -> None:
        self.failures.add(part, response)

    def __call__(self, request: Request) -> Response:
        self.requests.append(request.full_path)
        route = request.args.get("rest_route") or request.path.removeprefix("/wp-json")
        if (failure := self.failures.take(route)) is not None:
            return failure
        if route in ("/", "") and "rest_route" not in request.args:
            root = f"{self.base_url}/wp-json/" if self.pretty else f"{self.base_url}/?rest_route=/"
            return Response("<html>blog</html>", headers={"Link": f'<{root}>; rel="https://api.w.org/"'})
        expected = "Basic " + base64.b64encode(f"{USER}:{APP_PASSWORD}".encode()).decode()
        if request.headers.get("Authorization") != expected:
            return self._json({"code": "incorrect_password", "message": "The provided password is an invalid "
                               "application password.", "data": {"status": 401}}, status=401)
        if route == "/wp/v2/users/me":
            me = {"id": BRAND_ID, "name": "Acme Coffee", "slug": USER}
            if request.args.get("context") == "edit":
                me["capabilities"] = {"read": True, **({"edit_posts": True} if self.edits_posts else {})}
            return self._json(me)
        if route == "/wp/v2/comments" and request.method == "GET":
            return self._list(request)
        if route == "/wp/v2/comments" and request.method == "POST":
            return self._create(request.get_json())
        if route.startswith("/wp/v2/comments/"):
            comment = self.comments.get(int(route.rsplit("/", 1)[1]))
            if comment is None:
                return self._json({"code": "rest_comment_invalid_id", "message": "Invalid comment ID."}, status=404)
            return self._json(comment)
        return self._json({"code": "rest_no_route", "message": "No route was found."}, status=404)

    def _list(self, request: Request) -> Response:
        status = request.args.get("status", "approve")
        if status != "approve" and not self.edits_posts:
            return self._json({"code": "rest_forbidden_param", "message": "Query parameter not permitted: status",
                               "data": {"status": 403}}, status=403)
        wanted = {"approve": ("approved",), "hold": ("hold",), "all": ("approved", "hold")}.get(status, (status,))
        items = [c for c in self.comments.values() if c["status"] in wanted]
        if "include" in request.args:
            items = [c for c in items if str(c["id"]) in request.args["include"].split(",")]
        if "after" in request.args:
            after = datetime.fromisoformat(request.args["after"])
            items = [c for c in items if datetime.fromisoformat(c["date"]) > after]
        if "post" in request.args:
            items = [c for c in items if c["post"] == int(request.args["post"])]
        order = (lambda c: c["id"]) if request.args.get("orderby") == "id" else (lambda c: (c["date_gmt"], c["id"]))
        items.sort(key=order, reverse=request.args.get("order", "desc") == "desc")
        per_page, page = int(request.args.get("per_page", 10)), int(request.args.get("page", 1))
        chosen = [dict(c) for c in items[(page - 1) * per_page : page * per_page]]
        if request.args.get("_embed") == "up":
            for comment in chosen:
                comment["_embedded"] = {"up": [{"id": comment["post"], "title": {"rendered": self.posts[comment["post"]]}}]}
        pages = max(1, -(-len(items) // per_page))
        return self._json(chosen, headers={"X-WP-Total": str(len(items)), "X-WP-TotalPages": str(pages)})

    def _create(self, body: dict) -> Response:
        text = f"<p>{body['content']}</p>\n"
        if any(c["content"]["rendered"] == text and c["parent"] == body["parent"] for c in self.comments.values()):
            return self._json({"code": "comment_duplicate", "message": "Duplicate comment detected; it looks as "
                               "though you've already said that!"}, status=409)
        comment_id = self.add("Acme Coffee", body["content"], post=body["post"], parent=body["parent"], author=BRAND_ID)
        return self._json(self.comments[comment_id], status=201)

    @staticmethod
    def _json(body, status: int = 200, headers: dict | None = None) -> Response:
        return Response(json.dumps(body), status=status, headers=headers or {}, content_type="application/json")
