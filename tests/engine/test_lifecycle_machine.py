"""The nudge lifecycle as a hypothesis state machine, on SQLite and on PostgreSQL, with two replicas at once.

The platform is a replay account's JSON Lines file: steps append pages of new comments, brand replies, edits,
deletions and restorations, in any order. Two replicas run cycles (poll, post, edit), one at a time or both at
once in threads; one can be killed mid-page (its page rolled back, its lease left to run out) or right after a
post reached Slack. The team acts through the real listeners: reply, done, snooze, assign, mute and unmute. The
clock moves on by minutes or hours, past snoozes and leases.

After every step:
- no comment has two nudge messages in Slack;
- each posted message whose edit is not pending shows what the database says (buttons while open, the status);
- an open nudge is about a comment that still waits, by an author not muted;
- every waiting comment that deserved a nudge at the last poll has an open one, or a named reason not to.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, event, settings, strategies as st
from hypothesis.control import currently_in_test_context
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule, run_state_machine_as_test
from sqlalchemy import delete, select

from bot.config import Settings
from bot.db import make_engine, session_factory as make_session_factory
from bot.db.models import Account, Author, Comment, Digest, Nudge, Post, SyncState, utcnow
from bot.engine import lifecycle
from bot.engine.ingest import ingest
from bot.engine.leases import Lease, claim_account
from bot.engine.poller import MAX_NUDGE_AGE, poll_due, sync_accounts
from bot.engine.triage import nudge_statuses
from bot.slack.access import Access
from bot.slack.blocks import status_line
from bot.slack.client import make_client
from bot.slack.context import KEY, AppContext
from bot.engine.delivery import deliver_due
from bot.suggest import suggester
from bot.slack.listeners.actions import done_snooze_assign as buttons
from bot.slack.listeners.commands.nudge import mute as mute_command, unmute as unmute_command
from bot.slack.listeners.views.reply import post_reply
from bot.slack.notifier import EVENT_TYPE, SlackNotifier
from bot.sources.replay import ReplaySource
from tests.support.records import account_config
from tests.support.slack_api import SlackAPI
from tests.support.slack_world import power_cut_when_recording_a_post

CHANNEL = "C0NUDGES"
LEASE = timedelta(minutes=2)
NUDGE_AFTER = timedelta(hours=1)
MIN_SCORE = 20
AUTHORS = ("ann", "ben", "cyd")
TEAM = ("U0ANA", "U0BEN")
QUESTIONS = ("How do I descale the X200?", "Is the grinder back in stock?", "thanks", "Where is my refund???")
STEPS = 20
EVENTS = ("new", "new", "brand", "edit", "delete", "delete", "delete brand", "restore", "restore")
EXAMPLES = int(os.environ.get("LIFECYCLE_EXAMPLES", 12))
RANDOM = bool(os.environ.get("LIFECYCLE_RANDOM"))  # draw new examples each run, when hunting for bugs


class Replica:
    """One `replynudge run` process: its lease, its Slack notifier (with its own memory of what it posted)."""

    def __init__(self, name: str, machine: LifecycleMachine):
        self.lease = Lease(f"{name}-{uuid.uuid4().hex[:6]}", LEASE)
        self.notifier = SlackNotifier(make_client(machine.settings), interval=0.0)
        self.machine = machine

    def cycle(self) -> None:
        machine = self.machine
        sources = {account.name: ReplaySource(account) for account in machine.accounts.values()}
        outcomes = poll_due(machine.factory, machine.accounts, sources, self.lease, due_only=False, clock=machine.clock)
        if any(o.error_kind != "lease_lost" and o.skipped_until is None for o in outcomes):
            machine.enqueued_at = machine.now  # this poll ran enqueue_due at this time
            machine.unmuted.clear()
        deliver_due(machine.factory, self.notifier, suggester(machine.factory), clock=machine.clock, lease=self.lease)


class LifecycleMachine(RuleBasedStateMachine):
    url: str
    template: Path | str

    def __init__(self):
        super().__init__()
        self.api = SlackAPI()
        self.folder = Path(self.workdir) / uuid.uuid4().hex
        self.folder.mkdir()
        self.path = self.folder / "comments.jsonl"
        self.path.touch()
        self.engine = make_engine(self.url)
        self.factory = make_session_factory(self.engine)
        with self.factory.begin() as session:
            for table in (Nudge, Digest, Comment, Author, Post, SyncState, Account):
                session.execute(delete(table))
        account = account_config("blog", channel=CHANNEL, min_score=MIN_SCORE, nudge_after=NUDGE_AFTER,
                                 digest_threshold=1000, options={"path": str(self.path)})
        self.settings = Settings(slack_bot_token="xoxb-test-token", slack_signing_secret="s", slack_api_url=self.api.url,
                                 accounts=(account,), lease=LEASE)
        with self.factory.begin() as session:
            ids = sync_accounts(session, self.settings.accounts)
        self.accounts = {ids[account.name]: account}
        self.now = utcnow()
        self.enqueued_at: datetime | None = None
        self.unmuted: set[str] = set()  # authors unmuted since the last poll
        self.platform: dict[str, dict] = {}  # external id -> its latest line
        self.replicas = [Replica("one", self), Replica("two", self)]
        notifier = self.replicas[0].notifier
        self.app = AppContext(self.settings, self.factory, notifier, Access(notifier.client), clock=self.clock)
        self.serial = 0

    def clock(self) -> datetime:
        return self.now

    def teardown(self) -> None:
        if currently_in_test_context():  # not in the explicit sequences below
            messages = [m for m in self.api.messages(CHANNEL)
                        if (m.get("metadata") or {}).get("event_type") == EVENT_TYPE]
            event(f"nudge messages: {min(len(messages), 5)}{'+' if len(messages) >= 5 else ''}")
            event(f"edits: {min(len(self.api.calls_to('chat.update')), 5)}")
        self.app.workers.shutdown(wait=True)
        self.api.close()
        self.engine.dispose()
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- the platform ---------------------------------------------------------------------------------------------

    def _write(self, line: dict) -> None:
        self.platform[line["id"]] = line
        with self.path.open("a") as handle:
            handle.write(json.dumps(line) + "\n")

    def _user_ids(self) -> list[str]:
        return sorted(i for i, line in self.platform.items() if not line.get("brand"))

    def _new(self, author: str, question: str, minutes_ago: int, parent: str | None = None) -> None:
        self.serial += 1
        line = {"id": f"c{self.serial}", "post": "p1", "author": author, "text": question,
                "created_at": (self.now - timedelta(minutes=minutes_ago)).isoformat()}
        self._write({**line, "parent": parent} if parent else line)

    @initialize(comments=st.lists(st.tuples(st.sampled_from(AUTHORS), st.sampled_from(QUESTIONS),
                                            st.integers(61, 180)), min_size=1, max_size=4))
    def first_page(self, comments):
        """Comments already due when the replicas start, and a first cycle: the steps start with nudges in Slack."""
        for author, question, minutes_ago in comments:
            self._new(author, question, minutes_ago)
        self.replicas[0].cycle()

    @rule(events=st.lists(st.tuples(st.sampled_from(EVENTS), st.sampled_from(AUTHORS), st.sampled_from(QUESTIONS),
                                    st.integers(0, 180), st.integers(0, 50)), min_size=1, max_size=4))
    def page(self, events):
        """A page of the platform's changes in any order: new comments (some replying to others), the brand's
        replies, edits, deletions (hidden, unapproved) and restorations (shown, approved again)."""
        for kind, author, question, minutes_ago, which in events:
            users = self._user_ids()
            if kind == "new" or not users:
                self._new(author, question, minutes_ago, users[which % len(users)] if which % 3 == 0 and users else None)
            elif kind == "brand":
                self.serial += 1
                self._write({"id": f"b{self.serial}", "post": "p1", "author": "Brand", "author_id": "brand",
                             "brand": True, "parent": users[which % len(users)], "text": "Thanks, here is how.",
                             "created_at": (self.now - timedelta(minutes=minutes_ago % 30)).isoformat()})
            else:
                brands = sorted(set(self.platform) - set(users))
                ids = brands if kind == "delete brand" and brands else users
                line = dict(self.platform[ids[which % len(ids)]])
                if kind == "edit":
                    line.update(text=line["text"] + " (edited)", updated_at=self.now.isoformat())
                elif kind == "restore":  # the most recently deleted one, if any
                    deleted = [i for i in ids if self.platform[i].get("deleted")]
                    line = dict(self.platform[deleted[which % len(deleted)]]) if deleted else line
                line["deleted"] = kind.startswith("delete")
                self._write(line)

    # -- time, replicas -----------------------------------------------------------------------------------------

    @rule(minutes=st.sampled_from((0, 1, 3, 30, 65, 240)), which=st.integers(0, 1))
    def time_passes(self, minutes, which):
        """Time passes, and one of the replicas runs its cycle."""
        self.now += timedelta(minutes=minutes)
        self.replicas[which].cycle()

    @rule()
    def both_cycles_at_once(self):
        errors: list[BaseException] = []

        def run(replica):
            try:
                replica.cycle()
            except BaseException as error:  # reraised below, in the test's thread
                errors.append(error)

        threads = [threading.Thread(target=run, args=(replica,)) for replica in self.replicas]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if errors:
            raise errors[0]

    @rule(which=st.integers(0, 1))
    def killed_mid_page(self, which):
        """The replica claims the account, ingests its next page and dies before the commit: the page is lost,
        the claim stays until its lease runs out; a new process takes the replica's place."""
        replica = self.replicas[which]
        with self.factory.begin() as session:
            account_id = claim_account(session, self.accounts.keys(), replica.lease, self.now, due_only=False)
        if account_id is not None:
            with self.factory() as session:
                cursor = session.get(SyncState, account_id).cursor
            source = ReplaySource(self.accounts[account_id])
            for page in source.fetch(cursor):
                session = self.factory()
                ingest(session, account_id, page, now=self.now)
                session.rollback()
                session.close()
                break
        self.replicas[which] = Replica(f"restarted-{which}", self)

    @rule(which=st.integers(0, 1))
    def killed_after_posting(self, which):
        """The replica's process dies right after chat.postMessage answered, before the post was recorded."""
        replica = self.replicas[which]
        with power_cut_when_recording_a_post(self.engine):
            try:
                deliver_due(self.factory, replica.notifier, suggester(self.factory),
                            clock=self.clock, lease=replica.lease)
            except RuntimeError as error:
                assert "power cut" in str(error)
        self.replicas[which] = Replica(f"restarted-{which}", self)

    # -- the team in Slack ------------------------------------------------------------------------------------

    def _stored_user_comments(self) -> list[int]:
        with self.factory() as session:
            return list(session.scalars(select(Comment.id).where(Comment.is_brand.is_(False)).order_by(Comment.id)))

    def _button(self, action: str, comment_id: int, user: str, **fields) -> dict:
        return {"user": {"id": user}, "actions": [{"action_id": action, "block_id": f"nudge_actions:{comment_id}",
                                                   "value": str(comment_id), **fields}]}

    def _press(self, listener, body: dict) -> None:
        listener(lambda *args, **kwargs: None, body, {KEY: self.app}, lambda *args, **kwargs: None)

    @precondition(lambda self: self._stored_user_comments())
    @rule(which=st.integers(0, 50), user=st.sampled_from(TEAM),
          action=st.sampled_from(("reply", "done", "snooze", "assign")))
    def team_acts(self, which, user, action):
        ids = self._stored_user_comments()
        comment_id = ids[which % len(ids)]
        if action == "reply":
            if post_reply(self.app, comment_id, "Here is how: hold the button for five seconds.", user) is None:
                self.app.refresh(comment_id, "replied")
        elif action == "done":
            self._press(buttons.mark_done, self._button("nudge_done", comment_id, user))
        elif action == "snooze":
            self._press(buttons.snooze, self._button("nudge_snooze", comment_id, user, value=None,
                                                     selected_option={"value": f"{comment_id}:1h"}))
        else:
            self._press(buttons.assign, self._button("nudge_assign", comment_id, user, value=None,
                                                     selected_user=TEAM[1]))

    @rule(author=st.sampled_from(AUTHORS), mute=st.booleans())
    def team_mutes(self, author, mute):
        if mute:
            mute_command(self.app, [author], TEAM[0])
        else:
            unmute_command(self.app, [author], TEAM[0])
            self.unmuted.add(author)

    @precondition(lambda self: self._slack_replies())
    @rule(which=st.integers(0, 50))
    def slack_reply_deleted_on_the_platform(self, which):
        replies = self._slack_replies()
        reply = replies[which % len(replies)]
        self._write({"id": reply.external_id, "post": "p1", "author": "Brand", "author_id": "brand", "brand": True,
                     "parent": reply.parent_external_id, "text": reply.text, "deleted": True,
                     "created_at": reply.created_at.isoformat()})

    def _slack_replies(self) -> list[Comment]:
        with self.factory() as session:
            return list(session.scalars(select(Comment).where(Comment.external_id.like("reply-%")).order_by(Comment.id)))

    # -- invariants -------------------------------------------------------------------------------------------

    @invariant()
    def no_comment_is_posted_twice(self):
        posted: dict[int, int] = {}
        for message in self.api.messages(CHANNEL):
            metadata = message.get("metadata") or {}
            if metadata.get("event_type") == EVENT_TYPE and not message.get("thread_ts"):
                comment_id = int(metadata["event_payload"]["comment_id"])
                posted[comment_id] = posted.get(comment_id, 0) + 1
        assert all(count == 1 for count in posted.values()), posted

    @invariant()
    def each_message_shows_the_database_state(self):
        messages = {m["ts"]: m for m in self.api.messages(CHANNEL)}
        with self.factory() as session:
            rows = session.execute(select(Nudge.comment_id).where(Nudge.slack_ts.is_not(None),
                                                                  Nudge.needs_update.is_(False))).scalars().all()
            statuses = nudge_statuses(session, list(rows))
        for status in statuses.values():
            blocks = messages[status.slack_ts]["blocks"]
            has_buttons = any(block["type"] == "actions" for block in blocks)
            assert has_buttons == status.is_open, (status, blocks)
            line = status_line(status)
            assert line is None or line in texts(blocks), (line, blocks)

    @invariant()
    def open_nudges_are_about_comments_still_waiting(self):
        with self.factory() as session:
            rows = session.execute(
                select(Comment.external_id, Comment.deleted, Comment.answered_at, Author.muted, Nudge.state)
                .join(Nudge, Nudge.comment_id == Comment.id).join(Author, Author.id == Comment.author_id)
                .where(Nudge.state.in_(lifecycle.OPEN))
            ).all()
        for row in rows:
            assert not row.deleted and row.answered_at is None and not row.muted, row

    @invariant()
    def every_waiting_comment_has_an_open_nudge_or_a_reason(self):
        if self.enqueued_at is None:
            return
        at = self.enqueued_at
        with self.factory() as session:
            rows = session.execute(
                select(Comment.id, Comment.external_id, Comment.created_at, Comment.score, Author.muted,
                       Author.name, Nudge.state, Nudge.handled_how)
                .join(Author, Author.id == Comment.author_id)
                .outerjoin(Nudge, Nudge.comment_id == Comment.id)
                .where(Comment.is_brand.is_(False), Comment.deleted.is_(False), Comment.answered_at.is_(None))
            ).all()
        for row in rows:
            if row.state in (lifecycle.State.PENDING, lifecycle.State.POSTED):
                continue  # open (snoozed ones too)
            reasons = {
                "muted": row.muted or row.handled_how == "muted",
                "done": row.handled_how == "done",
                "gave up": row.state == lifecycle.State.FAILED,
                "below the score": row.score is None or row.score < MIN_SCORE,
                "not due at the last poll": row.created_at > at - NUDGE_AFTER,
                "too old": row.created_at < at - MAX_NUDGE_AGE,
                "unmuted since the last poll": row.name.lower() in self.unmuted,
            }
            assert any(reasons.values()), (row, self.enqueued_at)


