"""What `replynudge init` asks Slack: whether the bot token works (auth.test) and whether the bot can see the
channel the nudges go to (conversations.info; a private channel is invisible until the bot is invited)."""

from __future__ import annotations

import re

from slack_sdk.errors import SlackApiError

from bot.config import Settings
from bot.slack.client import make_client

CHANNEL_ID = re.compile(r"[CG][A-Z0-9]{2,}")


def check_token(token: str, api_url: str) -> str:
    """The bot's name and workspace; ValueError with Slack's reason when the token is refused."""
    try:
        answer = make_client(Settings(slack_bot_token=token, slack_api_url=api_url)).auth_test()
    except SlackApiError as error:
        raise ValueError(f"Slack refused the token ({error.response.get('error')}): copy the Bot User OAuth Token "
                         "(xoxb-…) from OAuth & Permissions") from None
    except OSError as error:
        raise ValueError(f"cannot reach Slack at {api_url}: {error}") from None
    return f"{answer.get('user') or answer.get('user_id')} in {answer.get('team') or answer.get('team_id')}"


def check_channel(channel: str, token: str, api_url: str) -> tuple[str, bool]:
    """The channel's name and whether the bot is a member; ValueError when the bot cannot see it."""
    try:
        answer = make_client(Settings(slack_bot_token=token, slack_api_url=api_url)).conversations_info(channel=channel)
    except SlackApiError as error:
        reason = error.response.get("error")
        if reason == "channel_not_found":
            raise ValueError(f"the bot cannot see {channel} (channel_not_found): check the id, and invite the bot to "
                             "a private channel first (/invite @Reply Nudge)") from None
        raise ValueError(f"Slack answered {reason} for {channel}") from None
    except OSError as error:
        raise ValueError(f"cannot reach Slack at {api_url}: {error}") from None
    info = answer.get("channel") or {}
    return str(info.get("name") or channel), bool(info.get("is_member"))
