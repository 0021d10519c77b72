"""The console script end to end: demo, poll --once, unanswered, db upgrade, check."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from bot.cli import main


def replynudge(workdir, database_url, *args, timeout=120):
    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=workdir, env=env, capture_output=True, text=True, timeout=timeout
    )


def test_demo_then_unanswered_json(workdir, database_url):
    demo = replynudge(workdir, database_url, "demo")
    assert demo.returncode == 0, demo.stderr
    assert "== First poll ==" in demo.stdout and "ask next:" in demo.stdout
    assert "Done: 37 comments" in demo.stdout

    listing = replynudge(workdir, database_url, "unanswered", "--json")
    assert listing.returncode == 0, listing.stderr
    items = json.loads(listing.stdout)
    assert items, "the demo leaves comments waiting"
    required = {"id", "account", "platform", "author", "text", "url", "created_at", "waiting_seconds", "score",
                "reasons", "deserves_nudge", "suggestions"}
    assert f"still waiting for Acme, {len(items)} of them worth a nudge\n(`replynudge unanswered`" in demo.stdout
    for item in items:
        assert required <= item.keys()
        assert item["deserves_nudge"] is True and 0 <= item["score"] <= 100
        assert datetime.fromisoformat(item["created_at"].replace("Z", "+00:00")).tzinfo is not None
        assert len(item["suggestions"]) <= 3 and all("?" in q for q in item["suggestions"])
    assert any(item["suggestions"] for item in items)
    created = [item["created_at"] for item in items]
    assert created == sorted(created), "oldest first"
    every = json.loads(replynudge(workdir, database_url, "unanswered", "--json", "--all").stdout)
    assert len(every) > len(items) and any(not item["deserves_nudge"] for item in every)

    # the demo runs again from scratch
    again = replynudge(workdir, database_url, "demo")
    assert again.returncode == 0 and "Done: 37 comments" in again.stdout


def write_replay(path, comments):
    path.write_text("".join(json.dumps(c) + "\n" for c in comments))


def test_the_demo_stays_out_of_the_teams_comments(workdir, database_url, capsys, caplog, monkeypatch):
    """`make demo` leaves Acme Coffee in replynudge.db, where `init` then puts the team's account: its first poll
    removes the demo's accounts (else /unanswered, the App Home and the stats show them), and the demo refuses a
    database that holds a team's accounts."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    assert main(["demo"]) == 0
    assert "`replynudge init` connects your own account" in capsys.readouterr().out
    old = (datetime.now(timezone.utc) - timedelta(hours=3)).isoformat()
    write_replay(workdir / "mugs.jsonl", [
        {"id": "1", "post": "p", "author": "Maya", "text": "Do you ship the travel mug to Sweden?", "created_at": old},
    ])
    (workdir / "replynudge.toml").write_text('[[accounts]]\nname = "mugs"\nplatform = "replay"\npath = "mugs.jsonl"\n')
    assert main(["poll", "--once"]) == 0
    assert "removed the demo's accounts (acme-blog, acme-video) and their comments" in caplog.text
    assert re.search(r"^mugs +1 +1 +1  ok", capsys.readouterr().err, re.M)  # new, though SQLite reuses the demo's ids
    assert main(["unanswered", "--json", "--all"]) == 0
    assert {item["account"] for item in json.loads(capsys.readouterr().out)} == {"mugs"}

    assert main(["demo"]) == 2
    said = capsys.readouterr()
    assert "replynudge: error: demo: the database at DATABASE_URL holds your accounts (mugs)" in said.err
    assert "Acme" not in said.out


