"""Scores from the author's history with the account, on SQLite and PostgreSQL."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

from sqlalchemy import select

from bot.db.models import Comment, is_waiting
from bot.engine.ingest import ingest
from bot.engine.rescore import rescore_waiting
from bot.engine.score import ScoreContext, score_comment
from tests.support.records import T0, make_account, page, record

NEUTRAL = "I will check the receipt at home tonight."
SPAM = "Great content, have a look at the new reel"


def scores(session_factory, account_id) -> dict[str, tuple[int, list[str]]]:
    with session_factory.begin() as session:
        rescore_waiting(session, account_id)
    with session_factory() as session:
        rows = session.execute(
            select(Comment.external_id, Comment.score, Comment.reasons).where(
                Comment.account_id == account_id, is_waiting()
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


def rescored(session_factory, account_id) -> int:
    with session_factory.begin() as session:
        return rescore_waiting(session, account_id)


def from_scratch(session_factory, account_id) -> dict[str, tuple[int, list[str]]]:
    """Every waiting comment scored from the stored comments as the scorer's rules say, the slow, plain way."""
    with session_factory() as session:
        rows = session.execute(select(
            Comment.external_id, Comment.author_id, Comment.created_at, Comment.text, Comment.is_brand,
            Comment.deleted, Comment.answered_at, Comment.parent_external_id,
        ).where(Comment.account_id == account_id)).all()
    by_id = {row.external_id: row for row in rows}
    same = lambda text: " ".join(text.lower().split())  # noqa: E731
    expected = {}
    for row in rows:
        if row.is_brand or row.deleted or row.answered_at is not None:
            continue
        earlier = [e for e in rows if e.author_id == row.author_id and not e.deleted and e.created_at < row.created_at]
        context = ScoreContext(
            prior_comments_30d=sum(e.created_at >= row.created_at - timedelta(days=30) for e in earlier),
            replies_to_brand=row.parent_external_id in by_id and by_id[row.parent_external_id].is_brand,
            replies_to_commenter=row.parent_external_id in by_id and not by_id[row.parent_external_id].is_brand
            and by_id[row.parent_external_id].author_id != row.author_id,
            answered_before=any(e.answered_at is not None for e in earlier),
            copies_before=sum(same(e.text) == same(row.text) for e in earlier),
        )
        scored = score_comment(row.text, context)
        expected[row.external_id] = (scored.value, list(scored.reasons))
    return expected


def backlog(author: str, count: int) -> list:
    return [record(f"{author}{i}", minute=i, author=author, post=f"p{i % 7}", text=f"{NEUTRAL} ({i})")
            for i in range(count)]


def test_a_poll_rescores_what_its_page_changes_not_the_authors_backlog(session_factory):
    """One commenter's backlog used to be rescored whole at every poll that brought a comment of theirs (quadratic:
    10,000 waiting comments cost 111 s a poll). Now a poll rescores the comments its page changes."""
    account = make_account(session_factory)
    for author, size in (("short", 20), ("long", 130)):  # a history read whole, and one counted in the database
        ingest_all(session_factory, account, *backlog(author, size))
        assert rescored(session_factory, account) == size
        ingest_all(session_factory, account, record(f"{author}-new", minute=size, author=author, text=SPAM))
        assert rescored(session_factory, account) == 1
    assert scores(session_factory, account) == from_scratch(session_factory, account)
    assert "21st comment this month" in scores(session_factory, account)["short-new"][1]
    # A comment arriving late changes the history of the author's comments written after it, and only theirs.
    ingest_all(session_factory, account, record("late", minute=125, author="long", text=SPAM))
    assert rescored(session_factory, account) == 1 + 5 + 1  # itself, long125 to long129, long-new
    assert scores(session_factory, account) == from_scratch(session_factory, account)


def test_scores_stay_those_of_the_whole_history_whatever_pages_bring(session_factory):
    """Comments arriving out of order, edited into copies, deleted and restored; brand answers given and deleted:
    after every poll each waiting comment's score is the one its author's whole history gives."""
    rng = random.Random(15)
    account = make_account(session_factory)
    texts = [NEUTRAL, SPAM, "Is the shop open today?", "nice"]
    stored: dict[str, object] = {}
    ingest_all(session_factory, account, *backlog("long", 110), *backlog("short", 8))
    stored.update((r.external_id, r) for r in [*backlog("long", 110), *backlog("short", 8)])
    for round_ in range(12):
        users = [r for r in stored.values() if not r.is_brand]
        changes = []
        for _ in range(rng.randint(1, 4)):
            kind = rng.choice(["new", "edit", "delete", "restore", "answer", "unanswer"])
            if kind == "new":
                author = rng.choice(["long", "short"])
                changes.append(record(f"n{round_}-{len(changes)}", minute=rng.randint(-30, 130), author=author,
                                      text=rng.choice(texts)))
            elif kind in ("edit", "delete", "restore"):
                old = rng.choice(users)
                changes.append(replace(old, text=rng.choice(texts) if kind == "edit" else old.text,
                                       deleted=kind == "delete"))
            elif kind == "answer":
                answered = rng.choice(users)
                changes.append(record(f"b{round_}-{len(changes)}", minute=answered.created_at.minute + 1, brand=True,
                                      parent=answered.external_id, text="Thanks, we are on it."))
            elif brands := [r for r in stored.values() if r.is_brand and not r.deleted]:
                changes.append(replace(rng.choice(brands), deleted=True))
        ingest_all(session_factory, account, *changes)
        stored.update((r.external_id, r) for r in changes)
        assert scores(session_factory, account) == from_scratch(session_factory, account), round_


def test_an_answered_comment_keeps_its_score_when_it_comes_again(session_factory):
    """Issue 15: re-ingest set `score` to NULL, and only waiting comments are scored, so an answered comment that
    came again (an edit, a re-read page) lost its score for good: its Slack message was edited without it."""
    account = make_account(session_factory)
    question = record("u1", author="ana", text="Do you ship to Portugal?")
    ingest_all(session_factory, account, question)
    waited_with = scores(session_factory, account)["u1"][0]
    ingest_all(session_factory, account, record("b1", minute=5, parent="u1", brand=True, text="We do!"))
    ingest_all(session_factory, account, replace(question, updated_at=T0 + timedelta(minutes=7)))
    rescore = scores(session_factory, account)
    assert "u1" not in rescore
    with session_factory() as session:
        assert session.scalar(select(Comment.score).where(Comment.external_id == "u1")) == waited_with > 0


def test_a_reply_stored_before_its_parent_is_scored_again_when_the_parent_arrives(session_factory):
    """A score says whether a comment answers another commenter: a reply that came before its parent (pages out of
    order) was scored without it, and kept that score once the parent came."""
    account = make_account(session_factory)
    ingest_all(session_factory, account, record("r1", minute=5, parent="u1", author="bo", text="Is it open today?"))
    assert "answers another commenter" not in scores(session_factory, account)["r1"][1]
    ingest_all(session_factory, account, record("u1", author="ana", text=NEUTRAL))
    assert "answers another commenter" in scores(session_factory, account)["r1"][1]
    assert scores(session_factory, account) == from_scratch(session_factory, account)
