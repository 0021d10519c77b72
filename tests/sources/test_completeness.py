"""No silent misses: the completeness audit finds what a fetch missed, through the real poll path on each platform's
local server; polls that keep failing, and gaps that stay, reach the account's channel once, and again when they
close. Time comes from the clock the poller is given."""

from __future__ import annotations

import io
import re
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from werkzeug import Response

from bot.cli import main
from bot.config import ConfigError
from bot.config_file import parse_accounts
from bot.db.models import SyncState
from bot.engine.poller import poll_account, sync_accounts
from bot.engine.delivery import deliver_due
from bot.suggest import suggester
from bot.slack.terminal import TerminalNotifier
from bot.sources import build_source
from bot.sources.http import MAX_PAGES
from bot.sources.meta_graph import PAGE_LIMIT
from bot.sources.tokens import forget_token
from bot.sources.youtube import PAGE_SIZE as YOUTUBE_PAGE, YouTubeSource
from bot.sources.youtube_quota import take_reply_units
from tests.support import fake_bluesky, fake_linkedin, fake_mastodon, fake_meta
from tests.support.connectors import comments
from tests.support.fake_reddit import T0, FakeReddit
from tests.support.fake_wordpress import APP_PASSWORD, USER, FakeWordPress
from tests.support.fake_youtube import NOW, FakeYouTube
from tests.sources.test_linkedin import config as linkedin_config
from tests.sources.test_reddit import reddit_account
from tests.sources.test_wordpress import config as wordpress_config
from tests.sources.test_youtube import youtube_account

START = datetime.now(timezone.utc).replace(microsecond=0)


class Clock:
    def __init__(self, start: datetime = START):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


class Poller:
    """One account polled as `replynudge run` polls it: one source kept, the poller's clock, alerts delivered."""

    def __init__(self, session_factory, account, start: datetime = START):
        self.factory, self.account, self.clock = session_factory, account, Clock(start)
        self.source = build_source(account)
        self.source.http.backoff = 0.001
        with session_factory.begin() as session:
            self.account_id = sync_accounts(session, [account])[account.name]
        self.said = io.StringIO()

    def poll(self, **advance):
        self.clock.advance(**(advance or {"minutes": 1}))
        outcome = poll_account(self.factory, self.account_id, self.account, self.source, self.clock)
        deliver_due(self.factory, TerminalNotifier(self.said), suggester(self.factory), self.clock)
        return outcome

    def stored(self):
        return comments(self.factory, self.account_id)

    def state(self) -> SyncState:
        with self.factory() as session:
            return session.scalar(select(SyncState).where(SyncState.account_id == self.account_id))

    def told(self) -> list[str]:
        """The alerts posted since the last call."""
        lines = [line for line in self.said.getvalue().split("\n\n") if line.startswith("! ")]
        self.said = io.StringIO()
        return lines


@pytest.fixture
def wordpress(httpserver):
    fake = FakeWordPress(base_url=httpserver.url_for("").rstrip("/"))
    httpserver.expect_request(re.compile(".*")).respond_with_handler(fake)
    return fake


def backdate(fake: FakeWordPress, comment_id: int, **delta) -> None:
    """A comment written with an older date (an import, a clock that was off): inserted out of date order."""
    comment = fake.comments[comment_id]
    for key in ("date", "date_gmt"):
        comment[key] = (datetime.fromisoformat(comment[key]) - timedelta(**delta)).isoformat()


def test_wordpress_every_comment_reaches_the_store_within_two_sweeps(session_factory, wordpress):
    wordpress.edits_posts = False  # a brand user who cannot see the moderation queue: the audit is the net
    held = wordpress.add("Quiet reader", "Is the decaf any good?", status="hold")  # first-time commenter: held
    hidden = wordpress.add("Priya", "Which grind for a moka pot?")
    doomed = wordpress.add("Tom", "First!")
    recent = [wordpress.add(f"Reader {n}", f"Question {n}?", post=9 if n % 2 else 4) for n in range(110)]
    poller = Poller(session_factory, wordpress_config(wordpress))
    assert poller.poll().ok
    assert len(poller.stored()) == 112 and str(held) not in poller.stored()

    # Approved late (it keeps its date, below the 100 newest), one written with an old date, one edited.
    wordpress.comments[held]["status"] = "approved"
    old_dated = wordpress.add("Importer", "Brought over from the old blog")
    backdate(wordpress, old_dated, hours=3)
    wordpress.comments[recent[-1]]["content"]["rendered"] = "<p>Question 109, edited?</p>\n"
    assert poller.poll().ok
    stored = poller.stored()
    assert {str(held), str(old_dated)} <= set(stored) and not stored[str(held)].deleted
    assert stored[str(recent[-1])].text == "Question 109, edited?"

    # Hidden (unapproved) and deleted, far below the 100 newest.
    wordpress.comments[hidden]["status"] = "hold"
    wordpress.comments[doomed]["status"] = "trash"
    assert poller.poll().ok
    stored = poller.stored()
    assert stored[str(hidden)].deleted and stored[str(doomed)].deleted

    # Shown again.
    wordpress.comments[hidden]["status"] = "approved"
    assert poller.poll().ok
    assert not poller.stored()[str(hidden)].deleted
    assert poller.state().complete_at == poller.clock.now
    assert poller.told() == []  # every difference closed by its re-read: nothing to tell

    wordpress.requests.clear()
    assert poller.poll().ok
    assert len(wordpress.requests) == 2  # an idle poll, audit included


