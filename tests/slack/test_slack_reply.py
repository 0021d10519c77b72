"""Replying from Slack through Bolt's real pipeline: the Reply button's modal, the submission posting through the
account's source (a replay account, and WordPress, Mastodon and Bluesky accounts on local servers speaking their
wire formats), the brand reply recorded, the nudge edited; platform errors shown in the modal with nothing lost."""

from __future__ import annotations

import json
import re
import threading
import time
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from werkzeug import Response

from bot.config import TeamQuestions
from bot.db.models import Comment, Nudge, utcnow
from bot.engine import lifecycle
from bot.slack.app import build_app
from bot.slack.listeners.views import reply as reply_listener
from bot.sources.tokens import forget_token
from tests.support import fake_bluesky, fake_wordpress
from tests.support.blockkit import check_view
from tests.support.fake_mastodon import BRAND, TOKEN, FakeMastodon, user
from tests.support.slack_world import (
    action_body, make_world, signed_request, view_action_body, view_submission_body,
)

TEXT_BOX = "reply:0"


def posted(world, external_id="c1", text="Will the rhubarb jam be back before Easter?"):
    world.add(external_id, text)
    world.poll()
    return world.comment_id(external_id), world.nudge(external_id).slack_ts


def open_modal(world, app, comment_id, ts) -> dict:
    response = app.dispatch(signed_request(action_body(world.api, "nudge_reply", comment_id, message_ts=ts)))
    assert response.status == 200
    (opened,) = world.api.wait_for("views.open")
    assert opened.params["trigger_id"] == "13345224609.738474920.8088930838d88f008e0"
    check_view(opened.params["view"])
    return opened.params["view"]


def submit(world, app, view, text, box=TEXT_BOX):
    return app.dispatch(signed_request(view_submission_body(view, {box: {"reply_text": text}})))


def text_box(view) -> dict:
    return next(block for block in view["blocks"] if block["type"] == "input")


def answered_at(world, external_id="c1") -> str:
    with world.factory() as session:
        moment = session.scalar(select(Comment.answered_at).where(Comment.external_id == external_id))
    return f"{moment:%Y-%m-%d %H:%M} UTC"


def brand_comments(world) -> list[Comment]:
    with world.factory() as session:
        return list(session.scalars(select(Comment).where(Comment.is_brand.is_(True))))


def test_reply_on_a_replay_account_is_recorded_and_the_nudge_says_who_replied(slack_world):
    comment_id, ts = posted(slack_world)
    app = slack_world.app()
    view = open_modal(slack_world, app, comment_id, ts)
    suggestions = slack_world.nudge("c1").suggestions
    # a question: room for the answer first, the follow-up question after it
    assert suggestions and text_box(view)["element"]["initial_value"] == f"[your answer]\n\n{suggestions[0]}"
    assert "Will the rhubarb jam be back before Easter?" in str(view["blocks"])

    response = submit(slack_world, app, view, "  Yes, it is back on the first of April.  ")

    assert (response.status, response.body) == (200, "")  # an empty ack closes the modal
    (update,) = slack_world.api.wait_for("chat.update")
    assert update.params["ts"] == ts
    assert "Replied from Slack by <@U0ANA>" in str(update.params["blocks"])
    assert "Yes, it is back on the first of April." in str(update.params["blocks"])
    (reply,) = brand_comments(slack_world)
    assert reply.text == "Yes, it is back on the first of April." and reply.parent_external_id == "c1"
    with slack_world.factory() as session:
        assert session.get(Comment, comment_id).answered_by_id == reply.id
    nudge = slack_world.nudge("c1")
    assert (nudge.state, nudge.handled_how, nudge.handled_by) == (Nudge.HANDLED, "replied", "U0ANA")

    slack_world.poll()  # the next cycle neither reopens nor edits it again
    assert len(slack_world.api.calls_to("chat.update")) == 1


