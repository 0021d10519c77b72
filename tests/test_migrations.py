"""Migrations build the models' schema exactly, on empty SQLite and PostgreSQL databases, and tear it down."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from bot.db import downgrade, make_engine, upgrade
from bot.db.models import Base
from tests.conftest import new_postgres_database


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
