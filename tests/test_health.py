"""`/healthz` (live) and `/readyz` (database and Slack reachable): on HEALTH_HOST:HEALTH_PORT of a real `replynudge
run --http` and of a real `replynudge run` without an HTTP server of its own, liveness alone on the public port, and
readiness as the database and Slack come and go."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone

import pytest
import requests

from bot.clock import utcnow
from bot.config import Settings
from bot.health import DATABASE_DOWN, SLACK_CHECK_EVERY, SLACK_DOWN, Health
from bot.loops import Loops
from bot.metrics import Metrics
from bot.slack.client import make_probe_client
from bot.slack.server import HttpServer, status_app
from tests.conftest import _admin_connection, new_postgres_database
from tests.support.slack_world import start_http_service, status_url

CONFIG = """
[[accounts]]
name = "blog"
platform = "replay"
path = "comments.jsonl"
"""


@pytest.fixture
def postgres_url(request):
    url, drop = new_postgres_database(request.getfixturevalue("_postgres_template"))
    yield url
    drop()


def allow_connections(url: str, allowed: bool) -> None:
    """Open or close a PostgreSQL database to connections, ending those it has when closing it."""
    name = url.rsplit("/", 1)[1]
    with _admin_connection() as admin:
        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {str(allowed).lower()}')
        if not allowed:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))


def test_readiness_follows_the_database_of_a_running_service(workdir, postgres_url, slack_api):
    (workdir / "replynudge.toml").write_text(CONFIG)
    (workdir / "comments.jsonl").write_text("")
    process, banner, _ = start_http_service(workdir, postgres_url, slack_api)
    base = status_url(banner)
    try:
        ready = requests.get(f"{base}/readyz", timeout=10)
        assert (ready.status_code, ready.text) == (200, "ready")

        allow_connections(postgres_url, False)
        for _ in range(3):  # a probe is told which check failed, not the database's error
            down = requests.get(f"{base}/readyz", timeout=10)
            assert (down.status_code, down.text) == (503, DATABASE_DOWN)
        assert requests.get(f"{base}/healthz", timeout=10).status_code == 200  # alive all the same

        allow_connections(postgres_url, True)
        assert requests.get(f"{base}/readyz", timeout=10).status_code == 200
        assert len(slack_api.calls_to("auth.test")) <= 2  # the one at start, and readiness's, kept for a while
    finally:
        allow_connections(postgres_url, True)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
    logged = process.stderr.read()  # the operator is told the error, once while it lasts
    assert logged.count("not ready: environment: DATABASE_URL: cannot reach the database (") == 1, logged
    assert logged.count("ready again") == 1, logged


def test_the_public_port_answers_slack_and_liveness_only(workdir, database_url, slack_api):
    """Readiness and metrics are operational data: on HEALTH_HOST:HEALTH_PORT (this machine by default), not on the
    port that Slack's requests, and anyone else's, reach."""
    (workdir / "replynudge.toml").write_text(CONFIG)
    (workdir / "comments.jsonl").write_text("")
    process, banner, port = start_http_service(workdir, database_url, slack_api)
    public, status = f"http://127.0.0.1:{port}", status_url(banner)
    try:
        assert status.startswith("http://127.0.0.1:")
        assert requests.get(f"{public}/healthz", timeout=10).text == "ok"  # for a load balancer
        for page in ("/readyz", "/metrics"):
            assert requests.get(public + page, timeout=10).status_code == 404, page
            assert requests.head(public + page, timeout=10).status_code == 404, page
        assert requests.get(f"{status}/readyz", timeout=10).text == "ready"
        assert 'replynudge_polls_total{account="blog"' in requests.get(f"{status}/metrics", timeout=10).text
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0


def test_readiness_asks_slack_at_most_every_half_minute(session_factory, slack_api):
    now = [datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)]
    settings = Settings(slack_bot_token="xoxb-test-token", slack_api_url=slack_api.url)
    health = Health(session_factory, make_probe_client(settings), clock=lambda: now[0])
    server = HttpServer(status_app(health, Metrics(())), port=0, host="127.0.0.1")
    ready = f"http://127.0.0.1:{server.port}/readyz"
    try:
        assert requests.get(ready, timeout=10).status_code == 200
        slack_api.fail("auth.test", status=200, retry_after=None, error="invalid_auth")
        assert requests.get(ready, timeout=10).status_code == 200  # Slack's last answer still holds
        assert len(slack_api.calls_to("auth.test")) == 1

        now[0] += SLACK_CHECK_EVERY
        down = requests.get(ready, timeout=10)
        assert (down.status_code, down.text) == (503, SLACK_DOWN)

        now[0] += SLACK_CHECK_EVERY
        assert requests.get(ready, timeout=10).status_code == 200
        assert len(slack_api.calls_to("auth.test")) == 3
    finally:
        server.stop()


def test_liveness_is_both_loops_running(session_factory):
    """An error in a step is retried (the loop lives on); a loop that ended all the same fails liveness by name."""
    tried_again = threading.Event()
    errors = []

    def failing() -> timedelta:
        errors.append(1)
        if len(errors) > 1:
            tried_again.set()
        raise RuntimeError("the database is away")

    def ending() -> timedelta:
        raise SystemExit  # what no step catches

    loops = Loops()
    loops.add("polling", failing, after_error=timedelta(milliseconds=10))
    delivery = loops.add("delivery", ending, after_error=timedelta(milliseconds=10))
    server = HttpServer(status_app(Health(session_factory, None, loops.alive()), Metrics(())), port=0,
                        host="127.0.0.1")
    try:
        loops.start()
        delivery.join(timeout=10)
        stopped = requests.get(f"http://127.0.0.1:{server.port}/healthz", timeout=10)
        assert (stopped.status_code, stopped.text) == (503, "delivery stopped")
        assert tried_again.wait(10) and loops.alive()["polling"]()  # polling still runs, tried again after errors
        assert requests.get(f"http://127.0.0.1:{server.port}/slack/events", timeout=10).status_code == 404
    finally:
        loops.stop()
        server.stop()


def test_without_a_bot_token_run_says_where_the_nudges_go(workdir):
    """Slack setup's first line: without SLACK_BOT_TOKEN run only polls and prints; it says so as it starts."""
    process, printed = started(workdir)
    try:
        assert "no SLACK_BOT_TOKEN: the nudges print here, and nothing answers Slack" in printed, printed
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0