def test_another_suggestion_replaces_the_text_in_one_click(tmp_path, session_factory, slack_api):
    library = (TeamQuestions("availability", ("How do you usually take your chai?",)),)
    slack_world = make_world(tmp_path, session_factory, slack_api, questions=library)
    comment_id, ts = posted(slack_world, text="Do you have a decaf version of the chai? It is for my mum.")  # two fit
    app = slack_world.app()
    view = open_modal(slack_world, app, comment_id, ts)
    suggestions = slack_world.nudge("c1").suggestions
    assert len(suggestions) >= 2

    assert app.dispatch(signed_request(view_action_body(view, "nudge_reply_use", "1"))).status == 200

    (updated,) = slack_world.api.wait_for("views.update")
    assert updated.params["view_id"] == "V0VIEW"
    new_view = updated.params["view"]
    check_view(new_view)
    box = text_box(new_view)
    assert box["block_id"] == "reply:1" and box["element"]["initial_value"] == f"[your answer]\n\n{suggestions[1]}"
    response = submit(slack_world, app, new_view, suggestions[1], box="reply:1")
    assert (response.status, response.body) == (200, "")
    assert [c.text for c in brand_comments(slack_world)] == [suggestions[1]]
    assert slack_world.api.wait_for("chat.update")


def test_a_draft_whose_answer_is_not_written_is_refused_in_the_modal(slack_world):
    comment_id, ts = posted(slack_world)
    app = slack_world.app()
    view = open_modal(slack_world, app, comment_id, ts)

    response = submit(slack_world, app, view, text_box(view)["element"]["initial_value"])

    assert response.status == 200
    assert json.loads(response.body) == {
        "response_action": "errors", "errors": {TEXT_BOX: "Write your answer in place of [your answer] first."},
    }
    assert brand_comments(slack_world) == []


def test_an_empty_reply_is_refused_in_the_modal(slack_world):
    comment_id, ts = posted(slack_world)
    app = slack_world.app()
    view = open_modal(slack_world, app, comment_id, ts)

    response = submit(slack_world, app, view, "   ")

    assert json.loads(response.body) == {"response_action": "errors", "errors": {TEXT_BOX: "Write a reply first."}}
    assert brand_comments(slack_world) == []


def test_a_modal_opened_before_the_brand_answered_on_the_platform_posts_no_second_answer(slack_world):
    comment_id, ts = posted(slack_world)
    app = slack_world.app()
    view = open_modal(slack_world, app, comment_id, ts)
    slack_world.add("a1", "Yes, from the first of April!", parent="c1", brand=True, author="brand",
                    ago=timedelta(minutes=5))
    slack_world.poll()  # a teammate answered on the platform meanwhile

    response = submit(slack_world, app, view, "Yes, it is back in April.")

    assert json.loads(response.body)["errors"] == {
        TEXT_BOX: f"Not posted: the brand already answered this comment on the platform at {answered_at(slack_world)}."}
    assert [reply.text for reply in brand_comments(slack_world)] == ["Yes, from the first of April!"]
    assert slack_world.nudge("c1").handled_how == "answered"


def test_a_second_submit_is_told_who_replied_and_when_in_words_the_modal_shows(slack_world, slack_api):
    # a modal's errors are plain text: a mention or a date token would show as <@U0ANA> and <!date^…>
    slack_api.add_user("U0ANA", real_name="Ana Lima", profile={"real_name": "Ana Lima", "display_name": "ana"})
    comment_id, ts = posted(slack_world)
    app = slack_world.app()
    view = open_modal(slack_world, app, comment_id, ts)  # Ben has the same modal open
    assert (submit(slack_world, app, view, "Yes, from April.").status, slack_world.nudge("c1").handled_how) == (
        200, "replied")
    replied_at = slack_world.nudge("c1").handled_at

    ben = app.dispatch(signed_request(view_submission_body(view, {TEXT_BOX: {"reply_text": "Yes!"}}, user="U0BEN")))

    assert json.loads(ben.body) == {"response_action": "errors", "errors": {
        TEXT_BOX: f"Not posted: @ana already replied at {replied_at:%Y-%m-%d %H:%M} UTC."}}
    del slack_api.users["U0ANA"]  # Slack no longer knows her (a new process asks it afresh)
    again = slack_world.app().dispatch(
        signed_request(view_submission_body(view, {TEXT_BOX: {"reply_text": "Yes!"}}, user="U0BEN")))
    assert json.loads(again.body)["errors"] == {
        TEXT_BOX: f"Not posted: a teammate already replied at {replied_at:%Y-%m-%d %H:%M} UTC."}
    assert [reply.text for reply in brand_comments(slack_world)] == ["Yes, from April."]


