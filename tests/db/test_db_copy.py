"""`replynudge db copy --from URL`: moving from SQLite carries every row over, ids kept, and nudges nothing twice."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from bot.cli import main
from bot.db import make_engine
from bot.db.models import Base

NOW = datetime.now(timezone.utc)


def line(external_id: str, minutes_ago: int, **fields) -> str:
    item = {"id": external_id, "post": "p1", "author": "Priya", "author_id": "u1",
            "text": f"Does the {external_id} kettle fit an induction hob?",
            "created_at": (NOW - timedelta(minutes=minutes_ago)).isoformat(), **fields}
    return json.dumps(item) + "\n"


def rows(url: str) -> dict[str, list[dict]]:
    engine = make_engine(url)
    with engine.connect() as connection:
        tables = {
            table.name: [dict(row) for row in connection.execute(
                select(table).order_by(*table.primary_key.columns)).mappings()]
            for table in Base.metadata.sorted_tables
        }
    engine.dispose()
    return tables


def test_moving_from_sqlite_keeps_every_row_and_nudges_nothing_twice(workdir, database_url, capsys, monkeypatch):
    sqlite_url = f"sqlite:///{workdir / 'old.db'}"
    comments = workdir / "comments.jsonl"
    comments.write_text(line("c1", 90) + line("c2", 80) + line("c3", 70)
                        + line("r1", 60, parent="c1", author="Acme", author_id="brand", brand=True, text="Yes!"))
    (workdir / "replynudge.toml").write_text('[defaults]\nnudge_after = "0s"\nmin_score = 0\n'
                                            '[[accounts]]\nname = "blog"\nplatform = "replay"\npath = "comments.jsonl"\n')
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    assert main(["poll", "--once"]) == 0
    assert capsys.readouterr().out.count("── #") == 2  # c2 and c3; c1 was answered (by a comment with a later id)

    monkeypatch.setenv("DATABASE_URL", database_url)
    assert main(["db", "copy", "--from", sqlite_url]) == 0
    copied = "copied 1 accounts, 0 audit_log, 0 digests, 0 audit_gaps, 2 authors, 1 posts, 1 sync_states, 4 comments, 2 nudges into "
    assert copied in capsys.readouterr().out
    before, after = rows(sqlite_url), rows(database_url)
    assert after["comments"][0]["answered_by_id"] == after["comments"][3]["id"]
    before["sync_states"][0]["lease_owner"] = before["sync_states"][0]["lease_until"] = None
    assert after == before

    with comments.open("a") as handle:
        handle.write(line("c4", 1))
    assert main(["poll", "--once"]) == 0  # new ids follow the copied ones; only the new comment is nudged
    printed = capsys.readouterr().out
    assert printed.count("── #") == 1 and "c4 kettle" in printed
    assert rows(database_url)["comments"][-1]["id"] == after["comments"][-1]["id"] + 1

    assert main(["db", "copy", "--from", sqlite_url]) == 2
    assert capsys.readouterr().err.strip() == (
        "replynudge: error: environment: DATABASE_URL: table accounts already holds rows; copy into an empty database"
    )


def test_a_bad_source_names_the_option(workdir, database_url, capsys, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    assert main(["db", "copy", "--from", "not a url"]) == 2
    assert capsys.readouterr().err.strip() == "replynudge: error: db copy --from: 'not a url' is not a database URL"
    assert main(["db", "copy", "--from", "postgresql+psycopg://postgres@127.0.0.1:1/gone"]) == 2
    assert capsys.readouterr().err.startswith("replynudge: error: db copy --from: cannot reach the database (")
    assert main(["db", "copy", "--from", database_url]) == 2
    assert capsys.readouterr().err.strip() == "replynudge: error: db copy --from: the same database as DATABASE_URL"
