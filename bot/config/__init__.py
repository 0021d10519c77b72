"""What the settings are, in the lowest room, so that every other room may read them: an account's settings from
the config file (accounts.py), the environment's (environment.py), durations as written and shown (durations.py)
and ConfigError (errors.py). Reading the config file is bot/config_file/, above the engine and the sources, because
it asks them what they accept.
"""

from bot.config.accounts import (DEFAULT_CONFIG_PATH, DEFAULT_MIN_SCORE, WEEKDAYS, AccountConfig, BusinessHours,
                                 PollIntervals, Route, TeamQuestions)
from bot.config.durations import format_duration, format_wait, parse_duration
from bot.config.environment import (DEFAULT_DATABASE_URL, DEFAULT_SLACK_API_URL, LlmSettings, Settings, load_llm_settings,
                                    process_environment, read_log_format)
from bot.config.errors import ConfigError, MissingSetting

__all__ = [
    "DEFAULT_CONFIG_PATH",
    "DEFAULT_DATABASE_URL",
    "DEFAULT_MIN_SCORE",
    "DEFAULT_SLACK_API_URL",
    "WEEKDAYS",
    "AccountConfig",
    "BusinessHours",
    "ConfigError",
    "LlmSettings",
    "MissingSetting",
    "PollIntervals",
    "Route",
    "Settings",
    "TeamQuestions",
    "format_duration",
    "format_wait",
    "load_llm_settings",
    "parse_duration",
    "process_environment",
    "read_log_format",
]
