"""The manual: the site builds strictly, the README stays a short front page whose links and commands work, and
the examples the pages give load."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from bot import config_keys
from bot.cli import main
from bot.config import format_duration
from bot.config_file import load_settings, parse_accounts
from bot.config_keys import names
from bot.sources import build_source, options_of

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
LINK = re.compile(r"\]\(([^)\s]+)\)")


def test_the_manual_builds_with_no_warning(tmp_path):
    """--strict turns every warning into a failure: a broken link or anchor, a page missing from nav."""
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert built.returncode == 0, built.stdout + built.stderr + "\n(a new page goes into mkdocs.yml's nav)"
    assert (tmp_path / "site" / "accounts" / "wordpress" / "index.html").exists()


def test_the_readme_is_a_front_page():
    assert len(README.read_text()) < 12_000


def slug(heading: str) -> str:
    """The anchor GitHub and MkDocs both give a heading (lower case, punctuation dropped, spaces to dashes)."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    text = re.sub(r"```.*?```", "", page.read_text(), flags=re.DOTALL)
    return {slug(re.sub(r"[`*]", "", heading)) for heading in re.findall(r"^#+ (.+)$", text, re.MULTILINE)}


def test_every_relative_link_in_the_readme_resolves():
    links = [link for link in LINK.findall(README.read_text()) if not re.match(r"[a-z]+:", link)]
    assert len(links) > 10
    for link in links:
        path, _, anchor = link.partition("#")
        target = (ROOT / path).resolve()
        assert target.exists(), f"README links to {link}, which does not exist"
        if anchor:
            assert anchor in anchors(target), f"README links to {link}: no such heading"


def commands_in(text: str) -> str:
    return "\n".join(re.findall(r"```sh\n(.*?)```", text, re.DOTALL) + re.findall(r"`([^`\n]+)`", text))


def test_every_command_in_the_readme_exists():
    """Each `make X` is a Makefile target and each `replynudge X` a command, as written."""
    commands = commands_in(README.read_text())
    targets = set(re.findall(r"^([\w-]+):", (ROOT / "Makefile").read_text(), re.MULTILINE))
    made = set(re.findall(r"\bmake ([\w-]+)", commands))
    assert {"demo", "test"} <= made and made <= targets, made - targets
    used = set(re.findall(r"\breplynudge (\w[\w-]*)", commands))
    assert {"check", "init", "run", "unanswered"} <= used
    assert_commands(used, "README.md")


def assert_commands(used: set[str], where: str) -> None:
    for command in used:
        with pytest.raises(SystemExit) as exited:
            main([command, "--help"])
        assert exited.value.code == 0, f"{where} runs replynudge {command}, which is not a command"


def test_every_command_in_the_manual_exists():
    for page in (ROOT / "docs").rglob("*.md"):
        assert_commands(set(re.findall(r"\breplynudge (\w[\w-]*)", commands_in(page.read_text()))), page.name)


def test_env_example_lists_every_variable():
    """The reference says `.env.example` lists every variable; a new one goes there too, with its comment."""
    listed = set(re.findall(r"^#? ?([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE))
    assert names(config_keys.ENVIRONMENT) <= listed


@pytest.mark.parametrize("page", sorted((ROOT / "docs" / "accounts").glob("*.md")), ids=lambda page: page.stem)
def test_the_account_examples_load(page):
    """An example a user copies is a working account: its keys are the platform's, its secrets named."""
    examples = re.findall(r"```toml\n(.*?)```", page.read_text(), re.DOTALL)
    for example in examples:
        document = tomllib.loads(example)
        secrets = {value: "a-secret" for entry in document["accounts"] for key, value in entry.items()
                   if key.endswith("_env")}
        (account,) = parse_accounts(document, page.name, secrets)
        assert account.platform == page.stem.replace("jsonl", "replay")
    assert examples or page.stem == "index"


def test_the_configuration_reference_is_what_the_code_says():
    """docs/configuration.md is written by scripts/gen-config-reference from bot/config_keys.py; a hand edit, or a
    setting changed without running the script, fails here with the difference."""
    checked = subprocess.run([sys.executable, "scripts/gen-config-reference", "--check"], cwd=ROOT,
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_every_environment_variable_the_code_reads_is_in_the_reference():
    read = set()
    for module in (ROOT / "bot").rglob("*.py"):
        read |= set(re.findall(r"environ(?:\.get\(|\[)\"([A-Z_]+)\"", module.read_text()))
    documented = names(config_keys.ENVIRONMENT)
    assert read == documented, (
        f"read but not in bot/config_keys.py ENVIRONMENT: {sorted(read - documented)}; "
        f"documented but never read: {sorted(documented - read)} (then run scripts/gen-config-reference)")


def test_the_documented_defaults_are_the_defaults():
    """What the reference says a setting is when unset is what the code makes of it."""
    settings = load_settings({}, require_config=False, dotenv=False)
    environment = {setting.name: setting.default.strip("`") for setting in config_keys.ENVIRONMENT}
    assert (settings.database_url, str(settings.config_path), settings.slack_api_url, str(settings.port),
            settings.host, format_duration(settings.lease), settings.log_format, str(settings.health_port),
            settings.health_host) == tuple(
        environment[name] for name in ("DATABASE_URL", "REPLYNUDGE_CONFIG", "SLACK_API_URL", "PORT", "HOST",
                                       "REPLYNUDGE_LEASE", "LOG_FORMAT", "HEALTH_PORT", "HEALTH_HOST"))
    (account,) = parse_accounts({"accounts": [{"name": "a", "platform": "replay", "path": "c.jsonl"}]}, "f", {})
    shared = {setting.name: setting.default.strip("`") for setting in config_keys.SHARED}
    assert (format_duration(account.nudge_after), str(account.min_score), str(account.timezone), account.count,
            str(account.digest_threshold), str(account.max_escalations), format_duration(account.alert_after),
            format_duration(account.poll_intervals.usual)) == tuple(
        shared[key] for key in ("nudge_after", "min_score", "timezone", "count", "digest_threshold",
                                "max_escalations", "alert_after", "poll_interval"))


# A platform key's documented default, and the attribute of the platform's source that holds what it became.
SOURCE_DEFAULTS = [
    ("youtube", "api_url", "api_url"), ("youtube", "token_url", "token_url"), ("youtube", "quota_budget", "budget"),
    ("youtube", "reply_reserve", "reserve"), ("youtube", "recent_days", "days"), ("reddit", "api_url", "api_url"),
    ("reddit", "auth_url", "auth_url"), ("reddit", "recent_days", "days"), ("facebook", "api_url", "api_url"),
    ("instagram", "api_url", "api_url"), ("threads", "api_url", "api_url"), ("linkedin", "api_url", "api_url"),
    ("linkedin", "recent_days", "days"), ("bluesky", "recent_days", "days"), ("mastodon", "recent_days", "days"),
]


@pytest.mark.parametrize("platform, key, attribute", SOURCE_DEFAULTS, ids=lambda value: str(value))
def test_the_documented_platform_defaults_are_the_sources(platform, key, attribute):
    page = (ROOT / "docs" / "accounts" / f"{platform}.md").read_text()
    document = tomllib.loads(re.findall(r"```toml\n(.*?)```", page, re.DOTALL)[0])
    (entry,) = document["accounts"]
    entry.pop(key, None)
    secrets = {value: "a-secret" for name, value in entry.items() if name.endswith("_env")}
    (account,) = parse_accounts(document, "f", secrets)
    (setting,) = [option.setting() for option in options_of(platform) if option.written == key]
    assert str(getattr(build_source(account), attribute)) == setting.default.strip("`")