def test_a_gap_that_stays_after_the_re_read_tells_the_channel_once_and_again_when_it_closes(session_factory, wordpress):
    """Once with the time the audit noted it, in UTC, and again, when it closes, with how long it lasted: from that
    time, not from the last re-read that found it."""
    wordpress.edits_posts = False  # a brand user who cannot see the moderation queue
    held = wordpress.add("Quiet reader", "Is the decaf any good?", status="hold")
    for n in range(320):  # more comments written after it than a re-read reaches (300 by id)
        wordpress.add(f"Reader {n}", f"Question {n}?")
    poller = Poller(session_factory, wordpress_config(wordpress))
    assert poller.poll().ok and poller.told() == []

    wordpress.comments[held]["status"] = "approved"
    assert poller.poll().ok
    noted = poller.clock.now
    told = poller.told()
    assert len(told) == 1 and "may be missing comments of *blog* (wordpress) on the whole account" in told[0]
    assert f"on the whole account since {noted:%Y-%m-%d %H:%M} UTC: the platform counts 321, 320 are stored" in told[0]
    assert poller.state().complete_at < poller.clock.now
    wordpress.requests.clear()
    assert poller.poll().ok and poller.told() == []  # once
    assert len(wordpress.requests) == 2  # the gap stands: not read again at every poll
    assert poller.poll(hours=1).ok and poller.told() == []
    assert len(wordpress.requests) == 2 + 2 + 3  # an hour later it is (300 comments by id, 3 pages)

    wordpress.comments[held]["status"] = "trash"
    assert poller.poll().ok
    assert poller.told() == ["! Reply Nudge has every comment of *blog* (wordpress) again on the whole account: the gap "
                             f"noted at {noted:%Y-%m-%d %H:%M} UTC lasted 1h 2m."]
    assert poller.state().complete_at == poller.clock.now


def test_polls_failing_longer_than_alert_after_tell_the_channel_once_and_again_when_they_work(
    session_factory, wordpress
):
    wordpress.add("Priya", "Which grind?")
    poller = Poller(session_factory, wordpress_config(wordpress, alert_after="30m"))
    assert poller.poll().ok
    last_success = poller.clock.now

    for _ in range(3):  # failing for 20 minutes: a temporary error, not told yet
        broken(wordpress)
        assert not poller.poll(minutes=10).ok
    assert poller.told() == []
    broken(wordpress)
    assert not poller.poll(minutes=10).ok  # 30 minutes
    broken(wordpress)
    assert not poller.poll(minutes=10).ok
    told = poller.told()
    assert len(told) == 1
    assert "keeps failing to poll *blog* (wordpress)" in told[0] and "HTTP 502" in told[0]
    assert f"Last successful poll: {last_success:%Y-%m-%d %H:%M} UTC" in told[0]

    assert poller.poll().ok
    assert poller.told() == [f"! Reply Nudge polls *blog* (wordpress) again: the poll at "
                             f"{poller.clock.now:%Y-%m-%d %H:%M} UTC succeeded."]
    assert poller.poll().ok and poller.told() == []


def broken(fake: FakeWordPress) -> None:
    """The next poll meets a gateway error on every attempt."""
    for _ in range(4):
        fake.fail_next("/wp/v2/comments", Response("<h1>Bad gateway</h1>", status=502))


def test_check_shows_complete_as_of_and_fails_for_an_account_failing_past_alert_after(
    workdir, database_url, session_factory, wordpress, capsys, monkeypatch
):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("WP_APP_PASSWORD", APP_PASSWORD)
    (workdir / "replynudge.toml").write_text(
        f'[[accounts]]\nname = "blog"\nplatform = "wordpress"\nurl = "{wordpress.base_url}/"\n'
        f'username = "{USER}"\napp_password_env = "WP_APP_PASSWORD"\n'
    )
    wordpress.add("Priya", "Which grind?")
    poller = Poller(session_factory, wordpress_config(wordpress), start=START - timedelta(hours=3))
    assert poller.poll().ok
    assert main(["check"]) == 0
    row = capsys.readouterr().out.splitlines()[2]
    assert f"complete as of {poller.clock.now:%Y-%m-%d %H:%M} UTC" in row and "ok: Acme Coffee" in row

    for _ in range(9):
        broken(wordpress)
        assert not poller.poll(minutes=10).ok
    assert main(["check"]) == 1
    row = capsys.readouterr().out.splitlines()[2]
    assert "FAILED: polls failing for" in row and "(temporary: wordpress: GET" in row
    assert f"last success {START - timedelta(hours=3) + timedelta(minutes=1):%Y-%m-%d %H:%M} UTC" in row