def test_reply_on_a_comment_the_brand_answered_on_the_platform_says_so_instead_of_opening_the_box(slack_world):
    comment_id, ts = posted(slack_world)
    slack_world.add("a1", "Yes, from the first of April!", parent="c1", brand=True, author="brand",
                    ago=timedelta(minutes=5))
    slack_world.poll()

    view = open_modal(slack_world, slack_world.app(), comment_id, ts)

    assert view["title"]["text"] == "Already answered" and "submit" not in view
    assert [block["text"]["text"] for block in view["blocks"]] == [
        f"No reply needed: the brand already answered this comment on the platform at {answered_at(slack_world)}."]


def test_reply_on_a_comment_replied_from_slack_says_who_and_when_instead_of_opening_the_box(slack_world, slack_api):
    comment_id, ts = posted(slack_world)
    app = slack_world.app()
    view = open_modal(slack_world, app, comment_id, ts)
    assert submit(slack_world, app, view, "Yes, from April.").status == 200
    replied_at = slack_world.nudge("c1").handled_at

    assert app.dispatch(signed_request(action_body(slack_api, "nudge_reply", comment_id, user="U0BEN",
                                                   message_ts=ts))).status == 200

    refusal = slack_api.wait_for("views.open", count=2)[-1].params["view"]
    check_view(refusal)
    assert refusal["title"]["text"] == "Already answered" and "submit" not in refusal
    assert [block["text"]["text"] for block in refusal["blocks"]] == [
        f"No reply needed: @u0ana already replied at {replied_at:%Y-%m-%d %H:%M} UTC."]


def test_a_submit_refused_for_access_is_shown_on_top_of_the_reply_where_its_mentions_render(slack_world, slack_api):
    comment_id, ts = posted(slack_world)
    view = open_modal(slack_world, slack_world.app(), comment_id, ts)
    slack_api.members["C0NUDGES"] = ["U0BEN", "U0BOT"]  # Ana left the channel meanwhile

    response = submit(slack_world, slack_world.app(), view, "Yes, from April.")

    answer = json.loads(response.body)
    assert answer["response_action"] == "push"  # the reply stays underneath, with what she typed
    check_view(answer["view"])
    (section,) = answer["view"]["blocks"]
    assert section["text"] == {"type": "mrkdwn", "text": "Only members of <#C0NUDGES> may reply publicly for *blog*: "
                                                         "ask someone in <#C0NUDGES> to add you."}
    assert brand_comments(slack_world) == []


def test_control_characters_are_never_published(slack_world):
    comment_id, ts = posted(slack_world)
    app = slack_world.app()
    view = open_modal(slack_world, app, comment_id, ts)
    pasted = "Yes!\x00 Back\x1b[2J in April\x07,\r\nsee you 👩‍👩‍👧\tthen \u200fשלום"

    response = submit(slack_world, app, view, pasted)

    assert (response.status, response.body) == (200, "")
    (reply,) = brand_comments(slack_world)
    assert reply.text == "Yes! Back[2J in April,\nsee you 👩‍👩‍👧\tthen \u200fשלום"  # joiners and marks stay
    assert slack_world.nudge("c1").handled_how == "replied"


