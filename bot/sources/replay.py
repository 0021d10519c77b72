"""The `replay` platform: a JSON Lines file of comments, read incrementally.

One object a line: {"id", "post", "author", "text", "created_at"} required; "parent", "author_id", "brand", "url",
"thread", "post_title", "updated_at", "deleted", "private" (a private message to the brand) optional. The cursor is
the byte offset after the last complete line read, so lines appended later are picked up by the next poll and a
half-written last line waits.

A line that is not a comment (bad JSON, a required key missing, a value of the wrong type) stops the read there: the
lines before it are stored with the cursor just before it, and the poll fails with a `TemporaryError` naming the file,
the line and the key, so that the next poll reads it again once the user has fixed it. Skipping it would lose the
comment, or a brand reply whose absence would nudge the team about a comment already answered.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import BinaryIO, ClassVar, Iterator

from bot.clock import utcnow
from bot.config import AccountConfig, ConfigError
from bot.config_keys import Option
from bot.sources.base import CommentRecord, Cursor, Page, TemporaryError, parse_time

PAGE_LINES = 500
REQUIRED = ("id", "post", "author", "text", "created_at")
IDS = ("id", "post", "parent", "thread", "author_id")  # a string or a whole number
MAX_ID = 255  # characters: the longest id the database's columns hold
STRINGS = ("author", "text", "url", "post_title")
FLAGS = ("brand", "deleted", "private")  # true or false
BAD_LINES_LISTED = 10  # by `check`, after the first, which it shows whole
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
        stored = int((cursor or {}).get("offset", -1))
        offset = max(stored, 0)
        line_number = int((cursor or {}).get("line", 0))
        with self._open() as handle:
            if offset > self.path.stat().st_size:  # the file was replaced by a shorter one: read it again
                offset, line_number = 0, 0
            handle.seek(offset)
            records: list[CommentRecord] = []
            bad_line = None
            for raw in handle:
                if not raw.endswith(b"\n"):
                    break  # still being written
                if raw.strip():
                    try:
                        records.append(self._record(raw, line_number + 1))
                    except TemporaryError as error:
                        bad_line = error
                        break
                line_number += 1
                offset += len(raw)
                if len(records) >= PAGE_LINES:
                    yield Page(records, {"offset": offset, "line": line_number})
                    records = []
            if records or offset != stored:
                yield Page(records, {"offset": offset, "line": line_number})
            if bad_line:
                raise TemporaryError(f"{bad_line} (fix or remove that line: the lines after it wait for it)")

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
        for key, value in item.items():
            if value is not None and (wrong := _wrong_type(key, value)):
                raise TemporaryError(f"{where}: {key}: {wrong}")
        author = item["author"]
        if not item.get("author_id") and (wrong := _wrong_type("author_id", author)):
            raise TemporaryError(f"{where}: author: {wrong} (without author_id, the name is the author's id)")
        return CommentRecord(
            external_id=str(item["id"]),
            post_id=str(item["post"]),
            author_id=str(item.get("author_id") or author),
            author_name=author,
            text=item["text"],
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
        """Every line read as a poll would: the first bad one in full, the line numbers of the next ones."""
        bad_lines: list[tuple[int, TemporaryError]] = []
        with self._open() as handle:
            lines = 0
            for lines, raw in enumerate(handle, 1):
                if raw.strip() and raw.endswith(b"\n"):
                    try:
                        self._record(raw, lines)
                    except TemporaryError as error:
                        bad_lines.append((lines, error))
        if bad_lines:
            (_, first), more = bad_lines[0], [number for number, _ in bad_lines[1:]]
            listed = ", ".join(map(str, more[:BAD_LINES_LISTED])) + (", …" if len(more) > BAD_LINES_LISTED else "")
            more_lines = f"; {len(more)} more bad line{'s' if len(more) > 1 else ''}: {listed}" if more else ""
            raise TemporaryError(f"{first}{more_lines}")
        return f"{lines} lines in {self.path}"

    def _open(self) -> BinaryIO:
        """The file, or an error that says where it was looked for and what to do: `check` and polls alike."""
        try:
            return self.path.open("rb")
        except FileNotFoundError:
            looked_in = "" if self.path.is_absolute() else f" (looked in {Path.cwd()})"
            raise TemporaryError(f"{self.path}: replay file not found{looked_in}: create it, or set "
                                 f"{self.account.where('path')} to the file's path") from None
        except OSError as error:
            raise TemporaryError(f"{self.path}: cannot read replay file: {error.strerror}") from None


def _wrong_type(key: str, value: object) -> str | None:
    """What is wrong with a value of `key` (a key of no known type: nothing)."""
    if key in IDS:
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            return f"must be a string or a whole number, not {_json_type(value)}"
        return f"must be at most {MAX_ID} characters, not {len(str(value))}" if len(str(value)) > MAX_ID else None
    if key in STRINGS and not isinstance(value, str):
        return f"must be a string, not {_json_type(value)}"
    if key in FLAGS and not isinstance(value, bool):
        return f"must be true or false, not {_json_type(value)}"
    return None


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return json.dumps(value if len(value) <= 20 else value[:20] + "…", ensure_ascii=False)
    return "an array" if isinstance(value, list) else "an object"
