"""Where a nudge goes and whether it goes at all: keyword routes, ignored phrases and commenters muted in the config."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import false, func, not_, or_, update
from sqlalchemy.orm import Session

from bot.config import AccountConfig
from bot.db.models import Author, folded_handle
from bot.engine import lifecycle

CONFIG_MUTE = "config"  # Author.muted_by for commenters muted by the config file (the file can lift it again)


def _any_of(phrases: tuple[str, ...], *, word_start: bool) -> re.Pattern[str]:
    prefix = r"\b" if word_start else ""
    return re.compile("|".join(prefix + re.escape(phrase) for phrase in phrases), re.IGNORECASE)


@dataclass(frozen=True)
class Routing:
    routes: tuple[tuple[re.Pattern[str], str], ...] = ()
    ignored: re.Pattern[str] | None = None

    @classmethod
    def of(cls, account: AccountConfig) -> Routing:
        routes = tuple((_any_of(route.keywords, word_start=True), route.channel) for route in account.routes)
        ignored = _any_of(account.ignored_phrases, word_start=False) if account.ignored_phrases else None
        return cls(routes, ignored)

    def ignores(self, text: str) -> bool:
        return self.ignored is not None and self.ignored.search(text) is not None

    def channel_for(self, text: str, default: str | None, *, private: bool = False) -> str | None:
        """The first route whose keywords the text contains, else the account's channel. A private message to the
        brand stays in the account's channel: a route would show it to people who may not see the account."""
        if private:
            return default
        return next((channel for pattern, channel in self.routes if pattern.search(text)), default)


def commenters_named(names: tuple[str, ...]):
    """The SQL condition for authors known by one of `names`: id, handle with or without @, or name, any case
    (folded in Python on both sides, never by the database's lower(): see `folded`)."""
    wanted = sorted({folded_handle(name) for name in names})
    if not wanted:
        return false()
    return or_(  # never NULL, so that its negation holds for the authors not named (most have no handle)
        Author.external_id_folded.in_(wanted),
        func.coalesce(Author.handle_folded, "").in_(wanted),
        Author.name_folded.in_(wanted),
    )


def apply_config_mutes(session: Session, account_id: int, commenters: tuple[str, ...], now: datetime) -> None:
    """Mute the account's commenters listed in the config (by id, handle with or without @, or name, any case),
    settling their open nudges (a posted message is edited to say so), and unmute those the config muted before
    but no longer lists. Mutes made from Slack are left alone."""
    listed = commenters_named(commenters)
    muted = session.scalars(
        update(Author)
        .where(Author.account_id == account_id, Author.muted.is_(False), listed)
        .values(muted=True, muted_by=CONFIG_MUTE, muted_at=now)
        .returning(Author.id)
        .execution_options(synchronize_session=False)
    ).all()
    lifecycle.settle_muted(session, muted, CONFIG_MUTE, now, edit_later=True)
    session.execute(
        update(Author)
        .where(Author.account_id == account_id, Author.muted_by == CONFIG_MUTE, not_(listed))
        .values(muted=False, muted_by=None, muted_at=None)
        .execution_options(synchronize_session=False)
    )
