"""The flood rule against the stand-in Slack API over real HTTP, on SQLite and PostgreSQL: more nudges due for a
channel in one cycle than `digest_threshold` become one summary message, not one message each."""

from __future__ import annotations

import io
import time
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from bot.config import Route
from bot.db.models import Account, Nudge, utcnow
from bot.engine import lifecycle
from bot.engine.ingest import ingest
from bot.engine.leases import DEFAULT_LEASE, Lease
from bot.engine.nudges import enqueue_due
from bot.engine.poller import poll_due
from bot.engine.rescore import rescore_waiting
from bot.service import build_sources
from bot.engine.delivery import deliver_due
from bot.suggest import suggester
from bot.slack.terminal import TerminalNotifier
from tests.support.blockkit import check_blocks
from tests.support.records import T0, account_config, make_account, page, record
from tests.support.slack_world import CHANNEL, action_body, make_world, power_cut_when_recording_a_post, signed_request
from tests.slack.test_slack_commands import ask, listed_ids

SUPPORT = "C0SUPPORT"


@pytest.fixture
def world(tmp_path, session_factory, slack_api):
    return make_world(tmp_path, session_factory, slack_api, digest_threshold=3, escalate_after=timedelta(hours=1))


def nudge_messages(world, channel=CHANNEL):
    return [m for m in world.api.messages(channel) if (m.get("metadata") or {}).get("event_type") == "reply_nudge"]


def summaries(world, channel=CHANNEL):
    return [m for m in world.api.messages(channel) if "fell due at once" in m["text"]]


def texts(message) -> list[str]:
    return [block["text"]["text"] if block["type"] != "context" else block["elements"][0]["text"]
            for block in message["blocks"]]


def add(world, count, text="Does it work with oat milk?", first=0):
    for n in range(first, first + count):
        world.add(f"c{n}", f"{text} ({n})", ago=timedelta(hours=2, minutes=n), author=f"Person {n}")


def test_more_due_than_the_threshold_become_one_summary_oldest_first(world):
    add(world, 5)
    world.poll()

    assert nudge_messages(world) == []
    (summary,) = summaries(world)
    check_blocks(summary["blocks"])
    assert summary["text"] == "5 comments fell due at once: blog 5"
    header, intro, *listed, footer = texts(summary)
    assert header == "5 comments waiting for an answer"
    assert intro.startswith(":ocean: *5 comments fell due at once* (blog 5)")
    assert [line.split("*")[1] for line in listed] == [f"Person {n}" for n in (4, 3, 2, 1, 0)]
    assert listed[0].startswith("*Person 4* on blog (replay), waiting 2h 4m <https://blog.example/c/c4|open>\n"
                                "> Does it work with oat milk? (4)")
    assert "/unanswered" in footer

    nudges = [world.nudge(f"c{n}") for n in range(5)]
    assert {(n.state, n.slack_ts, n.channel) for n in nudges} == {(Nudge.POSTED, None, CHANNEL)}
    assert all(n.posted_at is not None for n in nudges)
    with world.factory.begin() as session:  # escalate_after (1h) passes: no follow-up without a message of its own
        session.execute(update(Nudge).values(escalate_from=nudges[0].posted_at - timedelta(hours=2)))
    world.poll()
    assert len(world.api.messages(CHANNEL)) == 1

    # Each stays listed with its buttons, and Done from the list settles it.
    app = world.app()
    ids = listed_ids(ask(world, app, "/unanswered"))
    assert sorted(ids) == sorted(world.comment_id(f"c{n}") for n in range(5))
    app.dispatch(signed_request(action_body(world.api, "nudge_done", world.comment_id("c0"))))
    deadline = time.monotonic() + 5
    while world.nudge("c0").state != Nudge.HANDLED and time.monotonic() < deadline:
        time.sleep(0.05)
    assert (world.nudge("c0").state, world.nudge("c0").handled_how) == (Nudge.HANDLED, "done")


def test_up_to_the_threshold_each_gets_its_own_message(world):
    add(world, 3)
    world.poll()
    assert summaries(world) == [] and len(nudge_messages(world)) == 3
    add(world, 3, first=3)  # three more in a later cycle: still at the threshold
    world.poll()
    assert summaries(world) == [] and len(nudge_messages(world)) == 6


