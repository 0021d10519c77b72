"""The LLM provider against a local server speaking the chat-completions wire format: good answers are used,
anything else ends in the offline questions with the reason logged, and a failing endpoint never holds up a nudge."""

from __future__ import annotations

import io
import json
import logging
import time
from datetime import timedelta

import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy import select
from werkzeug import Response

from bot.config import ConfigError, LlmSettings, TeamQuestions, load_llm_settings
from bot.db.models import Nudge
from bot.engine.comment_text import read_comment
from bot.engine.poller import poll_account
from bot.engine.delivery import deliver_due
from bot.slack.terminal import TerminalNotifier
from bot.sources import build_source
from bot.suggest import suggest_questions, suggester
from bot.suggest.checks import checked_questions
from bot.suggest.llm import MAX_COMMENT_CHARS, LlmProvider
from bot.suggest.offline import offline_questions
from tests.support.records import T0, account_config, make_account
from tests.engine.test_score import long_comment

API_KEY = "sk-test-4f9a0c"
PATH = "/v1/chat/completions"
COMPLAINT = "My order arrived broken and nobody answered my email."
GOOD = [
    "Sorry your order arrived broken: what did the box look like when it came?",
    "Could you send us your order number so we can replace it today?",
    "What would help you most while we sort it out?",
]


def completion(content: str | None, model: str = "gpt-4o-mini") -> dict:
    """A chat completion as OpenAI-compatible servers send it (non-streaming)."""
    return {
        "id": "chatcmpl-9xYz",
        "object": "chat.completion",
        "created": 1763892000,
        "model": model,
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": content}, "logprobs": None,
             "finish_reason": "stop"}
        ],
        "usage": {"prompt_tokens": 212, "completion_tokens": 61, "total_tokens": 273},
    }


def openai_error(server: HTTPServer, status: int, message: str, headers: dict | None = None) -> None:
    """An error as OpenAI-compatible servers send it: {"error": {"message", "type", "code"}}."""
    body = {"error": {"message": message, "type": "api_error", "code": None}}
    server.expect_request(PATH).respond_with_json(body, status=status, headers=headers)


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def provider(server: HTTPServer, clock: Clock | None = None, timeout: float = 5.0, key: str | None = API_KEY):
    settings = LlmSettings(server.url_for("/v1"), "gpt-4o-mini", key, timedelta(seconds=timeout))
    return LlmProvider(settings, clock=clock or Clock())


def offline(text: str, author: str | None = None) -> list[str]:
    return offline_questions(read_comment(text), author)


def test_a_good_answer_is_used_and_the_request_speaks_the_wire_format(httpserver):
    httpserver.expect_request(PATH, method="POST").respond_with_json(completion(json.dumps({"questions": GOOD})))
    questions = suggest_questions(COMPLAINT, reasons=("reports a problem",), author="Priya Patel",
                                  llm=provider(httpserver))
    assert questions == GOOD
    request, _ = httpserver.log[0]
    assert request.headers["Authorization"] == f"Bearer {API_KEY}"
    assert request.headers["User-Agent"].startswith("reply-nudge/")
    body = request.get_json()
    assert body["model"] == "gpt-4o-mini"
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    prompt = body["messages"][1]["content"]
    assert COMPLAINT in prompt
    assert "tone: complaint" in prompt and "reports a problem" in prompt and "Priya Patel" in prompt
    assert "situation: problem" in prompt


def test_the_prompt_says_what_the_comment_already_told(httpserver):
    httpserver.expect_request(PATH).respond_with_json(completion(json.dumps(GOOD)))
    suggest_questions("Order #48213 arrived broken and nobody answered my email.", llm=provider(httpserver))
    prompt = httpserver.log[0][0].get_json()["messages"][1]["content"]
    assert "already told, never ask for it: order" in prompt


def test_the_prompt_says_the_place_the_error_and_the_version_told(httpserver):
    httpserver.expect_request(PATH).respond_with_json(completion(json.dumps(GOOD)))
    suggest_questions("Error 503 at the Leeds store's till since v2.4, and the staff just shrugged.",
                      llm=provider(httpserver))
    prompt = httpserver.log[0][0].get_json()["messages"][1]["content"]
    assert "already told, never ask for it: date, error, place, version" in prompt