def texts(blocks) -> str:
    """Every text in a message's blocks, one a line."""
    if isinstance(blocks, dict):
        return "\n".join(texts(value) if key != "text" or not isinstance(value, str) else value
                         for key, value in blocks.items() if isinstance(value, (dict, list, str)) and
                         (key == "text" or not isinstance(value, str)))
    if isinstance(blocks, list):
        return "\n".join(texts(item) for item in blocks)
    return ""


def machine_for(url: str, workdir: Path) -> type[LifecycleMachine]:
    return type("Machine", (LifecycleMachine,), {"url": url, "workdir": str(workdir)})


@pytest.mark.slow
def test_the_nudge_lifecycle_holds_under_any_order_of_events_with_two_replicas(database_url, tmp_path):
    run_state_machine_as_test(
        machine_for(database_url, tmp_path),
        # The same examples on every run (derandomize), so make test cannot pass one day and fail the next on an
        # example it never drew before; LIFECYCLE_RANDOM=1 draws new ones. No explain phase: it re-runs a failure
        # under coverage tracing for minutes.
        settings=settings(max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None,
                          derandomize=not RANDOM, phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
                          suppress_health_check=list(HealthCheck), print_blob=True),
    )


def run_steps(machine: LifecycleMachine, *steps) -> None:
    """Steps (functions of the machine) as the state machine runs them: every invariant checked after each."""
    invariants = ("no_comment_is_posted_twice", "each_message_shows_the_database_state",
                  "open_nudges_are_about_comments_still_waiting", "every_waiting_comment_has_an_open_nudge_or_a_reason")
    try:
        for step in steps:
            step(machine)
            for name in invariants:
                getattr(machine, name)()
    finally:
        machine.teardown()


