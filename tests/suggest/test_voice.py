"""The brand's own voice: questions from the team's answered conversations (a real replay account polled into SQLite
and PostgreSQL), the config's [[questions]] library and `voice`, and both reaching a posted nudge."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.cli import main
from bot.config import ConfigError
from bot.config_file import load_accounts
from bot.db.models import Nudge
from bot.engine.comment_text import read_comment
from bot.engine.poller import poll_account
from bot.engine.delivery import deliver_due
from bot.slack.terminal import TerminalNotifier
from bot.sources import build_source
from bot.suggest import LIBRARY, NO_SUGGESTION, OFFLINE, PAST, suggester, suggestions
from bot.suggest.checks import checked_questions
from bot.suggest.offline import offline_questions
from bot.suggest.voice import Voice, brand_voice
from tests.support.records import T0, account_config, make_account

# The team's history on the "shop" account: (id, author, text, minutes after T0, parent, brand)
HISTORY = [
    ("c1", "Priya Patel", "The teapot arrived cracked along the lid and I am really disappointed.", 0, None, False),
    ("r1", "Shop", "Sorry to hear that! Priya, was the box dented when it arrived? Which glaze did the teapot have? "
     "Could you DM us your email address? Is it order 48213?", 5, "c1", True),
    ("c2", "Lena Roth", "Love the lavender candle, it smells amazing!", 10, None, False),
    ("r2", "Shop", "Thank you Lena! Which room do you burn it in?", 15, "c2", True),
    ("c3", "Jonas Weber", "Meine Tasse kam kaputt an, sehr enttäuschend.", 20, None, False),
    ("r3", "Shop", "Das tut uns leid, Jonas! War der Karton beschädigt?", 25, "c3", True),
    ("c4", "Sam Lee", "The teapot lid arrived cracked, disappointed.", 30, None, False),
    ("r4", "Shop", "Sorry Sam, we'll send a new one today.", 35, "c4", True),  # answers without a question
]
OTHER_ACCOUNT = [
    ("o1", "Mia Chen", "My bowl arrived cracked and I am really disappointed.", 0, None, False),
    ("o2", "Blog", "So sorry! What did the packaging look like?", 5, "o1", True),
]


def write_replay(path: Path, rows, start: datetime = T0) -> Path:
    lines = []
    for external_id, author, text, minute, parent, brand in rows:
        item = {"id": external_id, "post": "p1", "author": author, "author_id": author.lower().replace(" ", "-"),
                "text": text, "created_at": (start + timedelta(minutes=minute)).isoformat(), "brand": brand}
        if parent:
            item["parent"] = parent
        lines.append(json.dumps(item))
    path.write_text("\n".join(lines) + "\n")
    return path


def polled(session_factory, tmp_path, name: str, rows, **fields) -> int:
    config = account_config(name, options={"path": str(write_replay(tmp_path / f"{name}.jsonl", rows))}, **fields)
    account_id = make_account(session_factory, name)
    poll_account(session_factory, account_id, config, build_source(config), clock=lambda: T0 + timedelta(hours=1))
    return account_id


@pytest.fixture
def shop(session_factory, tmp_path):
    polled(session_factory, tmp_path, "shop", HISTORY)
    polled(session_factory, tmp_path, "blog", OTHER_ACCOUNT)
    return session_factory


def past(session_factory, text: str, author: str | None = None, account: str = "shop") -> tuple[str, ...]:
    with session_factory() as session:
        return brand_voice(session, account, None, read_comment(text), author).past


def test_a_similar_complaint_gets_the_teams_question_with_the_name_swapped(shop):
    assert past(shop, "My mug arrived cracked, really disappointed.", "Ana Silva") == (
        "Ana, was the box dented when it arrived?",
    )


def test_a_handle_gets_the_question_without_a_name(shop):
    assert past(shop, "My mug arrived cracked, really disappointed.", "user_4711") == (
        "Was the box dented when it arrived?",
    )


def test_questions_about_the_earlier_comments_details_numbers_or_private_data_are_left_out(shop):
    """The teapot's glaze, the email address and order 48213 belong to Priya's conversation."""
    found = past(shop, "The teapot arrived cracked, so disappointed.", "Ana Silva")
    assert found == ("Ana, was the box dented when it arrived?", "Which glaze did the teapot have?")
    found = past(shop, "My mug arrived cracked, really disappointed.")
    assert not any("glaze" in q or "email" in q or "48213" in q for q in found)


def test_praise_language_and_account_must_match(shop):
    assert past(shop, "This lavender candle smells amazing, I love it so much") == ("Which room do you burn it in?",)
    assert past(shop, "Die Tasse ist kaputt angekommen, wirklich enttäuschend.", "Ana Silva") == (
        "War der Karton beschädigt?",
    )
    # the same complaint on the blog account finds the blog's own reply, never the shop's
    assert past(shop, "My mug arrived cracked, really disappointed.", account="blog") == (
        "What did the packaging look like?",
    )


def test_an_unrelated_comment_gets_nothing_from_history(shop):
    assert past(shop, "Do you ship to Portugal? I'd love to order for my mum.") == ()
    assert past(shop, "My mug arrived cracked, really disappointed.", account="nobody") == ()


WIFE = [
    ("w1", "Tom Hale", "My wife loves your lavender candles, she lights one every evening after work.", 0, None, False),
    ("w2", "Shop", "Thank you Tom! Which scent does your wife like best? Do you light them together?", 5, "w1", True),
]


def test_no_past_question_asks_about_a_person_after_a_loss(session_factory, tmp_path):
    """The offline rule holds for the team's own questions: someone whose wife is in hospital is not asked which
    scent she likes best."""
    polled(session_factory, tmp_path, "gifts", WIFE)
    asked = past(session_factory, "My wife loves your lavender candles, she lights one every evening.", account="gifts")
    assert "Which scent does your wife like best?" in asked
    after_a_loss = past(session_factory, "My wife loves your lavender candles, she lights one every evening. She is in "
                        "hospital now.", account="gifts")
    assert after_a_loss and not any("wife" in q for q in after_a_loss), after_a_loss


def test_own_questions_come_first_and_the_generators_fill_the_rest():
    text = "My mug arrived cracked, really disappointed."
    voice = Voice(past=("Was the box dented when it arrived?",),
                  library=("What would make this right for you?", "Which store did you buy it from?"))
    chosen = suggestions(text, voice=voice)
    assert [(s.text, s.source) for s in chosen[:2]] == [
        ("Was the box dented when it arrived?", PAST), ("What would make this right for you?", LIBRARY)
    ]
    assert chosen[2] == suggestions(text)[0] and chosen[2].source == OFFLINE
    assert checked_questions([s.text for s in chosen])
    assert [s.text for s in suggestions(text)] == offline_questions(read_comment(text))


CONFIG = """
[defaults]
voice = "Warm and brief, first names, no exclamation marks."

