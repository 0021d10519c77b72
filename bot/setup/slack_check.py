"""What `replynudge init` and `replynudge check` ask Slack: whether the bot token works (auth.test) and whether the
bot can see the channel the nudges go to (conversations.info; a private channel is invisible until the bot is
invited)."""

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


def slack_status(settings: Settings) -> tuple[str, str, bool]:
    """`replynudge check`'s row for Slack: the mode `replynudge run` would use, whether the bot token works, the
    mode has its secret and every account has a channel the bot is in; (mode, status, failed). No bot token is no
    failure: the nudges print in the terminal."""
    token, api_url = settings.slack_bot_token, settings.slack_api_url
    if not token:
        return "-", "SLACK_BOT_TOKEN not set: nudges print in the terminal (docs/slack-setup.md, step 2)", False
    app_token = settings.slack_app_token
    mode = "socket mode" if app_token else "http"
    try:
        bot = check_token(token, api_url)
    except ValueError as error:
        about = "SLACK_API_URL" if str(error).startswith("cannot reach") else "SLACK_BOT_TOKEN"
        return mode, f"FAILED: {about}: {error}", True
    problems = []
    if app_token and not app_token.startswith("xapp-"):
        problems.append("SLACK_APP_TOKEN: the app-level token starts with xapp- (Basic Information → App-Level Tokens)")
    if not app_token and not settings.slack_signing_secret:
        problems.append("neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is set; "
                        "replynudge run needs one of them")
    if unplaced := [account.name for account in settings.accounts if not account.channel]:
        problems.append(f"no channel for {', '.join(unplaced)}: set channel in {settings.config_path} (the account's "
                        "or [defaults]')")
    posts_to = []
    for channel in sorted({account.channel for account in settings.accounts if account.channel}):
        try:
            name, member = check_channel(channel, token, api_url)
        except ValueError as error:
            problems.append(str(error))
            continue
        if member:
            posts_to.append(f"#{name}")
        else:
            problems.append(f"the bot is not in #{name} ({channel}): type /invite @Reply Nudge in the channel")
    if problems:
        return mode, f"FAILED: {bot}; " + "; ".join(problems), True
    return mode, f"ok: {bot}" + (f", posts to {', '.join(posts_to)}" if posts_to else ""), False
