"""`replynudge demo`: the whole pipeline on a bundled replay of two brand accounts, nudges in the terminal.

The bundled comments are moved in time so the newest is a few minutes old. They arrive in two rounds, as they
would between two polls: the second round brings users coming back, a brand reply and new questions.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, select

from bot.config import AccountConfig, ConfigError, Settings
from bot.db.models import Account, Comment, Nudge, Outcome, utcnow
from bot.db.queries import unanswered
from bot.service import open_database, poll_cycle
from bot.slack.terminal import TerminalNotifier

DATA = Path(__file__).parent
ACCOUNTS = (("acme-blog", "nested"), ("acme-video", "flat"))
DEMO_CHANNEL = "#social-demo"  # a name for the terminal; the `demo` column, not this, marks the accounts
SECOND_ROUND_FROM = datetime(2026, 11, 20, 13, 0, tzinfo=timezone.utc)
NUDGE_AFTER = timedelta(minutes=30)


def _parse(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _shifted_rounds(name: str, shift: timedelta) -> tuple[list[str], list[str]]:
    first, second = [], []
    for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        original = _parse(item["created_at"])
        item["created_at"] = (original + shift).isoformat().replace("+00:00", "Z")
        (second if original >= SECOND_ROUND_FROM else first).append(json.dumps(item, ensure_ascii=False) + "\n")
    return first, second


def _latest_time() -> datetime:
    return max(
        _parse(json.loads(line)["created_at"])
        for name, _ in ACCOUNTS
        for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    )


def run_demo(settings: Settings, out=None) -> int:
    out = out or sys.stdout
    factory = open_database(settings)
    with factory() as session:
        team = session.scalars(select(Account.name).where(~Account.demo).order_by(Account.name)).all()
    if team:
        raise ConfigError(f"demo: the database at DATABASE_URL holds your accounts ({', '.join(team)}): the demo would "
                          "add Acme Coffee's comments to what your team sees; run it on a database of its own: "
                          "DATABASE_URL=sqlite:///demo.db replynudge demo")
    shift = utcnow() - timedelta(minutes=5) - _latest_time()
    with tempfile.TemporaryDirectory(prefix="replynudge-demo-") as folder:
        accounts = tuple(
            AccountConfig(
                name=name,
                platform="replay",
                channel=DEMO_CHANNEL,
                nudge_after=NUDGE_AFTER,
                min_score=30,
                timezone=ZoneInfo("UTC"),
                business_hours=None,
                digest_threshold=1000,
                options={"path": str(Path(folder) / f"{name}.jsonl"), "threading": threading},
                source_file="(demo)",
            )
            for name, threading in ACCOUNTS
        )
        demo_settings = dataclasses.replace(settings, accounts=accounts, slack_bot_token=None)
        with factory.begin() as session:  # a rerun starts from scratch; the poll's sync keeps the marker
            session.execute(delete(Account).where(Account.name.in_([name for name, _ in ACCOUNTS])))
            session.add_all(Account(name=a.name, platform=a.platform, channel=a.channel, demo=True) for a in accounts)
        rounds = {name: _shifted_rounds(name, shift) for name, _ in ACCOUNTS}
        notifier = TerminalNotifier(out)

        out.write(
            "Reply Nudge demo: two accounts of Acme Coffee (a blog and a video channel), replayed from bundled\n"
            f"comments. A comment that deserves an answer and has waited {int(NUDGE_AFTER.total_seconds() // 60)} "
            "minutes becomes a nudge.\n\n== First poll ==\n\n"
        )
        for index in (0, 1):
            if index == 1:
                out.write("== New comments arrived; second poll ==\n\n")
            for name, _ in ACCOUNTS:
                with (Path(folder) / f"{name}.jsonl").open("a", encoding="utf-8") as handle:
                    handle.writelines(rounds[name][index])
            before = _counts(factory)
            outcomes = poll_cycle(demo_settings, factory, notifier)
            after = _counts(factory)
            if after["nudges"] == before["nudges"]:
                out.write("(no new nudges)\n\n")
            for outcome in outcomes:
                out.write(f"   polled {outcome.describe()}\n")
            if after["settled"] > before["settled"]:
                out.write(f"   {after['settled'] - before['settled']} nudged comment(s) answered on the platform since\n")
            out.write("\n")
            if not all(outcome.ok for outcome in outcomes):
                return 1

    totals = _counts(factory)
    with factory() as session:
        listed = unanswered(session, now=utcnow(), accounts=[name for name, _ in ACCOUNTS], limit=0).total
    out.write(
        f"Done: {totals['comments']} comments, {totals['nudges']} nudges; {totals['waiting']} still waiting for Acme, "
        f"{listed} of them worth a nudge\n(`replynudge unanswered` lists those, --all every one).\n"
        "Next: `replynudge init` connects your own account (its first poll removes the demo's).\n"
    )
    return 0


def _counts(factory) -> dict[str, int]:
    names = [name for name, _ in ACCOUNTS]
    with factory() as session:
        in_demo = Comment.account_id.in_(select(Account.id).where(Account.name.in_(names)))
        return {
            "comments": session.scalar(select(func.count()).where(in_demo)) or 0,
            "waiting": session.scalar(
                select(func.count()).where(
                    in_demo, Comment.answered_at.is_(None), Comment.is_brand.is_(False), Comment.deleted.is_(False)
                )
            )
            or 0,
            "nudges": session.scalar(
                select(func.count()).select_from(Nudge).join(Comment).where(in_demo)
            )
            or 0,
            "settled": session.scalar(
                select(func.count())
                .select_from(Nudge)
                .join(Comment)
                .where(in_demo, Nudge.handled_how == Outcome.ANSWERED, Nudge.posted_at.is_not(None))
            )
            or 0,
        }
