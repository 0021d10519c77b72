"""Ingest throughput: comments per second through the engine's `ingest` versus a raw SQLAlchemy Core insert of
the same rows (posts, authors, comments) into the same kind of database, side by side in one run; the peak
memory of a long backfill through the poller, measured in a process of its own; and a replayed history through
`replynudge poll --once` against the physical limit, parsing the same JSON Lines and inserting the rows with
sqlite3's executemany in one transaction.

    .venv/bin/python benchmarks/ingest.py [--comments 200000[,100000]] [--page 500] [--databases sqlite,postgresql]
                                          [--backfill 1000000] [--backfill-databases sqlite] [--replay 190097]

Targets: ratio >= 0.5 on SQLite and PostgreSQL at 200k comments; the 1M-comment backfill streams, peak RSS < 200 MB;
`poll --once` at >= 0.15 of the physical limit (issue 15).
Both sides fill a fresh database of their own, page by page in turns, so load from elsewhere on the machine falls
on both alike. Only the database work is timed (a page's statements and its commit), not making the records nor the
ANALYZE that stands in for autovacuum on a PostgreSQL server running without it (see benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from itertools import islice
from pathlib import Path
from typing import Iterator

CHECKOUT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(CHECKOUT))

from sqlalchemy import insert  # noqa: E402
from sqlalchemy.engine import Connection, Engine  # noqa: E402

from benchmarks.common import T0, StandInAutovacuum, fresh_database, make_accounts, synthetic_comments  # noqa: E402
from bot.config_file import parse_accounts  # noqa: E402
from bot.db import SQLITE_CACHE_KIB, SQLITE_CHECKPOINT_PAGES, session_factory  # noqa: E402
from bot.db.models import Author, Comment, Post, fingerprint  # noqa: E402
from bot.engine.ingest import ingest  # noqa: E402
from bot.engine.poller import poll_account  # noqa: E402
from bot.sources.base import CommentRecord, Page  # noqa: E402
from bot.sources.replay import PAGE_LINES  # noqa: E402

RATIO_TARGET = 0.5
LIMIT_TARGET = 0.15
RSS_TARGET_MB = 200
SECONDS_APART = 30  # synthetic_comments' spacing: the backfill's clock stands just after the last comment


def pages(count: int, page_size: int) -> Iterator[list[CommentRecord]]:
    stream = synthetic_comments(count)
    while batch := list(islice(stream, page_size)):
        yield batch


class EngineSide:
    """Each page through `ingest` in a transaction of its own, as the poller stores a page."""

    def __init__(self, engine: Engine):
        self.factory = session_factory(engine)
        self.account_id = make_accounts(self.factory, ["bench"])["bench"]
        self.stored = 0

    def store(self, batch: list[CommentRecord]) -> None:
        self.stored += len(batch)
        with self.factory.begin() as session:
            ingest(session, self.account_id, Page(batch, {"offset": self.stored}), now=T0)


class RawSide:
    """The floor: a page's new posts and authors, then its comments, each a Core executemany, in one transaction."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.account_id = make_accounts(session_factory(engine), ["bench"])["bench"]
        self.posts: dict[str, int] = {}
        self.authors: dict[str, int] = {}

    def store(self, batch: list[CommentRecord]) -> None:
        account_id = self.account_id
        with self.engine.begin() as connection:
            self._insert_new(connection, Post, self.posts, {
                r.post_id: {"account_id": account_id, "external_id": r.post_id, "title": r.post_title,
                            "url": r.post_url}
                for r in batch if r.post_id not in self.posts
            })
            self._insert_new(connection, Author, self.authors, {
                r.author_id: {"account_id": account_id, "external_id": r.author_id, "name": r.author_name,
                              "handle": r.author_handle}
                for r in batch if r.author_id not in self.authors
            })
            connection.execute(insert(Comment.__table__), [
                {
                    "account_id": account_id, "external_id": r.external_id, "post_id": self.posts[r.post_id],
                    "author_id": self.authors[r.author_id], "parent_external_id": r.parent_id,
                    "thread_external_id": r.thread_id, "is_brand": r.is_brand, "text": r.text, "url": r.url,
                    "created_at": r.created_at, "updated_at": r.updated_at, "deleted": r.deleted,
                    "ingested_at": T0, "score": None, "reasons": [], "extra": r.extra or None,
                }
                for r in batch
            ])

    @staticmethod
    def _insert_new(connection: Connection, model: type[Post] | type[Author], ids: dict[str, int], rows: dict) -> None:
        if rows:
            statement = insert(model.__table__).returning(model.external_id, model.id)
            ids.update(connection.execute(statement, list(rows.values())).all())


