"""Nudge throughput: 1,000 due nudges over 10 channels posted through the real delivery path (outbox claim, the
flood rule, suggestions, SlackNotifier on the WebClient `replynudge run` uses) to the tests' local stand-in for
Slack's Web API (tests/support/slack_api.py), answering 429 to a second message in a channel within a second, as
Slack's chat.postMessage limit allows.

    .venv/bin/python benchmarks/nudges.py [--scale 1.0] [--channels 10] [--databases sqlite]
                                          [--digest-thresholds 5,1000]

Each threshold is a run: with the default (5) a flood of due nudges goes out as one summary per channel and
claimed batch; with 1,000 (the most the config allows) every nudge is a message of its own, paced per channel.

The nudges come the way the service makes them: 10 replay accounts (one channel each) polled by the poller, which
stores, scores and queues the comments that have waited past `nudge_after`; their order mixes the channels, as
comments on several accounts arrive. Only the delivery is timed. Printed: nudges posted, messages, digests (flood
summaries), 429s, total time and its floor (the busiest channel's messages, one a second), the most messages any
channel received within one second, and whether any comment was nudged twice: a comment in two messages (a nudge's
metadata names its comment, a summary's the comments it lists), or anything posted by a second delivery pass and a
restarted notifier. Every due comment must appear in exactly one message.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select  # noqa: E402

from benchmarks.common import fresh_database  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.config_file import parse_accounts  # noqa: E402
from bot.db import session_factory  # noqa: E402
from bot.db.models import Nudge, utcnow  # noqa: E402
from bot.engine.leases import Lease  # noqa: E402
from bot.engine.poller import poll_account, sync_accounts  # noqa: E402
from bot.slack.client import make_client  # noqa: E402
from bot.engine.delivery import deliver_due  # noqa: E402
from bot.suggest import suggester  # noqa: E402
from bot.slack.notifier import EVENT_TYPE, SUMMARY_EVENT_TYPE, SlackNotifier  # noqa: E402
from bot.sources import build_source  # noqa: E402
from tests.support.slack_api import SlackAPI  # noqa: E402

FULL_SCALE = 1000
QUESTIONS = [
    "How long should I steep this for a less bitter cup?",
    "My order arrived broken and nobody answered my email, what now?",
    "Do you ship to Portugal? I could not find it on the site.",
    "Is the new blend available in decaf? Asking for my mum.",
]


@dataclass
class Posted:
    channel: str
    at: float
    comment_ids: list[int]  # from the message's metadata: a nudge's comment, or the comments a summary lists
    summary: bool


class PacedSlack:
    """The tests' stand-in for Slack's Web API (tests/support/slack_api.py) with Slack's limit of one message per
    second per channel: a chat.postMessage within a second of the channel's last accepted one gets 429,
    Retry-After 1. Delivery posts one message at a time, so each call's answer is decided before the next."""

    def __init__(self) -> None:
        self.api = SlackAPI()
        self.posted: list[Posted] = []
        self.rejected = 0  # 429s answered
        self.api.on("chat.postMessage", self._pace)

    def _pace(self, params: dict) -> None:
        channel, now = params.get("channel"), time.monotonic()
        last = next((p.at for p in reversed(self.posted) if p.channel == channel), None)
        if last is not None and now - last < 1.0:
            self.rejected += 1
            self.api.fail("chat.postMessage", channel=channel)
            return
        metadata = params.get("metadata") or {}
        payload = metadata.get("event_payload") or {}
        if metadata.get("event_type") == EVENT_TYPE:
            self.posted.append(Posted(channel, now, [payload["comment_id"]], summary=False))
        else:
            summary = metadata.get("event_type") == SUMMARY_EVENT_TYPE
            self.posted.append(Posted(channel, now, payload.get("comment_ids", []) if summary else [], summary))


def queue_nudges(factory, folder: Path, total: int, channels: int, threshold: int, seed: int) -> dict:
    """`total` comments over `channels` replay accounts, polled by the poller, which queues a nudge for each;
    returns the accounts by id, as the service hands them to delivery."""
    rng = random.Random(seed)
    now = utcnow()
    lines: dict[str, list[dict]] = {f"brand-{n:02}": [] for n in range(channels)}
    for index in range(total):
        account = f"brand-{rng.randrange(channels):02}"
        created = now - timedelta(hours=3) + timedelta(seconds=index)  # waited past nudge_after, in arrival order
        lines[account].append({"id": f"c{index}", "post": "p1", "author": f"Person {index}", "author_id": f"u{index}",
                               "text": rng.choice(QUESTIONS), "created_at": created.isoformat()})
    entries = []
    for number, (name, comments) in enumerate(lines.items()):
        path = folder / f"{name}.jsonl"
        path.write_text("".join(json.dumps(comment) + "\n" for comment in comments))
        entries.append({"name": name, "platform": "replay", "path": str(path), "channel": f"C{number:02}",
                        "nudge_after": "1h", "digest_threshold": threshold})
    accounts = parse_accounts({"accounts": entries}, "bench.toml", {})
    with factory.begin() as session:
        ids = sync_accounts(session, accounts)
    for account in accounts:
        outcome = poll_account(factory, ids[account.name], account, build_source(account))
        if not outcome.ok:
            raise SystemExit(outcome.describe())
    with factory() as session:
        queued = session.scalar(select(func.count()).where(Nudge.state == Nudge.PENDING))
    if queued != total:
        raise SystemExit(f"the poller queued {queued} nudges, not {total}")
    return {ids[account.name]: account for account in accounts}


