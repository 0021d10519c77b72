"""A small Mastodon server speaking the REST wire format the source uses, shaped on recorded responses.

Notifications and statuses page the way Mastodon's do (newest first inside a page, `min_id`/`max_id`, a `Link`
header with rel="next"/"prev" that leaves `limit` out), every answer carries `X-RateLimit-*` headers with an
ISO 8601 reset, a wrong bearer token gets 401, and `fail_next` queues one-off failures. Statuses carry
`replies_count` as Mastodon counts it (public and unlisted direct replies); `GET statuses/:id` reads one.

As Mastodon does (app/services/fan_out_on_write_service.rb, notify_about_update!): an edit notifies (`update`)
only the accounts that boosted the status; a quote (4.5) notifies the quoted account (`quote`); a notification a
notification policy filters (4.3+) is listed only with `include_filtered=true`; `GET statuses?id[]=` (4.3+) takes
at most 20 ids (422 beyond) and leaves out deleted ones; a status lists the accounts its text @-mentions, and
only those are notified (`mention`): Mastodon makes mentions from the @-handles in a status's text alone
(app/services/process_mentions_service.rb `scan_text!`) and notifies its active mentions
(fan_out_on_write_service.rb `notify_mentioned_accounts!`); a reply is not a notification of its own.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from urllib.parse import urlencode

from werkzeug import Request, Response

from tests.support.connectors import FailureQueue

TOKEN = "mastodon-test-token-123"
BRAND = {"id": "117020565693913441", "username": "acme", "acct": "acme", "display_name": "Acme Coffee"}


def user(number: int) -> dict:
    return {"id": f"2000{number}", "username": f"user{number}", "acct": f"user{number}@example.social",
            "display_name": f"User {number}"}


@dataclass
class FakeMastodon:
    base_url: str
    token: str = TOKEN
    statuses: dict[str, dict] = field(default_factory=dict)
    deleted: set[str] = field(default_factory=set)
    notifications: list[dict] = field(default_factory=list)
    failures: FailureQueue = field(default_factory=FailureQueue)
    idempotency: dict[str, str] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    remaining: int = 300
    clock: datetime = field(default_factory=lambda: datetime.now(timezone.utc).replace(microsecond=0) - timedelta(days=1))
    next_id: int = 117020577157693549
    boosted: set[str] = field(default_factory=set)  # statuses the brand boosted
    accounts: dict[str, dict] = field(default_factory=lambda: {BRAND["acct"]: BRAND})

    # building the world ----------------------------------------------------------------------------------------

    def _new_id(self) -> str:
        self.next_id += 1000
        return str(self.next_id)

    def post(self, account: dict, text: str, *, reply_to: str | None = None, visibility: str = "public",
             spoiler_text: str = "", quote: str | None = None, filtered: bool = False, mention: bool = True) -> str:
        """A reply starts with the @-mention of the account it answers, as Mastodon's apps write it;
        `mention=False`: its writer removed it, and so nobody is notified."""
        self.clock += timedelta(minutes=1)
        self.accounts[account["acct"]] = account
        status_id = self._new_id()
        parent = self.statuses.get(reply_to) if reply_to else None
        answered = f"@{parent['account']['acct']}" if parent and parent["account"]["id"] != account["id"] else None
        if mention and answered and answered not in text.split():
            text = f"{answered} {text}"
        self.statuses[status_id] = {
            "id": status_id,
            "created_at": self.clock.isoformat().replace("+00:00", ".000Z"),
            "in_reply_to_id": reply_to,
            "in_reply_to_account_id": parent["account"]["id"] if parent else None,
            "sensitive": bool(spoiler_text), "spoiler_text": spoiler_text, "visibility": visibility, "language": "en",
            "uri": f"{self.base_url}/users/{account['username']}/statuses/{status_id}",
            "url": f"{self.base_url}/@{account['username']}/{status_id}",
            "edited_at": None,
            "content": f"<p>{text}</p>",
            "account": {**account, "url": f"{self.base_url}/@{account['username']}"},
            "mentions": self._mentions(text), "tags": [], "emojis": [], "media_attachments": [],
            "replies_count": 0, "reblogs_count": 0, "favourites_count": 0,
        }
        if quote:
            self.statuses[status_id]["quote"] = {"state": "accepted", "quoted_status": self.statuses[quote]}
        self._count_reply(status_id, +1)
        mentions_brand = any(m["id"] == BRAND["id"] for m in self.statuses[status_id]["mentions"])
        if account["id"] != BRAND["id"] and mentions_brand:
            self._notify("mention", status_id, filtered=filtered)
        elif quote and self.statuses[quote]["account"]["id"] == BRAND["id"]:
            self._notify("quote", status_id, filtered=filtered)
        return status_id

    def _count_reply(self, status_id: str, step: int) -> None:
        """`replies_count` of the status replied to: public and unlisted replies only, as Mastodon's
        `Status#increment_counter_caches` counts them (`distributable?`)."""
        status = self.statuses[status_id]
        if status["in_reply_to_id"] and status["visibility"] in ("public", "unlisted"):
            self.statuses[status["in_reply_to_id"]]["replies_count"] += step

    def _mentions(self, text: str) -> list[dict]:
        named = [self.accounts.get(word[1:].rstrip(",.!?:;")) for word in text.split() if word.startswith("@")]
        return [{"id": a["id"], "username": a["username"], "acct": a["acct"], "url": f"{self.base_url}/@{a['acct']}"}
                for a in named if a]

    def edit(self, status_id: str, text: str) -> None:
        self.clock += timedelta(minutes=1)
        self.statuses[status_id]["content"] = f"<p>{text}</p>"
        self.statuses[status_id]["edited_at"] = self.clock.isoformat().replace("+00:00", ".000Z")
        if status_id in self.boosted:
            self._notify("update", status_id)

    def delete(self, status_id: str) -> None:
        self.deleted.add(status_id)
        self._count_reply(status_id, -1)

    def _notify(self, kind: str, status_id: str, filtered: bool = False) -> None:
        number = len(self.notifications) + 21
        self.notifications.append({"filtered": filtered,
            "id": str(number), "type": kind, "created_at": self.statuses[status_id]["created_at"],
            "group_key": f"ungrouped-{number}", "account": self.statuses[status_id]["account"],
            "status_id": status_id,
        })

    def fail_next(self, path_part: str, response: Response) -> None:
        self.failures.add(path_part, response)

    # serving ---------------------------------------------------------------------------------------------------

    def __call__(self, request: Request) -> Response:
        self.requests.append(request.full_path)
        if (failure := self.failures.take(request.path)) is not None:
            return failure
        if request.headers.get("Authorization") != f"Bearer {self.token}":
            return self._json({"error": "The access token is invalid"}, status=401)
        self.remaining -= 1
        path = request.path.removeprefix("/api/v1/")
        if path == "accounts/verify_credentials":
            return self._json({**BRAND, "source": {"privacy": "public"}})
        if path == "notifications":
            types = request.args.getlist("types[]")
            shown = request.args.get("include_filtered") == "true"
            items = [self._notification(n) for n in self.notifications
                     if n["type"] in types and (shown or not n["filtered"])]
            return self._page(request, [item for item in items if item["status"] is not None])
        if match := re.fullmatch(r"accounts/(\d+)/statuses", path):
            own = [s for s in self.statuses.values() if s["account"]["id"] == match[1] and s["id"] not in self.deleted]
            if request.args.get("exclude_replies") == "true":
                own = [s for s in own if not s["in_reply_to_id"]]
            return self._page(request, own)
        if match := re.fullmatch(r"statuses/(\d+)/context", path):
            return self._context(match[1])
        if (match := re.fullmatch(r"statuses/(\d+)", path)) and match[1] in self.statuses:
            if match[1] not in self.deleted:
                return self._json(self.statuses[match[1]])
        if path == "statuses" and request.method == "POST":
            return self._create(request)
        if path == "statuses":
            wanted = request.args.getlist("id[]")
            if len(wanted) > 20:
                return self._json({"error": "Validation failed"}, status=422)
            return self._json([self.statuses[i] for i in wanted if i in self.statuses and i not in self.deleted])
        return self._json({"error": "Record not found"}, status=404)

    def _notification(self, item: dict) -> dict:
        status_id = item["status_id"]
        status = None if status_id in self.deleted else self.statuses[status_id]
        return {key: value for key, value in item.items() if key not in ("status_id", "filtered")} | {"status": status}

    def _page(self, request: Request, items: list[dict]) -> Response:
        limit = int(request.args.get("limit", 20))
        ordered = sorted(items, key=lambda item: int(item["id"]))
        if "min_id" in request.args:
            chosen = [item for item in ordered if int(item["id"]) > int(request.args["min_id"])][:limit]
        else:
            if "max_id" in request.args:
                ordered = [item for item in ordered if int(item["id"]) < int(request.args["max_id"])]
            chosen = ordered[-limit:]
        chosen.reverse()  # newest first, as Mastodon answers
        headers = {}
        if chosen:
            keep = [(key, value) for key, value in request.args.items(multi=True)
                    if key not in ("min_id", "max_id", "limit")]
            link = f"{self.base_url}{request.path}?"
            headers["Link"] = (
                f'<{link}{urlencode([("max_id", chosen[-1]["id"]), *keep])}>; rel="next", '
                f'<{link}{urlencode([("min_id", chosen[0]["id"]), *keep])}>; rel="prev"'
            )
        return self._json(chosen, headers=headers)

    def _context(self, status_id: str) -> Response:
        if status_id in self.deleted or status_id not in self.statuses:
            return self._json({"error": "Record not found"}, status=404)
        ancestors, cursor = [], self.statuses[status_id]["in_reply_to_id"]
        while cursor and cursor not in self.deleted:
            ancestors.insert(0, self.statuses[cursor])
            cursor = self.statuses[cursor]["in_reply_to_id"]

        def descends(status: dict) -> bool:
            parent = status["in_reply_to_id"]
            while parent:
                if parent == status_id:
                    return True
                parent = self.statuses[parent]["in_reply_to_id"]
            return False

        descendants = [s for s in self.statuses.values() if s["id"] not in self.deleted and descends(s)]
        return self._json({"ancestors": ancestors, "descendants": sorted(descendants, key=lambda s: int(s["id"]))})

    def _create(self, request: Request) -> Response:
        key = request.headers.get("Idempotency-Key")
        if key and key in self.idempotency:
            return self._json(self.statuses[self.idempotency[key]])
        status_id = self.post(
            BRAND, request.form["status"], reply_to=request.form.get("in_reply_to_id"),
            visibility=request.form.get("visibility", "public"), spoiler_text=request.form.get("spoiler_text", ""),
        )
        if key:
            self.idempotency[key] = status_id
        return self._json(self.statuses[status_id])

    def _json(self, body, status: int = 200, headers: dict | None = None) -> Response:
        reset = (self.clock + timedelta(minutes=5)).isoformat().replace("+00:00", "Z")
        rate = {"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": str(max(self.remaining, 0)),
                "X-RateLimit-Reset": reset}
        return Response(json.dumps(body), status=status, headers={**rate, **(headers or {})},
                        content_type="application/json; charset=utf-8")
