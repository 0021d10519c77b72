"""`replynudge init` as a user runs it: a real process, answers typed on stdin (and on a terminal, through a pty),
or given as flags with --yes; the credential check against the local WordPress, the channel against the stand-in
Slack API; what it writes read back the way `replynudge run` reads it."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import socket
import stat
import subprocess
import sys
import termios
import time
import tomllib
from pathlib import Path

import pytest

from bot.config_file import load_settings
from bot.sources import build_source
from tests.support.fake_wordpress import APP_PASSWORD, USER, FakeWordPress

CHANNEL = "C0SOCIAL"


@pytest.fixture
def wordpress(httpserver):
    fake = FakeWordPress(base_url=httpserver.url_for("").rstrip("/"))
    httpserver.expect_request(re.compile(".*")).respond_with_handler(fake)
    return fake


@pytest.fixture
def slack(slack_api):
    slack_api.add_channel(CHANNEL, "social")
    return slack_api


def environment(slack, **variables) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "WP_", "REPLYNUDGE_", "DATABASE_"))}
    return {**clean, "SLACK_API_URL": slack.url, **variables}


def init(workdir: Path, slack, *flags: str, answers: str | None = None, **variables) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", "init", *flags], cwd=workdir, input=answers or "",
                          capture_output=True, text=True, timeout=180, env=environment(slack, **variables))


def scripted(wordpress, name="blog", *more) -> list[str]:
    return ["--platform", "wordpress", "--name", name, "--url", wordpress.base_url, "--username", USER,
            "--secret-env", "WP_APP_PASSWORD", "--channel", CHANNEL, "--yes", *more]


def settings(workdir: Path):
    """The files as `replynudge run` reads them from that folder: .env, then replynudge.toml."""
    from dotenv import dotenv_values

    environ = {k: v for k, v in dotenv_values(workdir / ".env").items() if v}
    return load_settings({**environ, "REPLYNUDGE_CONFIG": str(workdir / "replynudge.toml")})


def files(workdir: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(workdir.iterdir())}


def test_flags_write_a_config_that_runs_and_keep_the_secrets_in_env(tmp_path, wordpress, slack):
    done = init(tmp_path, slack, *scripted(wordpress), WP_APP_PASSWORD=APP_PASSWORD, SLACK_BOT_TOKEN="xoxb-test",
                SLACK_SIGNING_SECRET="shh")
    assert done.returncode == 0, done.stderr
    assert "ok: Acme Coffee (user 3)" in done.stdout and "#social" in done.stdout
    assert [call.params["channel"] for call in slack.calls_to("conversations.info")] == [CHANNEL]

    config = (tmp_path / "replynudge.toml").read_text()
    assert APP_PASSWORD not in config and "xoxb-test" not in config
    assert tomllib.loads(config)["accounts"] == [{"name": "blog", "platform": "wordpress", "url": wordpress.base_url,
                                                 "username": USER, "app_password_env": "WP_APP_PASSWORD",
                                                 "channel": CHANNEL}]
    assert stat.S_IMODE((tmp_path / ".env").stat().st_mode) == 0o600
    loaded = settings(tmp_path)
    assert loaded.slack_bot_token == "xoxb-test" and loaded.slack_signing_secret == "shh"
    account = loaded.account("blog")
    assert account.secrets["app_password"] == APP_PASSWORD and account.channel == CHANNEL
    assert build_source(account).check().startswith("Acme Coffee")
    assert not [path for path in tmp_path.iterdir() if path.name.endswith(".tmp")]


def test_the_config_file_named_in_env_is_the_one_written(tmp_path, wordpress, slack):
    (tmp_path / ".env").write_text("REPLYNUDGE_CONFIG=team/nudges.toml\n")
    done = init(tmp_path, slack, *scripted(wordpress), WP_APP_PASSWORD=APP_PASSWORD)
    assert done.returncode == 0, done.stderr
    assert "Wrote account 'blog' to team/nudges.toml" in done.stdout
    assert tomllib.loads((tmp_path / "team" / "nudges.toml").read_text())["accounts"][0]["name"] == "blog"
    assert not (tmp_path / "replynudge.toml").exists()


def test_a_second_run_adds_an_account_and_keeps_the_comments(tmp_path, wordpress, slack):
    (tmp_path / "replynudge.toml").write_text('# our team\n[defaults]\nnudge_after = "30m"  # quick\n')
    assert init(tmp_path, slack, *scripted(wordpress), WP_APP_PASSWORD=APP_PASSWORD).returncode == 0
    second = init(tmp_path, slack, *scripted(wordpress, "shop-blog", "--secret-env", "SHOP_PASSWORD"),
                  WP_APP_PASSWORD="ignored", SHOP_PASSWORD=APP_PASSWORD)
    assert second.returncode == 0, second.stderr

    config = (tmp_path / "replynudge.toml").read_text()
    assert config.startswith('# our team\n[defaults]\nnudge_after = "30m"  # quick\n\n[[accounts]]\nname = "blog"\n')
    assert '"\n\n[[accounts]]\nname = "shop-blog"\n' in config  # each table apart from the one before
    assert [a.name for a in settings(tmp_path).accounts] == ["blog", "shop-blog"]
    assert "nudge_after" not in tomllib.loads(config)["accounts"][1]  # it inherits [defaults]
    assert settings(tmp_path).account("shop-blog").secrets["app_password"] == APP_PASSWORD

    replaced = init(tmp_path, slack, *scripted(wordpress, "blog", "--nudge-after", "2h", "--force"),
                    WP_APP_PASSWORD=APP_PASSWORD)
    assert replaced.returncode == 0, replaced.stderr
    config = (tmp_path / "replynudge.toml").read_text()
    assert config.count("\n\n[[accounts]]\n") == 2 and 'nudge_after = "2h"' in config  # still a blank line apart

def test_an_existing_account_is_replaced_only_with_force(tmp_path, wordpress, slack):
    assert init(tmp_path, slack, *scripted(wordpress), WP_APP_PASSWORD=APP_PASSWORD).returncode == 0
    before = files(tmp_path)
    again = init(tmp_path, slack, *scripted(wordpress), "--channel", "C0OTHER", WP_APP_PASSWORD=APP_PASSWORD)
    assert again.returncode == 2
    assert "already has an account 'blog'; choose another --name, or pass --force" in again.stderr
    assert files(tmp_path) == before

    slack.add_channel("C0OTHER", "other")
    forced = init(tmp_path, slack, *scripted(wordpress), "--channel", "C0OTHER", "--force",
                  WP_APP_PASSWORD=APP_PASSWORD)
    assert forced.returncode == 0, forced.stderr
    assert [(a.name, a.channel) for a in settings(tmp_path).accounts] == [("blog", "C0OTHER")]


def test_a_different_secret_in_env_is_not_overwritten_without_force(tmp_path, wordpress, slack):
    (tmp_path / ".env").write_text("# ours\nWP_APP_PASSWORD=old-one\n")
    refused = init(tmp_path, slack, *scripted(wordpress), WP_APP_PASSWORD=APP_PASSWORD)
    assert refused.returncode == 2
    assert ".env already has WP_APP_PASSWORD with another value; pass --force" in refused.stderr
    assert files(tmp_path) == {".env": b"# ours\nWP_APP_PASSWORD=old-one\n"}

    forced = init(tmp_path, slack, *scripted(wordpress, "blog", "--force"), WP_APP_PASSWORD=APP_PASSWORD)
    assert forced.returncode == 0, forced.stderr
    assert (tmp_path / ".env").read_text() == f"# ours\nWP_APP_PASSWORD={APP_PASSWORD}\n"


def test_failing_checks_write_nothing_and_say_why(tmp_path, wordpress, slack):
    wrong = init(tmp_path, slack, *scripted(wordpress), WP_APP_PASSWORD="not it")
    assert wrong.returncode == 2
    assert "the check failed: wordpress rejected the credentials (HTTP 401" in wrong.stderr and "not it" not in wrong.stderr
    unseen = init(tmp_path, slack, *scripted(wordpress), "--channel", "C0SECRET", WP_APP_PASSWORD=APP_PASSWORD,
                  SLACK_BOT_TOKEN="xoxb-test")
    assert unseen.returncode == 2 and "the bot cannot see C0SECRET (channel_not_found)" in unseen.stderr
    missing = init(tmp_path, slack, "--platform", "wordpress", "--url", wordpress.base_url, "--yes",
                   SLACK_BOT_TOKEN="xoxb-test")
    assert missing.returncode == 2 and "init: --username: required with --yes" in missing.stderr
    assert list(tmp_path.iterdir()) == []


def test_answers_on_stdin_and_bad_ones_asked_again(tmp_path, wordpress, slack):
    answers = "\n".join([
        "myspace", "wordpress",             # platform
        "my blog", "blog",                   # account name
        "ftp://blog", wordpress.base_url,    # url
        USER, "", "wrong password",          # username, variable (default), password
        "y", wordpress.base_url, USER, "", APP_PASSWORD,  # the check failed: again
        "soon", "30m",                       # nudge after
        "xoxb-test", "", "shh",              # Slack: bot token, no app token (HTTP mode), signing secret
        "general", "C0NOPE", CHANNEL,        # channel
    ]) + "\n"
    done = init(tmp_path, slack, answers=answers)
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert "'myspace' is not a platform; choose one of wordpress, mastodon" in out
    assert "'my blog': use letters, digits" in out
    assert "wordpress url (the site's home page" in out and "accounts[blog].url: must be an http(s) URL" in out
    assert "the check failed: wordpress rejected the credentials (HTTP 401" in out
    assert "'soon' is not a duration" in out
    assert "'general' is not a channel id" in out and "the bot cannot see C0NOPE (channel_not_found)" in out
    loaded = settings(tmp_path)
    assert loaded.account("blog").secrets["app_password"] == APP_PASSWORD
    written = tomllib.loads((tmp_path / "replynudge.toml").read_text())["accounts"][0]
    assert (written["app_password_env"], written["nudge_after"]) == ("BLOG_APP_PASSWORD", "30m")
    assert (loaded.slack_bot_token, loaded.slack_signing_secret, loaded.slack_app_token) == ("xoxb-test", "shh", None)


def test_on_a_terminal_secrets_are_not_echoed_and_ctrl_c_writes_nothing(tmp_path, wordpress, slack):
    (tmp_path / "replynudge.toml").write_text("# kept as it is\n")
    terminal = Terminal(tmp_path, environment(slack))
    terminal.answer("Platform", "wordpress")
    terminal.answer("Account name", "")
    terminal.answer("wordpress url", wordpress.base_url)
    terminal.answer("wordpress username", USER)
    terminal.answer("Environment variable", "")
    terminal.answer("hidden, saved to .env", APP_PASSWORD)
    terminal.wait_for("ok: Acme Coffee")
    terminal.answer("before the nudge", "")
    terminal.answer("Slack bot token", "")
    terminal.wait_for("Slack channel id", prompting=True)
    terminal.interrupt()
    assert terminal.close() == 130
    assert APP_PASSWORD not in terminal.output and "nothing written" in terminal.output
    assert files(tmp_path) == {"replynudge.toml": b"# kept as it is\n"}


class Terminal:
    """`replynudge init` on a pseudo-terminal, as a person at a keyboard sees it."""

    def __init__(self, workdir: Path, env: dict[str, str]):
        self.main, child = pty.openpty()
        self.process = subprocess.Popen([sys.executable, "-m", "bot", "init"], cwd=workdir, env=env,
                                        stdin=child, stdout=child, stderr=child, start_new_session=True,
                                        preexec_fn=self._at_a_keyboard)
        os.close(child)
        self.output, self.seen = "", 0

    @staticmethod
    def _at_a_keyboard() -> None:
        """In the child: the pty is its controlling terminal, and Ctrl-C interrupts it as in a shell (a test run
        started in the background inherits SIGINT ignored, and Python then never raises KeyboardInterrupt)."""
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)
        signal.signal(signal.SIGINT, signal.SIG_DFL)

    def wait_for(self, text: str, timeout: float = 120, *, prompting: bool = False) -> None:
        """Until `text` appears after what was waited for before (and, `prompting`, the output ends in a prompt:
        the process waits for the keyboard)."""
        deadline = time.monotonic() + timeout
        while text not in self.output[self.seen :] or (prompting and not self.output.endswith(": ")):
            assert time.monotonic() < deadline, f"no {text!r} in {self.output[self.seen:]!r}"
            if select.select([self.main], [], [], 0.2)[0]:
                self.output += os.read(self.main, 4096).decode(errors="replace")
        self.seen = self.output.index(text, self.seen) + len(text)

    def answer(self, prompt: str, text: str) -> None:
        """Typed once the prompt is shown in full (a hidden one turns echo off first, and drops what came early)."""
        self.wait_for(prompt, prompting=True)
        os.write(self.main, (text + "\n").encode())

    def interrupt(self) -> None:
        os.write(self.main, b"\x03")  # the terminal turns it into SIGINT

    def close(self) -> int:
        deadline = time.monotonic() + 120
        while self.process.poll() is None or select.select([self.main], [], [], 0.1)[0]:
            assert time.monotonic() < deadline, f"still running after: {self.output!r}"
            if select.select([self.main], [], [], 0.1)[0]:
                try:
                    self.output += os.read(self.main, 4096).decode(errors="replace")
                except OSError:  # the other end closed
                    break
        os.close(self.main)
        return self.process.wait()


def test_a_bot_token_without_a_mode_asks_for_one_or_says_so(tmp_path, wordpress, slack):
    warned = init(tmp_path, slack, *scripted(wordpress), WP_APP_PASSWORD=APP_PASSWORD, SLACK_BOT_TOKEN="xoxb-test")
    assert warned.returncode == 0, warned.stderr
    assert "neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is set" in warned.stdout

    answers = "\n".join(["wordpress", "shop", wordpress.base_url, USER, "WP_APP_PASSWORD", "", "xapp-1-A0", CHANNEL])
    asked = init(tmp_path, slack, answers=answers + "\n", SLACK_BOT_TOKEN="xoxb-test")
    assert asked.returncode == 0, asked.stdout + asked.stderr
    assert "Slack app-level token for Socket Mode" in asked.stdout
    assert settings(tmp_path).slack_app_token == "xapp-1-A0"


def test_asked_before_replacing_an_account_and_a_broken_file_is_left_alone(tmp_path, wordpress, slack):
    assert init(tmp_path, slack, *scripted(wordpress), WP_APP_PASSWORD=APP_PASSWORD).returncode == 0
    answers = "\n".join(["wordpress", "blog", "n", "blog-2", wordpress.base_url, USER, "", APP_PASSWORD, "", "", CHANNEL]) + "\n"
    done = init(tmp_path, slack, answers=answers, WP_APP_PASSWORD=APP_PASSWORD)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "already has an account 'blog'. Replace it? [y/N]" in done.stdout
    assert settings(tmp_path).account("blog-2").secrets["app_password"] == APP_PASSWORD  # in BLOG_2_APP_PASSWORD
    assert [a.name for a in settings(tmp_path).accounts] == ["blog", "blog-2"]

    (tmp_path / "replynudge.toml").write_text("[[accounts]\nname = 'broken'\n")
    before = files(tmp_path)
    broken = init(tmp_path, slack, *scripted(wordpress, "blog-3"), WP_APP_PASSWORD=APP_PASSWORD)
    assert broken.returncode == 2 and "replynudge.toml: not valid TOML" in broken.stderr
    assert files(tmp_path) == before


def test_a_secret_a_env_file_would_read_differently_is_refused(tmp_path, wordpress, slack):
    done = init(tmp_path, slack, *scripted(wordpress), "--no-check", WP_APP_PASSWORD="pa${HOME}ss")
    assert done.returncode == 2
    assert ".env: WP_APP_PASSWORD: the value cannot be written to a .env file as it is" in done.stderr
    assert "pa${HOME}ss" not in done.stderr and list(tmp_path.iterdir()) == []
    quoted = init(tmp_path, slack, *scripted(wordpress), "--no-check", WP_APP_PASSWORD="it's \"quoted\" \\ too")
    assert quoted.returncode == 0, quoted.stderr
    assert settings(tmp_path).account("blog").secrets["app_password"] == "it's \"quoted\" \\ too"


def test_a_symlinked_env_is_written_through_to_its_target(tmp_path, wordpress, slack):
    """A .env (or config) kept elsewhere and linked in stays linked: the target is replaced, with its mode."""
    project, secrets = tmp_path / "project", tmp_path / "secrets"
    project.mkdir(), secrets.mkdir()
    (secrets / "replynudge.env").write_text("# shared with the team\n")
    (secrets / "replynudge.env").chmod(0o600)
    (secrets / "replynudge.toml").write_text("# ours\n")
    (project / ".env").symlink_to("../secrets/replynudge.env")
    (project / "replynudge.toml").symlink_to(secrets / "replynudge.toml")
    done = init(project, slack, *scripted(wordpress), WP_APP_PASSWORD=APP_PASSWORD)
    assert done.returncode == 0, done.stderr
    assert (project / ".env").is_symlink() and (project / "replynudge.toml").is_symlink()
    assert (secrets / "replynudge.env").read_text() == f"# shared with the team\nWP_APP_PASSWORD={APP_PASSWORD}\n"
    assert stat.S_IMODE((secrets / "replynudge.env").stat().st_mode) == 0o600
    assert (secrets / "replynudge.toml").read_text().startswith("# ours\n")
    assert settings(project).account("blog").secrets["app_password"] == APP_PASSWORD
    assert sorted(path.name for path in secrets.iterdir()) == ["replynudge.env", "replynudge.toml"]
    assert sorted(path.name for path in project.iterdir()) == [".env", "replynudge.toml"]


def test_a_file_that_cannot_be_replaced_leaves_no_copy_of_the_secrets(tmp_path, wordpress, slack):
    """.env turned into a folder while init waits for the last answer: the rename fails, and the staged copies
    (one holds the password) are removed; the error names the file."""
    (tmp_path / "replynudge.toml").write_text("# kept as it is\n")
    terminal = Terminal(tmp_path, environment(slack))
    terminal.answer("Platform", "wordpress")
    terminal.answer("Account name", "")
    terminal.answer("wordpress url", wordpress.base_url)
    terminal.answer("wordpress username", USER)
    terminal.answer("Environment variable", "")
    terminal.answer("hidden, saved to .env", APP_PASSWORD)
    terminal.wait_for("ok: Acme Coffee")
    terminal.answer("before the nudge", "")
    terminal.answer("Slack bot token", "")
    terminal.wait_for("Slack channel id", prompting=True)
    (tmp_path / ".env").mkdir()
    terminal.answer("", CHANNEL)
    assert terminal.close() == 2
    assert ".env: cannot replace it (Is a directory); nothing written" in terminal.output
    assert files_and_folders(tmp_path) == {"replynudge.toml": b"# kept as it is\n", ".env": None}


def files_and_folders(workdir: Path) -> dict[str, bytes | None]:
    return {path.name: None if path.is_dir() else path.read_bytes() for path in workdir.iterdir()}


def test_a_secret_that_failed_its_check_is_neither_offered_again_nor_saved(tmp_path, wordpress, slack):
    answers = "\n".join([
        "wordpress", "blog", wordpress.base_url, USER, "", "wrong password",  # BLOG_APP_PASSWORD
        "y", wordpress.base_url, USER, "", "", "still wrong",  # Enter at the password: asked again, not reused
        "y", wordpress.base_url, USER, "BLOG_PASSWORD", APP_PASSWORD,  # another variable: the wrong one not kept
        "", "", CHANNEL,                                                  # nudge after, no Slack token, channel
    ]) + "\n"
    done = init(tmp_path, slack, answers=answers)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("the check failed: wordpress rejected the credentials (HTTP 401") == 2
    assert "the wordpress app password (an Application Password of that user) is required (input is hidden)" in done.stdout
    assert "wrong" not in done.stdout and "wrong" not in (tmp_path / ".env").read_text()
    assert (tmp_path / ".env").read_text() == f"BLOG_PASSWORD={APP_PASSWORD}\n"
    assert settings(tmp_path).account("blog").secrets["app_password"] == APP_PASSWORD


def test_flags_made_of_digits_stay_strings_unless_the_key_is_a_number(tmp_path, slack):
    done = init(tmp_path, slack, "--platform", "facebook", "--name", "page", "--page-id", "0012345678",
                "--secret-env", "FB_TOKEN", "--recent-days", "14", "--channel", CHANNEL, "--no-check", "--yes",
                FB_TOKEN="EAAtoken")
    assert done.returncode == 0, done.stderr
    written = tomllib.loads((tmp_path / "replynudge.toml").read_text())["accounts"][0]
    assert (written["page_id"], written["recent_days"]) == ("0012345678", 14)
    assert settings(tmp_path).account("page").options["page_id"] == "0012345678"


def test_without_slack_yet_the_channel_can_wait_and_the_nudges_print(tmp_path, slack):
    """Enter at the bot token skips Slack, as the question says: then the channel is not required either."""
    (tmp_path / "comments.jsonl").write_text("")
    answers = "\n".join(["replay", "mugs", "comments.jsonl", "", "", ""])  # nudge after: 1h; no token; no channel
    asked = init(tmp_path, slack, answers=answers + "\n")
    assert asked.returncode == 0, asked.stdout + asked.stderr
    assert "Slack channel id for the nudges (Enter: none yet, add it with the Slack tokens)" in asked.stdout
    assert "Next: replynudge check, then replynudge run (no Slack bot token yet: the nudges print in the terminal)" \
        in asked.stdout
    assert "channel" not in tomllib.loads((tmp_path / "replynudge.toml").read_text())["accounts"][0]
    assert settings(tmp_path).account("mugs").channel is None

    scripted = init(tmp_path, slack, "--platform", "replay", "--name", "shop", "--path", "comments.jsonl", "--yes")
    assert scripted.returncode == 0, scripted.stderr
    with_slack = init(tmp_path, slack, "--platform", "replay", "--name", "video", "--path", "comments.jsonl", "--yes",
                      SLACK_BOT_TOKEN="xoxb-test", SLACK_APP_TOKEN="xapp-1-A0")
    assert with_slack.returncode == 2 and "init: --channel: required with --yes" in with_slack.stderr


def test_env_reads_the_same_through_docker_run(tmp_path, wordpress, slack):
    """The README's `docker run --env-file .env` keeps quotes as part of a value (docker/cli#3630), unlike python-dotenv
    and Compose: a value that needs no quotes is written without, so all three read the same token."""
    secrets = {"WP_APP_PASSWORD": APP_PASSWORD, "SLACK_BOT_TOKEN": "xoxb-1-2-abcDEF", "SLACK_SIGNING_SECRET": "8f14e45f"}
    done = init(tmp_path, slack, *scripted(wordpress), **secrets)
    assert done.returncode == 0, done.stderr
    lines = (tmp_path / ".env").read_text().splitlines()
    as_docker_reads_it = dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))
    assert as_docker_reads_it == secrets
    loaded = settings(tmp_path)
    assert (loaded.slack_bot_token, loaded.account("blog").secrets["app_password"]) == ("xoxb-1-2-abcDEF", APP_PASSWORD)


def test_no_check_calls_neither_the_platform_nor_slack(tmp_path, wordpress, slack):
    """An offline setup: Slack out of reach stops --yes with what to do, and --no-check writes without asking it."""
    with socket.socket() as closed:  # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        nowhere = f"http://127.0.0.1:{closed.getsockname()[1]}/api/"
    offline = {"WP_APP_PASSWORD": APP_PASSWORD, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_APP_TOKEN": "xapp-1-A0",
               "SLACK_API_URL": nowhere}
    stopped = init(tmp_path, slack, *scripted(wordpress), **offline)
    assert stopped.returncode == 2
    assert f"init: SLACK_BOT_TOKEN: cannot reach Slack at {nowhere}" in stopped.stderr
    assert "(nothing written; --no-check skips it)" in stopped.stderr and list(tmp_path.iterdir()) == []

    written = init(tmp_path, slack, *scripted(wordpress, "blog", "--no-check"), **offline)
    assert written.returncode == 0, written.stderr
    assert (settings(tmp_path).slack_bot_token, settings(tmp_path).account("blog").channel) == ("xoxb-test", CHANNEL)


def test_the_help_shows_each_platforms_flags_and_a_missing_secret_names_its_flag(tmp_path, slack):
    """`init --help` is where a script's author looks for the flags: every platform key is one, secrets included
    (YouTube's refresh token has no other way in with --yes), followed by the platforms that have it."""
    helped = init(tmp_path, slack, "--help")
    assert helped.returncode == 0
    flags = dict(re.findall(r"^  (--[a-z-]+) (?:VALUE|VARIABLE)\s+([a-z, ]+)$", helped.stdout, re.M))
    assert flags["--refresh-token-env"] == "youtube" and flags["--client-secret-env"] == "youtube, reddit"
    assert flags["--password-env"] == "reddit" and flags["--url"] == "wordpress"

    youtube = ["--platform", "youtube", "--name", "video", "--channel-id", "UC0123456789abcdefghijkl", "--client-id",
               "client-1", "--refresh-token-env", "YT_REFRESH", "--no-check", "--yes"]
    missing = init(tmp_path, slack, *youtube, YT_REFRESH="1//token")
    assert missing.returncode == 2
    assert "init: --client-secret-env: VIDEO_CLIENT_SECRET is not set; export it" in missing.stderr
    assert list(tmp_path.iterdir()) == []
