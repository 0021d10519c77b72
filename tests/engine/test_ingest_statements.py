"""Ingest sends the same statement texts whatever a page holds, on SQLite and PostgreSQL: the drivers keep the
statements they prepared (SQLite's up to 128 per connection), so a text for each number of new authors or posts
made a long backfill's memory grow with the page shapes it met (benchmarks/README.md, "Ingest")."""

from __future__ import annotations

from sqlalchemy import event, select

from bot.db.models import Author, Comment, Post
from bot.engine.ingest import ingest
from tests.support.records import T0, make_account, page, record


def test_pages_of_any_number_of_new_authors_and_posts_send_the_same_statements(session_factory):
    account = make_account(session_factory)
    engine = session_factory.kw["bind"]
    sent: set[str] = set()

    def note(conn, cursor, statement, parameters, context, executemany):
        sent.add(statement)

    def ingest_new(count: int, first: int) -> None:  # each comment by a new author, under a new post
        ids = range(first, first + count)
        with session_factory.begin() as session:
            ingest(session, account, page(*(record(f"c{n}", minute=n, post=f"p{n}") for n in ids), cursor={}), now=T0)

    event.listen(engine, "before_cursor_execute", note)
    try:
        ingest_new(1, 0)
        ingest_new(2, 1)
        known = set(sent)
        first = 3
        for count in range(3, 12):
            ingest_new(count, first)
            first += count
    finally:
        event.remove(engine, "before_cursor_execute", note)

    assert sent - known == set()
    with session_factory() as session:
        stored = session.execute(
            select(Comment.external_id, Author.external_id, Post.external_id)
            .join(Author, Author.id == Comment.author_id).join(Post, Post.id == Comment.post_id)
        ).all()
    assert sorted(stored) == sorted((f"c{n}", f"user-c{n}", f"p{n}") for n in range(first))