@pytest.mark.parametrize("platform", ["facebook", "instagram"])
def test_meta_every_comment_reaches_the_store_within_two_sweeps(session_factory, httpserver, platform):
    graph = fake_meta.serve(httpserver)
    if platform == "facebook":
        post, user, keys = graph.fb_post("Our new roast"), fake_meta.fb_user, {"page_id": fake_meta.PAGE["id"]}
    else:
        post, user, keys = graph.ig_media("Our new roast"), fake_meta.ig_user, {"user_id": fake_meta.IG_USER["id"]}
    first = graph.comment(post, user(1), "Is it decaf?")
    doomed = graph.comment(post, user(2), "First!")
    poller = Poller(session_factory, fake_meta.account(graph, platform, "brand", **keys))
    assert poller.poll().ok and set(poller.stored()) == {first, doomed}

    # Written a while ago but listed only now (below the post's watermark).
    late = graph.comment(post, user(3), "Sent from the train this morning", reply_to=first)
    graph.comments[late]["created"] -= timedelta(hours=2)
    newer = graph.comment(post, user(4), "Any left?")
    assert poller.poll().ok
    assert {first, late, newer} <= set(poller.stored())

    del graph.comments[doomed]  # deleted
    assert poller.poll().ok
    assert poller.stored()[doomed].deleted
    assert poller.state().complete_at == poller.clock.now and poller.told() == []

    graph.requests.clear()
    assert poller.poll().ok and len(graph.requests) == 1  # idle: the posts listing, counts included


def test_meta_a_post_with_more_new_comments_than_the_page_cap_is_stored_told_once_and_the_polls_go_on(
    session_factory, httpserver
):
    graph = fake_meta.serve(httpserver)
    post = graph.fb_post("Our new roast")
    first = graph.comment(post, fake_meta.fb_user(1), "Is it decaf?")
    poller = Poller(session_factory, fake_meta.account(graph, "facebook", "brand", page_id=fake_meta.PAGE["id"]))
    assert poller.poll().ok and set(poller.stored()) == {first}

    viral = MAX_PAGES * PAGE_LIMIT + 10
    for number in range(viral):  # the post goes viral between two polls: a comment a second
        late = graph.comment(post, fake_meta.fb_user(2 + number), f"Wow {number}", same_second=True)
        graph.comments[late]["created"] += timedelta(seconds=number + 1)
    outcome = poller.poll()
    assert outcome.ok, outcome.error
    assert len(poller.stored()) == MAX_PAGES * PAGE_LIMIT  # 50 pages read from the watermark's own comment on
    told = poller.told()
    assert len(told) == 1 and "Our new roast" in told[0], told
    assert f"counts {viral + 1}, {MAX_PAGES * PAGE_LIMIT} are stored" in told[0]
    assert poller.poll().ok and poller.told() == []

    last = graph.comment(post, fake_meta.fb_user(1), "Still there?")  # the next read goes on from the watermark
    assert poller.poll().ok
    assert last in poller.stored() and len(poller.stored()) == viral + 2
    assert [line for line in poller.told() if "has every comment" in line]


def test_meta_a_re_read_past_the_page_cap_records_nothing_deleted_and_the_polls_go_on(session_factory, httpserver):
    graph = fake_meta.serve(httpserver)
    post = graph.fb_post("Our new roast")
    first = graph.comment(post, fake_meta.fb_user(1), "Is it decaf?")
    doomed = graph.comment(post, fake_meta.fb_user(2), "First!")
    poller = Poller(session_factory, fake_meta.account(graph, "facebook", "brand", page_id=fake_meta.PAGE["id"]))
    assert poller.poll().ok and set(poller.stored()) == {first, doomed}

    # More comments than MAX_PAGES pages hold, written before the post's watermark: only the re-read lists them,
    # oldest first, and stops at the cap before it reaches the two stored ones.
    for number in range(MAX_PAGES * PAGE_LIMIT + 10):
        late = graph.comment(post, fake_meta.fb_user(3 + number), f"Late {number}", same_second=True)
        graph.comments[late]["created"] -= timedelta(hours=2)
    del graph.comments[doomed]
    outcome = poller.poll()
    assert outcome.ok, outcome.error
    stored = poller.stored()
    assert len(stored) == MAX_PAGES * PAGE_LIMIT + 2
    assert not stored[doomed].deleted and not stored[first].deleted  # a partial read proves no deletion
    told = poller.told()
    assert len(told) == 1 and "Our new roast" in told[0], told
    assert poller.poll().ok and poller.told() == []