def compare(kind: str, count: int, page_size: int) -> tuple[float, list[float]]:
    """Seconds of the raw insert in all, and the engine's seconds for each page."""
    with fresh_database(kind) as raw_database, fresh_database(kind) as engine_database:
        raw, ours = RawSide(raw_database), EngineSide(engine_database)
        vacuums = StandInAutovacuum(raw_database), StandInAutovacuum(engine_database)
        raw_spent, engine_spent, stored = 0.0, [], 0
        for batch in pages(count, page_size):
            started = time.perf_counter()
            raw.store(batch)
            raw_spent += time.perf_counter() - started
            started = time.perf_counter()
            ours.store(batch)
            engine_spent.append(time.perf_counter() - started)
            stored += len(batch)
            for vacuum in vacuums:
                vacuum.grown(stored)
        return raw_spent, engine_spent


class SyntheticSource:
    """A source yielding the synthetic history as pages, each with the cursor after it, as a platform source does."""

    platform = "replay"
    flat_threads = False

    def __init__(self, count: int, page_size: int):
        self.count, self.page_size = count, page_size
        self.exhausted_at: float | None = None

    def fetch(self, cursor) -> Iterator[Page]:
        offset = 0
        for batch in pages(self.count, self.page_size):
            offset += len(batch)
            yield Page(batch, {"offset": offset})
        self.exhausted_at = time.perf_counter()


