"""The unanswered query as the CLI, `/unanswered` and the App Home run it, on a table of 1M comments of which
50k wait for an answer, on SQLite and PostgreSQL. Target: p95 under 50 ms on both.

    .venv/bin/python benchmarks/unanswered.py [--comments 1000000] [--waiting 50000] [--runs 100]
                                              [--databases sqlite,postgresql]

The table is filled with Core inserts of rows whose reply state is already derived (this measures reading, not
ingest): 20 accounts, threads with parents, brand replies, answered and waiting user comments, nudges for some.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select  # noqa: E402

from benchmarks.common import T0, filled_database, make_accounts  # noqa: E402
from bot.db.models import Author, Comment, Nudge, Post  # noqa: E402
from bot.db.queries import known_names, unanswered  # noqa: E402
from bot.engine.triage import nudge_statuses  # noqa: E402
from bot.slack.home import home_view, waiting_section  # noqa: E402
from bot.slack.listeners.commands.unanswered import DEFAULT_LIMIT  # noqa: E402

ACCOUNTS = 20
BATCH = 10_000
TARGET_MS = 50
NOW = T0 + timedelta(days=120)


def fill(factory, comments: int, waiting: int, seed: int = 11) -> None:
    """`comments` comments over 90 days; `waiting` of the user comments unanswered, 4 in 5 of them scored to deserve
    a nudge; a third of the user comments reply to an earlier comment; one nudge per 5 waiting comments."""
    rng = random.Random(seed)
    account_ids = list(make_accounts(factory, [f"brand-{n:02}" for n in range(ACCOUNTS)]).values())
    with factory.begin() as session:
        for account_id in account_ids:
            session.execute(insert(Post.__table__), [
                {"account_id": account_id, "external_id": f"p{n}", "title": f"Post {n}", "url": f"https://x/{n}"}
                for n in range(200)
            ])
            session.execute(insert(Author.__table__), [
                {"account_id": account_id, "external_id": f"a{n}", "name": f"Person {n}"} for n in range(5000)
            ])
        posts, authors = {}, {}
        for account_id, external_id, id_ in session.execute(select(Post.account_id, Post.external_id, Post.id)):
            posts[account_id, external_id] = id_
        for account_id, external_id, id_ in session.execute(select(Author.account_id, Author.external_id, Author.id)):
            authors[account_id, external_id] = id_
    waiting_every = max(1, comments // waiting)
    span = 90 * 86400
    for start in range(0, comments, BATCH):
        rows, nudges = [], []
        for index in range(start, min(start + BATCH, comments)):
            account_id = account_ids[index % ACCOUNTS]
            created = NOW - timedelta(seconds=span - index * span // comments)
            waits = index % waiting_every == 0
            brand = not waits and rng.random() < 0.35
            parent = f"c{index - ACCOUNTS * rng.randrange(1, 50)}" if index > 1000 and rng.random() < 0.33 else None
            rows.append({
                "account_id": account_id, "external_id": f"c{index}",
                "post_id": posts[account_id, f"p{rng.randrange(200)}"],
                "author_id": authors[account_id, "a0" if brand else f"a{rng.randrange(1, 5000)}"],
                "parent_external_id": parent, "thread_external_id": None, "is_brand": brand,
                "text": "How long should I steep this for a less bitter cup?", "url": f"https://x/c/{index}",
                "created_at": created, "updated_at": None, "deleted": False, "ingested_at": created,
                "answered_at": None if waits or brand else created + timedelta(minutes=30), "answered_by_id": None,
                "score": (60 if rng.random() < 0.8 else 10) if waits else None, "reasons": ["question"], "extra": None,
            })
        with factory.begin() as session:
            session.execute(insert(Comment.__table__), rows)
            if start % (BATCH * 5) == 0:
                ids = session.execute(
                    select(Comment.id, Comment.account_id, Comment.created_at).where(
                        Comment.answered_at.is_(None), Comment.is_brand.is_(False), Comment.id > start
                    ).limit(BATCH // waiting_every)
                ).all()
                nudges = [{"comment_id": i, "account_id": a, "state": "posted", "channel": "C1", "due_at": c,
                           "created_at": c, "suggestions": ["What did you try?"]} for i, a, c in ids]
                session.execute(insert(Nudge.__table__), nudges)


def slash_unanswered(session, name: str | None = None, older_than: timedelta | None = None):
    """What `/unanswered` reads: the names that tell an account from a platform, the list, its nudges' states."""
    known_names(session)
    result = unanswered(session, now=NOW, account_or_platform=name, older_than=older_than, limit=DEFAULT_LIMIT)
    return nudge_statuses(session, [item.id for item in result.items])


CASES = {
    "CLI unanswered --limit 50": lambda s: unanswered(s, now=NOW, limit=50),
    "CLI unanswered --account brand-07 --older-than 1d --limit 50":
        lambda s: unanswered(s, now=NOW, account="brand-07", older_than=timedelta(days=1), limit=50),
    "/unanswered": slash_unanswered,
    "/unanswered brand-03 2h": lambda s: slash_unanswered(s, "brand-03", timedelta(hours=2)),
    "App Home backlog and oldest waiting": lambda s: home_view(s, NOW, (), [waiting_section]),
}
# Not the unanswered query, shown for scale: the whole Home tab adds this week's replies and the 7-day stats.
WHOLE_HOME = {"App Home, whole tab (not a target)": lambda s: home_view(s, NOW, ())}


def measure(factory, cases: dict, runs: int) -> dict[str, tuple[float, float]]:
    figures = {}
    with factory() as session:
        for name, run in cases.items():
            run(session)  # warm the caches, as a running bot has them
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                run(session)
                times.append((time.perf_counter() - started) * 1000)
            figures[name] = (statistics.median(times), statistics.quantiles(times, n=20)[-1])
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=1_000_000)
    parser.add_argument("--waiting", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--databases", default="sqlite,postgresql")
    args = parser.parse_args()
    print(f"unanswered query: {args.comments:,} comments, {args.waiting:,} waiting, {args.runs} runs each")
    print(f"{'database':<11} {'query':<62} {'p50 ms':>7} {'p95 ms':>7}  target p95 < {TARGET_MS} ms")
    failed = False
    for kind in args.databases.split(","):
        filling = lambda factory: fill(factory, args.comments, args.waiting)  # noqa: E731
        with filled_database(kind, filling, args.comments) as factory:
            for name, (p50, p95) in measure(factory, CASES, args.runs).items():
                failed |= p95 >= TARGET_MS
                print(f"{kind:<11} {name:<62} {p50:>7.1f} {p95:>7.1f}  {'met' if p95 < TARGET_MS else 'NOT MET'}")
            for name, (p50, p95) in measure(factory, WHOLE_HOME, max(5, args.runs // 10)).items():
                print(f"{kind:<11} {name:<62} {p50:>7.1f} {p95:>7.1f}  -")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