def test_linkedin_every_comment_reaches_the_store_within_two_sweeps(session_factory, httpserver):
    linkedin = fake_linkedin.FakeLinkedIn()
    linkedin.url = linkedin.install(httpserver)
    post = linkedin.post("Our new roast")
    first = linkedin.comment(post, fake_linkedin.member(1), "Is it decaf?")
    doomed = linkedin.comment(post, fake_linkedin.member(2), "First!")
    poller = Poller(session_factory, linkedin_config(linkedin))
    assert poller.poll().ok and set(poller.stored()) == {first, doomed}

    late = linkedin.comment(post, fake_linkedin.member(3), "Sent from the train this morning", reply_to=first)
    linkedin.comments[late]["time"] -= 2 * 3600 * 1000  # written before what was read: below the watermark
    newer = linkedin.comment(post, fake_linkedin.member(4), "Any left?")
    assert poller.poll().ok
    assert {first, late, newer} <= set(poller.stored())

    del linkedin.comments[doomed]
    assert poller.poll().ok
    assert poller.stored()[doomed].deleted
    assert poller.state().complete_at == poller.clock.now and poller.told() == []

    linkedin.requests.clear()
    assert poller.poll().ok and len(linkedin.requests) == 2  # idle: the posts and their counts


def test_reddit_every_comment_reaches_the_store_within_two_sweeps(session_factory, httpserver):
    reddit = FakeReddit()
    reddit.url = reddit.install(httpserver)
    reddit.post("p1", "Our new roast", T0)
    first = reddit.comment("c1", "priya", "Is it decaf?", T0 + 10, "t3_p1", "p1")
    held = reddit.comment("c2", "newbie", "Where to buy?", T0 + 15, "t3_p1", "p1")
    held.state = "filtered"  # the spam filter holds a new account's comment
    doomed = reddit.comment("c3", "tom", "First!", T0 + 20, "t3_p1", "p1")
    hidden = reddit.comment("c4", "sam", "Which grind for a moka pot?", T0 + 30, "t3_p1", "p1")
    poller = Poller(session_factory, reddit_account(reddit))
    try:
        assert poller.poll().ok and set(poller.stored()) == {"c1", "c3", "c4"}

        # None of these moves num_comments (it counts held, removed and deleted comments too), and the inbox
        # lists the approved comment below what it read: only a read of the tree finds them.
        held.state = "live"  # approved late, with its old date
        first.body, first.edited = "Is it decaf? Asking for my mum", T0 + 40
        doomed.state = "deleted"
        hidden.state = "removed"
        reddit.comment("c5", "lee", "Written on the train", T0 + 5, "t1_c1", "p1")  # out of date order
        assert poller.poll(hours=1).ok  # idle after the inbox: its two requests leave none for the sweep
        assert "c2" not in poller.stored()
        reddit.requests.clear()
        assert poller.poll(minutes=10).ok  # so this poll sweeps instead: the post's tree, read whole
        assert [path for _, path, _ in reddit.requests] == ["/comments/p1"]
        stored = poller.stored()
        assert {"c2", "c5"} <= set(stored) and not stored["c2"].deleted
        assert stored["c1"].text == "Is it decaf? Asking for my mum"
        assert stored["c3"].deleted and stored["c4"].deleted

        hidden.state = "live"  # shown again by a moderator
        # The second sweep: this poll reads the tree (c5 moved num_comments since the posts were listed), finds
        # something, and so may spend two more requests sweeping.
        assert poller.poll(hours=1).ok
        stored = poller.stored()
        assert not stored["c4"].deleted and stored["c4"].text == "Which grind for a moka pot?"
        assert poller.state().complete_at == poller.clock.now and poller.told() == []

        reddit.requests.clear()
        assert poller.poll().ok and len(reddit.requests) == 2  # idle: the inbox and one of its two turns
    finally:
        forget_token((reddit.url, reddit.client_id, reddit.brand.lower()))


def test_a_post_swept_whole_is_not_read_again_in_the_same_poll(session_factory, httpserver):
    """A reply deeper than Reddit's tree goes ("continue this thread") is stored from the inbox but missing from
    the post's tree: the counts differ after the sweep's read, and reading the post again would only repeat it."""
    reddit = FakeReddit(max_depth=2)
    reddit.url = reddit.install(httpserver)
    reddit.post("p1", "Our new roast", T0)
    reddit.comment("c1", "priya", "Is it decaf?", T0 + 10, "t3_p1", "p1")
    reddit.comment("b1", reddit.brand, "It is!", T0 + 20, "t1_c1", "p1")
    reddit.comment("c2", "priya", "Great, ordering now", T0 + 30, "t1_b1", "p1")  # depth 2: behind the stub
    poller = Poller(session_factory, reddit_account(reddit))
    try:
        assert poller.poll().ok and set(poller.stored()) == {"c1", "b1", "c2"}
        assert poller.poll(hours=1).ok  # idle: the inbox and the brand's comments leave nothing for the sweep
        reddit.requests.clear()
        assert poller.poll(minutes=10).ok  # so this poll sweeps instead: the post's tree, once
        assert [path for _, path, _ in reddit.requests] == ["/comments/p1"]
        assert not poller.stored()["c2"].deleted  # an incomplete read deletes nothing
        # and holds no proof that one is missing: its count is a floor, which the store meets
        assert poller.told() == [] and poller.state().complete_at == poller.clock.now
    finally:
        forget_token((reddit.url, reddit.client_id, reddit.brand.lower()))


