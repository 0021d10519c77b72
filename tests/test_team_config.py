"""Team workflow settings in the config file: every mistake is one line naming the key, exit 2."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.cli import main
from bot.config_file import load_settings
from bot.config_file.account import SHARED_KEYS
from bot.config_file.team_tables import QUESTION_KEYS, ROUTE_KEYS
from bot.engine.hours import parse_business_hours
from bot.engine.hours import OfficeHours

ACCOUNTS = """
[[accounts]]
name = "blog"
platform = "replay"
path = "c.jsonl"

[[accounts]]
name = "shop"
platform = "wordpress"
url = "https://shop.example.com"
"""


@pytest.mark.parametrize(
    "defaults, routes, expected",
    [
        ('business_hours = "mon-fry 09:00-17:00"', "", "accounts[blog].business_hours: 'fry' is not a day"),
        ('holidays = ["2026-12-32"]', "", "accounts[blog].holidays: '2026-12-32' is not a date"),
        ('holidays = "2026-12-24"', "", "accounts[blog].holidays: must be an array of dates"),
        ('count = "business"', "", "accounts[blog].count: 'business' needs business_hours"),
        ('count = "wall"', "", "accounts[blog].count: 'wall' must be one of calendar, business"),
        ('muted_commenters = "troll"', "", "accounts[blog].muted_commenters: must be an array of strings"),
        ('ignored_phrases = ["giveaway", 3]', "", "accounts[blog].ignored_phrases: must be an array of strings"),
        ('ignored_phrases = [" "]', "", "accounts[blog].ignored_phrases: must be an array of strings"),
        ("digest_threshold = 0", "", "accounts[blog].digest_threshold: must be a whole number from 1 to 1000"),
        ('digest_threshold = "lots"', "", "accounts[blog].digest_threshold: must be a whole number from 1 to 1000"),
        ("business_hours = 9", "", "accounts[blog].business_hours: must be a string"),
        ("channel = 3", "", "accounts[blog].channel: must be a string"),
        ("", '[[routes]]\nchannel = "C9"\n', "routes[0].keywords: must be a non-empty array of strings"),
        ("", '[[routes]]\nkeywords = []\nchannel = "C9"\n', "routes[0].keywords: must be a non-empty array"),
        ("", '[[routes]]\nkeywords = ["refund"]\n', "routes[0].channel: required"),
        ("", '[[routes]]\nkeywords = ["refund"]\nchannel = "C9"\naccounts = ["blgo"]\n',
         "routes[0].accounts: 'blgo' is not an account"),
        ("", '[[routes]]\nkeywords = ["refund"]\nchannel = "C9"\nplatforms = ["myspace"]\n',
         "routes[0].platforms: 'myspace' is not a platform"),
        ("", '[[routes]]\nkeywords = ["refund"]\nchanel = "C9"\n', "routes[0].chanel: unknown key"),
        ("", "routes = 3\n", "routes: must be an array of tables"),
    ],
)
def test_mistakes_name_the_key(workdir, capsys, defaults, routes, expected):
    (workdir / "replynudge.toml").write_text(f"{routes}[defaults]\n{defaults}\n{ACCOUNTS}")
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("replynudge: error: replynudge.toml: ") and expected in err
    assert err.count("\n") == 1


def test_a_full_team_config_loads(workdir, monkeypatch):
    (workdir / "replynudge.toml").write_text(
        '[defaults]\nchannel = "C-main"\ntimezone = "Europe/Berlin"\nbusiness_hours = "mon-fri 09:00-17:30"\n'
        'holidays = [2026-12-24, "2026-12-25"]\ncount = "business"\n'
        'muted_commenters = ["@spam_bot", "Troll"]\nignored_phrases = ["giveaway"]\n'
        '[[routes]]\nkeywords = ["refund", "broken"]\nchannel = "C-support"\n'
        '[[routes]]\nkeywords = ["invoice"]\nchannel = "C-billing"\naccounts = ["shop"]\n'
        '[[routes]]\nkeywords = ["review"]\nchannel = "C-press"\nplatforms = ["replay"]\n'
        + ACCOUNTS
    )
    monkeypatch.setenv("REPLYNUDGE_CONFIG", "replynudge.toml")
    settings = load_settings()
    blog, shop = settings.account("blog"), settings.account("shop")
    assert [route.channel for route in blog.routes] == ["C-support", "C-press"]
    assert [route.channel for route in shop.routes] == ["C-support", "C-billing"]
    assert blog.muted_commenters == ("@spam_bot", "Troll") and shop.ignored_phrases == ("giveaway",)
    assert OfficeHours.of(blog) == OfficeHours(
        ZoneInfo("Europe/Berlin"), parse_business_hours("mon-fri 09:00-17:30"),
        frozenset({date(2026, 12, 24), date(2026, 12, 25)}), "business",
    )


def test_the_docs_document_each_setting_with_an_example():
    docs = Path(__file__).parent.parent / "docs"
    readme = (docs / "configuration.md").read_text()
    rows = set(re.findall(r"^\| `(\w+)` \|", readme, re.MULTILINE))
    pages = "\n".join(page.read_text() for page in sorted(docs.glob("*.md")))
    examples = "\n".join(re.findall(r"```toml\n(.*?)```", pages, re.DOTALL))
    for key in sorted(SHARED_KEYS | ROUTE_KEYS | QUESTION_KEYS):
        assert re.search(rf"^{key} = ", examples, re.MULTILINE), f"no example of {key} in the README"
        assert key in rows or f"`{key}`" in readme.split("[[routes]]` tables", 1)[1], f"{key} is not described"
    assert SHARED_KEYS <= rows
