"""An account's settings as read from the config file: what the engine, the sources and Slack are given."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta
from typing import Any, Mapping
from zoneinfo import ZoneInfo

from bot.config.errors import MissingSetting

DEFAULT_CONFIG_PATH = "replynudge.toml"
DEFAULT_MIN_SCORE = 30  # a question, a complaint or substantive praise; see docs/suggestions.md
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class BusinessHours:
    """Opening windows per weekday (0 = Monday), local wall-clock times; `None` as a close time means midnight.
    Read from its text by bot/engine/hours.py, beside the arithmetic that uses it."""

    windows: tuple[tuple[tuple[time, time | None], ...], ...]
    text: str

    def on(self, weekday: int) -> tuple[tuple[time, time | None], ...]:
        return self.windows[weekday]


@dataclass(frozen=True)
class Route:
    """`[[routes]]`: comments containing one of `keywords` (at a word's start, any case) go to `channel`."""

    keywords: tuple[str, ...]
    channel: str
    accounts: frozenset[str] = frozenset()  # empty: every account
    platforms: frozenset[str] = frozenset()

    def applies_to(self, account: str, platform: str) -> bool:
        return (not self.accounts or account in self.accounts) and (not self.platforms or platform in self.platforms)


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
    roles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # role -> user and user group ids (can_reply, ...)
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

