"""The `replay` platform: a JSON Lines file of comments, read incrementally.

One object a line: {"id", "post", "author", "text", "created_at"} required; "parent", "author_id", "brand", "url",
"thread", "post_title", "updated_at", "deleted", "private" (a private message to the brand) optional. The cursor is the byte offset after the last complete
line read, so lines appended later are picked up by the next poll and a half-written last line waits.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import ClassVar, Iterator

from bot.clock import utcnow
from bot.config import AccountConfig, ConfigError
from bot.config_keys import Option
from bot.sources.base import CommentRecord, Cursor, Page, TemporaryError, parse_time

PAGE_LINES = 500
REQUIRED = ("id", "post", "author", "text", "created_at")
THREADING = Option("threading", "`flat`: a brand comment answers every earlier comment of its post, as on "
                   "flat-threaded platforms", "nested")
OPTIONS = (Option("path", "the JSON Lines file, one comment an object"), THREADING)


class ReplaySource:
    platform: ClassVar[str] = "replay"

    def __init__(self, account: AccountConfig):
        self.account = account
        self.path = Path(account.option("path", required=True))
        threading = account.option(THREADING.key, THREADING.default)
        if threading not in ("nested", "flat"):
            raise ConfigError(f"{account.where('threading')}: must be \"nested\" or \"flat\"")
        self.flat_threads = threading == "flat"

    def fetch(self, cursor: Cursor | None) -> Iterator[Page]:
        offset = int((cursor or {}).get("offset", 0))
        line_number = int((cursor or {}).get("line", 0))
        try:
            handle = self.path.open("rb")
        except OSError as error:
            raise TemporaryError(f"{self.path}: cannot read replay file: {error.strerror}") from None
        with handle:
            if offset > self.path.stat().st_size:  # the file was replaced by a shorter one: read it again
                offset, line_number = 0, 0
            handle.seek(offset)
            records: list[CommentRecord] = []
            for raw in handle:
                if not raw.endswith(b"\n"):
                    break  # still being written
                line_number += 1
                offset += len(raw)
                if raw.strip():
                    records.append(self._record(raw, line_number))
                if len(records) >= PAGE_LINES:
                    yield Page(records, {"offset": offset, "line": line_number})
                    records = []
            if records or offset != int((cursor or {}).get("offset", -1)):
                yield Page(records, {"offset": offset, "line": line_number})

    def _record(self, raw: bytes, line_number: int) -> CommentRecord:
        where = f"{self.path}:{line_number}"
        try:
            # Decoded here (bytes would have json guess their encoding, line by line), a BOM dropped as utf-8-sig
            # would: that codec, written in Python, took a quarter of the time json.loads does.
            item = json.loads(raw.decode("utf-8").removeprefix("\ufeff"))
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise TemporaryError(f"{where}: not valid JSON ({error})") from None
        if not isinstance(item, dict):
            raise TemporaryError(f"{where}: each line must be a JSON object")
        missing = [key for key in REQUIRED if item.get(key) in (None, "")]
        if missing:
            raise TemporaryError(f"{where}: missing {', '.join(missing)}")
        author = str(item["author"])
        return CommentRecord(
            external_id=str(item["id"]),
            post_id=str(item["post"]),
            author_id=str(item.get("author_id") or author),
            author_name=author,
            text=str(item["text"]),
            created_at=parse_time(item["created_at"], f"{where}: created_at"),
            is_brand=bool(item.get("brand", False)),
            parent_id=str(item["parent"]) if item.get("parent") else None,
            thread_id=str(item["thread"]) if item.get("thread") else None,
            url=item.get("url"),
            updated_at=parse_time(item["updated_at"], f"{where}: updated_at") if item.get("updated_at") else None,
            deleted=bool(item.get("deleted", False)),
            post_title=item.get("post_title"),
            private=bool(item.get("private", False)),
        )

    def reply(self, comment: CommentRecord, text: str) -> CommentRecord:
        """A replay account has no platform to post to: the reply is recorded locally as a brand comment."""
        return CommentRecord(
            external_id=f"reply-{uuid.uuid4().hex[:12]}",
            post_id=comment.post_id,
            author_id="brand",
            author_name=self.account.name,
            text=text,
            created_at=utcnow(),
            is_brand=True,
            parent_id=comment.external_id,
            thread_id=comment.thread_id,
        )

    def check(self) -> str:
        if not self.path.is_file():
            raise TemporaryError(f"{self.path}: replay file not found")
        with self.path.open("rb") as handle:
            lines = sum(1 for _ in handle)
        return f"{lines} lines in {self.path}"
