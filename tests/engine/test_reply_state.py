"""Reply state derived from thread structure, on SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine.ingest import ingest
from tests.support.records import T0, make_account, page, record, reply_state


def ingest_pages(session_factory, account_id, *pages, flat=False):
    for one in pages:
        with session_factory.begin() as session:
            ingest(session, account_id, one, flat_threads=flat, now=T0)


def test_brand_reply_answers_the_comment_it_replies_to(session_factory):
    account = make_account(session_factory)
    ingest_pages(session_factory, account, page(record("u1"), record("u2", minute=1), record("b1", minute=5, parent="u1", brand=True)))
    assert reply_state(session_factory, account) == {"u1": "b1", "u2": None}


def test_user_coming_back_after_our_reply_waits_again(session_factory):
    account = make_account(session_factory)
    ingest_pages(
        session_factory,
        account,
        page(record("u1"), record("b1", minute=5, parent="u1", brand=True)),
        page(record("u2", minute=9, parent="b1", author="user-u1")),
    )
    assert reply_state(session_factory, account) == {"u1": "b1", "u2": None}


def test_a_reply_deeper_in_the_thread_answers_every_user_turn_above_it(session_factory):
    account = make_account(session_factory)
    ingest_pages(
        session_factory,
        account,
        page(record("u1"), record("u2", minute=2, parent="u1"), record("b1", minute=4, parent="u2", brand=True)),
    )
    assert reply_state(session_factory, account) == {"u1": "b1", "u2": "b1"}


def test_a_reply_to_one_branch_answers_the_comment_above_but_not_the_other_branch(session_factory):
    """The rule docs/reply-state.md decides: the brand's reply anywhere below a comment answers it."""
    account = make_account(session_factory)
    ingest_pages(
        session_factory,
        account,
        page(record("u1"), record("u2", minute=1, parent="u1"), record("u3", minute=2, parent="u1"),
             record("b1", minute=4, parent="u3", brand=True)),
    )
    assert reply_state(session_factory, account) == {"u1": "b1", "u2": None, "u3": "b1"}


def test_the_earliest_brand_reply_is_the_answer(session_factory):
    account = make_account(session_factory)
    ingest_pages(
        session_factory,
        account,
        page(record("u1"), record("b2", minute=9, parent="u1", brand=True)),
        page(record("b1", minute=3, parent="u1", brand=True)),
    )
    assert reply_state(session_factory, account) == {"u1": "b1"}


def test_replies_at_the_same_time_the_smaller_external_id_answers_whichever_arrives_first(session_factory):
    account = make_account(session_factory)
    ingest_pages(
        session_factory,
        account,
        page(record("u1"), record("u2", minute=1, parent="u1"), record("b2", minute=5, parent="u2", brand=True)),
        page(record("b1", minute=5, parent="u2", brand=True)),
    )
    assert reply_state(session_factory, account) == {"u1": "b1", "u2": "b1"}


def test_children_arriving_before_their_parent(session_factory):
    account = make_account(session_factory)
    ingest_pages(
        session_factory,
        account,
        page(record("b1", minute=5, parent="u2", brand=True)),
        page(record("u2", minute=2, parent="u1")),
        page(record("u1")),
    )
    assert reply_state(session_factory, account) == {"u1": "b1", "u2": "b1"}


def test_flat_threads_a_later_brand_comment_answers_earlier_ones(session_factory):
    account = make_account(session_factory)
    ingest_pages(
        session_factory,
        account,
        page(
            record("t1"),
            record("r1", minute=1, parent="t1"),
            record("b1", minute=3, parent="t1", brand=True),
            record("r2", minute=6, parent="t1", author="user-r1"),
            record("t2", minute=7),
        ),
        flat=True,
    )
    assert reply_state(session_factory, account) == {"t1": "b1", "r1": "b1", "r2": None, "t2": None}


def test_deleting_our_reply_opens_the_comment_again(session_factory):
    account = make_account(session_factory)
    reply = record("b1", minute=5, parent="u1", brand=True)
    ingest_pages(session_factory, account, page(record("u1"), reply))
    ingest_pages(session_factory, account, page(replace(reply, deleted=True)))
    assert reply_state(session_factory, account) == {"u1": None}