def test_the_rule_counts_per_channel_after_routing(tmp_path, session_factory, slack_api):
    world = make_world(tmp_path, session_factory, slack_api, digest_threshold=3,
                       routes=(Route(("refund",), SUPPORT),))
    add(world, 4, text="How do I get a refund?")
    add(world, 2, first=4)
    world.poll()
    (summary,) = summaries(world, SUPPORT)
    assert summary["text"] == "4 comments fell due at once: blog 4"
    assert nudge_messages(world, SUPPORT) == []
    assert summaries(world) == [] and len(nudge_messages(world)) == 2


def test_a_long_flood_lists_the_ten_oldest_and_counts_the_rest(world):
    add(world, 12, text="A long question " * 40)
    world.poll()
    (summary,) = summaries(world)
    check_blocks(summary["blocks"])
    blocks = texts(summary)
    assert len(blocks) == 2 + 10 + 2 and blocks[-2] == "…and 2 more."
    assert all(len(line) < 400 for line in blocks[2:12])


def test_a_failed_summary_is_tried_again_after_its_backoff(world):
    add(world, 4)
    world.api.fail("chat.postMessage", status=200, retry_after=None, error="not_in_channel")
    world.poll()
    assert world.nudge("c0").state == Nudge.PENDING and world.nudge("c0").attempts == 1
    world.poll()
    assert summaries(world) == []  # not before its backoff
    accounts = {world.nudge("c0").account_id: world.settings.accounts[0]}
    deliver_due(world.factory, world.notifier(), suggester(world.factory),
                clock=lambda: utcnow() + lifecycle.FIRST_RETRY, accounts=accounts)
    assert len(summaries(world)) == 1 and world.nudge("c0").state == Nudge.POSTED


def test_accounts_sharing_a_channel_flood_at_the_lowest_threshold(session_factory):
    blog = account_config("blog", channel=CHANNEL, digest_threshold=10)
    shop = account_config("shop", channel=CHANNEL, digest_threshold=2)
    accounts = {}
    now = T0 + timedelta(hours=3)
    for config, names in ((blog, ("b1", "b2")), (shop, ("s1",))):
        account_id = make_account(session_factory, config.name, channel=CHANNEL)
        accounts[account_id] = config
        with session_factory.begin() as session:
            ingest(session, account_id, page(*(record(name) for name in names)), now=now)
            rescore_waiting(session, account_id)
            enqueue_due(session, account_id, nudge_after=timedelta(hours=1), min_score=0, max_age=timedelta(days=14),
                        channel=CHANNEL, now=now)
    out = io.StringIO()

    assert deliver_due(session_factory, TerminalNotifier(out), suggester(session_factory),
                       clock=lambda: now, accounts=accounts) == 3
    assert out.getvalue() == f"── {CHANNEL}: 3 comments fell due at once: blog 2, shop 1\n"

    with session_factory() as session:
        assert set(session.scalars(select(Nudge.state))) == {Nudge.POSTED}


def test_a_crash_between_posting_the_summary_and_recording_it_posts_nothing_twice(world, engine):
    add(world, 4)

    with power_cut_when_recording_a_post(engine), pytest.raises(RuntimeError, match="power cut"):
        world.poll()
    assert len(summaries(world)) == 1 and world.nudge("c0").state == Nudge.PENDING

    # A new process (a fresh notifier), once the dead one's claim on the nudges has run out; a fifth comment
    # fell due meanwhile: only it makes a new message, a summary of one.
    with world.factory() as session:
        accounts = {session.scalar(select(Account.id)): world.settings.accounts[0]}
    add(world, 1, first=4)
    poll_due(world.factory, accounts, build_sources(world.settings), Lease.for_this_process(), due_only=False)
    later = utcnow() + DEFAULT_LEASE + timedelta(seconds=1)
    assert deliver_due(world.factory, world.notifier(), suggester(world.factory),
                       clock=lambda: later, accounts=accounts) == 5

    first, second = summaries(world)
    assert second["text"] == "1 comment fell due at once: blog 1" and "Person 4" in str(second["blocks"])
    assert {world.nudge(f"c{n}").state for n in range(5)} == {Nudge.POSTED}
