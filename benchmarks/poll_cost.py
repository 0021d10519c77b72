"""Poll cost: HTTP requests (and time) per poll and account on each platform, against the local servers the tests
use, through the real source, poller and a SQLite database. Target for every platform: an idle poll (nothing new) costs at most 2 requests, the audit included (polls here are an hour apart, so
every one of them is due to read the counts that cost requests, or reads them instead of fetching).

For each platform: a first sync of a brand account with `--comments` comments in threads on a few posts, an idle
poll, and a poll after one new comment. The source is built once and kept, as `replynudge run` keeps it, so a
cached session or token is reused; its one-off login shows in the first sync's count.

    .venv/bin/python benchmarks/poll_cost.py [--comments 250] [--idle-polls 20]
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pytest_httpserver import HTTPServer  # noqa: E402

from benchmarks.common import fresh_database  # noqa: E402
from bot.config_file import parse_accounts  # noqa: E402
from bot.db import session_factory  # noqa: E402
from bot.db.models import utcnow  # noqa: E402
from bot.engine.poller import poll_account, sync_accounts  # noqa: E402
from bot.sources import build_source  # noqa: E402
from tests.support import fake_bluesky, fake_linkedin, fake_mastodon, fake_meta, fake_wordpress  # noqa: E402
from tests.support.fake_reddit import T0, FakeReddit  # noqa: E402
from tests.support.fake_youtube import NOW, FakeYouTube  # noqa: E402

TARGET_IDLE = {platform: 2 for platform in
               ("wordpress", "mastodon", "bluesky", "youtube", "facebook", "instagram", "threads", "linkedin",
                "reddit")}


class Counter:
    """Serves a fake platform and counts the requests it answers."""

    def __init__(self, handler: Callable):
        self.handler, self.count = handler, 0

    def __call__(self, request):
        self.count += 1
        return self.handler(request)


@dataclass
class World:
    """A platform's fake with its brand account, and how to add one more user comment."""

    account: object
    add_comment: Callable[[], None]


def wordpress(server: HTTPServer, comments: int) -> tuple[Callable, World]:
    fake = fake_wordpress.FakeWordPress(base_url=server.url_for("").rstrip("/"))
    for n in range(comments):
        parent = fake.add(f"Visitor {n}", f"Question {n}?", post=4 if n % 2 else 9)
        if n % 5 == 0:
            fake.add("Acme", "Thanks for asking!", post=4 if n % 2 else 9, parent=parent, author=fake_wordpress.BRAND_ID)
    entry = {"url": fake.base_url + "/", "username": fake_wordpress.USER, "app_password_env": "WP"}
    return fake, World(_account("wordpress", entry, {"WP": fake_wordpress.APP_PASSWORD}),
                       lambda: fake.add("Late visitor", "Is it still on sale?"))


def mastodon(server: HTTPServer, comments: int) -> tuple[Callable, World]:
    fake = fake_mastodon.FakeMastodon(base_url=server.url_for("").rstrip("/"))
    fake.remaining = 10**6  # the 300-per-5-minutes window is not what is measured here
    posts = [fake.post(fake_mastodon.BRAND, f"Roast {n} is out") for n in range(5)]
    for n in range(comments):
        fake.post(fake_mastodon.user(n % 40), f"@acme how fresh is roast {n}?", reply_to=posts[n % 5])
    entry = {"base_url": fake.base_url, "access_token_env": "TOKEN"}
    return fake, World(_account("mastodon", entry, {"TOKEN": fake_mastodon.TOKEN}),
                       lambda: fake.post(fake_mastodon.user(99), "@acme still open?", reply_to=posts[0]))


