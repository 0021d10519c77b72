"""`replynudge preview`: the link opens in Slack's Block Kit Builder exactly the blocks the nudge is then posted
with (to the stand-in Slack API), for the oldest waiting comment or the one asked for."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from urllib.parse import unquote

from bot.cli import main
from bot.clock import utcnow
from tests.support.blockkit import payload_violation

CHANNEL = "C0SOCIAL"


def setup_account(workdir, nudge_after: str) -> None:
    (workdir / "replynudge.toml").write_text(
        f'[[accounts]]\nname = "blog"\nplatform = "replay"\npath = "blog.jsonl"\nchannel = "{CHANNEL}"\n'
        f'nudge_after = "{nudge_after}"\n'
    )


def opened(link: str) -> dict:
    """What the Builder reads from the link: the fragment, percent-decoded."""
    assert link.startswith("https://app.slack.com/block-kit-builder/#"), link
    fragment = link.split("#", 1)[1]
    assert re.fullmatch(r"[A-Za-z0-9%_.~-]+", fragment), "the fragment is fully percent-encoded"
    return json.loads(unquote(fragment))


def without_wait(blocks: list[dict]) -> str:
    """The blocks with the waiting time masked: it grows between the preview and the post."""
    return re.sub(r"has waited \*[^*]+\*", "has waited *…*", json.dumps(blocks))


def test_the_preview_is_the_nudge_that_is_posted(workdir, database_url, slack_api, capsys, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    now = utcnow()
    comments = [("1", "Priya", "Which grind should I use for a moka pot?", now - timedelta(hours=3)),
                ("2", "Tom", "Does the new roastery ship to Canada?", now - timedelta(hours=2))]
    (workdir / "blog.jsonl").write_text("".join(
        json.dumps({"id": i, "post": "p1", "author": a, "text": t, "created_at": at.isoformat()}) + "\n"
        for i, a, t, at in comments))
    setup_account(workdir, "1d")  # read, nothing due yet
    assert main(["poll", "--once"]) == 0
    capsys.readouterr()

    assert main(["preview"]) == 0
    link = capsys.readouterr().out.strip()
    payload = opened(link)
    assert payload_violation("chat.postMessage", payload) is None
    text = json.dumps(payload["blocks"])
    assert "*Priya* on *blog* (replay) has waited *3h" in text and "moka pot" in text and "Canada" not in text
    assert [e["action_id"] for e in payload["blocks"][-1]["elements"]] == [
        "nudge_reply", "nudge_done", "nudge_snooze", "nudge_assign"]
    assert main(["preview", "--json"]) == 0
    assert without_wait(json.loads(capsys.readouterr().out)["blocks"]) == without_wait(payload["blocks"])

    assert main(["unanswered", "--json"]) == 0
    tom = next(item["id"] for item in json.loads(capsys.readouterr().out) if item["author"] == "Tom")
    assert main(["preview", "--comment", str(tom)]) == 0
    assert "Canada" in json.dumps(opened(capsys.readouterr().out.strip())["blocks"])

    setup_account(workdir, "1h")
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_API_URL", slack_api.url)
    assert main(["poll", "--once"]) == 0
    posted = {message["metadata"]["event_payload"]["comment_id"]: message["blocks"]
              for message in slack_api.messages(CHANNEL)}
    assert tom in posted and len(posted) == 2
    priya = next(comment for comment in posted if comment != tom)
    assert without_wait(posted[priya]) == without_wait(payload["blocks"])


def test_nothing_to_preview_and_an_unknown_comment(workdir, database_url, capsys, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    assert main(["preview"]) == 1
    assert "nobody is waiting for an answer: no nudge to preview" in capsys.readouterr().err
    assert main(["preview", "--comment", "4242"]) == 2
    assert "--comment 4242: no such comment waiting for an answer" in capsys.readouterr().err
