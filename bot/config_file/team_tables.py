"""`[[routes]]` and `[[questions]]`: tables that apply to some or all of the file's accounts."""

from __future__ import annotations

from typing import Any, Mapping

from bot import config_keys
from bot.config import ConfigError, Route, TeamQuestions
from bot.config_file.values import strings
from bot.config_keys import names
from bot.engine.language import NAMES as LANGUAGE_NAMES
from bot.engine.situation import SITUATIONS
from bot.sources import PLATFORMS

ROUTE_KEYS = names(config_keys.ROUTES)
QUESTION_KEYS = names(config_keys.QUESTIONS)


def routes_of(entries: Any, file: str, account_names: set[str]) -> list[Route]:
    routes = []
    for where, entry in _tables(entries, file, "routes", ROUTE_KEYS):
        keywords = strings(entry.get("keywords"), f"{where}.keywords", required=True)
        channel = entry.get("channel")
        if not isinstance(channel, str) or not channel.strip():
            raise ConfigError(f"{where}.channel: required, the Slack channel these comments go to")
        accounts = _account_names(entry, where, account_names)
        platforms = strings(entry.get("platforms", []), f"{where}.platforms")
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
    accounts = strings(entry.get("accounts", []), f"{where}.accounts")
    for name in accounts:
        if name not in account_names:
            raise ConfigError(f"{where}.accounts: {name!r} is not an account in this file")
    return frozenset(accounts)


def question_library(entries: Any, file: str, account_names: set[str]) -> list[TeamQuestions]:
    library = []
    for where, entry in _tables(entries, file, "questions", QUESTION_KEYS):
        situation = entry.get("situation")
        if situation not in SITUATIONS:
            raise ConfigError(f"{where}.situation: {situation!r} is not a situation (one of: {', '.join(SITUATIONS)})")
        questions = strings(entry.get("questions"), f"{where}.questions", required=True)
        for question in questions:
            if not any(mark in question for mark in ("?", "？", "؟")):  # it may close with a sentence after it
                raise ConfigError(f"{where}.questions: {question!r} asks no question (no question mark)")
        language = entry.get("language", "en")
        if not isinstance(language, str) or len(language) != 2 or language not in LANGUAGE_NAMES:
            codes = ", ".join(code for code in LANGUAGE_NAMES if len(code) == 2)
            raise ConfigError(f"{where}.language: {language!r} is not a language code (one of: {codes})")
        library.append(TeamQuestions(situation, questions, language, _account_names(entry, where, account_names)))
    return library

