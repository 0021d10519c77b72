"""The Bluesky connector against a real network (`@atproto/dev-env`: PLC, PDS and AppView on PostgreSQL and Redis):
users write through the PDS, the poller reads into SQLite and PostgreSQL, the brand answers from a Bluesky app and
through the product's reply path. The network's clock is the machine's: these tests run at today's date only."""

from __future__ import annotations

import time
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from bot.config_file import parse_accounts
from bot.db.models import Comment, SyncState
from bot.engine.replies import record_reply, reply_target
from bot.sources.bluesky import SWEEP_SECONDS
from bot.sources.tokens import forget_token
from tests.support.connectors import comments, poll, stored_cursor
from tests.support.real_bluesky import RealBluesky, stamp
from tests.support.records import reply_state

pytestmark = [pytest.mark.slow, pytest.mark.real_clock]
# The whole path runs on SQLite and PostgreSQL; the tests of one platform behaviour each, on SQLite alone.
SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.fixture(scope="module")
def net():
    network = RealBluesky.start()
    yield network
    network.stop()


@pytest.fixture
def people(net):
    """A brand and its fans, new for each test (names are unique on the network)."""
    tag = uuid.uuid4().hex[:6]
    return lambda role: net.person(f"{role}{tag}")


def account(net: RealBluesky, brand, password: str | None = None):
    entry = {"name": "sky", "platform": "bluesky", "handle": brand.handle, "pds_url": net.pds,
             "app_password_env": "BSKY_APP_PASSWORD"}
    return parse_accounts({"accounts": [entry]}, "replynudge.toml",
                          {"BSKY_APP_PASSWORD": password or brand.app_password})[0]


def polled(session_factory, net, brand):
    outcome, account_id, source = poll(session_factory, account(net, brand))
    assert outcome.ok, outcome.describe()
    return account_id, source


def answer_from_slack(session_factory, source, account_id, uri: str, text: str):
    """The product's reply path (what the reply modal runs): the stored comment, the platform, then the store."""
    with session_factory() as session:
        comment_id = session.scalar(select(Comment.id).where(Comment.account_id == account_id,
                                                             Comment.external_id == uri))
        target = reply_target(session, comment_id)
    posted = source.reply(target.comment, text)
    with session_factory.begin() as session:
        record_reply(session, target, comment_id, posted, by="U1", now=datetime.now(timezone.utc),
                     flat_threads=source.flat_threads)
    return posted


def sweep_due(session_factory, account_id):
    """The stored sync state says the last sweep was longer ago than SWEEP_SECONDS (as it will be, a poll later)."""
    with session_factory.begin() as session:
        state = session.get(SyncState, account_id)
        state.cursor = {**state.cursor, "swept": state.cursor.get("swept", time.time()) - SWEEP_SECONDS - 1}


