"""Settings from the environment, a `.env` file and the TOML config file.

Every mistake raises ConfigError with one line that names the file and the key, so the CLI can print it and
exit 2 instead of showing a traceback.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Mapping
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dotenv import load_dotenv

from bot import config_keys
from bot.config_keys import names
from bot.engine.language import NAMES as LANGUAGE_NAMES
from bot.engine.situation import SITUATIONS

PLATFORMS = (
    "wordpress",
    "mastodon",
    "bluesky",
    "youtube",
    "facebook",
    "instagram",
    "threads",
    "linkedin",
    "reddit",
    "replay",
)

DEFAULT_DATABASE_URL = "sqlite:///replynudge.db"
DEFAULT_CONFIG_PATH = "replynudge.toml"
DEFAULT_SLACK_API_URL = "https://slack.com/api/"
LOG_FORMATS = ("text", "json")
DEFAULT_MIN_SCORE = 30  # a question, a complaint or substantive praise; see docs/suggestions.md

SHARED_KEYS = names(config_keys.SHARED)  # an account inherits these from [defaults] unless it sets its own
# Who may act, by role: the config key of each; unset, the members of the account's nudge channel may.
ROLE_KEYS = {"reply": "can_reply", "triage": "can_triage", "configure": "can_configure"}
_SLACK_ID = re.compile(r"[SUW][A-Z0-9]{2,}")
ACCOUNT_KEYS = SHARED_KEYS | names(config_keys.ACCOUNT)

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
COUNT_MODES = ("calendar", "business")
# Whom an escalation mentions: a user group (S…), a user (U…/W…), or everyone here / in the channel.
_ESCALATION_TARGET = re.compile(r"[SUW][A-Z0-9]{2,}|@?here|@?channel")
_HOURS_RANGE = re.compile(r"(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})")

# The platform keys each connector understands, as written in the file; any other key is a typo.
PLATFORM_KEYS = {platform: names(settings) for platform, settings in config_keys.PLATFORMS.items()}

_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(w|d|h|m|s)")
_UNIT_SECONDS = {"w": 604800, "d": 86400, "h": 3600, "m": 60, "s": 1}


class ConfigError(Exception):
    """A configuration mistake; the message is one line naming the file and the key."""


class MissingSetting(ConfigError):
    """A platform key its connector requires is not set: `key` as written in the file (a secret's without `_env`).
    `replynudge init` asks for exactly these, so its questions come from the connectors themselves."""

    def __init__(self, message: str, key: str, *, secret: bool = False):
        super().__init__(message)
        self.key, self.secret = key, secret


def parse_duration(text: str) -> timedelta:
    """`90s`, `30m`, `2h`, `1d`, `1w`, or combinations such as `1h30m`. Raises ValueError."""
    compact = text.strip().lower().replace(" ", "")
    if not compact:
        raise ValueError("empty duration")
    position, seconds = 0, 0.0
    for match in _DURATION_PART.finditer(compact):
        if match.start() != position:
            break
        seconds += float(match.group(1)) * _UNIT_SECONDS[match.group(2)]
        position = match.end()
    if position != len(compact):
        raise ValueError(f"{text!r} is not a duration (use 90s, 30m, 2h, 1d)")
    return timedelta(seconds=seconds)


def format_wait(calendar_seconds: int, business_seconds: int | None) -> str:
    """How long a comment has waited, as shown to people: in open hours, labelled, for an account that counts
    business hours (`business_seconds` given), else in calendar time."""
    calendar = format_duration(timedelta(seconds=calendar_seconds))
    if business_seconds is None:
        return calendar
    return f"{format_duration(timedelta(seconds=business_seconds))} of business hours ({calendar} in all)"


def format_duration(delta: timedelta) -> str:
    """The leading unit and the one after it, as people say it: `2d 3h`, `45m`, `3h`, `12s`."""
    seconds = max(0, int(delta.total_seconds()))
    units = (("d", 86400), ("h", 3600), ("m", 60), ("s", 1))
    index = next(i for i, (_, size) in enumerate(units) if seconds >= size or size == 1)
    unit, size = units[index]
    text = f"{seconds // size}{unit}"
    if size > 1:
        next_unit, next_size = units[index + 1]
        if rest := (seconds % size) // next_size:
            text += f" {rest}{next_unit}"
    return text


@dataclass(frozen=True)
class BusinessHours:
    """Opening windows per weekday (0 = Monday), local wall-clock times; `None` as a close time means midnight."""

    windows: tuple[tuple[tuple[time, time | None], ...], ...]
    text: str

    def on(self, weekday: int) -> tuple[tuple[time, time | None], ...]:
        return self.windows[weekday]


def parse_business_hours(text: str) -> BusinessHours:
    """`mon-fri 09:00-17:30`, clauses joined by commas: `mon-thu 09:00-12:00 13:00-17:30, fri 09:00-15:00`.

    Days are `mon`..`sun`, a range `mon-fri`, or `daily`; `24:00` closes at midnight. Raises ValueError.
    """
    windows: list[list[tuple[time, time | None]]] = [[] for _ in WEEKDAYS]
    clauses = [clause.split() for clause in text.lower().split(",")]
    if not any(clauses):
        raise ValueError("empty business hours (e.g. 'mon-fri 09:00-17:30')")
    for words in clauses:
        if len(words) < 2:
            raise ValueError(f"{' '.join(words) or 'an empty clause'!r}: write days then hours, e.g. 'mon-fri 09:00-17:30'")
        days = _weekdays(words[0])
        for hours in words[1:]:
            opens, closes = _opening_window(hours)
            for day in days:
                windows[day].append((opens, closes))
    for day, spans in enumerate(windows):
        spans.sort(key=lambda span: span[0])
        for (_, first_close), (second_open, _) in zip(spans, spans[1:]):
            if first_close is None or first_close > second_open:
                raise ValueError(f"opening hours overlap on {WEEKDAYS[day]}")
    return BusinessHours(tuple(tuple(spans) for spans in windows), text)


def _weekdays(word: str) -> list[int]:
    if word in ("daily", "mon-sun"):
        return list(range(7))
    first, _, last = word.partition("-")
    for name in (first, last) if last else (first,):
        if name not in WEEKDAYS:
            raise ValueError(f"{name!r} is not a day (one of {', '.join(WEEKDAYS)}, or 'daily')")
    start, end = WEEKDAYS.index(first), WEEKDAYS.index(last or first)
    if end < start:
        raise ValueError(f"{word!r}: a day range runs forward, e.g. 'mon-fri'")
    return list(range(start, end + 1))


def _opening_window(hours: str) -> tuple[time, time | None]:
    match = _HOURS_RANGE.fullmatch(hours)
    if not match:
        raise ValueError(f"{hours!r} is not an opening window (e.g. 09:00-17:30)")
    open_h, open_m, close_h, close_m = (int(part) for part in match.groups())
    if open_h > 23 or open_m > 59 or close_m > 59 or close_h > 24 or (close_h == 24 and close_m):
        raise ValueError(f"{hours!r}: hours run from 00:00 to 24:00")
    opens = time(open_h, open_m)
    closes = None if close_h == 24 else time(close_h, close_m)
    if closes is not None and closes <= opens:
        raise ValueError(f"{hours!r}: closing time must come after opening time (no overnight windows)")
    return opens, closes


ROUTE_KEYS = names(config_keys.ROUTES)


@dataclass(frozen=True)
class Route:
    """`[[routes]]`: comments containing one of `keywords` (at a word's start, any case) go to `channel`."""

    keywords: tuple[str, ...]
    channel: str
    accounts: frozenset[str] = frozenset()  # empty: every account
    platforms: frozenset[str] = frozenset()

    def applies_to(self, account: str, platform: str) -> bool:
        return (not self.accounts or account in self.accounts) and (not self.platforms or platform in self.platforms)


QUESTION_KEYS = names(config_keys.QUESTIONS)
MAX_VOICE_CHARS = 500  # a few sentences on tone; it goes into every LLM prompt


@dataclass(frozen=True)
class TeamQuestions:
    """`[[questions]]`: the team's own follow-up questions for one situation, in one language (ISO 639-1)."""

    situation: str
    questions: tuple[str, ...]
    language: str = "en"
    accounts: frozenset[str] = frozenset()  # empty: every account


@dataclass(frozen=True)
class PollIntervals:
    """How often an account is polled: `usual` for steady activity, down to `shortest` while comments keep
    arriving, up to `longest` while it is quiet (see bot/engine/schedule.py)."""

    usual: timedelta = timedelta(minutes=1)
    shortest: timedelta = timedelta(seconds=30)
    longest: timedelta = timedelta(minutes=10)


@dataclass(frozen=True)
class AccountConfig:
    name: str
    platform: str
    channel: str | None
    nudge_after: timedelta
    min_score: int
    timezone: ZoneInfo
    business_hours: BusinessHours | None
    digest_threshold: int
    options: Mapping[str, Any] = field(default_factory=dict)
    secrets: Mapping[str, str] = field(default_factory=dict, repr=False)
    source_file: str = DEFAULT_CONFIG_PATH
    holidays: frozenset[date] = frozenset()
    count: str = "calendar"  # how waiting time is counted: "calendar" or "business" (open hours only)
    routes: tuple[Route, ...] = ()  # the [[routes]] that apply to this account, in file order
    muted_commenters: tuple[str, ...] = ()  # author ids, handles or names never nudged about
    ignored_phrases: tuple[str, ...] = ()  # comments containing one of these are never nudged
    escalate_after: timedelta | None = None  # still open this long after the nudge: a follow-up in its thread
    escalate_to: str | None = None  # whom the follow-up mentions when nobody is assigned
    max_escalations: int = 1
    digest_at: time | None = None  # local time of the daily digest in this account's channel
    weekly_report: tuple[int, time] | None = None  # weekday (0 = Monday) and local time of the weekly report
    poll_intervals: PollIntervals = PollIntervals()
    roles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # role -> user and user group ids (ROLE_KEYS)
    voice: str | None = None  # the team's tone, in its own words, for the LLM
    questions: tuple[TeamQuestions, ...] = ()  # the [[questions]] that apply to this account, in file order
    alert_after: timedelta = timedelta(hours=1)  # polls failing this long (any reason) tell the channel

    def where(self, key: str) -> str:
        return f"{self.source_file}: accounts[{self.name}].{key}"

    def option(self, key: str, default: Any = None, *, required: bool = False) -> Any:
        if key in self.options:
            return self.options[key]
        if required:
            raise MissingSetting(f"{self.where(key)} is required for platform {self.platform!r}", key)
        return default

    def secret(self, key: str, *, required: bool = True) -> str | None:
        """A secret named in the file as `<key>_env`, already read from the environment."""
        if key in self.secrets:
            return self.secrets[key]
        if required:
            raise MissingSetting(
                f"{self.where(key + '_env')} is required for platform {self.platform!r}: "
                "name the environment variable that holds it",
                key,
                secret=True,
            )
        return None


@dataclass(frozen=True)
class LlmSettings:
    """An OpenAI-compatible chat-completions endpoint for suggested questions (LLM_BASE_URL, LLM_MODEL, ...)."""

    base_url: str  # up to and including the version, e.g. https://api.openai.com/v1
    model: str
    api_key: str | None = field(default=None, repr=False)
    timeout: timedelta = timedelta(seconds=10)


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    config_path: Path = Path(DEFAULT_CONFIG_PATH)
    slack_bot_token: str | None = field(default=None, repr=False)
    slack_signing_secret: str | None = field(default=None, repr=False)
    slack_app_token: str | None = field(default=None, repr=False)
    slack_api_url: str = DEFAULT_SLACK_API_URL
    port: int = 3000
    host: str = "0.0.0.0"  # the address HTTP mode listens on (HOST): 127.0.0.1 behind a reverse proxy on the same machine
    health_port: int | None = None  # HEALTH_PORT: /healthz, /readyz and /metrics on a port of their own, in any mode
    accounts: tuple[AccountConfig, ...] = ()
    lease: timedelta = timedelta(minutes=2)  # how long a dead replica's accounts and nudges stay claimed
    llm: LlmSettings | None = None  # suggested questions from an LLM; None: the offline generator only
    log_format: str = "text"  # LOG_FORMAT: "text" lines or "json" objects, one a line (bot/logs.py)

    def account(self, name: str) -> AccountConfig:
        for account in self.accounts:
            if account.name == name:
                return account
        raise KeyError(name)


def load_settings(
    environ: Mapping[str, str] | None = None, *, require_config: bool = True, dotenv: bool = True
) -> Settings:
    """Read `.env` (without overriding real variables), the environment and the config file."""
    if environ is None:
        environ = process_environment(dotenv=dotenv)
    config_path = Path(environ.get("REPLYNUDGE_CONFIG") or DEFAULT_CONFIG_PATH)
    port, health_port = _port(environ.get("PORT"), "PORT"), _port(environ.get("HEALTH_PORT"), "HEALTH_PORT")
    lease_text = environ.get("REPLYNUDGE_LEASE") or "2m"
    try:
        lease = parse_duration(lease_text)
    except ValueError as error:
        raise ConfigError(f"environment: REPLYNUDGE_LEASE: {error}") from None
    if lease < timedelta(seconds=1):
        raise ConfigError(f"environment: REPLYNUDGE_LEASE: {lease_text!r} is shorter than 1s")
    accounts: tuple[AccountConfig, ...] = ()
    if config_path.exists() or require_config:
        accounts = load_accounts(config_path, environ)
    return Settings(
        database_url=environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
        config_path=config_path,
        slack_bot_token=environ.get("SLACK_BOT_TOKEN") or None,
        slack_signing_secret=environ.get("SLACK_SIGNING_SECRET") or None,
        slack_app_token=environ.get("SLACK_APP_TOKEN") or None,
        slack_api_url=environ.get("SLACK_API_URL") or DEFAULT_SLACK_API_URL,
        port=3000 if port is None else port,
        host=environ.get("HOST") or "0.0.0.0",
        health_port=health_port,
        accounts=accounts,
        lease=lease,
        llm=load_llm_settings(environ),
        log_format=read_log_format(environ),
    )


def _port(value: str | None, key: str) -> int | None:
    text = (value or "").strip()
    if not text:
        return None
    if not text.isdigit() or int(text) > 65535:
        raise ConfigError(f"environment: {key}: {text!r} is not a port number (0 to 65535)")
    return int(text)


def process_environment(*, dotenv: bool = True) -> Mapping[str, str]:
    """The process's environment, with the variables of `.env` in the working folder that it does not set."""
    if dotenv:
        load_dotenv(Path.cwd() / ".env", override=False)
    return os.environ


def read_log_format(environ: Mapping[str, str]) -> str:
    log_format = (environ.get("LOG_FORMAT") or "text").strip().lower()
    if log_format not in LOG_FORMATS:
        raise ConfigError(f"environment: LOG_FORMAT: {environ['LOG_FORMAT']!r} is not a log format (one of: text, json)")
    return log_format


def load_llm_settings(environ: Mapping[str, str]) -> LlmSettings | None:
    base_url, model = environ.get("LLM_BASE_URL") or "", environ.get("LLM_MODEL") or ""
    if not base_url and not model:
        return None
    if not base_url.startswith(("https://", "http://")):
        raise ConfigError("environment: LLM_BASE_URL: must be an http(s) URL, e.g. https://api.openai.com/v1")
    if not model:
        raise ConfigError("environment: LLM_MODEL: required with LLM_BASE_URL (the model name, e.g. gpt-4o-mini)")
    timeout_text = environ.get("LLM_TIMEOUT") or "10s"
    try:
        timeout = parse_duration(timeout_text)
    except ValueError as error:
        raise ConfigError(f"environment: LLM_TIMEOUT: {error}") from None
    if not timedelta(0) < timeout <= timedelta(minutes=2):
        raise ConfigError(f"environment: LLM_TIMEOUT: {timeout_text!r} must be more than 0s and at most 2m")
    return LlmSettings(base_url.rstrip("/"), model, environ.get("LLM_API_KEY") or None, timeout)


def load_accounts(path: Path, environ: Mapping[str, str]) -> tuple[AccountConfig, ...]:
    try:
        with path.open("rb") as handle:
            document = tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found (set REPLYNUDGE_CONFIG or create it)") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read config file: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    return parse_accounts(document, str(path), environ)


def parse_accounts(document: Mapping[str, Any], file: str, environ: Mapping[str, str]) -> tuple[AccountConfig, ...]:
    for key in document:
        if key not in ("defaults", "accounts", "routes", "questions"):
            raise ConfigError(
                f"{file}: {key}: unknown section (expected [defaults], [[accounts]], [[routes]] and [[questions]])"
            )
    defaults = document.get("defaults", {})
    if not isinstance(defaults, dict):
        raise ConfigError(f"{file}: defaults: must be a table")
    for key in defaults:
        if key not in SHARED_KEYS:
            raise ConfigError(f"{file}: defaults.{key}: unknown key (known: {', '.join(sorted(SHARED_KEYS))})")
    entries = document.get("accounts", [])
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise ConfigError(f"{file}: accounts: must be an array of tables ([[accounts]])")
    accounts: list[AccountConfig] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        account = _parse_account(index, entry, defaults, file, environ)
        if account.name in seen:
            raise ConfigError(f"{file}: accounts[{index}].name: duplicate account name {account.name!r}")
        seen.add(account.name)
        accounts.append(account)
    routes = _routes(document.get("routes", []), file, seen)
    library = _question_library(document.get("questions", []), file, seen)
    return tuple(
        replace(
            account,
            routes=tuple(r for r in routes if r.applies_to(account.name, account.platform)),
            questions=tuple(q for q in library if not q.accounts or account.name in q.accounts),
        )
        for account in accounts
    )


def _routes(entries: Any, file: str, account_names: set[str]) -> list[Route]:
    routes = []
    for where, entry in _tables(entries, file, "routes", ROUTE_KEYS):
        keywords = _strings(entry.get("keywords"), f"{where}.keywords", required=True)
        channel = entry.get("channel")
        if not isinstance(channel, str) or not channel.strip():
            raise ConfigError(f"{where}.channel: required, the Slack channel these comments go to")
        accounts = _account_names(entry, where, account_names)
        platforms = _strings(entry.get("platforms", []), f"{where}.platforms")
        for platform in platforms:
            if platform not in PLATFORMS:
                raise ConfigError(f"{where}.platforms: {platform!r} is not a platform (one of: {', '.join(PLATFORMS)})")
        routes.append(Route(keywords, channel.strip(), accounts, frozenset(platforms)))
    return routes


def _tables(entries: Any, file: str, section: str, keys: set[str]):
    """An array of tables (`[[routes]]`): each with where it is, for messages, once its keys are known ones."""
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise ConfigError(f"{file}: {section}: must be an array of tables ([[{section}]])")
    for index, entry in enumerate(entries):
        where = f"{file}: {section}[{index}]"
        for key in entry:
            if key not in keys:
                raise ConfigError(f"{where}.{key}: unknown key (known: {', '.join(sorted(keys))})")
        yield where, entry


def _account_names(entry: Mapping[str, Any], where: str, account_names: set[str]) -> frozenset[str]:
    """A table's optional `accounts`, each an account of the file."""
    accounts = _strings(entry.get("accounts", []), f"{where}.accounts")
    for name in accounts:
        if name not in account_names:
            raise ConfigError(f"{where}.accounts: {name!r} is not an account in this file")
    return frozenset(accounts)


def _question_library(entries: Any, file: str, account_names: set[str]) -> list[TeamQuestions]:
    library = []
    for where, entry in _tables(entries, file, "questions", QUESTION_KEYS):
        situation = entry.get("situation")
        if situation not in SITUATIONS:
            raise ConfigError(f"{where}.situation: {situation!r} is not a situation (one of: {', '.join(SITUATIONS)})")
        questions = _strings(entry.get("questions"), f"{where}.questions", required=True)
        for question in questions:
            if not any(mark in question for mark in ("?", "？", "؟")):  # it may close with a sentence after it
                raise ConfigError(f"{where}.questions: {question!r} asks no question (no question mark)")
        language = entry.get("language", "en")
        if not isinstance(language, str) or len(language) != 2 or language not in LANGUAGE_NAMES:
            codes = ", ".join(code for code in LANGUAGE_NAMES if len(code) == 2)
            raise ConfigError(f"{where}.language: {language!r} is not a language code (one of: {codes})")
        library.append(TeamQuestions(situation, questions, language, _account_names(entry, where, account_names)))
    return library


def _strings(value: Any, where: str, *, required: bool = False) -> tuple[str, ...]:
    """An array of non-empty strings, e.g. `["refund", "broken"]`."""
    if value is None and not required:
        return ()
    if (
        not isinstance(value, list)
        or not all(isinstance(item, str) and item.strip() for item in value)
        or (required and not value)
    ):
        raise ConfigError(f"{where}: must be {'a non-empty' if required else 'an'} array of strings, e.g. [\"refund\", \"broken\"]")
    return tuple(item.strip() for item in value)


def _parse_account(
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

    known = PLATFORM_KEYS.get(platform)
    if known is not None:
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
    min_score = _integer(merged, "min_score", DEFAULT_MIN_SCORE, where, 0, 100)
    muted_commenters = _strings(merged.get("muted_commenters"), f"{where}.muted_commenters")
    ignored_phrases = _strings(merged.get("ignored_phrases"), f"{where}.ignored_phrases")
    digest_threshold = _integer(merged, "digest_threshold", 5, where, 1, 1000)
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
    max_escalations = _integer(merged, "max_escalations", 1, where, 1, 10)
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
    ids = _strings(value, where, required=True)
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


def _integer(values: Mapping[str, Any], key: str, default: int, where: str, low: int, high: int) -> int:
    value = values.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ConfigError(f"{where}.{key}: must be a whole number from {low} to {high}")
    return value
