"""Sources that watch the brand's recent posts (Facebook, Instagram, Threads, LinkedIn).

Each poll lists the posts of the recency window with a signature (a comment count, an update time) and reads a
post's comments only when its signature moved; a post whose signature is None is read every poll, or, where the
source says `unsigned_in_turn`, in turn: one a poll, the one read longest ago (a post not read yet is read at
once), so that an idle poll costs two requests however many posts there are. Per post, the
cursor keeps the signature and a watermark of the comments already stored, so only new comments are ingested
(and a platform that can read from a point in time may use it). Posts that leave the window leave the cursor.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable, Iterator

from bot.config import AccountConfig
from bot.sources.base import CommentRecord, Cursor, Page, Reread, Tally
from bot.sources.http import ApiClient, HttpSource, ending_at_cap
from bot.sources.recency import recent_since
from bot.sources.watermark import Watermark

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WatchedPost:
    """A post as listed: its signature changes when it has comments we have not read (None: read it every poll)."""

    id: str
    signature: list | None
    title: str | None
    url: str | None
    empty: bool = False  # the platform counts no comments on it: a first sight needs no read


class WatchedPostsSource(HttpSource):
    account: AccountConfig
    http: ApiClient
    days: int
    unsigned_in_turn = False  # posts without a signature are read one a poll, in turn (else all, every poll)

    def recent_posts(self, since: datetime) -> Iterable[WatchedPost]:
        raise NotImplementedError

    def post_comments(self, post: WatchedPost, mark: Watermark, notes: dict) -> list[CommentRecord]:
        """The post's comments; `mark` is what was read before, which a platform may use to read less, and
        `notes` what the source noted about the post last time (kept in the cursor; it may change them)."""
        raise NotImplementedError

    def fetch(self, cursor: Cursor | None) -> Iterator[Page]:
        state = dict(cursor or {})
        yield from self.remember_brand(state)
        known: dict[str, dict] = dict(state.get("posts") or {})
        posts = list(self.recent_posts(recent_since(self.days, self.http.clock())))
        listed = {post.id for post in posts}
        waiting = self._waiting_their_turn(posts, known)
        noted = False
        for post in posts:
            seen = known.get(post.id) or {}
            if post.signature is not None and seen.get("signature") == post.signature or post.id in waiting:
                continue
            if not seen and post.empty:
                known[post.id], noted = {"signature": post.signature, "comments": Watermark(None).state()}, True
                continue
            mark, notes = Watermark(seen.get("comments")), dict(seen.get("notes") or {})
            records = [r for r in self.new_comments(post, mark, notes)
                       if not mark.seen(r.created_at.timestamp(), r.external_id)]
            for record in records:
                mark.advance(record.created_at.timestamp(), record.external_id)
            known[post.id] = {"signature": post.signature, "comments": mark.state()}
            if post.signature is None and self.unsigned_in_turn:
                known[post.id]["read_at"] = self.http.clock().timestamp()
            if notes:
                known[post.id]["notes"] = notes
            state["posts"] = dict(known)
            yield Page(records, dict(state))
        if noted or set(known) != listed:  # posts that left the recency window are no longer watched
            state["posts"] = {post_id: seen for post_id, seen in known.items() if post_id in listed}
            yield Page([], dict(state))

    def new_comments(self, post: WatchedPost, mark: Watermark, notes: dict) -> list[CommentRecord]:
        """The post's comments as a poll reads them; past MAX_PAGES the read fails the poll (PageCapReached)."""
        return self.post_comments(post, mark, notes)

    def _waiting_their_turn(self, posts: list[WatchedPost], known: dict[str, dict]) -> set[str]:
        """With `unsigned_in_turn`, the posts without a signature left for later polls: all that were read before
        but the one read longest ago."""
        read = {post.id: known[post.id]["read_at"] for post in posts
                if post.signature is None and "read_at" in known.get(post.id, {})}
        if not self.unsigned_in_turn or not read:
            return set()
        return set(read) - {min(read, key=read.__getitem__)}

    def remember_brand(self, state: dict) -> Iterator[Page]:
        """Sources that learn who the brand is from the platform store it in `state` here (once)."""
        return iter(())


class CountedPosts(WatchedPostsSource):
    """The completeness audit (bot/engine/audit.py) for watched-posts sources whose signature holds the platform's
    comment count: the counts come with the poll's own listing, and a post is re-read whole, with its count."""

    count_at = 0  # where the platform's comment count is in a post's signature

    def count_in(self, signature: list | None) -> int | None:
        count = signature[self.count_at] if signature and len(signature) > self.count_at else None
        return count if isinstance(count, int) else None

    def count_now(self, post_id: str) -> int:
        """The post's comment count, asked afresh (one request)."""
        raise NotImplementedError

    def tallies(self, cursor: Cursor | None, budget: int, posts: list[str]) -> list[Tally]:
        state = dict(cursor or {})
        for _ in self.remember_brand(state):  # the brand as the cursor knows it, for the re-reads
            pass
        posts = (state.get("posts") or {}).items()
        counted = ((post_id, self.count_in(seen.get("signature"))) for post_id, seen in posts)
        return [Tally(post_id, count) for post_id, count in counted if count is not None]

    def new_comments(self, post: WatchedPost, mark: Watermark, notes: dict) -> list[CommentRecord]:
        """Past MAX_PAGES (a post with thousands of new comments since the last poll), what was read is stored and
        the poll goes on, so a viral post does not stop its account: the count in the signature then differs from
        the store, and the completeness audit of this same poll re-reads the post and tells its channel once."""
        records, cut_short = self._up_to_cap(post, mark, notes)
        if cut_short and records:
            times = sorted(record.created_at for record in records)
            log.warning("post %s: comments written from %s to %s were read, the rest was not: %s", post.id,
                        f"{times[0]:%Y-%m-%d %H:%M:%S}", f"{times[-1]:%Y-%m-%d %H:%M:%S} UTC", "; ".join(cut_short))
        return records

    def reread(self, post_id: str | None) -> Reread:
        """The post read again whole; past MAX_PAGES, what was read, said not to be whole (nothing is taken for
        deleted, and the count's difference stays an open gap)."""
        records, cut_short = self._up_to_cap(WatchedPost(str(post_id), None, None, None), Watermark(None), {})
        for said in cut_short:
            log.warning("re-read of post %s not whole: %s", post_id, said)
        return Reread(records, Tally(post_id, self.count_now(str(post_id))), complete=not cut_short)

    def _up_to_cap(self, post: WatchedPost, mark: Watermark, notes: dict) -> tuple[list[CommentRecord], list[str]]:
        """The post's comments up to MAX_PAGES pages a read, and what each read cut short there did not reach."""
        with ending_at_cap() as cut_short:
            records = self.post_comments(post, mark, notes)
        return records, cut_short