def bluesky(server: HTTPServer, comments: int) -> tuple[Callable, World]:
    fake = fake_bluesky.FakeBluesky(base_url=server.url_for("").rstrip("/"))
    brand = fake_bluesky.BRAND
    posts = [fake.post(brand, f"Roast {n} is out") for n in range(5)]
    for n in range(comments):
        question = fake.post(fake_bluesky.user(n % 40), f"how fresh is roast {n}?", reply_to=posts[n % 5])
        if n % 5 == 0:
            fake.post(brand, "Roasted this week!", reply_to=question)
    entry = {"handle": brand["handle"], "pds_url": fake.base_url, "app_password_env": "BSKY"}
    return fake, World(_account("bluesky", entry, {"BSKY": fake_bluesky.APP_PASSWORD}),
                       lambda: fake.post(fake_bluesky.user(99), "still open?", reply_to=posts[0]))


def reddit(server: HTTPServer, comments: int) -> tuple[Callable, World]:
    fake = FakeReddit()
    fake.url = server.url_for("").rstrip("/")
    for post in range(5):
        fake.post(f"p{post}", f"Our launch {post}", T0 + post)
    for n in range(comments):
        fake.comment(f"c{n}", f"user{n % 40}", f"Question {n}?", T0 + 100 + n, f"t3_p{n % 5}", f"p{n % 5}")
    added = iter(range(10**6))
    entry = {"username": fake.brand, "client_id": fake.client_id, "api_url": fake.url, "auth_url": fake.url,
             "client_secret_env": "SECRET", "password_env": "PASSWORD"}
    return fake.handle, World(
        _account("reddit", entry, {"SECRET": fake.client_secret, "PASSWORD": fake.password}),
        lambda: (n := next(added), fake.comment(f"new{n}", "late", "Still on?", time.time(), "t3_p0", "p0")),
    )


def youtube(server: HTTPServer, comments: int) -> tuple[Callable, World]:
    fake = FakeYouTube()
    fake.url = server.url_for("").rstrip("/")
    for n in range(comments):
        fake.thread(f"T{n:04}", f"UCuser{n}", f"Comment {n}", NOW - timedelta(hours=comments - n))
    added = iter(range(10**6))
    entry = {"channel_id": fake.channel, "client_id": "client-1", "api_url": fake.url,
             "token_url": f"{fake.url}/token", "client_secret_env": "SECRET", "refresh_token_env": "REFRESH"}
    return fake.handle, World(
        _account("youtube", entry, {"SECRET": "s3cret", "REFRESH": fake.refresh_token}),
        lambda: fake.thread(f"N{next(added)}", "UClate", "Still on?", NOW + timedelta(minutes=1)),
    )


def _meta(server: HTTPServer, comments: int, platform: str, new_post: str, brand: dict, **keys) -> tuple[Callable, World]:
    """Facebook, Instagram and Threads: five posts, user comments on them, a brand reply to every fifth."""
    fake = fake_meta.FakeGraph(base_url=server.url_for("").rstrip("/"))
    posts = [getattr(fake, new_post)(f"Roast {n} is out") for n in range(5)]
    user = fake_meta.fb_user if platform == "facebook" else fake_meta.ig_user
    for n in range(comments):
        question = fake.comment(posts[n % 5], user(n % 40), f"How fresh is roast {n}?")
        if n % 5 == 0:
            fake.comment(posts[n % 5], brand, "Roasted this week!", reply_to=question)
    return fake, World(fake_meta.account(fake, platform, f"bench-{platform}", **keys),
                       lambda: fake.comment(posts[0], user(99), "Still on sale?"))


def facebook(server: HTTPServer, comments: int) -> tuple[Callable, World]:
    return _meta(server, comments, "facebook", "fb_post", fake_meta.PAGE, page_id=fake_meta.PAGE["id"])


def instagram(server: HTTPServer, comments: int) -> tuple[Callable, World]:
    return _meta(server, comments, "instagram", "ig_media", fake_meta.IG_USER, user_id=fake_meta.IG_USER["id"])


def threads(server: HTTPServer, comments: int) -> tuple[Callable, World]:
    return _meta(server, comments, "threads", "thread", fake_meta.THREADS_USER, version=fake_meta.THREADS_VERSION)