def test_replies_mentions_quotes_brand_answers_and_slack_replies_with_facets(session_factory, net, people):
    brand, ana, ben = people("brand"), people("ana"), people("ben")
    launch = net.post(brand, "Our winter blend is here")
    musing = net.post(ben, "thinking about switching coffee")
    net.process_all()
    question = net.post(ana, "does it come decaf?", reply_to=launch)
    text = f"@{brand.handle} do you ship to Norway?"
    mention = net.post(ben, text, reply_to=musing, facets=net.mention(brand.handle, brand.did, text))
    quote = net.post(ana, "Finally!", quote=launch)
    net.process_all()
    account_id, source = polled(session_factory, net, brand)
    stored = comments(session_factory, account_id)
    assert {question.uri, mention.uri, musing.uri, quote.uri} <= set(stored) and launch.uri not in stored
    assert stored[mention.uri].parent_external_id == musing.uri

    native = net.post(brand, "yes, from next week!", reply_to=question)  # written in a Bluesky app
    net.process_all()
    back = net.post(ana, "great, and a sampler?", reply_to=native)
    net.process_all()
    polled(session_factory, net, brand)
    assert reply_state(session_factory, account_id)[question.uri] == native.uri
    assert reply_state(session_factory, account_id)[back.uri] is None

    posted = answer_from_slack(session_factory, source, account_id, back.uri,
                               f"Yes @{ana.handle}! See https://acme.example/sampler. #coffee")
    assert reply_state(session_factory, account_id)[back.uri] == posted.external_id
    net.process_all()
    record = net.xrpc("GET", "com.atproto.repo.getRecord", params={
        "repo": brand.did, "collection": "app.bsky.feed.post", "rkey": posted.external_id.rsplit("/", 1)[1]})["value"]
    assert record["reply"]["parent"]["uri"] == back.uri and record["reply"]["root"]["uri"] == launch.uri
    features = [facet["features"][0] for facet in record.get("facets", [])]
    assert features == [
        {"$type": "app.bsky.richtext.facet#mention", "did": ana.did},
        {"$type": "app.bsky.richtext.facet#link", "uri": "https://acme.example/sampler"},
        {"$type": "app.bsky.richtext.facet#tag", "tag": "coffee"},
    ]
    notified = net.xrpc("GET", "app.bsky.notification.listNotifications", ana, params={"reasons": ["mention",
                                                                                                   "reply"]})
    assert posted.external_id in {item["uri"] for item in notified["notifications"]}


@SQLITE_ONLY
def test_a_reply_written_minutes_earlier_than_it_is_posted(session_factory, net, people):
    brand, ana, ben = people("brand"), people("ana"), people("ben")
    launch = net.post(brand, "Tasting at noon")
    net.process_all()
    first = net.post(ana, "see you there", reply_to=launch)
    net.process_all()
    account_id, _ = polled(session_factory, net, brand)
    slow = net.post(ben, "can I bring a friend?", reply_to=launch,
                    created_at=datetime.now(timezone.utc) - timedelta(minutes=3))  # a phone's slow clock
    net.process_all()
    polled(session_factory, net, brand)
    assert {first.uri, slow.uri} <= set(comments(session_factory, account_id))


@SQLITE_ONLY
def test_a_reply_deleted_after_it_was_read_stops_waiting(session_factory, net, people):
    brand, ana = people("brand"), people("ana")
    launch = net.post(brand, "Ask us anything")
    net.process_all()
    rude = net.post(ana, "you are the worst", reply_to=launch)
    net.process_all()
    account_id, _ = polled(session_factory, net, brand)
    assert reply_state(session_factory, account_id) == {rude.uri: None}
    net.delete(ana, rude)
    net.process_all()
    sweep_due(session_factory, account_id)
    polled(session_factory, net, brand)
    assert comments(session_factory, account_id)[rude.uri].deleted


@SQLITE_ONLY
def test_replies_deeper_than_the_appview_notifies(session_factory, net, people):
    brand, ana, ben = people("brand"), people("ana"), people("ben")
    launch = net.post(brand, "Which roast do you like best?")
    net.process_all()
    chain, parent = [], launch
    for level in range(1, 5):  # the brand is notified of these: it is fewer than 5 levels above
        parent = net.post((ana, ben)[level % 2], f"level {level}: dark, no light!", reply_to=parent)
        chain.append(parent)
        net.process_all()
    account_id, _ = polled(session_factory, net, brand)
    for level in range(5, 9):  # not notified
        parent = net.post((ana, ben)[level % 2], f"level {level}: no, medium", reply_to=parent)
        chain.append(parent)
        net.process_all()
    assert not {item["uri"] for item in net.xrpc("GET", "app.bsky.notification.listNotifications", brand)[
        "notifications"]} & {ref.uri for ref in chain[4:]}
    sweep_due(session_factory, account_id)
    polled(session_factory, net, brand)
    stored = comments(session_factory, account_id)
    assert {ref.uri for ref in chain} <= set(stored)
    assert stored[chain[-1].uri].parent_external_id == chain[-2].uri


