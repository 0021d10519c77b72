"""Migrations build the models' schema exactly, on empty SQLite and PostgreSQL databases, and tear it down."""

from __future__ import annotations

from datetime import timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select, text

from bot.db import downgrade, make_engine, session_factory, upgrade
from bot.db.models import Account, AuditGap, Base, SyncState
from bot.engine.ingest import ingest
from tests.conftest import new_postgres_database
from tests.support.records import T0, make_account, page, record


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_engine(request, tmp_path):
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")
        yield engine
        engine.dispose()
    else:
        url, drop = new_postgres_database()
        engine = make_engine(url)
        yield engine
        engine.dispose()
        drop()


def test_upgrade_matches_the_models_and_downgrade_removes_everything(empty_engine):
    upgrade(empty_engine)
    with empty_engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    downgrade(empty_engine, "base")
    assert set(inspect(empty_engine).get_table_names()) <= {"alembic_version"}
    upgrade(empty_engine)
    assert {"comments", "nudges", "accounts"} <= set(inspect(empty_engine).get_table_names())


def test_0006_gives_accounts_polled_before_their_newest_user_comment(empty_engine):
    upgrade(empty_engine)
    factory = session_factory(empty_engine)
    account_id = make_account(factory)
    with factory.begin() as session:
        ingest(session, account_id, page(record("old", minute=-90), record("new", minute=-5),
                                         record("ours", minute=-1, brand=True, parent="new"), cursor={}), now=T0)
    downgrade(empty_engine, "0005")
    upgrade(empty_engine)
    with factory() as session:
        assert session.scalar(select(SyncState.newest_comment_at)) == T0 - timedelta(minutes=5)


def test_0007_counts_accounts_failing_at_the_upgrade_as_failing_since_their_last_error(empty_engine):
    upgrade(empty_engine)
    factory = session_factory(empty_engine)
    failing, fine = make_account(factory, "failing"), make_account(factory, "fine")
    with factory.begin() as session:
        session.get(SyncState, failing).error_kind, session.get(SyncState, failing).error_at = "temporary", T0
    downgrade(empty_engine, "0006")
    upgrade(empty_engine)
    with factory() as session:
        assert session.get(SyncState, failing).failing_since == T0
        assert session.get(SyncState, fine).failing_since is None


def test_0013_marks_the_demos_accounts_made_before_it_and_no_team_account_on_its_channel(empty_engine):
    upgrade(empty_engine, "0012")
    with empty_engine.begin() as connection:
        for name, platform in (("acme-blog", "replay"), ("acme-video", "replay"), ("mugs", "replay"),
                               ("blog", "wordpress")):
            connection.execute(text("INSERT INTO accounts (name, platform, channel, created_at) "
                                    "VALUES (:name, :platform, '#social-demo', :now)"),
                               {"name": name, "platform": platform, "now": T0})
    upgrade(empty_engine)
    with session_factory(empty_engine)() as session:
        assert set(session.scalars(select(Account.name).where(Account.demo))) == {"acme-blog", "acme-video"}


def test_0014_gives_open_gaps_their_last_re_read_as_checked_at(empty_engine):
    upgrade(empty_engine, "0013")
    account_id = make_account(session_factory(empty_engine))
    with empty_engine.begin() as connection:
        connection.execute(text("INSERT INTO audit_gaps (account_id, post_external_id, counted, stored, opened_at) "
                                "VALUES (:account, '', 3, 2, :at)"), {"account": account_id, "at": T0})
    upgrade(empty_engine)
    with session_factory(empty_engine)() as session:
        gap = session.scalar(select(AuditGap))
        assert (gap.opened_at, gap.checked_at) == (T0, T0)
