"""HTTP for every platform source: one session factory, retries, rate-limit headers, errors that name no secret.

`make_session()` gives a `requests.Session` with Reply Nudge's User-Agent and a timeout on every call.
`ApiClient` wraps one and is what sources talk through:

- 5xx answers, timeouts and connection errors are retried with exponential backoff and full jitter, within a
  bounded total time; only idempotent requests are retried (a POST when the caller says it is safe, e.g. it carries
  an `Idempotency-Key`).
- 429 becomes `RateLimited(retry_at)` from `Retry-After` or the platform's reset header. When the last answer said
  no requests remain before the reset, the next call raises `RateLimited` without sending: limits are honoured
  before a 429 happens. `client.headroom` keeps what the last answer reported, so a source can pace its polls.
- 401/403 become `AuthError` with the platform's reason and the source's hint on how to fix the credential.
- A platform that says more in its error bodies (YouTube's quota reasons, Meta's error codes) passes `map_error`,
  which sees every 4xx first and may return the error to raise.
- Other 4xx, 5xx after the retries, timeouts and bodies that are not the JSON expected become `TemporaryError`.

Messages carry the URL with secret-looking query parameters redacted, and every secret the client was given is
scrubbed from them too.

Paging, for every source: `pages()` follows a listing's pages up to MAX_PAGES a poll and `newest_first()` reads a
newest-first listing down to a watermark (see "Paging" below).
"""

from __future__ import annotations

import base64
import json
import logging
import random
import time
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Any, Callable, Iterable, Iterator, Mapping
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import requests

from bot.clock import utcnow
from bot import __version__
from bot.config import AccountConfig
from bot.config.checks import http_url
from bot.config_keys import Option
from bot.sources.base import AuthError, Headroom, RateLimited, SourceError, TemporaryError

log = logging.getLogger(__name__)