def test_bad_signature_on_a_submission_posts_nothing(slack_world):
    comment_id, ts = posted(slack_world)
    app = slack_world.app()
    view = open_modal(slack_world, app, comment_id, ts)
    body = view_submission_body(view, {TEXT_BOX: {"reply_text": "Hello"}})

    assert app.dispatch(signed_request(body, secret="wrong")).status == 401
    assert brand_comments(slack_world) == []


def refusal(message: str) -> Response:
    return Response(json.dumps({"error": message}), status=422, content_type="application/json")


# -- a real platform: Mastodon on a local server ------------------------------------------------------------------


@pytest.fixture
def mastodon(httpserver):
    fake = FakeMastodon(base_url=httpserver.url_for("").rstrip("/"))
    fake.clock = datetime.now(timezone.utc) - timedelta(hours=3)
    fake.serve = fake  # what answers each request: a test may wrap it to slow the platform down
    httpserver.expect_request(re.compile(".*")).respond_with_handler(lambda request: fake.serve(request))
    return fake


@pytest.fixture
def toots(tmp_path, session_factory, slack_api, mastodon):
    world = make_world(tmp_path, session_factory, slack_api, platform="mastodon", nudge_after=timedelta(0),
                       options={"base_url": mastodon.base_url}, secrets={"access_token": TOKEN})
    post = mastodon.post(BRAND, "Our winter roast is out")
    question = mastodon.post(user(1), "@acme is the winter roast good for espresso?", reply_to=post)
    world.poll()
    (nudge,) = slack_api.wait_for("chat.postMessage")
    return world, world.app(), question, nudge.params["metadata"]["event_payload"]["comment_id"]


def test_reply_to_a_mastodon_mention_posts_a_status_in_reply(toots, mastodon):
    world, app, question, comment_id = toots
    view = open_modal(world, app, comment_id, world.nudge(question).slack_ts)

    response = submit(world, app, view, "Yes, it pulls a sweet shot.")

    assert (response.status, response.body) == (200, "")
    (status,) = [s for s in mastodon.statuses.values() if s["in_reply_to_id"] == question]
    assert status["account"]["id"] == BRAND["id"] and "Yes, it pulls a sweet shot." in status["content"]
    (reply,) = brand_comments(world)
    assert reply.external_id == status["id"]
    assert world.nudge(question).handled_how == "replied"
    assert "Replied from Slack" in str(world.api.wait_for("chat.update")[0].params["blocks"])

    world.poll()  # the poll finds the same status on the platform: still one reply, still answered
    assert [c.external_id for c in brand_comments(world)] == [status["id"]]
    assert world.nudge(question).state == Nudge.HANDLED


def test_a_platform_error_shows_in_the_modal_and_loses_nothing(toots, mastodon):
    world, app, question, comment_id = toots
    view = open_modal(world, app, comment_id, world.nudge(question).slack_ts)
    mastodon.fail_next("/api/v1/statuses", refusal("Validation failed: Text character limit of 500 exceeded"))

    response = submit(world, app, view, "A very long answer")

    answer = json.loads(response.body)
    assert answer["response_action"] == "errors"
    assert "Text character limit of 500 exceeded" in answer["errors"][TEXT_BOX]
    assert answer["errors"][TEXT_BOX].startswith("Not posted:") and TOKEN not in response.body
    assert brand_comments(world) == [] and world.nudge(question).state == Nudge.POSTED
    time.sleep(0.2)
    assert world.api.calls_to("chat.update") == []

    again = submit(world, app, view, "A shorter answer")  # the text is still in the modal: submit once more
    assert (again.status, again.body) == (200, "")
    assert [c.text.endswith("A shorter answer") for c in brand_comments(world)] == [True]
    assert world.api.wait_for("chat.update")


