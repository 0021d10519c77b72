"""Keyword routes, ignored phrases and muted commenters, applied when nudges are written to the outbox."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select, update

from bot.config import Route
from bot.db.models import Author, Comment, Nudge
from bot.engine.ingest import ingest
from bot.engine.nudges import enqueue_due
from bot.engine.rescore import rescore_waiting
from bot.engine.routing import Routing, apply_config_mutes
from bot.engine.triage import mute, unmute
from tests.support.records import T0, account_config, make_account, page, record

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


def test_commenters_with_non_ascii_capitals_are_muted_and_unmuted_on_every_database(session_factory):
    """SQLite's lower() folds ASCII letters only: "Ömer Yılmaz" became "Ömer yılmaz" there, which no name typed
    in Slack or the config file matched. Names are folded in Python on both sides now."""
    names = ["blog", "video", "shop"]
    accounts = [make_account(session_factory, name) for name in names]
    with session_factory.begin() as session:
        for account_id in accounts:
            ingest(session, account_id, page(
                record("by-name", author="u-1", author_name="Ömer Yılmaz", text="Where is my order?"),
                record("by-handle", author="u-2", author_name="C", author_handle="@Çağla_Öz", text="Any news?"),
                record("by-id", author="ÉLODIE-9", text="Do you ship to Lyon?"),
            ), now=NOW)

    def muted() -> dict[str, int]:
        with session_factory() as session:
            rows = session.execute(select(Author.external_id, func.count()).where(Author.muted.is_(True))
                                   .group_by(Author.external_id)).all()
        return dict(rows)

    with session_factory.begin() as session:
        assert [mute(session, name, "U123", NOW, names).commenters for name in ("ömer yılmaz", "@çağla_öz", "élodie-9")] \
            == [3, 3, 3]
    assert muted() == {"u-1": 3, "u-2": 3, "ÉLODIE-9": 3}
    with session_factory.begin() as session:
        assert [unmute(session, name, names).unmuted for name in ("Ömer Yılmaz", "ÇAĞLA_ÖZ", "Élodie-9")] == [3, 3, 3]
    assert muted() == {}

    with session_factory.begin() as session:
        apply_config_mutes(session, accounts[0], ("ÖMER yılmaz", "@ÇAĞLA_ÖZ", "élodie-9"), NOW)
    assert muted() == {"u-1": 1, "u-2": 1, "ÉLODIE-9": 1}
    with session_factory.begin() as session:
        apply_config_mutes(session, accounts[0], (), NOW)
    assert muted() == {}