def test_threads_every_reply_reaches_the_store_within_two_sweeps(session_factory, httpserver):
    graph = fake_meta.serve(httpserver)
    post, other = graph.thread("Our new roast"), graph.thread("Our café opens Monday")
    first = graph.comment(post, fake_meta.ig_user(1), "Is it decaf?")
    doomed = graph.comment(post, fake_meta.ig_user(2), "First!")
    hidden = graph.comment(post, fake_meta.ig_user(3), "Which grind for a moka pot?")
    graph.comment(other, fake_meta.ig_user(4), "Where?")
    poller = Poller(session_factory, fake_meta.account(graph, "threads", "brand", version=fake_meta.THREADS_VERSION))
    assert poller.poll().ok and {first, doomed, hidden} <= set(poller.stored())

    # Written a while ago but listed only now (below the post's watermark), edited, deleted, hidden.
    late = graph.comment(post, fake_meta.ig_user(5), "Sent from the train this morning", reply_to=first)
    graph.comments[late]["created"] -= timedelta(hours=2)
    graph.comments[first]["text"] = "Is it decaf? Asking for my mum"
    del graph.comments[doomed]
    graph.comments[hidden]["hide_status"] = "HIDDEN"
    assert poller.poll(hours=1).ok and late not in poller.stored()  # idle: the list and one post in turn
    graph.requests.clear()
    assert poller.poll(minutes=10).ok  # so this poll sweeps instead: both conversations, read to their end
    assert sorted(graph.paths()) == sorted(f"/{fake_meta.THREADS_VERSION}/{p}/conversation" for p in (post, other))
    stored = poller.stored()
    assert late in stored and stored[first].text == "Is it decaf? Asking for my mum"
    assert stored[doomed].deleted and stored[hidden].deleted

    graph.comments[hidden]["hide_status"] = "NOT_HUSHED"  # shown again
    assert poller.poll(hours=1).ok
    assert poller.poll(minutes=10).ok  # the second sweep
    assert not poller.stored()[hidden].deleted
    assert poller.state().complete_at == poller.clock.now and poller.told() == []

    graph.requests.clear()
    assert poller.poll().ok and len(graph.requests) == 2  # idle: the posts and one conversation in turn


def test_mastodon_a_reply_that_notified_nobody_reaches_the_store_at_the_next_sweep(session_factory, httpserver):
    mastodon = fake_mastodon.FakeMastodon(base_url=httpserver.url_for("").rstrip("/"))
    httpserver.expect_request(re.compile(".*")).respond_with_handler(mastodon)
    post = mastodon.post(fake_mastodon.BRAND, "Our new roast is out")
    first = mastodon.post(fake_mastodon.user(1), "@acme is it decaf?", reply_to=post)
    entry = {"name": "toots", "platform": "mastodon", "base_url": mastodon.base_url, "access_token_env": "TOKEN"}
    poller = Poller(session_factory, parse_accounts({"accounts": [entry]}, "t.toml", {"TOKEN": fake_mastodon.TOKEN})[0])
    assert poller.poll().ok and set(poller.stored()) == {first}

    # A follower-only reply (notified; Mastodon's count leaves it out) and one whose writer removed the mention.
    private = mastodon.post(fake_mastodon.user(2), "@acme sent you a DM", reply_to=post, visibility="private")
    silent = mastodon.post(fake_mastodon.user(3), "Tried it, lovely", reply_to=post, mention=False)
    assert poller.poll(hours=1).ok  # the counts are due, and this poll found something: it reads them
    assert {first, private, silent} <= set(poller.stored())
    assert poller.told() == [] and poller.state().complete_at == poller.clock.now

    deeper = mastodon.post(fake_mastodon.user(4), "Me too", reply_to=post, mention=False)
    mastodon.requests.clear()
    assert poller.poll(hours=1).ok and len(mastodon.requests) == 2  # idle: its two requests leave none
    assert deeper not in poller.stored()
    assert poller.poll(minutes=10).ok  # so the next poll reads the counts instead
    assert deeper in poller.stored() and poller.state().complete_at == poller.clock.now
    assert len(mastodon.requests) == 2 + 1 + 2  # the count, then the post and its context