[[accounts]]
name = "shop"
platform = "replay"
path = "shop.jsonl"

[[accounts]]
name = "blog"
platform = "replay"
path = "blog.jsonl"
voice = "Curious, a little nerdy."

[[questions]]
situation = "problem"
questions = ["What would make this right for you?", "Which store did you buy it from?"]

[[questions]]
situation = "problem"
language = "de"
questions = ["Was können wir tun, damit es wieder passt?"]
accounts = ["shop"]
"""


def test_the_config_gives_each_account_its_voice_and_library(tmp_path):
    path = tmp_path / "replynudge.toml"
    path.write_text(CONFIG)
    shop, blog = load_accounts(path, {})
    assert shop.voice == "Warm and brief, first names, no exclamation marks."
    assert blog.voice == "Curious, a little nerdy."
    assert [(q.situation, q.language, q.questions) for q in shop.questions] == [
        ("problem", "en", ("What would make this right for you?", "Which store did you buy it from?")),
        ("problem", "de", ("Was können wir tun, damit es wieder passt?",)),
    ]
    assert [q.language for q in blog.questions] == ["en"]


@pytest.mark.parametrize(
    "extra, message",
    [
        ('[[questions]]\nsituation = "rant"\nquestions = ["Why?"]',
         "questions[2].situation: 'rant' is not a situation (one of: question, availability, problem, result, story, thanks, feedback, "
         "collaboration, fan_reply, noise)"),
        ('[[questions]]\nsituation = "feedback"', "questions[2].questions: must be a non-empty array of strings"),
        ('[[questions]]\nsituation = "feedback"\nquestions = ["Tell us more."]',
         "questions[2].questions: 'Tell us more.' asks no question (no question mark)"),
        ('[[questions]]\nsituation = "feedback"\nquestions = ["Wie?"]\nlanguage = "german"',
         "questions[2].language: 'german' is not a language code (one of: en, es, fr, de, pt, it, nl"),
        ('[[questions]]\nsituation = "feedback"\nquestions = ["Why?"]\naccounts = ["shopp"]',
         "questions[2].accounts: 'shopp' is not an account in this file"),
        ('[[questions]]\nsituation = "feedback"\nquestions = ["Why?"]\ntone = "warm"',
         "questions[2].tone: unknown key (known: accounts, language, questions, situation)"),
        ('[defaults]\nvoice = 3', "accounts[shop].voice: must be a string"),
        ('[defaults]\nvoice = "' + "warm " * 120 + '"', "accounts[shop].voice: 599 characters; keep it to 500"),
    ],
)
def test_library_and_voice_mistakes_name_the_key(tmp_path, extra, message):
    path = tmp_path / "replynudge.toml"
    text = CONFIG.replace('voice = "Warm and brief, first names, no exclamation marks."\n', "")
    if extra.startswith("[defaults]"):
        text = text.replace("[defaults]\n", extra + "\n")
    else:
        text += "\n" + extra + "\n"
    path.write_text(text)
    with pytest.raises(ConfigError) as raised:
        load_accounts(path, {})
    assert str(raised.value).startswith(f"{path}: {message}")


def test_library_questions_follow_the_situation_language_and_account(session_factory, tmp_path):
    path = tmp_path / "replynudge.toml"
    path.write_text(CONFIG)
    shop, blog = load_accounts(path, {})
    with session_factory() as session:
        german = brand_voice(session, "shop", shop, read_comment("Die Tasse ist kaputt angekommen, enttäuschend."),
                             None)
        on_blog = brand_voice(session, "blog", blog, read_comment("Die Tasse ist kaputt angekommen, enttäuschend."),
                              None)
        praise = brand_voice(session, "shop", shop, read_comment("Love the candle, it smells amazing!"), None)
        english = brand_voice(session, "shop", shop, read_comment("My mug arrived cracked, disappointed."), None)
    assert german.library == ("Was können wir tun, damit es wieder passt?",)
    assert german.tone == shop.voice
    assert on_blog.library == () and praise.library == ()
    assert sorted(english.library) == ["What would make this right for you?", "Which store did you buy it from?"]


def test_the_posted_nudge_asks_the_teams_own_question(shop, tmp_path):
    """A new complaint on the polled account is nudged with the question the team asked Priya, to its author."""
    rows = HISTORY + [("c9", "Ana Silva", "My mug arrived cracked, really disappointed.", 60, None, False)]
    config = account_config("shop", nudge_after=timedelta(0),
                            options={"path": str(write_replay(tmp_path / "shop.jsonl", rows))})
    with shop() as session:
        from bot.db.models import Account

        account_id = session.scalar(select(Account.id).where(Account.name == "shop"))
    now = T0 + timedelta(hours=2)
    poll_account(shop, account_id, config, build_source(config), clock=lambda: now)
    out = io.StringIO()
    assert deliver_due(shop, TerminalNotifier(out), suggester(shop),
                       clock=lambda: now, accounts={account_id: config}) == 1
    with shop() as session:
        stored = session.scalars(select(Nudge.suggestions)).one()
    assert stored[0] == "Ana, was the box dented when it arrived?"
    assert stored[1:] == offline_questions(read_comment(rows[-1][2]), "Ana Silva")[:2]
    assert stored[0] in out.getvalue()


def test_replynudge_suggest_in_an_accounts_voice(workdir, database_url, capsys, monkeypatch):
    """`replynudge suggest --account shop`: the config's library and the account's history in the database (polled
    by `replynudge poll --once`), each question labelled with where it came from."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    days_ago = datetime.now(timezone.utc) - timedelta(days=2)
    write_replay(workdir / "shop.jsonl", HISTORY, start=days_ago)
    write_replay(workdir / "blog.jsonl", OTHER_ACCOUNT, start=days_ago)
    (workdir / "replynudge.toml").write_text(CONFIG.replace("shop.jsonl", str(workdir / "shop.jsonl"))
                                             .replace("blog.jsonl", str(workdir / "blog.jsonl")))
    assert main(["poll", "--once"]) == 0
    capsys.readouterr()
    text = "My mug arrived cracked, really disappointed."
    assert main(["suggest", "--account", "shop", "--author", "Ana Silva", "--json", text]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["language"] == "en" and shown["situation"] == "problem"
    library = {"What would make this right for you?", "Which store did you buy it from?"}
    assert shown["suggestions"][0] == {"text": "Ana, was the box dented when it arrived?", "source": PAST}
    assert shown["suggestions"][1]["source"] == LIBRARY and shown["suggestions"][1]["text"] in library
    assert shown["suggestions"][2] == {"text": offline_questions(read_comment(text), "Ana Silva")[0],
                                       "source": OFFLINE}
    assert main(["suggest", "--account", "blog", text]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "English, problem:"
    assert lines[1] == "1. What did the packaging look like?  (past reply)"
    assert lines[2].startswith("2. ") and lines[2].endswith("(team library)")
    assert main(["suggest", "--account", "shopp", text]) == 2
    assert "replynudge: error: --account: 'shopp' is not an account in replynudge.toml" in capsys.readouterr().err


def test_replynudge_suggest_without_config_or_database(workdir):
    """Nothing configured: the offline questions, and no database file left behind."""
    text = "My mug arrived cracked, really disappointed."
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{workdir / 'replynudge.db'}"}
    done = subprocess.run([sys.executable, "-m", "bot", "suggest", "--json", text], cwd=workdir, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert [s["text"] for s in shown["suggestions"]] == offline_questions(read_comment(text))
    assert {s["source"] for s in shown["suggestions"]} == {OFFLINE}
    assert not (workdir / "replynudge.db").exists()


def test_replynudge_suggest_for_an_account_before_any_poll_creates_no_database(workdir, capsys):
    """`suggest --account shop` created replynudge.db (migrated, empty) where nothing had been polled yet: a command
    that only reads now says there are no past replies yet and suggests from the config alone."""
    (workdir / "replynudge.toml").write_text(CONFIG)
    assert main(["suggest", "--account", "shop", "--json", "My mug arrived cracked, really disappointed."]) == 0
    captured = capsys.readouterr()
    assert not (workdir / "replynudge.db").exists()
    assert captured.err == ("replynudge: no database at replynudge.db yet, so no past replies of shop to draw on "
                            "(replynudge poll --once stores them)\n")
    shown = json.loads(captured.out)["suggestions"]
    assert shown[0]["source"] == LIBRARY and PAST not in {s["source"] for s in shown}


def test_replynudge_suggest_says_plainly_when_no_question_fits(workdir):
    """A question no case fits gets no generic one: the command says the team writes its own."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{workdir / 'replynudge.db'}"}
    text = "Is the winter sale also valid in the outlet stores?"
    plain = subprocess.run([sys.executable, "-m", "bot", "suggest", text], cwd=workdir, env=env,
                           capture_output=True, text=True, timeout=60)
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.splitlines() == ["English, question:", NO_SUGGESTION]
    shown = subprocess.run([sys.executable, "-m", "bot", "suggest", "--json", text], cwd=workdir, env=env,
                           capture_output=True, text=True, timeout=60)
    assert json.loads(shown.stdout)["suggestions"] == []