@SQLITE_ONLY
def test_a_burst_of_130_replies_costs_one_thread_read(session_factory, net, people):
    brand, fans = people("brand"), [people(f"fan{n}") for n in range(5)]
    launch = net.post(brand, "Free samples today!")
    net.process_all()
    replies = []
    for n, fan in enumerate(fans):
        replies += net.write_many(fan, "app.bsky.feed.post", [
            {"text": f"me please! {n}.{k}", "createdAt": stamp(datetime.now(timezone.utc)),
             "reply": {"root": launch.strong(), "parent": launch.strong()}} for k in range(26)])
    net.process_all()
    account_id, source = polled(session_factory, net, brand)
    assert {ref.uri for ref in replies} <= set(comments(session_factory, account_id))
    # a session, 2 pages of notifications, the thread once, the brand's feed (130 thread reads before)
    assert source.http.requests_sent + source.sessions.requests_sent <= 6


@SQLITE_ONLY
def test_an_empty_filtered_page_does_not_end_the_read(session_factory, net, people):
    """The AppView reads up to 10 raw pages for one page of the wanted reasons: 1,000 likes newer than a reply
    answer `{"notifications": [], "cursor": …}`."""
    brand, ana = people("brand"), people("ana")
    launch = net.post(brand, "New mugs")
    net.process_all()
    question = net.post(ana, "are they dishwasher safe?", reply_to=launch, created_at=datetime.now(timezone.utc)
                        - timedelta(seconds=5))
    net.process_all()
    # each like a millisecond after the last: the AppView pages by that time alone, and skips equal times
    asked = datetime.now(timezone.utc) - timedelta(seconds=2)
    mugs = net.write_many(brand, "app.bsky.feed.post", [{"text": f"mug {n}", "createdAt": stamp(asked)}
                                                        for n in range(1010)])
    net.write_many(ana, "app.bsky.feed.like", [
        {"subject": mug.strong(), "createdAt": stamp(asked + timedelta(milliseconds=n))} for n, mug in enumerate(mugs)])
    net.process_all()
    first = net.xrpc("GET", "app.bsky.notification.listNotifications", brand,
                     params={"reasons": ["reply", "mention", "quote"], "limit": 100})
    assert first["notifications"] == [] and first.get("cursor")  # what the AppView answers
    account_id, _ = polled(session_factory, net, brand)
    assert question.uri in comments(session_factory, account_id)


@SQLITE_ONLY
def test_priority_notifications_do_not_hide_replies(session_factory, net, people):
    brand, ana = people("brand"), people("ana")
    net.xrpc("POST", "app.bsky.notification.putPreferences", brand, json={"priority": True})
    launch = net.post(brand, "Open mic tonight")
    net.process_all()
    question = net.post(ana, "what time?", reply_to=launch)  # the brand does not follow ana
    net.process_all()
    account_id, _ = polled(session_factory, net, brand)
    assert question.uri in comments(session_factory, account_id)


@SQLITE_ONLY
def test_the_next_process_refreshes_the_kept_session_instead_of_logging_in(session_factory, net, people):
    brand, ana = people("brand"), people("ana")
    launch = net.post(brand, "Hello")
    net.process_all()
    net.post(ana, "hi!", reply_to=launch)
    net.process_all()
    account_id, _ = polled(session_factory, net, brand)
    kept = stored_cursor(session_factory, account_id).get("session")

    forget_token((net.pds, brand.handle))  # a new process (a cron `poll --once`)
    later = net.post(ana, "still there?", reply_to=launch)
    net.process_all()
    # with a wrong app password a login would fail: the kept refresh token is what renews the session
    outcome, _, _ = poll(session_factory, account(net, brand, password="wrong-pass-word-here"))
    assert outcome.ok, outcome.describe()
    assert later.uri in comments(session_factory, account_id)
    assert kept["did"] == brand.did
    assert stored_cursor(session_factory, account_id)["session"]["refresh"] != kept["refresh"]  # rotated