def test_a_teams_account_on_the_demos_channel_is_not_taken_for_the_demos(workdir, database_url, capsys, caplog,
                                                                          monkeypatch):
    """Only the accounts `replynudge demo` made are the demo's, whatever their channel: a team's account pointed at
    #social-demo makes the demo refuse the database, and keeps its comments through a poll whose config leaves it
    out (named again, they are back); the demo's own accounts still go at the first poll."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    assert main(["demo"]) == 0
    old = (datetime.now(timezone.utc) - timedelta(hours=3)).isoformat()
    write_replay(workdir / "mugs.jsonl", [
        {"id": "1", "post": "p", "author": "Maya", "text": "Do you ship the travel mug to Sweden?", "created_at": old},
    ])
    write_replay(workdir / "cups.jsonl", [
        {"id": "1", "post": "p", "author": "Ola", "text": "Are the cups dishwasher safe?", "created_at": old},
    ])
    mugs = '[[accounts]]\nname = "mugs"\nplatform = "replay"\npath = "mugs.jsonl"\nchannel = "#social-demo"\n'
    cups = '[[accounts]]\nname = "cups"\nplatform = "replay"\npath = "cups.jsonl"\n'
    (workdir / "replynudge.toml").write_text(mugs)
    assert main(["poll", "--once"]) == 0
    assert "removed the demo's accounts (acme-blog, acme-video) and their comments" in caplog.text
    capsys.readouterr()
    assert main(["demo"]) == 2
    assert "demo: the database at DATABASE_URL holds your accounts (mugs)" in capsys.readouterr().err

    caplog.clear()
    (workdir / "replynudge.toml").write_text(cups)
    assert main(["poll", "--once"]) == 0
    assert "removed the demo's accounts" not in caplog.text
    (workdir / "replynudge.toml").write_text(mugs + cups)
    capsys.readouterr()
    assert main(["unanswered", "--json", "--all"]) == 0
    assert sorted(item["author"] for item in json.loads(capsys.readouterr().out)) == ["Maya", "Ola"]


def test_an_account_taken_out_of_the_config_leaves_the_backlog_and_the_figures_until_named_again(
    workdir, database_url, capsys, monkeypatch
):
    """`unanswered`, `export` (the response rate, the backlog) and `preview` cover the config's accounts: the one
    taken out of it can neither be polled nor replied through. Its rows stay: named again, its comments are back."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    now = datetime.now(timezone.utc)
    write_replay(workdir / "mugs.jsonl", [
        {"id": "1", "post": "p", "author": "Maya", "text": "Do you ship the travel mug to Sweden?",
         "created_at": (now - timedelta(hours=5)).isoformat()},
        {"id": "2", "post": "p", "author": "Ivo", "text": "Is the lid leak-proof?",
         "created_at": (now - timedelta(hours=4)).isoformat()},
        {"id": "3", "post": "p", "parent": "2", "author": "Mugs", "brand": True, "text": "It is!",
         "created_at": (now - timedelta(hours=4, minutes=-5)).isoformat()},
    ])
    write_replay(workdir / "cups.jsonl", [
        {"id": "1", "post": "p", "author": "Ola", "text": "Are the cups dishwasher safe?",
         "created_at": (now - timedelta(hours=3)).isoformat()},
    ])
    mugs = '[[accounts]]\nname = "mugs"\nplatform = "replay"\npath = "mugs.jsonl"\n'
    cups = '[[accounts]]\nname = "cups"\nplatform = "replay"\npath = "cups.jsonl"\n'
    (workdir / "replynudge.toml").write_text(mugs + cups)
    assert main(["poll", "--once"]) == 0
    (workdir / "replynudge.toml").write_text(cups)
    capsys.readouterr()

    assert main(["unanswered", "--json"]) == 0
    assert [item["author"] for item in json.loads(capsys.readouterr().out)] == ["Ola"]
    assert main(["unanswered", "--all"]) == 0
    assert "1 waiting, oldest first." in capsys.readouterr().out
    assert main(["export", "--format", "json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert (figures["received"], figures["answered"], figures["backlog_by_account"]) == (1, 0, {"cups": 1})
    assert main(["preview", "--json"]) == 0
    preview = capsys.readouterr().out
    assert "dishwasher" in preview and "Sweden" not in preview

    (workdir / "replynudge.toml").write_text(mugs + cups)
    assert main(["unanswered", "--json"]) == 0
    assert [item["author"] for item in json.loads(capsys.readouterr().out)] == ["Maya", "Ola"]
    assert main(["export", "--format", "json", "--account", "mugs"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert (figures["received"], figures["answered"], figures["backlog_by_account"]) == (2, 1, {"mugs": 1})


def test_poll_once_keeps_polling_other_accounts_when_one_fails(workdir, database_url, capsys, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    old = (datetime.now(timezone.utc) - timedelta(hours=3)).isoformat()
    write_replay(workdir / "good.jsonl", [
        {"id": "1", "post": "p", "author": "Ana", "text": "How do I reset my grinder settings?", "created_at": old},
    ])
    (workdir / "broken.jsonl").write_text('{"id": "1", "post": "p"\n')
    (workdir / "replynudge.toml").write_text(
        '[defaults]\nnudge_after = "1h"\n'
        '[[accounts]]\nname = "broken"\nplatform = "replay"\npath = "broken.jsonl"\n'
        '[[accounts]]\nname = "good"\nplatform = "replay"\npath = "good.jsonl"\n'
    )
    assert main(["poll", "--once"]) == 1
    captured = capsys.readouterr()
    # the summary: comments read, new, nudges queued, and how each poll went
    assert re.search(r"^broken +0 +0 +0  temporary: broken.jsonl:1: not valid JSON", captured.err, re.M)
    assert re.search(r"^good +1 +1 +1  ok, 1 comments in 1 pages$", captured.err, re.M)
    assert "How do I reset my grinder settings?" in captured.out  # the good account's nudge, in the terminal

    (workdir / "broken.jsonl").write_text(
        json.dumps({"id": "1", "post": "p", "author": "Bo", "text": "Where is my order?", "created_at": old}) + "\n"
    )
    assert main(["poll", "--once"]) == 0
    captured = capsys.readouterr()
    assert "Where is my order?" in captured.out and "How do I reset" not in captured.out  # nothing twice

    assert main(["unanswered", "--account", "good"]) == 0
    table = capsys.readouterr().out
    assert "Ana" in table and "Bo" not in table and "1 waiting, oldest first." in table


def test_a_bad_line_in_a_replay_file_stops_the_import_there_and_names_file_line_and_key(
        workdir, database_url, capsys, monkeypatch):
    """docs/accounts/jsonl.md: the lines before a bad one are stored (the page they share with it too), the poll
    fails with the file, the line and the key, the lines after it wait, and the fixed line is read by the next poll;
    nothing is stored or nudged twice. Before, the lines before it that shared its page were never stored."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    old = (datetime.now(timezone.utc) - timedelta(hours=3)).isoformat()
    lines = [{"id": str(n), "post": "p", "author": f"Fan {n}", "text": f"Question {n}: which grind for cold brew?",
              "created_at": old} for n in range(1, 6)]
    broken = [*lines[:3], {key: value for key, value in lines[3].items() if key != "id"}, lines[4]]
    write_replay(workdir / "import.jsonl", broken)
    (workdir / "replynudge.toml").write_text('[[accounts]]\nname = "import"\nplatform = "replay"\n'
                                            'path = "import.jsonl"\n')
    failed = "temporary: import.jsonl:4: missing id (fix or remove that line: the lines after it wait for it)"
    assert main(["poll", "--once"]) == 1
    captured = capsys.readouterr()
    assert re.search(rf"^import +3 +3 +3  {re.escape(failed)}$", captured.err, re.M), captured.err
    assert [n for n in range(1, 6) if f"Question {n}:" in captured.out] == [1, 2, 3]

    assert main(["poll", "--once"]) == 1  # still there: the same error, nothing read again
    captured = capsys.readouterr()
    assert re.search(rf"^import +0 +0 +0  {re.escape(failed)}$", captured.err, re.M), captured.err
    assert "Question" not in captured.out

    write_replay(workdir / "import.jsonl", lines)  # the line fixed in place
    assert main(["poll", "--once"]) == 0
    captured = capsys.readouterr()
    assert re.search(r"^import +2 +2 +2  ok, 2 comments in 1 pages$", captured.err, re.M), captured.err
    assert [n for n in range(1, 6) if f"Question {n}:" in captured.out] == [4, 5]
    assert main(["unanswered", "--json"]) == 0
    assert sorted(item["author"] for item in json.loads(capsys.readouterr().out)) == [f"Fan {n}" for n in range(1, 6)]


def test_a_post_title_on_the_first_line_of_a_post_reaches_the_nudge(workdir, database_url, capsys, monkeypatch):
    """docs/accounts/jsonl.md: `post_title` is optional and shown in the nudge. A file gives it once, on the post's
    first comment; the later lines of the same post, read in the same page, do not erase it."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    old = (datetime.now(timezone.utc) - timedelta(hours=3)).isoformat()
    write_replay(workdir / "blog.jsonl", [
        {"id": "1", "post": "p", "post_title": "Cold brew at home", "author": "Ana",
         "text": "Which grind do you use for cold brew?", "created_at": old},
        {"id": "2", "post": "p", "author": "Bo", "text": "And how long do you let it steep?", "created_at": old},
    ])
    (workdir / "replynudge.toml").write_text('[[accounts]]\nname = "blog"\nplatform = "replay"\npath = "blog.jsonl"\n')
    assert main(["poll", "--once"]) == 0
    assert capsys.readouterr().out.count("on “Cold brew at home”") == 2
    assert main(["unanswered", "--json"]) == 0
    assert [item["post_title"] for item in json.loads(capsys.readouterr().out)] == ["Cold brew at home"] * 2


def test_a_nul_character_from_a_commenter_is_dropped_not_a_failing_poll(workdir, database_url, capsys, monkeypatch):
    """PostgreSQL's text cannot hold a NUL (0x00): a commenter's one, in a comment or a display name (JSON's
    "\\u0000", as any platform's API may send it), failed the whole page, so every poll of the account failed and
    nobody after that commenter was ever stored. It is dropped on the way in, on both databases alike."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    old = (datetime.now(timezone.utc) - timedelta(hours=3)).isoformat()
    write_replay(workdir / "blog.jsonl", [
        {"id": "1", "post": "p", "post_title": "Cold\u0000 brew", "author": "Ana\u0000", "author_id": "ana\u0000",
         "text": "Which grind\u0000 do you use for cold brew?", "created_at": old, "url": "https://x.example/1\u0000"},
        {"id": "2", "post": "p", "author": "Bo", "text": "And how long do you let it steep?", "created_at": old},
    ])
    (workdir / "replynudge.toml").write_text('[[accounts]]\nname = "blog"\nplatform = "replay"\npath = "blog.jsonl"\n')
    assert main(["poll", "--once"]) == 0
    capsys.readouterr()
    assert main(["unanswered", "--json"]) == 0
    waiting = {item["author"]: item for item in json.loads(capsys.readouterr().out)}
    assert set(waiting) == {"Ana", "Bo"}
    assert waiting["Ana"]["text"] == "Which grind do you use for cold brew?"
    assert waiting["Ana"]["post_title"] == "Cold brew" and waiting["Ana"]["url"] == "https://x.example/1"


def test_unanswered_on_an_empty_database_and_filters(workdir, database_url, capsys, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    assert main(["unanswered"]) == 0
    assert "Nobody is waiting" in capsys.readouterr().out
    assert main(["unanswered", "--json", "--older-than", "2h", "--limit", "5", "--platform", "replay"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    with pytest.raises(SystemExit) as exit_info:
        main(["unanswered", "--older-than", "soon"])
    assert exit_info.value.code == 2


def test_a_mistyped_account_or_platform_is_an_error_not_an_empty_list(workdir, database_url, capsys, monkeypatch):
    """`unanswered --account blgo` answered "Nobody is waiting for an answer. 🎉"; /unanswered answers an unknown
    name with its usage, and the command line now says which accounts there are."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    write_replay(workdir / "c.jsonl", [])
    (workdir / "replynudge.toml").write_text('[[accounts]]\nname = "blog"\nplatform = "replay"\npath = "c.jsonl"\n')
    assert main(["unanswered", "--account", "blog"]) == 0  # in the config, not polled yet: nobody waits
    assert "Nobody is waiting" in capsys.readouterr().out
    for command in (["unanswered", "--account", "blgo"], ["export", "--account", "blog", "--account", "blgo"]):
        assert main(command) == 2
        assert "replynudge: error: --account: 'blgo' is not an account (known: blog)" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["unanswered", "--platform", "wordpres"])
    assert exit_info.value.code == 2 and "invalid choice: 'wordpres'" in capsys.readouterr().err


def test_a_config_without_accounts_says_so(workdir, database_url, capsys, monkeypatch):
    """A config file with only [defaults] (or nothing yet) made `check` answer ok and `poll --once` an empty table."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    (workdir / "replynudge.toml").write_text('[defaults]\nnudge_after = "30m"\n')
    for command in (["check"], ["poll", "--once"]):
        assert main(command) == 2
        assert capsys.readouterr().err == "replynudge: error: replynudge.toml: no [[accounts]] (replynudge init adds one)\n"


def test_db_upgrade_and_check(workdir, database_url, capsys, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    assert main(["db", "upgrade"]) == 0
    assert "is up to date" in capsys.readouterr().out
    write_replay(workdir / "c.jsonl", [])
    (workdir / "replynudge.toml").write_text('[[accounts]]\nname = "blog"\nplatform = "replay"\npath = "c.jsonl"\n'
                                            '[[accounts]]\nname = "gone"\nplatform = "replay"\npath = "missing.jsonl"\n')
    assert main(["check"]) == 1
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["ACCOUNT", "PLATFORM", "HEADROOM", "LAST", "POLL", "NEXT", "POLL", "COMPLETE", "CHECK"]
    assert table[1].split()[:3] == ["(database)", database_url.split(":")[0].split("+")[0], "ok"]
    assert table[2].split()[:7] == ["blog", "replay", "-", "never", "due", "-", "ok:"]
    assert table[3].startswith("gone") and "FAILED: missing.jsonl: replay file not found" in table[3]


def test_check_reads_every_line_of_a_replay_file_and_names_the_bad_ones(workdir, database_url, capsys, monkeypatch):
    """A value of the wrong type was taken as it came ("deleted": "false" marked the comment deleted, an object
    became its own text as an id) or failed the poll as a bug (a number as the url; on PostgreSQL an id longer than
    its column); `check` counted the lines and said ok."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    old = (datetime.now(timezone.utc) - timedelta(hours=3)).isoformat()
    good = {"id": "1", "post": "p", "author": "Ana", "text": "Is it back in stock?", "created_at": old}
    bad = [({**good, "id": "2", "created_at": None}, "missing created_at"),
           ({**good, "id": "3", "deleted": "false"}, 'deleted: must be true or false, not "false"'),
           ({**good, "id": "4", "url": 5}, "url: must be a string, not the number 5"),
           ({**good, "id": {"n": 5}}, "id: must be a string or a whole number, not an object"),
           ({**good, "id": "6" * 256}, "id: must be at most 255 characters, not 256")]
    (workdir / "replynudge.toml").write_text('[[accounts]]\nname = "import"\nplatform = "replay"\n'
                                            'path = "import.jsonl"\n')
    write_replay(workdir / "import.jsonl", [good, *(line for line, _ in bad), {**good, "id": "7", "brand": True}])
    assert main(["check"]) == 1
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("import "))
    assert row.endswith("FAILED: import.jsonl:2: missing created_at; 4 more bad lines: 3, 4, 5, 6"), row
    for line, said in bad[1:]:
        write_replay(workdir / "import.jsonl", [good, line])
        assert main(["check"]) == 1
        assert f"FAILED: import.jsonl:2: {said}\n" in capsys.readouterr().out


def test_an_author_name_too_long_to_be_the_authors_id_stops_the_import_there(
        workdir, database_url, capsys, monkeypatch):
    """Without `author_id` the author's name is the author's id, which the database holds up to 255 characters. A
    longer name was only checked to be a string: on PostgreSQL the poll failed as a bug, with a traceback, at every
    poll. Now it fails as a bad line naming file, line and key, the line before it stored; with an `author_id` the
    same name is stored."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    old = (datetime.now(timezone.utc) - timedelta(hours=3)).isoformat()
    good = {"id": "1", "post": "p", "author": "Ana", "text": "Question 1: is it back in stock?", "created_at": old}
    long = {**good, "id": "2", "author": "B" * 256, "text": "Question 2: which grind?"}
    write_replay(workdir / "import.jsonl", [good, long])
    (workdir / "replynudge.toml").write_text('[[accounts]]\nname = "import"\nplatform = "replay"\n'
                                            'path = "import.jsonl"\n')
    said = ("import.jsonl:2: author: must be at most 255 characters, not 256 (without author_id, the name is the "
            "author's id)")
    failed = f"temporary: {said} (fix or remove that line: the lines after it wait for it)"
    assert main(["poll", "--once"]) == 1
    captured = capsys.readouterr()
    assert re.search(rf"^import +1 +1 +1  {re.escape(failed)}$", captured.err, re.M), captured.err
    assert main(["check"]) == 1
    assert f"FAILED: {said}\n" in capsys.readouterr().out

    write_replay(workdir / "import.jsonl", [good, {**long, "author_id": "UC-b"}])  # the line fixed in place
    assert main(["poll", "--once"]) == 0
    captured = capsys.readouterr()
    assert re.search(r"^import +1 +1 +1  ok, 1 comments in 1 pages$", captured.err, re.M), captured.err
    assert main(["unanswered", "--json"]) == 0
    assert sorted(item["author"] for item in json.loads(capsys.readouterr().out)) == ["Ana", "B" * 256]


def test_check_and_poll_say_the_same_of_a_missing_replay_file(workdir, database_url, capsys, monkeypatch):
    """`check` said "replay file not found", a poll "cannot read replay file: No such file or directory": both now
    name the file, where it was looked for and what to do."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    (workdir / "replynudge.toml").write_text('[[accounts]]\nname = "gone"\nplatform = "replay"\n'
                                            'path = "missing.jsonl"\n')
    said = (f"missing.jsonl: replay file not found (looked in {workdir}): create it, or set "
            "replynudge.toml: accounts[gone].path to the file's path")
    assert main(["check"]) == 1
    assert f"FAILED: {said}\n" in capsys.readouterr().out
    assert main(["poll", "--once"]) == 1
    assert re.search(rf"^gone +0 +0 +0  temporary: {re.escape(said)}$", capsys.readouterr().err, re.M)


def test_check_shows_when_each_account_is_polled_next_and_why(workdir, database_url, capsys, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    now = datetime.now(timezone.utc)
    for name, written in (("busy", now - timedelta(minutes=3)), ("quiet", now - timedelta(days=3))):
        write_replay(workdir / f"{name}.jsonl", [{"id": "1", "post": "p", "author": "Ana",
                                                  "text": "Is the grinder dishwasher safe?",
                                                  "created_at": written.isoformat()}])
    (workdir / "replynudge.toml").write_text(
        '[defaults]\npoll_interval = "5m"\npoll_interval_min = "2m"\npoll_interval_max = "15m"\n'
        '[[accounts]]\nname = "busy"\nplatform = "replay"\npath = "busy.jsonl"\n'
        '[[accounts]]\nname = "quiet"\nplatform = "replay"\npath = "quiet.jsonl"\n'
    )
    assert main(["poll", "--once"]) == 0
    capsys.readouterr()
    assert main(["check"]) == 0
    rows = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert re.search(r"^busy +replay +- +\ds ago, ok +in 1m 5\ds \(busy\) +- +ok:", rows["busy"]), rows["busy"]
    assert re.search(r"^quiet +replay +- +\ds ago, ok +in 14m 5\ds \(quiet\) +- +ok:", rows["quiet"]), rows["quiet"]


def test_check_refuses_to_send_the_llm_key_over_plain_http(workdir, database_url, capsys, monkeypatch):
    for name, value in (("DATABASE_URL", database_url), ("LLM_BASE_URL", "http://llm.example.com:8000/v1"),
                        ("LLM_MODEL", "llama3.2"), ("LLM_API_KEY", "sk-test-4f9a0c")):
        monkeypatch.setenv(name, value)
    write_replay(workdir / "c.jsonl", [])
    (workdir / "replynudge.toml").write_text('[[accounts]]\nname = "blog"\nplatform = "replay"\npath = "c.jsonl"\n')
    for command in (["check"], ["suggest", "Is the grinder dishwasher safe?"]):
        assert main(command) == 2
        said = capsys.readouterr()
        assert said.out == ""
        assert said.err.startswith("replynudge: error: environment: LLM_API_KEY: would cross the network in clear "
                                   "text to llm.example.com"), said.err
        assert "sk-test-4f9a0c" not in said.err


def test_check_says_whether_slack_is_ready_for_run(workdir, database_url, capsys, monkeypatch, slack_api):
    """Slack setup step 4 is `replynudge check`, then `replynudge run`: check tells a missing, refused or modeless
    token and a channel the bot is not in before run does."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    slack_api.add_channel("C0SOCIAL", "social")
    slack_api.add_channel("C0OTHER", "other")
    slack_api.members["C0OTHER"] = ["U0ANA"]
    write_replay(workdir / "c.jsonl", [])
    (workdir / "replynudge.toml").write_text(
        '[[accounts]]\nname = "blog"\nplatform = "replay"\npath = "c.jsonl"\nchannel = "C0SOCIAL"\n')

    def slack_row() -> str:
        return next(line for line in capsys.readouterr().out.splitlines() if line.startswith("(slack)"))

    assert main(["check"]) == 0
    assert re.search(r"^\(slack\) +- +SLACK_BOT_TOKEN not set: nudges print in the terminal", slack_row())

    monkeypatch.setenv("SLACK_API_URL", slack_api.url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-wrong")
    slack_api.fail("auth.test", status=200, error="invalid_auth")
    assert main(["check"]) == 1
    assert "FAILED: SLACK_BOT_TOKEN: Slack refused the token (invalid_auth): copy the Bot User OAuth Token" in slack_row()

    slack_api.fail("auth.test", status=0, times=3)  # the connection closed without an answer, retries included
    assert main(["check"]) == 1
    assert f"FAILED: SLACK_API_URL: cannot reach Slack at {slack_api.url}" in slack_row()

    assert main(["check"]) == 1
    assert re.search(r"^\(slack\) +http +FAILED: replynudge in T0TEAM; neither SLACK_APP_TOKEN \(Socket Mode\) nor "
                     r"SLACK_SIGNING_SECRET \(HTTP mode\) is set", slack_row())

    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1-A0")
    assert main(["check"]) == 0
    assert re.search(r"^\(slack\) +socket mode +ok: replynudge in T0TEAM, posts to #social$", slack_row())

    (workdir / "replynudge.toml").write_text(
        '[[accounts]]\nname = "blog"\nplatform = "replay"\npath = "c.jsonl"\nchannel = "C0OTHER"\n'
        '[[accounts]]\nname = "shop"\nplatform = "replay"\npath = "c.jsonl"\nchannel = "C0GONE"\n'
        '[[accounts]]\nname = "video"\nplatform = "replay"\npath = "c.jsonl"\n')
    assert main(["check"]) == 1
    row = slack_row()
    assert "no channel for video: set channel in replynudge.toml (the account's or [defaults]')" in row
    assert "the bot cannot see C0GONE (channel_not_found)" in row
    assert "the bot is not in #other (C0OTHER): type /invite @Reply Nudge in the channel" in row


def test_check_tries_the_llm_when_one_is_configured(workdir, database_url, capsys, monkeypatch, httpserver):
    httpserver.expect_request("/v1/chat/completions").respond_with_data("Service Unavailable", status=503)
    for name, value in (("DATABASE_URL", database_url), ("LLM_BASE_URL", httpserver.url_for("/v1")),
                        ("LLM_MODEL", "llama3.2")):
        monkeypatch.setenv(name, value)
    write_replay(workdir / "c.jsonl", [])
    (workdir / "replynudge.toml").write_text('[[accounts]]\nname = "blog"\nplatform = "replay"\npath = "c.jsonl"\n')
    assert main(["check"]) == 1
    llm_row = capsys.readouterr().out.splitlines()[-1]
    assert llm_row.split()[:3] == ["(llm)", "llama3.2", "FAILED:"]
    assert "HTTP 503: Service Unavailable" in llm_row
