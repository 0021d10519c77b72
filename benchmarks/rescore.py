"""Rescoring cost per poll for one author with a backlog: 100, 1,000 and 10,000 waiting comments, then polls that
each bring one new comment of theirs, through `poll_account` (the poller's path: the page, then rescoring and due
nudges).

    .venv/bin/python benchmarks/rescore.py [--waiting 100,1000,10000] [--polls 5] [--databases sqlite,postgresql]

Target (issue 15): flat, the cost of a poll does not grow with the author's backlog. Setting up the backlog (its
own first poll) is not timed. Prints, per backlog, the median seconds of a poll and of its rescoring alone, and how
many comments each poll rescored.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select  # noqa: E402

from benchmarks.common import T0, StandInAutovacuum, fresh_database, make_accounts  # noqa: E402
from bot.config_file import parse_accounts  # noqa: E402
from bot.db import session_factory  # noqa: E402
from bot.db.models import Comment  # noqa: E402
from bot.engine import poller  # noqa: E402
from bot.engine.poller import poll_account  # noqa: E402
from bot.sources.base import CommentRecord, Page  # noqa: E402

MINUTES_APART = 2  # 10,000 comments fit in the scorer's 30-day history window


def comment(index: int) -> CommentRecord:
    return CommentRecord(
        external_id=f"c{index}",
        post_id=f"p{index % 50}",
        author_id="regular",
        author_name="Regular",
        text=f"Comment {index}: does the Assam blend come in a bigger tin, and would it keep for {index % 97} weeks?",
        created_at=T0 + timedelta(minutes=index * MINUTES_APART),
    )


class Pages:
    """A source whose next fetch returns the records it is given, in pages of 500."""

    platform = "replay"
    flat_threads = False

    def __init__(self, records: list[CommentRecord]):
        self.records = records

    def fetch(self, cursor) -> Iterator[Page]:
        for start in range(0, len(self.records), 500):
            yield Page(self.records[start:start + 500], {"offset": start})


class TimedRescore:
    """Wraps the poller's rescoring to time it and count what it scored."""

    def __init__(self):
        self.original, self.seconds, self.scored = poller.rescore_waiting, 0.0, 0

    def __call__(self, session, account_id):
        started = time.perf_counter()
        self.scored = self.original(session, account_id)
        self.seconds = time.perf_counter() - started
        return self.scored


def measure(kind: str, waiting: int, polls: int) -> tuple[float, float, int]:
    """Median seconds of a poll, of its rescoring, and the comments the last poll rescored."""
    config = parse_accounts({"accounts": [{"name": "bench", "platform": "replay"}]}, "bench", {})[0]
    with fresh_database(kind) as engine:
        factory = session_factory(engine)
        account_id = make_accounts(factory, ["bench"])["bench"]
        clock = T0 + timedelta(minutes=waiting * MINUTES_APART)
        poll_account(factory, account_id, config, Pages([comment(i) for i in range(waiting)]), lambda: clock)
        StandInAutovacuum(engine).grown(waiting)  # a production server's autovacuum would have run by now
        timed = TimedRescore()
        poller.rescore_waiting = timed
        whole, rescoring = [], []
        try:
            for index in range(waiting, waiting + polls):
                now = T0 + timedelta(minutes=index * MINUTES_APART)
                started = time.perf_counter()
                poll_account(factory, account_id, config, Pages([comment(index)]), lambda: now)
                whole.append(time.perf_counter() - started)
                rescoring.append(timed.seconds)
        finally:
            poller.rescore_waiting = timed.original
        with factory() as session:
            stored = session.scalar(select(func.count()).select_from(Comment).where(Comment.score.is_not(None)))
        if stored != waiting + polls:
            raise SystemExit(f"{stored} comments scored, expected {waiting + polls}")
        return statistics.median(whole), statistics.median(rescoring), timed.scored


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--waiting", default="100,1000,10000")
    parser.add_argument("--polls", type=int, default=5)
    parser.add_argument("--databases", default="sqlite,postgresql")
    args = parser.parse_args()
    print(f"one author's backlog, then polls with one new comment of theirs (median of {args.polls})")
    print(f"{'database':<11} {'waiting':>8} {'poll (ms)':>10} {'rescoring (ms)':>15} {'rescored':>9}")
    for kind in args.databases.split(","):
        for waiting in (int(size) for size in args.waiting.split(",")):
            whole, rescoring, scored = measure(kind, waiting, args.polls)
            print(f"{kind:<11} {waiting:>8,} {whole * 1000:>10,.1f} {rescoring * 1000:>15,.1f} {scored:>9,}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
