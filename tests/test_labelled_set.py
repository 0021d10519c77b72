"""Concrete behaviours of the scorer and the offline suggester over the whole labelled set.

How well they do (precision, recall, share on topic) is measured by benchmarks/suggestions.py; these tests hold
what must be true of every comment: what is never nudged says why, reasons read as words, questions outrank
reactions, and every comment gets three questions in its tone about its own key phrase.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.config import DEFAULT_MIN_SCORE
from bot.engine.comment_text import read_comment
from bot.engine.score import ScoreContext, score_comment
from bot.suggest import suggest_questions
from bot.suggest.checks import checked_questions
from bot.suggest.keyphrases import key_phrases

DATA = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "comments.jsonl"
ROWS = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
# What a comment that is never nudged must say first, by its label.
WHY_NOT = {
    "spam": ("looks like spam (", "link only"),
    "emoji": ("emoji only",),
    "link": ("link only",),
    "short": ("one word", "short reaction"),
}
READABLE = re.compile(r"(?:[a-z0-9][a-z0-9 '()-]*[a-z)]|written in [A-Z][a-z]+)")
OPENERS = {
    "complaint": re.compile(r"\b(sorry|apolog)", re.I),
    "praise": re.compile(r"\bthank", re.I),
    "question": re.compile(r"^\(Answer their question first\.\) "),
    "neutral": re.compile(r"\bthanks for (sharing|telling us)\b", re.I),
}


def scored(row: dict):
    return score_comment(row["text"], ScoreContext(**row.get("context", {})))


def label(row: dict) -> str:
    return f"{row['kind']}:{row['text'][:40]}"


@pytest.mark.parametrize("row", [r for r in ROWS if r["kind"] in WHY_NOT], ids=label)
def test_spam_emoji_links_and_reactions_are_left_out_and_say_why(row):
    score = scored(row)
    assert score.value < DEFAULT_MIN_SCORE
    assert score.reasons[0].startswith(WHY_NOT[row["kind"]])


def test_every_reason_reads_as_words():
    reasons = {reason for row in ROWS for reason in scored(row).reasons}
    assert {"asked a question", "reports a problem", "came back after our reply", "2nd comment this month"} <= reasons
    unreadable = [r for r in reasons if not (READABLE.fullmatch(r) and len(r) <= 40 and "_" not in r)]
    assert unreadable == []


def test_every_labelled_question_and_complaint_outranks_every_short_reaction():
    def scores(kind: str) -> list[int]:
        return [scored(row).value for row in ROWS if row["kind"] == kind]

    assert min(scores("question")) > max(scores("short"))
    assert min(scores("complaint")) > max(scores("short"))
    assert score_comment("Do you ship to Portugal?").value > score_comment("nice").value


@pytest.mark.parametrize("row", ROWS, ids=label)
def test_every_comment_gets_three_questions_in_its_tone_about_its_key_phrase(row):
    questions = suggest_questions(row["text"], author="Sam Jones")
    assert checked_questions(questions) == questions
    comment = read_comment(row["text"])
    assert OPENERS[comment.tone].search(questions[0]), questions[0]
    phrases = key_phrases(comment)
    if phrases:
        topic = phrases[0].english() if comment.language.is_english else phrases[0].quoted()
        assert all(topic in question for question in questions)


def test_the_tones_the_labels_name_are_all_written_for():
    tones = {read_comment(row["text"]).tone for row in ROWS if row["deserves_nudge"]}
    assert tones == set(OPENERS)
