"""A small LinkedIn REST API speaking the versioned Community Management wire format the source uses.

`/rest/posts?q=author` (newest first with `sortBy=CREATED`, `start`/`count` paging), `/rest/socialMetadata?ids=
List(...)` (batch get: `results` keyed by URN with `commentSummary.count`), `/rest/socialActions/<urn>/comments`
for a post's top-level comments or a comment's replies (`commentUrn`, `actor`, `created.time` in ms, `message.text`,
`parentComment`, `commentsSummary.aggregatedTotalComments`), and `POST` there to comment (201, the comment as body,
`x-restli-id`). Requests without `LinkedIn-Version` get LinkedIn's 426 VERSION_MISSING, a wrong token 401
INVALID_ACCESS_TOKEN; `fail_next` queues one-off answers.
"""

from __future__ import annotations

import itertools
import json
import re
import time
from dataclasses import dataclass, field
from urllib.parse import unquote

from werkzeug import Request, Response

from tests.support.connectors import FailureQueue

TOKEN = "AQXlinkedin-test-token"
ORGANIZATION = "urn:li:organization:2414183"
T0 = (int(time.time()) - 3 * 86400) * 1000  # three days ago, in milliseconds


def member(number: int) -> str:
    return f"urn:li:person:Ylpq{number:04d}"


def error(status: int, code: str, message: str, **headers) -> Response:
    body = {"status": status, "code": code, "message": message}
    return Response(json.dumps(body), status=status, headers=headers, content_type="application/json")


