"""The trained situation reader: its weights load as shipped, a damaged file is refused with the feature named, and
it abstains (not sure) where the model reads a comment otherwise than the rules without being confident."""

from __future__ import annotations

import json

import pytest

from bot.engine.comment_text import read_comment
from benchmarks.situation_model import (AGREES, SURE, WEIGHTS, combine, dump_model, features, load_model, model_from,
                                        model_situation, probabilities)
from bot.engine.situation import SITUATIONS, Thread, rules_situation


def test_the_shipped_weights_load_with_a_weight_per_situation():
    model = load_model()
    assert model.situations == SITUATIONS
    assert len(model.weights) > 1000
    assert all(len(row) == len(SITUATIONS) for row in model.weights.values())
    odds = probabilities(model, features(read_comment("Do you ship to Canada?"), False, False))
    assert sum(odds.values()) == pytest.approx(1)


def test_the_weights_file_reads_back_as_written():
    model = load_model()
    assert model_from(json.loads(dump_model(model))) == model
    assert dump_model(model) == WEIGHTS.read_text(encoding="utf-8")  # the file is what the trainer writes


def test_a_weights_file_with_a_short_row_is_refused_naming_the_feature(tmp_path):
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    data["weights"]["w:refund"] = data["weights"]["w:refund"][:-1]
    with pytest.raises(ValueError, match="w:refund"):
        model_from(data)


def test_the_rules_stand_unless_the_model_reads_otherwise_clearly_and_a_guess_is_not_sure():
    def odds(**given: float) -> dict[str, float]:
        rest = (1 - sum(given.values())) / (len(SITUATIONS) - len(given))
        return {situation: given.get(situation, rest) for situation in SITUATIONS}

    assert combine("feedback", odds(problem=0.3, feedback=AGREES * 0.3)) == ("feedback", True)
    assert combine("feedback", odds(problem=0.3, feedback=0.1)) == ("feedback", False)
    assert combine("feedback", odds(problem=SURE, feedback=0.1)) == ("problem", True)
    assert combine("fan_reply", odds(problem=SURE)) == ("fan_reply", True)  # the thread tells a fan answering a fan


def test_a_comment_the_model_and_the_rules_read_apart_is_not_sure():
    # a question the rules take for feedback ("should"); the model leans to a question, at 0.42 too weak to decide
    comment = read_comment("Should I feed my sourdough starter before putting it in the fridge for a week?")
    assert rules_situation(comment) == "feedback"
    assert model_situation(comment) == ("feedback", False)


def test_an_implicit_complaint_is_read_as_one_and_sure():
    comment = read_comment("Ordered two weeks ago and tracking still says label created. Not impressed.")
    assert model_situation(comment, Thread()) == ("problem", True)


def test_a_fan_answering_a_fan_is_told_by_the_thread():
    comment = read_comment("reinstalling fixed it for me, try that")
    assert model_situation(comment, Thread("my app keeps crashing", parent_by_brand=False)) == ("fan_reply", True)
