"""Meta's Graph API, shared by the Facebook Pages, Instagram and Threads sources.

- Auth: the account's token as `Authorization: Bearer`.
- Errors come as `{"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}`: code 190 (token expired
  or revoked) and 102 are an `AuthError` saying so, 10 and 200-299 (a missing permission) too; 4, 17, 32, 613 and
  80001-80014 (app, user, Page and business-use-case throttling) are `RateLimited`.
- Usage: `X-App-Usage` (`{"call_count": %, "total_cputime": %, "total_time": %}`) and `X-Business-Use-Case-Usage`
  (`{"<id>": [{"type", "call_count", ..., "estimated_time_to_regain_access": minutes}]}`) become the client's
  headroom in percent. Above half of any quota the account is polled less often, in proportion; at 100 % or when
  Meta names a time to regain access, nothing is sent until then.
- Edges page with `paging.cursors.after` while `paging.next` is present (a page may be empty and still have one).

`GraphSource` puts the Graph client under the watched-posts loop (bot.sources.watched_posts) for Facebook,
Instagram and Threads, and keeps the brand's username in the cursor where that is how the brand is known.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any, Callable, ClassVar, Iterator

import requests

from bot.config import AccountConfig
from bot.sources.base import AuthError, Headroom, Page, RateLimited, SourceError, parse_time
from bot.sources.http import ApiClient, newest_first, pages, redact_url, url_option
from bot.sources.recency import recent_days
from bot.sources.watched_posts import WatchedPostsSource

GRAPH_URL = "https://graph.facebook.com/v25.0"
PAGE_LIMIT = 100
TOKEN_CODES = frozenset({102, 190})
PERMISSION_CODES = frozenset({10, *range(200, 300)})
THROTTLE_CODES = frozenset({4, 17, 32, 613, *range(80001, 80015)})
THROTTLE_WAIT = timedelta(minutes=15)  # when Meta throttles without saying for how long
USAGE_WINDOW = timedelta(hours=1)  # Meta's usage percentages are over a rolling hour
SLOW_DOWN_FROM = 50  # percent of a quota


def _json_header(value: str | None) -> Any:
    try:
        return json.loads(value) if value else None
    except ValueError:
        return None


def _percent(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def meta_usage(response: requests.Response, now: datetime) -> Headroom | None:
    """The highest usage percentage in the usage headers as headroom out of 100; None without the headers."""
    quotas: list[dict] = []
    app = _json_header(response.headers.get("X-App-Usage"))
    if isinstance(app, dict):
        quotas.append(app)
    business = _json_header(response.headers.get("X-Business-Use-Case-Usage"))
    if isinstance(business, dict):
        for entries in business.values():
            if isinstance(entries, list):
                quotas.extend(entry for entry in entries if isinstance(entry, dict))
    if not quotas:
        return None
    used = max(
        (p for quota in quotas for key in ("call_count", "total_cputime", "total_time")
         if (p := _percent(quota.get(key))) is not None),
        default=0.0,
    )
    regain = max((_percent(quota.get("estimated_time_to_regain_access")) or 0.0 for quota in quotas), default=0.0)
    if regain > 0:
        return Headroom(remaining=0, limit=100, reset_at=now + timedelta(minutes=regain))
    used = min(100.0, used)
    return Headroom(remaining=int(100 - used), limit=100, reset_at=now + USAGE_WINDOW if used >= 100 else None)


def graph_error(response: requests.Response, platform: str, hint: str, scrub: Callable[[str], str],
                now: datetime) -> SourceError | None:
    """Meta's error code read from the body: expired tokens, missing permissions and throttling; else None."""
    try:
        error = response.json().get("error")
    except (ValueError, AttributeError):
        return None
    if not isinstance(error, dict) or not isinstance(error.get("code"), int):
        return None
    code, subcode = error["code"], error.get("error_subcode")
    said = f"Graph error {code}{f'/{subcode}' if subcode else ''}: {scrub(str(error.get('message') or ''))[:200]}"
    if code in TOKEN_CODES:
        return AuthError(f"{platform}: the access token has expired or was revoked ({said}). {hint}")
    if code in PERMISSION_CODES:
        return AuthError(f"{platform}: the access token lacks a permission ({said}). {hint}")
    if code in THROTTLE_CODES:
        usage = meta_usage(response, now)
        retry_at = usage.reset_at if usage and usage.reset_at else now + THROTTLE_WAIT
        return RateLimited(f"{platform}: Meta is throttling this app ({said}); waiting until {retry_at:%H:%M} UTC",
                           retry_at)
    return None


