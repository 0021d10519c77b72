"""Every configuration mistake: exit 2 and one line naming the file and the key, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

import pytest

from bot.cli import main
from bot.config import parse_duration

GOOD_ACCOUNT = """
[[accounts]]
name = "blog"
platform = "replay"
path = "comments.jsonl"
"""


def run_cli(capsys, *args):
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    "text, expected",
    [("90s", 90), ("30m", 1800), ("2h", 7200), ("1d", 86400), ("1h30m", 5400), ("0s", 0), ("1w", 604800), ("1.5h", 5400)],
)
def test_durations(text, expected):
    assert parse_duration(text) == timedelta(seconds=expected)


@pytest.mark.parametrize("text", ["", "5x", "h", "10", "1h 30", "-1h", "1h-30m"])
def test_bad_durations(text):
    with pytest.raises(ValueError):
        parse_duration(text)


@pytest.mark.parametrize(
    "config, expected",
    [
        ('[[accounts]]\nname = "a"\nplatform = "myspace"\n', "replynudge.toml: accounts[a].platform: 'myspace' is not a platform"),
        ('[defaults]\nnudge_after = "5 minutes"\n' + GOOD_ACCOUNT, "replynudge.toml: accounts[blog].nudge_after: '5 minutes' is not a duration"),
        (GOOD_ACCOUNT + GOOD_ACCOUNT, "replynudge.toml: accounts[1].name: duplicate account name 'blog'"),
        ('[[accounts]]\nname = "blog"\nplatform = "wordpress"\nurl = "https://blog.example.com"\nusername = "acme"\n'
         'app_password_env = "NOT_SET_ANYWHERE"\n',
         "replynudge.toml: accounts[blog].app_password_env: environment variable NOT_SET_ANYWHERE is not set"),
        ('[[accounts]]\nname = "blog"\nplatform = "replay"\n', "replynudge.toml: accounts[blog].path is required for platform 'replay'"),
        (GOOD_ACCOUNT + 'colour = "blue"\n', "replynudge.toml: accounts[blog].colour: unknown key for platform 'replay'"),
        (GOOD_ACCOUNT + "min_score = 120\n", "replynudge.toml: accounts[blog].min_score: must be a whole number from 0 to 100"),
        ('[defaults]\ntimezone = "Mars/Olympus"\n' + GOOD_ACCOUNT, "replynudge.toml: accounts[blog].timezone: 'Mars/Olympus' is not a known time zone"),
        ('[defaults]\nchanel = "C1"\n' + GOOD_ACCOUNT, "replynudge.toml: defaults.chanel: unknown key"),
        ("[[accounts]\nname=", "replynudge.toml: not valid TOML"),
        ('[[accounts]]\nplatform = "replay"\n', "replynudge.toml: accounts[0].name: required"),
    ],
)
def test_config_mistakes_name_the_key(workdir, capsys, config, expected):
    (workdir / "replynudge.toml").write_text(config)
    code, out, err = run_cli(capsys, "poll", "--once")
    assert code == 2
    assert err.startswith("replynudge: error: " + expected)
    assert err.count("\n") == 1 and "Traceback" not in err


def test_missing_config_file(workdir, capsys, monkeypatch):
    monkeypatch.setenv("REPLYNUDGE_CONFIG", "elsewhere/nudges.toml")
    code, _, err = run_cli(capsys, "poll", "--once")
    assert code == 2
    assert err == ("replynudge: error: elsewhere/nudges.toml: config file not found (replynudge init writes it; "
                   "REPLYNUDGE_CONFIG names another)\n")


def test_unreadable_config_file(workdir, capsys):
    (workdir / "replynudge.toml").mkdir()  # a folder where the file should be: unreadable, whoever runs the test
    code, _, err = run_cli(capsys, "check")
    assert code == 2 and err.startswith("replynudge: error: replynudge.toml: cannot read config file")


def test_secrets_come_from_the_environment_and_are_never_echoed(workdir, capsys, monkeypatch):
    monkeypatch.setenv("REPLAY_TOKEN", "s3cret-value")
    (workdir / "replynudge.toml").write_text(GOOD_ACCOUNT + 'token_env = "REPLAY_TOKEN"\n')
    code, out, err = run_cli(capsys, "poll", "--once")
    assert code == 2 and "token_env: unknown key" in err  # replay takes no token; the value is not shown
    assert "s3cret-value" not in out + err


def test_unreachable_database(workdir, capsys, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")
    code, _, err = run_cli(capsys, "unanswered")
    assert code == 2 and err.startswith("replynudge: error: environment: DATABASE_URL: cannot reach the database")


def test_bad_database_url(workdir, capsys, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "not a url")
    code, _, err = run_cli(capsys, "db", "upgrade")
    assert code == 2 and err == "replynudge: error: environment: DATABASE_URL: 'not a url' is not a database URL\n"


def test_dotenv_is_read_but_real_environment_wins(workdir, capsys, monkeypatch):
    (workdir / ".env").write_text("REPLYNUDGE_CONFIG=from-dotenv.toml\nDATABASE_URL=sqlite:///dotenv.db\n")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{workdir / 'real.db'}")
    monkeypatch.setenv("REPLYNUDGE_CONFIG", "placeholder")
    monkeypatch.delenv("REPLYNUDGE_CONFIG")  # monkeypatch now restores the variable that load_dotenv will set
    code, _, err = run_cli(capsys, "poll", "--once")
    assert code == 2 and "from-dotenv.toml: config file not found" in err


def test_console_script_prints_one_line_without_traceback(workdir):
    (workdir / "replynudge.toml").write_text('[[accounts]]\nname = "a"\nplatform = "friendster"\n')
    result = subprocess.run(
        [sys.executable, "-m", "bot", "poll", "--once"], cwd=workdir, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert result.stderr == (
        "replynudge: error: replynudge.toml: accounts[a].platform: 'friendster' is not a platform "
        "(one of: wordpress, mastodon, bluesky, youtube, facebook, instagram, threads, linkedin, reddit, replay)\n"
    )
