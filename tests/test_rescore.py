"""Scores from the author's history with the account, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import select

from bot.db.models import Comment
from bot.engine.ingest import ingest
from bot.engine.rescore import rescore_waiting
from tests.records import T0, make_account, page, record

NEUTRAL = "I will check the receipt at home tonight."
SPAM = "Great content, have a look at the new reel"


def scores(session_factory, account_id) -> dict[str, tuple[int, list[str]]]:
    with session_factory.begin() as session:
        rescore_waiting(session, account_id)
    with session_factory() as session:
        rows = session.execute(
            select(Comment.external_id, Comment.score, Comment.reasons).where(
                Comment.account_id == account_id, Comment.is_brand.is_(False), Comment.answered_at.is_(None)
            )
        )
        return {external_id: (score, list(reasons or [])) for external_id, score, reasons in rows}


def ingest_all(session_factory, account_id, *records):
    with session_factory.begin() as session:
        ingest(session, account_id, page(*records), flat_threads=False, now=T0)


def test_coming_back_after_our_reply_and_commenting_often_raise_the_score(session_factory):
    account = make_account(session_factory)
    ingest_all(
        session_factory,
        account,
        record("u1", author="ana", text="Do you ship to Portugal?"),
        record("b1", minute=5, parent="u1", brand=True, text="We do!"),
        record("u2", minute=9, parent="b1", author="ana", text=NEUTRAL),
        record("x1", minute=9, author="bo", text=NEUTRAL),
    )
    result = scores(session_factory, account)
    assert "came back after our reply" in result["u2"][1]
    assert "2nd comment this month" in result["u2"][1]
    assert result["u2"][0] >= 30 > result["x1"][0]


def test_a_new_comment_rescores_the_authors_waiting_ones(session_factory):
    account = make_account(session_factory)
    ingest_all(session_factory, account, record("u1", author="ana", text=NEUTRAL))
    assert scores(session_factory, account)["u1"][1] == []
    ingest_all(session_factory, account, record("u0", minute=-60, author="ana", text="Is the shop open today?"))
    assert "2nd comment this month" in scores(session_factory, account)["u1"][1]


def test_the_same_text_posted_three_times_is_spam(session_factory):
    account = make_account(session_factory)
    ingest_all(
        session_factory,
        account,
        *[record(f"s{i}", minute=i, post=f"p{i}", author="promo", text=SPAM.upper() if i else SPAM) for i in range(3)],
    )
    result = scores(session_factory, account)
    assert "posted the same text 3 times" in result["s2"][1]
    assert result["s2"][0] <= 5
    assert "posted the same text" not in " ".join(result["s1"][1])


def test_a_fan_answering_a_fan_is_left_to_them_unless_they_ask_us(session_factory):
    account = make_account(session_factory)
    ingest_all(
        session_factory,
        account,
        record("u1", author="ana", text="App keeps crashing on my phone since yesterday, anyone else?"),
        record("u2", minute=3, parent="u1", author="bo", text="I had the same problem, reinstalling the app fixed it for me."),
        record("u3", minute=4, parent="u1", author="cy", text="Same here. Will you release a fix this week?"),
        record("u4", minute=5, parent="u1", author="ana", text="Reinstalling did not help me, it still crashes after the login."),
    )
    result = scores(session_factory, account)
    assert result["u2"] == (min(result["u2"][0], 20), ["answers another commenter"])
    assert result["u3"][0] >= 30  # asks us something
    assert result["u4"][0] >= 30  # their own thread: a follow-up, not a fan reply
