"""An `[[accounts]]` table, with the `[defaults]` it inherits, read into an AccountConfig."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any, Mapping
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot import config_keys
from bot.config import (DEFAULT_MIN_SCORE, WEEKDAYS, AccountConfig, ConfigError, PollIntervals, format_duration,
                        parse_duration)
from bot.config_file.values import integer, strings
from bot.config_keys import names
from bot.engine.hours import parse_business_hours
from bot.sources import PLATFORMS, options_of

SHARED_KEYS = names(config_keys.SHARED)  # an account inherits these from [defaults] unless it sets its own
# Who may act, by role: the config key of each; unset, the members of the account's nudge channel may.
ROLE_KEYS = {"reply": "can_reply", "triage": "can_triage", "configure": "can_configure"}
_SLACK_ID = re.compile(r"[SUW][A-Z0-9]{2,}")
ACCOUNT_KEYS = SHARED_KEYS | names(config_keys.ACCOUNT)
COUNT_MODES = ("calendar", "business")
# Whom an escalation mentions: a user group (S…), a user (U…/W…), or everyone here / in the channel.
_ESCALATION_TARGET = re.compile(r"[SUW][A-Z0-9]{2,}|@?here|@?channel")

MAX_VOICE_CHARS = 500  # a few sentences on tone; it goes into every LLM prompt


def parse_account(
    index: int, entry: Mapping[str, Any], defaults: Mapping[str, Any], file: str, environ: Mapping[str, str]
) -> AccountConfig:
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"{file}: accounts[{index}].name: required, a non-empty string")
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", name):
        raise ConfigError(f"{file}: accounts[{index}].name: {name!r} may hold only letters, digits, '-', '_' and '.'")
    where = f"{file}: accounts[{name}]"
    platform = entry.get("platform")
    if platform not in PLATFORMS:
        raise ConfigError(f"{where}.platform: {platform!r} is not a platform (one of: {', '.join(PLATFORMS)})")

    known = {option.written for option in options_of(platform)}  # as its source declares them
    for key in entry:
        if key not in ACCOUNT_KEYS and key not in known:
            raise ConfigError(
                f"{where}.{key}: unknown key for platform {platform!r} (known: {', '.join(sorted(known))})"
            )
    merged = {**defaults, **{k: v for k, v in entry.items() if k in SHARED_KEYS}}

    def text(key: str) -> str | None:
        value = merged.get(key)
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{where}.{key}: must be a string")
        return value

    nudge_after_text = text("nudge_after") or "1h"
    try:
        nudge_after = parse_duration(nudge_after_text)
    except ValueError as error:
        raise ConfigError(f"{where}.nudge_after: {error}") from None
    zone_name = text("timezone") or "UTC"
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"{where}.timezone: {zone_name!r} is not a known time zone (e.g. Europe/Berlin)") from None
    business_hours = None
    if hours_text := text("business_hours"):
        try:
            business_hours = parse_business_hours(hours_text)
        except ValueError as error:
            raise ConfigError(f"{where}.business_hours: {error}") from None
    holidays = _holidays(merged.get("holidays", []), f"{where}.holidays")
    count = text("count") or "calendar"
    if count not in COUNT_MODES:
        raise ConfigError(f"{where}.count: {count!r} must be one of {', '.join(COUNT_MODES)}")
    if count == "business" and business_hours is None:
        raise ConfigError(f"{where}.count: 'business' needs business_hours to count in")
    min_score = integer(merged, "min_score", DEFAULT_MIN_SCORE, where, 0, 100)
    muted_commenters = strings(merged.get("muted_commenters"), f"{where}.muted_commenters")
    ignored_phrases = strings(merged.get("ignored_phrases"), f"{where}.ignored_phrases")
    digest_threshold = integer(merged, "digest_threshold", 5, where, 1, 1000)
    escalate_after = None
    if escalate_text := text("escalate_after"):
        try:
            escalate_after = parse_duration(escalate_text)
        except ValueError as error:
            raise ConfigError(f"{where}.escalate_after: {error}") from None
        if escalate_after < timedelta(minutes=1):
            raise ConfigError(f"{where}.escalate_after: {escalate_text!r} is shorter than 1m")
    escalate_to = text("escalate_to")
    if escalate_to is not None and not _ESCALATION_TARGET.fullmatch(escalate_to):
        raise ConfigError(
            f"{where}.escalate_to: {escalate_to!r} must be a user group id (S…), a user id (U…) or 'here'"
        )
    max_escalations = integer(merged, "max_escalations", 1, where, 1, 10)
    digest_at = None
    if digest_text := text("digest_at"):
        digest_at = _clock_time(digest_text, f"{where}.digest_at")
    weekly_report = None
    if report_text := text("weekly_report"):
        weekly_report = _weekday_and_time(report_text, f"{where}.weekly_report")
    poll_intervals = _poll_intervals(text, where)
    roles = {role: _slack_ids(merged.get(key), f"{where}.{key}") for role, key in ROLE_KEYS.items() if key in merged}
    voice = " ".join((text("voice") or "").split()) or None
    if voice and len(voice) > MAX_VOICE_CHARS:
        raise ConfigError(f"{where}.voice: {len(voice)} characters; keep it to {MAX_VOICE_CHARS} (a few sentences)")
    alert_after_text = text("alert_after") or "1h"
    try:
        alert_after = parse_duration(alert_after_text)
    except ValueError as error:
        raise ConfigError(f"{where}.alert_after: {error}") from None

    options: dict[str, Any] = {}
    secrets: dict[str, str] = {}
    for key, value in entry.items():
        if key in ACCOUNT_KEYS:
            continue
        if key.endswith("_env"):
            if not isinstance(value, str) or not value:
                raise ConfigError(f"{where}.{key}: must name an environment variable")
            secret = environ.get(value)
            if not secret:
                raise ConfigError(f"{where}.{key}: environment variable {value} is not set")
            secrets[key.removesuffix("_env")] = secret
        else:
            options[key] = value
    return AccountConfig(
        name=name,
        platform=platform,
        channel=text("channel"),
        nudge_after=nudge_after,
        min_score=min_score,
        timezone=zone,
        business_hours=business_hours,
        digest_threshold=digest_threshold,
        options=options,
        secrets=secrets,
        source_file=file,
        holidays=holidays,
        count=count,
        muted_commenters=muted_commenters,
        ignored_phrases=ignored_phrases,
        escalate_after=escalate_after,
        escalate_to=escalate_to,
        max_escalations=max_escalations,
        digest_at=digest_at,
        weekly_report=weekly_report,
        poll_intervals=poll_intervals,
        roles=roles,
        voice=voice,
        alert_after=alert_after,
    )


def _slack_ids(value: Any, where: str) -> tuple[str, ...]:
    """An array of Slack user ids (U…, W…) and user group ids (S…): whom a role is given to."""
    ids = strings(value, where, required=True)
    for item in ids:
        if not _SLACK_ID.fullmatch(item):
            raise ConfigError(f"{where}: {item!r} is not a Slack user id (U…/W…) or user group id (S…)")
    return ids


MAX_POLL_INTERVAL = timedelta(days=1)


def _poll_intervals(text, where: str) -> PollIntervals:
    """`poll_interval` (default 1m) and its bounds: `poll_interval_min` (default half of it) and
    `poll_interval_max` (default ten times it), each from 1s to 1d, min <= interval <= max."""

    def duration(key: str, default: timedelta) -> timedelta:
        value = text(key)
        if value is None:
            return default
        try:
            parsed = parse_duration(value)
        except ValueError as error:
            raise ConfigError(f"{where}.{key}: {error}") from None
        if not timedelta(seconds=1) <= parsed <= MAX_POLL_INTERVAL:
            raise ConfigError(f"{where}.{key}: {value!r} must be from 1s to 1d")
        return parsed

    usual = duration("poll_interval", PollIntervals.usual)
    shortest = duration("poll_interval_min", max(timedelta(seconds=1), usual / 2))
    longest = duration("poll_interval_max", min(MAX_POLL_INTERVAL, usual * 10))
    if shortest > usual:
        raise ConfigError(
            f"{where}.poll_interval_min: {format_duration(shortest)} is longer than poll_interval ({format_duration(usual)})"
        )
    if longest < usual:
        raise ConfigError(
            f"{where}.poll_interval_max: {format_duration(longest)} is shorter than poll_interval ({format_duration(usual)})"
        )
    return PollIntervals(usual, shortest, longest)


def _clock_time(text: str, where: str) -> time:
    """`HH:MM`, a local wall-clock time."""
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", text.strip())
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise ConfigError(f"{where}: {text!r} is not a time of day (HH:MM, e.g. 09:00)")
    return time(int(match.group(1)), int(match.group(2)))


def _weekday_and_time(text: str, where: str) -> tuple[int, time]:
    """`mon 09:30`: a weekday and a local wall-clock time."""
    day, _, clock = text.strip().lower().partition(" ")
    if day not in WEEKDAYS or not re.fullmatch(r"\d{1,2}:\d{2}", clock.strip()):
        raise ConfigError(f"{where}: {text!r} is not a weekday and a time (e.g. \"mon 09:30\")")
    return WEEKDAYS.index(day), _clock_time(clock, where)


def _holidays(value: Any, where: str) -> frozenset[date]:
    """Dates as TOML dates (`2026-12-25`) or strings (`"2026-12-25"`), in the account's time zone."""
    if not isinstance(value, list):
        raise ConfigError(f"{where}: must be an array of dates, e.g. [\"2026-12-24\", \"2026-12-25\"]")
    days: set[date] = set()
    for item in value:
        if isinstance(item, date) and not isinstance(item, datetime):
            days.add(item)
            continue
        try:
            days.add(date.fromisoformat(item))
        except (TypeError, ValueError):
            raise ConfigError(f"{where}: {item!r} is not a date (YYYY-MM-DD)") from None
    return frozenset(days)
