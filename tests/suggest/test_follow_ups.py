"""A commenter following up their own comment ("Still no answer about the broken lid") is the same person going on,
not a fan answering a fan: polled from a replay into SQLite and PostgreSQL and delivered, the nudge asks them what fits
their complaint, and never for what their first comment already told."""

from __future__ import annotations

import io
from datetime import timedelta

from sqlalchemy import select

from bot.db.models import Comment, Nudge
from bot.engine.delivery import deliver_due
from bot.engine.poller import poll_account
from bot.slack.terminal import TerminalNotifier
from bot.sources import build_source
from bot.suggest import suggester
from tests.support.records import T0, account_config, make_account
from tests.suggest.test_voice import write_replay

FIRST = "My order #4471 arrived with a broken grinder lid and nobody answered my email. Pretty disappointed."
FOLLOW_UP = "Still no answer about the broken lid. Is anyone reading these?"


def nudged(session_factory, tmp_path, rows) -> dict[str, tuple[str, ...]]:
    """Each nudged comment's stored questions, by its text, after one poll and one delivery two hours on."""
    config = account_config("shop", nudge_after=timedelta(0),
                            options={"path": str(write_replay(tmp_path / "shop.jsonl", rows))})
    account_id = make_account(session_factory, "shop")
    now = T0 + timedelta(hours=2)
    poll_account(session_factory, account_id, config, build_source(config), clock=lambda: now)
    deliver_due(session_factory, TerminalNotifier(io.StringIO()), suggester(session_factory),
                clock=lambda: now, accounts={account_id: config})
    with session_factory() as session:
        return dict(session.execute(select(Comment.text, Nudge.suggestions).join(Nudge, Nudge.comment_id == Comment.id)
                                    ).all())


def test_a_follow_up_to_ones_own_complaint_is_asked_without_what_was_told(session_factory, tmp_path):
    rows = [("c1", "Jonas Weber", FIRST, 0, None, False), ("c2", "Jonas Weber", FOLLOW_UP, 40, "c1", False)]
    questions = nudged(session_factory, tmp_path, rows)[FOLLOW_UP]
    assert questions, "a complaint followed up by its own author got no question: read as a fan's reply"
    assert "sorry" in questions[0].lower()
    assert "order" not in questions[0].lower()  # #4471 is in the first comment


def test_the_same_words_answering_someone_else_stay_a_fans_reply(session_factory, tmp_path):
    rows = [("c1", "Jonas Weber", FIRST, 0, None, False),
            ("c2", "Mia Chen", "Reinstalling the app fixed it for me, took two minutes.", 40, "c1", False)]
    assert nudged(session_factory, tmp_path, rows).get("Reinstalling the app fixed it for me, took two minutes.",
                                                        ()) == ()
