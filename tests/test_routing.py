"""Keyword routes, ignored phrases and muted commenters, applied when nudges are written to the outbox."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from bot.config import Route
from bot.db.models import Author, Comment, Nudge
from bot.engine.ingest import ingest
from bot.engine.nudges import enqueue_due
from bot.engine.rescore import rescore_waiting
from bot.engine.routing import Routing, apply_config_mutes
from tests.records import T0, account_config, make_account, page, record

NOW = T0 + timedelta(hours=3)


def outbox_after_poll(session_factory, account_id, config) -> dict[str, tuple[str, str | None, str | None]]:
    """What the poller does after ingesting: scores, config mutes, outbox rows; external id -> state, channel, how."""
    with session_factory.begin() as session:
        rescore_waiting(session, account_id)
        apply_config_mutes(session, account_id, config.muted_commenters, NOW)
        enqueue_due(session, account_id, nudge_after=timedelta(hours=1), min_score=0, max_age=timedelta(days=14),
                    channel=config.channel, now=NOW, routing=Routing.of(config))
    with session_factory() as session:
        rows = session.execute(
            select(Comment.external_id, Nudge.state, Nudge.channel, Nudge.handled_how)
            .join(Nudge, Nudge.comment_id == Comment.id)
        )
        return {external_id: tuple(rest) for external_id, *rest in rows}


def test_routes_ignored_phrases_and_config_mutes(session_factory):
    config = account_config(
        "blog",
        channel="C-main",
        routes=(Route(("refund", "broken"), "C-support"), Route(("price",), "C-sales")),
        ignored_phrases=("giveaway", "follow for follow"),
        muted_commenters=("@Spam_Bot", "troll", "u-42"),
    )
    account_id = make_account(session_factory, "blog")
    with session_factory.begin() as session:
        ingest(session, account_id, page(
            record("refund", text="How do I get a REFUND for my order?"),
            record("broken", text="My grinder arrived broken, and the price was high"),  # the first route wins
            record("unbroken", text="An unbroken streak of great coffee, how do you do it?"),  # word start only
            record("giveaway", text="Join my GiveAway at example.com"),
            record("f4f", text="nice! follow for follow?"),
            record("by-handle", author="bot1", author_handle="@spam_bot", text="Cheap followers?"),
            record("by-name", author="troll", text="Why is your coffee so bad?"),
            record("by-id", author="u-42", text="Any discount codes?"),
            record("plain", text="Which beans for espresso?"),
        ), now=NOW)
        session.execute(update(Author).where(Author.external_id == "user-plain").values(muted=True, muted_by="U123"))
    outbox = outbox_after_poll(session_factory, account_id, config)
    assert outbox == {
        "refund": ("pending", "C-support", None),
        "broken": ("pending", "C-support", None),
        "unbroken": ("pending", "C-main", None),
        "giveaway": ("handled", "C-main", "ignored"),
        "f4f": ("handled", "C-main", "ignored"),
    }
    # The muted commenters were nudged about not at all; `plain` was muted from Slack, which the config leaves alone.
    with session_factory() as session:
        muted = dict(session.execute(select(Author.external_id, Author.muted_by).where(Author.muted.is_(True))).all())
    assert muted == {"bot1": "config", "troll": "config", "u-42": "config", "user-plain": "U123"}

    # Taken off the list, a commenter is unmuted by the next poll and nudged like anyone else.
    outbox = outbox_after_poll(session_factory, account_id, account_config("blog", channel="C-main",
                                                                           muted_commenters=("@spam_bot", "u-42")))
    assert outbox["by-name"] == ("pending", "C-main", None)
    assert "plain" not in outbox and "by-handle" not in outbox


def test_without_rules_everything_goes_to_the_account_channel():
    routing = Routing.of(account_config("blog"))
    assert routing.channel_for("refund please", "C1") == "C1" and not routing.ignores("giveaway")