@pytest.mark.parametrize(
    "content",
    [
        "```json\n" + json.dumps({"questions": GOOD}) + "\n```",  # models like fences
        json.dumps(GOOD),  # a bare list
        json.dumps({"questions": ["  " + GOOD[0] + "\n", GOOD[1], GOOD[2]]}),  # whitespace is tidied
    ],
)
def test_answers_in_the_usual_variations_are_accepted(httpserver, content):
    httpserver.expect_request(PATH).respond_with_json(completion(content))
    assert suggest_questions(COMPLAINT, llm=provider(httpserver)) == GOOD


def test_without_a_key_no_authorization_header_is_sent(httpserver):
    httpserver.expect_request(PATH).respond_with_json(completion(json.dumps(GOOD)))
    assert suggest_questions(COMPLAINT, llm=provider(httpserver, key=None)) == GOOD
    assert "Authorization" not in httpserver.log[0][0].headers


@pytest.mark.parametrize(
    "response, reason",
    [
        (Response("<html>502 Bad Gateway</html>", 200, content_type="text/html"), "the answer is not JSON"),
        (completion("Here are three questions: 1. What happened?"), "not the JSON asked for"),
        (completion(None), "message content is not text"),
        ({"object": "chat.completion", "choices": []}, "no choices[0].message.content"),
        (completion(json.dumps({"questions": GOOD + ["What else happened?"]})), "4 questions instead of 1 to 3"),
        (completion(json.dumps({"questions": [GOOD[0], GOOD[1], "Tell us more about the box."]})), "not a question"),
        (completion(json.dumps({"questions": [GOOD[0], GOOD[0].upper(), GOOD[2]]})), "repeat each other"),
        (completion(json.dumps({"questions": [GOOD[0], GOOD[1], "Why " + "really " * 60 + "?"]})), "characters"),
        (completion(json.dumps({"answers": GOOD})), "not a list of strings"),
    ],
    ids=["html", "prose", "null", "no-choices", "four", "statement", "repeat", "too-long", "wrong-key"],
)
def test_garbage_falls_back_to_the_offline_questions_with_the_reason(httpserver, caplog, response, reason):
    if isinstance(response, dict):
        httpserver.expect_request(PATH).respond_with_json(response)
    else:
        httpserver.expect_request(PATH).respond_with_response(response)
    llm = provider(httpserver)
    with caplog.at_level(logging.WARNING, logger="bot.suggest"):
        assert suggest_questions(COMPLAINT, author="Priya Patel", llm=llm) == offline(COMPLAINT, "Priya Patel")
    assert reason in caplog.text and "using the offline ones" in caplog.text
    suggest_questions(COMPLAINT, llm=llm)
    assert len(httpserver.log) == 2  # a bad answer is the model's, not the endpoint's: no pause


@pytest.mark.parametrize(
    "status, message, headers, pause",
    [
        (500, "The server had an error while processing your request.", None, 60),
        (429, "Rate limit reached for gpt-4o-mini", {"Retry-After": "120"}, 120),
    ],
)
def test_an_endpoint_error_falls_back_and_pauses_the_endpoint(httpserver, caplog, status, message, headers, pause):
    openai_error(httpserver, status, message, headers)
    clock = Clock()
    llm = provider(httpserver, clock)
    with caplog.at_level(logging.WARNING, logger="bot.suggest"):
        assert suggest_questions(COMPLAINT, llm=llm) == offline(COMPLAINT)
        assert f"HTTP {status}: {message}" in caplog.text
        clock.now += pause - 1
        assert suggest_questions(COMPLAINT, llm=llm) == offline(COMPLAINT)
    assert len(httpserver.log) == 1
    httpserver.clear()
    httpserver.expect_request(PATH).respond_with_json(completion(json.dumps(GOOD)))
    clock.now += 2
    assert suggest_questions(COMPLAINT, llm=llm) == GOOD


