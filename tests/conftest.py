"""Shared fixtures: every database test runs on SQLite and on PostgreSQL, each test on a fresh migrated database.

PostgreSQL comes from TEST_DATABASE_URL (default: the local server, database `test`); each test gets its own
database cloned from a template migrated once per session. `make test` starts the server or fails with a message:
these tests are never skipped.
"""

from __future__ import annotations

import os
import shutil
import uuid
from datetime import datetime, timezone
from pathlib import Path

import psycopg
import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy.engine import make_url

from bot.db import make_engine, session_factory as make_session_factory, upgrade

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def pytest_report_header() -> str:
    """Says which clock the run uses: the real one, or the moment tests/timeshift moved Python's clock to."""
    moment = os.environ.get("TEST_CLOCK")
    if moment:
        return f"clock: moved to {moment} (started there and ticking; now {datetime.now(timezone.utc).isoformat()})"
    return f"clock: real ({datetime.now(timezone.utc).isoformat()})"


def _admin_connection():
    url = make_url(TEST_DATABASE_URL)
    try:
        return psycopg.connect(
            host=url.host or "127.0.0.1",
            port=url.port or 5432,
            user=url.username or "postgres",
            password=url.password,
            dbname=url.database or "postgres",
            autocommit=True,
            connect_timeout=5,
        )
    except psycopg.OperationalError as error:
        pytest.fail(
            f"PostgreSQL at {url.render_as_string(hide_password=True)} does not answer ({error}). "
            "Run `make test`, which starts the local server, or set TEST_DATABASE_URL.",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def _postgres_template():
    name = f"rn_tpl_{os.getpid()}"
    with _admin_connection() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    url = make_url(TEST_DATABASE_URL).set(database=name)
    engine = make_engine(url.render_as_string(hide_password=False))
    upgrade(engine)
    engine.dispose()
    yield name
    with _admin_connection() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("sqlite-template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


def new_postgres_database(template: str | None = None) -> tuple[str, callable]:
    """A fresh PostgreSQL database (empty, or cloned from a template); returns its URL and a function to drop it."""
    name = f"rn_{uuid.uuid4().hex[:16]}"
    with _admin_connection() as admin:
        admin.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        # Throwaway databases need no fsync per commit; atomicity and isolation are unchanged.
        admin.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')

    def drop() -> None:
        with _admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return make_url(TEST_DATABASE_URL).set(database=name).render_as_string(hide_password=False), drop


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    """The URL of a fresh database migrated to head, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "replynudge.db"
        shutil.copy(request.getfixturevalue("_sqlite_template"), path)
        yield f"sqlite:///{path}"
    else:
        url, drop = new_postgres_database(request.getfixturevalue("_postgres_template"))
        yield url
        drop()


@pytest.fixture
def engine(database_url):
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session_factory(engine):
    return make_session_factory(engine)


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    """A clean working folder with no stray REPLYNUDGE_*/SLACK_* settings from the developer's shell, and the status
    pages of a service started there on a free port (HEALTH_PORT=0), not the default one other runs may hold."""
    for key in list(os.environ):
        if key.startswith(("SLACK_", "REPLYNUDGE_", "LLM_")) or key in ("DATABASE_URL", "PORT", "LOG_FORMAT", "HEALTH_HOST"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("HEALTH_PORT", "0")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def slack_api():
    """A local stand-in for Slack's Web API on a free port, recording every call (tests/support/slack_api.py). Every
    message, modal and Home tab sent to it during the test must keep within Block Kit's limits."""
    from tests.support.slack_api import SlackAPI

    api = SlackAPI()
    yield api
    api.close()
    assert not api.violations, f"payloads past Block Kit's limits: {api.violations}"


@pytest.fixture
def slack_world(tmp_path, session_factory, slack_api):
    """A replay account on a fresh database (SQLite and PostgreSQL) wired to the stand-in Slack API."""
    from tests.support.slack_world import make_world

    return make_world(tmp_path, session_factory, slack_api)


@pytest.fixture(autouse=True)
def fresh_credentials(monkeypatch):
    """Each test starts with an empty process-wide credential cache (bot/sources/tokens.py), as a new process does:
    the local platform servers share one port across tests, so a session or token kept from an earlier test's
    server would otherwise be offered to this test's, which never issued it."""
    from bot.sources import tokens

    monkeypatch.setattr(tokens, "_kept", {})


@pytest.fixture
def threaded_server():
    """A local HTTP server that answers while another request's handler sleeps (timeouts)."""
    server = HTTPServer(threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()
