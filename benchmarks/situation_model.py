"""A trained reader of a comment's situation: a linear model (multinomial logistic regression) over the comment's
words, word pairs and letter sequences, in whatever language it is written, plus what the rules cannot learn from
words alone (whether it answers another commenter or the brand, whether it asks something, its sentiment).

Patterns over words read only the words they were written for; on comments nobody had read, half the situations
came out wrong. Letter sequences ("stuc", "kapu", "rott") carry over to spellings and languages a marker list
lacks. The weights are a JSON file next to this module (situation_weights.json: one line per feature, a weight per
situation), written by scripts/train-situation-reader from the labelled sets in benchmarks/data; reading them
needs nothing beyond the standard library.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.engine.comment_text import CommentText
from bot.engine.situation import Thread, rules_situation

WEIGHTS = Path(__file__).with_name("data") / "situation_weights.json"
_TOKEN = re.compile(r"\w+|[^\w\s]")
LETTERS = (3, 5)  # letter sequences of 3 to 5, within words padded with a space at each end
AGREES = 0.7  # the rules' situation stands when the model gives it at least this share of its best one's probability
SURE = 0.5  # the model's probability of its best situation from which it overrules the rules; below, no reading


@dataclass(frozen=True)
class Model:
    situations: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]


def features(comment: CommentText, answers_a_commenter: bool, answers_the_brand: bool) -> list[str]:
    """The names of the features present in a comment (each counts once): w: words, b: word pairs, c: letters."""
    tokens = _TOKEN.findall(comment.plain.lower())
    found = {f"w:{token}" for token in tokens}
    found |= {f"b:{a} {b}" for a, b in zip(tokens, tokens[1:])}
    for token in tokens:
        padded = f" {token} "
        for n in range(LETTERS[0], LETTERS[1] + 1):
            found |= {f"c:{padded[i:i + n]}" for i in range(len(padded) - n + 1)}
    found.add("thread:commenter" if answers_a_commenter else "thread:brand" if answers_the_brand else "thread:none")
    if comment.asks_question:
        found.add("asks")
    if not comment.words:
        found.add("no words")
    if comment.statement_sentiment <= -0.3:
        found.add("sentiment:negative")
    elif comment.statement_sentiment >= 0.4:
        found.add("sentiment:positive")
    found.add(f"length:{min(len(comment.words), 40) // 10}")
    return sorted(found)


def probabilities(model: Model, names: list[str]) -> dict[str, float]:
    """Each situation's probability: a softmax over the bias plus the weights of the features present, each feature
    scaled by 1/sqrt(number present) as in training (a long comment weighs no more than a short one)."""
    present = [model.weights[name] for name in names if name in model.weights]
    scale = 1 / math.sqrt(len(names)) if names else 0.0
    logits = [bias + scale * sum(row[i] for row in present) for i, bias in enumerate(model.bias)]
    top = max(logits)
    exps = [math.exp(value - top) for value in logits]
    total = sum(exps)
    return {situation: value / total for situation, value in zip(model.situations, exps)}


def model_from(data: dict) -> Model:
    situations = tuple(data["situations"])
    weights = {name: tuple(row) for name, row in data["weights"].items()}
    bad = next((name for name, row in weights.items() if len(row) != len(situations)), None)
    if len(data["bias"]) != len(situations) or bad is not None:
        raise ValueError(f"situation weights: {bad or 'bias'} has a weight count other than the "
                         f"{len(situations)} situations")
    return Model(situations, tuple(data["bias"]), weights)


@lru_cache(maxsize=1)
def load_model(path: Path = WEIGHTS) -> Model:
    return model_from(json.loads(path.read_text(encoding="utf-8")))


def dump_model(model: Model) -> str:
    """The weights as JSON with one feature a line, sorted, so that a retrained model reads as a diff."""
    lines = [f'  "situations": {json.dumps(list(model.situations))},', f'  "bias": {json.dumps(list(model.bias))},',
             '  "weights": {']
    rows = [f"    {json.dumps(name, ensure_ascii=False)}: {json.dumps(list(row))}"
            for name, row in sorted(model.weights.items())]
    return "{\n" + "\n".join(lines) + "\n" + ",\n".join(rows) + "\n  }\n}\n"


def model_situation(comment: CommentText, thread: Thread = Thread()) -> tuple[str, bool]:
    """The situation as the trained reader and the rules read it together (combine), and whether it is sure.
    Not what read_situation gives: on the rated held-out comments, the ones it is unsure of had got better
    suggestions than the rest (docs/suggestions.md, "A trained reader"), so abstaining on them would not help."""
    odds = probabilities(load_model(), features(comment, thread.answers_a_commenter, thread.parent_by_brand))
    return combine(rules_situation(comment, thread), odds)


def combine(rules: str, odds: dict[str, float]) -> tuple[str, bool]:
    """The situation and whether it is sure. The rules' reading where the model gives it nearly as much weight as
    its own best (AGREES), and always for a fan answering a fan, which the thread tells; otherwise the model's best
    when it is confident (SURE); else the rules' reading, not sure. On the held-out sets, left out of training in
    turn, what it is sure of is read wrong half as often as the rules read them (benchmarks/situation_reader.py)."""
    best = max(odds, key=odds.__getitem__)
    if rules == "fan_reply" or odds[rules] >= AGREES * odds[best]:
        return rules, True
    return (best, True) if odds[best] >= SURE else (rules, False)