def test_an_outage_is_logged_once_not_for_every_nudge_nor_retry_and_its_end_once(httpserver, caplog):
    clock = Clock()
    llm = provider(httpserver, clock)
    httpserver.expect_request(PATH).respond_with_data("upstream connect error", status=503)
    with caplog.at_level(logging.INFO, logger="bot.suggest"):
        for _ in range(3):  # three minutes down: each nudge while paused, and a failed retry each minute
            for _ in range(5):
                assert suggest_questions(COMPLAINT, llm=llm) == offline(COMPLAINT)
            clock.now += 61
        assert len(httpserver.log) == 3
        failed = [r for r in caplog.records if "LLM suggestions failed" in r.getMessage()]
        assert [r.getMessage() for r in failed] == [
            "LLM suggestions failed, using the offline ones: HTTP 503: upstream connect error"
        ]
        httpserver.clear()
        httpserver.expect_request(PATH).respond_with_json(completion(json.dumps(GOOD)))
        assert suggest_questions(COMPLAINT, llm=llm) == GOOD
        assert suggest_questions(COMPLAINT, llm=llm) == GOOD
    back = [r.getMessage() for r in caplog.records if "answers again" in r.getMessage()]
    assert back == ["the LLM answers again (it failed: HTTP 503: upstream connect error): its suggestions are used "
                    "from now on"]


def test_a_refused_key_is_reported_without_the_key(httpserver, caplog):
    openai_error(httpserver, 401, "Incorrect API key provided: sk-test-****0c.")
    with caplog.at_level(logging.WARNING, logger="bot.suggest"):
        assert suggest_questions(COMPLAINT, llm=provider(httpserver)) == offline(COMPLAINT)
    assert "HTTP 401: Incorrect API key provided" in caplog.text
    assert API_KEY not in caplog.text


def test_no_answer_within_the_timeout_falls_back(threaded_server, caplog):
    threaded_server.expect_request(PATH).respond_with_handler(
        lambda request: time.sleep(2) or Response(json.dumps(completion(json.dumps(GOOD))))
    )
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="bot.suggest"):
        questions = suggest_questions(COMPLAINT, llm=provider(threaded_server, timeout=0.3))
    assert time.monotonic() - started < 2  # gave up before the server answered
    assert questions == offline(COMPLAINT)
    assert "no answer within 0.3s" in caplog.text


def test_an_endpoint_that_is_down_falls_back(caplog):
    server = HTTPServer()
    server.start()
    llm = provider(server)
    server.stop()
    with caplog.at_level(logging.WARNING, logger="bot.suggest"):
        assert suggest_questions(COMPLAINT, llm=llm) == offline(COMPLAINT)
    assert "cannot reach" in caplog.text


@pytest.mark.parametrize(
    "text",
    ["", "😍😍😍", "<p>Is the <strong>winter sale</strong> valid in the outlet&nbsp;stores?</p>", long_comment()],
    ids=["empty", "emoji", "html", "10k"],
)
def test_odd_comments_reach_the_llm_as_plain_bounded_text(httpserver, text):
    httpserver.expect_request(PATH).respond_with_json(completion(json.dumps(GOOD)))
    assert suggest_questions(text, llm=provider(httpserver)) == GOOD
    prompt = httpserver.log[0][0].get_json()["messages"][1]["content"]
    comment = prompt.split("Comment:\n", 1)[1]
    assert "<" not in comment and "&nbsp;" not in comment
    assert len(comment) <= MAX_COMMENT_CHARS


def test_questions_in_the_commenters_language_pass_the_checks(httpserver):
    japanese = ["配送についてもう少し教えていただけますか？", "どの地域への配送をご希望ですか？", "他に知りたいことはありますか？"]
    httpserver.expect_request(PATH).respond_with_json(completion(json.dumps({"questions": japanese})))
    text = "日本への配送はありますか？送料はいくらですか？"
    assert suggest_questions(text, llm=provider(httpserver)) == japanese
    assert "language: Japanese" in httpserver.log[0][0].get_json()["messages"][1]["content"]


