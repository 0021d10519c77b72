"""Whether a change to the ingest path stores the same rows: one replay polled by `replynudge poll --once` with the
code of this checkout and of another, each into a fresh SQLite database, then compared comment by comment: every
column that ingest, reply state and scoring write (the answer by the answering comment's external id, ids being each
database's own), all but the time of storing.

    .venv/bin/python benchmarks/replay_rows.py OTHER_CHECKOUT [--replay 50000]

Prints how many comments were scored and answered, the differing values per column with a few of them, and exits 1
when any differ.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.ingest import CHECKOUT, poll_once, write_history  # noqa: E402

COLUMNS = {
    "post": "p.external_id", "author": "a.external_id", "parent": "c.parent_external_id",
    "thread": "c.thread_external_id", "is_brand": "c.is_brand", "text": "c.text", "url": "c.url",
    "created_at": "c.created_at", "updated_at": "c.updated_at", "deleted": "c.deleted", "held": "c.held",
    "private": "c.private", "fingerprint": "c.fingerprint", "extra": "c.extra", "answered_at": "c.answered_at",
    "answered_by": "b.external_id", "score": "c.score", "reasons": "c.reasons",
}
QUERY = (
    f"SELECT c.external_id, {', '.join(COLUMNS.values())} FROM comments c JOIN posts p ON p.id = c.post_id"
    " JOIN authors a ON a.id = c.author_id LEFT JOIN comments b ON b.id = c.answered_by_id"
)


def stored(database: Path) -> dict[str, tuple]:
    with sqlite3.connect(database) as connection:
        return {external_id: values for external_id, *values in connection.execute(QUERY)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="the other checkout (its code is run, with this Python)")
    parser.add_argument("--replay", type=int, default=50_000, help="comments in the replay")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        history = folder / "history.jsonl"
        write_history(history, args.replay)
        rows = []
        for name, code in (("this", CHECKOUT), ("other", args.other.resolve())):
            (folder / name).mkdir()
            poll_once(folder / name, history, code)
            rows.append(stored(folder / name / "poll.db"))
    ours, theirs = rows
    names = list(COLUMNS)
    scored = sum(values[names.index("score")] is not None for values in ours.values())
    answered = sum(values[names.index("answered_by")] is not None for values in ours.values())
    print(f"{len(ours):,} comments stored here, {len(theirs):,} there; {scored:,} scored, {answered:,} answered here")
    differing = 0
    if missing := ours.keys() ^ theirs.keys():
        differing += len(missing)
        print(f"stored on one side only: {len(missing):,}, e.g. {sorted(missing)[:3]}")
    for index, name in enumerate(names):
        changed = [(key, ours[key][index], theirs[key][index]) for key in ours.keys() & theirs.keys()
                   if ours[key][index] != theirs[key][index]]
        if changed:
            differing += len(changed)
            print(f"{name}: {len(changed):,} differ, e.g. (comment, here, there) {sorted(changed)[:3]}")
    print(f"values that differ: {differing:,}")
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
