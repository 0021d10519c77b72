"""Where a blind rating's "bad" marks come from: comments whose situation the generator misread (its reading differs
from the label), those among them whose complaint tone it misread (a problem read as something else, or the
reverse), and comments it read right, where the wording or the choice of question was at fault.

    .venv/bin/python benchmarks/rating_causes.py --tree CHECKOUT --data SET.jsonl RATINGS.jsonl [RATINGS.jsonl ...]

--tree: a checkout of the commit the packet was rated at (git worktree add /tmp/at 6ace144), whose
bot/engine/situation.py reads the comments as it did then. --notes prints the rater's note on every comment with a
bad mark, with the label and the reading.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

KINDS = ("read right", "situation misread", "complaint tone misread")
MARKS = ("send", "edit", "bad")


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, required=True, help="a checkout of the rated commit")
    parser.add_argument("--data", type=Path, required=True, help="the labelled set the packet was written from")
    parser.add_argument("--notes", action="store_true", help="print the notes on comments with a bad mark")
    parser.add_argument("ratings", type=Path, nargs="+")
    args = parser.parse_args()
    sys.path.insert(0, str(args.tree.resolve()))
    from bot.engine.comment_text import read_comment
    from bot.engine.situation import Thread, read_situation

    rows = {row["id"]: row for row in load(args.data)}
    for path in args.ratings:
        counts: Counter = Counter()
        for line in load(path):
            row = rows[line["id"]]
            parent = row.get("reply_to")
            thread = Thread(parent["text"], parent["by"] == "brand") if parent else Thread()
            read = read_situation(read_comment(row["text"]), thread).situation
            complaint = row["situation"] == "problem" or row["tone"] == "complaint"
            kind = KINDS[0] if read == row["situation"] else KINDS[2] if (read == "problem") != complaint else KINDS[1]
            counts[kind, "comments"] += 1
            counts.update((kind, mark) for mark in line["ratings"])
            if args.notes and "bad" in line["ratings"]:
                print(f"  {kind}: {row['situation']} read {read}: {line['note']}")
        bad = sum(counts[kind, "bad"] for kind in KINDS)
        print(f"{path.name}: {bad} bad marks")
        for kind in KINDS:
            marks = "  ".join(f"{mark} {counts[kind, mark]}" for mark in MARKS)
            print(f"  {kind:<24} {counts[kind, 'comments']:>3} comments  {marks}  "
                  f"({counts[kind, 'bad'] / bad:.0%} of the bad)")


if __name__ == "__main__":
    main()
