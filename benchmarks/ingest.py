"""Ingest throughput: comments per second through the engine's `ingest` versus a raw SQLAlchemy Core insert of
the same comment rows into the same kind of database, side by side in one run. Target ratio: at least 0.5.

    .venv/bin/python benchmarks/ingest.py [--comments 100000] [--page 500] [--databases sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import sys
import time
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select  # noqa: E402

from benchmarks.common import fresh_database, synthetic_comments  # noqa: E402
from bot.db import session_factory  # noqa: E402
from bot.db.models import Author, Comment, Post  # noqa: E402
from bot.engine.ingest import ingest  # noqa: E402
from bot.engine.poller import sync_accounts  # noqa: E402
from bot.sources.base import Page  # noqa: E402
from benchmarks.common import T0  # noqa: E402


def _account(factory) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from tests.records import account_config

    with factory.begin() as session:
        return sync_accounts(session, [account_config("bench")])["bench"]


def time_ingest(kind: str, count: int, page_size: int) -> float:
    with fresh_database(kind) as engine:
        factory = session_factory(engine)
        account_id = _account(factory)
        stream = synthetic_comments(count)
        started = time.perf_counter()
        offset = 0
        while batch := list(islice(stream, page_size)):
            offset += len(batch)
            with factory.begin() as session:
                ingest(session, account_id, Page(batch, {"offset": offset}), now=T0)
        return time.perf_counter() - started


def time_raw_insert(kind: str, count: int, page_size: int) -> float:
    """The floor: the same comment rows inserted with Core executemany, posts and authors already in place."""
    with fresh_database(kind) as engine:
        factory = session_factory(engine)
        account_id = _account(factory)
        records = list(synthetic_comments(count))
        with factory.begin() as session:
            session.execute(insert(Post.__table__), [{"account_id": account_id, "external_id": pid} for pid in {r.post_id for r in records}])
            session.execute(insert(Author.__table__), [{"account_id": account_id, "external_id": aid, "name": aid} for aid in {r.author_id for r in records}])
            posts = dict(session.execute(select(Post.external_id, Post.id)).all())
            authors = dict(session.execute(select(Author.external_id, Author.id)).all())
        rows = [
            {
                "account_id": account_id, "external_id": r.external_id, "post_id": posts[r.post_id],
                "author_id": authors[r.author_id], "parent_external_id": r.parent_id, "thread_external_id": None,
                "is_brand": r.is_brand, "text": r.text, "url": r.url, "created_at": r.created_at,
                "updated_at": None, "deleted": False, "ingested_at": T0, "reasons": [], "extra": None,
            }
            for r in records
        ]
        started = time.perf_counter()
        for start in range(0, len(rows), page_size):
            with factory.begin() as session:
                session.execute(insert(Comment.__table__), rows[start : start + page_size])
        return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=100_000)
    parser.add_argument("--page", type=int, default=500)
    parser.add_argument("--databases", default="sqlite,postgresql")
    args = parser.parse_args()
    print(f"ingest benchmark: {args.comments:,} comments, pages of {args.page}")
    print(f"{'database':<11} {'raw insert/s':>13} {'ingest/s':>10} {'ratio':>6}  target >= 0.5")
    for kind in args.databases.split(","):
        raw = args.comments / time_raw_insert(kind, args.comments, args.page)
        ours = args.comments / time_ingest(kind, args.comments, args.page)
        ratio = ours / raw
        print(f"{kind:<11} {raw:>13,.0f} {ours:>10,.0f} {ratio:>6.2f}  {'met' if ratio >= 0.5 else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
