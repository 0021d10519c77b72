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