def test_a_slow_platform_gets_a_posting_modal_then_the_outcome(toots, mastodon, monkeypatch):
    world, app, question, comment_id = toots
    monkeypatch.setattr(reply_listener, "REPLY_WAIT_SECONDS", 0.2)
    serve = mastodon.serve

    def slow(request):
        if request.method == "POST":
            time.sleep(0.6)
        return serve(request)

    mastodon.serve = slow
    view = open_modal(world, app, comment_id, world.nudge(question).slack_ts)
    mastodon.fail_next("/api/v1/statuses", refusal("Validation failed: Text can't be blank"))

    response = submit(world, app, view, "Yes, it does.")

    assert json.loads(response.body)["response_action"] == "update"
    assert "Posting" in json.dumps(json.loads(response.body)["view"])
    (outcome,) = world.api.wait_for("views.update")
    failed = outcome.params["view"]
    check_view(failed)
    assert outcome.params["view_id"] == "V0VIEW" and "Text can't be blank" in str(failed["blocks"])
    assert text_box(failed)["element"]["initial_value"] == "Yes, it does."  # what was typed is still there
    assert brand_comments(world) == []

    response = submit(world, app, failed, "Yes, it does.", box=text_box(failed)["block_id"])

    assert json.loads(response.body)["response_action"] == "update"
    done = world.api.wait_for("views.update", count=2)[-1]
    assert "Reply posted" in json.dumps(done.params["view"])
    assert len(brand_comments(world)) == 1 and world.nudge(question).handled_how == "replied"
    assert world.api.wait_for("chat.update")


def test_reply_while_a_teammate_is_replying_says_who_and_since_when_instead_of_opening_the_box(toots, mastodon,
                                                                                              slack_api):
    """Ana's reply is on its way to the platform (a slow Mastodon): Ben's Reply says she is replying, in words, where
    it opened the box (he would have typed a whole reply and been refused at submit). A box he opened before she
    submitted is still refused at submit; a claim left by a crash (older than REPLY_CLAIM) stops nobody."""
    world, app, question, comment_id = toots
    slack_api.add_user("U0ANA", real_name="Ana Lima", profile={"real_name": "Ana Lima", "display_name": "ana"})
    ts = world.nudge(question).slack_ts
    anas = open_modal(world, app, comment_id, ts)
    assert app.dispatch(signed_request(action_body(slack_api, "nudge_reply", comment_id, user="U0BEN",
                                                   message_ts=ts))).status == 200
    bens = slack_api.wait_for("views.open", count=2)[-1].params["view"]
    serve, posting, platform_answers = mastodon.serve, threading.Event(), threading.Event()

    def slow(request):
        if request.method == "POST":
            posting.set()
            platform_answers.wait(10)
        return serve(request)

    mastodon.serve = slow
    anas_submit = threading.Thread(target=submit, args=(world, app, anas, "Yes, it pulls a sweet shot."))
    anas_submit.start()
    try:
        assert posting.wait(10)
        since = f"{world.nudge(question).reply_claimed_at:%Y-%m-%d %H:%M} UTC"

        assert app.dispatch(signed_request(action_body(slack_api, "nudge_reply", comment_id, user="U0BEN",
                                                       message_ts=ts))).status == 200
        note = slack_api.wait_for("views.open", count=3)[-1].params["view"]
        check_view(note)
        assert note["title"]["text"] == "Reply in progress" and "submit" not in note
        assert [block["text"]["text"] for block in note["blocks"]] == [
            f"Not now: @ana is replying right now, since {since}. If their reply does not go through, Reply opens "
            "the box again."]

        refused = app.dispatch(signed_request(view_submission_body(bens, {TEXT_BOX: {"reply_text": "Yes!"}},
                                                                   user="U0BEN")))
        assert json.loads(refused.body)["errors"] == {
            TEXT_BOX: f"Not posted: @ana is replying right now, since {since}."}

        after_a_crash = build_app(world.settings, world.factory,
                                  clock=lambda: utcnow() + lifecycle.REPLY_CLAIM + timedelta(seconds=1))
        assert after_a_crash.dispatch(signed_request(action_body(slack_api, "nudge_reply", comment_id, user="U0BEN",
                                                                 message_ts=ts))).status == 200
        assert text_box(slack_api.wait_for("views.open", count=4)[-1].params["view"])
    finally:
        platform_answers.set()
        anas_submit.join()
    assert world.api.wait_for("chat.update")  # her reply went through, once
    assert len(brand_comments(world)) == 1 and world.nudge(question).handled_by == "U0ANA"