def serving_status_pages(workdir, **env) -> tuple[subprocess.Popen, str]:
    """`replynudge run` without Slack, and where its startup line says the status pages are."""
    process, printed = started(workdir, **env)
    return process, status_url(printed)


def started(workdir, **env) -> tuple[subprocess.Popen, str]:
    """`replynudge run` on a replay account, and what it printed up to the status pages' line."""
    (workdir / "replynudge.toml").write_text(CONFIG)
    (workdir / "comments.jsonl").write_text("")
    process = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=workdir, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "DATABASE_URL": f"sqlite:///{workdir}/rn.db", **env})
    printed = ""
    for line in iter(process.stderr.readline, ""):
        printed += line
        if "serving health and metrics" in line:
            break
    return process, printed


def answers(host: str, port: int) -> bool:
    try:
        return requests.get(f"http://{host}:{port}/healthz", timeout=10).text == "ok"
    except requests.ConnectionError:
        return False


@pytest.mark.parametrize("health_host, listening", [(None, "127.0.0.1"), ("0.0.0.0", "0.0.0.0")])
def test_health_port_serves_the_status_pages_on_this_machine_unless_told(workdir, health_host, listening):
    """What Socket Mode relies on too: the status pages on a port of their own, whatever serves Slack; by default
    on 127.0.0.1 alone (a socket bound to it refuses 127.0.0.2, another loopback address), whatever HOST says."""
    process, base = serving_status_pages(workdir, HOST="0.0.0.0", **({"HEALTH_HOST": health_host} if health_host else {}))
    try:
        assert base.startswith(f"http://{listening}:"), base
        port = int(base.rsplit(":", 1)[1])
        assert answers("127.0.0.1", port)
        assert answers("127.0.0.2", port) is (listening == "0.0.0.0")
        assert requests.get(f"http://127.0.0.1:{port}/readyz", timeout=10).text == "ready"  # no Slack to ask
        assert 'replynudge_polls_total{account="blog"' in requests.get(f"http://127.0.0.1:{port}/metrics",
                                                                       timeout=10).text
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0


def test_socket_mode_serves_the_status_pages_too(workdir, slack_api):
    """Socket Mode has no HTTP server of Slack's: the status pages are there all the same, on HEALTH_PORT."""
    process, base = serving_status_pages(workdir, SLACK_BOT_TOKEN="xoxb-test-token", SLACK_APP_TOKEN="xapp-test-token",
                                         SLACK_API_URL=slack_api.url)
    try:
        slack_api.wait_for("socket", timeout=30)  # connected: the WebSocket handshake went through
        assert requests.get(f"{base}/healthz", timeout=10).text == "ok"
        assert requests.get(f"{base}/readyz", timeout=10).text == "ready"
        assert 'replynudge_polls_total{account="blog"' in requests.get(f"{base}/metrics", timeout=10).text
        assert slack_api.calls_to("apps.connections.open")
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0


def test_a_port_that_cannot_be_served_stops_the_service_before_it_polls(workdir):
    (workdir / "replynudge.toml").write_text(CONFIG)
    (workdir / "comments.jsonl").write_text(json.dumps({
        "id": "c1", "post": "p1", "author": "Ann", "author_id": "u1",
        "text": "How long should I steep the cold brew if I want it less bitter? 18 hours felt too strong.",
        "created_at": utcnow().isoformat()}) + "\n")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{workdir}/rn.db", "HEALTH_PORT": str(taken.getsockname()[1])}
        result = subprocess.run([sys.executable, "-m", "bot", "run"], cwd=workdir, env=env, capture_output=True,
                                text=True, timeout=120)
    assert result.returncode == 2
    assert "cannot listen on" in result.stderr and "Address already in use" in result.stderr
    with sqlite3.connect(workdir / "rn.db") as database:
        assert database.execute("select count(*) from comments").fetchone() == (0,)


def test_a_health_port_that_is_no_port_names_the_key(workdir):
    result = subprocess.run([sys.executable, "-m", "bot", "run"], cwd=workdir, capture_output=True, text=True,
                            env={**os.environ, "HEALTH_PORT": "metrics"}, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip() == "replynudge: error: environment: HEALTH_PORT: 'metrics' is not a port number (0 to 65535)"