PROJECT_URL = "https://github.com/reply-nudge/reply-nudge"
USER_AGENT = f"reply-nudge/{__version__} (+{PROJECT_URL})"
DEFAULT_TIMEOUT = (5.0, 30.0)  # (connect, read) seconds
RETRY_STATUSES = frozenset({500, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
SECRET_PARAMS = ("token", "password", "secret", "key", "signature", "jwt", "code", "auth")
_EPOCH_THRESHOLD = 1_000_000_000  # a reset header above this is a Unix time, below it a number of seconds


class TimeoutSession(requests.Session):
    """A Session that never waits forever: every request gets the default timeout unless it names its own."""

    def __init__(self, timeout: float | tuple[float, float] = DEFAULT_TIMEOUT):
        super().__init__()
        self.default_timeout = timeout
        self.headers["User-Agent"] = USER_AGENT

    def request(self, method, url, *args, **kwargs):
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.default_timeout
        return super().request(method, url, *args, **kwargs)


def make_session(timeout: float | tuple[float, float] = DEFAULT_TIMEOUT) -> requests.Session:
    return TimeoutSession(timeout)


def api_url(default: str, meaning: str = "the platform's API, for a proxy or a test server") -> Option:
    """The `api_url` option of a source whose API can be reached at another address."""
    return Option("api_url", meaning, default)


def url_option(account: AccountConfig, key: str, example: str, default: str | None = None) -> str:
    """A URL credentials are sent to, from the account's settings (required without a default), or a ConfigError
    naming the key: `https://`, or `http://` to a loopback address only (a local test server, a tunnel)."""
    return http_url(account.option(key, default, required=default is None), account.where(key), example)


def same_origin(first: str, second: str) -> bool:
    a, b = urlsplit(first), urlsplit(second)
    return (a.scheme.lower(), a.hostname, a.port) == (b.scheme.lower(), b.hostname, b.port)


def redact_url(url: str) -> str:
    """The URL as it may appear in a message: credentials and secret-looking query values replaced by ***."""
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1]
    query = [
        (name, "***" if any(word in name.lower() for word in SECRET_PARAMS) else value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
    ]
    return urlunsplit((parts.scheme, netloc, parts.path, urlencode(query, safe="*[]"), ""))


def parse_reset(value: str | None, now: datetime) -> datetime | None:
    """A reset or Retry-After header: seconds from now, a Unix time, an HTTP date or ISO 8601 (Mastodon)."""
    if not value:
        return None
    text = value.strip()
    try:
        number = float(text)
    except ValueError:
        pass
    else:
        if number >= _EPOCH_THRESHOLD:
            return datetime.fromtimestamp(number, timezone.utc)
        return now + timedelta(seconds=max(0.0, number))
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _first_header(headers: Mapping[str, str], names: Iterable[str]) -> str | None:
    for name in names:
        if headers.get(name):
            return headers[name]
    return None


def standard_headroom(response: requests.Response, now: datetime) -> Headroom | None:
    """The `X-RateLimit-*` (Mastodon, Reddit, X) or IETF `RateLimit-*` (Bluesky) headers, when present."""
    headers = response.headers
    remaining = _first_header(headers, ("X-RateLimit-Remaining", "RateLimit-Remaining", "X-Rate-Limit-Remaining"))
    if remaining is None:
        return None
    limit = _first_header(headers, ("X-RateLimit-Limit", "RateLimit-Limit", "X-Rate-Limit-Limit"))
    reset = _first_header(headers, ("X-RateLimit-Reset", "RateLimit-Reset", "X-Rate-Limit-Reset"))
    try:
        return Headroom(
            remaining=int(float(remaining)),
            limit=int(float(limit.split(";")[0])) if limit else None,
            reset_at=parse_reset(reset, now),
        )
    except ValueError:
        return None


HeadroomReader = Callable[[requests.Response, datetime], "Headroom | None"]
# A platform's own reading of a 4xx answer (an error code in the body, a quota reason), or None for the default.
ErrorMapper = Callable[[requests.Response], "SourceError | None"]


class ApiClient:
    """One platform account's HTTP: retries, rate limits and error mapping around a TimeoutSession."""

    def __init__(
        self,
        platform: str,
        *,
        auth_hint: str,
        secrets: Iterable[str | None] = (),
        session: requests.Session | None = None,
        attempts: int = 4,
        backoff: float = 0.5,
        retry_budget: float = 30.0,
        read_headroom: HeadroomReader = standard_headroom,
        map_error: ErrorMapper | None = None,
        clock: Callable[[], datetime] = utcnow,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.platform = platform
        self.auth_hint = auth_hint
        self.secrets = [secret for secret in secrets if secret]
        self.session = session or make_session()
        self.attempts = attempts
        self.backoff = backoff
        self.retry_budget = retry_budget
        self.read_headroom = read_headroom
        self.map_error = map_error
        self.clock = clock
        self.sleep = sleep
        self.headroom: Headroom | None = None
        self.requests_sent = 0

    def add_secret(self, secret: str | None) -> None:
        """Secrets learnt later (a session token) are scrubbed from messages too."""
        if secret:
            self.secrets.append(secret)

    def scrub(self, text: str) -> str:
        for secret in self._secrets_in_use():
            text = text.replace(secret, "***")
        return text

    def _secrets_in_use(self) -> list[str]:
        """The secrets given, plus the forms the session sends them in: a server's error page may echo the
        `Authorization` header, and basic auth sends `user:password` base64-encoded."""
        found = list(self.secrets)
        auth = self.session.auth
        if isinstance(auth, tuple) and len(auth) == 2:
            found.append(base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode())
        header = self.session.headers.get("Authorization")
        if isinstance(header, str) and " " in header:
            found.append(header.split(" ", 1)[1])
        return [secret for secret in found if len(secret) >= 4]

    def request(
        self, method: str, url: str, *, idempotent: bool | None = None, accept: Iterable[int] = (), **kwargs: Any
    ) -> requests.Response:
        """Send with retries; returns a 2xx/3xx response (or one whose status is in `accept`), else raises."""
        method = method.upper()
        retry = method in IDEMPOTENT_METHODS if idempotent is None else idempotent
        shown = redact_url(requests.Request(method, url, params=kwargs.get("params")).prepare().url or url)
        self._wait_for_headroom(shown)
        started = time.monotonic()
        attempt = 0
        while True:
            attempt += 1
            try:
                self.requests_sent += 1
                response = self.session.request(method, url, **kwargs)
            except (requests.Timeout, requests.ConnectionError) as error:
                kind = "timed out" if isinstance(error, requests.Timeout) else "could not connect"
                failure = TemporaryError(f"{self.platform}: {method} {shown} {kind} after {attempt} attempt(s)")
            else:
                self._note_headroom(response)
                if response.status_code in accept:
                    return response
                if response.status_code not in RETRY_STATUSES:
                    return self._check_status(response, method, shown)
                failure = TemporaryError(
                    f"{self.platform}: {method} {shown} answered HTTP {response.status_code} after {attempt} attempt(s)"
                    + self._reason_suffix(response)
                )
                response.close()
            delay = random.uniform(0, self.backoff * 2 ** (attempt - 1))  # full jitter
            if not retry or attempt >= self.attempts or time.monotonic() - started + delay > self.retry_budget:
                raise failure
            log.info("%s: retrying %s %s in %.2fs (%s)", self.platform, method, shown, delay, failure)
            self.sleep(delay)

    def json(self, method: str, url: str, *, expect: type = dict, **kwargs: Any) -> Any:
        """The response body as JSON of the expected top-level type, else a TemporaryError naming the URL."""
        return self.json_of(self.request(method, url, **kwargs), expect=expect)

    def json_of(self, response: requests.Response, *, expect: type = dict) -> Any:
        method, shown = response.request.method, redact_url(response.url)
        try:
            body = response.json()
        except (json.JSONDecodeError, requests.JSONDecodeError, UnicodeDecodeError):
            raise TemporaryError(f"{self.platform}: {method} {shown} did not answer JSON") from None
        if not isinstance(body, expect):
            raise TemporaryError(
                f"{self.platform}: {method} {shown} answered a JSON {type(body).__name__}, "
                f"expected a {expect.__name__}"
            )
        return body

    def get(self, url: str, *, expect: type = dict, **kwargs: Any) -> Any:
        return self.json("GET", url, expect=expect, **kwargs)

    @contextmanager
    def reading(self, url: str) -> Iterator[None]:
        """Turns a body of unexpected shape (a missing key, a wrong type) into a TemporaryError naming the URL."""
        try:
            yield
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as error:
            raise TemporaryError(
                f"{self.platform}: unexpected response shape from {redact_url(url)} "
                f"({type(error).__name__}: {self.scrub(str(error))[:200]})"
            ) from None

    def _wait_for_headroom(self, shown: str) -> None:
        headroom, now = self.headroom, self.clock()
        if headroom and headroom.remaining <= 0 and headroom.reset_at and headroom.reset_at > now:
            raise RateLimited(
                f"{self.platform}: no requests left until {headroom.reset_at:%H:%M:%S} UTC (not sent: {shown})",
                headroom.reset_at,
            )

    def _note_headroom(self, response: requests.Response) -> None:
        headroom = self.read_headroom(response, self.clock())
        if headroom is not None:
            self.headroom = headroom

    def _check_status(self, response: requests.Response, method: str, shown: str) -> requests.Response:
        status = response.status_code
        if status < 400:
            return response
        mapped = self.map_error(response) if self.map_error else None
        if mapped is not None:
            raise mapped
        reason = self._reason_suffix(response)
        if status == 429:
            now = self.clock()
            retry_at = parse_reset(response.headers.get("Retry-After"), now)
            if retry_at is None and self.headroom and self.headroom.reset_at:
                retry_at = self.headroom.reset_at
            retry_at = retry_at or now + timedelta(minutes=1)
            raise RateLimited(
                f"{self.platform}: rate limited at {method} {shown} until {retry_at:%H:%M:%S} UTC{reason}", retry_at
            )
        if status in (401, 403):
            raise AuthError(
                f"{self.platform} rejected the credentials (HTTP {status} at {method} {shown}){reason}. "
                f"{self.auth_hint}"
            )
        raise TemporaryError(f"{self.platform}: {method} {shown} answered HTTP {status}{reason}")

    def _reason_suffix(self, response: requests.Response) -> str:
        """The platform's own short explanation (`error`, `message`…), scrubbed of secrets."""
        try:
            body = response.json()
        except ValueError:
            return ""
        reason = _error_text(body)
        return f": {self.scrub(reason)[:200]}" if reason else ""


def _error_text(body: Any) -> str | None:
    if not isinstance(body, dict):
        return None
    for key in ("error_description", "message", "error", "code"):
        value = body.get(key)
        if isinstance(value, dict):
            return _error_text(value)
        if isinstance(value, str) and value:
            return value
    return None


# Paging -------------------------------------------------------------------------------------------------------------
#
# As in the Singer SDK's REST streams, a read names how to get one page (`read(token)`, the token None for the
# first) and where the next page is (`next_token(page)`, None on the last); `pages()` does the rest, for every
# style the platforms use: a `Link` header URL or its `min_id`/`max_id` (Mastodon), a token in the body (YouTube's
# `nextPageToken`, Graph's `paging.cursors.after`, Bluesky's `cursor`, Reddit's `after`), an offset (LinkedIn's
# `start`) and a page number (WordPress). A read stops by itself where it has what it needs (`newest_first`).

MAX_PAGES = 50  # pages one read may take in a poll


class PageCapReached(TemporaryError):
    """A read took MAX_PAGES pages and the platform listed more: what it did not read would be a silent gap."""


_cut_short: ContextVar[list[str] | None] = ContextVar("cut_short", default=None)


@contextmanager
def ending_at_cap() -> Iterator[list[str]]:
    """Within it, a read past MAX_PAGES ends where it is instead of raising PageCapReached, and the list given
    gets what it did not reach: for a read whose caller says it is not whole (an audit's re-read), so that what
    it read is kept and nothing is taken for deleted."""
    said: list[str] = []
    token = _cut_short.set(said)
    try:
        yield said
    finally:
        _cut_short.reset(token)


def pages(read: Callable[[Any], Any], next_token: Callable[[Any], Any], what: str, *, resumes: bool = False,
          goal: str = "the last poll's position", then: str = "the next poll goes on from the same watermark",
          max_pages: int = MAX_PAGES) -> Iterator[Any]:
    """The pages of one listing, each read with the token the page before named, while there is one.

    Past `max_pages` the read raises PageCapReached naming `what`, `goal` (what it did not reach) and `then` (what
    happens next), unless it `resumes`: each of its pages was stored with the position after it, so the next poll
    goes on from there and nothing is skipped; then the read ends and says so in the log. Within `ending_at_cap()`
    it ends too, and says so to the caller.
    """
    token = None
    for _ in range(max_pages):
        page = read(token)
        yield page
        token = next_token(page)
        if token is None:
            return
    if resumes:
        log.info("%s: %d pages read, the next poll goes on from the last of them", what, max_pages)
        return
    cut_short = _cut_short.get()
    if cut_short is not None:
        cut_short.append(f"{what}: {max_pages} pages read without reaching {goal}")
        return
    raise PageCapReached(f"{what}: {max_pages} pages read without reaching {goal}; {then}")


def newest_first(listing: Iterable[Iterable[Any]], reached: Callable[[Any], bool]) -> Iterator[Any]:
    """The items of a listing's pages, newest first, down to the first one `reached` says an earlier read saw (a
    watermark) or is older than wanted; the pages after it are not read."""
    for items in listing:
        for item in items:
            if reached(item):
                return
            yield item


def next_link(response: requests.Response, rel: str = "next") -> str | None:
    """The `Link: <…>; rel="next"` URL (Mastodon, GitHub-style pagination), if any."""
    return response.links.get(rel, {}).get("url")


def body_token(key: str) -> Callable[[dict], Any]:
    """The next page's token where the body says it (`nextPageToken`, `cursor`), None when it is missing or empty."""
    return lambda body: body.get(key) or None


class HttpSource:
    """Pacing for sources that talk through an ApiClient kept in `self.http` (see bot/sources/base.py)."""

    http: ApiClient
    requests_per_poll: int = 2

    def headroom(self) -> Headroom | None:
        return self.http.headroom

    def min_poll_interval(self) -> timedelta | None:
        headroom = self.http.headroom
        return headroom.pace(self.requests_per_poll, self.http.clock()) if headroom else None