# -- WordPress and Bluesky: the same flow through their own wire formats ---------------------------------------------


def reply_world(tmp_path, session_factory, slack_api, platform, options, secrets):
    world = make_world(tmp_path, session_factory, slack_api, platform=platform, nudge_after=timedelta(0),
                       options=options, secrets=secrets)
    world.poll()
    (nudge,) = slack_api.wait_for("chat.postMessage")
    return world, world.app(), nudge.params["metadata"]["event_payload"]["comment_id"]


def reply_from_slack(world, app, external_id, comment_id, text) -> Comment:
    view = open_modal(world, app, comment_id, world.nudge(external_id).slack_ts)
    assert (submit(world, app, view, text).status, world.nudge(external_id).handled_how) == (200, "replied")
    assert "Replied from Slack by <@U0ANA>" in str(world.api.wait_for("chat.update")[0].params["blocks"])
    (reply,) = brand_comments(world)
    assert reply.text == text and reply.parent_external_id == external_id
    world.poll()  # the reply comes back from the platform: still one brand reply, still handled
    assert [c.external_id for c in brand_comments(world)] == [reply.external_id]
    assert world.nudge(external_id).state == Nudge.HANDLED
    return reply


def test_reply_from_slack_to_a_wordpress_comment_posts_a_child_comment(tmp_path, session_factory, slack_api,
                                                                      httpserver):
    site = fake_wordpress.FakeWordPress(base_url=httpserver.url_for("").rstrip("/"))
    site.clock = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0) - timedelta(hours=3)
    httpserver.expect_request(re.compile(".*")).respond_with_handler(site)
    question = site.add("Priya", "Which grind for a moka pot?")
    world, app, comment_id = reply_world(
        tmp_path, session_factory, slack_api, "wordpress",
        {"url": site.base_url + "/", "username": fake_wordpress.USER},
        {"app_password": fake_wordpress.APP_PASSWORD})

    reply = reply_from_slack(world, app, str(question), comment_id, "Fine, like table salt.")

    posted = site.comments[int(reply.external_id)]
    assert (posted["parent"], posted["post"], posted["author"]) == (question, 4, fake_wordpress.BRAND_ID)
    assert posted["content"]["rendered"] == "<p>Fine, like table salt.</p>\n"


def test_reply_from_slack_to_a_bluesky_reply_uses_root_and_parent_refs(tmp_path, session_factory, slack_api,
                                                                      httpserver):
    sky = fake_bluesky.FakeBluesky(base_url=httpserver.url_for("").rstrip("/"))
    httpserver.expect_request(re.compile(".*")).respond_with_handler(sky)
    brand_post = sky.post(fake_bluesky.BRAND, "Our winter roast is out")
    question = sky.post(fake_bluesky.user(1), "Is it good for espresso?", reply_to=brand_post)
    try:
        world, app, comment_id = reply_world(
            tmp_path, session_factory, slack_api, "bluesky",
            {"handle": fake_bluesky.BRAND["handle"], "pds_url": sky.base_url},
            {"app_password": fake_bluesky.APP_PASSWORD})

        reply = reply_from_slack(world, app, question, comment_id, "Yes, it pulls a sweet shot.")
    finally:
        forget_token((sky.base_url, fake_bluesky.BRAND["handle"]))

    (created,) = sky.created
    assert created["record"]["reply"] == {
        "root": {"uri": brand_post, "cid": sky.posts[brand_post]["cid"]},
        "parent": {"uri": question, "cid": sky.posts[question]["cid"]},
    }
    (uri,) = [uri for uri, post in sky.posts.items() if post["record"]["text"] == "Yes, it pulls a sweet shot."]
    assert reply.external_id == uri