def nudge_one(session_factory, tmp_path, llm: LlmProvider) -> tuple[str, list[str]]:
    comments = tmp_path / "comments.jsonl"
    comments.write_text(json.dumps({"id": "c1", "post": "p1", "author": "Priya Patel", "text": COMPLAINT,
                                    "created_at": T0.isoformat()}) + "\n")
    config = account_config("blog", nudge_after=timedelta(0), options={"path": str(comments)})
    account_id = make_account(session_factory, "blog")
    poll_account(session_factory, account_id, config, build_source(config), clock=lambda: T0)
    out = io.StringIO()
    assert deliver_due(session_factory, TerminalNotifier(out), suggester(session_factory, llm), clock=lambda: T0) == 1
    with session_factory() as session:
        return out.getvalue(), session.scalars(select(Nudge.suggestions)).one()


def test_the_nudge_carries_the_llms_questions_and_caches_them(session_factory, tmp_path, httpserver):
    httpserver.expect_request(PATH).respond_with_json(completion(json.dumps(GOOD)))
    shown, stored = nudge_one(session_factory, tmp_path, provider(httpserver))
    assert stored == GOOD
    assert all(question in shown for question in GOOD)


def test_a_failing_llm_never_holds_up_the_nudge(session_factory, tmp_path, httpserver):
    httpserver.expect_request(PATH).respond_with_data("upstream connect error", status=503)
    shown, stored = nudge_one(session_factory, tmp_path, provider(httpserver))
    assert stored == offline(COMPLAINT, "Priya Patel") == checked_questions(stored)
    assert stored[0] in shown


def test_llm_settings_from_the_environment():
    assert load_llm_settings({}) is None
    settings = load_llm_settings(
        {"LLM_BASE_URL": "http://127.0.0.1:11434/v1/", "LLM_MODEL": "llama3.2", "LLM_TIMEOUT": "20s"}
    )
    assert settings == LlmSettings("http://127.0.0.1:11434/v1", "llama3.2", None, timedelta(seconds=20))
    assert API_KEY not in repr(load_llm_settings({"LLM_BASE_URL": "https://x.example/v1", "LLM_MODEL": "m",
                                                  "LLM_API_KEY": API_KEY}))


@pytest.mark.parametrize("base_url, key", [
    ("http://ollama:11434/v1", None),  # docker-compose.yml's Ollama: a private network, no key
    ("http://192.168.1.20:8000/v1", None),
    ("http://127.0.0.1:11434/v1", API_KEY),
    ("http://localhost:8080/v1", API_KEY),
    ("http://[::1]:8000/v1", API_KEY),
    ("https://llm.internal.example/v1", API_KEY),
])
def test_plain_http_is_fine_without_a_key_or_to_this_machine(base_url, key):
    environ = {"LLM_BASE_URL": base_url, "LLM_MODEL": "m", **({"LLM_API_KEY": key} if key else {})}
    assert load_llm_settings(environ) == LlmSettings(base_url, "m", key)


@pytest.mark.parametrize("base_url", ["http://ollama:11434/v1", "http://10.0.0.7:8000/v1", "http://api.example.com/v1"])
def test_a_key_is_never_sent_in_clear_text_across_the_network(base_url):
    with pytest.raises(ConfigError) as refused:
        load_llm_settings({"LLM_BASE_URL": base_url, "LLM_MODEL": "m", "LLM_API_KEY": API_KEY})
    message = str(refused.value)
    assert message.startswith("environment: LLM_API_KEY: would cross the network in clear text to ")
    assert "https://" in message and "leave LLM_API_KEY empty" in message and API_KEY not in message


