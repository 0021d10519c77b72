"""A real Bluesky network for tests: `@atproto/dev-env` (PLC, PDS, AppView) booted by tests/bluesky-net/network.js.

`scripts/install-bluesky-net` (run by `make test`) installs Node's packages. Each test session gets a PostgreSQL
database of its own for the AppView and the moderation service (dropped at the end) and the machine's Redis. Users
write through the PDS as a Bluesky app does (`com.atproto.repo.createRecord`); the AppView indexes each account's
writes in parallel, so a test waits for `process()` (network.processAll()) after a post before its replies are
written, or a reply's notification can be lost.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import psycopg
import requests

NETWORK = Path(__file__).resolve().parents[1] / "bluesky-net"
POST = "app.bsky.feed.post"
BOOT_SECONDS = 180


@dataclass(frozen=True)
class Ref:
    uri: str
    cid: str

    def strong(self) -> dict:
        return {"uri": self.uri, "cid": self.cid}


@dataclass
class Person:
    did: str
    handle: str
    password: str
    app_password: str


def stamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _server_url() -> str:
    url = os.environ.get("TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    return url.replace("postgresql+psycopg://", "postgresql://")


def _admin(statement: str) -> None:
    with psycopg.connect(_server_url(), autocommit=True) as connection:
        connection.execute(statement)


@dataclass
class RealBluesky:
    process: subprocess.Popen
    database: str
    pds: str
    appview: str
    control: str
    tokens: dict[str, str] = field(default_factory=dict)  # did -> access token
    http: requests.Session = field(default_factory=requests.Session)

    @classmethod
    def start(cls) -> "RealBluesky":
        if not (NETWORK / "node_modules" / "@atproto" / "dev-env").is_dir():
            raise RuntimeError(f"{NETWORK}/node_modules lacks @atproto/dev-env: run scripts/install-bluesky-net "
                               "(make test does)")
        database = f"bsky_net_{uuid.uuid4().hex[:12]}"
        _admin(f'CREATE DATABASE "{database}"')
        base = _server_url().rsplit("/", 1)[0]
        process = subprocess.Popen(
            ["node", "network.js", f"{base}/{database}", "net", "127.0.0.1:6379"],
            cwd=NETWORK, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            start_new_session=True, text=True,
        )
        ready, _, _ = select.select([process.stdout], [], [], BOOT_SECONDS)
        line = process.stdout.readline() if ready else ""
        if not line:
            cls._end(process, database)
            raise RuntimeError(f"the Bluesky network did not start within {BOOT_SECONDS}s "
                               f"(run: cd {NETWORK} && node network.js <postgres url> net 127.0.0.1:6379 to see why)")
        urls = json.loads(line)
        return cls(process, database, urls["pds"], urls["appview"], urls["control"])

    @staticmethod
    def _end(process: subprocess.Popen, database: str) -> None:
        if process.stdin:
            process.stdin.close()  # network.js closes the network when its input ends
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        _admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')

    def stop(self) -> None:
        self._end(self.process, self.database)

    # people and what they write ---------------------------------------------------------------------------------

    def person(self, name: str) -> Person:
        """A new account NAME.test with an app password (names are unique per network)."""
        response = self.http.post(f"{self.control}/account", params={"name": name}, timeout=60)
        response.raise_for_status()
        body = response.json()
        return Person(body["did"], body["handle"], body["password"], body["appPassword"])

    def process_all(self) -> None:
        """Waits until the AppView has indexed everything written so far."""
        self.http.post(f"{self.control}/process", timeout=120).raise_for_status()

    def _token(self, person: Person) -> str:
        if person.did not in self.tokens:
            body = self.xrpc("POST", "com.atproto.server.createSession",
                             json={"identifier": person.handle, "password": person.password})
            self.tokens[person.did] = body["accessJwt"]
        return self.tokens[person.did]

    def xrpc(self, method: str, nsid: str, person: Person | None = None, **kwargs) -> dict:
        headers = {"Authorization": f"Bearer {self._token(person)}"} if person else {}
        response = self.http.request(method, f"{self.pds}/xrpc/{nsid}", headers=headers, timeout=60, **kwargs)
        if not response.ok:
            raise AssertionError(f"{method} {nsid}: {response.status_code} {response.text[:300]}")
        return response.json() if response.content else {}  # a procedure may answer with no body

    def post(self, person: Person, text: str, *, reply_to: Ref | None = None, quote: Ref | None = None,
             created_at: datetime | None = None, facets: list | None = None) -> Ref:
        record: dict = {"$type": POST, "text": text, "createdAt": stamp(created_at or datetime.now(timezone.utc))}
        if reply_to:
            parent = self.xrpc("GET", "com.atproto.repo.getRecord", params={
                "repo": reply_to.uri.split("/")[2], "collection": POST, "rkey": reply_to.uri.rsplit("/", 1)[1]})
            root = (parent["value"].get("reply") or {}).get("root") or reply_to.strong()
            record["reply"] = {"root": root, "parent": reply_to.strong()}
        if quote:
            record["embed"] = {"$type": "app.bsky.embed.record", "record": quote.strong()}
        if facets:
            record["facets"] = facets
        body = self.xrpc("POST", "com.atproto.repo.createRecord", person,
                         json={"repo": person.did, "collection": POST, "record": record})
        return Ref(body["uri"], body["cid"])

    def write_many(self, person: Person, collection: str, values: list[dict]) -> list[Ref]:
        """Records created 200 at a time (`com.atproto.repo.applyWrites`), as a busy account's would be."""
        refs = []
        for start in range(0, len(values), 200):
            writes = [{"$type": "com.atproto.repo.applyWrites#create", "collection": collection,
                       "value": {"$type": collection, **value}} for value in values[start:start + 200]]
            body = self.xrpc("POST", "com.atproto.repo.applyWrites", person,
                             json={"repo": person.did, "writes": writes})
            refs += [Ref(result["uri"], result["cid"]) for result in body["results"]]
        return refs

    def mention(self, handle: str, did: str, text: str) -> list:
        """The facet the Bluesky apps add for `@handle` in `text`."""
        start = text.encode().index(f"@{handle}".encode())
        return [{"index": {"byteStart": start, "byteEnd": start + len(handle.encode()) + 1},
                 "features": [{"$type": "app.bsky.richtext.facet#mention", "did": did}]}]

    def delete(self, person: Person, ref: Ref) -> None:
        self.xrpc("POST", "com.atproto.repo.deleteRecord", person,
                  json={"repo": person.did, "collection": POST, "rkey": ref.uri.rsplit("/", 1)[1]})

    def like(self, person: Person, ref: Ref) -> None:
        self.xrpc("POST", "com.atproto.repo.createRecord", person, json={
            "repo": person.did, "collection": "app.bsky.feed.like",
            "record": {"$type": "app.bsky.feed.like", "subject": ref.strong(),
                       "createdAt": stamp(datetime.now(timezone.utc))}})

    def thread(self, person: Person, ref: Ref) -> dict:
        return self.xrpc("GET", "app.bsky.feed.getPostThread", person, params={"uri": ref.uri})["thread"]
