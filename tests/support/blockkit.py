"""Block Kit's documented limits, checked with slack_sdk's own models plus the counts they leave to callers."""

from __future__ import annotations

from typing import Any

from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100
MESSAGE_TEXT = 40_000  # Slack truncates a message's text beyond this
MESSAGE_METHODS = ("chat.postMessage", "chat.update", "chat.postEphemeral", "response_url")
VIEW_METHODS = ("views.open", "views.update", "views.push", "views.publish")


def check_blocks(blocks: list[dict], limit: int = MESSAGE_BLOCKS) -> None:
    assert len(blocks) <= limit
    block_ids = [block["block_id"] for block in blocks if "block_id" in block]
    assert len(block_ids) == len(set(block_ids)), "block_ids must be unique"
    for block in blocks:
        assert Block.parse(block).to_dict()  # raises SlackObjectFormationError past any documented limit
        for element in block.get("elements", []) + ([block["accessory"]] if "accessory" in block else []):
            if element.get("type") == "button":
                assert len(element["text"]["text"]) <= 75 and len(element.get("value", "")) <= 2000


def check_view(view: dict) -> None:
    """A modal or a Home tab: 100 blocks, title/submit/close of 24, private_metadata of 3000, callback_id of 255."""
    check_blocks(view["blocks"], VIEW_BLOCKS)
    assert View(**view).to_dict()
    for key in ("title", "submit", "close"):
        if key in view:
            assert len(view[key]["text"]) <= 24, key
    assert len(view.get("private_metadata", "")) <= 3000
    for block in view["blocks"]:
        if block["type"] == "input":
            assert len(block["element"].get("initial_value", "")) <= 3000


def payload_violation(method: str, params: dict[str, Any]) -> str | None:
    """What is wrong with a Web API call's blocks or view (None when it keeps within Block Kit's limits): the
    stand-in Slack API checks every message, modal and Home tab the app sends."""
    try:
        if method in MESSAGE_METHODS:
            assert len(str(params.get("text") or "")) <= MESSAGE_TEXT, "message text over 40,000 characters"
            if params.get("blocks") is not None:
                check_blocks(params["blocks"])
        elif method in VIEW_METHODS:
            check_view(params["view"])
    except (AssertionError, SlackObjectFormationError, KeyError, TypeError) as error:
        return f"{method}: {type(error).__name__}: {error}"
    return None