@pytest.mark.parametrize(
    "environ, message",
    [
        ({"LLM_MODEL": "gpt-4o-mini"}, "environment: LLM_BASE_URL: must be an http(s) URL"),
        ({"LLM_BASE_URL": "api.openai.com/v1", "LLM_MODEL": "m"}, "environment: LLM_BASE_URL: must be an http(s)"),
        ({"LLM_BASE_URL": "https://api.openai.com/v1"}, "environment: LLM_MODEL: required with LLM_BASE_URL"),
        ({"LLM_BASE_URL": "https://a.example/v1", "LLM_MODEL": "m", "LLM_TIMEOUT": "soon"},
         "environment: LLM_TIMEOUT: 'soon' is not a duration"),
        ({"LLM_BASE_URL": "https://a.example/v1", "LLM_MODEL": "m", "LLM_TIMEOUT": "1h"},
         "environment: LLM_TIMEOUT: '1h' must be more than 0s and at most 2m"),
    ],
)
def test_llm_settings_mistakes_name_the_variable(environ, message):
    with pytest.raises(ConfigError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        load_llm_settings(environ)


def test_check_asks_once_and_says_what_came_back(httpserver):
    httpserver.expect_ordered_request(PATH).respond_with_json(completion(json.dumps(GOOD)))
    openai_error(httpserver, 404, "The model `gpt-4o-mini` does not exist or you do not have access to it.")
    assert provider(httpserver).check().startswith("ok: 3 valid questions in ")
    assert provider(httpserver).check() == (
        "FAILED: HTTP 404: The model `gpt-4o-mini` does not exist or you do not have access to it."
    )


def test_the_prompt_carries_the_thread_the_language_the_voice_and_the_teams_questions(session_factory, tmp_path,
                                                                                        httpserver):
    """Two replies in a thread, nudged through the real delivery path: each prompt shows the comment it answers, the
    brand's earlier words in the thread (unless they are that comment), the post, the voice and the team's own
    questions (one from a similar answered conversation, one from the library)."""
    rows = [
        {"id": "c0", "post": "p0", "author": "Sam Lee", "text": "My mug broke in the box, pretty annoyed.",
         "created_at": (T0 - timedelta(days=3)).isoformat()},
        {"id": "r0", "post": "p0", "author": "Shop", "brand": True, "parent": "c0",
         "text": "So sorry, Sam! Which shop did you buy the mug from?",
         "created_at": (T0 - timedelta(days=3)).isoformat()},
        {"id": "c1", "post": "p1", "author": "Priya Patel",
         "text": "My mug arrived cracked, really disappointed.", "created_at": T0.isoformat()},
        {"id": "r1", "post": "p1", "author": "Shop", "brand": True, "parent": "c1",
         "text": "So sorry, Priya! Was the box dented when it arrived?",
         "created_at": (T0 + timedelta(minutes=5)).isoformat()},
        {"id": "c2", "post": "p1", "author": "Priya Patel", "parent": "r1",
         "text": "<p>No, the box was fine &amp; the mug still broke. Pretty annoyed.</p>",
         "created_at": (T0 + timedelta(minutes=9)).isoformat()},
        {"id": "c3", "post": "p1", "author": "Ana Silva", "parent": "c1",
         "text": "Mine arrived chipped too, can you send me a new one?", "created_at": (T0 + timedelta(minutes=9)).isoformat()},
    ]
    comments = tmp_path / "shop.jsonl"
    comments.write_text("".join(json.dumps({**row, "post_title": "Our new stoneware mugs"}) + "\n" for row in rows))
    config = account_config("shop", nudge_after=timedelta(0), options={"path": str(comments)},
                            voice="Warm and brief, first names.",
                            questions=(TeamQuestions("problem", ("What would make this right for you?",)),))
    account_id = make_account(session_factory, "shop")
    later = T0 + timedelta(minutes=10)
    poll_account(session_factory, account_id, config, build_source(config), clock=lambda: later)
    httpserver.expect_request(PATH).respond_with_json(completion(json.dumps(GOOD)))
    suggest = suggester(session_factory, provider(httpserver))
    assert deliver_due(session_factory, TerminalNotifier(io.StringIO()), suggest, clock=lambda: later,
                       accounts={account_id: config}) == 2
    prompts = {}
    for request, _ in httpserver.log:
        system, user = (m["content"] for m in request.get_json()["messages"])
        prompts[user.split("Comment:\n")[1]] = user
    user, beside = prompts["No, the box was fine & the mug still broke. Pretty annoyed."], prompts[rows[-1]["text"]]
    assert system.endswith("The team's voice, in its own words: Warm and brief, first names.")
    assert "language: English (write the questions in English)" in user
    assert "on the post: Our new stoneware mugs" in user
    assert "in reply to Shop: So sorry, Priya! Was the box dented when it arrived?" in user
    assert "situation: problem" in user and "already told" not in user
    assert "the brand said earlier" not in user  # it is the parent already
    # Ana's reply to Priya, beside ours
    assert "in reply to Priya Patel: My mug arrived cracked, really disappointed." in beside
    assert "the brand said earlier in this thread: So sorry, Priya! Was the box dented when it arrived?" in beside
    examples = user.split("similar conversations (match their style):\n")[1].split("\n\n")[0]
    assert examples == "- Which shop did you buy the mug from?\n- What would make this right for you?"


@pytest.mark.parametrize(
    "bad, reason",
    [
        ("Could you check the tracking at https://track.example.com/48213?", "a link in"),
        ("Would a 20% discount on your next order make up for it?", "a promise of money in"),
        ("Shall we refund you straight away?", "a promise of money in"),
        ("Could you send us your card number so we can check the charge?", "a request for private data in"),
        ("What is the email address on your account?", "a request for private data in"),
        ("Which password did you use when it failed?", "a request for private data in"),
    ],
)
def test_answers_that_link_promise_money_or_ask_for_private_data_fall_back(httpserver, caplog, bad, reason):
    httpserver.expect_request(PATH).respond_with_json(completion(json.dumps([GOOD[0], bad, GOOD[2]])))
    with caplog.at_level(logging.WARNING, logger="bot.suggest"):
        assert suggest_questions(COMPLAINT, llm=provider(httpserver)) == offline(COMPLAINT)
    assert f"the answer failed the checks: {reason} {bad[:60]!r}" in caplog.text


def test_questions_in_another_language_than_the_comment_fall_back(httpserver, caplog):
    german = "Meine Bestellung ist kaputt angekommen und niemand antwortet auf meine Mail."
    httpserver.expect_request(PATH).respond_with_json(completion(json.dumps(GOOD)))
    with caplog.at_level(logging.WARNING, logger="bot.suggest"):
        assert suggest_questions(german, llm=provider(httpserver)) == offline(german)
    assert "written in English, the comment is in German" in caplog.text
    assert "language: German (write the questions in German)" in httpserver.log[0][0].get_json()["messages"][1]["content"]
    httpserver.clear()
    in_german = ["Das tut uns leid: Wie sah der Karton aus, als er ankam?",
                 "Kannst du uns die Bestellnummer schicken, damit wir das klären?",
                 "Was würde dir jetzt am meisten helfen?"]
    httpserver.expect_request(PATH).respond_with_json(completion(json.dumps(in_german)))
    assert suggest_questions(german, llm=provider(httpserver)) == in_german


def test_questions_about_a_person_after_a_loss_fall_back(httpserver, caplog):
    """The offline rule holds for an LLM: "What did your late wife love most?" is never offered to a widower."""
    widower = "My late wife loved your lavender candles. I still light one every Sunday."
    about_her = ["We're so sorry for your loss. What did your late wife love most about them?",
                 "Which scent do you light on Sundays?"]
    httpserver.expect_request(PATH).respond_with_json(completion(json.dumps(about_her)))
    with caplog.at_level(logging.WARNING, logger="bot.suggest"):
        assert suggest_questions(widower, llm=provider(httpserver)) == offline(widower)
    assert "asks about a person after a loss or in illness" in caplog.text
    httpserver.clear()
    about_him = ["We're so sorry for your loss. Which scent do you light on Sundays?"]
    httpserver.expect_request(PATH).respond_with_json(completion(json.dumps(about_him)))
    assert suggest_questions(widower, llm=provider(httpserver)) == about_him
