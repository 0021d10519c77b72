"""`replynudge init`: one account per run, from the platform to a checked credential and a Slack channel.

The platform's questions are the settings its connector requires: the connector is built from the answers so far,
and the key it reports missing (MissingSetting) is the next question, until it builds; a key it rejects is asked
again with its message. Then the same call as `replynudge check`, the Slack channel, and both files at once.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from bot.config import DEFAULT_CONFIG_PATH, DEFAULT_SLACK_API_URL, ConfigError, MissingSetting, parse_duration
from bot.config_file import parse_accounts
from bot.setup.files import ConfigFile, EnvFile, save
from bot.setup.questions import Questions
from bot.setup.slack_check import CHANNEL_ID, check_channel, check_token
from bot.sources import PLATFORMS, build_source, options_of

SETUP_PLATFORMS = PLATFORMS
PLATFORM_KEYS = {platform: {option.written for option in options_of(platform)} for platform in PLATFORMS}
WHOLE_NUMBER_KEYS = {option.key for platform in PLATFORMS for option in options_of(platform)
                     if option.kind is int}  # a flag's digits are a TOML integer only for these: ids stay strings
OPTION_KEYS = sorted({key for keys in PLATFORM_KEYS.values() for key in keys})  # each is a flag: --app-password-env
ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
ACCOUNT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
SLACK_SECRETS = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET")


def flag(key: str) -> str:
    return "--" + key.replace("_", "-")


@dataclass
class Setup:
    questions: Questions
    config: ConfigFile
    env: EnvFile
    environ: Mapping[str, str]  # the process's variables over .env's, as `replynudge run` reads them
    args: Any
    to_save: dict[str, str] = field(default_factory=dict)  # variable -> value, for .env

    def value(self, variable: str) -> str | None:
        return self.to_save.get(variable) or self.environ.get(variable) or None

    def keep(self, variable: str, value: str) -> None:
        """A secret goes to .env unless .env holds it already."""
        if self.env.values().get(variable) != value:
            self.to_save[variable] = value


def run_init(args, questions: Questions) -> int:
    env = EnvFile.read(Path.cwd() / ".env")
    environ = {**env.values(), **_non_empty(os.environ)}
    config_path = Path(environ.get("REPLYNUDGE_CONFIG") or DEFAULT_CONFIG_PATH)
    setup = Setup(questions, ConfigFile.read(config_path), env, environ, args)
    say = questions.say
    say(f"Setting up an account in {config_path} (secrets go to {env.path.name}).")
    platform = questions.ask(f"Platform ({', '.join(SETUP_PLATFORMS)})", flag="--platform", given=args.platform,
                             check=_platform)
    name = _account_name(setup, platform)
    entry = _platform_settings(setup, name, platform)
    if waiting := _nudge_after(setup):
        entry["nudge_after"] = waiting
    channel = _slack(setup)
    if channel:
        entry["channel"] = channel
    setup.config.put_account(entry)
    overwritten = [variable for variable in setup.to_save if variable in env.values()]
    if overwritten and not args.force and not questions.confirm(
        f"{env.path.name} already has {', '.join(overwritten)} with another value. Replace it?",
        refusal=f"init: {env.path.name} already has {', '.join(overwritten)} with another value; "
                "pass --force to replace it",
    ):
        say("Nothing written.")
        return 1
    for variable, value in setup.to_save.items():
        env.set(variable, value)
    save(setup.config, env if setup.to_save else None)
    saved = f" and {', '.join(setup.to_save)} to {env.path.name} (mode 600)" if setup.to_save else ""
    say(f"Wrote account {name!r} to {config_path}{saved}.")
    say("Next: replynudge check, then replynudge run" + (
        "" if setup.value("SLACK_BOT_TOKEN") else " (no Slack bot token yet: the nudges print in the terminal)"))
    return 0


def _non_empty(environ: Mapping[str, str]) -> dict[str, str]:
    return {key: value for key, value in environ.items() if value}


def _platform(text: str) -> str:
    if text.lower() not in SETUP_PLATFORMS:
        raise ValueError(f"{text!r} is not a platform; choose one of {', '.join(SETUP_PLATFORMS)}")
    return text.lower()


def _account_name(setup: Setup, platform: str) -> str:
    """A name for the account; one the file has already is replaced only when the user says so (or --force)."""
    taken = setup.config.account_names()
    default = next(candidate for number in range(1, len(taken) + 2)
                   if (candidate := platform if number == 1 else f"{platform}-{number}") not in taken)

    def check(text: str) -> str:
        if not ACCOUNT_NAME.fullmatch(text):
            raise ValueError(f"{text!r}: use letters, digits, '-', '_' and '.' (e.g. blog)")
        return text

    while True:
        name = setup.questions.ask("Account name (used in Slack and filters)", flag="--name", given=setup.args.name,
                                   default=default, check=check)
        if name not in taken or setup.args.force or setup.questions.confirm(
            f"{setup.config.path} already has an account {name!r}. Replace it?",
            refusal=f"init: {setup.config.path} already has an account {name!r}; choose another --name, or pass "
                    "--force to replace it",
        ):
            return name
        setup.args.name = None


def _platform_settings(setup: Setup, name: str, platform: str) -> dict[str, Any]:
    """Asks what the connector requires until it builds and, unless --no-check, its credentials work."""
    questions, given = setup.questions, vars(setup.args)
    entry: dict[str, Any] = {"name": name, "platform": platform}
    for key in OPTION_KEYS:
        if given.get(key) is None or key.endswith("_env"):  # secrets are asked for with their values
            continue
        if key not in PLATFORM_KEYS[platform]:
            raise ConfigError(f"init: {flag(key)}: not a {platform} setting (its keys: "
                              f"{', '.join(sorted(PLATFORM_KEYS[platform]))})")
        entry[key] = int(given[key]) if key in WHOLE_NUMBER_KEYS and given[key].isdigit() else given[key]
    secret_flag_used = False
    previous: dict[str, Any] = {}  # the answers before a failed check: the defaults when asked again
    again: set[str] = set()  # keys asked again after a failed check
    while True:
        try:
            account = parse_accounts({"accounts": [entry]}, str(setup.config.path),
                                     {**setup.environ, **setup.to_save})[0]
            source = build_source(account)
        except MissingSetting as missing:
            key, secret, problem = missing.key, missing.secret, None
        except ConfigError as error:
            key = _key_named(str(error), name, entry)
            if key is None or not questions.interactive:
                raise
            secret, problem = key.endswith("_env"), str(error)
            key = key.removesuffix("_env")
        else:
            if setup.args.no_check or _works(setup, source):
                return entry
            previous, given = entry, {}
            for variable in (value for key, value in previous.items() if key.endswith("_env")):
                setup.to_save.pop(variable, None)  # a secret that failed the check is typed again, never saved
            entry = {"name": name, "platform": platform}
            again = {key.removesuffix("_env") for key in previous if key not in entry}
            continue
        if problem:
            questions.say(f"  {problem}")
        label = f"{platform} {key.replace('_', ' ')} ({_meaning(platform, key)})"
        if not secret:
            entry[key] = questions.ask(label, flag=flag(key), given=None if problem else given.get(key),
                                       default=None if problem else previous.get(key))
            continue
        from_flag, named_by = given.get(f"{key}_env"), flag(f"{key}_env")
        if from_flag is None and not secret_flag_used and given.get("secret_env"):
            from_flag, secret_flag_used, named_by = given["secret_env"], True, "--secret-env"
        variable = questions.ask(f"Environment variable for the {label}", flag=flag(f"{key}_env"), given=from_flag,
                                 default=previous.get(f"{key}_env") or _variable(name, key), check=_env_name)
        entry[f"{key}_env"] = variable
        _secret_value(setup, variable, label, named_by, ask=key in again or problem is not None)
        again.discard(key)


def _meaning(platform: str, key: str) -> str:
    """What the configuration reference says of the key, as plain text."""
    option = next(option for option in options_of(platform) if option.key == key)
    return option.meaning.replace("`", "")


def _key_named(message: str, name: str, entry: Mapping[str, Any]) -> str | None:
    """Which of the answers a connector's message is about: messages name `accounts[<name>].<key>`."""
    for key in sorted(entry, key=len, reverse=True):
        if re.search(rf"accounts\[{re.escape(name)}\]\.{re.escape(key)}\b", message):
            return key
    return None


