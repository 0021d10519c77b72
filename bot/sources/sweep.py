"""A slow sweep, the completeness audit of platforms that give no count to compare with the store.

Reddit's `num_comments` also counts removed, deleted and spam comments, and Threads reports no reply count at all,
so there the audit (bot/engine/audit.py) reads the brand's recent posts whole, in turn, within the requests it may
spend, and stores each read as a complete re-read: comments approved late or written with an old date arrive,
edits and comments shown again are stored, and comments gone from the read are recorded as deleted. The cursor
keeps, under `swept`, the posts read in the current round; a round starts again once every post was read.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from bot.sources.base import Cursor, Reread

SWEPT = "swept"


def sweep(cursor: Cursor | None, budget: int, posts: list[str], read_whole: Callable[[str], Reread],
          requests_sent: Callable[[], int]) -> list[Reread]:
    """Read the next posts of the round whole while requests are left of `budget` (a read that needs more pages
    than are left finishes); each read carries the cursor that holds the sweep's place after it."""
    state = dict(cursor or {})
    done = [post for post in state.get(SWEPT) or [] if post in posts]
    reads: list[Reread] = []
    start = requests_sent()
    while requests_sent() - start < budget:
        left = [post for post in posts if post not in done]
        if not left:  # the round is over: the next one starts, without reading a post twice in one audit
            done = [read.tally.post_id for read in reads]
            left = [post for post in posts if post not in done]
            if not left:
                break
        done.append(left[0])
        reads.append(replace(read_whole(left[0]), cursor={**state, SWEPT: list(done)}))
    return reads
