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

from bot.cli import main
from bot.config import parse_accounts

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
LINK = re.compile(r"\]\(([^)\s]+)\)")


def test_the_manual_builds_with_no_warning(tmp_path):
    """--strict turns every warning into a failure: a broken link or anchor, a page missing from nav."""
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert built.returncode == 0, built.stdout + built.stderr
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


def test_every_command_in_the_readme_exists():
    """Each `make X` is a Makefile target and each `replynudge X` a command, as written."""
    readme = README.read_text()
    commands = "\n".join(re.findall(r"```sh\n(.*?)```", readme, re.DOTALL) + re.findall(r"`([^`\n]+)`", readme))
    targets = set(re.findall(r"^([\w-]+):", (ROOT / "Makefile").read_text(), re.MULTILINE))
    made = set(re.findall(r"\bmake ([\w-]+)", commands))
    assert {"demo", "test"} <= made and made <= targets, made - targets
    used = set(re.findall(r"\breplynudge (\w[\w-]*)", commands))
    assert {"check", "run", "unanswered"} <= used
    for command in used:
        with pytest.raises(SystemExit) as exited:
            main([command, "--help"])
        assert exited.value.code == 0, f"README runs replynudge {command}, which is not a command"


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
