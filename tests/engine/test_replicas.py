"""Three `replynudge run` replicas on one PostgreSQL database share 20 accounts; one is killed mid-run.

Every comment that deserves a nudge is printed exactly once over the three replicas' outputs, every account is
polled to the end of its file (lines appended during the run included), and the killed replica's claim on the
account it was polling expires and another replica finishes that account.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.db import make_engine, session_factory as make_session_factory
from bot.db.models import Account, Comment, Nudge, SyncState
from tests.conftest import new_postgres_database

ACCOUNTS = 20
LEASE = "3s"
START = datetime.now(timezone.utc) - timedelta(hours=2)


def comment_lines(account: int, first: int, count: int) -> str:
    """User questions, every third one answered at once by the brand (so never nudged)."""
    lines = []
    for index in range(first, first + count):
        when = (START + timedelta(seconds=index)).isoformat()
        lines.append({"id": f"a{account}c{index}", "post": f"p{index % 3}", "author": f"fan{index % 17}",
                      "text": f"Does the blue kettle {index} fit on an induction hob?", "created_at": when})
        if index % 3 == 0:
            lines.append({"id": f"a{account}r{index}", "post": f"p{index % 3}", "parent": f"a{account}c{index}",
                          "author": "Brand", "author_id": "brand", "brand": True, "text": "Yes, it does!",
                          "created_at": when})
    return "".join(json.dumps(line) + "\n" for line in lines)


def append(path: Path, text: str) -> None:
    """One write call per chunk, so a poll never sees a question without the answer that follows it."""
    with path.open("a") as handle:
        handle.write(text)


def expected_nudges(paths: list[Path]) -> set[str]:
    answered, asked = set(), set()
    for path in paths:
        for line in path.read_text().splitlines():
            item = json.loads(line)
            (answered.add(item["parent"]) if item.get("brand") else asked.add(item["id"]))
    return asked - answered


@pytest.fixture
def postgres_url(_postgres_template):
    url, drop = new_postgres_database(_postgres_template)
    yield url
    drop()


def start_replica(workdir: Path, url: str, number: int) -> tuple[subprocess.Popen, Path]:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("SLACK_", "REPLYNUDGE_", "LLM_")) and key not in ("DATABASE_URL", "PORT")}
    env.update(DATABASE_URL=url, REPLYNUDGE_CONFIG=str(workdir / "replynudge.toml"), REPLYNUDGE_LEASE=LEASE,
               PORT="0", HEALTH_PORT="0", PYTHONUNBUFFERED="1")
    out = workdir / f"replica{number}.out"
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"], cwd=workdir, env=env,
        stdout=out.open("w"), stderr=(workdir / f"replica{number}.err").open("w"),
    )
    return process, out


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.02)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


@pytest.mark.slow
def test_three_replicas_one_killed_nudge_each_comment_once_and_poll_every_account(tmp_path, postgres_url):
    paths = [tmp_path / f"account{n}.jsonl" for n in range(ACCOUNTS)]
    for number, path in enumerate(paths):
        append(path, comment_lines(number, 0, 90))
    # Each nudge printed on its own (no flood summaries), so that every one can be counted; a poll every second.
    config = ['[defaults]\nchannel = "C0REPLICAS"\nnudge_after = "0s"\nmin_score = 0\ndigest_threshold = 1000\n'
              'poll_interval = "1s"\npoll_interval_max = "1s"\n']
    config += [f'[[accounts]]\nname = "acct{n}"\nplatform = "replay"\npath = "{path}"\n' for n, path in enumerate(paths)]
    (tmp_path / "replynudge.toml").write_text("\n".join(config))

    factory = make_session_factory(make_engine(postgres_url))
    replicas = [start_replica(tmp_path, postgres_url, number) for number in range(3)]
    pids = {process.pid: process for process, _ in replicas}
    try:
        def a_replica_mid_poll():
            with factory() as session:
                held = session.execute(
                    select(SyncState.account_id, SyncState.lease_owner).where(SyncState.lease_owner.is_not(None))
                ).all()
            for account_id, owner in held:
                pid = int(owner.split(":")[-2])
                if pid in pids:
                    return account_id, pid

        held_account, victim = wait_for(a_replica_mid_poll, 60, "a replica to claim an account")
        os.kill(victim, signal.SIGKILL)
        killed_at = datetime.now(timezone.utc)
        pids[victim].wait(10)

        for number, path in enumerate(paths):  # more comments arrive after the kill
            append(path, comment_lines(number, 90, 30))
        expected = expected_nudges(paths)

        def all_done():
            with factory() as session:
                posted = session.scalar(select(func.count()).where(Nudge.state == Nudge.POSTED))
                behind = session.scalar(
                    select(func.count()).select_from(SyncState).where(SyncState.succeeded_at.is_(None))
                )
                positions = session.execute(select(Account.name, SyncState.cursor).join(SyncState)).all()
            at_end = all(
                cursor and cursor["offset"] == paths[int(name[4:])].stat().st_size for name, cursor in positions
            )
            return posted == len(expected) and behind == 0 and len(positions) == ACCOUNTS and at_end

        wait_for(all_done, 120, f"{len(expected)} nudges posted and every account polled to its end")
    finally:
        for process, _ in replicas:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process, _ in replicas:
            process.wait(30)

    survivors = [process for process, _ in replicas if process.pid != victim]
    assert [process.returncode for process in survivors] == [0, 0]
    printed = Counter()
    for _, out in replicas:
        printed.update(int(number) for number in re.findall(r"── #(\d+) ", out.read_text()))
    with factory() as session:
        ids = dict(session.execute(select(Comment.id, Comment.external_id)).all())
        took_over = session.scalar(select(SyncState.succeeded_at).where(SyncState.account_id == held_account))
        leftover_claims = session.scalar(
            select(func.count()).select_from(Nudge).where(Nudge.state == Nudge.PENDING)
        )
    assert {ids[number] for number in printed} == expected
    assert set(printed.values()) == {1}, [ids[n] for n, times in printed.items() if times > 1]
    assert took_over > killed_at  # the dead replica's account was finished by another replica
    assert leftover_claims == 0
    factory.kw["bind"].dispose()