def test_bluesky_a_reply_listed_below_the_look_back_reaches_the_store_at_the_next_sweep(session_factory, httpserver):
    bluesky = fake_bluesky.FakeBluesky(base_url=httpserver.url_for("").rstrip("/"))
    httpserver.expect_request(re.compile(".*")).respond_with_handler(bluesky)
    post = bluesky.post(fake_bluesky.BRAND, "Our new roast is out")
    first = bluesky.post(fake_bluesky.user(1), "Is it decaf?", reply_to=post)
    entry = {"name": "sky", "platform": "bluesky", "handle": fake_bluesky.BRAND["handle"], "pds_url": bluesky.base_url,
             "app_password_env": "BSKY"}
    poller = Poller(session_factory, parse_accounts({"accounts": [entry]}, "t.toml", {"BSKY": fake_bluesky.APP_PASSWORD})[0])
    assert poller.poll().ok and set(poller.stored()) == {first}

    # Written on a phone whose clock is half an hour slow: listed below the 15 minutes the reading looks back.
    slow = bluesky.post(fake_bluesky.user(2), "Drafted on the train", reply_to=post,
                        created_at=bluesky.clock - timedelta(minutes=30))
    assert poller.poll(hours=1).ok and slow not in poller.stored()  # idle: its two requests leave none
    assert poller.poll(minutes=10).ok  # so the next poll reads the counts instead
    assert slow in poller.stored()
    assert poller.state().complete_at == poller.clock.now and poller.told() == []


def test_youtube_every_comment_reaches_the_store_within_two_sweeps(session_factory, httpserver):
    youtube = FakeYouTube()
    youtube.url = youtube.install(httpserver)
    first = youtube.thread("T1", "UCuser1", "Is it decaf?", NOW - timedelta(hours=1))
    youtube.thread("H1", "UCuser4", "First time here: where to buy?", NOW - timedelta(minutes=30)).status = "heldForReview"
    youtube.reply("T1", "H2", "UCuser5", "Cheap pills at spam dot example", NOW - timedelta(minutes=20)).status = \
        "heldForReview"
    poller = Poller(session_factory, youtube_account(youtube), start=NOW)
    poller.source = YouTubeSource(poller.account, clock=poller.clock)
    try:
        assert poller.poll().ok
        stored = poller.stored()
        assert set(stored) == {"T1", "H1", "T1.H2"} and stored["H1"].held and stored["T1.H2"].held
        assert not stored["T1"].held

        # Approved (it keeps its time), rejected, written with an old date, a reply deep in an old thread, edited.
        youtube.comments["H1"].status = "published"
        youtube.comments["T1.H2"].status = "rejected"
        youtube.thread("T3", "UCuser2", "Imported from the old channel", NOW - timedelta(hours=3))
        youtube.reply("T1", "R1", "UCuser3", "Me too", NOW - timedelta(hours=2))
        first.text, first.edited = "Is it decaf? Asking for my mum", NOW + timedelta(minutes=30)
        youtube.requests.clear()
        assert poller.poll(hours=1).ok  # found something, so the counts (due) are read too
        assert [path for _, path, _ in youtube.requests] == [
            "/commentThreads", "/commentThreads", "/comments", "/videos", "/commentThreads", "/videos"]
        stored = poller.stored()
        assert {"T3", "T1.R1"} <= set(stored) and stored["T1"].text == "Is it decaf? Asking for my mum"
        assert not stored["H1"].held and not stored["H1"].deleted  # approved: read again by its id
        assert stored["T1.H2"].deleted  # rejected: gone from the queue and not to be found
        assert poller.state().complete_at == poller.clock.now and poller.told() == []

        youtube.requests.clear()
        assert poller.poll().ok  # idle: the threads and the moderation queue
        assert [args.get("moderationStatus") for _, _, args in youtube.requests] == [None, "heldForReview"]
    finally:
        forget_token((f"{youtube.url}/token", "client-1", youtube.channel))
        take_reply_units(youtube.channel)


