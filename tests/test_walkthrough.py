"""docs/walkthrough.md, followed step by step: its shell blocks run in their order, in a fresh clone of this
repository, against a real WordPress (tests/support/real_wordpress.py) and the stand-in Slack Web API, with only the
walkthrough's placeholders (the site, the secrets, the channel) replaced by the test's own. Editing the page's
commands changes what this test runs; it passes when the visitor's comment is a nudge in the channel."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.support.real_wordpress import BRAND_USER, RealWordPress

pytestmark = [pytest.mark.real_clock, pytest.mark.slow]  # WordPress dates comments by PHP's clock

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "walkthrough.md"
CHANNEL = "C0WALKTHRU"


def steps() -> tuple[list[str], str]:
    """The page's shell blocks in order, and the visitor's comment it quotes."""
    text = PAGE.read_text()
    return re.findall(r"```sh\n(.*?)```", text, re.DOTALL), re.search(r"^> (.+)$", text, re.MULTILINE).group(1)


def placeholders(site: RealWordPress, slack) -> dict[str, str]:
    """The walkthrough's example values -> this test's: each must be on the page (else the page changed under us)."""
    return {
        "https://blog.example.com": site.url,
        "'abcd EFGH 1234 ijkl MNOP 5678'": f"'{site.app_password}'",
        "'xoxb-your-bot-token'": "'xoxb-walkthrough'",
        "'your-signing-secret'": "'walkthrough-secret'",
        "C0123ABCD": CHANNEL,
        "--username acme": f"--username {BRAND_USER}",
    }


@pytest.fixture
def site(tmp_path):
    wordpress = RealWordPress.start(tmp_path)
    yield wordpress
    wordpress.stop()


def test_the_walkthrough_from_a_fresh_clone_to_a_nudge_in_the_channel(tmp_path, site, slack_api):
    slack_api.add_channel(CHANNEL, "social")
    blocks, question = steps()
    page = "\n".join(blocks)
    swaps = placeholders(site, slack_api)
    for example in swaps:
        assert example in page, f"docs/walkthrough.md no longer shows {example!r}: update placeholders()"

    clone = fresh_clone(tmp_path / "reply-nudge")
    # Only the Slack API's address and a free port come from outside the page: the stand-in Slack and the test.
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("SLACK_", "REPLYNUDGE_", "LLM_", "WP_")) and key not in (
               "DATABASE_URL", "TEST_DATABASE_URL", "PORT", "LOG_FORMAT", "HEALTH_PORT", "VIRTUAL_ENV")}
    env.update(SLACK_API_URL=slack_api.url, PORT="0", HEALTH_PORT="0")
    state = tmp_path / "environment"

    ran = []
    for block in blocks:
        for example, ours in swaps.items():
            block = block.replace(example, ours)
        if block.strip().endswith("replynudge run"):
            site.visitor_comment("Priya", question)  # step 5: a visitor's question, then the bot
            nudge = run_until_the_nudge(clone, env, block, slack_api, question)
            ran.append("run")
            break
        # each block in bash, in the clone; what it exports carries over to the next block
        script = f"set -euo pipefail\n{block}\nenv -0 > {state}\n"
        done = subprocess.run(["bash", "-c", script], cwd=clone, env=env, capture_output=True, text=True, timeout=900)
        assert done.returncode == 0, f"{block}\n-> {done.returncode}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        env = dict(line.split("=", 1) for line in state.read_text().split("\0") if "=" in line)
        ran.append(block.split()[0] if "replynudge" not in block else re.search(r"replynudge (\w+)", block).group(1))
        if "replynudge check" in block:
            assert re.search(r"^blog +wordpress .* ok: Acme Coffee", done.stdout, re.MULTILINE), done.stdout
    assert ran == ["make", "init", "check", "run"], ran

    assert nudge["text"].startswith("Priya on blog (wordpress) waits for an answer")
    assert "Brewing with a moka pot" in str(nudge["blocks"])  # the post it is on
    assert [element["action_id"] for element in nudge["blocks"][-1]["elements"]][:2] == ["nudge_reply", "nudge_done"]
    config = (clone / "replynudge.toml").read_text()
    assert site.app_password not in config and "xoxb-walkthrough" not in config
    assert oct((clone / ".env").stat().st_mode & 0o777) == "0o600"


def fresh_clone(folder: Path) -> Path:
    """The repository's files as a clone has them (what git tracks, and new files it does not ignore, as they are
    in the working tree): no .venv, no database, no config."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, folder / name)
    return folder


def run_until_the_nudge(clone: Path, env: dict[str, str], block: str, slack_api, question: str) -> dict:
    """`replynudge run` as the page starts it, until the question is a nudge in the channel; then Ctrl-C, and it
    exits 0. (WordPress installs itself with a sample comment, nudged too: every message must be a nudge.)"""
    process = subprocess.Popen(["bash", "-c", f"exec {block.strip()}"], cwd=clone, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def nudged() -> list[dict]:
        return [message for message in slack_api.messages(CHANNEL) if question in message["text"]]

    try:
        deadline = time.monotonic() + 120
        while not nudged():
            assert process.poll() is None, f"replynudge run ended: {process.stdout.read()}"
            assert time.monotonic() < deadline, f"no nudge in the channel after 2 minutes: {slack_api.messages(CHANNEL)}"
            time.sleep(0.5)
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=60)
    assert process.returncode == 0, output
    assert all(message.get("metadata", {}).get("event_type") == "reply_nudge"
               for message in slack_api.messages(CHANNEL)), slack_api.messages(CHANNEL)
    (message,) = nudged()
    return message
