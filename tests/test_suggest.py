"""Offline suggestions: three distinct, postable questions about the comment's topic, in the comment's tone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.engine.comment_text import read_comment
from bot.suggest import suggest_questions
from bot.suggest.checks import MAX_CHARS, InvalidSuggestions, checked_questions
from bot.suggest.keyphrases import key_phrases
from tests.test_score import long_comment

REPRESENTATIVE = [
    "Do you ship to Portugal?",
    "My order arrived broken and nobody answered my email.",
    "Love the new Assam blend, it has become my morning favourite. Smooth and not bitter at all.",
    "I followed your steeping guide but used 90 degree water instead of 80.",
    "😍😍😍",
    "",
    "nice",
    "Check out my profile for free followers!!! 🔥🔥🔥",
    "https://www.example.com/watch?v=dQw4w9WgXcQ",
    "<p>Is the <strong>winter sale</strong> also valid in the outlet stores?</p>",
    "¿Hacen envíos a México? Me encantaría comprar el té verde.",
    "日本への配送はありますか？送料はいくらですか？",
    long_comment(),
    "a" * 10_000,
]


@pytest.mark.parametrize("text", REPRESENTATIVE, ids=lambda text: text[:30] or "empty")
def test_every_comment_gets_three_valid_questions_the_same_each_time(text):
    questions = suggest_questions(text, author="Priya Patel")
    assert checked_questions(questions) == questions
    assert all(len(q) <= MAX_CHARS for q in questions)
    assert suggest_questions(text, author="Priya Patel") == questions


def test_a_complaint_gets_empathy_and_a_question_that_helps_fix_it():
    questions = suggest_questions("My order arrived broken and nobody answered my email.", author="Priya Patel")
    assert questions[0].startswith("Priya, ") and "sorry" in questions[0]
    assert all("your order" in q for q in questions)  # their "my order", from our side
    assert not any("thank" in q.lower() for q in questions)


def test_a_question_gets_a_reminder_to_answer_it_first_and_a_check_in():
    questions = suggest_questions("Do you ship to Portugal?")
    assert questions[0].startswith("(Answer their question first.)")
    assert all("Portugal" in q for q in questions)


def test_praise_gets_thanks_and_an_open_question():
    questions = suggest_questions("Love the new Assam blend, it has become my morning favourite.", author="sam_99")
    assert questions[0].lower().startswith("thank")  # a handle is not a name to greet
    assert all("Assam blend" in q for q in questions)


def test_html_remnants_never_reach_the_questions():
    questions = suggest_questions("<p>Is the <strong>winter sale</strong> valid in the outlet&nbsp;stores?</p>")
    assert not any(mark in q for q in questions for mark in ("<", ">", "&nbsp;", "strong"))
    assert any("outlet stores" in q or "winter sale" in q for q in questions)


def test_a_comment_in_another_language_is_quoted_in_its_own_words_not_translated():
    questions = suggest_questions("¿Hacen envíos a México? Me encantaría comprar el té verde.")
    assert all("“" in q and "”" in q for q in questions)
    assert questions[0].startswith("(Answer their question first.)")


def test_text_without_a_topic_falls_back_to_plain_wording():
    assert all(" this" in q for q in suggest_questions("日本への配送はありますか？"))
    assert all(" this" in q for q in suggest_questions("😍😍😍"))


def test_key_phrases_prefer_noun_phrases_and_drop_opinion_words():
    phrases = [p.english() for p in key_phrases(read_comment("Love love love the autumn candle collection!"))]
    assert phrases[0] == "the autumn candle collection"
    phrases = [p.english() for p in key_phrases(read_comment("Does the budgeting app work with joint bank accounts?"))]
    assert phrases[:2] == ["the budgeting app", "joint bank accounts"]


def test_key_phrases_skip_talk_about_the_conversation_and_keep_the_determiner_past_an_opinion_word():
    phrases = [p.english() for p in key_phrases(read_comment("Still no answer about the broken lid. Anyone reading?"))]
    assert phrases[0] == "the lid"
    assert "answer" not in " ".join(phrases)


def test_not_acceptable_reads_as_a_complaint():
    assert read_comment("Support told me to wait 3 weeks for a part. That is not acceptable.").tone == "complaint"
    assert read_comment("Is oat milk acceptable in the flat white?").tone != "complaint"


@pytest.mark.parametrize(
    "candidates, problem",
    [
        ("three questions", "not a list of strings"),
        (["Why?", "How so?"], "2 questions instead of 3"),
        (["What happened?", "Tell us more.", "Anything else?"], "not a question"),
        (["What happened?", "What  happened ?", "Anything else?"], "repeat"),
        (["What happened?", "x" * 300 + "?", "Anything else?"], "characters"),
    ],
)
def test_the_checks_name_what_is_wrong(candidates, problem):
    with pytest.raises(InvalidSuggestions, match=problem):
        checked_questions(candidates)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=400), author=st.one_of(st.none(), st.text(max_size=30)))
def test_any_text_gets_three_valid_questions(text, author):
    checked_questions(suggest_questions(text, author=author))
