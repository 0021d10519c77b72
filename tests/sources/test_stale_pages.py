"""A stale page (a platform's cache or lagging replica serving an older version after a newer one) never undoes
a newer edit or deletion, where the platform gives an edit time; on SQLite and PostgreSQL."""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from datetime import timedelta

import pytest

from bot.engine.ingest import ingest
from tests.support import connectors
from tests.support.connectors import comments, source_for
from tests.support.fake_mastodon import BRAND, TOKEN, FakeMastodon, user
from tests.support.records import T0, make_account, page, record
from bot.config_file import parse_accounts


def store(session_factory, account_id, *records):
    with session_factory.begin() as session:
        ingest(session, account_id, page(*records), now=T0)


def test_an_older_version_never_overwrites_a_newer_edit(session_factory):
    account = make_account(session_factory)
    original = record("u1", text="wat grind for aeropress?")
    first_edit = replace(original, text="what grind for aeropress?", updated_at=T0 + timedelta(minutes=2))
    second_edit = replace(original, text="What grind for the AeroPress?", updated_at=T0 + timedelta(minutes=4))
    store(session_factory, account, original)
    store(session_factory, account, second_edit)
    store(session_factory, account, first_edit)
    stored = comments(session_factory, account)["u1"]
    assert stored.text == second_edit.text and stored.updated_at == second_edit.updated_at
    newer = replace(original, text="Which grind for the AeroPress?", updated_at=T0 + timedelta(minutes=6))
    store(session_factory, account, newer)
    assert comments(session_factory, account)["u1"].text == newer.text


def test_a_version_without_an_edit_time_is_taken_and_keeps_the_stored_one(session_factory):
    """WordPress's source stamps only the edits it notices: an approval, or a restore after a deletion, comes
    without a time and must not be taken for a stale original."""
    account = make_account(session_factory)
    edited = record("u1", text="what grind for aeropress?", updated_at=T0 + timedelta(minutes=4))
    store(session_factory, account, edited)
    store(session_factory, account, replace(edited, deleted=True, updated_at=None))
    assert comments(session_factory, account)["u1"].deleted
    store(session_factory, account, replace(edited, updated_at=None))
    stored = comments(session_factory, account)["u1"]
    assert not stored.deleted and stored.updated_at == edited.updated_at
    store(session_factory, account, replace(edited, text="wat grind", updated_at=T0 + timedelta(minutes=1)))
    assert comments(session_factory, account)["u1"].text == edited.text


def test_an_older_version_never_undoes_a_newer_deletion(session_factory):
    account = make_account(session_factory)
    edited = record("u1", text="you are the worst", updated_at=T0 + timedelta(minutes=2))
    store(session_factory, account, edited)
    store(session_factory, account, replace(edited, deleted=True, updated_at=T0 + timedelta(minutes=3)))
    store(session_factory, account, edited)
    assert comments(session_factory, account)["u1"].deleted
    # a deletion without a time (most platforms give none) is taken as it comes
    store(session_factory, account, replace(edited, text="you are the best", updated_at=T0 + timedelta(minutes=4)))
    assert not comments(session_factory, account)["u1"].deleted
    store(session_factory, account, replace(edited, deleted=True, updated_at=None))
    assert comments(session_factory, account)["u1"].deleted


def test_a_one_page_repeat_keeps_the_newest_version(session_factory):
    account = make_account(session_factory)
    newer = record("u1", text="What grind for the AeroPress?", updated_at=T0 + timedelta(minutes=4))
    store(session_factory, account, newer, replace(newer, text="wat grind", updated_at=T0 + timedelta(minutes=1)))
    assert comments(session_factory, account)["u1"].text == newer.text


@pytest.fixture
def mastodon(httpserver):
    fake = FakeMastodon(base_url=httpserver.url_for("").rstrip("/"))
    httpserver.expect_request(re.compile(".*")).respond_with_handler(fake)
    return fake


def poll(session_factory, fake):
    entry = {"name": "toots", "platform": "mastodon", "base_url": fake.base_url, "access_token_env": "MASTODON_TOKEN"}
    account = parse_accounts({"accounts": [entry]}, "replynudge.toml", {"MASTODON_TOKEN": TOKEN})[0]
    source = source_for(account)
    source.http.clock = lambda: fake.clock
    outcome, account_id, _ = connectors.poll(session_factory, account, source)
    assert outcome.ok, outcome.describe()
    return account_id


def test_mastodon_serving_an_older_edit_after_the_newer_one_changes_nothing(session_factory, mastodon):
    post = mastodon.post(BRAND, "Ask us anything")
    typo = mastodon.post(user(1), "@acme wat grind for aeropress?", reply_to=post)
    poll(session_factory, mastodon)
    mastodon.edit(typo, "@acme what grind for aeropress?")
    older = copy.deepcopy(mastodon.statuses[typo])
    for _ in range(2):  # every other poll reads the watched statuses again
        poll(session_factory, mastodon)
    mastodon.edit(typo, "@acme what grind for the AeroPress?")
    for _ in range(2):
        account_id = poll(session_factory, mastodon)
    assert comments(session_factory, account_id)[typo].text == "@acme what grind for the AeroPress?"
    mastodon.statuses[typo] = older  # a lagging replica answers with the first edit
    for _ in range(2):
        poll(session_factory, mastodon)
    assert comments(session_factory, account_id)[typo].text == "@acme what grind for the AeroPress?"
