"""Questions on the terminal for `replynudge init`, or the answers given as flags with `--yes`.

An answer that does not fit is asked again with the reason. With `--yes` nothing is asked: a missing or bad answer
is a ConfigError naming its flag, and nothing is written.
"""

from __future__ import annotations

import getpass
import sys
from typing import Callable, TextIO

from bot.config import ConfigError

Check = Callable[[str], str]  # returns the answer to keep, or raises ValueError with the reason


class Questions:
    def __init__(self, interactive: bool, stdin: TextIO | None = None, stdout: TextIO | None = None):
        self.interactive = interactive
        self.stdin, self.stdout = stdin or sys.stdin, stdout or sys.stdout

    def say(self, text: str) -> None:
        print(text, file=self.stdout, flush=True)

    def ask(self, question: str, *, flag: str, given: str | None = None, default: str | None = None,
            check: Check = lambda text: text, hidden: bool = False) -> str:
        """`given` (a flag's value) is the answer when it fits; else the question, until an answer fits."""
        if given is not None:
            try:
                return check(given)
            except ValueError as error:
                if not self.interactive:
                    raise ConfigError(f"init: {flag} {given!r}: {error}") from None
                self.say(f"  {flag} {given!r}: {error}")
        if not self.interactive:
            if default is None:
                raise ConfigError(f"init: {flag}: required with --yes ({question.rstrip(':? ')})")
            try:
                return check(default)
            except ValueError as error:
                raise ConfigError(f"init: {flag}: {error}") from None
        prompt = f"{question} [{default}]: " if default and not hidden else f"{question}: "
        while True:
            answer = self._read(prompt, hidden).strip() or (default or "")
            try:
                return check(answer)
            except ValueError as error:
                self.say(f"  {error}")

    def confirm(self, question: str, *, refusal: str) -> bool:
        """Yes or no, no by default; with --yes a ConfigError saying how to go on (`refusal`)."""
        if not self.interactive:
            raise ConfigError(refusal)
        while True:
            answer = self._read(f"{question} [y/N]: ", False).strip().lower()
            if answer in ("", "n", "no"):
                return False
            if answer in ("y", "yes"):
                return True
            self.say("  answer y or n")

    def _read(self, prompt: str, hidden: bool) -> str:
        if hidden and self.stdin is sys.stdin and sys.stdin.isatty():
            return getpass.getpass(prompt)
        self.stdout.write(prompt)
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            raise EOFError
        return line.rstrip("\n")
