"""The brand's own voice: finding the team's past questions for a comment (bot/suggest/voice.py) on a table of answered
conversations, on SQLite and PostgreSQL. It runs once per nudge, when the nudge is posted (never while polling).
Target: p95 under 50 ms, a small share of the one-message-a-second pace of a Slack channel.

    .venv/bin/python benchmarks/voice.py [--comments 200000] [--runs 50] [--databases sqlite,postgresql]

10 accounts; every user comment is answered by a brand reply (so half the rows are replies), half of the replies
ask a question; texts are drawn from a few hundred complaint, praise and question variants so that similar
conversations exist and most are not.
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

from sqlalchemy import insert, select, update  # noqa: E402

from benchmarks.common import T0, filled_database, make_accounts  # noqa: E402
from bot.db.models import Author, Comment, Post  # noqa: E402
from bot.engine.comment_text import read_comment  # noqa: E402
from bot.suggest.voice import CANDIDATES, brand_voice  # noqa: E402

ACCOUNTS = 10
BATCH = 10_000
TARGET_MS = 50
ITEMS = ["mug", "teapot", "candle", "scarf", "backpack", "grinder", "kettle", "jacket", "lamp", "notebook"]
PROBLEMS = ["arrived cracked", "came without the lid", "stopped working", "is the wrong colour", "never arrived"]
PRAISE = ["is gorgeous", "smells amazing", "is so comfortable", "works perfectly", "made my week"]
QUESTIONS = ["Do you ship to Portugal?", "Is the {item} dishwasher safe?", "When is the {item} back in stock?"]
REPLIES = ["Sorry to hear that, {name}! Was the box damaged when the {item} arrived?",
           "Thank you {name}! What do you use the {item} for most?",
           "Thanks {name}, we'll look into it.",
           "Great question! Which size were you thinking of?"]
NAMES = ["Priya Patel", "Sam Lee", "Lena Roth", "Jonas Weber", "Ana Silva", "Mia Chen"]


def user_text(rng: random.Random) -> str:
    item = rng.choice(ITEMS)
    kind = rng.randrange(3)
    if kind == 0:
        return f"My {item} {rng.choice(PROBLEMS)}, really disappointed."
    if kind == 1:
        return f"The new {item} {rng.choice(PRAISE)}, love it!"
    return rng.choice(QUESTIONS).format(item=item)


def fill(factory, comments: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    account_ids = list(make_accounts(factory, [f"brand-{n:02}" for n in range(ACCOUNTS)]).values())
    with factory.begin() as session:
        for account_id in account_ids:
            session.execute(insert(Post.__table__), [
                {"account_id": account_id, "external_id": f"p{n}", "title": f"Post {n}"} for n in range(100)])
            session.execute(insert(Author.__table__), [
                {"account_id": account_id, "external_id": f"a{n}", "name": NAMES[n % len(NAMES)]}
                for n in range(len(NAMES))])
        posts = {(a, e): i for a, e, i in session.execute(select(Post.account_id, Post.external_id, Post.id))}
        authors = {(a, e): i for a, e, i in session.execute(select(Author.account_id, Author.external_id, Author.id))}
    span = 180 * 86400
    for start in range(0, comments, BATCH):
        rows = []
        for index in range(start, min(start + BATCH, comments), 2):
            account_id = account_ids[(index // 2) % ACCOUNTS]
            created = T0 + timedelta(seconds=index * span // comments)
            author = rng.randrange(1, len(NAMES))
            post = posts[account_id, f"p{rng.randrange(100)}"]
            common = {"account_id": account_id, "post_id": post, "thread_external_id": None, "deleted": False,
                      "updated_at": None, "ingested_at": created, "score": 40, "reasons": [], "extra": None,
                      "url": None}
            rows.append({**common, "external_id": f"c{index}", "author_id": authors[account_id, f"a{author}"],
                         "parent_external_id": None, "is_brand": False, "text": user_text(rng), "created_at": created,
                         "answered_at": created + timedelta(minutes=20), "answered_by_id": None})
            reply = rng.choice(REPLIES).format(name=NAMES[author].split()[0], item=rng.choice(ITEMS))
            rows.append({**common, "external_id": f"r{index}", "author_id": authors[account_id, "a0"],
                         "parent_external_id": f"c{index}", "is_brand": True, "text": reply,
                         "created_at": created + timedelta(minutes=20), "answered_at": None, "answered_by_id": None})
        with factory.begin() as session:
            session.execute(insert(Comment.__table__), rows)
    with factory.begin() as session:  # what engine/replystate.py derives: each user comment answered by its reply
        reply = Comment.__table__.alias("reply")
        session.execute(
            update(Comment.__table__)
            .where(Comment.__table__.c.is_brand.is_(False))
            .values(answered_by_id=select(reply.c.id).where(
                reply.c.account_id == Comment.__table__.c.account_id,
                reply.c.parent_external_id == Comment.__table__.c.external_id,
            ).scalar_subquery())
        )


def measure(factory, runs: int, seed: int = 3) -> tuple[float, float, float]:
    """p50 and p95 in ms of one lookup, and the share of comments that got at least one past question."""
    rng = random.Random(seed)
    comments = [(f"brand-{rng.randrange(ACCOUNTS):02}", read_comment(user_text(rng))) for _ in range(runs)]
    times, found = [], 0
    with factory() as session:
        brand_voice(session, "brand-00", None, comments[0][1], "Ana Silva")  # warm the caches, as a running bot has
        for account, comment in comments:
            started = time.perf_counter()
            voice = brand_voice(session, account, None, comment, "Ana Silva")
            times.append((time.perf_counter() - started) * 1000)
            found += bool(voice.past)
    return statistics.median(times), statistics.quantiles(times, n=20)[-1], found / runs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--databases", default="sqlite,postgresql")
    args = parser.parse_args()
    print(f"brand voice lookup: {args.comments:,} comments in {ACCOUNTS} accounts, at most {CANDIDATES} candidate "
          f"conversations, {args.runs} comments")
    print(f"{'database':<11} {'p50 ms':>7} {'p95 ms':>7} {'with a past question':>21}  target p95 < {TARGET_MS} ms")
    failed = False
    for kind in args.databases.split(","):
        with filled_database(kind, lambda factory: fill(factory, args.comments), args.comments) as factory:
            p50, p95, share = measure(factory, args.runs)
            failed |= p95 >= TARGET_MS
            print(f"{kind:<11} {p50:>7.1f} {p95:>7.1f} {share:>20.0%}  {'met' if p95 < TARGET_MS else 'NOT MET'}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
