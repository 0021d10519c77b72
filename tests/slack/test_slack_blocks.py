"""Every nudge message keeps within Block Kit's limits, checked by slack_sdk's own block models."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings, strategies as st
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.db.queries import WaitingComment
from bot.engine.triage import NudgeStatus
from bot.slack.blocks import listed_blocks, nudge_blocks, nudge_fallback
from bot.slack.reply_modal import message_modal, reply_modal
from bot.slack.terminal import render_nudge
from bot.suggest import NO_SUGGESTION
from tests.support.blockkit import check_blocks, check_view

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


def item(text: str, **fields) -> WaitingComment:
    values = dict(
        id=42, external_id="c42", account="blog", platform="wordpress", channel="C1", author="Priya",
        author_handle="priya", text=text, url="https://blog.example/c/42", created_at=NOW - timedelta(hours=5),
        waiting_seconds=5 * 3600, score=72, reasons=("asked a question", "2nd comment this month"),
        deserves_nudge=True, post_title="Descaling 101", post_url=None, parent_text=None, parent_author=None,
        suggestions=None,
    )
    values.update(fields)
    return WaitingComment(**values)


def status(**fields) -> NudgeStatus:
    values = dict(nudge_id=1, comment_id=42, state="posted", channel="C1", slack_ts="1.1", handled_how=None,
                  handled_by=None, handled_at=None, snoozed_until=None, assigned_to=None, suggestions=())
    values.update(fields)
    return NudgeStatus(**values)


def test_a_long_comment_is_cut_with_a_link_to_the_rest():
    blocks = nudge_blocks(item("word " * 2000), ["What else?"])
    check_blocks(blocks)
    quoted = blocks[2]["text"]["text"]
    assert quoted.endswith("<https://blog.example/c/42|read the rest>") and len(quoted) <= 3000


def test_the_message_says_who_where_how_long_why_and_what_to_ask():
    text = str(nudge_blocks(item("Does it work on the X200?"), ["Which model do you have?"]))
    for expected in ("Priya", "@priya", "blog", "wordpress", "5h", "https://blog.example/c/42",
                     "asked a question", "score 72", "Which model do you have?", "Descaling 101"):
        assert expected in text


def test_a_comment_no_question_fits_says_so_in_its_nudge_reply_modal_and_terminal():
    quiet = item("Is the winter sale also valid in the outlet stores?")
    blocks = nudge_blocks(quiet, [])
    check_blocks(blocks)
    assert f"*Ask next:* {NO_SUGGESTION}" in str(blocks) and "•" not in str(blocks)
    assert NO_SUGGESTION not in str(nudge_blocks(quiet, ["Which store were you thinking of?"]))
    modal = reply_modal(quiet, [], "")
    check_view(modal)
    assert NO_SUGGESTION in str(modal) and "Or start from one of these" not in str(modal)
    assert f"ask next: {NO_SUGGESTION}" in render_nudge(quiet, [])


def test_a_comment_held_for_moderation_says_so_in_its_nudge_and_in_lists():
    assert "held for moderation" in nudge_blocks(item("First time here?", held=True), [])[0]["text"]["text"]
    assert "held for moderation" in listed_blocks(item("First time here?", held=True), None)[0]["text"]["text"]
    assert "held for moderation" not in str(nudge_blocks(item("Approved"), []))


def test_mrkdwn_control_characters_in_comments_are_escaped():
    blocks = nudge_blocks(item("<!channel> & <https://evil.example|click>"), [])
    assert "&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;" in blocks[2]["text"]["text"]


def test_a_handled_nudge_has_no_buttons_and_says_who_and_when():
    blocks = nudge_blocks(item("hi"), [], status(state="handled", handled_how="done", handled_by="U0ANA",
                                                handled_at=NOW))
    check_blocks(blocks)
    assert not [block for block in blocks if block["type"] == "actions"]
    assert "Marked done by <@U0ANA>" in str(blocks) and f"<!date^{int(NOW.timestamp())}^" in str(blocks)


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(min_size=0, max_size=6000),
    author=st.text(min_size=1, max_size=400),
    suggestions=st.lists(st.text(min_size=1, max_size=1500), max_size=8),
    reasons=st.lists(st.text(min_size=1, max_size=300), max_size=12),
    title=st.one_of(st.none(), st.text(min_size=1, max_size=1000)),
    parent=st.one_of(st.none(), st.text(min_size=1, max_size=4000)),
    assigned=st.booleans(),
)
def test_any_comment_renders_within_block_kit_limits(text, author, suggestions, reasons, title, parent, assigned):
    comment = item(text, author=author, reasons=tuple(reasons), post_title=title, parent_text=parent)
    blocks = nudge_blocks(comment, suggestions, status(assigned_to="U0BEN" if assigned else None,
                                                       snoozed_until=NOW), note="<@U0ANA> snoozed this")
    check_blocks(blocks)
    assert len(nudge_fallback(comment)) <= 300


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(min_size=0, max_size=6000),
    author=st.text(min_size=1, max_size=400),
    suggestions=st.lists(st.text(min_size=1, max_size=4000), max_size=8),
    typed=st.text(min_size=0, max_size=5000),
    notice=st.one_of(st.none(), st.text(min_size=1, max_size=4000)),
    handled=st.booleans(),
)
def test_any_reply_modal_and_listed_comment_keep_within_block_kit_limits(text, author, suggestions, typed, notice,
                                                                          handled):
    comment = item(text, author=author)
    check_view(reply_modal(comment, suggestions, typed, version=10**6, home=True, notice=notice))
    check_view(message_modal(author, text or "."))
    listed = listed_blocks(comment, status(state="handled", handled_how="done", handled_by="U0ANA", handled_at=NOW)
                           if handled else None)
    check_blocks(listed)
    assert len(listed) <= 3


def test_the_stand_in_slack_api_refuses_payloads_past_the_limits(slack_api):
    """Every Slack test relies on this: the stand-in checks each message, modal and Home tab it is sent."""
    client = WebClient(token="xoxb-test-token", base_url=slack_api.url)
    with pytest.raises(SlackApiError, match="invalid_blocks"):
        client.chat_postMessage(channel="C1", text="many", blocks=[{"type": "divider"}] * 51)
    with pytest.raises(SlackApiError, match="invalid_blocks"):
        client.chat_update(channel="C1", ts="1.1", text="long button", blocks=nudge_blocks(item("hi"), [])[:-1] + [
            {"type": "actions", "elements": [{"type": "button", "action_id": "a", "text": {
                "type": "plain_text", "text": "x" * 76}}]}])
    with pytest.raises(SlackApiError, match="invalid_blocks"):
        client.views_publish(user_id="U1", view={"type": "home", "blocks": [{"type": "divider"}] * 101})
    with pytest.raises(SlackApiError, match="invalid_blocks"):
        client.views_open(trigger_id="t", view={"type": "modal", "title": {"type": "plain_text", "text": "x" * 25},
                                                "blocks": []})
    assert len(slack_api.violations) == 4
    assert slack_api.calls_to("chat.postMessage") and slack_api.history == {}
    client.chat_postMessage(channel="C1", text="fine", blocks=nudge_blocks(item("hi"), ["Why?"]))
    assert len(slack_api.violations) == 4
    slack_api.violations.clear()  # refused on purpose
