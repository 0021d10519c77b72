"""A local YouTube Data API v3 in the shapes of python-youtube's fixture data: commentThreads (by channel or
`videoId`) and comments list responses, `comments.insert`, videos with `statistics.commentCount` (every published
comment, replies included), the Google token endpoint, and the daily quota with its 403 quotaExceeded.

Moderation as the reference describes it (developers.google.com/youtube/v3/docs/commentThreads/list,
…/docs/comments): a comment's `status` is `published`, `heldForReview`, `likelySpam` or `rejected`;
`commentThreads.list` lists published threads unless `moderationStatus` asks otherwise, which only an OAuth
request may (an API key gets 403 forbidden); a `heldForReview` listing holds the threads whose top-level comment or
a reply awaits review; `snippet.moderationStatus` is in an answer to the channel owner's OAuth request only, and
not when comments are asked for by `id`; `comments.list` by `parentId` lists published replies, by `id` the
comments that exist (a rejected one is taken to be gone: unverified).

Its page tokens are offsets into the listing (a real one is opaque, and what it does when the listing changes is
not documented). A token it never issued is answered as the reference's errors page says a bad one is, 400
`invalidPageToken` ("The request specifies an invalid page token.", developers.google.com/youtube/v3/docs/errors);
the domain `youtube.parameter` is as developers quote such answers (unverified)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Callable
from urllib.parse import parse_qs

from werkzeug import Request, Response

NOW = datetime.now(timezone.utc).replace(microsecond=0)
COSTS = {("GET", "/commentThreads"): 1, ("GET", "/comments"): 1, ("POST", "/comments"): 50, ("GET", "/channels"): 1,
         ("GET", "/videos"): 1}


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Comment:
    id: str
    author: str  # channel id
    name: str
    text: str
    at: datetime
    parent: str | None = None
    video: str = "vid1"
    status: str = "published"  # heldForReview, likelySpam, rejected
    edited: datetime | None = None  # updatedAt, when its author edited it


@dataclass
class FakeYouTube:
    channel: str = "UCbrand000000000000000000"
    access_token: str = "ya29.token"
    refresh_token: str = "1//refresh"
    api_key: str = "AIza-key"
    comments: dict[str, Comment] = field(default_factory=dict)
    carried: int = 5  # replies a thread carries inline
    quota: int = 10_000
    units: int = 0
    requests: list[tuple[str, str, dict]] = field(default_factory=list)
    failures: list[Response] = field(default_factory=list)
    issued: set[str] = field(default_factory=set)  # the page tokens it gave out
    token_requests: int = 0
    clock: Callable[[], datetime] = lambda: NOW
    next_id: int = 0
    owner_view: bool = False  # the answer being made goes to the channel owner's OAuth request, not by id
    _by_parent: dict[str, list[Comment]] | None = None  # the replies of each thread, for the request being answered

    def install(self, httpserver) -> str:
        httpserver.expect_request(re.compile(".*")).respond_with_handler(self.handle)
        return httpserver.url_for("").rstrip("/")

    def thread(self, id: str, author: str, text: str, at: datetime, video: str = "vid1", name: str | None = None) -> Comment:
        self.comments[id] = Comment(id, author, name or author, text, at, None, video)
        return self.comments[id]

    def reply(self, thread: str, id: str, author: str, text: str, at: datetime, name: str | None = None) -> Comment:
        full = f"{thread}.{id}"
        self.comments[full] = Comment(full, author, name or author, text, at, thread, self.comments[thread].video)
        return self.comments[full]

    # --- wire format -----------------------------------------------------------------------------------------

    def handle(self, request: Request) -> Response:
        self.requests.append((request.method, request.path, dict(request.args)))
        self._by_parent = None
        if self.failures:
            return self.failures.pop(0)
        if request.path == "/token":
            return self._token(request)
        authorized = request.headers.get("Authorization") == f"Bearer {self.access_token}" or (
            request.method == "GET" and request.args.get("key") == self.api_key
        )
        if not authorized:
            return self._error(401, "Request had invalid authentication credentials.", "authError", "global")
        cost = COSTS.get((request.method, request.path))
        if cost is None:
            return Response("not found", 404)
        if self.units + cost > self.quota:
            self.units += 1  # even refused requests cost
            return self._error(403, "The request cannot be completed because you have exceeded your quota.",
                               "quotaExceeded", "youtube.quota")
        self.units += cost
        if request.args.get("pageToken") and request.args["pageToken"] not in self.issued:
            return self._error(400, "The request specifies an invalid page token.", "invalidPageToken",
                               "youtube.parameter")
        owner = request.headers.get("Authorization") == f"Bearer {self.access_token}"
        if request.args.get("moderationStatus", "published") != "published" and not owner:
            return self._error(403, "The request is not properly authorized to retrieve the specified comment "
                                    "threads.", "forbidden", "youtube.commentThread")
        self.owner_view = owner and "id" not in request.args  # moderationStatus is shown in this answer
        if request.path == "/commentThreads":
            body = self._threads(request)
        elif request.path == "/comments" and request.method == "GET":
            body = self._replies(request)
        elif request.path == "/comments":
            body = self._insert(request)
        elif request.path == "/videos":
            body = self._videos(request)
        else:
            body = {"kind": "youtube#channelListResponse", "items": [{"kind": "youtube#channel", "id": self.channel}]}
        return Response(json.dumps(body), 200, content_type="application/json; charset=UTF-8")

    def _error(self, status: int, message: str, reason: str, domain: str) -> Response:
        body = {"error": {"code": status, "message": message,
                          "errors": [{"message": message, "domain": domain, "reason": reason}]}}
        return Response(json.dumps(body), status, content_type="application/json; charset=UTF-8")

    def _token(self, request: Request) -> Response:
        self.token_requests += 1
        form = parse_qs(request.get_data(as_text=True))
        if form.get("refresh_token") != [self.refresh_token]:
            return Response(json.dumps({"error": "invalid_grant", "error_description": "Token has been expired or revoked."}),
                            400, content_type="application/json")
        return Response(json.dumps({"access_token": self.access_token, "expires_in": 3599, "token_type": "Bearer",
                                    "scope": "https://www.googleapis.com/auth/youtube.force-ssl"}),
                        200, content_type="application/json")

    def _snippet(self, comment: Comment) -> dict:
        snippet = {
            "authorDisplayName": comment.name,
            "authorProfileImageUrl": "https://yt3.ggpht.com/a/x=s48-c-k-c0xffffffff-no-rj-mo",
            "authorChannelUrl": f"http://www.youtube.com/channel/{comment.author}",
            "authorChannelId": {"value": comment.author},
            "channelId": self.channel,
            "videoId": comment.video,
            "textDisplay": comment.text,
            "textOriginal": comment.text,
            "canRate": True,
            "viewerRating": "none",
            "likeCount": 0,
            "publishedAt": stamp(comment.at),
            "updatedAt": stamp(comment.edited or comment.at),
        }
        if self.owner_view:
            snippet["moderationStatus"] = comment.status
        if comment.parent:
            snippet["parentId"] = comment.parent
            del snippet["videoId"]
        return snippet

    def _comment(self, comment: Comment) -> dict:
        return {"kind": "youtube#comment", "etag": f"e-{comment.id}", "id": comment.id, "snippet": self._snippet(comment)}

    def _replies_of(self, thread: str, statuses: tuple[str, ...] = ("published",)) -> list[Comment]:
        if self._by_parent is None:  # once a request: a page of a channel with thousands of threads stays quick
            self._by_parent = {}
            for comment in self.comments.values():
                if comment.parent:
                    self._by_parent.setdefault(comment.parent, []).append(comment)
        return sorted((c for c in self._by_parent.get(thread, []) if c.status in statuses), key=lambda c: c.at)

    def _threads_item(self, id: str, statuses: tuple[str, ...] = ("published",)) -> dict:
        top, replies = self.comments[id], self._replies_of(id, statuses)
        item = {
            "kind": "youtube#commentThread",
            "etag": f"t-{top.id}",
            "id": top.id,
            "snippet": {"channelId": self.channel, "videoId": top.video, "topLevelComment": self._comment(top),
                        "canReply": True, "totalReplyCount": len(self._replies_of(id)), "isPublic": True},
        }
        if replies:
            item["replies"] = {"comments": [self._comment(r) for r in reversed(replies[-self.carried:])]}
        return item

    def _videos(self, request: Request) -> dict:
        assert request.args["part"] == "statistics"
        items = [
            {"kind": "youtube#video", "etag": f"v-{video}", "id": video,
             "statistics": {"viewCount": "1000", "likeCount": "10", "favoriteCount": "0",
                            "commentCount": str(sum(1 for c in self.comments.values()
                                                    if c.video == video and c.status == "published"))}}
            for video in request.args["id"].split(",")
            if any(c.video == video for c in self.comments.values())
        ]
        return {"kind": "youtube#videoListResponse", "etag": "v", "items": items,
                "pageInfo": {"totalResults": len(items), "resultsPerPage": len(items)}}

    def _threads(self, request: Request) -> dict:
        status = request.args.get("moderationStatus", "published")
        if "videoId" not in request.args:
            assert request.args["allThreadsRelatedToChannelId"] == self.channel
            assert request.args.get("order") == "time" or status != "published"
        assert request.args["part"] == "snippet,replies"
        # by the top-level comment's time, as developers report the API does: a new reply does not move a thread up
        statuses = ("published",) if status == "published" else ("published", status)
        tops = sorted((c.id for c in self.comments.values()
                       if not c.parent and request.args.get("videoId", c.video) == c.video
                       and (c.status == status if status == "published" else
                            status in {c.status} | {r.status for r in self._replies_of(c.id, (status,))})),
                      key=lambda id: (self.comments[id].at, id), reverse=True)
        size = int(request.args.get("maxResults", 20))
        start = int(request.args.get("pageToken", "0") or 0)
        chunk = tops[start : start + size]
        items = [self._threads_item(top, statuses) for top in chunk]
        body = {"kind": "youtube#commentThreadListResponse", "etag": "x",
                "pageInfo": {"totalResults": len(chunk), "resultsPerPage": size}, "items": items}
        return self._paged(body, start + size, len(tops))

    def _paged(self, body: dict, next_start: int, total: int) -> dict:
        if next_start < total:
            body["nextPageToken"] = str(next_start)
            self.issued.add(body["nextPageToken"])
        return body

    def _replies(self, request: Request) -> dict:
        if "id" in request.args:
            found = [self.comments[id] for id in request.args["id"].split(",")
                     if id in self.comments and self.comments[id].status != "rejected"]
            return {"kind": "youtube#commentListResponse", "etag": "z", "pageInfo": {"resultsPerPage": len(found)},
                    "items": [self._comment(c) for c in found]}
        replies = self._replies_of(request.args["parentId"])
        size = int(request.args.get("maxResults", 20))
        start = int(request.args.get("pageToken", "0") or 0)
        body = {"kind": "youtube#commentListResponse", "etag": "y", "pageInfo": {"resultsPerPage": size},
                "items": [self._comment(c) for c in replies[start : start + size]]}
        return self._paged(body, start + size, len(replies))

    def _insert(self, request: Request) -> dict:
        snippet = request.get_json()["snippet"]
        self.next_id += 1
        comment = self.reply(snippet["parentId"], f"r{self.next_id}", self.channel, snippet["textOriginal"],
                             self.clock() + timedelta(seconds=self.next_id), name="Brand")
        return self._comment(comment)
