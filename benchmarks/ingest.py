"""Ingest throughput: comments per second through the engine's `ingest` versus a raw SQLAlchemy Core insert of
the same comment rows into the same kind of database, side by side in one run; and the peak memory of a long
backfill through `ingest`, measured in a process of its own.

    .venv/bin/python benchmarks/ingest.py [--comments 200000] [--page 500] [--databases sqlite,postgresql]
                                          [--backfill 1000000] [--backfill-databases sqlite]

Targets: ratio >= 0.5 on SQLite and PostgreSQL at 200k comments; the 1M-comment backfill streams, peak RSS < 200 MB.
Only the database work is timed on both sides (ingest and its commit; insert and its commit), not making the records
nor the ANALYZE that stands in for autovacuum on a PostgreSQL server running without it (see benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from itertools import islice
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select  # noqa: E402

from benchmarks.common import T0, StandInAutovacuum, fresh_database, make_accounts, synthetic_comments  # noqa: E402
from bot.db import session_factory  # noqa: E402
from bot.db.models import Author, Comment, Post  # noqa: E402
from bot.engine.ingest import ingest  # noqa: E402
from bot.sources.base import CommentRecord, Page  # noqa: E402

RSS_TARGET_MB = 200


def pages(count: int, page_size: int) -> Iterator[list[CommentRecord]]:
    stream = synthetic_comments(count)
    while batch := list(islice(stream, page_size)):
        yield batch


def time_ingest(kind: str, count: int, page_size: int) -> list[float]:
    """Seconds spent in each page's ingest and commit."""
    with fresh_database(kind) as engine:
        factory = session_factory(engine)
        account_id = make_accounts(factory, ["bench"])["bench"]
        autovacuum = StandInAutovacuum(engine)
        spent = []
        offset = 0
        for batch in pages(count, page_size):
            offset += len(batch)
            started = time.perf_counter()
            with factory.begin() as session:
                ingest(session, account_id, Page(batch, {"offset": offset}), now=T0)
            spent.append(time.perf_counter() - started)
            autovacuum.grown(offset)
        return spent


def time_raw_insert(kind: str, count: int, page_size: int) -> float:
    """The floor: the same comment rows inserted with Core executemany, posts and authors already in place."""
    with fresh_database(kind) as engine:
        factory = session_factory(engine)
        account_id = make_accounts(factory, ["bench"])["bench"]
        post_names, author_names = set(), set()
        for record in synthetic_comments(count):
            post_names.add(record.post_id)
            author_names.add(record.author_id)
        with factory.begin() as session:
            session.execute(insert(Post.__table__), [{"account_id": account_id, "external_id": p} for p in post_names])
            session.execute(
                insert(Author.__table__), [{"account_id": account_id, "external_id": a, "name": a} for a in author_names]
            )
            posts = dict(session.execute(select(Post.external_id, Post.id)).all())
            authors = dict(session.execute(select(Author.external_id, Author.id)).all())
        autovacuum = StandInAutovacuum(engine)
        spent = 0.0
        offset = 0
        for batch in pages(count, page_size):
            rows = [
                {
                    "account_id": account_id, "external_id": r.external_id, "post_id": posts[r.post_id],
                    "author_id": authors[r.author_id], "parent_external_id": r.parent_id, "thread_external_id": None,
                    "is_brand": r.is_brand, "text": r.text, "url": r.url, "created_at": r.created_at,
                    "updated_at": None, "deleted": False, "ingested_at": T0, "reasons": [], "extra": None,
                }
                for r in batch
            ]
            started = time.perf_counter()
            with factory.begin() as session:
                session.execute(insert(Comment.__table__), rows)
            spent += time.perf_counter() - started
            offset += len(batch)
            autovacuum.grown(offset)
        return spent


def backfill(kind: str, count: int, page_size: int) -> None:
    """Run in a child process: ingest `count` comments and print the seconds taken and the peak RSS in MB."""
    spent = sum(time_ingest(kind, count, page_size))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"{spent:.1f} {peak_mb:.0f}")


def measure_backfill(kind: str, count: int, page_size: int) -> tuple[float, float]:
    output = subprocess.run(
        [sys.executable, __file__, "--backfill-child", kind, "--comments", str(count), "--page", str(page_size)],
        check=True, capture_output=True, text=True,
    ).stdout.split()
    return float(output[0]), float(output[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=200_000)
    parser.add_argument("--page", type=int, default=500)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--backfill", type=int, default=1_000_000, help="comments in the backfill; 0 skips it")
    parser.add_argument("--backfill-databases", default="sqlite")
    parser.add_argument("--backfill-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.backfill_child:
        backfill(args.backfill_child, args.comments, args.page)
        return 0

    print(f"ingest benchmark: {args.comments:,} comments, pages of {args.page}")
    print(f"{'database':<11} {'raw insert/s':>13} {'ingest/s':>9} {'first 20%':>10} {'last 20%':>9} {'ratio':>6}"
          "  target >= 0.5")
    for kind in args.databases.split(","):
        raw = args.comments / time_raw_insert(kind, args.comments, args.page)
        spent = time_ingest(kind, args.comments, args.page)
        fifth = max(1, len(spent) // 5)
        ours, first, last = (share * args.page / sum(part) for share, part in
                             ((len(spent), spent), (fifth, spent[:fifth]), (fifth, spent[-fifth:])))
        ratio = ours / raw
        print(f"{kind:<11} {raw:>13,.0f} {ours:>9,.0f} {first:>10,.0f} {last:>9,.0f} {ratio:>6.2f}"
              f"  {'met' if ratio >= 0.5 else 'NOT MET'}")
    if args.backfill:
        print(f"\nbackfill: {args.backfill:,} comments through ingest, each in a process of its own")
        print(f"{'database':<11} {'seconds':>8} {'ingest/s':>9} {'peak RSS':>9}  target < {RSS_TARGET_MB} MB")
        for kind in args.backfill_databases.split(","):
            seconds, peak_mb = measure_backfill(kind, args.backfill, args.page)
            print(f"{kind:<11} {seconds:>8,.0f} {args.backfill / seconds:>9,.0f} {peak_mb:>6,.0f} MB"
                  f"  {'met' if peak_mb < RSS_TARGET_MB else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
