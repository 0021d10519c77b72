"""Reading listings that have no "since" (Reddit, Bluesky, Facebook, Instagram) down to what an earlier poll saw."""

from __future__ import annotations


class Watermark:
    """The newest time seen (Unix seconds) and the ids carrying exactly that time, kept in the cursor."""

    def __init__(self, state: dict | None):
        state = state or {}
        self.time = float(state.get("time", 0.0))
        self.ids = set(state.get("ids", []))

    def seen(self, created: float, name: str) -> bool:
        return created < self.time or (created == self.time and name in self.ids)

    def advance(self, created: float, name: str) -> None:
        if created > self.time:
            self.time, self.ids = created, {name}
        elif created == self.time:
            self.ids.add(name)

    def state(self) -> dict:
        return {"time": self.time, "ids": sorted(self.ids)}


class LateWatermark:
    """For listings where an item can appear after newer ones were listed (an index catching up, Bluesky): every
    read goes `overlap` seconds below the newest time seen, and the ids of that stretch are kept, so a late item
    is still found and nothing is taken twice."""

    def __init__(self, state: dict | None, overlap: float):
        state = state or {}
        self.overlap = overlap
        self.time = float(state.get("time", 0.0))
        self.recent: dict[str, float] = dict(state.get("recent", {}))  # id -> time, for times within the overlap

    def below(self, moment: float) -> bool:
        """Older than anything a late arrival could have: the reading stops here."""
        return moment < self.time - self.overlap

    def seen(self, name: str) -> bool:
        return name in self.recent

    def advance(self, moment: float, name: str) -> None:
        self.time = max(self.time, moment)
        self.recent[name] = moment

    def state(self) -> dict:
        floor = self.time - self.overlap
        return {"time": self.time, "recent": {name: at for name, at in sorted(self.recent.items()) if at >= floor}}
