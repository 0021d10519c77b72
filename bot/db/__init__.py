"""Database access: engines for SQLite and PostgreSQL, sessions, and Alembic migrations."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from bot.config import ConfigError

SessionFactory = sessionmaker[Session]
log = logging.getLogger(__name__)


DATABASE_URL = "environment: DATABASE_URL"  # where a database URL comes from, for error messages


def redact(url: str) -> str:
    """A database URL fit to print: its password (and anything else between `:` and `@`) replaced by ***."""
    return re.sub(r"(://[^/@:]*:)[^/@]*@", r"\1***@", url)


def make_engine(url: str, where: str = DATABASE_URL) -> Engine:
    """An engine for any SQLAlchemy URL; `postgresql://` means psycopg 3, SQLite gets WAL, a busy timeout and
    transactions that take the write lock when they begin, and its file is readable by its owner only: created so,
    and made so on connecting when it was not (SQLite gives its WAL and shared-memory files the same mode)."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        raise ConfigError(f"{where}: {redact(url)!r} is not a database URL") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:" and not parsed.database.startswith("file:"):
            _create_private(Path(parsed.database))
        engine = create_engine(parsed, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except Exception as error:  # an unknown dialect or a missing driver
        raise ConfigError(f"{where}: {error}") from None


def sqlite_file_missing(url: str) -> Path | None:
    """The file of a SQLite URL when it is not there (connecting would create it), else None: a command that only
    reads asks first, so that it creates no database."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):  # make_engine says what is wrong with the URL
        return None
    database = parsed.database if parsed.get_backend_name() == "sqlite" else None
    if not database or database == ":memory:" or database.startswith("file:") or Path(database).exists():
        return None
    return Path(database)


def _create_private(path: Path) -> None:
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except OSError:  # there already, or its folder is missing: SQLite says so when it connects
        pass


def _make_private(dbapi_connection) -> None:
    """Make the database file (and a WAL or shared-memory file left from before) its owner's alone, before this
    connection creates its WAL and shared-memory files: SQLite gives them the database file's mode. A file made by
    an older version, a restore or `sqlite3` (the umask's 0644) would otherwise let any local user read them."""
    for _, name, path in dbapi_connection.execute("PRAGMA database_list").fetchall():
        if name != "main" or not path:  # an in-memory database
            return
        for each in (path, f"{path}-wal", f"{path}-shm"):
            try:
                if os.stat(each).st_mode & 0o077:
                    os.chmod(each, 0o600)
                    log.warning("made %s readable by its owner only (it was readable by others)", each)
            except FileNotFoundError:
                pass
            except OSError as error:  # another user's file: say so, the database still works
                log.warning("could not make %s private: %s", each, error)


SQLITE_CACHE_KIB = 32 * 1024
# WAL pages between checkpoints (SQLite's default is 1,000). A page of comments dirties index pages all over the
# comments' indexes, so checkpointing every 1,000 WAL pages wrote the same index pages back into the file after
# nearly every commit. With synchronous=NORMAL, SQLite syncs the WAL only at a checkpoint: a commit survives a
# crash of the process whatever this number, and a power cut may take back the commits since the last checkpoint
# whatever it is (on a quiet service, 1,000 pages span hours of polls); this number bounds that window in
# pages, not in time. Each page is stored with its cursor in one transaction, so a commit taken back is fetched
# again (docs/operations.md, "SQLite and power cuts").
SQLITE_CHECKPOINT_PAGES = 10_000


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # SQLAlchemy's recipe for pysqlite: the driver would begin a transaction only at the first write, so reads
    # before it saw another snapshot; it begins none itself now, `_sqlite_begin` does.
    dbapi_connection.isolation_level = None
    _make_private(dbapi_connection)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA wal_autocheckpoint={SQLITE_CHECKPOINT_PAGES}")
    cursor.execute("PRAGMA foreign_keys=ON")
    # The default 2 MB page cache holds the comments' indexes of a few ten thousand comments; past that every
    # insert reads index pages back from the file and a page's commit writes many more of them.
    cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    cursor.close()


def _sqlite_begin(connection) -> None:
    """Every transaction takes SQLite's one write lock at BEGIN (waiting up to the busy timeout for it): writers
    take turns whole, each seeing all that the one before committed, as PostgreSQL's row locks make them do for
    one account (engine/leases.py `lock_account`). A deferred BEGIN would fail at its first write instead
    whenever another writer committed since its first read. A session that only reads waits too, for a writer's
    commit (a page of comments at most): with one machine, SQLite's use, that costs little."""
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def session_factory(engine: Engine) -> SessionFactory:
    return sessionmaker(engine, expire_on_commit=False)


def check_connection(engine: Engine, where: str = DATABASE_URL) -> None:
    """Raise ConfigError with one line when the database does not answer."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except (OperationalError, ProgrammingError) as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise ConfigError(f"{where}: cannot reach the database ({reason})") from None


def migrations_dir() -> Path:
    """`bot/migrations` in an installed wheel, `migrations/` beside `bot/` in a checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "migrations", package.parent / "migrations"):
        if (candidate / "env.py").exists():
            return candidate
    raise RuntimeError("the migrations folder is missing from this installation")


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    check_connection(engine)
    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    command.downgrade(alembic_config(engine), revision)