def test_edits_update_text_and_deletions_mark_deleted(session_factory):
    from bot.db.models import Comment
    from sqlalchemy import select

    account = make_account(session_factory)
    original = record("u1", text="first version")
    ingest_pages(session_factory, account, page(original, record("u2")))
    ingest_pages(session_factory, account, page(replace(original, text="second version"), replace(record("u2"), deleted=True)))
    with session_factory() as session:
        rows = dict(session.execute(select(Comment.external_id, Comment).where(Comment.account_id == account)).all())
    assert rows["u1"].text == "second version" and not rows["u1"].deleted
    assert rows["u2"].deleted
    assert len(rows) == 2


def test_accounts_do_not_see_each_others_threads(session_factory):
    first = make_account(session_factory, "first")
    second = make_account(session_factory, "second")
    ingest_pages(session_factory, first, page(record("u1")))
    ingest_pages(session_factory, second, page(record("b1", minute=1, parent="u1", brand=True)))
    assert reply_state(session_factory, first) == {"u1": None}


# The property: any order, any split into pages and any later deletions or restorations give the state that
# the definition gives for the final comments (a plain model below), which is also the state of ingesting them at once.


def defined_reply_state(records, flat):
    """The definition, applied naively: the earliest answering brand comment below, or later in a flat thread."""
    children = {}
    for r in records:
        children.setdefault(r.parent_id, []).append(r)

    def below(r):
        found, stack, seen = [], list(children.get(r.external_id, [])), set()
        while stack:
            node = stack.pop()
            if node.external_id not in seen:
                seen.add(node.external_id)
                found.append(node)
                stack.extend(children.get(node.external_id, []))
        return found

    def thread(r):
        return r.thread_id or (r.parent_id or r.external_id if flat else None)

    state = {}
    for user in (r for r in records if not r.is_brand):
        candidates = below(user)
        if flat:
            candidates += [r for r in records if thread(r) == thread(user) and r.created_at > user.created_at]
        answers = [r for r in candidates if r.is_brand and not r.deleted]
        best = min(answers, key=lambda r: (r.created_at, r.external_id), default=None)
        state[user.external_id] = best.external_id if best else None
    return state


_examples = itertools.count()


@st.composite
def threads(draw):
    count = draw(st.integers(min_value=1, max_value=24))
    records = []
    for index in range(count):
        parent = draw(st.one_of(st.none(), st.integers(0, index - 1))) if index else None
        brand = draw(st.booleans())
        deleted = draw(st.integers(0, 9)) == 0
        records.append(
            record(
                f"c{index}",
                minute=draw(st.integers(0, count)),  # equal times and replies older than their parent too
                parent=f"c{parent}" if parent is not None else None,
                brand=brand,
                author=None if brand else f"user-{draw(st.integers(0, 3))}",
                deleted=deleted,
                thread_id=None,
            )
        )
    order = draw(st.permutations(records))
    cuts = sorted(draw(st.lists(st.integers(0, count), max_size=5)))
    toggled = draw(st.sets(st.integers(0, count - 1), max_size=4))
    flat = draw(st.booleans())
    return records, order, cuts, toggled, flat


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=threads())
def test_any_order_page_split_and_later_deletion_gives_the_defined_reply_state(session_factory, case):
    records, order, cuts, toggled, flat = case
    run = next(_examples)  # hypothesis replays examples: each gets accounts of its own
    if flat:  # flat platforms report the thread root: the first comment of each chain
        roots = {}
        for r in records:
            roots[r.external_id] = roots.get(r.parent_id, r.external_id) if r.parent_id else r.external_id
        records = [replace(r, thread_id=roots[r.external_id]) for r in records]
        by_id = {r.external_id: r for r in records}
        order = [by_id[r.external_id] for r in order]
    changed = [replace(records[i], deleted=not records[i].deleted) for i in sorted(toggled)]
    final = {r.external_id: r for r in [*records, *changed]}
    at_once = make_account(session_factory, f"once-{run}")
    pieces = make_account(session_factory, f"pieces-{run}")
    ingest_pages(session_factory, at_once, page(*final.values()), flat=flat)
    bounds = [0, *cuts, len(order)]
    pages = [page(*order[a:b]) for a, b in zip(bounds, bounds[1:])]
    ingest_pages(session_factory, pieces, *pages, page(*changed), flat=flat)
    expected = defined_reply_state(list(final.values()), flat)
    assert reply_state(session_factory, at_once) == expected
    assert reply_state(session_factory, pieces) == expected
