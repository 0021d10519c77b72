"""Alembic environment: the engine comes from `bot.db.alembic_config` or from DATABASE_URL."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import text

from bot.config import DEFAULT_DATABASE_URL
from bot.db import make_engine
from bot.db.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine") or make_engine(os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL)
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":  # replicas starting together migrate one after another
            connection.execute(text("SELECT pg_advisory_xact_lock(7297012)"))
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported: run `replynudge db upgrade` against a database")
run_migrations_online()
