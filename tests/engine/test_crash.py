"""A poll that crashes after page k, then runs again, ends in exactly the state of an uninterrupted poll."""

from __future__ import annotations

import io
import json
import re
from datetime import timedelta

import pytest
from sqlalchemy import event, select

from bot.db.models import Comment, Nudge, SyncState
from bot.engine.poller import poll_account
from bot.engine.delivery import deliver_due
from bot.suggest import suggester
from bot.slack.terminal import TerminalNotifier
from bot.sources.replay import PAGE_LINES, ReplaySource
from tests.support.records import T0, account_config, make_account, reply_state

NOW = T0 + timedelta(days=1)


def write_comments(path, count: int) -> None:
    lines = []
    for index in range(count):
        item = {
            "id": f"c{index}",
            "post": f"p{index % 7}",
            "author": f"user{index % 40}",
            "text": f"Which grind size works best for brew number {index}?",
            "created_at": (T0 + timedelta(minutes=index)).isoformat(),
        }
        if index % 5 == 4:  # the brand answers every fifth comment's predecessor
            item.update(parent=f"c{index - 1}", author="Brand", author_id="brand", brand=True)
        elif index % 11 == 10:  # users come back under our answers
            item.update(parent=f"c{index - 1}")
        lines.append(json.dumps(item) + "\n")
    path.write_text("".join(lines))


class CrashAfterPages:
    """Wraps a real source and fails when asked for the page after `pages`."""

    def __init__(self, source, pages: int):
        self.inner, self.pages = source, pages
        self.flat_threads = source.flat_threads

    def fetch(self, cursor):
        for number, one in enumerate(self.inner.fetch(cursor)):
            if number == self.pages:
                raise RuntimeError("power cut")
            yield one


def poll(session_factory, account_id, config, source, out):
    outcome = poll_account(session_factory, account_id, config, source, clock=lambda: NOW)
    deliver_due(session_factory, TerminalNotifier(out), suggester(session_factory), clock=lambda: NOW)
    return outcome


def snapshot(session_factory, account_id):
    with session_factory() as session:
        comments = session.execute(
            select(Comment.external_id, Comment.text, Comment.score).where(Comment.account_id == account_id)
        ).all()
        nudged = session.scalars(
            select(Comment.external_id).join(Nudge, Nudge.comment_id == Comment.id).where(Nudge.account_id == account_id)
        ).all()
        cursor = session.get(SyncState, account_id).cursor
    return sorted(comments), sorted(nudged), cursor, reply_state(session_factory, account_id)


def printed_nudges(text: str) -> list[str]:
    return re.findall(r"── #(\d+) ", text)


@pytest.mark.parametrize("crash", ["source fails after page 2", "commit of page 2 fails"])
def test_rerun_after_a_crash_equals_an_uninterrupted_poll(session_factory, tmp_path, crash):
    path = tmp_path / "comments.jsonl"
    write_comments(path, PAGE_LINES * 3 + 17)
    clean_config = account_config("clean", options={"path": str(path)})
    crashy_config = account_config("crashy", options={"path": str(path)})
    clean = make_account(session_factory, "clean", options={"path": str(path)})
    crashy = make_account(session_factory, "crashy", options={"path": str(path)})

    clean_out = io.StringIO()
    assert poll(session_factory, clean, clean_config, ReplaySource(clean_config), clean_out).ok

    crashy_out = io.StringIO()
    if crash == "source fails after page 2":
        outcome = poll(session_factory, crashy, crashy_config, CrashAfterPages(ReplaySource(crashy_config), 2), crashy_out)
    else:
        commits = {"count": 0}

        def fail_third_commit(session):
            commits["count"] += 1
            if commits["count"] == 3:
                raise RuntimeError("disk full")

        event.listen(session_factory, "before_commit", fail_third_commit)
        try:
            outcome = poll(session_factory, crashy, crashy_config, ReplaySource(crashy_config), crashy_out)
        finally:
            event.remove(session_factory, "before_commit", fail_third_commit)
    assert not outcome.ok and outcome.error_kind == "bug"
    with session_factory() as session:
        stored = session.scalar(select(SyncState.cursor).where(SyncState.account_id == crashy))
    assert stored["line"] == 2 * PAGE_LINES  # two pages kept, the third lost whole

    assert poll(session_factory, crashy, crashy_config, ReplaySource(crashy_config), crashy_out).ok
    assert snapshot(session_factory, crashy) == snapshot(session_factory, clean)
    clean_printed, crashy_printed = printed_nudges(clean_out.getvalue()), printed_nudges(crashy_out.getvalue())
    assert len(crashy_printed) == len(clean_printed) > PAGE_LINES  # every due nudge, each once
    assert len(set(clean_printed + crashy_printed)) == len(clean_printed) + len(crashy_printed)

    # and one more poll changes nothing and repeats nothing
    again = io.StringIO()
    assert poll(session_factory, crashy, crashy_config, ReplaySource(crashy_config), again).records == 0
    assert printed_nudges(again.getvalue()) == []
