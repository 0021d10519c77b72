"""How well the engagement score picks the comments that deserve a nudge, and whether the suggestions ask in the
commenter's language; with a blind rater's marks, how many suggestions a community manager would send as written.

    .venv/bin/python benchmarks/suggestions.py [--data PATH] [--min-score 30] [--show] [--llm]
        [--packet OUT.jsonl] [--ratings RATINGS.jsonl]

--data: a labelled set, one JSON object a line: {"id", "lang", "situation", "tone", "deserves_nudge", "text",
"reply_to": null | {"by": "brand" | "commenter", "text"}, "reference"} (default: the tuning set,
benchmarks/data/comments.jsonl; how it was made: benchmarks/data/README.md). reply_to is what the comment answers.
--packet: writes a blind rating packet, one line per comment that deserves a nudge: {"id", "comment",
"replying_to", "suggestions"}, nothing about situations, labels or how the suggestions were made.
--ratings: a rater's marks for that packet, lines {"id", "ratings": ["send" | "edit" | "bad", x3]}; prints the
shares of send, edit and bad, the share of comments with a sendable question, and of complaints with one.
--llm: suggestions from the LLM set in LLM_BASE_URL / LLM_MODEL / LLM_API_KEY (one request per comment).

"comments with no suggestion" is the share of comments that deserve a nudge where no question fits and the team
writes its own (the generator abstains rather than ask a generic question).

Targets (on the held-out set): deserves-a-nudge F1 >= 0.95; every question in the comment's language; rated blind,
>= 50% send, <= 10% bad, >= 90% of comments with a sendable question, every complaint with one.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.config import DEFAULT_MIN_SCORE, ConfigError, load_llm_settings  # noqa: E402
from bot.engine.language import detect_language  # noqa: E402
from bot.engine.score import ScoreContext, score_comment  # noqa: E402
from bot.engine.situation import Thread  # noqa: E402
from bot.suggest import suggest_questions  # noqa: E402
from bot.suggest.llm import LlmProvider  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "comments.jsonl"
MARKS = ("send", "edit", "bad")


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def thread(row: dict) -> Thread:
    parent = row.get("reply_to")
    return Thread(parent["text"], parent["by"] == "brand") if parent else Thread()


def context(row: dict) -> ScoreContext:
    by = (row.get("reply_to") or {}).get("by")
    history = row.get("context", {})
    return ScoreContext(**{"replies_to_brand": by == "brand", "replies_to_commenter": by == "commenter", **history})


def suggestions(row: dict, llm: LlmProvider | None = None) -> list[str]:
    return suggest_questions(row["text"], author="Sam", llm=llm, thread=thread(row))


def evaluate(rows: list[dict], min_score: int, show: bool, llm: LlmProvider | None = None) -> dict[str, object]:
    tp = fp = fn = 0
    missed, extra = Counter(), Counter()
    in_language: dict[str, list[bool]] = defaultdict(list)
    abstained, nudged = Counter(), 0
    for row in rows:
        score = score_comment(row["text"], context(row))
        predicted = score.value >= min_score
        tp += predicted and row["deserves_nudge"]
        fp += predicted and not row["deserves_nudge"]
        fn += row["deserves_nudge"] and not predicted
        if predicted != row["deserves_nudge"]:
            (extra if predicted else missed)[row["situation"]] += 1
            if show:
                print(f"{'FP' if predicted else 'FN'} {score.value:>3} {list(score.reasons)} {row['text'][:90]!r}")
    for row in rows:
        if not row["deserves_nudge"]:
            continue
        questions = suggestions(row, llm)
        nudged += 1
        abstained[row["situation"]] += not questions
        if row["lang"] in ("en", "de", "fr", "es", "it", "pt", "nl"):
            in_language[row["lang"]] += [detect_language(q).code == row["lang"] for q in questions]
        if show:
            print(f"[{row['situation']}] {row['text'][:100]!r}")
            if row.get("reply_to"):
                print(f"    (answering the {row['reply_to']['by']}: {row['reply_to']['text'][:80]!r})")
            for q in questions:
                print(f"    - {q}")
            print(f"    ref {row.get('reference')}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    figures: dict[str, object] = {
        "comments": len(rows),
        "deserve a nudge (labels)": sum(r["deserves_nudge"] for r in rows),
        "precision": precision,
        "recall": recall,
        "F1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
    }
    for code, checks in sorted(in_language.items()):
        if not checks:
            continue  # every comment in that language abstained: nothing to check
        figures[f"questions in the comment's language: {code}"] = sum(checks) / len(checks)
    figures["comments with no suggestion"] = sum(abstained.values()) / nudged if nudged else 0.0
    figures["comments with no suggestion, by situation"] = {key: n for key, n in abstained.items() if n}
    figures["missed, by situation"] = dict(missed)
    figures["nudged wrongly, by situation"] = dict(extra)
    return figures


def write_packet(rows: list[dict], path: Path, llm: LlmProvider | None = None) -> int:
    """One line per comment that deserves a nudge, with only what a blind rater may see."""
    lines = []
    for row in rows:
        if row["deserves_nudge"]:
            parent = row.get("reply_to")
            packet = {"id": row["id"], "comment": row["text"], "replying_to": parent["text"] if parent else None,
                      "suggestions": suggestions(row, llm)}
            lines.append(json.dumps(packet, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def rated(rows: list[dict], ratings: list[dict]) -> dict[str, float]:
    by_id = {row["id"]: row for row in rows}
    marks = Counter(mark for line in ratings for mark in line["ratings"])
    unknown = set(marks) - set(MARKS)
    if unknown:
        raise ValueError(f"ratings must be {', '.join(MARKS)}; found {', '.join(sorted(unknown))}")
    sendable = [line for line in ratings if "send" in line["ratings"]]
    complaints = [line for line in ratings if by_id[line["id"]]["situation"] == "problem"]
    total = sum(marks.values())
    return {
        "rated comments": len(ratings),
        **{f"rated {mark}": marks[mark] / total for mark in MARKS},
        "comments with a sendable question": len(sendable) / len(ratings),
        "complaints with a sendable question": (
            sum("send" in line["ratings"] for line in complaints) / len(complaints) if complaints else 0.0
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="a labelled set (default: the tuning set)")
    parser.add_argument("--min-score", type=int, default=DEFAULT_MIN_SCORE)
    parser.add_argument("--show", action="store_true", help="print every miss and every comment's suggestions")
    parser.add_argument("--llm", action="store_true", help="suggestions from the LLM in LLM_BASE_URL, LLM_MODEL")
    parser.add_argument("--packet", type=Path, help="write a blind rating packet here")
    parser.add_argument("--ratings", type=Path, help="a rater's marks for the packet")
    args = parser.parse_args()
    llm = None
    if args.llm:
        try:
            settings = load_llm_settings(os.environ)
        except ConfigError as error:
            sys.exit(str(error))
        if settings is None:
            sys.exit("--llm: set LLM_BASE_URL and LLM_MODEL (and LLM_API_KEY if the endpoint needs one)")
        llm = LlmProvider(settings)
        print(f"suggestions: {settings.model} at {settings.base_url}")
    rows = load(args.data)
    print(f"labelled set: {args.data}")
    print(f"min_score: {args.min_score}")
    figures = evaluate(rows, args.min_score, args.show, llm)
    if args.packet:
        figures["rating packet"] = f"{write_packet(rows, args.packet, llm)} comments written to {args.packet}"
    if args.ratings:
        figures.update(rated(rows, load(args.ratings)))
    for name, value in figures.items():
        if isinstance(value, float):
            shown = f"{value:7.3f}" if name in ("precision", "recall", "F1") else f"{value:7.1%}"
            print(f"{name:<48} {shown}")
        else:
            print(f"{name:<48} {value}")


if __name__ == "__main__":
    main()
