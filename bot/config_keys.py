"""Every setting a user can write, with the default and meaning that the configuration reference
(docs/configuration.md, written by scripts/gen-config-reference) shows: the environment variables and the config
file's keys here, each platform's keys as Options declared by its source (`OPTIONS` in bot/sources/<platform>.py).
bot/config_file/ reads and checks them; a key is known only when it is declared."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: str  # as the reference shows it: a value in backticks, or words ("none", "members of `channel`")
    meaning: str  # one Markdown sentence or two for the reference's table
    more: str = ""  # the manual's page (and section) that tells the rest, e.g. "team-workflow.md#escalation"


def names(settings: tuple[Setting, ...]) -> set[str]:
    return {setting.name for setting in settings}


REQUIRED = "required"  # an Option's default when the source cannot do without it


@dataclass(frozen=True)
class Option:
    """A key a source reads from its account's table, declared in the source's module beside the code that reads it,
    as a Singer tap declares its config schema: the config file's reader knows a platform's keys only from these,
    `replynudge init` shows their meaning (and writes a whole number's digits as an integer), and the configuration
    reference lists them."""

    key: str  # as the source asks for it: account.option(key), or account.secret(key) for a secret
    meaning: str
    default: object = REQUIRED  # the value when unset: REQUIRED, None for nothing, or the value the source uses
    kind: type = str  # int: a whole number, a TOML integer; str: a string, ids made of digits included
    secret: bool = False  # written `<key>_env` in the file: the environment variable that holds it
    shown_default: str = ""  # the reference's words for a default the value alone does not say

    @property
    def written(self) -> str:
        return f"{self.key}_env" if self.secret else self.key

    def setting(self) -> Setting:
        """The option as the reference and `replynudge init` show it."""
        if self.shown_default:
            default = self.shown_default
        else:
            default = REQUIRED if self.default is REQUIRED else "none" if self.default is None else f"`{self.default}`"
        return Setting(self.written, default, self.meaning)


ENVIRONMENT = (
    Setting("DATABASE_URL", "`sqlite:///replynudge.db`",
            "any SQLAlchemy URL; SQLite and PostgreSQL (`postgresql+psycopg://…`) are supported",
            "operations.md#scaling"),
    Setting("REPLYNUDGE_CONFIG", "`replynudge.toml`", "the config file: accounts and nudge settings"),
    Setting("SLACK_BOT_TOKEN", "none", "`xoxb-…`; without it nudges print to the terminal instead",
            "slack-setup.md"),
    Setting("SLACK_SIGNING_SECRET", "none", "required in HTTP mode", "slack-setup.md"),
    Setting("SLACK_APP_TOKEN", "none", "`xapp-…`; selects Socket Mode", "slack-setup.md"),
    Setting("SLACK_API_URL", "`https://slack.com/api/`",
            "base URL of Slack's Web API (proxies, Enterprise gateways, tests)"),
    Setting("PORT", "`3000`", "HTTP mode port: `POST /slack/events`, and `GET /healthz` for a load balancer",
            "operations.md#health-and-readiness"),
    Setting("HOST", "`0.0.0.0`",
            "the address HTTP mode listens on; `127.0.0.1` when the reverse proxy runs on the same machine",
            "operations.md#running-as-a-service"),
    Setting("HEALTH_PORT", "`9100`", "the status pages `/healthz`, `/readyz` and `/metrics`, in either mode; `0` "
            "takes a free port (the startup line names it)", "operations.md#health-and-readiness"),
    Setting("HEALTH_HOST", "`127.0.0.1`",
            "the address the status pages listen on: this machine only, unless a monitor elsewhere reads them "
            "(`0.0.0.0` in a container, whose own network keeps them private)",
            "operations.md#health-and-readiness"),
    Setting("REPLYNUDGE_LEASE", "`2m`",
            "how long a replica's claim on an account or a nudge lasts; a dead replica's work is taken over after it",
            "operations.md#scaling"),
    Setting("LOG_FORMAT", "`text`", "`text`: one plain line a record; `json`: one JSON object a line",
            "operations.md#logs"),
    Setting("LLM_BASE_URL", "none",
            "an OpenAI-compatible API, up to the version (`https://api.openai.com/v1`, `http://127.0.0.1:11434/v1` "
            "for Ollama); when set, an LLM writes the suggested questions",
            "suggestions.md#suggestions-from-an-llm"),
    Setting("LLM_MODEL", "none", "the model name; required with `LLM_BASE_URL`"),
    Setting("LLM_API_KEY", "none",
            "sent as `Authorization: Bearer …`; leave empty for local servers without keys. With a key, "
            "`LLM_BASE_URL` must be `https://` or a loopback address: a key is never sent in clear text across the "
            "network", "suggestions.md#suggestions-from-an-llm"),
    Setting("LLM_TIMEOUT", "`10s`",
            "how long to wait for the LLM's answer (at most `2m`) before using the offline questions"),
)

# Keys an account inherits from [defaults] unless it sets its own.
SHARED = (
    Setting("channel", "none", "the Slack channel id nudges go to; without one they print to the terminal"),
    Setting("nudge_after", "`1h`", "how long a user comment may wait for the brand before a nudge (`0s` allowed)"),
    Setting("min_score", "`30`", "the engagement score (0–100) a comment needs to deserve a nudge",
            "suggestions.md"),
    Setting("timezone", "`UTC`", "an IANA zone name, for business hours and daily messages"),
    Setting("business_hours", "none",
            "e.g. `mon-fri 09:00-18:00`: nudges that fall due when closed wait for opening time",
            "team-workflow.md#business-hours-holidays-and-time-zones"),
    Setting("holidays", "`[]`",
            "dates the team is closed all day, e.g. `[\"2026-12-24\", 2026-12-25]`, in `timezone`",
            "team-workflow.md#business-hours-holidays-and-time-zones"),
    Setting("count", "`calendar`",
            "`business`: `nudge_after`, `escalate_after`, the stats' reply times and the waiting time shown in Slack "
            "and the terminal count only open hours (needs `business_hours`), as SLA clocks do",
            "team-workflow.md#business-hours-holidays-and-time-zones"),
    Setting("muted_commenters", "`[]`",
            "commenters never nudged about: author ids, handles (with or without `@`) or names, any case (in any "
            "alphabet: \"ömer yılmaz\" is \"Ömer Yılmaz\")",
            "team-workflow.md#routing-and-muting"),
    Setting("ignored_phrases", "`[]`", "comments containing one of these (any case) are never nudged",
            "team-workflow.md#routing-and-muting"),
    Setting("escalate_after", "none", "a posted nudge still open this long later gets a follow-up in its thread",
            "team-workflow.md#escalation"),
    Setting("escalate_to", "none",
            "whom the follow-up mentions when nobody is assigned: a user group id (`S…`), a user id (`U…`) or `here`",
            "team-workflow.md#escalation"),
    Setting("max_escalations", "`1`", "at most this many follow-ups per nudge (1–10), each `escalate_after` after the last",
            "team-workflow.md#escalation"),
    Setting("digest_at", "none", "`HH:MM` in `timezone`: the time of the channel's daily digest",
            "team-workflow.md#daily-digest"),
    Setting("digest_threshold", "`5`",
            "more nudges than this due for one channel in one cycle become one summary message (1–1000)",
            "team-workflow.md#flood-rule"),
    Setting("weekly_report", "none",
            "a weekday and `HH:MM` in `timezone`, e.g. `mon 09:30`: the channel's weekly report with a chart",
            "team-workflow.md#weekly-report"),
    Setting("poll_interval", "`1m`",
            "how often an account with steady activity (its newest comment an hour old) is polled; busier accounts "
            "more often, quieter ones less",
            "operations.md#how-often-accounts-are-polled"),
    Setting("poll_interval_min", "half of `poll_interval`", "the shortest time between two polls of a busy account",
            "operations.md#how-often-accounts-are-polled"),
    Setting("poll_interval_max", "ten times `poll_interval`, at most `1d`",
            "the longest time between two polls of a quiet account", "operations.md#how-often-accounts-are-polled"),
    Setting("can_reply", "members of `channel`",
            "who may post public replies as the brand: Slack user ids (`U…`/`W…`) and user group ids (`S…`)",
            "access-and-privacy.md"),
    Setting("can_triage", "members of `channel`",
            "who may mark done, snooze and assign the account's comments (same ids)", "access-and-privacy.md"),
    Setting("can_configure", "members of `channel`",
            "who may mute and unmute the account's commenters (same ids)", "access-and-privacy.md"),
    Setting("voice", "none",
            "the team's tone in a few sentences (at most 500 characters), given to the LLM with every comment",
            "suggestions.md#the-brands-own-voice"),
    Setting("alert_after", "`1h`",
            "polls of the account failing this long, for any reason (a temporary error included), tell its channel "
            "once with the reason and the last success, and again when a poll succeeds; `replynudge check` fails "
            "for it meanwhile",
            "operations.md#no-silent-misses"),
)

# Keys only an [[accounts]] table has.
ACCOUNT = (
    Setting("name", "required", "unique among the accounts: letters, digits, `-`, `_` and `.`; used in filters and "
            "messages"),
    Setting("platform", "required", "which platform the account is on: one of the platforms below",
            "accounts/index.md"),
)

ROUTES = (
    Setting("keywords", "required", "words that send a comment to `channel`, matched at a word's start in any case",
            "team-workflow.md#routing-and-muting"),
    Setting("channel", "required", "the Slack channel these comments go to"),
    Setting("accounts", "every account", "only comments of these accounts"),
    Setting("platforms", "every platform", "only comments on these platforms"),
)

QUESTIONS = (
    Setting("situation", "required",
            "what the comment is doing: `question`, `availability`, `problem`, `result`, `story`, `thanks`, "
            "`feedback`, `collaboration`, `fan_reply` or `noise`",
            "suggestions.md#the-brands-own-voice"),
    Setting("questions", "required", "the team's questions for it, each asking a question (a short sentence may "
            "follow it)"),
    Setting("language", "`en`", "the ISO 639-1 code of the language the questions are in"),
    Setting("accounts", "every account", "only for these accounts"),
)
