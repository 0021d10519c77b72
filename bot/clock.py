"""The one clock the code reads. Every "now" in Reply Nudge comes from `utcnow()` (or a `clock` argument that
defaults to it), never from a database server's `now()`: a replica and its database may disagree by seconds, and
tests move Python's clock alone (tests/timeshift)."""

from __future__ import annotations

from datetime import datetime, timezone


def utcnow() -> datetime:
    return datetime.now(timezone.utc)
