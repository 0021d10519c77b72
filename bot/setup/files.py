"""Writing replynudge.toml and .env for `replynudge init`: comments and other accounts kept, secrets only in .env
(mode 0600), and both files replaced by renames at the end, so an interruption leaves the old files as they were."""

from __future__ import annotations

import io
import os
import re
import signal
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import tomlkit
from dotenv import dotenv_values
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import Table, Whitespace

from bot.config import ConfigError
from bot.config_file import parse_accounts

ENV_MODE = 0o600
# A value python-dotenv, Compose's env_file and `docker run --env-file` (which keeps quotes as part of the value) all
# read as it is: no quote, comment mark, `$`, backslash or backtick, no space at either end.
PLAIN = re.compile(r"[^\s'\"#$\\`]+(?: [^\s'\"#$\\`]+)*")


class _AnyValue(dict):
    """An environment in which every variable is set: validates a file's shape without its secrets."""

    def get(self, key, default=None):
        return "set"


@dataclass
class ConfigFile:
    """replynudge.toml as tomlkit reads it, so that adding an account keeps the user's comments and layout."""

    path: Path
    document: tomlkit.TOMLDocument = field(default_factory=tomlkit.document)

    @classmethod
    def read(cls, path: Path) -> "ConfigFile":
        if not path.exists():
            return cls(path)
        try:
            return cls(path, tomlkit.parse(path.read_text(encoding="utf-8")))
        except OSError as error:
            raise ConfigError(f"{path}: cannot read config file: {error.strerror}") from None
        except TOMLKitError as error:
            raise ConfigError(f"{path}: not valid TOML ({error}); fix it or choose another file") from None

    def accounts(self) -> list[dict]:
        entries = self.document.get("accounts", [])
        if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
            raise ConfigError(f"{self.path}: accounts: must be an array of tables ([[accounts]])")
        return entries

    def account_names(self) -> set[str]:
        return {str(entry.get("name")) for entry in self.accounts()}

    def put_account(self, entry: Mapping[str, Any]) -> None:
        """Adds the account, or replaces the one of the same name where it stands."""
        table = tomlkit.table()
        if tomlkit.dumps(self.document).strip():
            table.trivia.indent = "\n"  # a blank line from what comes before, as a person writes the file
        for key, value in entry.items():
            table[key] = value
        entries = self.accounts()
        if "accounts" not in self.document:
            self.document.append("accounts", tomlkit.aot())
            entries = self.document["accounts"]
        for index, existing in enumerate(entries):
            if existing.get("name") == entry["name"]:
                _keep_spacing(existing, table)
                entries[index] = table
                return
        entries.append(table)

    def text(self) -> str:
        """The new file, checked the way `replynudge run` will read it (secrets aside)."""
        text = tomlkit.dumps(self.document)
        try:
            parse_accounts(tomllib.loads(text), str(self.path), _AnyValue())
        except tomllib.TOMLDecodeError as error:  # tomlkit wrote something tomllib cannot read: never save it
            raise ConfigError(f"{self.path}: the new file would not be valid TOML ({error}); nothing written") from None
        return text


def _keep_spacing(old: Any, new: Table) -> None:
    """The replaced table's blank lines: before it, and after it (tomlkit parses those into the end of its body)."""
    new.trivia.indent = old.trivia.indent
    body = old.value.body
    if body and body[-1][0] is None and isinstance(body[-1][1], Whitespace):
        new.add(tomlkit.ws(body[-1][1].s))


@dataclass
class EnvFile:
    """.env as lines, so that setting a variable keeps every other line and comment."""

    path: Path
    lines: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, path: Path) -> "EnvFile":
        try:
            return cls(path, path.read_text(encoding="utf-8").splitlines())
        except FileNotFoundError:
            return cls(path)
        except OSError as error:
            raise ConfigError(f"{path}: cannot read: {error.strerror}") from None

    def values(self) -> dict[str, str]:
        return {key: value for key, value in dotenv_values(stream=io.StringIO(self.text())).items() if value}

    def set(self, name: str, value: str) -> None:
        line = f"{name}={_quoted(name, value)}"
        for index, existing in enumerate(self.lines):
            if _assigns(existing, name):
                self.lines[index] = line
                return
        self.lines.append(line)

    def text(self) -> str:
        return "".join(line + "\n" for line in self.lines)


def _assigns(line: str, name: str) -> bool:
    words = line.strip().removeprefix("export ").lstrip()
    return words.split("=", 1)[0].strip() == name and "=" in words


def _quoted(name: str, value: str) -> str:
    """The value as python-dotenv (and Docker Compose's env_file) read it back: as it is when PLAIN (then `docker run
    --env-file` reads it alike), else single quotes, or double quotes with escapes when it holds a quote or a line
    break. A value that would not read back as itself is refused."""
    if PLAIN.fullmatch(value):
        quoted = value
    elif "\n" in value or "'" in value:
        quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    else:
        quoted = f"'{value}'"
    read_back = dotenv_values(stream=io.StringIO(f"{name}={quoted}\n")).get(name)
    if read_back != value:
        raise ConfigError(f".env: {name}: the value cannot be written to a .env file as it is (it holds '${{' or "
                          "an escape sequence that would be read differently); set it in the environment instead")
    return quoted


def save(config: ConfigFile, env: EnvFile | None) -> None:
    """Both files written next to themselves and renamed into place with Ctrl-C held back, so either both are new
    or both are as they were. A symlinked file is written through: its target is replaced, and the link stays."""
    staged: list[tuple[str, Path, Path]] = []
    try:
        staged.append(_stage(config.path, config.text(), _mode_of(config.path, 0o644)))
        if env is not None:
            staged.append(_stage(env.path, env.text(), ENV_MODE))
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            replaced: list[Path] = []
            while staged:  # .env first: the config names its variables
                temporary, target, path = staged[-1]
                try:
                    os.replace(temporary, target)
                except OSError as error:
                    written = f"only {replaced[0]} was written" if replaced else "nothing written"
                    raise ConfigError(f"{path}: cannot replace it ({error.strerror}); {written}") from None
                staged.pop()
                replaced.append(path)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
    finally:
        for temporary, _, _ in staged:
            os.unlink(temporary)

def _mode_of(path: Path, default: int) -> int:
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        return default


def _stage(path: Path, text: str, mode: int) -> tuple[str, Path, Path]:
    """The new text in a temporary file beside the file's target (a symlink's too, so the rename stays on its file
    system); returns it, the target, and the path as the user named it."""
    target = Path(os.path.realpath(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.fchmod(descriptor, mode)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        os.unlink(temporary)
        raise
    return temporary, target, path