@dataclass
class FakeLinkedIn:
    posts: dict[str, dict] = field(default_factory=dict)
    comments: dict[str, dict] = field(default_factory=dict)
    failures: FailureQueue = field(default_factory=FailureQueue)
    requests: list[tuple[str, str, str]] = field(default_factory=list)  # method, decoded path, raw query
    restli_methods: list[str | None] = field(default_factory=list)  # each request's X-RestLi-Method
    clock: int = T0
    ids: itertools.count = field(default_factory=lambda: itertools.count(7100000000000000001))

    def install(self, httpserver) -> str:
        httpserver.expect_request(re.compile(".*")).respond_with_handler(self)
        return httpserver.url_for("/rest").rstrip("/")

    # building the world ----------------------------------------------------------------------------------------

    def post(self, commentary: str, *, created_ms: int | None = None) -> str:
        number = next(self.ids)
        self.clock += 60_000
        urn = f"urn:li:share:{number}"
        self.posts[urn] = {"id": urn, "activity": f"urn:li:activity:{number}", "commentary": commentary,
                           "createdAt": created_ms or self.clock}
        return urn

    def comment(self, post: str, actor: str, text: str, *, reply_to: str | None = None) -> str:
        parent = reply_to
        while parent and self.comments[parent]["parentComment"]:  # one level of nesting, as on LinkedIn
            parent = self.comments[parent]["parentComment"]
        self.clock += 60_000
        urn = f"urn:li:comment:({self.posts[post]['activity']},{next(self.ids)})"
        self.comments[urn] = {"post": post, "actor": actor, "text": text, "time": self.clock, "parentComment": parent}
        return urn

    def fail_next(self, path_part: str, response: Response) -> None:
        self.failures.add(path_part, response)

    def paths(self) -> list[str]:
        return [path for method, path, _ in self.requests]

    # serving ---------------------------------------------------------------------------------------------------

    def __call__(self, request: Request) -> Response:
        query = request.query_string.decode()
        self.requests.append((request.method, request.path, query))
        self.restli_methods.append(request.headers.get("X-RestLi-Method"))
        if (failure := self.failures.take(request.path)) is not None:
            return failure
        if request.headers.get("Authorization") != f"Bearer {TOKEN}":
            return error(401, "INVALID_ACCESS_TOKEN", "Invalid access token")
        if not request.headers.get("LinkedIn-Version") or request.headers.get("X-Restli-Protocol-Version") != "2.0.0":
            return error(426, "VERSION_MISSING", "A version must be present. Please specify a version by adding "
                                                 "the LinkedIn-Version header.")
        path = request.path.removeprefix("/rest/")
        if path == "posts" and request.args.get("q") == "author":
            return self._json(self._posts(request))
        if path == "socialMetadata":
            return self._json(self._metadata(query))
        if match := re.fullmatch(r"socialActions/(.+)/comments", path):
            if request.method == "POST":
                return self._create(match[1], request.get_json())
            return self._json(self._comments(request, match[1]))
        return error(404, "NOT_FOUND", f"No resource found at {request.path}")

    def _json(self, body: dict, status: int = 200, **headers) -> Response:
        return Response(json.dumps(body), status=status, headers=headers, content_type="application/json")

    def _page(self, request: Request, elements: list[dict]) -> dict:
        start, count = int(request.args.get("start", 0)), int(request.args.get("count", 10))
        return {"paging": {"start": start, "count": count, "total": len(elements), "links": []},
                "elements": elements[start:start + count]}

    def _posts(self, request: Request) -> dict:
        mine = sorted(self.posts.values(), key=lambda p: p["createdAt"], reverse=True)
        return self._page(request, [
            {"id": p["id"], "author": ORGANIZATION, "commentary": p["commentary"], "createdAt": p["createdAt"],
             "lastModifiedAt": p["createdAt"], "publishedAt": p["createdAt"], "lifecycleState": "PUBLISHED",
             "visibility": "PUBLIC"} for p in mine
        ])

    def _metadata(self, query: str) -> dict:
        match = re.fullmatch(r"ids=List\((.*)\)", query)
        urns = [unquote(part) for part in match[1].split(",")] if match else []
        results = {}
        for urn in urns:
            total = sum(1 for c in self.comments.values() if c["post"] == urn)
            top = sum(1 for c in self.comments.values() if c["post"] == urn and not c["parentComment"])
            results[urn] = {"entity": urn, "commentsState": "OPEN",
                            "commentSummary": {"count": total, "topLevelCount": top}, "reactionSummaries": {}}
        return {"results": results, "statuses": {urn: 200 for urn in results}, "errors": {}}

    def _element(self, urn: str) -> dict:
        comment = self.comments[urn]
        replies = sum(1 for c in self.comments.values() if c["parentComment"] == urn)
        element = {
            "actor": comment["actor"], "commentUrn": urn, "$URN": urn, "id": urn.rsplit(",", 1)[1].rstrip(")"),
            "created": {"actor": comment["actor"], "time": comment["time"]},
            "lastModified": {"actor": comment["actor"], "time": comment["time"]},
            "message": {"attributes": [], "text": comment["text"]},
            "object": self.posts[comment["post"]]["activity"],
            "commentsSummary": {"selectedComments": [], "totalFirstLevelComments": replies,
                                "aggregatedTotalComments": replies},
        }
        if comment["parentComment"]:
            element["parentComment"] = comment["parentComment"]
        return element

    def _comments(self, request: Request, target: str) -> dict:
        if target in self.posts:
            chosen = [urn for urn, c in self.comments.items() if c["post"] == target and not c["parentComment"]]
        else:
            chosen = [urn for urn, c in self.comments.items() if c["parentComment"] == target]
        chosen.sort(key=lambda urn: self.comments[urn]["time"], reverse=True)
        return self._page(request, [self._element(urn) for urn in chosen])

    def _create(self, target: str, body: dict) -> Response:
        parent = body.get("parentComment")
        activity = body["object"]
        post = next(urn for urn, p in self.posts.items() if activity in (urn, p["activity"]))
        if parent is not None and parent != target:
            return error(400, "INVALID_PARENT", "parentComment does not match the path")
        urn = self.comment(post, body["actor"], body["message"]["text"], reply_to=parent)
        return self._json(self._element(urn), status=201, **{"x-restli-id": urn})
