"""YouTube against a local Data API v3 (threads, replies, insert, OAuth token, daily quota)."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from werkzeug import Response

from bot.cli import main
from bot.config import ConfigError
from bot.config_file import parse_accounts
from bot.db.models import Comment, SyncState
from bot.engine.leases import Lease
from bot.engine.poller import poll_account, poll_due
from bot.engine.delivery import deliver_due
from bot.suggest import suggester
from bot.slack.terminal import TerminalNotifier
from bot.sources import build_source
from bot.sources.base import AuthError, RateLimited, TemporaryError
from bot.sources.http import MAX_PAGES
from bot.sources.youtube import PAGE_SIZE, YouTubeSource
from bot.sources.youtube_quota import PACIFIC, next_reset, take_reply_units
from tests.support.connectors import comments
from tests.support.fake_youtube import NOW, FakeYouTube
from tests.support.records import account_config, make_account, reply_state


class Clock:
    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def youtube(httpserver):
    fake = FakeYouTube()
    fake.url = fake.install(httpserver)
    yield fake
    take_reply_units(fake.channel)


def youtube_account(fake: FakeYouTube, secrets: dict | None = None, **options):
    return account_config(
        "yt",
        platform="youtube",
        options={"channel_id": fake.channel, "client_id": "client-1", "api_url": fake.url,
                 "token_url": f"{fake.url}/token", **options},
        secrets=secrets if secrets is not None else {"client_secret": "s3cret", "refresh_token": fake.refresh_token},
    )


def source(fake, clock=None, **options) -> YouTubeSource:
    yt = YouTubeSource(youtube_account(fake, **options), clock=clock)
    yt.http.backoff = 0.001
    return yt


def poll(session_factory, fake, account_id, clock=None, **options):
    """One poll as the service runs it, ten minutes after the previous one unless the test sets the clock."""
    if clock is None:
        fake.poll_clock = getattr(fake, "poll_clock", Clock(NOW))
        fake.poll_clock.now += timedelta(minutes=10)
        clock = fake.poll_clock
    account = youtube_account(fake, **options)
    return poll_account(session_factory, account_id, account, YouTubeSource(account, clock=clock), clock=clock)


def calls(fake) -> list[str]:
    return [f"{method} {path}" for method, path, _ in fake.requests if path != "/token"]


def cursor_of(session_factory, account_id) -> dict:
    with session_factory() as session:
        return session.scalar(select(SyncState.cursor).where(SyncState.account_id == account_id)) or {}


def test_first_sync_pages_through_threads_and_fetches_replies_only_when_some_are_missing(session_factory, youtube):
    for n in range(250):
        youtube.thread(f"T{n:03}", f"UCuser{n}", f"Comment {n}", NOW - timedelta(hours=300 - n))
    youtube.thread("Tbig", "UCpriya", "How do I pair it?", NOW - timedelta(hours=2), name="Priya")
    for n in range(7):
        youtube.reply("Tbig", f"x{n}", f"UCfan{n}", "same question", NOW - timedelta(minutes=100 - n))
    youtube.reply("Tbig", "brand", youtube.channel, "Hold the button 3s", NOW - timedelta(minutes=50), name="Brand")
    account_id = make_account(session_factory, "yt", platform="youtube")

    outcome = poll(session_factory, youtube, account_id)

    assert outcome.ok, outcome.error
    assert outcome.pages == 3
    state = reply_state(session_factory, account_id)
    assert len(state) == 251 + 7
    assert state["Tbig"] == "Tbig.brand" and state["Tbig.x6"] == "Tbig.brand"  # flat thread: one answer for all
    assert state["T000"] is None
    assert calls(youtube).count("GET /comments") == 1  # only Tbig carried fewer replies than it has
    assert youtube.units == 5  # three pages, Tbig's replies and the moderation queue


def test_incremental_sync_stops_at_the_watermark_and_sees_replies_on_older_threads(session_factory, youtube):
    youtube.thread("T1", "UCpriya", "Question?", NOW - timedelta(days=3))
    youtube.thread("T2", "UCsam", "Another?", NOW - timedelta(days=2))
    account_id = make_account(session_factory, "yt", platform="youtube")
    assert poll(session_factory, youtube, account_id).ok
    youtube.requests.clear()
    youtube.units = 0

    assert poll(session_factory, youtube, account_id).ok  # idle: the threads and the moderation queue
    assert calls(youtube) == ["GET /commentThreads", "GET /commentThreads"] and youtube.units == 2
    assert youtube.requests[-1][2]["moderationStatus"] == "heldForReview"

    youtube.reply("T1", "b1", youtube.channel, "Answer!", NOW - timedelta(hours=1))
    assert poll(session_factory, youtube, account_id).ok
    assert reply_state(session_factory, account_id) == {"T1": "T1.b1", "T2": None}


def test_a_new_reply_on_a_thread_pages_back_is_found_by_the_sweep_at_two_units_a_poll(session_factory, youtube):
    # threads come in the order of their top-level comments: a reply does not bring T005 (page 3) back to page 1
    for n in range(250):
        youtube.thread(f"T{n:03}", f"UCuser{n}", f"Comment {n}", NOW - timedelta(hours=300 - n))
    account_id = make_account(session_factory, "yt", platform="youtube")
    assert poll(session_factory, youtube, account_id).ok
    youtube.reply("T005", "b1", youtube.channel, "Answer!", NOW - timedelta(minutes=5))
    units = []
    for _ in range(4):  # the moderation queue (the sweep starting), page 2, the queue, page 3: they take turns
        youtube.units = 0
        assert poll(session_factory, youtube, account_id).ok
        units.append(youtube.units)
    assert reply_state(session_factory, account_id)["T005"] == "T005.b1"
    assert units == [2, 2, 2, 2]  # at most two list calls, two units, a poll


def test_returning_user_after_a_brand_reply_waits_again(session_factory, youtube):
    youtube.thread("T1", "UCpriya", "Does it float?", NOW - timedelta(hours=5))
    youtube.reply("T1", "b1", youtube.channel, "It does.", NOW - timedelta(hours=4))
    account_id = make_account(session_factory, "yt", platform="youtube")
    assert poll(session_factory, youtube, account_id).ok
    youtube.reply("T1", "u2", "UCpriya", "In salt water too?", NOW - timedelta(hours=3))
    assert poll(session_factory, youtube, account_id).ok
    assert reply_state(session_factory, account_id) == {"T1": "T1.b1", "T1.u2": None}


def test_the_budget_stops_polling_before_it_is_spent_and_survives_a_restart(youtube):
    clock = Clock(datetime(2026, 11, 23, 20, 0, tzinfo=timezone.utc))
    youtube.thread("T1", "UCpriya", "Hi", NOW - timedelta(hours=1))
    cursor = None
    polls = 0
    with pytest.raises(RateLimited) as error:
        while True:
            for page in source(youtube, clock, quota_budget=100, reply_reserve=50).fetch(cursor):
                cursor = page.cursor
            polls += 1
    assert polls == 25 and cursor["quota"]["used"] == 50  # the other 50 units are kept for replies
    assert error.value.retry_at == next_reset(clock.now) == datetime(2026, 11, 24, 8, 0, tzinfo=timezone.utc)
    assert "50 of 100 units" in str(error.value)
    assert youtube.units == 50

    clock.now = datetime(2026, 11, 24, 8, 0, 1, tzinfo=timezone.utc)  # a second after midnight Pacific
    pages = list(source(youtube, clock, quota_budget=100, reply_reserve=50).fetch(cursor))
    assert pages[-1].cursor["quota"] == {"day": "2026-11-24", "used": 2, "exhausted": False, "polls": 1}


def test_quota_exceeded_pauses_the_account_until_pacific_midnight(session_factory, youtube):
    youtube.thread("T1", "UCpriya", "Hi", NOW - timedelta(hours=1))
    youtube.quota = 0
    clock = Clock(datetime(2026, 7, 1, 6, 30, tzinfo=timezone.utc))  # summer: midnight Pacific is 07:00 UTC
    account_id = make_account(session_factory, "yt", platform="youtube")

    first = poll(session_factory, youtube, account_id, clock)
    second = poll(session_factory, youtube, account_id, clock)

    assert first.error_kind == "quota" and "quotaExceeded" in first.error
    assert second.skipped_until == datetime(2026, 7, 1, 7, 0, tzinfo=timezone.utc)
    assert calls(youtube) == ["GET /commentThreads"]  # the paused account makes no further calls
    slack = io.StringIO()
    deliver_due(session_factory, TerminalNotifier(slack), suggester(session_factory), clock=clock)
    deliver_due(session_factory, TerminalNotifier(slack), suggester(session_factory), clock=clock)
    assert slack.getvalue().count("paused *yt* (youtube)") == 1  # said once, not at every poll
    assert "resumes by itself" in slack.getvalue()


def test_a_poll_whose_last_call_fails_keeps_its_new_threads_for_the_next_poll(session_factory, youtube):
    """The threads' last page is read, then the moderation queue runs out of quota: nothing of that page was stored,
    so the watermark must not move past it (before, it did, and the 30 new threads were never read)."""
    clock = Clock(datetime(2026, 7, 1, 6, 0, tzinfo=timezone.utc))  # summer: midnight Pacific is 07:00 UTC
    youtube.thread("T0", "UCpriya", "First!", clock.now - timedelta(hours=3))
    account_id = make_account(session_factory, "yt", platform="youtube")
    assert poll(session_factory, youtube, account_id, clock).ok
    for n in range(30):
        youtube.thread(f"T{n + 1:02}", f"UCuser{n}", f"Does it come in blue? ({n})", clock.now - timedelta(minutes=90 - n))

    youtube.quota = youtube.units + 1  # the threads' page, and not the moderation queue after it
    clock.now += timedelta(minutes=10)
    assert poll(session_factory, youtube, account_id, clock).error_kind == "quota"

    youtube.quota, youtube.units = 10_000, 0
    clock.now = datetime(2026, 7, 1, 7, 5, tzinfo=timezone.utc)  # the day's quota is back
    assert poll(session_factory, youtube, account_id, clock).ok
    with session_factory() as session:
        stored = set(session.scalars(select(Comment.external_id)))
    assert {f"T{n:02}" for n in range(1, 31)} <= stored


def test_min_poll_interval_spreads_the_rest_of_the_budget_over_the_rest_of_the_day(youtube):
    clock = Clock(datetime(2026, 11, 23, 8, 0, tzinfo=timezone.utc))  # 00:00 Pacific
    youtube.thread("T1", "UCpriya", "Hi", NOW - timedelta(hours=1))
    yt = source(youtube, clock)
    list(yt.fetch(None))
    # 8,998 units left for polls of two units each (the threads and the moderation queue)
    assert yt.min_poll_interval().total_seconds() == pytest.approx(86400 / 4499, rel=0.01)
    clock.now += timedelta(hours=23)
    assert yt.min_poll_interval().total_seconds() == pytest.approx(3600 / 4499, rel=0.01)


def run_day(fake, clock, yt, every, activity) -> tuple[int, datetime | None]:
    """Poll one Pacific day as the service does (one source kept between cycles); returns polls and the last one."""
    start, cursor, polls, last = clock.now, None, 0, None
    while clock.now < start + timedelta(days=1):
        activity(polls)
        for page in yt.fetch(cursor):
            cursor = page.cursor
        polls, last = polls + 1, clock.now
        clock.now += max(every, yt.min_poll_interval())
    return polls, last


@pytest.mark.slow
def test_a_day_of_polling_at_the_default_settings_stays_within_the_budget(youtube):
    """`replynudge run` polls every minute; comments keep arriving and the team replies from Slack."""
    clock = Clock(datetime(2026, 11, 23, 8, 0, tzinfo=timezone.utc))  # midnight Pacific
    youtube.clock = clock
    yt = source(youtube, clock)

    def activity(poll: int) -> None:
        if poll % 10 == 0:  # a busy thread: more replies than a thread carries, so comments.list is needed too
            old = {id for id, c in youtube.comments.items() if not c.parent and c.at < clock.now - timedelta(hours=2)}
            for id in [id for id, c in youtube.comments.items() if id in old or c.parent in old]:
                del youtube.comments[id]  # keeps the fake's answers small; the watermark stops before them anyway
            top = youtube.thread(f"T{poll}", "UCfan", "New question", clock.now - timedelta(seconds=30))
            for n in range(8):
                youtube.reply(top.id, f"r{n}", f"UCfan{n}", "me too", clock.now - timedelta(seconds=20 - n))
        if poll % 100 == 50:
            yt.reply(yt._thread(youtube._threads_item(f"T{poll - 10}"))[0], "Thanks for asking!")

    polls, _ = run_day(youtube, clock, yt, timedelta(minutes=1), activity)

    assert polls == 1440 and youtube.units <= 10_000
    print(f"\n{polls} polls and 14 replies in one day used {youtube.units} of 10000 units")


def test_polling_as_often_as_allowed_spreads_a_small_budget_over_the_whole_day(youtube):
    clock = Clock(datetime(2026, 11, 23, 8, 0, tzinfo=timezone.utc))
    youtube.quota = 600
    yt = source(youtube, clock, quota_budget=600, reply_reserve=100)

    polls, last = run_day(youtube, clock, yt, timedelta(0), lambda poll: None)

    assert youtube.units <= 600 and polls <= 500
    assert last > datetime(2026, 11, 24, 6, 0, tzinfo=timezone.utc)  # still polling late in the day, not spent by noon


def test_reply_goes_to_the_top_level_comment_and_is_counted_at_the_next_poll(youtube):
    youtube.thread("T1", "UCpriya", "Hi", NOW - timedelta(hours=2))
    youtube.reply("T1", "u2", "UCsam", "Hello?", NOW - timedelta(hours=1))
    yt = source(youtube)
    pages = list(yt.fetch(None))
    sam = next(r for r in pages[-1].records if r.external_id == "T1.u2")

    answer = yt.reply(sam, "Hi Sam!")

    assert answer.is_brand and answer.parent_id == "T1" and answer.thread_id == "T1"
    assert youtube.requests[-1][:2] == ("POST", "/comments")
    later = list(source(youtube).fetch(pages[-1].cursor))
    assert later[-1].cursor["quota"]["used"] == 2 + 50 + 2  # each poll: the threads and the moderation queue


def test_api_key_reads_but_cannot_reply(youtube):
    youtube.thread("T1", "UCpriya", "Hi", NOW - timedelta(hours=2))
    yt = source(youtube, secrets={"api_key": youtube.api_key})
    records = [r for page in yt.fetch(None) for r in page.records]
    assert [r.external_id for r in records] == ["T1"]
    assert youtube.requests[-1][2]["key"] == youtube.api_key
    assert all("moderationStatus" not in args for _, _, args in youtube.requests)  # the queue needs the owner's OAuth
    with pytest.raises(AuthError, match="refresh_token_env"):
        yt.reply(records[0], "hello")


def test_expired_refresh_token_is_an_auth_error_without_the_secret(youtube):
    yt = source(youtube, secrets={"client_secret": "s3cret", "refresh_token": "1//stale-token"})
    with pytest.raises(AuthError) as error:
        list(yt.fetch(None))
    assert "refresh_token_env" in str(error.value) and "stale-token" not in str(error.value)


def test_revoked_access_token_is_an_auth_error(youtube):
    youtube.failures.append(Response(json.dumps({"error": {"code": 401, "message": "Invalid Credentials",
                                                           "errors": [{"reason": "authError"}]}}), 401))
    with pytest.raises(AuthError):
        list(source(youtube, secrets={"api_key": youtube.api_key}).fetch(None))


def test_server_errors_are_temporary_and_their_units_still_count(youtube):
    youtube.failures.extend([Response("backend error", 503)] * 5)
    pages = []
    with pytest.raises(TemporaryError):
        for page in source(youtube, secrets={"api_key": youtube.api_key}).fetch(None):
            pages.append(page)
    assert pages[-1].cursor["quota"]["used"] == 1


@pytest.mark.parametrize(
    "body",
    ["<html>", json.dumps({"kind": "youtube#commentThreadListResponse"}),
     json.dumps({"items": [{"id": "T1", "snippet": {}}]}),
     json.dumps({"items": [{"id": "T1", "snippet": {"topLevelComment": {"id": "T1", "snippet": {"textDisplay": "x"}}}}]})],
)
def test_malformed_payloads_are_temporary_errors(youtube, body):
    youtube.failures.append(Response(body, 200, content_type="application/json"))
    with pytest.raises(TemporaryError, match=youtube.url):
        list(source(youtube, secrets={"api_key": youtube.api_key}).fetch(None))


def test_recency_window_bounds_the_first_sync(youtube):
    youtube.thread("Told", "UCpriya", "Old", NOW - timedelta(days=40))
    youtube.thread("Tnew", "UCsam", "New", NOW - timedelta(days=1))
    ids = [r.external_id for page in source(youtube).fetch(None) for r in page.records]
    assert ids == ["Tnew"]
    ids = [r.external_id for page in source(youtube, recent_days=60).fetch(None) for r in page.records]
    assert ids == ["Tnew", "Told"]


def test_check_and_config_errors(youtube):
    assert "channel UCbrand" in build_source(youtube_account(youtube)).check()
    with pytest.raises(ConfigError, match=r"accounts\[yt\]\.quota_budget"):
        build_source(youtube_account(youtube, quota_budget="lots"))
    entry = {"name": "yt", "platform": "youtube", "channel_id": "UC1", "api_key_env": "YT_KEY", "playlist": "x"}
    with pytest.raises(ConfigError, match=r"accounts\[yt\]\.playlist: unknown key for platform 'youtube'"):
        parse_accounts({"accounts": [entry]}, "replynudge.toml", {"YT_KEY": "k"})
    with pytest.raises(ConfigError, match=r"accounts\[yt\]\.refresh_token_env is required"):
        build_source(youtube_account(youtube, secrets={}))
    assert source(youtube).usage({"quota": {"day": "2000-01-01", "used": 5}}).startswith("quota today 0/10000")
    today = datetime.now(timezone.utc).astimezone(PACIFIC).date().isoformat()
    assert "quota today 42/10000" in source(youtube).usage({"quota": {"day": today, "used": 42}})


def test_check_shows_todays_quota_use_after_a_poll(workdir, database_url, capsys, monkeypatch, youtube):
    youtube.thread("T1", "UCpriya", "Hi", NOW - timedelta(hours=1))
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("YT_REFRESH", youtube.refresh_token)
    monkeypatch.setenv("YT_CLIENT_SECRET", "s3cret")
    (workdir / "replynudge.toml").write_text(
        f'[[accounts]]\nname = "yt"\nplatform = "youtube"\nchannel_id = "{youtube.channel}"\n'
        f'client_id = "client-1"\nclient_secret_env = "YT_CLIENT_SECRET"\nrefresh_token_env = "YT_REFRESH"\n'
        f'api_url = "{youtube.url}"\ntoken_url = "{youtube.url}/token"\n'
    )
    assert main(["poll", "--once"]) == 0
    assert main(["check"]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("yt"))
    assert "quota today 2/10000 units" in row and youtube.refresh_token not in row


def test_a_busy_channel_is_polled_no_faster_than_the_days_budget_allows(session_factory, youtube):
    clock = Clock(datetime(2026, 11, 23, 8, 0, tzinfo=timezone.utc))  # midnight Pacific: a whole day to the reset
    youtube.thread("T1", "UCpriya", "Does it ship to Lisbon?", clock.now - timedelta(minutes=2))
    account = youtube_account(youtube, quota_budget=150, reply_reserve=50)
    account_id = make_account(session_factory, "yt", platform="youtube")
    sources = {"yt": YouTubeSource(account, clock=clock)}

    (outcome,) = poll_due(session_factory, {account_id: account}, sources, Lease("replica-1"), clock=clock)

    with session_factory() as session:
        state = session.get(SyncState, account_id)
    assert outcome.ok and state.cursor["quota"]["used"] == 2  # the threads and the moderation queue
    # busy (a comment 2 minutes old) would mean 30 s; 98 units left today at two a poll: one every 24h/49
    assert (state.next_poll_at - clock.now, state.next_poll_reason) == (timedelta(days=1) / 49, "quota")


@pytest.mark.parametrize("newer", [0, PAGE_SIZE], ids=["on-page-1", "on-page-2"])
def test_a_thread_with_more_replies_than_the_page_cap_fails_the_poll_naming_it_and_starts_no_catch_up(
    session_factory, youtube, newer
):
    """The replies' cap is not the thread listing's: before, it was taken for it (on the listing's first page an
    UnboundLocalError, after it a catch-up "behind" the page read and a message about threads not read)."""
    youtube.thread("Tbig", "UCbrandfan", "Giveaway: reply to enter", NOW - timedelta(hours=3))
    for n in range(MAX_PAGES * PAGE_SIZE + 1):
        youtube.reply("Tbig", f"r{n}", f"UCfan{n}", "me!", NOW - timedelta(hours=2) + timedelta(seconds=n))
    for n in range(newer):
        youtube.thread(f"T{n:03}", f"UCuser{n}", f"Comment {n}", NOW - timedelta(minutes=n + 1))
    account_id = make_account(session_factory, "yt", platform="youtube")

    outcome = poll(session_factory, youtube, account_id)

    assert not outcome.ok and outcome.error_kind == "temporary"
    assert f"{youtube.url}/comments (the replies of thread Tbig): 50 pages read without reaching the end of the " \
           "list; the poll fails, and the next one reads it again" in outcome.error
    assert set(reply_state(session_factory, account_id)) == {f"T{n:03}" for n in range(newer)}  # page 1 kept
    assert "behind" not in cursor_of(session_factory, account_id)


def test_a_moderation_queue_longer_than_the_page_cap_is_read_to_it_and_the_poll_stores_its_new_threads(
    session_factory, youtube
):
    """Before, such a queue failed every poll, naming it, and the new threads of the listing's last page, which the
    queue is read for, were never stored. Now its newest 50 pages are read, the poll goes on and the cursor notes
    where the read stopped (`held_beyond`), for the completeness audit (tests/sources/test_completeness.py)."""
    youtube.thread("T1", "UCpriya", "Question?", NOW - timedelta(hours=1))
    account_id = make_account(session_factory, "yt", platform="youtube")
    assert poll(session_factory, youtube, account_id).ok
    for n in range(MAX_PAGES * PAGE_SIZE + 1):  # a spam wave, all held
        youtube.thread(f"H{n}", f"UCbot{n}", "Cheap pills", NOW - timedelta(hours=2, seconds=n)).status = \
            "heldForReview"
    youtube.thread("Tnew", "UCsam", "Still in stock?", NOW + timedelta(minutes=5))

    outcome = poll(session_factory, youtube, account_id)  # the queue's turn again: there is no sweep yet

    assert outcome.ok, outcome.error
    state = reply_state(session_factory, account_id)
    assert "Tnew" in state and {f"H{n}" for n in range(MAX_PAGES * PAGE_SIZE)} <= set(state)
    assert f"H{MAX_PAGES * PAGE_SIZE}" not in state  # the oldest, past the cap
    cursor = cursor_of(session_factory, account_id)
    assert "behind" not in cursor and len(cursor["held"]) == MAX_PAGES * PAGE_SIZE
    assert cursor["held_beyond"] == (NOW - timedelta(hours=2, seconds=MAX_PAGES * PAGE_SIZE - 1)).isoformat()


def test_past_the_queue_cap_held_comments_are_looked_up_in_turn_and_those_gone_leave_the_cursor(
    session_factory, youtube
):
    """Held comments whose threads lie past a queue read cut short stay in the cursor as held. Before, they stayed
    there, unlooked-at, for as long as the queue stayed that long: a channel whose queue never got shorter kept
    every comment it ever held, rejected or not. Now 50 of them a read are looked up by id in turn (1 unit): one
    gone is recorded deleted and leaves the cursor; one still there stays held."""
    youtube.thread("T1", "UCpriya", "Question?", NOW - timedelta(hours=1))
    for name in ("H1", "H2"):
        youtube.thread(name, f"UCquiet{name}", "First time here", NOW - timedelta(hours=5)).status = "heldForReview"
    account_id = make_account(session_factory, "yt", platform="youtube")
    assert poll(session_factory, youtube, account_id).ok
    for n in range(MAX_PAGES * PAGE_SIZE + 1):  # a spam wave, newer than both: the cap reads none of them
        youtube.thread(f"S{n}", f"UCbot{n}", "Cheap pills", NOW - timedelta(hours=2, seconds=n)).status = \
            "heldForReview"
    assert poll(session_factory, youtube, account_id).ok
    assert {"H1", "H2"} <= set(cursor_of(session_factory, account_id)["held"])
    youtube.comments["H1"].status = "rejected"
    youtube.requests.clear()

    assert poll(session_factory, youtube, account_id).ok

    stored = comments(session_factory, account_id)
    assert stored["H1"].deleted and stored["H2"].held and not stored["H2"].deleted
    cursor = cursor_of(session_factory, account_id)
    assert "H1" not in cursor["held"] and "H2" in cursor["held"] and "held_beyond" in cursor
    assert [args["id"] for _, path, args in youtube.requests if path == "/comments"] == ["H1,H2"]


def test_a_held_reply_its_queued_thread_no_longer_carries_stays_held_until_youtube_lists_it_published(
    session_factory, youtube
):
    """A thread in the moderation queue carries its 5 newest replies, held or published: a held reply older than
    those is not among them, and looked up by id YouTube does not say whether it is held (`moderationStatus` "is not
    set if the API request used the id filter parameter"). Before, it was taken to have left the queue and stored
    as published. Now the thread's replies are listed (`comments.list?parentId`, 1 unit a page, whose answer to the
    owner carries `moderationStatus`): not listed published, and still there by id, it stays held; listed
    published, it is stored so."""
    youtube.thread("T1", "UCpriya", "Does it come in blue?", NOW - timedelta(hours=2))
    youtube.reply("T1", "h0", "UCshy", "First time here: where to buy?", NOW - timedelta(minutes=90)).status = \
        "heldForReview"
    account_id = make_account(session_factory, "yt", platform="youtube")
    assert poll(session_factory, youtube, account_id).ok
    assert comments(session_factory, account_id)["T1.h0"].held
    for n in range(5):  # five newer replies: the queue's listing of the thread no longer carries the held one
        youtube.reply("T1", f"r{n}", f"UCfan{n}", "Same question", NOW - timedelta(minutes=80 - n))
    youtube.requests.clear()
    youtube.units = 0

    assert poll(session_factory, youtube, account_id).ok

    stored = comments(session_factory, account_id)
    assert {f"T1.r{n}" for n in range(5)} <= set(stored)
    assert stored["T1.h0"].held and not stored["T1.h0"].deleted
    assert "T1.h0" in cursor_of(session_factory, account_id)["held"]
    asked = [(path, args.get("moderationStatus") or args.get("parentId") or args.get("id"))
             for _, path, args in youtube.requests if path != "/token"]
    assert asked == [("/commentThreads", None), ("/commentThreads", "heldForReview"), ("/comments", "T1"),
                     ("/comments", "T1.h0")]
    assert youtube.units == 4

    youtube.comments["T1.h0"].status = "published"  # approved
    assert poll(session_factory, youtube, account_id).ok
    stored = comments(session_factory, account_id)
    assert not stored["T1.h0"].held and not stored["T1.h0"].deleted
    assert cursor_of(session_factory, account_id)["held"] == {}


def test_a_held_reply_its_queued_thread_no_longer_carries_and_youtube_no_longer_has_is_recorded_deleted(
    session_factory, youtube
):
    """A held reply its queued thread no longer carries, rejected (or deleted) meanwhile, is not among the thread's
    replies listed by parent either. Before, it stayed held for as long as another held reply kept its thread in the
    queue: shown and nudged as held, and the thread's replies read again every poll. Now the held replies that
    listing leaves out are looked up by id (50 a call, 1 unit): not found, recorded deleted and dropped from the
    cursor, and the thread's replies are no longer read for it."""
    youtube.thread("T1", "UCpriya", "Does it come in blue?", NOW - timedelta(hours=2))
    youtube.reply("T1", "h0", "UCshy", "First time here: where to buy?", NOW - timedelta(minutes=90)).status = \
        "heldForReview"
    account_id = make_account(session_factory, "yt", platform="youtube")
    assert poll(session_factory, youtube, account_id).ok
    youtube.reply("T1", "h1", "UCnew", "Me too: where?", NOW - timedelta(minutes=85)).status = "heldForReview"
    for n in range(4):  # with h1, the 5 replies the queue's listing of the thread carries: h0 is not among them
        youtube.reply("T1", f"r{n}", f"UCfan{n}", "Same question", NOW - timedelta(minutes=80 - n))
    assert poll(session_factory, youtube, account_id).ok
    assert comments(session_factory, account_id)["T1.h0"].held
    youtube.comments["T1.h0"].status = "rejected"
    youtube.requests.clear()

    assert poll(session_factory, youtube, account_id).ok

    stored = comments(session_factory, account_id)
    assert stored["T1.h0"].deleted and stored["T1.h1"].held and not stored["T1.h1"].deleted
    assert set(cursor_of(session_factory, account_id)["held"]) == {"T1.h1"}
    asked = [(path, args.get("parentId") or args.get("id")) for _, path, args in youtube.requests
             if path == "/comments"]
    assert asked == [("/comments", "T1"), ("/comments", "T1.h0")]
    youtube.requests.clear()
    assert poll(session_factory, youtube, account_id).ok
    assert [args for _, path, args in youtube.requests if path == "/comments"] == []


