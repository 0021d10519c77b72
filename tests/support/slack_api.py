"""A local stand-in for Slack's Web API on port 0: records every call, keeps the channel history it was sent.

It answers what Reply Nudge calls (chat.postMessage/update/postEphemeral, conversations.history/open/members/info,
views.open/update/publish, auth.test, users.info, usergroups.users.list) with Slack's documented response shapes
(https://docs.slack.dev/reference/methods/users.info and the pages next to it), answers `response_url` posts
at /response/<name>, and can be told to fail a method (429 with Retry-After, a 500, an `ok: false` error).
Every message, modal and Home tab it receives is checked against Block Kit's limits (tests/support/blockkit.py): one that
breaks them is refused as Slack refuses it (`invalid_blocks`) and kept in `violations`, which the `slack_api`
fixture requires to be empty at the end of each test.
File uploads take Slack's three steps: files.getUploadURLExternal hands out an upload URL on this server, the
file's bytes are POSTed there, and files.completeUploadExternal shares the uploaded files in a channel.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from tests.support.blockkit import payload_violation

BOT_USER = "U0BOT"
TEAM = "T0TEAM"
DROP = 0  # a failure status: the connection is closed without an answer
SOCKET_PATH = "/socket-mode"  # where apps.connections.open sends a Socket Mode client
WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"  # RFC 6455's, for the handshake's Sec-WebSocket-Accept
MEMBERS = ("U0ANA", "U0BEN")  # full members of TEAM, in every channel unless `members` says otherwise


@dataclass
class Call:
    method: str  # "chat.postMessage", or "response_url" for posts to a response URL
    params: dict[str, Any]
    path: str
    at: float = field(default_factory=time.monotonic)


@dataclass
class Failure:
    status: int
    body: dict[str, Any]
    headers: dict[str, str]
    channel: str | None = None  # only calls naming this channel fail


class SlackAPI:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.history: dict[str, list[dict[str, Any]]] = {}  # channel -> messages, oldest first
        self.files: dict[str, dict[str, Any]] = {}  # file id -> filename, length, and once uploaded its bytes
        self.violations: list[str] = []  # payloads past Block Kit's limits, refused
        self.users: dict[str, dict[str, Any]] = {user: _user(user) for user in MEMBERS}
        self.users[BOT_USER] = _user(BOT_USER, is_bot=True)
        self.members: dict[str, list[str]] = {}  # channel -> its members; any other channel has MEMBERS and the bot
        self.usergroups: dict[str, list[str]] = {}  # user group id (S…) -> its members
        self.channels: dict[str, dict[str, Any]] = {}  # channel id -> name, is_private: what conversations.info knows
        self._failures: dict[str, list[Failure]] = {}
        self._hooks: dict[str, Any] = {}
        self._lock = threading.Condition()
        self._ts = itertools.count(1)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def url(self) -> str:
        """What SLACK_API_URL is set to."""
        return self.base + "/api/"

    def response_url(self, name: str = "r1") -> str:
        return f"{self.base}/response/{name}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    # -- telling it what to do -------------------------------------------------------------------------------

    def fail(self, method: str, *, status: int = 429, retry_after: int | None = 1, error: str = "ratelimited",
             times: int = 1, channel: str | None = None) -> None:
        """The next `times` calls to `method` (naming `channel`, when given) fail: with `status`, or with
        `status=DROP` the connection is closed without an answer."""
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
        with self._lock:
            self._failures.setdefault(method, []).extend(
                Failure(status, {"ok": False, "error": error}, headers, channel) for _ in range(times)
            )

    def add_channel(self, channel: str, name: str, *, private: bool = False) -> None:
        self.channels[channel] = {"name": name, "is_private": private}

    def add_user(self, user: str, *, team: str = TEAM, **fields: Any) -> None:
        """A user of the workspace, or with another `team` a Slack Connect user; `fields` such as
        is_restricted=True (a guest) or enterprise_user={...} override users.info's answer."""
        with self._lock:
            self.users[user] = _user(user, team=team, **fields)

    def on(self, method: str, hook) -> None:
        """Call `hook(params)` when a call to `method` arrives, before it is answered: what happens elsewhere while
        Slack handles the call (outside the lock: the hook may take its time)."""
        self._hooks[method] = hook

    # -- what happened -------------------------------------------------------------------------------------

    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [call for call in self.calls if call.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """Listeners work after their ack, on Bolt's executor: wait until `count` calls to `method` arrived."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = [call for call in self.calls if call.method == method]
                if len(found) >= count or time.monotonic() >= deadline:
                    return found
                self._lock.wait(deadline - time.monotonic())

    def messages(self, channel: str) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(message) for message in self.history.get(channel, [])]

    # -- the server ----------------------------------------------------------------------------------------

    def _handler_class(self):
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                if urlsplit(self.path).path == SOCKET_PATH and self.headers.get("Upgrade", "").lower() == "websocket":
                    self._hold_socket()
                    return
                self._serve()

            def _hold_socket(self) -> None:
                """Socket Mode: the WebSocket handshake, then the connection held open (sending no events) until
                the client closes it; recorded as a call to "socket"."""
                key = self.headers["Sec-WebSocket-Key"] + WEBSOCKET_GUID
                self.send_response(101)
                self.send_header("Upgrade", "websocket")
                self.send_header("Connection", "Upgrade")
                self.send_header("Sec-WebSocket-Accept", base64.b64encode(hashlib.sha1(key.encode()).digest()).decode())
                self.end_headers()
                self.wfile.flush()
                api._record("socket", {}, self.path)
                while self.rfile.read1(4096):  # the client's pings, unanswered
                    pass
                self.close_connection = True

            def do_POST(self) -> None:
                self._serve()

            def _serve(self) -> None:
                split = urlsplit(self.path)
                data = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if split.path.startswith("/upload/"):
                    status, text = api._upload(split.path.removeprefix("/upload/"), data)
                    self._reply(status, text, {})
                    return
                raw = data.decode()
                params = dict(parse_qsl(split.query))
                if raw:
                    if self.headers.get("Content-Type", "").startswith("application/json"):
                        params.update(json.loads(raw))
                    else:
                        params.update(parse_qsl(raw))
                params = {key: _decode(value) for key, value in params.items()}
                if split.path.startswith("/response/"):
                    status, body, headers = api._record("response_url", params, split.path)
                    self._reply(status, "ok" if status == 200 else json.dumps(body), headers)
                    return
                method = split.path.removeprefix("/api/")
                status, body, headers = api._record(method, params, split.path)
                if status == DROP:
                    self.close_connection = True
                    return
                self._reply(status, json.dumps(body), headers)

            def _reply(self, status: int, text: str, headers: dict[str, str]) -> None:
                payload = text.encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)

        return Handler

    def _record(self, method: str, params: dict[str, Any], path: str) -> tuple[int, Any, dict[str, str]]:
        if method in self._hooks:
            self._hooks[method](params)
        with self._lock:
            self.calls.append(Call(method, params, path))
            self._lock.notify_all()
            pending = self._failures.get(method, [])
            failure = next((f for f in pending if f.channel in (None, params.get("channel"))), None)
            if failure:
                pending.remove(failure)
                return failure.status, failure.body, failure.headers
            violation = payload_violation(method, params)
            if violation:
                self.violations.append(violation)
                return (400 if method == "response_url" else 200), {"ok": False, "error": "invalid_blocks"}, {}
            return 200, self._answer(method, params), {}

    def _answer(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {"ok": True, "user_id": BOT_USER, "team_id": TEAM, "bot_id": "B0BOT", "user": "replynudge"}
        if method == "apps.connections.open":
            return {"ok": True, "url": f"ws://127.0.0.1:{self._server.server_port}{SOCKET_PATH}"}
        if method == "chat.postMessage":
            return self._post(params)
        if method == "chat.update":
            return self._update(params)
        if method == "conversations.history":
            return self._history(params)
        if method == "users.info":
            user = self.users.get(params.get("user"))
            return {"ok": True, "user": user} if user else {"ok": False, "error": "user_not_found"}
        if method == "conversations.members":
            return self._members(params)
        if method == "conversations.info":
            return self._info(params)
        if method == "usergroups.users.list":
            group = self.usergroups.get(params.get("usergroup"))
            return {"ok": True, "users": group} if group is not None else {"ok": False, "error": "no_such_subteam"}
        if method == "conversations.open":
            return {"ok": True, "channel": {"id": "D" + str(params.get("users", "")).lstrip("U")}}
        if method in ("views.open", "views.update", "views.publish"):
            view = params.get("view") or {}
            return {"ok": True, "view": {**view, "id": params.get("view_id") or "V0VIEW", "hash": "h1"}}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": self._next_ts()}
        if method == "files.getUploadURLExternal":
            return self._upload_url(params)
        if method == "files.completeUploadExternal":
            return self._complete_upload(params)
        return {"ok": True}

    def _upload_url(self, params: dict[str, Any]) -> dict[str, Any]:
        if not params.get("filename") or not str(params.get("length", "")).isdigit():
            return {"ok": False, "error": "invalid_arguments"}
        file_id = f"F{next(self._ts):08d}"
        self.files[file_id] = {"filename": params["filename"], "length": int(params["length"]),
                               "alt_txt": params.get("alt_txt"), "data": None}
        return {"ok": True, "upload_url": f"{self.base}/upload/{file_id}", "file_id": file_id}

    def _upload(self, file_id: str, data: bytes) -> tuple[int, str]:
        """Step 2: the bytes, POSTed to the URL step 1 gave; Slack answers 200 `OK - <length>`."""
        with self._lock:
            self.calls.append(Call("upload", {"file_id": file_id, "size": len(data)}, f"/upload/{file_id}"))
            self._lock.notify_all()
            known = self.files.get(file_id)
            if known is None:
                return 404, "file not found"
            if len(data) != known["length"]:
                return 400, f"length {len(data)} is not the {known['length']} announced"
            known["data"] = data
            return 200, f"OK - {len(data)}"

    def _complete_upload(self, params: dict[str, Any]) -> dict[str, Any]:
        files = params.get("files")
        if not isinstance(files, list) or not files:
            return {"ok": False, "error": "invalid_arguments"}
        shared = []
        for entry in files:
            known = self.files.get(entry.get("id"))
            if known is None or known["data"] is None:
                return {"ok": False, "error": "file_not_found"}
            shared.append({"id": entry["id"], "name": known["filename"], "title": entry.get("title") or known["filename"],
                           "size": known["length"]})
        if params.get("channel_id"):
            message = {"type": "message", "ts": self._next_ts(), "user": BOT_USER,
                       "text": params.get("initial_comment", ""), "files": shared}
            self.history.setdefault(params["channel_id"], []).append(message)
        return {"ok": True, "files": [{"id": f["id"], "title": f["title"]} for f in shared]}

    def _next_ts(self) -> str:
        return f"{int(time.time())}.{next(self._ts):06d}"

    def _post(self, params: dict[str, Any]) -> dict[str, Any]:
        channel = params.get("channel")
        if not channel:
            return {"ok": False, "error": "channel_not_found"}
        message = {"type": "message", "ts": self._next_ts(), "user": BOT_USER, "text": params.get("text", "")}
        for key in ("blocks", "metadata", "thread_ts"):
            if params.get(key) is not None:
                message[key] = params[key]
        self.history.setdefault(channel, []).append(message)
        return {"ok": True, "channel": channel, "ts": message["ts"], "message": message}

    def _update(self, params: dict[str, Any]) -> dict[str, Any]:
        for message in self.history.get(params.get("channel"), []):
            if message["ts"] == params.get("ts"):
                message.update({key: params[key] for key in ("text", "blocks", "metadata") if key in params})
                return {"ok": True, "channel": params["channel"], "ts": message["ts"], "text": message["text"]}
        return {"ok": False, "error": "message_not_found"}

    def _members(self, params: dict[str, Any]) -> dict[str, Any]:
        """User ids, paged with a cursor (an offset here) as Slack pages them."""
        channel = params.get("channel")
        if not channel:
            return {"ok": False, "error": "channel_not_found"}
        members = self.members.get(channel, [*MEMBERS, BOT_USER])
        start, limit = int(params.get("cursor") or 0), int(params.get("limit") or 100)
        more = start + limit < len(members)
        return {"ok": True, "members": members[start : start + limit],
                "response_metadata": {"next_cursor": str(start + limit) if more else ""}}

    def _info(self, params: dict[str, Any]) -> dict[str, Any]:
        """A channel added with add_channel, as https://docs.slack.dev/reference/methods/conversations.info shows
        one; a private channel the bot is not in is not found, as Slack answers."""
        channel = params.get("channel")
        known = self.channels.get(channel)
        member = BOT_USER in self.members.get(channel, [*MEMBERS, BOT_USER])
        if known is None or (known["is_private"] and not member):
            return {"ok": False, "error": "channel_not_found"}
        private = known["is_private"]
        return {"ok": True, "channel": {
            "id": channel, "name": known["name"], "name_normalized": known["name"], "is_channel": not private,
            "is_group": private, "is_im": False, "is_mpim": False, "is_private": private, "is_archived": False,
            "is_general": False, "is_shared": False, "is_ext_shared": False, "is_org_shared": False,
            "is_member": member, "created": 1449252889, "creator": MEMBERS[0],
            "topic": {"value": "", "creator": "", "last_set": 0}, "purpose": {"value": "", "creator": "", "last_set": 0},
        }}

    def _history(self, params: dict[str, Any]) -> dict[str, Any]:
        """Newest first, like Slack; metadata only with include_all_metadata; cursor = offset."""
        oldest = float(params.get("oldest") or 0)
        found = [m for m in reversed(self.history.get(params.get("channel"), [])) if float(m["ts"]) > oldest]
        if str(params.get("include_all_metadata")).lower() not in ("true", "1"):
            found = [{k: v for k, v in m.items() if k != "metadata"} for m in found]
        start = int(params.get("cursor") or 0)
        limit = int(params.get("limit") or 100)
        page = found[start : start + limit]
        more = start + limit < len(found)
        return {"ok": True, "messages": page, "has_more": more,
                "response_metadata": {"next_cursor": str(start + limit) if more else ""}}


def _user(user: str, *, team: str = TEAM, **fields: Any) -> dict[str, Any]:
    """A user object as users.info returns it."""
    name = user.lower()
    return {
        "id": user, "team_id": team, "name": name, "deleted": False, "color": "9f69e7", "real_name": name,
        "tz": "Europe/Berlin", "tz_label": "Central European Time", "tz_offset": 3600,
        "profile": {"real_name": name, "display_name": name, "team": team},
        "is_admin": False, "is_owner": False, "is_primary_owner": False, "is_restricted": False,
        "is_ultra_restricted": False, "is_bot": False, "is_app_user": False, "updated": 1700000000, **fields,
    }


def _decode(value: Any) -> Any:
    """Form-encoded calls carry blocks, views and metadata as JSON strings."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


def sign(secret: str, body: str, timestamp: int | None = None) -> dict[str, str]:
    """The headers Slack sends with a request: v0 HMAC-SHA256 of `v0:<timestamp>:<body>`."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{stamp}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest}"}