def backfill(kind: str, count: int, page_size: int) -> None:
    """Run in a child process: one `poll_account` over `count` comments, as `replynudge poll` runs it; prints the
    seconds spent storing pages, the seconds after them (rescoring, due nudges) and the peak RSS in MB."""
    now = T0 + timedelta(seconds=count * SECONDS_APART)
    with fresh_database(kind) as engine:
        factory = session_factory(engine)
        account_id = make_accounts(factory, ["bench"])["bench"]
        config = parse_accounts({"accounts": [{"name": "bench", "platform": "replay"}]}, "bench", {})[0]
        source = SyntheticSource(count, page_size)
        with StandInAutovacuum(engine).in_background():
            started = time.perf_counter()
            outcome = poll_account(factory, account_id, config, source, clock=lambda: now)
            finished = time.perf_counter()
        if not outcome.ok or outcome.records != count:
            raise SystemExit(f"backfill failed: {outcome.describe()}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"{source.exhausted_at - started:.1f} {finished - source.exhausted_at:.1f} {peak_mb:.0f}")


def measure_backfill(kind: str, count: int, page_size: int) -> tuple[float, float, float]:
    output = subprocess.run(
        [sys.executable, __file__, "--backfill-child", kind, "--backfill", str(count), "--page", str(page_size)],
        check=True, capture_output=True, text=True,
    ).stdout.split()
    return float(output[0]), float(output[1]), float(output[2])


def write_history(path: Path, count: int) -> None:
    """The synthetic history as a replay file; it ends 15 days ago, past the age at which comments are nudged, so
    the poll is the ingest and rescoring of a history (no terminal output of nudges)."""
    shift = datetime.now(timezone.utc) - timedelta(days=15) - (T0 + timedelta(seconds=count * SECONDS_APART))
    with path.open("w", encoding="utf-8") as out:
        for r in synthetic_comments(count):
            item = {"id": r.external_id, "post": r.post_id, "author": r.author_name, "author_id": r.author_id,
                    "text": r.text, "created_at": (r.created_at + shift).isoformat(), "url": r.url}
            if r.parent_id:
                item["parent"] = r.parent_id
            if r.is_brand:
                item["brand"] = True
            out.write(json.dumps(item) + "\n")


def poll_once(folder: Path, history: Path, code: Path = CHECKOUT) -> tuple[float, float]:
    """Seconds, wall and CPU, of `replynudge poll --once` over the replay file, into a fresh SQLite database
    (`folder`/poll.db) migrated by the same code, that of the checkout `code`."""
    database = f"sqlite:///{folder / 'poll.db'}"
    (folder / "replynudge.toml").write_text(f'[[accounts]]\nname = "history"\nplatform = "replay"\npath = "{history}"\n')
    environ = {**os.environ, "DATABASE_URL": database, "REPLYNUDGE_CONFIG": str(folder / "replynudge.toml"),
               "PYTHONPATH": str(code)}
    subprocess.run([sys.executable, "-m", "bot", "db", "upgrade"], check=True, cwd=folder, env=environ,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    started, cpu = time.perf_counter(), _children_cpu()
    subprocess.run([sys.executable, "-m", "bot", "poll", "--once"], check=True, cwd=folder, env=environ,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    spent = time.perf_counter() - started, _children_cpu() - cpu
    with sqlite3.connect(folder / "poll.db") as connection:
        stored = connection.execute("SELECT count(*) FROM comments").fetchone()[0]
    if stored != sum(1 for _ in history.open("rb")):
        raise SystemExit(f"poll --once stored {stored} comments of {history}")
    return spent


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def physical_limit(folder: Path, history: Path) -> tuple[float, float]:
    """Seconds, wall and CPU, of the physical limit: parse the same file and insert its rows as they are into a
    table without indexes with sqlite3's executemany, in one transaction (no ids, no reply state, no scores)."""
    connection = sqlite3.connect(folder / "limit.db", isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute("CREATE TABLE comments (id TEXT, post TEXT, author_id TEXT, author TEXT, parent TEXT,"
                       " brand INTEGER, text TEXT, url TEXT, created_at TEXT)")
    started, cpu = time.perf_counter(), time.process_time()
    items = [json.loads(line) for line in history.open("rb")]
    connection.execute("BEGIN")
    connection.executemany(
        "INSERT INTO comments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(i["id"], i["post"], i["author_id"], i["author"], i.get("parent"), bool(i.get("brand")), i["text"],
          i.get("url"), i["created_at"]) for i in items],
    )
    connection.execute("COMMIT")
    spent = time.perf_counter() - started, time.process_time() - cpu
    connection.close()
    return spent


def schema_floor(folder: Path, history: Path) -> tuple[float, float]:
    """Seconds, wall and CPU, of what any engine on this schema pays before its own work: the same file parsed and
    its rows inserted with sqlite3's executemany into a fresh database migrated by `replynudge db upgrade` (the
    comments' indexes, foreign keys and pragmas of bot/db), in the replay source's pages, each its own
    transaction as a page and its cursor are. Posts and authors are inserted when first named, comments as they
    are: no upsert, no read back, no reply state, no score, no cursor."""
    database = folder / "floor.db"
    environ = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "PYTHONPATH": str(CHECKOUT)}
    subprocess.run([sys.executable, "-m", "bot", "db", "upgrade"], check=True, cwd=folder, env=environ,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    connection = sqlite3.connect(database, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", f"wal_autocheckpoint={SQLITE_CHECKPOINT_PAGES}",
                   "foreign_keys=ON", f"cache_size=-{SQLITE_CACHE_KIB}"):
        connection.execute(f"PRAGMA {pragma}")
    account = connection.execute(
        "INSERT INTO accounts (name, platform, channel, min_score, nudge_after_seconds, alert_after_seconds,"
        " created_at, demo) VALUES ('history', 'replay', '', 0, 0, 0, '2026-01-01 00:00:00', 0) RETURNING id"
    ).fetchone()[0]
    posts: dict[str, int] = {}
    authors: dict[str, int] = {}

    def store(items: list[dict]) -> None:
        connection.execute("BEGIN IMMEDIATE")
        for item in items:
            if item["post"] not in posts:
                posts[item["post"]] = connection.execute(
                    "INSERT INTO posts (account_id, external_id) VALUES (?, ?) RETURNING id", (account, item["post"])
                ).fetchone()[0]
            if item["author_id"] not in authors:
                authors[item["author_id"]] = connection.execute(
                    "INSERT INTO authors (account_id, external_id, name, muted) VALUES (?, ?, ?, 0) RETURNING id",
                    (account, item["author_id"], item["author"]),
                ).fetchone()[0]
        connection.executemany(
            "INSERT INTO comments (account_id, external_id, post_id, author_id, parent_external_id, is_brand, text,"
            " fingerprint, url, created_at, deleted, held, private, ingested_at, reasons)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, '[]')",
            [(account, i["id"], posts[i["post"]], authors[i["author_id"]], i.get("parent"), bool(i.get("brand")),
              i["text"], fingerprint(i["text"]), i.get("url"),
              datetime.fromisoformat(i["created_at"]).astimezone(timezone.utc).replace(tzinfo=None).isoformat(" "),
              "2026-01-01 00:00:00.000000") for i in items],
        )
        connection.execute("COMMIT")

    started, cpu = time.perf_counter(), time.process_time()
    with history.open("rb") as lines:
        while items := [json.loads(line) for line in islice(lines, PAGE_LINES)]:
            store(items)
    spent = time.perf_counter() - started, time.process_time() - cpu
    connection.close()
    return spent


def fixed_costs() -> tuple[float, float]:
    """CPU seconds every `poll --once` pays whatever it reads: importing the program, and loading Lingua's models
    (the first comment whose function words leave its language open loads them)."""
    def cpu_of(code: str) -> float:
        before = _children_cpu()
        subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONPATH": str(CHECKOUT)})
        return _children_cpu() - before

    imports = cpu_of("import bot.cli") - cpu_of("pass")
    language = "import bot.engine.language as language"
    lingua = cpu_of(f"{language}; language.detect_language('so cute')") - cpu_of(language)
    return imports, lingua


def replay_versus_limit(count: int) -> tuple[tuple[float, float], tuple[float, float], tuple[float, float]]:
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        history = folder / "history.jsonl"
        write_history(history, count)
        return poll_once(folder, history), physical_limit(folder, history), schema_floor(folder, history)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", default="200000", help="comma-separated sizes; 0 skips the comparison")
    parser.add_argument("--page", type=int, default=500)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--backfill", type=int, default=1_000_000, help="comments in the backfill; 0 skips it")
    parser.add_argument("--backfill-databases", default="sqlite")
    parser.add_argument("--replay", type=int, default=190_097, help="comments replayed by poll --once; 0 skips it")
    parser.add_argument("--backfill-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.backfill_child:
        backfill(args.backfill_child, args.backfill, args.page)
        return 0

    sizes = [int(size) for size in args.comments.split(",") if int(size)]
    if sizes:
        print(f"ingest versus raw Core insert, pages of {args.page}")
        print(f"{'database':<11} {'comments':>9} {'raw/s':>7} {'ingest/s':>9} {'first 20%':>10} {'last 20%':>9}"
              f" {'ratio':>6}  target >= {RATIO_TARGET}")
    for count in sizes:
        for kind in args.databases.split(","):
            raw_spent, spent = compare(kind, count, args.page)
            fifth = max(1, len(spent) // 5)
            ours, first, last = (share * args.page / sum(part) for share, part in
                                 ((count / args.page, spent), (fifth, spent[:fifth]), (fifth, spent[-fifth:])))
            raw = count / raw_spent
            ratio = ours / raw
            print(f"{kind:<11} {count:>9,} {raw:>7,.0f} {ours:>9,.0f} {first:>10,.0f} {last:>9,.0f} {ratio:>6.2f}"
                  f"  {'met' if ratio >= RATIO_TARGET else 'NOT MET'}", flush=True)
    if args.backfill:
        print(f"\nbackfill: {args.backfill:,} comments in one poll (replynudge poll's path), a process of its own each")
        print(f"{'database':<11} {'pages (s)':>9} {'ingest/s':>9} {'after (s)':>9} {'peak RSS':>9}"
              f"  target < {RSS_TARGET_MB} MB")
        for kind in args.backfill_databases.split(","):
            storing, after, peak_mb = measure_backfill(kind, args.backfill, args.page)
            print(f"{kind:<11} {storing:>9,.0f} {args.backfill / storing:>9,.0f} {after:>9,.0f} {peak_mb:>6,.0f} MB"
                  f"  {'met' if peak_mb < RSS_TARGET_MB else 'NOT MET'}", flush=True)
    if args.replay:
        polled, limit, floor = replay_versus_limit(args.replay)
        print(f"\nreplay: {args.replay:,} comments from a JSON Lines file, SQLite; seconds of wall clock and of CPU")
        print(f"{'':<5} {'poll --once':>11} {'physical limit':>14} {'ratio':>6}  target >= {LIMIT_TARGET}"
              f"  {'schema floor':>12} {'its ratio':>9}")
        for name, ours, least, schema in (("wall", polled[0], limit[0], floor[0]), ("CPU", polled[1], limit[1], floor[1])):
            ratio = least / ours
            print(f"{name:<5} {ours:>11.2f} {least:>14.2f} {ratio:>6.3f}  {'met' if ratio >= LIMIT_TARGET else 'NOT MET':<11}"
                  f"  {schema:>12.2f} {least / schema:>9.3f}")
        imports, lingua = fixed_costs()
        ceiling = limit[1] / (floor[1] + imports + lingua)
        print(f"fixed CPU of any poll: imports {imports:.2f} s, Lingua's models {lingua:.2f} s; the schema floor with"
              f" them: {floor[1] + imports + lingua:.2f} s, ratio {ceiling:.3f} before any parsing into records,"
              " reply state or scoring")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
