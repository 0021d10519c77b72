"""Who may act for an account: see its comments, triage them (done, snooze, assign), reply as the brand, mute.

Every listener asks `Access.check(user, role, account)` before doing anything. With no role configured, the
members of the account's nudge channel may do everything; `can_reply`, `can_triage` and `can_configure` (per
account or in [defaults]) name the users (U…/W…) and user groups (S…) who may instead. Whatever the config says,
guests (`is_restricted`, `is_ultra_restricted`), deactivated users, bots and users of another team or enterprise
(Slack Connect) may not act at all. Slack's answers (users.info, conversations.members, usergroups.users.list,
auth.test) are cached for CACHE_FOR by the app's clock (bot/clock.py's, the one its listeners read), so a member
removed from the channel or a user group (or made a guest) loses access within minutes. When Slack cannot be
asked, the answer is no.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Callable, Iterable, Sequence

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.clock import utcnow
from bot.config import AccountConfig

log = logging.getLogger(__name__)

SEE, TRIAGE, REPLY, CONFIGURE = "see", "triage", "reply", "configure"
DOING = {SEE: "see the comments of", TRIAGE: "triage the comments of", REPLY: "reply publicly for",
         CONFIGURE: "mute commenters or change settings of"}
CACHE_FOR = timedelta(minutes=5)
PAGE = 200


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    why: str = ""  # for a refusal: why, and whom to ask
    because: str = ""  # for a refusal, the reason about the user in the third person ("a guest")

    def __bool__(self) -> bool:
        return self.allowed


class SlackUnavailable(Exception):
    pass


class Access:
    def __init__(self, client: WebClient, *, ttl: timedelta = CACHE_FOR, clock: Callable[[], datetime] = utcnow):
        self.client = client
        self.ttl = ttl
        self._clock = clock
        self._cache: dict[tuple[str, str], tuple[datetime, Any]] = {}
        self._lock = threading.Lock()

    # -- the questions listeners ask -------------------------------------------------------------------------

    def check(self, user: str, role: str, account: AccountConfig) -> Verdict:
        """May `user` do `role` on `account`'s comments? A refusal says why and whom to ask."""
        try:
            refused = self._not_a_full_member(user, account)
            if refused is not None:
                return refused
            allowed = account.roles.get(role) if role != SEE else None
            if allowed:
                if self._in(user, allowed):
                    return Verdict(True)
                return Verdict(False, f"Only {_names(allowed)} may {DOING[role]} *{account.name}*: ask one of them.",
                               f"not one of {_names(allowed)}")
            if role == SEE and any(self._in(user, ids) for ids in account.roles.values() if ids):
                return Verdict(True)
            if account.channel and user in self._members(account.channel):
                return Verdict(True)
        except SlackUnavailable as error:
            return Verdict(False, f"Slack could not confirm your access just now ({error}): try again in a minute.",
                           f"not confirmed by Slack just now ({error})")
        where = f"members of <#{account.channel}>" if account.channel else "the people its config names"
        ask = f"ask someone in <#{account.channel}> to add you" if account.channel else "ask whoever runs Reply Nudge"
        return Verdict(False, f"Only {where} may {DOING[role]} *{account.name}*: {ask}.", f"not one of the {where}")

    def readable(self, user: str, accounts: Iterable[AccountConfig]) -> list[AccountConfig]:
        """The accounts whose comments `user` may see."""
        return [account for account in accounts if self.check(user, SEE, account)]

    def name(self, user: str) -> str | None:
        """`user` as Slack shows them to people (display name, else full name), for text where a mention is not
        rendered; None when Slack cannot say."""
        try:
            info = self._user(user) or {}
        except SlackUnavailable:
            return None
        profile = info.get("profile") or {}
        return profile.get("display_name") or profile.get("real_name") or info.get("real_name") or None

    # -- what Slack says, cached -----------------------------------------------------------------------------

    def _not_a_full_member(self, user: str, account: AccountConfig) -> Verdict | None:
        info = self._user(user)
        ask = f"ask a member of <#{account.channel}>" if account.channel else "ask a full member of your workspace"
        if info is None or info.get("deleted") or info.get("is_bot"):
            return Verdict(False, f"Reply Nudge does not know you as an active member of this workspace: {ask}.",
                           "not an active member of this workspace")
        if not self._ours(info):
            return Verdict(False, "You are in another organisation (a Slack Connect channel): only the brand's own "
                           f"team may act on Reply Nudge. {ask[0].upper()}{ask[1:]}.",
                           "in another organisation (Slack Connect)")
        if info.get("is_restricted") or info.get("is_ultra_restricted"):
            return Verdict(False, f"Guests may not act on Reply Nudge: {ask}.", "a guest")
        return None

    def _ours(self, info: dict) -> bool:
        home = self._home()
        enterprise = (info.get("enterprise_user") or {}).get("enterprise_id")
        if home.get("enterprise_id") and enterprise:
            return enterprise == home["enterprise_id"]
        return bool(info.get("team_id")) and info.get("team_id") == home.get("team_id")

    def _home(self) -> dict:
        return self._cached("home", "", lambda: self._call("auth.test", self.client.auth_test))

    def _user(self, user: str) -> dict | None:
        def fetch():
            try:
                return self._call("users.info", lambda: self.client.users_info(user=user)).get("user")
            except SlackUnavailable as error:
                if "user_not_found" in str(error):
                    return None
                raise
        return self._cached("user", user, fetch)

    def _members(self, channel: str) -> frozenset[str]:
        def fetch():
            found: set[str] = set()
            cursor = None
            while True:
                response = self._call("conversations.members", lambda: self.client.conversations_members(
                    channel=channel, limit=PAGE, **({"cursor": cursor} if cursor else {})))
                found.update(response.get("members") or ())
                cursor = (response.get("response_metadata") or {}).get("next_cursor")
                if not cursor:
                    return frozenset(found)
        return self._cached("members", channel, fetch)

    def _group(self, group: str) -> frozenset[str]:
        return self._cached("group", group, lambda: frozenset(self._call(
            "usergroups.users.list", lambda: self.client.usergroups_users_list(usergroup=group)).get("users") or ()))

    def _in(self, user: str, ids: Sequence[str]) -> bool:
        return user in ids or any(user in self._group(group) for group in ids if group.startswith("S"))

    @staticmethod
    def _call(method: str, call: Callable[[], Any]) -> dict:
        try:
            return call().data
        except SlackApiError as error:
            log.warning("Slack %s failed: %s", method, error.response.get("error"))
            raise SlackUnavailable(f"{method}: {error.response.get('error')}") from None
        except Exception as error:
            log.warning("Slack %s failed: %s", method, error)
            raise SlackUnavailable(f"{method}: {type(error).__name__}") from None

    def _cached(self, kind: str, key: str, fetch: Callable[[], Any]) -> Any:
        now = self._clock()
        with self._lock:
            hit = self._cache.get((kind, key))
        if hit and hit[0] > now:
            return hit[1]
        value = fetch()
        with self._lock:
            self._cache[(kind, key)] = (now + self.ttl, value)
        return value


def _names(ids: Sequence[str]) -> str:
    return ", ".join(f"<!subteam^{i}>" if i.startswith("S") else f"<@{i}>" for i in ids)