def graph_client(account: AccountConfig, platform: str, hint: str) -> ApiClient:
    token = account.secret("access_token")
    client = ApiClient(platform, auth_hint=hint, secrets=[token], read_headroom=meta_usage)
    client.map_error = lambda response: graph_error(response, platform, hint, client.scrub, client.clock())
    client.session.headers["Authorization"] = f"Bearer {token}"
    return client


def api_url_option(account: AccountConfig, default: str) -> str:
    return url_option(account, "api_url", default, default).rstrip("/")


def edge(http: ApiClient, url: str, params: dict, first: Any = None) -> Iterator[list[dict]]:
    """An edge's pages of objects, following `paging.cursors.after` while `paging.next` says there is more.

    `first` is a page already in hand (a nested edge such as `replies{...}`): its rest is read from `url`.
    """

    def read(after: str | None) -> dict:
        if after is None and first is not None:
            return first
        return http.get(url, params={**params, "after": after} if after else params)

    def next_after(body: dict) -> str | None:
        with http.reading(url):
            paging = body.get("paging") or {}
            after = (paging.get("cursors") or {}).get("after")
        return after if paging.get("next") and after else None

    for body in pages(read, next_after, f"{http.platform}: {redact_url(url)}", goal="the end of the list",
                      then="the next poll reads it again"):
        with http.reading(url):
            data = body["data"]
            if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
                raise TypeError("data is not a list of objects")
        yield data


def graph_time(item: dict, key: str, where: str) -> datetime:
    """Graph times look like 2026-11-20T08:00:00+0000."""
    return parse_time(item.get(key), f"{where}: {key}")


class GraphSource(WatchedPostsSource):
    """What the Meta sources share on top of the watched-posts loop: the Graph client and its pacing.

    Where the brand is known by its username (Instagram, Threads), `profile_path` names the node that tells it:
    it is asked once and kept in the cursor.
    """

    flat_threads: ClassVar[bool] = True
    requests_per_poll = 1
    profile_path: str | None = None

    def __init__(self, account: AccountConfig, hint: str, api_url: str = GRAPH_URL):
        self.account = account
        self.api_url = api_url_option(account, api_url)
        self.days = recent_days(account)
        self.http = graph_client(account, self.platform.title(), hint)
        self.username: str | None = None

    def profile(self) -> dict[str, Any]:
        """The account's `id` and `username`."""
        url = f"{self.api_url}/{self.profile_path}"
        me = self.http.get(url, params={"fields": "id,username"})
        with self.http.reading(url):
            if not isinstance(me["username"], str) or not me["username"]:
                raise ValueError("no username")
        return me

    def brand_username(self) -> str:
        if not self.username:
            self.username = str(self.profile()["username"])
        return self.username

    def is_brand_name(self, username: str) -> bool:
        return bool(username) and username.lower() == (self.username or "").lower()

    def newest_first(self, url: str, fields: str, time_key: str, since: datetime) -> Iterator[dict]:
        """An edge listing posts newest first (`since` is also asked of Graph), down to the recency window."""
        def too_old(item: dict) -> bool:
            with self.http.reading(url):
                return graph_time(item, time_key, url) < since

        listing = edge(self.http, url, {"fields": fields, "since": int(since.timestamp()), "limit": PAGE_LIMIT})
        for item in newest_first(listing, too_old):
            with self.http.reading(url):
                item["id"] = str(item["id"])
            yield item

    def remember_brand(self, state: dict) -> Iterator[Page]:
        if self.profile_path:
            if not state.get("username"):
                state["username"] = self.brand_username()
                yield Page([], dict(state))
            self.username = state["username"]

    def min_poll_interval(self) -> timedelta | None:
        """Above half of Meta's quota, polls slow down in proportion: a whole window apart at 100 %."""
        headroom = self.http.headroom
        if headroom is None or 100 - headroom.remaining <= SLOW_DOWN_FROM:
            return None
        return USAGE_WINDOW * (100 - headroom.remaining - SLOW_DOWN_FROM) / (100 - SLOW_DOWN_FROM)