def test_a_nudge_assigned_before_it_is_posted_is_posted_assigned(database_url, tmp_path):
    """A random draw on PostgreSQL: snoozed before its nudge was due (so pending, no message), assigned, then
    posted: the message did not say whom it was assigned to (the post rendered the comment alone)."""
    run_steps(
        machine_for(database_url, tmp_path)(),
        lambda m: m.first_page([("ann", "thanks", 61), ("ann", "How do I descale the X200?", 61)]),
        lambda m: m.team_acts(action="snooze", user="U0ANA", which=0),
        lambda m: m.killed_after_posting(which=0),
        lambda m: m.team_acts(action="assign", user="U0ANA", which=0),
        lambda m: m.time_passes(minutes=240, which=0),
    )


def test_a_message_found_after_a_crash_is_edited_to_show_an_assignment_made_since(database_url, tmp_path):
    """The replica posted, died before recording it; the nudge was assigned (no message known to edit); the
    replica that took over found the message in the channel's history, which still showed it unassigned."""

    def due_without_a_cycle(machine):
        machine.now += timedelta(minutes=65)

    run_steps(
        machine_for(database_url, tmp_path)(),
        lambda m: m.first_page([("ann", "thanks", 61)]),
        lambda m: m.team_acts(action="snooze", user="U0ANA", which=0),
        due_without_a_cycle,
        lambda m: m.killed_after_posting(which=0),
        lambda m: m.team_acts(action="assign", user="U0ANA", which=0),
        lambda m: m.time_passes(minutes=3, which=0),
    )