def busiest_second(times: list[float]) -> int:
    """The most messages within any one-second window."""
    times, most, start = sorted(times), 0, 0
    for end, moment in enumerate(times):
        while moment - times[start] >= 1.0:
            start += 1
        most = max(most, end - start + 1)
    return most


def measure(kind: str, total: int, channels: int, threshold: int, seed: int) -> dict:
    slack = PacedSlack()
    settings = Settings(slack_bot_token="xoxb-bench", slack_api_url=slack.api.url)
    try:
        with fresh_database(kind) as engine, tempfile.TemporaryDirectory() as folder:
            factory = session_factory(engine)
            accounts = queue_nudges(factory, Path(folder), total, channels, threshold, seed)
            lease = Lease.for_this_process()
            started = time.perf_counter()
            posted = deliver_due(factory, SlackNotifier(make_client(settings)), suggester(factory),
                                 lease=lease, accounts=accounts)
            seconds = time.perf_counter() - started
            # Nothing is posted twice: neither by the next cycle nor by a restarted service (a new notifier).
            again = deliver_due(factory, SlackNotifier(make_client(settings)), suggester(factory),
                                lease=lease, accounts=accounts)
            with factory() as session:
                recorded = session.scalar(select(func.count()).where(Nudge.state == Nudge.POSTED))
    finally:
        slack.api.close()
    if slack.api.violations:
        raise SystemExit(f"Slack would refuse: {slack.api.violations[0]}")
    per_channel: dict[str, list[float]] = {}
    for post in slack.posted:
        per_channel.setdefault(post.channel, []).append(post.at)
    nudged = Counter(comment_id for post in slack.posted for comment_id in post.comment_ids)
    return {
        "posted": posted, "again": again, "messages": len(slack.posted), "recorded": recorded,
        "digests": sum(1 for post in slack.posted if post.summary), "rejected": slack.rejected,
        "seconds": seconds, "busiest": max(busiest_second(times) for times in per_channel.values()),
        "twice": sum(1 for count in nudged.values() if count > 1), "shown": len(nudged),
        # the busiest channel's messages cannot go out faster than one a second
        "floor": max(len(times) for times in per_channel.values()) - 1,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help=f"fraction of the {FULL_SCALE:,} nudges")
    parser.add_argument("--channels", type=int, default=10)
    parser.add_argument("--databases", default="sqlite")
    parser.add_argument("--digest-thresholds", default="5,1000", help="digest_threshold of every account, a run each")
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    total = max(args.channels, round(FULL_SCALE * args.scale))
    print(f"nudge throughput: {total:,} due nudges over {args.channels} channels, stand-in Slack allowing "
          "1 message per second per channel")
    columns = ("database  ", "threshold", "nudges", "messages", "digests", "429s", "seconds", "floor s", "msg/s",
               "most per channel-second", "nudged twice")
    print("  ".join(columns) + "  targets")
    failed = False
    thresholds = [int(threshold) for threshold in args.digest_thresholds.split(",")]
    for kind, threshold in [(kind, threshold) for kind in args.databases.split(",") for threshold in thresholds]:
        row = measure(kind, total, args.channels, threshold, args.seed)
        twice = row["twice"] + row["again"] + (row["recorded"] != row["posted"])
        ok = row["busiest"] <= 1 and twice == 0 and row["posted"] == row["shown"] == total
        failed |= not ok
        rate = row["messages"] / row["seconds"]
        values = (kind, threshold, row["posted"], row["messages"], row["digests"], row["rejected"],
                  f"{row['seconds']:.1f}", row["floor"], f"{rate:.1f}", row["busiest"], twice)
        print("  ".join(f"{value:<{len(name)}}" if index == 0 else f"{value:>{len(name)}}"
                        for index, (name, value) in enumerate(zip(columns, values)))
              + f"  <= 1/s per channel, none twice: {'met' if ok else 'NOT MET'}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