def _variable(name: str, key: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "_", f"{name}_{key}").upper()


def _env_name(text: str) -> str:
    if not ENV_NAME.fullmatch(text):
        raise ValueError(f"{text!r} is not a variable name (letters, digits and _, e.g. WP_APP_PASSWORD)")
    return text


def _secret_value(setup: Setup, variable: str, label: str, named_by: str, *, ask: bool) -> None:
    """The secret's value: from the environment or .env when it is there (and not just found wrong), else typed
    (with no default: the one there is the one found wrong). `named_by`: the flag that names the variable."""
    current = setup.value(variable)
    if current and not ask:
        setup.questions.say(f"  using {variable} from {'.env' if current == setup.env.values().get(variable) else 'the environment'}")
        setup.keep(variable, current)
        return
    if not setup.questions.interactive:
        raise ConfigError(f"init: {named_by}: {variable} is not set; export it (init copies it into .env), write it "
                          f"to .env, or give {named_by} the variable that holds the {label}")

    def present(text: str) -> str:
        if not text:
            raise ValueError(f"the {label} is required (input is hidden)")
        return text

    value = setup.questions.ask(f"{label[0].upper()}{label[1:]}, hidden, saved to .env as {variable}", flag=variable,
                                check=present, hidden=True)
    setup.to_save[variable] = value


