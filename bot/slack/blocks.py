"""Block Kit payloads: the nudge message and its status line, within Block Kit's documented limits.

Limits kept here: 50 blocks a message, 3000 characters a section text, 2000 a context element, 75 a button or
option text, 150 a header, 10 context elements, 25 elements in an actions block.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from urllib.parse import quote as percent_encoded

from bot.db.models import Outcome
from bot.db.queries import WaitingComment
from bot.engine.triage import SNOOZE_CHOICES, NudgeStatus
from bot.suggest import NO_SUGGESTION

MAX_BLOCKS = 50
SECTION_TEXT = 3000
CONTEXT_TEXT = 2000
BUTTON_TEXT = 75
COMMENT_TEXT = 2500  # a comment longer than this is cut, with a link to the rest
FALLBACK_TEXT = 300

URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"  # kept as they are in a URL; anything else is percent-encoded
ACTION_BLOCK = "nudge_actions"  # block_id prefix; the comment id follows a colon


def cut(text: str, limit: int, url: str | None = None) -> str:
    """`text` within `limit` characters; when cut, it ends with an ellipsis and a link to the rest."""
    if len(text) <= limit:
        return text
    more = f" {link(url, 'read the rest')}" if link(url, "") else ""
    return text[: max(0, limit - len(more) - 1)].rstrip() + "…" + more


def escape(text: str) -> str:
    """The one way a string someone else wrote (a commenter's name, handle or text, a post title) reaches Slack:
    mrkdwn treats &, < and > as control characters, so `<!channel>`, `<@U…>` and `<url|label>` stay plain text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def link(url: str | None, label: str) -> str:
    """A link labelled by us (never by the commenter) to an http(s) URL; characters that would end the URL or start
    a label (`|`, `<`, `>`, spaces) are percent-encoded. Any other scheme (javascript:, slack:) gives no link."""
    if not url or not re.match(r"https?://[^/\s]", url, re.IGNORECASE):
        return ""
    return f"<{escape(percent_encoded(url, safe=URL_SAFE))}|{label}>"


def when(moment: datetime) -> str:
    """A time every reader sees in their own zone, with a UTC fallback; mrkdwn only (see `utc`)."""
    return f"<!date^{int(moment.timestamp())}^{{date_short_pretty}} at {{time}}|{utc(moment)}>"


def utc(moment: datetime) -> str:
    """A time as plain text, in UTC as the alerts write times: where mrkdwn is not rendered (a modal's errors)."""
    return f"{moment.astimezone(timezone.utc):%Y-%m-%d %H:%M} UTC"


def who(user: str | None) -> str:
    if not user or user == "platform":
        return "on the platform"
    return f"by <@{user}>"


def mention(target: str | None) -> str | None:
    """Slack's mention syntax for a user (U…/W…), a user group (S…), or `here` / `channel`."""
    if not target:
        return None
    if target.lstrip("@") in ("here", "channel"):
        return f"<!{target.lstrip('@')}>"
    return f"<!subteam^{target}>" if target.startswith("S") else f"<@{target}>"


def escalation_text(item: WaitingComment, number: int, target: str | None) -> str:
    """The follow-up in a nudge's thread when nobody answered; `target` is whom it mentions."""
    waited = item.waited()
    ordinal = "" if number == 1 else f" (follow-up {number})"
    ask = f"{mention(target)}, can someone take this? " if target else ""
    return cut(f":rotating_light: {ask}{escape(item.author)} on {escape(item.account)} has waited {waited} "
               f"and still has no answer{ordinal}.", FALLBACK_TEXT)


def status_line(status: NudgeStatus | None) -> str | None:
    """What happened to the nudge, who did it, and when; None while it simply waits."""
    if status is None:
        return None
    if not status.is_open:
        at = f" {when(status.handled_at)}" if status.handled_at else ""
        by = who(status.handled_by)
        settled = {
            Outcome.DONE: f":white_check_mark: Marked done {by}{at}",
            Outcome.REPLIED: f":speech_balloon: Replied from Slack {by}{at}",
            Outcome.ANSWERED: f":white_check_mark: Answered {by}{at}",
            Outcome.DELETED: f":wastebasket: The comment was deleted{at}",
            Outcome.MUTED: f":mute: Author muted {by}{at}",
        }
        handled = f":white_check_mark: Handled {by}{at}"
        return settled.get(status.handled_how, handled) if status.handled_how else handled
    parts = []
    if status.snoozed_until:
        parts.append(f":zzz: Snoozed until {when(status.snoozed_until)}")
    if status.assigned_to:
        parts.append(f":bust_in_silhouette: Assigned to <@{status.assigned_to}>")
    return " · ".join(parts) or None


def nudge_fallback(item: WaitingComment) -> str:
    return cut(escape(f"{item.author} on {item.account} ({item.platform}) waits for an answer: {item.text}"),
               FALLBACK_TEXT)


def nudge_blocks(
    item: WaitingComment, suggestions: list[str], status: NudgeStatus | None = None, note: str | None = None
) -> list[dict]:
    """The nudge: who, where, how long, the comment, why it matters, what to ask next, and the buttons.

    `note` is a line about the action just taken ("Snoozed by @ana until …"), shown above the status.
    """
    blocks: list[dict] = [section(headline(item))]
    about = []
    if item.post_title:
        about.append(f"on “{escape(cut(item.post_title, 200))}”")
    if item.parent_text:
        about.append(f"replying to {escape(item.parent_author or 'someone')}: {escape(cut(item.parent_text, 300))}")
    if about:
        blocks.append(context(*about))
    blocks.append(section(quote(item)))
    if item.reasons:
        score = f" (score {item.score})" if item.score is not None else ""
        blocks.append(context(f"*Why it matters:* {escape(', '.join(item.reasons))}{score}"))
    if suggestions:
        asks = "\n".join(f"• {escape(cut(question, 500))}" for question in suggestions[:5])
        blocks.append(section(f"*Ask next:*\n{asks}"))
    else:
        blocks.append(context(f"*Ask next:* {NO_SUGGESTION}"))
    if status is None or status.is_open:
        blocks.append(actions_block(item.id))
    lines = [line for line in (note, status_line(status)) if line]
    if lines:
        blocks.append(context(*lines))
    return blocks[:MAX_BLOCKS]


LISTED_TEXT = 300  # a comment in a list (/unanswered, the Home tab) is cut shorter than in its nudge


def listed_blocks(item: WaitingComment, status: NudgeStatus | None) -> list[dict]:
    """One waiting comment in a list: three blocks, with Reply, Done and Snooze while it is open."""
    facts = [f"#{item.id}"] + ([f"score {item.score}"] if item.score is not None else [])
    line = status_line(status)
    blocks = [section(f"{headline(item)}\n{quote(item, LISTED_TEXT)}"),
              context(" · ".join(facts) + (f" · {line}" if line else ""))]
    if status is None or status.is_open:
        blocks.append(actions_block(item.id, assign=False))
    return blocks


def headline(item: WaitingComment) -> str:
    """Who, on which account and platform, how long they have waited, and a link."""
    author = escape(item.author) + (f" (@{escape(item.author_handle)})" if item.author_handle else "")
    waited = item.waited()
    head = f"*{author}* on *{escape(item.account)}* ({escape(item.platform)}) has waited *{waited}*"
    if item.held:
        head += " · :hourglass: held for moderation"
    if item.private:
        head = ":lock: *Private message* to the brand · " + head
    opened = link(item.url, "open")
    return head + (f" · {opened}" if opened else "")


def quote(item: WaitingComment, limit: int = COMMENT_TEXT) -> str:
    """The comment as a mrkdwn quote, cut with a link to the rest."""
    quoted = "\n".join("> " + line for line in escape(item.text).splitlines() or ["(no text)"])
    return cut(quoted, limit, item.url)


def section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": cut(text, SECTION_TEXT)}}


def context(*texts: str) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": cut(t, CONTEXT_TEXT)} for t in texts[:10]]}


def button(text: str, action_id: str, value: str, style: str | None = None) -> dict:
    element = {"type": "button", "action_id": action_id, "value": value,
               "text": {"type": "plain_text", "text": cut(text, BUTTON_TEXT), "emoji": True}}
    if style:
        element["style"] = style
    return element


def actions_block(comment_id: int, *, assign: bool = True) -> dict:
    """Reply, Done, Snooze and (on the nudge itself) Assign; each carries the comment id as printed by --json."""
    value = str(comment_id)
    elements = [
        button("Reply", "nudge_reply", value, "primary"),
        button("Done", "nudge_done", value),
        {
            "type": "static_select",
            "action_id": "nudge_snooze",
            "placeholder": {"type": "plain_text", "text": "Snooze"},
            "options": [
                {"text": {"type": "plain_text", "text": label}, "value": f"{value}:{key}"}
                for key, label in SNOOZE_CHOICES.items()
            ],
        },
    ]
    if assign:
        elements.append({"type": "users_select", "action_id": "nudge_assign",
                         "placeholder": {"type": "plain_text", "text": "Assign"}})
    return {"type": "actions", "block_id": f"{ACTION_BLOCK}:{value}", "elements": elements}


def comment_id_of(body: dict) -> int | None:
    """The comment an action is about: a button's value, else the id in its actions block's block_id."""
    action = (body.get("actions") or [{}])[0]
    for candidate in (action.get("value"), (action.get("selected_option") or {}).get("value"), action.get("block_id")):
        if isinstance(candidate, str):
            digits = candidate.split(":")[1] if candidate.startswith(ACTION_BLOCK) else candidate.split(":")[0]
            if digits.isdigit():
                return int(digits)
    return None
