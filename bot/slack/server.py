"""Serving the Bolt app: HTTP on waitress through Bolt's WSGI adapter, or Socket Mode; and the status pages.

The public port (HTTP mode, HOST:PORT) answers `POST /slack/events` and `GET /healthz`, liveness alone, for a load
balancer. The status pages, `GET /healthz`, `GET /readyz` (ready: database and Slack reachable, bot/health.py) and
`GET /metrics` (Prometheus, bot/metrics.py), are served in either mode on HEALTH_HOST:HEALTH_PORT, by default
127.0.0.1: what the service does and what ails it is operational data, kept off the port the internet reaches.
Bolt verifies signatures (401 when they or their timestamp do not verify); a request that is signed but cannot be
parsed, or is not UTF-8, gets 400, not a dropped connection. waitress refuses a body over MAX_BODY with 413 before
reading it, closes connections idle for IDLE_SECONDS and holds at most CONNECTIONS at once, so idle or half-open
connections cannot lock out the status pages.
"""

from __future__ import annotations

import threading
from typing import Callable, Iterable, Protocol

from slack_bolt import App, BoltRequest
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest
from slack_bolt.adapter.wsgi.http_response import WsgiHttpResponse
from slack_sdk.signature import SignatureVerifier
from waitress import create_server

from bot.config import ConfigError, Settings
from bot.health import Health
from bot.metrics import Metrics

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"
METRICS_PATH = "/metrics"
STATUS_PAGES = ", ".join((HEALTH_PATH, READY_PATH, METRICS_PATH))
TEXT = {"content-type": ["text/plain;charset=utf-8"]}
MAX_BODY = 1024 * 1024  # Slack's payloads are a few kilobytes
IDLE_SECONDS = 10  # a connection that sends nothing this long is closed (Slack sends at once)
CONNECTIONS = 500


class Running(Protocol):
    where: str  # what it serves, for the startup line

    def stop(self) -> None: ...


NOT_FOUND = WsgiHttpResponse(404, TEXT, "not found")


def liveness(health: Health) -> WsgiHttpResponse:
    stopped = health.stopped()
    return WsgiHttpResponse(503, TEXT, f"{stopped} stopped") if stopped else WsgiHttpResponse(200, TEXT, "ok")


def status_page(request: WsgiHttpRequest, health: Health, metrics: Metrics) -> WsgiHttpResponse:
    if request.method not in ("GET", "HEAD"):
        return NOT_FOUND
    if request.path == HEALTH_PATH:
        return liveness(health)
    if request.path == READY_PATH:
        problems = health.problems()
        return WsgiHttpResponse(503, TEXT, "\n".join(problems)) if problems else WsgiHttpResponse(200, TEXT, "ready")
    if request.path == METRICS_PATH:
        body, content_type = metrics.exposition(str(request.get_headers().get("accept", "")))
        return WsgiHttpResponse(200, {"content-type": [content_type]}, body.decode())
    return NOT_FOUND


def wsgi(route: Callable[[WsgiHttpRequest], WsgiHttpResponse]):
    def application(environ, start_response) -> Iterable[bytes]:
        response = route(WsgiHttpRequest(environ))
        start_response(response.status, response.get_headers())
        return response.get_body()

    return application


def status_app(health: Health, metrics: Metrics):
    """The WSGI application HEALTH_PORT serves: the status pages."""
    return wsgi(lambda request: status_page(request, health, metrics))


def wsgi_app(app: App, signing_secret: str, health: Health):
    """The WSGI application HTTP mode serves on the public port: Slack's requests, and liveness."""
    verifier = SignatureVerifier(signing_secret)

    def events(request: WsgiHttpRequest) -> WsgiHttpResponse:
        try:
            body = request.get_body()
        except UnicodeDecodeError:
            return WsgiHttpResponse(400, TEXT, "the body is not UTF-8")
        headers = request.get_headers()
        try:
            bolt_request = BoltRequest(body=body, query=request.query_string, headers=headers)
        except Exception:  # not a payload Bolt can read: say whether it was at least signed
            if not verifier.is_valid_request(body, {k: v for k, v in headers.items() if isinstance(v, str)}):
                return WsgiHttpResponse(401, TEXT, "invalid request")
            return WsgiHttpResponse(400, TEXT, "malformed payload")
        response = app.dispatch(bolt_request)
        return WsgiHttpResponse(response.status, response.headers, response.body)

    def route(request: WsgiHttpRequest) -> WsgiHttpResponse:
        if request.path == EVENTS_PATH and request.method == "POST":
            return events(request)
        if request.path == HEALTH_PATH and request.method in ("GET", "HEAD"):
            return liveness(health)
        return NOT_FOUND

    return wsgi(route)


class HttpServer:
    """waitress in a thread; `stop()` lets requests in hand finish."""

    def __init__(self, application, port: int, host: str = "0.0.0.0", *, serving: str = "Slack",
                 path: str = EVENTS_PATH, pages: str = HEALTH_PATH, keys: str = "HOST/PORT"):
        try:
            self._server = create_server(application, host=host, port=port, threads=8, max_request_body_size=MAX_BODY,
                                         channel_timeout=IDLE_SECONDS, cleanup_interval=1,
                                         connection_limit=CONNECTIONS, expose_tracebacks=False)
        except OSError as error:
            raise ConfigError(f"environment: {keys}: cannot listen on {host}:{port} ({error.strerror or error})") from None
        self.port = self._server.effective_port
        self.where = f"serving {serving} on http://{host}:{self.port}{path} ({pages})"
        self._thread = threading.Thread(target=self._server.run, name="http", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._server.close()
        self._thread.join(timeout=10)
        self._server.task_dispatcher.shutdown(timeout=10)


class SocketMode:
    def __init__(self, app: App, app_token: str):
        self._handler = SocketModeHandler(app, app_token)
        self._handler.connect()
        self.where = "connected to Slack in Socket Mode"

    def stop(self) -> None:
        self._handler.close()


def serve(app: App, settings: Settings, health: Health, *, force_http: bool, port: int | None) -> Running:
    """Socket Mode when SLACK_APP_TOKEN is set (unless forced to HTTP), else HTTP on `port` or $PORT."""
    if settings.slack_app_token and not force_http:
        return SocketMode(app, settings.slack_app_token)
    if not settings.slack_signing_secret:
        raise ConfigError(
            "environment: SLACK_SIGNING_SECRET: required in HTTP mode (the app's Basic Information page), "
            "or set SLACK_APP_TOKEN for Socket Mode"
        )
    application = wsgi_app(app, settings.slack_signing_secret, health)
    return HttpServer(application, settings.port if port is None else port, settings.host)


def serve_status(settings: Settings, health: Health, metrics: Metrics) -> HttpServer:
    """The status pages on HEALTH_HOST:HEALTH_PORT."""
    return HttpServer(status_app(health, metrics), settings.health_port, settings.health_host,
                      serving="health and metrics", path="", pages=STATUS_PAGES, keys="HEALTH_HOST/HEALTH_PORT")