def linkedin(server: HTTPServer, comments: int) -> tuple[Callable, World]:
    fake = fake_linkedin.FakeLinkedIn()
    url = fake.install(server)
    posts = [fake.post(f"Roast {n} is out") for n in range(5)]
    for n in range(comments):
        question = fake.comment(posts[n % 5], fake_linkedin.member(n % 40), f"How fresh is roast {n}?")
        if n % 5 == 0:
            fake.comment(posts[n % 5], fake_linkedin.ORGANIZATION, "Roasted this week!", reply_to=question)
    server.clear()  # measure() serves it through its counter
    entry = {"organization_id": fake_linkedin.ORGANIZATION.rsplit(":", 1)[1], "api_url": url, "access_token_env": "LI"}
    return fake, World(_account("linkedin", entry, {"LI": fake_linkedin.TOKEN}),
                       lambda: fake.comment(posts[0], fake_linkedin.member(99), "Still on sale?"))


def _account(platform: str, entry: dict, environ: dict):
    document = {"accounts": [{"name": f"bench-{platform}", "platform": platform, **entry}]}
    return parse_accounts(document, "bench.toml", environ)[0]


PLATFORMS = {"wordpress": wordpress, "mastodon": mastodon, "bluesky": bluesky, "reddit": reddit, "youtube": youtube,
             "facebook": facebook, "instagram": instagram, "threads": threads, "linkedin": linkedin}


def measure(platform: str, comments: int, idle_polls: int) -> dict:
    server = HTTPServer(port=0)
    server.start()
    try:
        handler, world = PLATFORMS[platform](server, comments)
        counter = Counter(handler)
        server.expect_request(re.compile(".*")).respond_with_handler(counter)
        with fresh_database("sqlite") as engine:
            factory = session_factory(engine)
            with factory.begin() as session:
                account_id = sync_accounts(session, [world.account])[world.account.name]
            source = build_source(world.account)

            polls = iter(range(10**6))

            def poll() -> tuple[int, float]:
                # an hour apart on the poller's clock, so no poll is skipped for pacing (YouTube's quota spreading)
                clock = lambda moment=utcnow() + timedelta(hours=next(polls)): moment  # noqa: E731
                before, started = counter.count, time.perf_counter()
                outcome = poll_account(factory, account_id, world.account, source, clock=clock)
                if not outcome.ok or outcome.skipped_until:
                    raise SystemExit(f"{platform}: {outcome.describe()}")
                return counter.count - before, time.perf_counter() - started

            first, first_seconds = poll()
            idle = [poll() for _ in range(idle_polls)]
            world.add_comment()
            one_new, _ = poll()
    finally:
        server.clear()
        server.stop()
    return {
        "platform": platform, "first": first, "first_seconds": first_seconds,
        "idle": max(count for count, _ in idle), "idle_ms": 1000 * sorted(s for _, s in idle)[len(idle) // 2],
        "one_new": one_new,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=250, help="comments in the account at the first sync")
    parser.add_argument("--idle-polls", type=int, default=20, help="idle polls measured (the most costly counts)")
    parser.add_argument("--platforms", default=",".join(PLATFORMS))
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    print(f"requests per poll and account, {args.comments} comments at the first sync, "
          f"{args.idle_polls} idle polls (local fake servers, SQLite)")
    print(f"{'platform':<10} {'first sync':>10} {'(s)':>6} {'idle poll':>9} {'(ms, p50)':>9} {'1 new':>6}  target")
    failed = False
    for platform in args.platforms.split(","):
        row = measure(platform, args.comments, args.idle_polls)
        target = TARGET_IDLE.get(platform)
        verdict = "-" if target is None else f"idle <= {target}: {'met' if row['idle'] <= target else 'MISSED'}"
        failed |= target is not None and row["idle"] > target
        print(f"{platform:<10} {row['first']:>10} {row['first_seconds']:>6.2f} {row['idle']:>9} "
              f"{row['idle_ms']:>9.1f} {row['one_new']:>6}  {verdict}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