def _works(setup: Setup, source) -> bool:
    """The call `replynudge check` makes. A failure is shown; interactively the answers are asked again."""
    try:
        setup.questions.say(f"  checking: ok: {source.check()}")
        return True
    except ConfigError:
        raise
    except Exception as error:
        if not setup.questions.interactive:
            raise ConfigError(f"init: the check failed: {error} (nothing written; --no-check skips it)") from None
        setup.questions.say(f"  the check failed: {error}")
        if not setup.questions.confirm("Enter the settings again?", refusal=""):
            raise ConfigError("init: the credentials did not work; nothing written") from None
        return False


def _nudge_after(setup: Setup) -> str | None:
    """How long a comment may wait before its nudge, when it differs from what the account inherits."""
    inherited = str(setup.config.document.get("defaults", {}).get("nudge_after") or "1h")

    def duration(text: str) -> str:
        parse_duration(text)
        return text

    answer = setup.questions.ask("How long may a comment wait for an answer before the nudge (e.g. 30m, 2h)",
                                 flag="--nudge-after", given=setup.args.nudge_after, default=inherited, check=duration)
    return None if answer == inherited else answer


def _slack(setup: Setup) -> str | None:
    """The bot token and mode when .env has none yet (interactive), then the channel, seen by the bot."""
    questions, api_url = setup.questions, setup.environ.get("SLACK_API_URL") or DEFAULT_SLACK_API_URL
    for variable in SLACK_SECRETS:
        if value := setup.value(variable):
            setup.keep(variable, value)
    token, checking = setup.value("SLACK_BOT_TOKEN"), not setup.args.no_check
    if token and checking:
        try:
            questions.say(f"  Slack: {check_token(token, api_url)}")
        except ValueError as error:
            raise ConfigError(f"init: SLACK_BOT_TOKEN: {error} (nothing written; --no-check skips it)") from None
    elif questions.interactive:
        token = _ask_bot_token(setup, api_url)
    if token and not (setup.value("SLACK_APP_TOKEN") or setup.value("SLACK_SIGNING_SECRET")):
        if questions.interactive:
            _ask_mode(setup)
        else:
            questions.say("  Slack: neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is "
                          "set; replynudge run needs one of them in .env")
    existing = setup.config.document.get("defaults", {}).get("channel")

    def seen(text: str) -> str:
        if not text:
            if existing or not token:  # without Slack yet, the channel can wait too
                return ""
            raise ValueError("the channel id is required: channel name → View channel details, at the bottom (C…)")
        if not CHANNEL_ID.fullmatch(text):
            raise ValueError(f"{text!r} is not a channel id (C… or G…; channel name → View channel details)")
        if token and checking:
            channel_name, member = check_channel(text, token, api_url)
            questions.say(f"  Slack: #{channel_name}" + ("" if member else
                          " (the bot is not in it yet: type /invite @Reply Nudge in the channel)"))
        return text

    later = "" if token else " (Enter: none yet, add it with the Slack tokens)"
    question = "Slack channel id for the nudges" + (f" (Enter: [defaults] {existing})" if existing else later)
    return questions.ask(question, flag="--channel", given=setup.args.channel, check=seen,
                         default="" if existing or not token else None) or None


def _ask_bot_token(setup: Setup, api_url: str) -> str | None:
    questions = setup.questions

    def token(text: str) -> str:
        if text and not text.startswith("xoxb-"):
            raise ValueError("the bot token starts with xoxb- (OAuth & Permissions → Bot User OAuth Token)")
        if text and not setup.args.no_check:
            questions.say(f"  Slack: {check_token(text, api_url)}")
        return text

    bot = questions.ask("Slack bot token (xoxb-…; Enter to skip, and the nudges print in the terminal)",
                        flag="SLACK_BOT_TOKEN", check=token, hidden=True, default="")
    if bot:
        setup.to_save["SLACK_BOT_TOKEN"] = bot
    return bot or None


def _ask_mode(setup: Setup) -> None:
    """Socket Mode's app-level token, or else HTTP mode's signing secret."""
    questions = setup.questions

    def app_token(text: str) -> str:
        if text and not text.startswith("xapp-"):
            raise ValueError("the app-level token starts with xapp- (Basic Information → App-Level Tokens)")
        return text

    app = questions.ask("Slack app-level token for Socket Mode (xapp-…; Enter for HTTP mode)", flag="SLACK_APP_TOKEN",
                        check=app_token, hidden=True, default="")
    if app:
        setup.to_save["SLACK_APP_TOKEN"] = app
        return

    def signing(text: str) -> str:
        if not text:
            raise ValueError("HTTP mode needs the signing secret (Basic Information → App Credentials)")
        return text

    setup.to_save["SLACK_SIGNING_SECRET"] = questions.ask("Slack signing secret (HTTP mode)", flag="SLACK_SIGNING_SECRET",
                                                          check=signing, hidden=True)
