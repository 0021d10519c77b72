"""Concrete behaviours of the scorer and the offline suggester over the whole labelled (tuning) set.

How well they do (precision, recall, rated quality) is measured by benchmarks/suggestions.py; these tests hold
what must be true of every comment: what is never nudged says why, reasons read as words, questions outrank
reactions, and every comment gets three questions in its own language, with empathy for every problem.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.config import DEFAULT_MIN_SCORE
from bot.engine.comment_text import read_comment
from bot.engine.language import LATIN, detect_language
from bot.engine.score import ScoreContext, score_comment
from bot.engine.situation import SITUATIONS, Thread, read_situation
from bot.suggest import suggest_questions
from bot.suggest.checks import checked_questions

DATA = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "comments.jsonl"
ROWS = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
# What a comment that is never nudged must say first, by its label.
WHY_NOT = {
    "spam": ("looks like spam (", "link only"),
    "emoji": ("emoji only",),
    "link": ("link only",),
    "short": ("one word", "short reaction"),
}
READABLE = re.compile(r"(?:[a-z0-9][a-z0-9 '()-]*[a-z)]|written in [A-Z][a-z]+)")
# Every problem question says sorry, in the comment's language.
EMPATHY = re.compile(r"sorry|leid|entschuldig|désolé|excuses|siento|sentimos|lo siento|perdona|dispiace|scusa|"
                     r"sinto|sentimos|lamentamos|desculp|spijt|vervelend|excuses", re.I)


def thread(row: dict) -> Thread:
    parent = row["reply_to"]
    return Thread(parent["text"], parent["by"] == "brand") if parent else Thread()


def scored(row: dict):
    by = (row["reply_to"] or {}).get("by")
    context = {"replies_to_brand": by == "brand", "replies_to_commenter": by == "commenter", **row.get("context", {})}
    return score_comment(row["text"], ScoreContext(**context))


def label(row: dict) -> str:
    return f"{row['id']}:{row['situation']}:{row['text'][:40]}"


def test_every_row_has_the_schema_of_the_held_out_set():
    assert len(ROWS) >= 200
    assert len({row["id"] for row in ROWS}) == len(ROWS)
    for row in ROWS:
        assert row["situation"] in SITUATIONS and isinstance(row["deserves_nudge"], bool), row["id"]
        assert row["reply_to"] is None or row["reply_to"]["by"] in ("brand", "commenter"), row["id"]
    assert {row["lang"] for row in ROWS} >= set(LATIN)


@pytest.mark.parametrize("row", [r for r in ROWS if r.get("kind") in WHY_NOT], ids=label)
def test_spam_emoji_links_and_reactions_are_left_out_and_say_why(row):
    score = scored(row)
    assert score.value < DEFAULT_MIN_SCORE
    assert score.reasons[0].startswith(WHY_NOT[row["kind"]])


@pytest.mark.parametrize("row", [r for r in ROWS if r["situation"] == "fan_reply"], ids=label)
def test_fans_answering_fans_are_not_nudged(row):
    assert scored(row).value < DEFAULT_MIN_SCORE
    assert read_situation(read_comment(row["text"]), thread(row)).situation == "fan_reply"


def test_every_reason_reads_as_words():
    reasons = {reason for row in ROWS for reason in scored(row).reasons}
    assert {"asked a question", "reports a problem", "came back after our reply", "2nd comment this month"} <= reasons
    unreadable = [r for r in reasons if not (READABLE.fullmatch(r) and len(r) <= 40 and "_" not in r)]
    assert unreadable == []


def test_every_labelled_question_and_complaint_outranks_every_short_reaction():
    def scores(tone: str) -> list[int]:
        return [scored(row).value for row in ROWS if row["tone"] == tone and row["deserves_nudge"]]

    short = [scored(row).value for row in ROWS if row.get("kind") == "short"]
    assert min(scores("question")) > max(short)
    assert min(scores("complaint")) > max(short)
    assert score_comment("Do you ship to Portugal?").value > score_comment("nice").value


@pytest.mark.parametrize("row", [r for r in ROWS if r["deserves_nudge"]], ids=label)
def test_every_comment_gets_questions_in_its_own_language(row):
    questions = suggest_questions(row["text"], author="Sam Jones", thread=thread(row))
    assert not questions or checked_questions(questions) == questions  # none when no case fits
    if row["lang"] in LATIN:
        assert [detect_language(q).code for q in questions] == [row["lang"]] * len(questions)
    assert not any(mark in q for q in questions for mark in "“”{}|")  # no quoted fragment, no unfilled slot


@pytest.mark.parametrize("row", [r for r in ROWS if r["situation"] == "problem"], ids=label)
def test_every_complaint_gets_sorry_in_every_question_and_no_thanks(row):
    questions = suggest_questions(row["text"], thread=thread(row))
    assert all(EMPATHY.search(q) for q in questions), questions
    assert not any(re.search(r"\bthank|danke|merci|gracias|grazie|obrigad|bedankt", q, re.I) for q in questions)
