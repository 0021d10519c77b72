"""The Slack app manifests match what the app does: its commands, events, interactive controls, Web API scopes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from slack_bolt import BoltRequest

from bot.slack.blocks import actions_block
from bot.slack.listeners.commands import COMMANDS
from bot.slack.listeners.events import EVENTS
from bot.slack.reply_modal import CALLBACK_ID, USE_SUGGESTION
from bot.slack.server import EVENTS_PATH

ROOT = Path(__file__).resolve().parents[2]
MANIFESTS = {"socket": ROOT / "manifest.yml", "http": ROOT / "manifest-http.yml"}

# The bot scopes each Web API method needs (https://docs.slack.dev/reference/methods). A method the code starts
# calling must be added here, and its scopes to the manifests.
METHOD_SCOPES = {
    "auth_test": set(),
    "chat_postMessage": {"chat:write"},
    "chat_update": {"chat:write"},
    "conversations_history": {"channels:history", "groups:history"},  # public and private channels
    "conversations_open": {"im:write"},  # the assignee's DM
    "users_info": {"users:read"},  # who may act: guests, other teams
    "conversations_members": {"channels:read", "groups:read"},  # who may act: the nudge channel's members
    "usergroups_users_list": {"usergroups:read"},  # who may act: can_reply and the like naming user groups
    "views_open": set(),
    "views_update": set(),
    "views_publish": set(),
    "files_upload_v2": {"files:write"},  # the weekly report's chart (getUploadURLExternal, completeUploadExternal)
}


def manifest(kind: str) -> dict:
    return yaml.safe_load(MANIFESTS[kind].read_text())


def web_api_methods() -> set[str]:
    found = set()
    for path in (ROOT / "bot" / "slack").rglob("*.py"):  # the one room that talks to Slack
        found |= set(re.findall(r"\bclient\.([a-z]+_[A-Za-z0-9_]+)\(", path.read_text()))
    return found


@pytest.mark.parametrize("kind", MANIFESTS)
def test_the_manifest_lists_the_commands_and_events_the_app_registers(kind):
    features, settings = manifest(kind)["features"], manifest(kind)["settings"]
    assert {entry["command"] for entry in features["slash_commands"]} == set(COMMANDS)
    assert set(settings["event_subscriptions"]["bot_events"]) == set(EVENTS)
    assert settings["interactivity"]["is_enabled"] is True
    assert features["app_home"]["home_tab_enabled"] is ("app_home_opened" in EVENTS)
    for entry in features["slash_commands"]:
        assert len(entry["description"]) <= 100 and len(entry.get("usage_hint", "")) <= 100


@pytest.mark.parametrize("kind", MANIFESTS)
def test_the_manifest_asks_for_exactly_the_scopes_the_code_uses(kind):
    methods = web_api_methods()
    unknown = methods - set(METHOD_SCOPES)
    assert not unknown, f"add the scopes of {sorted(unknown)} to METHOD_SCOPES and to the manifests"
    needed = set().union(*(METHOD_SCOPES[method] for method in methods)) | ({"commands"} if COMMANDS else set())
    assert set(manifest(kind)["oauth_config"]["scopes"]["bot"]) == needed


def test_socket_mode_and_http_manifests_differ_only_in_how_slack_reaches_the_app():
    socket, http = manifest("socket"), manifest("http")
    assert socket["settings"]["socket_mode_enabled"] is True and http["settings"]["socket_mode_enabled"] is False
    urls = [http["settings"]["interactivity"]["request_url"], http["settings"]["event_subscriptions"]["request_url"],
            *(entry["url"] for entry in http["features"]["slash_commands"])]
    assert all(url.startswith("https://") and url.endswith(EVENTS_PATH) for url in urls)

    def without_urls(data):
        if isinstance(data, dict):
            return {key: without_urls(value) for key, value in data.items()
                    if key not in ("url", "request_url", "socket_mode_enabled")}
        return [without_urls(value) for value in data] if isinstance(data, list) else data

    assert without_urls(socket) == without_urls(http)


def test_every_command_and_control_the_app_shows_has_a_listener(slack_world):
    """Dispatched at Socket Mode level: Bolt answers 404 for anything no listener matches."""
    slack_world.add("c1")
    slack_world.poll()
    comment_id = slack_world.comment_id("c1")
    app = slack_world.app()
    base = {"team": {"id": "T0TEAM"}, "user": {"id": "U0ANA", "team_id": "T0TEAM"}, "api_app_id": "A0APP",
            "trigger_id": "1.2.3", "response_url": slack_world.api.response_url()}
    for entry in manifest("socket")["features"]["slash_commands"]:
        body = {"command": entry["command"], "text": "help", "team_id": "T0TEAM", "user_id": "U0ANA",
                "channel_id": "C0NUDGES", "response_url": slack_world.api.response_url(), "trigger_id": "1.2.3"}
        assert app.dispatch(BoltRequest(mode="socket_mode", body=body)).status == 200, entry["command"]
    controls = [element["action_id"] for element in actions_block(comment_id)["elements"]] + [USE_SUGGESTION]
    for action_id in controls:
        body = {**base, "type": "block_actions",
                "actions": [{"action_id": action_id, "block_id": "b", "value": str(comment_id), "type": "button"}]}
        assert app.dispatch(BoltRequest(mode="socket_mode", body=body)).status == 200, action_id
    submission = {**base, "type": "view_submission",
                  "view": {"id": "V1", "type": "modal", "callback_id": CALLBACK_ID, "private_metadata": "{}", "state": {"values": {}}}}
    assert app.dispatch(BoltRequest(mode="socket_mode", body=submission)).status == 200
    for event in manifest("socket")["settings"]["event_subscriptions"]["bot_events"]:
        body = {"type": "event_callback", "team_id": "T0TEAM", "api_app_id": "A0APP", "event_id": "Ev1",
                "event": {"type": event, "user": "U0ANA", "tab": "home"}}
        assert app.dispatch(BoltRequest(mode="socket_mode", body=body)).status == 200, event
    slack_world.api.wait_for("views.publish")
