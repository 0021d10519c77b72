"""How well the engagement score picks the comments that deserve a nudge, and how good the offline suggestions are,
over the labelled set in benchmarks/data/comments.jsonl (how it was made: benchmarks/data/README.md).

    .venv/bin/python benchmarks/suggestions.py [--min-score 30] [--show] [--llm]

With --llm the suggestions come from the LLM set in LLM_BASE_URL / LLM_MODEL / LLM_API_KEY (one request per
comment that deserves a nudge), and the figures add how many it wrote itself (the rest fell back to the offline
questions, with the reasons) and its median time per comment.

Targets: F1 >= 0.9 for "deserves a nudge"; on the comments that deserve one, 100% questions, >= 80% on topic,
100% distinct. Suggestions are judged on the comments labelled as deserving a nudge: those are the ones a team sees.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.config import DEFAULT_MIN_SCORE, ConfigError, load_llm_settings  # noqa: E402
from bot.engine.comment_text import plain_text, read_comment  # noqa: E402
from bot.engine.score import ScoreContext, score_comment  # noqa: E402
from bot.suggest import suggest_questions  # noqa: E402
from bot.suggest.checks import InvalidSuggestions, checked_questions  # noqa: E402
from bot.suggest.llm import LlmProvider  # noqa: E402
from bot.suggest.offline import TEMPLATES  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "comments.jsonl"
_WORD = re.compile(r"[^\W\d_]{4,}")
# A suggestion is on topic when it shares a word of four letters or more with the comment that no template has,
# so a template's own wording ("order", "problem") never counts as naming the comment's topic.
_TEMPLATE_WORDS = {w.lower() for intents in TEMPLATES.values() for vs in intents for v in vs for w in _WORD.findall(v)}
_EMPATHY = re.compile(r"\b(sorry|apolog\w*)\b", re.I)
_FIX = re.compile(r"\b(fix|right|sort(ed)?|steps|order number|went wrong|what happened)\b", re.I)
_PRAISE_OPENER = re.compile(r"\b(thank you|thanks so much|enjoy most)\b", re.I)


def load() -> list[dict]:
    with DATA.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def on_topic(question: str, comment: str) -> bool:
    comment_words = {w.lower() for w in _WORD.findall(plain_text(comment))} - _TEMPLATE_WORDS
    return any(w.lower() in comment_words for w in _WORD.findall(question))


def fits_complaint(questions: list[str]) -> bool:
    """Empathy, a question that helps fix it, and no thanks-for-the-praise."""
    text = " ".join(questions)
    return bool(_EMPATHY.search(text) and _FIX.search(text) and not _PRAISE_OPENER.search(text))


class Fallbacks(logging.Handler):
    """Counts the LLM's failures by reason, from the warning suggest_questions logs for each."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.reasons: Counter[str] = Counter()

    def emit(self, record: logging.LogRecord) -> None:
        self.reasons[re.sub(r"\d+(\.\d+)?s\b", "Ns", str(record.args[0] if record.args else record.msg))[:80]] += 1


def evaluate(rows: list[dict], min_score: int, show: bool, llm: LlmProvider | None = None) -> dict[str, float]:
    tp = fp = fn = 0
    missed, extra = Counter(), Counter()
    questions = topical = distinct_sets = valid_sets = complaints = fitting = tone_right = 0
    deserving = [r for r in rows if r["deserves_nudge"]]
    fallbacks, seconds = Fallbacks(), []
    logging.getLogger("bot.suggest").addHandler(fallbacks)
    for row in rows:
        score = score_comment(row["text"], ScoreContext(**row.get("context", {})))
        predicted = score.value >= min_score
        tp += predicted and row["deserves_nudge"]
        fp += predicted and not row["deserves_nudge"]
        fn += row["deserves_nudge"] and not predicted
        if predicted != row["deserves_nudge"]:
            (extra if predicted else missed)[row["kind"]] += 1
            if show:
                print(f"{'FP' if predicted else 'FN'} {score.value:>3} {list(score.reasons)} {row['text'][:90]!r}")
    for row in deserving:
        started = time.perf_counter()
        suggestions = suggest_questions(row["text"], author="Sam", llm=llm)
        seconds.append(time.perf_counter() - started)
        questions += sum(q.endswith("?") for q in suggestions)
        topical += sum(on_topic(q, row["text"]) for q in suggestions)
        distinct_sets += len({q.lower() for q in suggestions}) == len(suggestions)
        try:
            checked_questions(suggestions)
            valid_sets += 1
        except InvalidSuggestions:
            pass
        tone_right += read_comment(row["text"]).tone == row["tone"]
        if row["tone"] == "complaint":
            complaints += 1
            fitting += fits_complaint(suggestions)
        if show:
            print(f"[{row['tone']}/{read_comment(row['text']).tone}] {row['text'][:80]!r}")
            for q in suggestions:
                print(f"    {'+' if on_topic(q, row['text']) else '-'} {q}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    n = len(deserving)
    figures = {
        "comments": len(rows),
        "deserve a nudge (labels)": n,
        "precision": precision,
        "recall": recall,
        "F1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "suggestions that are questions": questions / (3 * n),
        "suggestions on topic": topical / (3 * n),
        "comments with 3 distinct suggestions": distinct_sets / n,
        "comments whose suggestions pass every check": valid_sets / n,
        "complaints answered with empathy and a fix": fitting / complaints if complaints else 0.0,
        "tone read as labelled": tone_right / n,
    }
    if llm is not None:
        figures["suggestions written by the LLM"] = 1 - sum(fallbacks.reasons.values()) / n
        figures["median seconds per comment"] = f"{statistics.median(seconds):.2f}"
        figures["fell back to offline, by reason"] = dict(fallbacks.reasons)
    logging.getLogger("bot.suggest").removeHandler(fallbacks)
    figures["missed, by kind"] = dict(missed)
    figures["nudged wrongly, by kind"] = dict(extra)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-score", type=int, default=DEFAULT_MIN_SCORE)
    parser.add_argument("--show", action="store_true", help="print every miss and every comment's suggestions")
    parser.add_argument("--llm", action="store_true", help="suggestions from the LLM in LLM_BASE_URL, LLM_MODEL")
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
    figures = evaluate(load(), args.min_score, args.show, llm)
    print(f"labelled set: {DATA.relative_to(Path.cwd()) if DATA.is_relative_to(Path.cwd()) else DATA}")
    print(f"min_score: {args.min_score}")
    for name, value in figures.items():
        if isinstance(value, float):
            shown = f"{value:7.3f}" if name in ("precision", "recall", "F1") else f"{value:7.1%}"
            print(f"{name:<48} {shown}")
        else:
            print(f"{name:<48} {value}")


if __name__ == "__main__":
    main()