@contextmanager
def youtube_gone_viral(session_factory, httpserver, viral: int):
    """A channel polled once with one thread; then a video goes viral: `viral` new threads, 4 a second."""
    youtube = FakeYouTube()
    youtube.url = youtube.install(httpserver)
    youtube.thread("T1", "UCuser1", "Is it decaf?", NOW - timedelta(hours=1))
    poller = Poller(session_factory, youtube_account(youtube), start=NOW)
    poller.source = YouTubeSource(poller.account, clock=poller.clock)
    poller.source.http.backoff = 0.001
    try:
        assert poller.poll().ok and set(poller.stored()) == {"T1"}
        for number in range(viral):
            youtube.thread(f"V{number}", f"UCfan{number}", f"Wow {number}",
                           NOW + timedelta(minutes=2, seconds=number // 4), video="vid2")
        yield youtube, poller
    finally:
        forget_token((f"{youtube.url}/token", "client-1", youtube.channel))
        take_reply_units(youtube.channel)


def test_youtube_more_new_threads_than_the_page_cap_are_read_on_by_the_next_polls_and_a_long_catch_up_is_told(
    session_factory, httpserver
):
    page = MAX_PAGES * YOUTUBE_PAGE
    viral = 2 * page + 10  # twice what a poll reads
    with youtube_gone_viral(session_factory, httpserver, viral) as (youtube, poller):
        outcome = poller.poll(hours=1)
        assert not outcome.ok and "50 pages read; the threads written from " in outcome.error
        assert "not read yet, the next poll reads on from where this one stopped" in outcome.error
        assert len(poller.stored()) == 1 + page and poller.told() == []  # failing, not for alert_after yet

        outcome = poller.poll(minutes=61)  # on from where the last poll stopped: 50 more pages, still behind
        assert not outcome.ok and "not read yet" in outcome.error
        assert len(poller.stored()) == 1 + 2 * page - YOUTUBE_PAGE  # the page it stopped at is read again
        told = poller.told()
        assert len(told) == 1 and "keeps failing to poll *yt* (youtube)" in told[0] and "not read yet" in told[0]

        assert poller.poll(minutes=61).ok
        assert set(poller.stored()) == {"T1"} | {f"V{number}" for number in range(viral)}
        assert poller.told() == [f"! Reply Nudge polls *yt* (youtube) again: the poll at "
                                 f"{poller.clock.now:%Y-%m-%d %H:%M} UTC succeeded."]
        youtube.requests.clear()
        assert poller.poll(minutes=61).ok and poller.told() == [] and len(youtube.requests) <= 3


def test_youtube_a_catch_up_whose_page_moved_reads_again_from_the_newest_thread_and_skips_none(session_factory,
                                                                                            httpserver):
    viral = MAX_PAGES * YOUTUBE_PAGE + 10
    with youtube_gone_viral(session_factory, httpserver, viral) as (youtube, poller):
        assert not poller.poll(minutes=30).ok
        for number in range(viral - 150, viral):  # 150 of the newest threads deleted: every later one moves up
            del youtube.comments[f"V{number}"]
        outcome = poller.poll(minutes=10)  # read on from the token, the page would start 150 threads too far
        assert not outcome.ok and "no longer holds the threads it held" in outcome.error
        assert poller.poll(minutes=10).ok
        assert {f"V{number}" for number in range(10)} <= set(poller.stored())  # the 10 the first read did not reach


def test_youtube_a_catch_up_under_a_flood_of_new_threads_reads_on_and_finishes(session_factory, httpserver):
    """150 new threads before every poll push the page the catch-up stopped at down the listing: read again, it
    shows newer threads, read already, and reading on from it skips none (before, sharing no thread with the page
    read then, it started again from the newest thread at every poll and never finished)."""
    viral = 2 * MAX_PAGES * YOUTUBE_PAGE + 10
    with youtube_gone_viral(session_factory, httpserver, viral) as (youtube, poller):
        flood: set[str] = set()

        def more(hour: int) -> None:  # newer than every thread before them, 4 a second
            for number in range(150):
                flood.add(youtube.thread(f"F{hour}-{number}", f"UCnew{number}", f"Me too {number}",
                                         NOW + timedelta(hours=hour, seconds=number // 4), video="vid2").id)

        assert not poller.poll(minutes=30).ok
        more(1)
        outcome = poller.poll(minutes=60)
        assert not outcome.ok and "not read yet, the next poll reads on from where this one stopped" in outcome.error
        more(2)
        assert poller.poll(minutes=60).ok
        assert set(poller.stored()) == {"T1"} | {f"V{number}" for number in range(viral)} | flood


def test_youtube_a_catch_up_whose_page_token_youtube_rejects_reads_again_from_the_newest_thread(session_factory,
                                                                                              httpserver):
    viral = MAX_PAGES * YOUTUBE_PAGE + 10
    with youtube_gone_viral(session_factory, httpserver, viral) as (youtube, poller):
        assert not poller.poll(minutes=30).ok
        youtube.issued.clear()  # the saved token is now one it never issued: 400 invalidPageToken
        rejected = poller.poll(minutes=10)  # before, this poll and every one after failed so
        again = poller.poll(minutes=10)  # from the newest thread: 50 pages, and more to read
        assert poller.poll(minutes=10).ok
        assert set(poller.stored()) == {"T1"} | {f"V{number}" for number in range(viral)}
        assert not rejected.ok and "invalidPageToken" in rejected.error
        assert "the next poll reads again from the newest thread down to " in rejected.error
        assert not again.ok and "not read yet" in again.error


def test_youtube_a_moderation_queue_longer_than_the_page_cap_is_read_to_it_told_once_and_new_comments_are_stored(
    workdir, database_url, session_factory, httpserver, capsys, monkeypatch
):
    """A spam wave of 5,001 held threads: the newest 5,000 are read and stored held, a held comment past them (noted
    at an earlier poll, a top-level one and a reply) is neither looked up nor recorded deleted, the poll's new
    comments are stored, and the channel is told once, and again once the queue is reviewed. Before, every poll
    failed naming the queue, and the new comments, on the page read after it, were never stored."""
    youtube = FakeYouTube()
    youtube.url = youtube.install(httpserver)
    youtube.thread("T1", "UCuser1", "Is it decaf?", NOW - timedelta(hours=1))
    youtube.thread("H1", "UCquiet", "First time here: where to buy?", NOW - timedelta(hours=2)).status = "heldForReview"
    youtube.reply("T1", "H2", "UCshy", "Same question", NOW - timedelta(minutes=50)).status = "heldForReview"
    poller = Poller(session_factory, youtube_account(youtube), start=NOW)
    poller.source = YouTubeSource(poller.account, clock=poller.clock)
    poller.source.http.backoff = 0.001
    try:
        assert poller.poll().ok and {"H1", "T1.H2"} <= set(poller.stored())
        spam = MAX_PAGES * YOUTUBE_PAGE + 1
        for number in range(spam):  # newer than every thread before: the queue's first 50 pages hold only spam
            youtube.thread(f"S{number}", f"UCbot{number}", "Cheap pills", NOW + timedelta(minutes=10, seconds=number),
                           video="vid2").status = "heldForReview"
        youtube.thread("Tnew", "UCsam", "Still in stock?", NOW + timedelta(minutes=30))
        youtube.reply("T1", "R1", "UCpriya", "Me too", NOW + timedelta(minutes=40))

        outcome = poller.poll(hours=1)  # the counts are due: the audit reads them after the fetch

        assert outcome.ok, outcome.error
        stored = poller.stored()
        assert {"Tnew", "T1.R1"} <= set(stored) and not stored["Tnew"].held
        assert {f"S{number}" for number in range(1, spam)} <= set(stored) and "S0" not in stored  # the oldest spam
        assert all(stored[f"S{number}"].held for number in range(1, spam))
        assert stored["H1"].held and not stored["H1"].deleted  # past the cap: still held, not taken for gone
        assert stored["T1.H2"].held and not stored["T1.H2"].deleted
        told = poller.told()
        assert len(told) == 1 and "may be missing comments of *yt* (youtube) on the moderation queue" in told[0], told
        monkeypatch.setenv("DATABASE_URL", database_url)
        monkeypatch.setenv("YT_SECRET", "s3cret")
        monkeypatch.setenv("YT_REFRESH", youtube.refresh_token)
        (workdir / "replynudge.toml").write_text(
            f'[[accounts]]\nname = "yt"\nplatform = "youtube"\nchannel_id = "{youtube.channel}"\n'
            f'client_id = "client-1"\nclient_secret_env = "YT_SECRET"\nrefresh_token_env = "YT_REFRESH"\n'
            f'api_url = "{youtube.url}"\ntoken_url = "{youtube.url}/token"\n'
        )
        assert main(["check"]) == 0
        assert "gap: the moderation queue is longer than a poll reads" in capsys.readouterr().out.splitlines()[2]
        assert poller.poll(hours=1).ok and poller.told() == []  # told once; the polls go on

        for number in range(spam):  # the owner removes the spam
            youtube.comments[f"S{number}"].status = "rejected"
        youtube.comments["H1"].status = "published"  # and approves the genuine one
        assert poller.poll(hours=1).ok
        stored = poller.stored()
        assert stored["S1"].deleted and not stored["H1"].held and stored["T1.H2"].held
        told = poller.told()
        assert len(told) == 1 and "has every comment of *yt* (youtube) again on the moderation queue" in told[0], told
    finally:
        forget_token((f"{youtube.url}/token", "client-1", youtube.channel))
        take_reply_units(youtube.channel)


def test_alert_after_comes_from_defaults_or_the_account_and_a_bad_one_names_its_key():
    document = {"defaults": {"alert_after": "2h"},
                "accounts": [{"name": "a", "platform": "replay", "path": "a.jsonl"},
                             {"name": "b", "platform": "replay", "path": "b.jsonl", "alert_after": "15m"}]}
    first, second = parse_accounts(document, "replynudge.toml", {})
    assert (first.alert_after, second.alert_after) == (timedelta(hours=2), timedelta(minutes=15))
    assert parse_accounts({"accounts": [document["accounts"][0]]}, "r.toml", {})[0].alert_after == timedelta(hours=1)
    document["accounts"][1]["alert_after"] = "soon"
    with pytest.raises(ConfigError, match=r"replynudge.toml: accounts\[b\]\.alert_after: 'soon' is not a duration"):
        parse_accounts(document, "replynudge.toml", {})