def test_a_sweep_token_youtube_rejects_starts_the_sweep_again_from_the_watermark(session_factory, youtube):
    for n in range(250):
        youtube.thread(f"T{n:03}", f"UCuser{n}", f"Comment {n}", NOW - timedelta(hours=300 - n))
    account_id = make_account(session_factory, "yt", platform="youtube")
    for _ in range(3):  # the first sync, the queue (the sweep starting), the sweep: page 2, the next one saved
        assert poll(session_factory, youtube, account_id).ok
    assert "sweep" in cursor_of(session_factory, account_id)
    youtube.issued.clear()  # the saved token is now one it never issued: 400 invalidPageToken
    youtube.reply("T120", "b1", youtube.channel, "Answer!", NOW - timedelta(minutes=5))  # page 2: for the sweep
    assert poll(session_factory, youtube, account_id).ok  # the queue's turn
    youtube.thread("Tnew", "UCsam", "Still in stock?", NOW + timedelta(minutes=30))

    rejected = poll(session_factory, youtube, account_id)  # the sweep's turn: before, every one failed so
    assert not rejected.ok and "Tnew" in reply_state(session_factory, account_id)  # the poll's page is stored

    assert poll(session_factory, youtube, account_id).ok  # the queue's turn
    assert poll(session_factory, youtube, account_id).ok  # the sweep, from the page after the watermark's
    assert reply_state(session_factory, account_id)["T120"] == "T120.b1"
    assert "invalidPageToken" in rejected.error
    assert rejected.error.endswith("; the sweep starts again from the watermark")
