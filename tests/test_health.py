"""`/healthz` (live) and `/readyz` (database and Slack reachable): in a real `replynudge run --http`, on HEALTH_PORT
in a real `replynudge run` without an HTTP server of its own, and readiness as the database and Slack come and go."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
from datetime import datetime, timezone

import pytest
import requests

from bot.clock import utcnow
from bot.config import Settings
from bot.health import SLACK_CHECK_EVERY, Health
from bot.metrics import Metrics
from bot.slack.client import make_probe_client
from bot.slack.server import HttpServer, status_app
from tests.conftest import _admin_connection, new_postgres_database
from tests.support.slack_world import start_http_service

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
    process, _, port = start_http_service(workdir, postgres_url, slack_api)
    base = f"http://127.0.0.1:{port}"
    try:
        ready = requests.get(f"{base}/readyz", timeout=10)
        assert (ready.status_code, ready.text) == (200, "ready")

        allow_connections(postgres_url, False)
        down = requests.get(f"{base}/readyz", timeout=10)
        assert down.status_code == 503
        assert down.text.startswith("environment: DATABASE_URL: cannot reach the database (")
        assert requests.get(f"{base}/healthz", timeout=10).status_code == 200  # alive all the same

        allow_connections(postgres_url, True)
        assert requests.get(f"{base}/readyz", timeout=10).status_code == 200
        assert len(slack_api.calls_to("auth.test")) <= 2  # the one at start, and readiness's, kept for a while
    finally:
        allow_connections(postgres_url, True)
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
        assert (down.status_code, down.text) == (503, "Slack: auth.test answered invalid_auth")

        now[0] += SLACK_CHECK_EVERY
        assert requests.get(ready, timeout=10).status_code == 200
        assert len(slack_api.calls_to("auth.test")) == 3
    finally:
        server.stop()


def test_liveness_is_the_polling_loop(session_factory):
    finished = threading.Thread(target=lambda: None)
    finished.start()
    finished.join()
    server = HttpServer(status_app(Health(session_factory, None, alive=finished.is_alive), Metrics(())), port=0,
                        host="127.0.0.1")
    try:
        stopped = requests.get(f"http://127.0.0.1:{server.port}/healthz", timeout=10)
        assert (stopped.status_code, stopped.text) == (503, "polling stopped")
        assert requests.get(f"http://127.0.0.1:{server.port}/slack/events", timeout=10).status_code == 404
    finally:
        server.stop()


def test_health_port_serves_the_status_pages_without_slack(workdir):
    """What Socket Mode relies on: the status pages on a port of their own, whatever serves Slack."""
    (workdir / "replynudge.toml").write_text(CONFIG)
    (workdir / "comments.jsonl").write_text("")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{workdir}/rn.db", "HEALTH_PORT": "0"}
    process = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=workdir, env=env, stderr=subprocess.PIPE,
                               text=True)
    try:
        banner = process.stderr.readline()
        assert "serving health and metrics on http://0.0.0.0:" in banner, banner
        base = "http://127.0.0.1:" + banner.split("http://0.0.0.0:", 1)[1].split(" ", 1)[0]
        assert requests.get(f"{base}/healthz", timeout=10).text == "ok"
        assert requests.get(f"{base}/readyz", timeout=10).text == "ready"  # no Slack to ask
        assert 'replynudge_polls_total{account="blog"' in requests.get(f"{base}/metrics", timeout=10).text
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
        taken.bind(("0.0.0.0", 0))
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
