"""Shared set-up for benchmarks: throwaway databases on SQLite and PostgreSQL, synthetic comment streams."""

from __future__ import annotations

import contextlib
import os
import random
import tempfile
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Iterator

import psycopg
from sqlalchemy import text
from sqlalchemy.engine import Engine, make_url

from bot.config_file import parse_accounts
from bot.db import SessionFactory, make_engine, session_factory, upgrade
from bot.engine.poller import sync_accounts
from bot.sources.base import CommentRecord

POSTGRES_URL = os.environ.get("TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)


@contextlib.contextmanager
def fresh_database(kind: str) -> Iterator[Engine]:
    """A new, migrated database that is removed afterwards."""
    if kind == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            engine = make_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
            upgrade(engine)
            yield engine
            engine.dispose()
        return
    url = make_url(POSTGRES_URL)
    name = f"rn_bench_{uuid.uuid4().hex[:10]}"
    admin = dict(host=url.host, port=url.port or 5432, user=url.username, password=url.password,
                 dbname=url.database, autocommit=True)
    with psycopg.connect(**admin) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    engine = make_engine(url.set(database=name).render_as_string(hide_password=False))
    try:
        upgrade(engine)
        yield engine
    finally:
        engine.dispose()
        with psycopg.connect(**admin) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def filled_database(kind: str, fill: Callable[[SessionFactory], None], rows: int) -> Iterator[SessionFactory]:
    """A fresh database filled by `fill` and analyzed as autovacuum would; says how long the filling took and how
    loaded the machine is as the timing starts."""
    with fresh_database(kind) as engine:
        factory = session_factory(engine)
        started = time.perf_counter()
        fill(factory)
        StandInAutovacuum(engine).grown(rows)
        print(f"{kind:<11} (filled in {time.perf_counter() - started:.0f} s; machine load "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores as the timing starts)")
        yield factory


class StandInAutovacuum:
    """VACUUM and ANALYZE as PostgreSQL's autovacuum would, when the server runs without it (the local test server
    does).

    Autovacuum analyzes a table once it has grown by 10% (plus 50 rows) since the last time, and vacuums it once it
    has grown by 20% (plus 1,000 rows; insert-driven vacuum, PostgreSQL 13 and later), in the background. Without
    statistics the planner misjudges lookups on a growing table; without a vacuum the visibility map stays empty and
    every index-only scan reads the table's rows too. Call `grown` outside the timed work.
    """

    def __init__(self, engine: Engine):
        self.engine, self.analyzed_at, self.vacuumed_at, self.active = engine, 0, 0, False
        if engine.dialect.name == "postgresql":
            with engine.connect() as connection:
                self.active = connection.execute(text("SHOW autovacuum")).scalar() == "off"

    def grown(self, rows: int) -> None:
        if not self.active:
            return
        if rows - self.vacuumed_at > 1000 + 0.2 * self.vacuumed_at:
            with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                connection.execute(text("VACUUM ANALYZE"))
            self.vacuumed_at = self.analyzed_at = rows
        elif rows - self.analyzed_at > 50 + 0.1 * self.analyzed_at:
            with self.engine.begin() as connection:
                connection.execute(text("ANALYZE"))
            self.analyzed_at = rows

    @contextlib.contextmanager
    def in_background(self, every: float = 1.0) -> Iterator[None]:
        """The analyzing from a thread, for work that runs on its own (a whole poll): every `every` seconds, ANALYZE
        when a table has changed by 10% plus 50 rows since it was last analyzed, as autovacuum decides."""
        if not self.active:
            yield
            return
        stop = threading.Event()

        def watch() -> None:
            while not stop.wait(every):
                with self.engine.begin() as connection:
                    if connection.execute(DUE_FOR_ANALYZE).scalar():
                        connection.execute(text("ANALYZE"))

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        try:
            yield
        finally:
            stop.set()
            watcher.join()


DUE_FOR_ANALYZE = text(
    "SELECT bool_or(s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0))"
    " FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid"
)


def make_accounts(factory: SessionFactory, names: list[str], **settings) -> dict[str, int]:
    """Replay accounts as a config file would declare them; name -> account id."""
    accounts = parse_accounts({"accounts": [{"name": n, "platform": "replay", **settings} for n in names]}, "bench", {})
    with factory.begin() as session:
        return sync_accounts(session, accounts)


def synthetic_comments(count: int, *, seed: int = 7, posts: int | None = None) -> Iterator[CommentRecord]:
    """A brand account's history: threads, replies, brand answers, returning users, in time order."""
    rng = random.Random(seed)
    posts = posts or max(1, count // 200)
    authors = max(10, count // 8)
    recent: list[str] = []
    for index in range(count):
        parent = rng.choice(recent) if recent and rng.random() < 0.35 else None
        brand = parent is not None and rng.random() < 0.3
        author = "brand" if brand else f"user{rng.randrange(authors)}"
        external_id = f"c{index}"
        recent.append(external_id)
        if len(recent) > 300:
            recent.pop(0)
        yield CommentRecord(
            external_id=external_id,
            post_id=f"p{index * posts // count}",
            author_id=author,
            author_name=author.title(),
            text=rng.choice(
                [
                    "How long should I steep this for a less bitter cup?",
                    "Love the new blend, it is my morning favourite now.",
                    "My order arrived broken and nobody answered my email.",
                    "Thanks! That worked perfectly.",
                    "Do you ship to Portugal?",
                ]
            ),
            created_at=T0 + timedelta(seconds=index * 30),
            is_brand=brand,
            parent_id=parent,
            url=f"https://example.com/c/{index}",
        )