def test_snoozing_a_comment_of_a_muted_author_opens_no_nudge(database_url, tmp_path):
    """A random draw on both databases: a comment below the score (no nudge), its author muted, then the comment
    snoozed from /unanswered: the snooze opened a pending nudge about a muted author, posted when it fell due."""
    run_steps(
        machine_for(database_url, tmp_path)(),
        lambda m: m.first_page([("ann", "How do I descale the X200?", 61), ("ann", "thanks", 61)]),
        lambda m: m.team_mutes(author="ann", mute=True),
        lambda m: m.team_acts(action="snooze", user="U0ANA", which=1),
        lambda m: m.time_passes(minutes=65, which=0),
    )


@pytest.mark.parametrize("kind", ["brand", "delete"])
def test_snoozing_an_answered_or_deleted_comment_opens_no_nudge(database_url, tmp_path, kind):
    """A random draw on both databases: a comment below the score (no nudge) answered by the brand (or deleted),
    then snoozed: the snooze opened a pending nudge about a comment that no longer waits."""
    run_steps(
        machine_for(database_url, tmp_path)(),
        lambda m: m.first_page([("ann", "thanks", 61)]),
        lambda m: m.page([(kind, "ann", "How do I descale the X200?", 0, 0)]),
        lambda m: m.time_passes(minutes=0, which=0),
        lambda m: m.team_acts(action="snooze", user="U0ANA", which=0),
        lambda m: m.time_passes(minutes=65, which=1),
    )


def test_a_deleted_comment_whose_slack_reply_is_deleted_stays_closed(database_url, tmp_path):
    """A random draw on PostgreSQL: a comment replied to from Slack, then deleted, then the reply deleted on the
    platform: losing its answer opened the nudge of a deleted comment again. Restored, it waits and is open again."""
    run_steps(
        machine_for(database_url, tmp_path)(),
        lambda m: m.first_page([("ann", "How do I descale the X200?", 61)]),
        lambda m: m.team_acts(action="reply", user="U0BEN", which=0),
        lambda m: m.page([("delete", "ann", "How do I descale the X200?", 0, 0)]),
        lambda m: m.time_passes(minutes=0, which=0),
        lambda m: m.slack_reply_deleted_on_the_platform(which=0),
        lambda m: m.time_passes(minutes=0, which=0),
        lambda m: m.page([("restore", "ann", "How do I descale the X200?", 0, 0)]),  # waits again: nudged again
        lambda m: m.time_passes(minutes=0, which=1),
    )
